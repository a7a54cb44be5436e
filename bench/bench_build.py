"""Benchmark of the whole build against a plain read of the same workbooks; writes docs/performance.md.

    python bench/bench_build.py [--sizes small,medium,large] [--shapes by-year,one-workbook] [--data bench/data]
                                [--runs 3]

For each size and shape (bench/generate.py writes the workbooks once): the plain sequential
polars.read_excel of every sheet, the whole build as a fresh process, its stages,
start-up, rebuilds, peak memory, site size, and a pandas + openpyxl script computing
the same segment counts. Every figure comes from a fresh process, so no import,
cache or memory of an earlier measurement is shared.
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from generate import MAILING_FILE, SHAPES, SIZES, dataset_folder, rewrite_unchanged, write_dataset
from profile_build import profile_report

from salesboard.publish.swap import current_build

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
AS_OF = "2026-11-27"

TARGET_BUILD_RATIO = 1.3  # whole build ÷ plain read, medium and large
TARGET_REBUILD_SECONDS = 1.0  # medium, a fresh process
TARGET_WATCH_REBUILD_SECONDS = 0.6  # medium, in the process of the watch loop
TARGET_PEAK_BYTES = 2.0e9  # large
TARGET_STARTUP_SECONDS = 0.3
TARGET_SITE_BYTES = 3e6  # beyond plotly.js, large
RATIO_SIZES = ("medium", "large")
CALL_LIST_TARGETS = {"medium": 0.4, "large": 1.5}  # seconds the call list may add to the whole build
PANDAS_LIMIT_SECONDS = 600  # a longer pandas run is estimated instead of measured

# What a user scripts to load the workbooks, timed around the reads only.
PLAIN_READ = """\
import json, sys, time
started = time.perf_counter()
import polars
imported = time.perf_counter()
for path in sys.argv[1:]:
    polars.read_excel(path, sheet_id=0, engine="calamine")
print(json.dumps({"import": imported - started, "read": time.perf_counter() - imported}))
"""

# A plausible script for the segment counts Z0–Z4 with pandas and openpyxl.
PANDAS_SEGMENTS = """\
import json, sys
from pathlib import Path
import pandas as pd

folder = Path(sys.argv[1])
as_of = pd.Timestamp("2026-11-27")
addresses = pd.read_excel(folder / "Adressen.xlsx", engine="openpyxl", dtype={"PLZ": str})
orders = pd.concat(pd.read_excel(path, engine="openpyxl") for path in sorted(folder.glob("Aufträge*.xlsx")))
contacts = pd.read_excel(folder / "Kontakte.xlsx", engine="openpyxl")
mailings = pd.concat(pd.read_excel(path, engine="openpyxl") for path in sorted(folder.glob("Mailing *.xlsx")))

valid = orders[(orders["Status"] != "storniert") & (orders["Betrag netto"] > 0) & (orders["Auftragsdatum"] <= as_of)]
orders_per_customer = valid.groupby("Kd.-Nr.")["Auftragsnummer"].nunique()
n = addresses["Kundennummer"].map(orders_per_customer).fillna(0)

interested = set(addresses.loc[addresses["Interessent seit"] <= as_of, "Kundennummer"])
shows_interest = contacts["Kontaktart"].isin(["Anfrage", "Termin", "Angebot", "Verhandlung"])
interested |= set(contacts.loc[shows_interest & (contacts["Datum"] <= as_of), "Kd.-Nr."])
interested |= set(mailings.loc[(mailings["Reaktion"] == "ja") & (mailings["Versanddatum"] <= as_of), "Kundennummer"])

segment = pd.Series("Z0", index=addresses.index)
segment.loc[addresses["Kundennummer"].isin(interested)] = "Z1"
segment.loc[n == 1] = "Z2"
segment.loc[n == 2] = "Z3"
segment.loc[n >= 3] = "Z4"
print(json.dumps({name: int(count) for name, count in segment.value_counts().items()}))
"""

# Imports and settings until the build lists its input folder, which is where reading starts;
# the process stops there.
START_UP = """\
import json, os, sys, time
started = time.perf_counter()
import salesboard.cli
from salesboard.pipeline import build_site
imported = time.perf_counter()
input_dir = os.path.abspath(sys.argv[1])

