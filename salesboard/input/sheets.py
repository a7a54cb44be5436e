"""Recognise each sheet (or part of one) as a table: find its header row, decide its kind, pick its columns.

A sheet is read as the kind of list its headers point to, or not at all: an order list that
lacks its order date is reported, never read as an address list. Every choice made on the
reader's behalf (a column passed over, customers matched by name, an amount computed) is said
once, as a notice. Conversion of the cells follows in convert.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from salesboard.input.convert import ConvertedRows, convert_rows
from salesboard.input.headers import DISTINCTIVE, ID_LIKE, AliasIndex, HeaderMatch, fold
from salesboard.input.parts import RawSheet
from salesboard.quality import Problem

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class SheetTable:
    kind: str  # addresses, orders, activities, campaigns or returns
    file: str
    sheet: str
    rows: pl.DataFrame  # typed fields present in the sheet, plus _file, _sheet, _row
    columns: dict[str, str]  # field → column letter, for locating problems later
    keyed_by_name: bool = False  # no customer-ID column: customer_id holds the customer's name


@dataclass(frozen=True)
class SheetOutline:
    """What a sheet (or a part of it) was read as, for the sheet list: the kind (None: not read),
    data rows found and kept, the header used for each field, and why it was not read."""

    kind: str | None
    rows_read: int
    rows_kept: int
    fields: tuple[tuple[str, str, str], ...]  # (field, column letter, header as written)
    looked_like: str | None = None  # the kind it looked like when it was not read


@dataclass(frozen=True)
class SheetReading:
    """What recognising one sheet gave: its table (None when it holds none), the problems, the
    required cells left empty (cell → field), whose problems say only "missing" so far, and its outline."""

    table: SheetTable | None
    problems: tuple[Problem, ...]
    empty_required: dict[str, str]
    outline: SheetOutline


def recognise_sheet(raw: RawSheet, aliases: AliasIndex, today: dt.date,
                    date_format: str | None = None) -> SheetReading:
    header_index = _find_header_row(raw.cells, aliases)
    if header_index is None:
        return _not_read(raw, Problem("warning", raw.file, raw.sheet, _part_cell(raw), "sheet.no_header",
                                      _skipped(raw)))
    header = list(raw.cells.row(header_index))
    header_row = raw.first_row + header_index
    match = aliases.decide(header)
    if match is None:
        return _not_read(raw, Problem("warning", raw.file, raw.sheet, _part_cell(raw), "sheet.no_header",
                                      _skipped(raw)))
    if not match.complete:
        return _not_read(raw, _looks_like(raw, header, header_row, match), looked_like=match.table)
    letters = {field: raw.column_letters[index] for field, index in match.columns.items()}
    problems = _header_notices(raw, header, header_row, match)
    data = (
        raw.cells.slice(header_index + 1)
        .with_row_index("_row", offset=header_row + 1)
        .select(pl.col("_row").cast(pl.Int64), *[pl.col(letter).alias(field) for field, letter in letters.items()])
        .filter(~pl.all_horizontal(pl.exclude("_row").is_null()))
    )
    converted = convert_rows(data, match, letters, raw, today, date_format, aliases.activity_types)
    table = SheetTable(match.table, raw.file, raw.sheet, converted.rows, letters, match.keyed_by_name)
    outline = SheetOutline(match.table, data.height, converted.rows.height, tuple(
        (field, letters[field], str(header[index])) for field, index in match.columns.items()))
    return SheetReading(table, tuple(problems + converted.problems + _all_rejected(raw, data, converted, match)),
                        converted.empty_required, outline)


def _find_header_row(cells: pl.DataFrame, aliases: AliasIndex) -> int | None:
    for index, row in enumerate(cells.head(HEADER_SEARCH_ROWS).iter_rows()):
        if aliases.count_known(list(row)) >= 2:
            return index
    return None


def _not_read(raw: RawSheet, problem: Problem, looked_like: str | None = None) -> SheetReading:
    rows = max(raw.cells.height - 1, 0)
    return SheetReading(None, (problem,), {}, SheetOutline(None, rows, 0, (), looked_like))


def _part_cell(raw: RawSheet) -> str:
    """Where a problem of a whole part is: its first column (a whole sheet: nowhere in particular)."""
    return raw.column_letters[0] if raw.part and raw.column_letters else ""


def _skipped(raw: RawSheet) -> str:
    return "done.part_skipped" if raw.part else "done.sheet_skipped"


def _looks_like(raw: RawSheet, header: list, header_row: int, match: HeaderMatch) -> Problem:
    """The kind the header points to and the required field it lacks, with the setting that would fix it."""
    seen = [str(header[choice.index]) for field, choice in match.chosen.items() if field in DISTINCTIVE[match.table]]
    taken = {choice.index for choice in match.chosen.values()}
    spare = [str(cell) for index, cell in enumerate(header) if cell is not None and index not in taken]
    # A spare header as the example, but not one that names an ID or number: those never hold a date or amount.
    likely = [cell for cell in spare if not ID_LIKE.search(fold(cell))] or ["…"]
    example = f'{match.missing[0]} = "{likely[0]}"'
    return Problem("error", raw.file, raw.sheet, f"{raw.column_letters[0]}{header_row}" if raw.part else "",
                   "sheet.looks_like", _skipped(raw),
                   {"kind_w": f"kind_a.{match.table}", "seen": ", ".join(seen) or ", ".join(spare[:3]),
                    "missing_w": [f"field.{field}" for field in match.missing], "table": match.table,
                    "example": example})


def _header_notices(raw: RawSheet, header: list, header_row: int, match: HeaderMatch) -> list[Problem]:
    """Repeated headers (warnings), and each choice made on the reader's behalf (notices)."""
    letter = raw.column_letters
    chosen = match.chosen

    def at(index: int) -> str:
        return f"{letter[index]}{header_row}"

    problems = [Problem("warning", raw.file, raw.sheet, at(index), "header.repeated", "done.column_ignored",
                        {"field_w": f"field.{field}", "column": letter[chosen[field].index]})
                for field, index in match.duplicates]
    problems += [Problem("notice", raw.file, raw.sheet, at(index), "header.passed_over", "done.column_ignored",
                         {"field_w": f"field.{field}", "header": str(header[index]),
                          "column": letter[chosen[field].index], "chosen": str(header[chosen[field].index]),
                          "table": match.table})
                 for field, index in match.passed_over]
    problems += [Problem("notice", raw.file, raw.sheet, at(choice.index), "header.fuzzy", "done.read_so",
                         {"header": str(header[choice.index]), "field_w": f"field.{field}"})
                 for field, choice in chosen.items() if choice.how in ("numbered", "typo", "bare_id")]
    amount = chosen.get("amount")
    if amount is not None and amount.rank > 0:
        problems.append(Problem("notice", raw.file, raw.sheet, at(amount.index), "header.gross", "done.read_so",
                                {"header": str(header[amount.index])}))
    if amount is None and "quantity" in chosen and "unit_price" in chosen:
        discount = chosen.get("discount")
        problems.append(Problem("notice", raw.file, raw.sheet, at(chosen["quantity"].index),
                                "header.computed_amount_less" if discount else "header.computed_amount",
                                "done.read_so",
                                {"quantity": str(header[chosen["quantity"].index]),
                                 "price": str(header[chosen["unit_price"].index]),
                                 "discount": "" if discount is None else str(header[discount.index])}))
    if match.keyed_by_name:
        name = next(field for field in ("company", "customer_name", "last_name") if field in chosen)
        problems.append(Problem("notice", raw.file, raw.sheet, at(chosen[name].index), "header.by_name",
                                "done.read_so", {"header": str(header[chosen[name].index])}))
    if "last_name" in chosen and not any(field in chosen for field in ("company", "customer_name")):
        first = chosen.get("first_name")
        problems.append(Problem("notice", raw.file, raw.sheet, at(chosen["last_name"].index), "header.person_name",
                                "done.read_so", {"first": str(header[first.index]) if first else "–",
                                                 "last": str(header[chosen["last_name"].index])}))
    return problems


def _all_rejected(raw: RawSheet, data: pl.DataFrame, converted: ConvertedRows, match: HeaderMatch) -> list[Problem]:
    """An error naming the likely cause when data rows were found but none could be used."""
    if data.height == 0 or converted.rows.height > 0:
        return []
    message, params = converted.cause
    return [Problem("error", raw.file, raw.sheet, "", message, "done.rows_skipped",
                    {"rows": data.height, **params}, rows=data.height)]
