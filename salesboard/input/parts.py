"""A sheet as text cells, and its parts: each Excel table, or each block of columns that a wholly
empty column separates from the next, is read as a table of its own."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

_REFERENCE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


@dataclass(frozen=True)
class RawSheet:
    """Text cells of a sheet or of a part of it: row i of `cells` is spreadsheet row first_row + i;
    its columns are named by their letters."""

    path: Path
    file: str
    sheet: str
    cells: pl.DataFrame
    column_letters: tuple[str, ...]
    first_row: int = 1
    part: str = ""  # "" for the whole sheet, else the Excel table's name or the columns' range, e.g. "E:G"


def column_number(letters: str) -> int:
    """'A' → 0, 'AA' → 26."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


def split_parts(sheet: RawSheet, tables: list[tuple[str, str]]) -> list[RawSheet]:
    """The sheet's Excel tables (name, range) each on its own; without any, its blocks of columns."""
    if tables:
        parts = [_table_part(sheet, name, ref) for name, ref in tables]
        return [part for part in parts if part is not None]
    return _blocks(sheet)


def _table_part(sheet: RawSheet, name: str, ref: str) -> RawSheet | None:
    found = _REFERENCE.match(ref.upper())
    if not found:
        return None
    first, top, last, bottom = found.group(1), int(found.group(2)), found.group(3) or found.group(1), \
        int(found.group(4) or found.group(2))
    wanted = [letter for letter in sheet.column_letters
              if column_number(first) <= column_number(letter) <= column_number(last)]
    if not wanted:
        return None
    cells = sheet.cells.select(wanted).slice(top - sheet.first_row, bottom - top + 1)
    return RawSheet(sheet.path, sheet.file, sheet.sheet, cells, tuple(wanted), top, name)


def _blocks(sheet: RawSheet) -> list[RawSheet]:
    """Runs of columns with something in them; a column with no cell at all (or a gap in the
    letters) ends a block."""
    if not sheet.column_letters:
        return []
    filled = sheet.cells.select(pl.all().is_not_null().any()).row(0)
    blocks: list[list[str]] = []
    previous = None
    for letter, has_cells in zip(sheet.column_letters, filled):
        number = column_number(letter)
        if not has_cells:
            previous = None
            continue
        if previous is None or number != previous + 1:
            blocks.append([])
        blocks[-1].append(letter)
        previous = number
    if len(blocks) <= 1:
        return [sheet] if blocks else []
    return [RawSheet(sheet.path, sheet.file, sheet.sheet, sheet.cells.select(block), tuple(block),
                     sheet.first_row, f"{block[0]}:{block[-1]}") for block in blocks]