def stop_when_reading_starts(event, args):
    if event in ("os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        if os.path.abspath(os.fsdecode(args[0])) == input_dir:
            print(json.dumps({"imports": imported - started}))
            sys.stdout.flush()
            os._exit(0)

sys.addaudithook(stop_when_reading_starts)
salesboard.cli.main(["--input", input_dir, *sys.argv[2:]])
sys.exit("the build ended without listing its input folder")
"""

# The call list worked out on no addresses (so the pages and downloads stay, only empty): what the call
# list adds is the difference to the whole build.
ON_NO_ADDRESSES = """\
import dataclasses
import salesboard.metrics

compute_call_list = salesboard.metrics.compute_call_list

def on_no_addresses(tables, facts, addresses, follow_ups, rules):
    nothing = {name: getattr(tables, name).head(0) for name in ("addresses", "orders", "activities", "campaigns")}
    no_facts = {name: getattr(facts, name).head(0)
                for name in ("addresses", "bookings", "orders", "activities", "mailings")}
    return compute_call_list(dataclasses.replace(tables, **nothing),
                             dataclasses.replace(facts, **no_facts, derived={}), addresses.head(0),
                             follow_ups.head(0), rules)
"""

# The whole build through the command line with the call list on no addresses.
WITHOUT_CALL_LIST = ON_NO_ADDRESSES + """\
import sys
from salesboard.cli import main

salesboard.metrics.compute_call_list = on_no_addresses
sys.exit(main(sys.argv[1:]))
"""

# build_site() in one process from the parsed workbooks (the watch loop's cache), with the call list and
# on no addresses, taking turns: wall and processor time of each build. Without the reading, whose time
# varies from run to run far more than the call list takes, the difference shows more clearly.
IN_PROCESS_CALL_LIST = ON_NO_ADDRESSES + """\
import datetime, json, shutil, sys, time
from pathlib import Path
from salesboard.config import make_settings
from salesboard.input.cache import WorkbookCache
from salesboard.pipeline import build_site

input_dir, output_dir, pairs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
settings = make_settings({}, None, input_dir=input_dir, output_dir=output_dir, as_of=datetime.date(2026, 11, 27),
                         verbosity=0)
cache = WorkbookCache()
build_site(settings, cache)
builds = {"with": [], "without": []}
for _ in range(pairs):
    for mode, function in (("without", on_no_addresses), ("with", compute_call_list)):
        salesboard.metrics.compute_call_list = function
        shutil.rmtree(output_dir)
        started, processor = time.perf_counter(), time.process_time()
        build_site(settings, cache)
        builds[mode].append([time.perf_counter() - started, time.process_time() - processor])
print(json.dumps(builds))
"""

# build_site() as the command line runs it (with the Parquet cache beside the output), timed
# stage by stage.
STAGES = """\
import datetime, json, sys, time
started = time.perf_counter()
from pathlib import Path
from salesboard.input.cache import DiskCache, cache_folder
from salesboard.config import make_settings
from salesboard.pipeline import build_site

input_dir, output_dir = map(Path, sys.argv[1:3])
settings = make_settings({}, None, input_dir=input_dir, output_dir=output_dir, as_of=datetime.date(2026, 11, 27))
imported = time.perf_counter()
result = build_site(settings, DiskCache(cache_folder(output_dir), settings))
print(json.dumps({"imports": imported - started, "seconds": time.perf_counter() - imported,
                  "timings": result.timings}))
"""

# build_site() with the in-memory cache the watch loop keeps: once to fill it, then with
# nothing changed, then with the mailing saved again.
REBUILDS = """\
import datetime, json, sys, time
from pathlib import Path
from salesboard.input.cache import WorkbookCache
from salesboard.config import make_settings
from salesboard.pipeline import build_site

input_dir, output_dir, touched, bench_dir = map(Path, sys.argv[1:5])
sys.path.insert(0, str(bench_dir))
from generate import rewrite_unchanged

settings = make_settings({}, None, input_dir=input_dir, output_dir=output_dir, as_of=datetime.date(2026, 11, 27))
cache = WorkbookCache()

def build():
    started = time.perf_counter()
    result = build_site(settings, cache=cache)
    return {"seconds": time.perf_counter() - started, "timings": result.timings, "reread": list(result.reread)}

build()
unchanged = build()
rewrite_unchanged(touched)
print(json.dumps({"unchanged": unchanged, "one_changed": build()}))
"""


@dataclass(frozen=True)
class Child:
    seconds: float  # wall time of the whole process
    peak_bytes: int  # its maximum resident set size
    stdout: str
    stderr: str


def run_child(command: list[str], cwd: Path) -> Child:
    """Run a fresh process; os.wait4 gives the rusage of exactly this child."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} exited with {process.returncode}:\n{stderr[-3000:]}")
    return Child(seconds, usage.ru_maxrss * 1024, stdout, stderr)  # ru_maxrss is in KiB on Linux


def compile_package() -> None:
    """Bytecode for every module of the package, as installing the wheel writes it. Without it (a checkout
    run with PYTHONDONTWRITEBYTECODE set) every fresh process would compile the package again, about 0.1 s
    that no installed copy spends."""
    compileall.compile_dir(ROOT / "salesboard", quiet=1)


