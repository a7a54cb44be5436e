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
from salesboard.input.combine import assemble_tables
from salesboard.input.discover import file_signature
from salesboard.input.explain import describe_empty_cells
from salesboard.input.headers import AliasIndex
from salesboard.input.parts import RawSheet
from salesboard.input.sheets import SheetReading, SheetTable, recognise_sheet
from salesboard.input.usable import workbooks_to_read
from salesboard.input.workbook import read_workbook
from salesboard.model import Tables
from salesboard.quality import Problem

READ_THREADS = min(2, os.cpu_count() or 1)


@dataclass(frozen=True)
class SheetSummary:
    """One sheet (or part of a sheet) for the sheet list: what it was read as, and how."""

    file: str
    sheet: str
    kind: str | None  # None: no table recognised
    rows: int  # rows kept
    part: str = ""  # the Excel table or the columns ("E:G") of a sheet holding several tables
    rows_read: int = 0  # data rows found below the header
    fields: tuple[tuple[str, str, str], ...] = ()  # (field, column letter, header) used
    looked_like: str | None = None  # the kind an unread sheet looked like


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
    notice: Problem | None = None


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
    notices: tuple[Problem, ...] = ()  # e.g. a broken file shown with its last good contents (say describe())


def read_input(settings: Settings, cache: TableCache | None = None, stopwatch=None) -> ReadResult:
    """Read every workbook of the input folder; with a cache, parse only files that changed.
    A stopwatch, if given, times the stages "read" (files to typed sheets) and "validate"."""
    stopwatch = stopwatch or (lambda stage: nullcontext())
    paths = workbooks_to_read(settings)
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
        return FileOutcome(last_good, parsed=True, notice=Problem(
            "notice", result.file, "", "", "file.last_good", "done.last_good",
            {"file": result.file, "reason": _nested(_why_not_good(result)),
             "read_at": f"{last_good.read_at:%d.%m.%Y %H:%M}"}))

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

    with stopwatch("validate"):
        tables, problems = assemble_tables([sheet for result in files for sheet in result.sheets],
                                           [problem for result in files for problem in result.problems])
    return ReadResult(tables, tuple(problems),
                      tuple(summary for result in files for summary in result.summaries), tuple(paths),
                      tuple(_label(path, settings.input_dir.parent) for path in reread), tuple(notices))


def read_file(path: Path, file: str, aliases: AliasIndex, settings: Settings) -> FileTables:
    signature = file_signature(path)
    workbook = read_workbook(path, file, settings.max_input_mb * 2**20)
    problems = list(workbook.problems)
    sheets: list[SheetTable] = []
    summaries: list[SheetSummary] = []
    readings = [(raw, recognise_sheet(raw, aliases, settings.today, settings.date_format))
                for raw in workbook.sheets]
    reasons = describe_empty_cells(path, _empty_cells_by_sheet(readings))
    for raw, reading in readings:
        table, outline = reading.table, reading.outline
        problems += _explained(raw.sheet, reading, reasons)
        summaries.append(SheetSummary(raw.file, raw.sheet, outline.kind, outline.rows_kept, raw.part,
                                      outline.rows_read, outline.fields, outline.looked_like))
        if table is not None:
            sheets.append(table)
    if _label(path, path.parent) != path.name:
        problems.insert(0, Problem("warning", file, "", "", "file.name_not_utf8", "done.file_read", {"name": file}))
    # A file that cannot be read, or a table in it whose rows were all rejected, reads as not good: where
    # a cache has its last good contents, those stand in for it.
    readable = not any(problem.severity == "error" and not problem.sheet for problem in workbook.problems) and not any(
        problem.message.startswith("rejected.") for problem in problems)
    return FileTables(path, file, signature, tuple(sheets), tuple(summaries), tuple(problems), readable,
                      dt.datetime.now().replace(microsecond=0))


def _why_not_good(result: FileTables) -> Problem:
    """The problem that made a file's contents unusable: the file's own, or a table's whose rows all failed."""
    return next((problem for problem in result.problems if problem.message.startswith(("file.", "rejected."))),
                result.problems[0])


def _nested(problem: Problem) -> dict:
    """A problem's words as the value of another problem's placeholder."""
    return {"message": problem.message, "params": problem.params}


def _empty_cells_by_sheet(readings: list[tuple[RawSheet, SheetReading]]) -> dict[str, list[str]]:
    cells: dict[str, list[str]] = {}
    for raw, reading in readings:
        cells.setdefault(raw.sheet, []).extend(reading.empty_required)
    return cells


def _explained(sheet: str, reading: SheetReading, reasons: dict) -> list[Problem]:
    """The sheet's problems, those of empty required cells saying why a cell is empty where the
    workbook tells (an Excel error, a formula saved without its result)."""
    explained = []
    for problem in reading.problems:
        why = reasons.get((sheet, problem.cell)) if problem.cell in reading.empty_required else None
        if why is not None:
            problem = replace(problem, message=f"cell.{why[0]}", params={
                "value": why[1], "field_w": f"field.{reading.empty_required[problem.cell]}"})
        elif problem.message == "rejected.empty":
            column = problem.params["column"]
            cell = next((cell for cell in reading.empty_required if cell.rstrip("0123456789") == column
                         and (sheet, cell) in reasons), None)
            if cell is not None:
                kind, value = reasons[(sheet, cell)]
                problem = replace(problem, message=f"rejected.{kind}", params={**problem.params, "example":
                                                                                 f"{cell}: {value}"})
        explained.append(problem)
    return explained


def _label(path: Path, root: Path) -> str:
    """The path as the user knows it; a name that is not valid UTF-8 shows its undecodable bytes as �."""
    try:
        label = path.relative_to(root).as_posix()
    except ValueError:
        label = path.as_posix()
    return label.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
