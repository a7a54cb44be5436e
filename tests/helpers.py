"""Helpers shared by the tests: small workbooks built in code, and reading them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from salesboard.config import Settings
from salesboard.reading import ReadResult, read_input

TODAY = dt.date(2026, 11, 27)


def write_workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """One workbook; each sheet's rows are written from A1 down (None leaves a cell empty)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD.MM.YYYY"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def read_folder(folder: Path, **settings) -> ReadResult:
    return read_input(Settings(input_dir=folder, today=TODAY, as_of=TODAY, **settings))


def messages(result: ReadResult) -> list[str]:
    return [str(problem) for problem in result.problems]
