"""Read the input folder: every file's sheets recognised, then combined into the validated tables.

Each file is read and its sheets recognised on their own (in threads: calamine
and Polars release the GIL), so a cache can hand back what an unchanged file gave
last time, and what a file gave when it last read well.
"""
from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from salesboard.config import Settings
from salesboard.input.combine import assemble_tables, group_line_items
from salesboard.input.discover import discover_workbooks, file_signature
from salesboard.input.explain import describe_empty_cells
from salesboard.input.headers import AliasIndex
from salesboard.input.sheets import SheetReading, SheetTable, empty_required_message, recognise_sheet
from salesboard.input.workbook import RawSheet, read_workbook
from salesboard.model import Tables
from salesboard.quality import Problem

READ_THREADS = min(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class SheetSummary:
    file: str
    sheet: str
    kind: str | None  # None: no table recognised
    rows: int


@dataclass(frozen=True)
class FileTables:
    """What one file gave: its recognised sheets, a summary per sheet, and its problems."""

    path: Path
    file: str
    signature: tuple[int, int] | None  # size and modification time (ns) when it was read
    sheets: tuple[SheetTable, ...]
    summaries: tuple[SheetSummary, ...]
    problems: tuple[Problem, ...]
    readable: bool  # False when the file as a whole could not be read
    read_at: dt.datetime


@dataclass(frozen=True)
class FileOutcome:
    """One file in one build: what it gave, whether it was parsed now (not taken from the cache),
    and a notice when its last good contents stand in for a file that cannot be read now."""

    tables: FileTables
    parsed: bool
    notice: str | None = None


class TableCache(Protocol):
    """What a file gave when it was last read (input.cache)."""

    def get(self, path: Path, signature: tuple[int, int] | None) -> FileTables | None: ...
    def last_good(self, path: Path) -> FileTables | None: ...
    def put(self, tables: FileTables) -> None: ...
    def forget_missing(self, present: list[Path]) -> None: ...


@dataclass(frozen=True)
class ReadResult:
    tables: Tables
    problems: tuple[Problem, ...]
    sheets: tuple[SheetSummary, ...]
    files: tuple[Path, ...]
    reread: tuple[str, ...] = ()  # files parsed now (the others came from the cache)
    notices: tuple[str, ...] = ()  # e.g. a broken file shown with its last good contents


def read_input(settings: Settings, cache: TableCache | None = None, stopwatch=None) -> ReadResult:
    """Read every workbook of the input folder; with a cache, parse only files that changed.
    A stopwatch, if given, times the stages "read" (files to typed sheets) and "validate"."""
    stopwatch = stopwatch or (lambda stage: nullcontext())
    paths = discover_workbooks(settings.input_dir)
    aliases = AliasIndex(settings.aliases, settings.columns)

    def read(path: Path) -> FileOutcome:
        """In threads, so parsing, caching and loading overlap."""
        cached = cache.get(path, file_signature(path)) if cache else None
        if cached is not None:
            return FileOutcome(cached, parsed=False)
        result = read_file(path, _label(path, settings.input_dir.parent), aliases, settings)
        if cache is None:
            return FileOutcome(result, parsed=True)
        if result.readable:
            cache.put(result)
            return FileOutcome(result, parsed=True)
        last_good = cache.last_good(path)
        if last_good is None:
            return FileOutcome(result, parsed=True)
        return FileOutcome(last_good, parsed=True, notice=(
            f"{result.file} could not be read ({result.problems[0].message}); "
            f"showing its contents as read at {last_good.read_at:%d.%m.%Y %H:%M}"))

    if cache:
        cache.forget_missing(paths)
    with stopwatch("read"):
        if READ_THREADS > 1:
            # Largest first, so the biggest workbook is not left to one thread at the end.
            by_size = sorted(paths, key=lambda path: -(file_signature(path) or (0, 0))[0])
            with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
                done = dict(zip(by_size, pool.map(read, by_size)))
            outcomes = [done[path] for path in paths]
        else:
            outcomes = [read(path) for path in paths]
    files = [outcome.tables for outcome in outcomes]
    notices = [outcome.notice for outcome in outcomes if outcome.notice]
    reread = [path for path, outcome in zip(paths, outcomes) if outcome.parsed]

    problems = [problem for result in files for problem in result.problems]
    with stopwatch("validate"):
        tables, table_problems = assemble_tables([sheet for result in files for sheet in result.sheets])
    return ReadResult(tables, tuple(problems + table_problems),
                      tuple(summary for result in files for summary in result.summaries), tuple(paths),
                      tuple(_label(path, settings.input_dir.parent) for path in reread), tuple(notices))


def read_file(path: Path, file: str, aliases: AliasIndex, settings: Settings) -> FileTables:
    signature = file_signature(path)
    workbook = read_workbook(path, file)
    problems = list(workbook.problems)
    sheets: list[SheetTable] = []
    summaries: list[SheetSummary] = []
    for raw in workbook.sheets:
        reading = recognise_sheet(raw, aliases, settings.today, settings.date_format)
        table = reading.table
        problems += _explain_empty_cells(raw, reading)
        summaries.append(SheetSummary(raw.file, raw.sheet, table and table.kind, table.rows.height if table else 0))
        if table is not None:
            sheets.append(group_line_items(table))
    readable = not any(problem.severity == "error" and not problem.sheet for problem in workbook.problems)
    return FileTables(path, file, signature, tuple(sheets), tuple(summaries), tuple(problems), readable,
                      dt.datetime.now().replace(microsecond=0))


def _explain_empty_cells(raw: RawSheet, reading: SheetReading) -> list[Problem]:
    """The sheet's problems, those of empty required cells saying why a cell is empty where the
    workbook tells (an Excel error, a formula saved without its result)."""
    reasons = describe_empty_cells(raw.path, raw.sheet, list(reading.empty_required))
    return [replace(problem, message=empty_required_message(reasons[problem.cell],
                                                            reading.empty_required[problem.cell]))
            if problem.cell in reasons else problem for problem in reading.problems]


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