def python(*arguments: object) -> list[str]:
    return [sys.executable, *map(str, arguments)]


def empty_folder(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


@dataclass
class SiteSize:
    total: int = 0
    plotly: int = 0
    plotly_copies: int = 0  # plotly.js files plus pages that inline it
    downloads: int = 0
    cards: int = 0  # the customer cards' shards and the search index
    largest_card_shard: int = 0
    hidden: int = 0  # the build's bookkeeping files, not part of what is served
    pages: dict[str, int] = field(default_factory=dict)


def measure_site(output: Path) -> SiteSize:
    """What a browser is served: the entry pages at the top of `output` and the build they lead to, which
    lies in a hidden folder of its own (the earlier builds kept beside it are bookkeeping)."""
    site = SiteSize()
    current = current_build(output)
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        inside = current is not None and path.is_relative_to(current)
        relative = path.relative_to(current if inside else output)
        if not inside and any(part.startswith(".") for part in relative.parts):
            site.hidden += size
            continue
        site.total += size
        if path.name.startswith("plotly") and path.suffix == ".js":
            site.plotly += size
            site.plotly_copies += 1
        elif relative.parts[0] == "downloads":
            site.downloads += size
        elif relative.parts[0] == "cards":
            site.cards += size
            site.largest_card_shard = max(site.largest_card_shard, size)
        elif path.suffix == ".html":
            if inside:  # the pages themselves, not the small entry pages that lead to them
                site.pages[path.name] = size
            site.plotly_copies += b"plotly.js v" in path.read_bytes()
    return site


@dataclass(frozen=True)
class StagedBuild:
    """One build_site() in a fresh process: its stages and what the process spent around it."""

    timings: dict[str, float]
    imports: float  # imports and settings before build_site()
    build_site: float
    process: float  # the whole process


@dataclass
class SizeResult:
    size: str
    shape: str
    workbook_bytes: int
    load_before: float
    load_after: float = 0.0
    plain_reads: list[float] = field(default_factory=list)  # seconds around the reads
    plain_processes: list[float] = field(default_factory=list)  # the same, whole process
    plain_peak: int = 0
    builds: list[float] = field(default_factory=list)  # whole build, fresh process
    build_peak: int = 0
    # Pairs of whole builds taking turns, with the call list and with it worked out on no addresses.
    with_call_list: list[float] = field(default_factory=list)
    without_call_list: list[float] = field(default_factory=list)
    with_call_list_peak: int = 0
    without_call_list_peak: int = 0
    # The same in one process from the parsed workbooks: per mode, [wall, processor time] of each build.
    in_process_call_list: dict[str, list[list[float]]] = field(default_factory=dict)
    site: SiteSize = field(default_factory=SiteSize)
    segments: dict[str, int] = field(default_factory=dict)  # from the site's summary.json
    startups: list[float] = field(default_factory=list)  # process start until reading begins
    cli_imports: list[float] = field(default_factory=list)
    helps: list[float] = field(default_factory=list)
    import_costs: list[tuple[str, float]] = field(default_factory=list)
    staged: list[StagedBuild] = field(default_factory=list)
    cli_unchanged: list[float] = field(default_factory=list)
    cli_one_changed: list[float] = field(default_factory=list)
    cache_unchanged: list[dict] = field(default_factory=list)  # seconds, timings, reread
    cache_one_changed: list[dict] = field(default_factory=list)
    pandas_seconds: float | None = None
    pandas_note: str = ""
    segments_agree: bool | None = None


    @property
    def label(self) -> str:
        return self.size if self.shape == SHAPES[0] else f"{self.size}, {self.shape}"


def measure_size(size: str, shape: str, folder: Path, runs: int, work: Path,
                 pandas_estimate: float | None, pandas: bool = True, pairs: int = 0) -> SizeResult:
    """Every measurement of one size and shape; the pandas script only with `pandas` (once per size is
    enough: its time hardly depends on the shape)."""
    files = [path.resolve() for path in write_dataset(folder, size, shape)]  # children run in other folders
    folder = folder.resolve()
    result = SizeResult(size, shape, sum(path.stat().st_size for path in files), os.getloadavg()[0])
    empty_folder(work)
    measure_start_up(result, folder, runs, work)
    last_build = measure_builds(result, files, folder, runs, work)
    if size in CALL_LIST_TARGETS:
        measure_call_list(result, folder, pairs or runs, work)
    measure_cli_rebuilds(result, last_build, folder, runs)
    measure_stages(result, folder, runs, work)
    if pandas:
        measure_pandas(result, folder, work, pandas_estimate)
    else:
        result.pandas_note = "run with the first shape only"
    result.load_after = os.getloadavg()[0]
    shutil.rmtree(work)  # the sites and caches of every run: hundreds of MB for the large size
    return result


def build_command(folder: Path, output: Path) -> list[str]:
    return python(ROOT / "build.py", "--input", folder, "--output", output, "--as-of", AS_OF, "-q")


def measure_start_up(result: SizeResult, folder: Path, runs: int, work: Path) -> None:
    progress(result.label, "start-up")
    start_up = ["-c", START_UP, folder, "--output", work / "start-up", "--as-of", AS_OF, "-q"]
    for _ in range(runs):
        child = run_child(python(*start_up), work)
        result.startups.append(child.seconds)
        result.cli_imports.append(json.loads(child.stdout)["imports"])
        result.helps.append(run_child(python(ROOT / "build.py", "--help"), work).seconds)
    result.import_costs = import_costs(run_child(python("-X", "importtime", *start_up), work).stderr)


def measure_builds(result: SizeResult, files: list[Path], folder: Path, runs: int, work: Path) -> Path:
    """Plain reads and whole builds, taking turns so a change in the machine's load hits both alike.
    Returns the folder of the last build."""
    for run in range(1, runs + 1):
        progress(result.label, f"plain read and whole build, run {run} of {runs}")
        child = run_child(python("-c", PLAIN_READ, *files), work)
        result.plain_reads.append(json.loads(child.stdout)["read"])
        result.plain_processes.append(child.seconds)
        result.plain_peak = max(result.plain_peak, child.peak_bytes)
        # An empty working folder holding the output (and the cache the build keeps beside it):
        # no settings file, nothing an earlier build left behind.
        fresh = empty_folder(work / f"build-{run}")
        child = run_child(build_command(folder, fresh / "site"), fresh)
        result.builds.append(child.seconds)
        result.build_peak = max(result.build_peak, child.peak_bytes)
    result.site = measure_site(fresh / "site")
    summary = json.loads((fresh / "site" / "data" / "summary.json").read_text(encoding="utf-8"))
    result.segments = summary["segments"]
    return fresh


def measure_call_list(result: SizeResult, folder: Path, pairs: int, work: Path) -> None:
    """Whole builds with the call list and with it worked out on no addresses, taking turns: `pairs` pairs,
    as a difference this small needs more runs than the rest."""
    for run in range(1, pairs + 1):
        progress(result.label, f"whole build with and without the call list, pair {run} of {pairs}")
        with_ = empty_folder(work / f"with-call-list-{run}")
        child = run_child(build_command(folder, with_ / "site"), with_)
        result.with_call_list.append(child.seconds)
        result.with_call_list_peak = max(result.with_call_list_peak, child.peak_bytes)
        without = empty_folder(work / f"without-call-list-{run}")
        child = run_child(python("-c", WITHOUT_CALL_LIST, *build_command(folder, without / "site")[2:]), without)
        result.without_call_list.append(child.seconds)
        result.without_call_list_peak = max(result.without_call_list_peak, child.peak_bytes)
        shutil.rmtree(with_), shutil.rmtree(without)
    progress(result.label, f"builds with and without the call list in one process, {pairs} pairs")
    inside = empty_folder(work / "call-list-in-process")
    child = run_child(python("-c", IN_PROCESS_CALL_LIST, folder, inside / "site", pairs), inside)
    result.in_process_call_list = json.loads(child.stdout)
    shutil.rmtree(inside)


def measure_cli_rebuilds(result: SizeResult, build: Path, folder: Path, runs: int) -> None:
    """Build again into the last build's output, as a fresh process each time."""
    progress(result.label, "rebuilds through the command line")
    for _ in range(runs):
        result.cli_unchanged.append(run_child(build_command(folder, build / "site"), build).seconds)
    for _ in range(runs):
        rewrite_unchanged(folder / MAILING_FILE)
        result.cli_one_changed.append(run_child(build_command(folder, build / "site"), build).seconds)


def measure_stages(result: SizeResult, folder: Path, runs: int, work: Path) -> None:
    for run in range(1, runs + 1):
        progress(result.label, f"stages and in-process rebuilds, run {run} of {runs}")
        fresh = empty_folder(work / f"stages-{run}")
        child = run_child(python("-c", STAGES, folder, fresh / "site"), fresh)
        staged = json.loads(child.stdout)
        result.staged.append(StagedBuild(staged["timings"], staged["imports"], staged["seconds"], child.seconds))
        fresh = empty_folder(work / f"rebuilds-{run}")
        child = run_child(python("-c", REBUILDS, folder, fresh / "site", folder / MAILING_FILE, BENCH_DIR), fresh)
        rebuilds = json.loads(child.stdout)
        result.cache_unchanged.append(rebuilds["unchanged"])
        result.cache_one_changed.append(rebuilds["one_changed"])


def measure_pandas(result: SizeResult, folder: Path, work: Path, estimate: float | None) -> None:
    if estimate is not None and estimate > PANDAS_LIMIT_SECONDS:
        result.pandas_note = (f"not run: estimated at {estimate / 60:.0f} min from the smaller size "
                              f"(limit {PANDAS_LIMIT_SECONDS / 60:.0f} min)")
        return
    progress(result.label, "pandas + openpyxl script")
    child = run_child(python("-c", PANDAS_SEGMENTS, folder), work)
    result.pandas_seconds = child.seconds
    result.segments_agree = json.loads(child.stdout) == {name: n for name, n in result.segments.items() if n}


def import_costs(importtime_log: str, top: int = 5) -> list[tuple[str, float]]:
    """Seconds of import per top-level package (the standard library as one), largest first."""
    totals: dict[str, float] = {}
    for line in importtime_log.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        package = name.strip().split(".")[0]
        package = "standard library" if package.lstrip("_") in sys.stdlib_module_names else package
        totals[package] = totals.get(package, 0.0) + int(own) / 1e6
    return sorted(totals.items(), key=lambda item: -item[1])[:top]


def progress(size: str, step: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {size}: {step}", file=sys.stderr, flush=True)


# --- the report ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    target: str = ""
    verdict: str = ""  # met, missed or empty when no target applies to this size


def verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 100 else f"{value:.2f} s"


def spread(values: list[float]) -> str:
    """Median, and the range when there was more than one run."""
    text = seconds(statistics.median(values))
    return text if len(values) == 1 else f"{text} ({min(values):.2f}–{max(values):.2f})"


def paired_difference(with_: Sequence[float], without: Sequence[float]) -> float:
    """The median of each run with a part less the run without it that took turns with it: a load that
    comes and goes shifts both runs of a pair alike."""
    return statistics.median(a - b for a, b in zip(with_, without, strict=True))


def megabytes(count: float) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1e3:.0f} kB"


def checked(measure: str, value: str, target: str, met: bool, applies: bool) -> Row:
    """A row with a target, judged only for the sizes the target is set for."""
    return Row(measure, value, target, verdict(met)) if applies else Row(measure, value)


def median_run(runs: list, key) -> object:
    """The run in the middle when sorted by `key` (the lower one of two): its parts add up."""
    return sorted(runs, key=key)[(len(runs) - 1) // 2]


def stage_list(timings: dict[str, float]) -> str:
    return ", ".join(f"{stage} {value:.2f}" for stage, value in timings.items()) + " (seconds)"


def report_rows(result: SizeResult) -> list[Row]:
    build = statistics.median(result.builds)
    return (stage_rows(result) + build_rows(result, build) + call_list_rows(result, build) + rebuild_rows(result)
            + memory_rows(result)
            + start_up_rows(result) + site_rows(result) + pandas_rows(result, build))


def stage_rows(result: SizeResult) -> list[Row]:
    staged = median_run(result.staged, key=lambda run: run.build_site)
    rows = [Row(f"stage: {stage}", f"{seconds(value)} ({value / staged.process:.0%})")
            for stage, value in staged.timings.items()]
    return rows + [
        Row("build_site() outside the timed stages", seconds(staged.build_site - sum(staged.timings.values()))),
        Row("imports and settings before build_site()", seconds(staged.imports)),
        Row("interpreter start and exit", seconds(staged.process - staged.imports - staged.build_site)),
        Row("the process above, stage by stage (median run)", seconds(staged.process)),
    ]


def build_rows(result: SizeResult, build: float) -> list[Row]:
    plain_read, plain_process = statistics.median(result.plain_reads), statistics.median(result.plain_processes)
    ratio = build / plain_read
    return [
        Row("**whole build, fresh process**", spread(result.builds)),
        Row("plain sequential `polars.read_excel`, reads only", spread(result.plain_reads)),
        Row("plain sequential `polars.read_excel`, whole process", spread(result.plain_processes)),
        checked("**ratio whole build ÷ plain read**", f"{ratio:.2f} (÷ whole process: {build / plain_process:.2f})",
                f"≤ {TARGET_BUILD_RATIO}", ratio <= TARGET_BUILD_RATIO, result.size in RATIO_SIZES),
    ]


def call_list_rows(result: SizeResult, build: float) -> list[Row]:
    if not result.without_call_list:
        return []
    limit = CALL_LIST_TARGETS[result.size]
    added = paired_difference(result.with_call_list, result.without_call_list)
    return [
        Row(f"whole build with the call list, {len(result.with_call_list)} runs taking turns with the next",
            spread(result.with_call_list)),
        Row("whole build with the call list worked out on no addresses", spread(result.without_call_list)),
        checked("**what the call list adds to the whole build** (median of the run-by-run differences)",
                f"{added:+.2f} s", f"≤ {limit} s", added <= limit, True),
        Row("… peak memory with it, without it",
            f"{result.with_call_list_peak / 1e9:.2f} GB, {result.without_call_list_peak / 1e9:.2f} GB"),
        *in_process_call_list_rows(result.in_process_call_list),
    ]


def in_process_call_list_rows(builds: dict[str, list[list[float]]]) -> list[Row]:
    if not builds:
        return []
    (walls, processors), (walls_without, processors_without) = (zip(*builds[mode]) for mode in ("with", "without"))
    return [
        Row(f"… in one process from the parsed workbooks, {len(walls)} pairs: build with it, without it",
            f"{spread(walls)}; {spread(walls_without)}"),
        Row("… what it adds there (median of the pair differences): wall, processor time (both cores)",
            f"{paired_difference(walls, walls_without):+.2f} s, "
            f"{paired_difference(processors, processors_without):+.2f} s"),
    ]


def rebuild_rows(result: SizeResult) -> list[Row]:
    applies = result.size == "medium"
    target = f"≤ {TARGET_REBUILD_SECONDS:.0f} s"
    rows = []
    for label, values in (("nothing changed", result.cli_unchanged),
                          (f"{MAILING_FILE} saved again", result.cli_one_changed)):
        rows.append(checked(f"rebuild, {label}, fresh process", spread(values), target,
                            statistics.median(values) <= TARGET_REBUILD_SECONDS, applies))
    for label, runs in (("nothing changed", result.cache_unchanged),
                        (f"{MAILING_FILE} saved again", result.cache_one_changed)):
        values = [run["seconds"] for run in runs]
        middle = median_run(runs, key=lambda run: run["seconds"])
        rows += [
            checked(f"rebuild in-process with WorkbookCache, {label}", spread(values),
                    f"≤ {TARGET_WATCH_REBUILD_SECONDS} s", statistics.median(values) <= TARGET_WATCH_REBUILD_SECONDS,
                    applies),
            Row("… its stages; files parsed again",
                f"{stage_list(middle['timings'])}; {', '.join(Path(f).name for f in middle['reread']) or 'none'}"),
        ]
    return rows


def memory_rows(result: SizeResult) -> list[Row]:
    return [
        checked("peak memory of the whole build (max RSS)", f"{result.build_peak / 1e9:.2f} GB",
                f"≤ {TARGET_PEAK_BYTES / 1e9} GB", result.build_peak <= TARGET_PEAK_BYTES, result.size == "large"),
        Row("peak memory of the plain read", f"{result.plain_peak / 1e9:.2f} GB"),
    ]


def start_up_rows(result: SizeResult) -> list[Row]:
    return [
        checked("start-up: process start until reading begins", spread(result.startups),
                f"≤ {TARGET_STARTUP_SECONDS} s", statistics.median(result.startups) <= TARGET_STARTUP_SECONDS, True),
        Row("… of which imports of salesboard.cli and salesboard.pipeline", spread(result.cli_imports)),
        Row("… largest imports (`-X importtime`, own time)",
            ", ".join(f"{name} {value:.2f} s" for name, value in result.import_costs)),
        Row("`python build.py --help`", spread(result.helps)),
    ]


def site_rows(result: SizeResult) -> list[Row]:
    site = result.site
    beyond_plotly = site.total - site.plotly
    hidden = f" (plus {megabytes(site.hidden)} of hidden bookkeeping files)" if site.hidden else ""
    copies = f"{site.plotly_copies} cop{'y' if site.plotly_copies == 1 else 'ies'}"
    return [
        Row("site size: total", megabytes(site.total) + hidden),
        Row("site size: plotly.min.js", f"{megabytes(site.plotly)}, {copies}"),
        Row("site size beyond plotly.js, downloads included", megabytes(beyond_plotly)),
        # The pages carry at most 5,000 rows per table; the downloads hold the full follow-up list, and the
        # customer cards lie in shards a page loads one at a time, so the target is checked on the rest.
        checked("**pages, other assets and data beyond plotly.js** (downloads and customer cards apart)",
                megabytes(beyond_plotly - site.downloads - site.cards),
                f"plotly.js once + ≤ {TARGET_SITE_BYTES / 1e6:.0f} MB",
                site.plotly_copies == 1 and beyond_plotly - site.downloads - site.cards <= TARGET_SITE_BYTES,
                result.size == "large"),
        Row("pages", ", ".join(f"{name} {megabytes(size)}" for name, size in site.pages.items())),
        Row("downloads (.xlsx and .csv)", megabytes(site.downloads)),
        Row("customer cards and search index (shards loaded one at a time); largest file",
            f"{megabytes(site.cards)}; {megabytes(site.largest_card_shard)}"),
    ]


def pandas_rows(result: SizeResult, build: float) -> list[Row]:
    if result.pandas_seconds is None:
        return [Row("pandas + openpyxl script, same segment counts", result.pandas_note)]
    agree = "same counts as the build" if result.segments_agree else "**counts differ from the build**"
    return [
        Row("pandas + openpyxl script, same segment counts (one run)", f"{seconds(result.pandas_seconds)}; {agree}"),
        Row("ratio pandas script ÷ whole build", f"{result.pandas_seconds / build:.1f}×"),
    ]


def markdown_table(rows: list[Row]) -> str:
    lines = ["| measure | value | target | |", "|---|---|---|---|"]
    lines += [f"| {row.measure} | {row.value} | {row.target} | {row.verdict} |" for row in rows]
    return "\n".join(lines)


def machine_line() -> str:
    memory_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal:"))
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    packages = ", ".join(f"{name} {version(name)}" for name in ("polars", "fastexcel", "pandas", "openpyxl"))
    return (f"{os.cpu_count()} cores ({cpu}), {memory_kib / 2**20:.0f} GiB memory, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, {packages}")


TIME_NOTES = """How the time is spent (the profile below reads the workbooks in one thread, so that it sees the
reading; the downloads are still written beside the pages, out of its sight):

- **Reading is the floor.** calamine's `load_sheet` and the Arrow hand-over are most of the cold build's own
  time, as they are the whole of the plain read. They release the GIL, so two threads read two workbooks at
  once, the largest first so that both finish together. Cells are read as text, which costs about a fifth more
  than the plain read's typed columns and keeps `01067` and a text after 150 numbers as they are.
- **Conversion** turns the text into dates and amounts with one cheap step per column; the pattern matching
  (`31.12.25`, `1.234,56 €`) runs only on the cells that step left. The cache keeps the order lines: they
  are grouped into orders for the metrics at every build, and the customer cards take them as they are
  (the card page puts the lines of one order together).
- **After reading** come the metrics: the segments and follow-ups as of today, the call list (its
  history in one thread, its candidates and its back-test as of D − 90 in another), the week in review
  beside it. Beside the metrics, too, the
  customer cards' text that needs the tables only (their contact fields and timelines, most of the card
  data) and the search index are made. Then the twelve weeks of the cards' sparklines and the pages,
  while the downloads and the rest of the customer cards (what the metrics decide) are written in two
  more threads. A process start and the imports add 0.3–0.5 s.
- **Memory is kept for reuse.** Polars' allocator would hand freed memory back to the system within half a
  second, and the next step would fault the same pages in again (a quarter of the customer cards'
  processor time on the large set was the kernel's); the package asks it to keep them for five seconds and
  return them from a background thread, which took a large in-process build with the customer cards from
  7.5 s to 6.1 s.
- **Rebuilds** load the parsed tables of unchanged workbooks from Parquet, and copy the downloads from the
  last site when the follow-up list is unchanged.
- **Site size** is checked without the downloads: the pages carry at most 5,000 rows per table, and the
  downloads (every overdue address as .xlsx and .csv, for all and per owner) hold the full list, as the target
  allows."""


def target_summary(targets: list[Row]) -> str:
    missed = [row.measure for row in targets if row.verdict != "met"]
    if not missed:
        return f"All {len(targets)} targets above are met."
    return "Missed: " + "; ".join(missed) + ". The profile below shows where that time goes."


def write_report(path: Path, results: list[SizeResult], runs: int, profile: list[str] = (), pairs: int = 0) -> str:
    sections = [
        "# Performance",
        "",
        "How long the whole build takes against simply reading the same workbooks, where the time goes, "
        "and whether the targets are met. Produced by `python bench/bench_build.py "
        f"--sizes {','.join(dict.fromkeys(result.size for result in results))} "
        f"--shapes {','.join(dict.fromkeys(result.shape for result in results))} --runs {runs}"
        + (f" --call-list-pairs {pairs}" if pairs else "") + "` (install the "
        "`bench` extra first); the workbooks come from `bench/generate.py` (seeded, German headers), in two "
        "shapes with the same rows: *by-year*, one order workbook per year, and *one-workbook*, every order "
        "on one sheet of one workbook.",
        "",
        f"Measured on {dt.date.today():%Y-%m-%d}: {machine_line()}. The machine was shared with other work; "
        "load average (1 min) before → after each size: "
        + ", ".join(f"{result.label} {result.load_before:.1f} → {result.load_after:.1f}" for result in results)
        + ".",
        "",
        "How it is measured: every figure comes from a fresh process, with the package's bytecode compiled "
        "first (as installing the wheel does); times are medians of the runs, min–max in brackets.",
        "",
        "- **Whole build**: `python build.py --input DIR --output DIR --as-of 2026-11-27 -q`, started in an "
        "empty folder that receives the output and the cache kept beside it, so the build finds no settings "
        "file and nothing an earlier build left behind. Every output is included.",
        "- **Plain read**: `polars.read_excel(path, sheet_id=0, engine=\"calamine\")` for every workbook, one "
        "after another (script below), timed around the reads and as a whole process. Plain read and whole "
        "build take turns, so a change in the machine's load hits both alike.",
        "- **Stages**: `BuildResult.timings` of `build_site()` called as the command line calls it (with its "
        "Parquet cache), in a fresh empty folder; the run with the median `build_site()` time is shown, with "
        "each stage's share of that whole process.",
        "- **Rebuilds**: through the command line into the output of the last whole build (nothing changed; "
        f"then `{MAILING_FILE}` saved again with the same content and a new modification time), and "
        "in one process with `WorkbookCache`, as the watch loop does.",
        "- **Start-up**: a fresh process that runs the command line and stops when the build lists its input "
        "folder, which is where reading starts.",
        "- **Peak memory**: the maximum resident set size of the process (`os.wait4`). Sizes are decimal "
        "(1 MB = 10⁶ bytes).",
        "- The generated workbooks store text inline (xlsxwriter's constant-memory mode) where Excel writes a "
        "shared-string table; the build and the plain read read the same files.",
        "",
        "| size, shape | addresses | order rows | activities | workbooks |",
        "|---|---|---|---|---|",
    ]
    for result in results:
        spec = SIZES[result.size]
        sections.append(f"| {result.label} | {spec.addresses:,} | {spec.order_rows:,} | {spec.activities:,} | "
                        f"{megabytes(result.workbook_bytes)} |")
    tables, targets = [], []
    for result in results:
        rows = report_rows(result)
        tables += ["", f"## {result.label}", "", markdown_table(rows)]
        targets += [Row(f"{result.label}: {row.measure}", row.value, row.target, row.verdict)
                    for row in rows if row.verdict]
    sections += ["", "## Targets", "", markdown_table(targets), "", target_summary(targets), *tables]
    if profile:
        sections += ["", "## Where the time goes", "", TIME_NOTES, "", *profile]
    sections += ["", "## The scripts compared", "", "Plain read (timed around the loop):", "", "```python",
                 PLAIN_READ.rstrip(), "```", "", "pandas + openpyxl, the segment counts Z0–Z4:", "",
                 "```python", PANDAS_SEGMENTS.rstrip(), "```", ""]
    text = "\n".join(sections)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def pandas_estimate(results: list[SizeResult], size: str) -> float | None:
    """The pandas run time of `size`, scaled by cell count from the largest size measured so far."""
    measured = [result for result in results if result.pandas_seconds is not None]
    if not measured:
        return None
    base = max(measured, key=lambda result: result.workbook_bytes)
    spec, base_spec = SIZES[size], SIZES[base.size]
    cells = spec.addresses * 10 + spec.order_rows * 8 + spec.activities * 6
    base_cells = base_spec.addresses * 10 + base_spec.order_rows * 8 + base_spec.activities * 6
    return base.pandas_seconds * cells / base_cells


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium,large", help="comma-separated: small, medium, large")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated: " + ", ".join(SHAPES))
    parser.add_argument("--data", type=Path, default=BENCH_DIR / "data", help="workbooks and scratch folders")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (pandas: one)")
    parser.add_argument("--call-list-pairs", type=int, default=0,
                        help="pairs of builds with and without the call list (default: --runs)")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "performance.md", help="Markdown output")
    args = parser.parse_args(argv)
    sizes = args.sizes.split(",")
    unknown = sorted(set(sizes) - set(SIZES))
    if unknown:
        parser.error(f"unknown sizes {unknown}; expected some of {', '.join(SIZES)}")
    shapes = args.shapes.split(",")
    if set(shapes) - set(SHAPES):
        parser.error(f"unknown shapes {sorted(set(shapes) - set(SHAPES))}; expected some of {', '.join(SHAPES)}")
    compile_package()
    results: list[SizeResult] = []
    for size in sizes:
        for shape in shapes:
            progress(size, f"workbooks, {shape}")
            folder = dataset_folder(args.data, size, shape)
            results.append(measure_size(size, shape, folder, args.runs, args.data / "runs" / folder.name,
                                        pandas_estimate(results, size), pandas=shape == shapes[0],
                                        pairs=args.call_list_pairs))
    profile = profile_report(args.data / "medium", "medium") if "medium" in sizes else []
    print(write_report(args.report, results, args.runs, profile, args.call_list_pairs))


if __name__ == "__main__":
    main()
