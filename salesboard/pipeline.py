"""build_site(): the whole build, stage by stage. Everything is computed before anything is written,
and the site changes only once every page is rendered, in one step (salesboard.publish.swap)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateNotFound

from salesboard.config import Settings, build_time
from salesboard.input.read import ReadResult, SheetSummary, TableCache, read_input
from salesboard.input.usable import require_usable_input
from salesboard.metrics import Metrics, compute_metrics
from salesboard.metrics.facts import select_facts
from salesboard.metrics.headline_history import headline_history, headline_on
from salesboard.model import LINK_KINDS, Column
from salesboard.publish.cards import search_index, write_cards, write_search_index
from salesboard.publish.downloads import write_downloads, write_site_downloads
from salesboard.publish.lock import build_lock
from salesboard.publish.oserrors import output_error
from salesboard.publish.summary import summary_dict, write_summary
from salesboard.publish.swap import current_build, publish_site, repair_summary, staging_folder
from salesboard.quality import Problem, tally, word
from salesboard.site.card_data import TableCards, card_shard_texts, table_cards
from salesboard.site.formatting import fmt_date, fmt_number
from salesboard.site.page_model import Page
from salesboard.site.pages import (
    ListExport,
    PageContext,
    SiteData,
    build_pages,
    follow_up_columns,
    follow_up_links,
    follow_up_rows,
    list_exports,
    offer_exports,
)
from salesboard.site.pages.call_list import call_rows
from salesboard.site.render import render_site


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
    language: str = "en"  # of the console lines

    def summary_line(self) -> str:
        errors, warnings = tally(self.problems)
        counts = ", ".join(word(f"console.{kind}", self.language, {"count": count})
                           for kind, count in self.row_counts.items())
        return word("console.built", self.language, {
            "output": str(self.output_dir), "counts": counts, "seconds": fmt_number(self.seconds, self.language, 1),
            **{name: word(f"console.{name}", self.language, {"count": count})
               for name, count in (("sheets", len(self.sheets)), ("errors", errors), ("warnings", warnings))}})


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


def build_site(settings: Settings, cache: TableCache | None = None) -> BuildResult:
    """Read (with a cache, only the workbooks that changed), compute, render, publish; one build at a
    time per output folder. What the system refuses to write becomes an OutputError naming the path."""
    started = time.perf_counter()
    try:
        settings.output_dir.mkdir(parents=True, exist_ok=True)
        with build_lock(settings.output_dir, settings.lock_wait_seconds, settings.language):
            return locked_build(settings, cache, started)
    except TemplateNotFound:
        raise  # an OSError to Jinja, but a template missing from the installation: a bug, with its traceback
    except OSError as error:
        raise output_error(error, settings.output_dir, settings.language) from error


def locked_build(settings: Settings, cache: TableCache | None, started: float) -> BuildResult:
    stopwatch = Stopwatch()
    repair_summary(settings.output_dir)
    read = read_input(settings, cache, stopwatch)
    require_usable_input(read, settings)
    # Most of the customer cards' text needs only the tables: it is made while the metrics are worked out,
    # whose Polars steps leave the second core idle much of the time.
    with ThreadPoolExecutor(max_workers=1) as beside:
        made = beside.submit(table_cards, read.tables, settings.as_of, settings.rules)
        index = beside.submit(search_index, read.tables.addresses)
        with stopwatch("metrics"):
            metrics = compute_metrics(read.tables, settings.as_of, settings.rules)
        with staging_folder(settings.output_dir) as staging:
            pages = write_pages_and_downloads(settings, read, metrics, (made, index), staging, stopwatch)
            with stopwatch("render"):
                write_summary(summary_dict(metrics, *tally(read.problems)), staging)
            with stopwatch("publish"):
                publish_site(staging, settings.output_dir, [page.slug for page in pages], settings.language)
    # The console says what summary.json says.
    notices = tuple(notice.describe(settings.language) for notice in read.notices)
    return BuildResult(read.sheets, read.problems, dataclasses.asdict(metrics.counts), time.perf_counter() - started,
                       settings.output_dir, read.reread, notices, stopwatch.seconds, settings.language)


def write_pages_and_downloads(settings: Settings, read: ReadResult, metrics: Metrics,
                              cards_begun: tuple[Future[TableCards], Future[bytes]], staging: Path,
                              stopwatch: Stopwatch) -> list[Page]:
    """The pages and the follow-up downloads into `staging`. The downloads are written in a second
    thread while last week's figures and the pages are made, and the customer cards and the search
    index in a third: all mostly Polars and zlib, which release the GIL, so on two cores they overlap."""
    context = PageContext(settings)
    rows, columns = follow_up_rows(metrics, context), [_as_text(column) for column in follow_up_columns(context)]
    # File names and sheets carry the as-of date; the workbooks' properties the build time.
    stem = f"{context.t('download.stem')}-{settings.as_of.isoformat()}"
    sheet = f"{context.t('page.follow_ups')} {fmt_date(settings.as_of, settings.language)}"
    links = follow_up_links(rows, stem, context)
    exports = list_exports(metrics, context) + offer_exports(metrics, context)
    list_links = {export.id: export.links(context) for export in exports}
    # Two workers: the customer cards (mostly Polars) start at once instead of after the downloads.
    with ThreadPoolExecutor(max_workers=2) as background:
        previous = current_build(settings.output_dir)
        downloads = background.submit(_write_downloads, rows, columns, staging, previous, stem, sheet, exports)
        cards = background.submit(write_card_data, read, metrics, cards_begun, rows, context, staging, previous)
        with stopwatch("metrics"):
            history = headline_history(select_facts(read.tables, settings.as_of), metrics.addresses, settings.rules)
            last_week = headline_on(history, settings.as_of - dt.timedelta(days=7), metrics.counts.addresses)
        with stopwatch("charts"):
            pages = build_pages(SiteData(settings, metrics, last_week, read, rows, links, list_links, history))
        with stopwatch("render"):
            render_site(pages, staging, settings)
        with stopwatch("downloads"):  # what is left of writing them once the pages are done
            downloads.result()
        with stopwatch("cards"):  # and of the customer cards and the search index
            cards.result()
    return pages


def _write_downloads(rows, columns, staging: Path, previous: Path | None, stem: str, sheet: str,
                     exports: list[ListExport]) -> None:
    """The follow-up downloads (copied from the previous site when unchanged), then the other lists."""
    created = build_time()
    write_site_downloads(rows, columns, staging, previous, stem, "owner", sheet, created=created)
    for export in exports:
        write_downloads(export.rows, [_as_text(column) for column in export.columns], staging / "downloads",
                        export.stem, None, export.sheet, created=created)


def write_card_data(read: ReadResult, metrics: Metrics, begun: tuple[Future[TableCards], Future[bytes]], follow_ups,
                    context: PageContext, staging: Path, previous: Path | None) -> None:
    """The customer cards in shards (unchanged ones taken from the previous build) and the search index, from
    what was made of the tables beside the metrics (`begun`: table_cards, search_index)."""
    made, index = begun
    texts = card_shard_texts(metrics, context.language, follow_ups, call_rows(metrics.call_list.rows, metrics, context),
                             made.result(), read.problems)
    write_cards(texts, staging, previous)
    write_search_index(index.result(), staging)


def _as_text(column: Column) -> Column:
    """Links (tel, mailto) are plain text in a workbook."""
    return dataclasses.replace(column, kind="text") if column.kind in LINK_KINDS else column
