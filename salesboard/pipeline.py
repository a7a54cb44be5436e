"""build_site(): the whole build, stage by stage. Everything is computed before anything is written,
and the output folder changes only once every page is rendered."""
from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from salesboard.config import Settings, build_time
from salesboard.errors import BuildError
from salesboard.quality import Problem, tally
from salesboard.reading import ReadResult, SheetSummary, read_input


@dataclass(frozen=True)
class BuildResult:
    sheets: tuple[SheetSummary, ...]
    problems: tuple[Problem, ...]
    row_counts: dict[str, int]
    seconds: float
    output_dir: Path
    reread: tuple[str, ...] = ()  # files parsed in this build
    notices: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage

    def summary_line(self) -> str:
        errors, warnings = tally(self.problems)
        counts = ", ".join(f"{count} {kind}" for kind, count in self.row_counts.items())
        return (f"built {self.output_dir} from {len(self.sheets)} sheets: {counts}; {errors} errors, "
                f"{warnings} warnings; {self.seconds:.1f} s")


class Stopwatch:
    """Seconds per stage of one build, for the log and the benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


def build_site(settings: Settings, cache=None) -> BuildResult:
    """Read (with a cache, only the workbooks that changed), compute, render, publish."""
    from salesboard.metrics import Rules, compute_headline, compute_metrics, summary_dict
    from salesboard.exports import download_names, write_site_downloads
    from salesboard.pagemodel import Link
    from salesboard.pages import PageContext, SiteData, build_pages, follow_up_columns, follow_up_rows
    from salesboard.publish import publish_site, staging_folder
    from salesboard.render import PACKAGE_TEMPLATES, copy_assets, render_pages

    started = time.perf_counter()
    stopwatch = Stopwatch()
    read = read_input(settings, cache, stopwatch)
    _require_some_table(read)
    if settings.strict and read.problems:
        raise BuildError(f"{len(read.problems)} data-quality problems, fatal with --strict "
                         f"(first: {read.problems[0]}); the previous site is left as it was")

    with stopwatch("metrics"):
        rules = Rules(loyal_min_orders=settings.loyal_min_orders, cadence_days=dict(settings.cadence_days),
                      offer_chase_days=settings.offer_chase_days)
        metrics = compute_metrics(read.tables, settings.as_of, rules)
        summary = summary_dict(metrics, *tally(read.problems))

    templates_dir = settings.templates_dir if (settings.templates_dir / "page.html").is_file() else PACKAGE_TEMPLATES
    context = PageContext(settings)
    with staging_folder(settings.output_dir) as staging, ThreadPoolExecutor(max_workers=1) as background:
        # The downloads are written while last week's figures and the pages are made: all mostly
        # Polars and zlib, which release the GIL, so on two cores they overlap.
        rows, columns = follow_up_rows(metrics, context), follow_up_columns(context)
        stem = context.t("download.stem")
        links = tuple(Link(name, f"downloads/{name}") for name in download_names(rows, stem, "owner"))
        downloads = background.submit(write_site_downloads, rows, columns, staging, settings.output_dir, stem,
                                      "owner", context.t("page.follow_ups"))
        with stopwatch("metrics"):
            last_week = compute_headline(read.tables, settings.as_of - dt.timedelta(days=7), rules)
        with stopwatch("charts"):
            pages = build_pages(SiteData(settings, metrics, last_week, read, rows, links))
        with stopwatch("render"):
            title = f"{settings.company} · {context.t('site.title')}" if settings.company else context.t("site.title")
            render_pages(pages, staging, templates_dir, language=settings.language,
                         site_title=title, as_of=settings.as_of, built=build_time())
            copy_assets(templates_dir, staging)
            (staging / "data").mkdir()
            (staging / "data" / "summary.json").write_text(
                json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        with stopwatch("downloads"):  # what is left of writing them once the pages are done
            downloads.result()
        with stopwatch("publish"):
            publish_site(staging, settings.output_dir)

    counts = {kind: getattr(read.tables, kind).height for kind in ("addresses", "orders", "activities", "campaigns")}
    return BuildResult(read.sheets, read.problems, counts, time.perf_counter() - started, settings.output_dir,
                       read.reread, read.notices, stopwatch.seconds)


def _require_some_table(read: ReadResult) -> None:
    if not any(sheet.kind for sheet in read.sheets):
        found = f"{len(read.files)} files" if read.files else "no workbooks"
        raise BuildError(f"nothing to build: {found} in the input folder, and no sheet holds a recognisable "
                         "table (addresses, orders, activities or campaigns); the previous site is left as it was")
