"""Stage one of the build: the input folder → validated tables and data-quality problems."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from salesboard.assemble import assemble_tables
from salesboard.config import Settings
from salesboard.headers import AliasIndex
from salesboard.quality import Problem
from salesboard.schema import Tables
from salesboard.tables import SheetTable, recognise_sheet
from salesboard.workbooks import discover_workbooks, read_workbooks


@dataclass(frozen=True)
class SheetSummary:
    file: str
    sheet: str
    kind: str | None  # None: no table recognised
    rows: int


@dataclass(frozen=True)
class ReadResult:
    tables: Tables
    problems: tuple[Problem, ...]
    sheets: tuple[SheetSummary, ...]
    files: tuple[Path, ...]


def read_input(settings: Settings) -> ReadResult:
    paths = discover_workbooks(settings.input_dir)
    workbooks = read_workbooks(paths, settings.input_dir.parent)
    aliases = AliasIndex(settings.aliases, settings.columns)
    problems: list[Problem] = []
    recognised: list[SheetTable] = []
    summaries: list[SheetSummary] = []
    for workbook in workbooks:
        problems += workbook.problems
        for raw in workbook.sheets:
            table, sheet_problems = recognise_sheet(raw, aliases, settings.today, settings.date_format)
            problems += sheet_problems
            if table is not None:
                recognised.append(table)
            summaries.append(SheetSummary(raw.file, raw.sheet, table and table.kind,
                                          table.rows.height if table else 0))
    tables, table_problems = assemble_tables(recognised)
    return ReadResult(tables, tuple(problems + table_problems), tuple(summaries), tuple(paths))
