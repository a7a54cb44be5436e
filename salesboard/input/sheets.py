"""Recognise each sheet as one of the four tables and convert its cells to typed columns.

Conversion is explicit per field (values.py). A cell that cannot be read is
reported with its address: a required one skips its row, an optional one is
ignored. The rows that remain carry their origin (_file, _sheet, _row) for the
checks that span sheets (combine.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from salesboard.input import values
from salesboard.input.headers import ALIASES, REQUIRED, AliasIndex, fold
from salesboard.input.workbook import RawSheet
from salesboard.quality import Problem

HEADER_SEARCH_ROWS = 20
MAX_PROBLEMS_PER_COLUMN = 20

_KIND = {
    "customer_id": "id", "order_id": "id",
    "created": "date", "interest_since": "date", "next_follow_up": "date",
    "order_date": "date", "date": "date", "sent_date": "date",
    "amount": "amount", "response": "response",
}
_EXPECTED = {
    "id": "a customer ID",
    "date": "a date such as 31.12.2025",
    "amount": "an amount such as 1.234,56",
    "response": "a response such as ja, nein, x or a date",
}
_LABEL = {
    "customer_id": "customer ID", "company": "company name", "order_date": "order date",
    "amount": "amount", "date": "date", "type": "activity type", "sent_date": "send date",
    "response": "response",
}


@dataclass(frozen=True)
class SheetReading:
    """What recognising one sheet gave: its table (None when it holds none), the problems, and the
    required cells left empty (cell → field label), whose problems say only "missing" so far."""

    table: SheetTable | None
    problems: tuple[Problem, ...]
    empty_required: dict[str, str]


@dataclass(frozen=True)
class SheetTable:
    kind: str  # addresses, orders, activities or campaigns
    file: str
    sheet: str
    rows: pl.DataFrame  # typed fields present in the sheet, plus _file, _sheet, _row
    columns: dict[str, str]  # field → column letter, for locating problems later


def recognise_sheet(raw: RawSheet, aliases: AliasIndex, today: dt.date,
                    date_format: str | None = None) -> SheetReading:
    header_index = _find_header_row(raw.cells, aliases)
    if header_index is None:
        return SheetReading(None, (_sheet_problem(raw, "no table recognised: none of the first 20 rows holds two "
                                                  "known column headers (such as Kundennummer, Datum, Betrag)"),), {})
    header = list(raw.cells.row(header_index))
    match = aliases.match(header)
    if match is None:
        return SheetReading(None, (_sheet_problem(raw, _missing_headers_message(header, aliases, header_index + 1)),),
                            {})
    problems = [
        Problem("warning", raw.file, raw.sheet, f"{raw.column_letters[index]}{header_index + 1}",
                f"repeats the header of field {field} (already column "
                f"{raw.column_letters[match.columns[field]]})", "column ignored")
        for field, index in match.duplicates
    ]
    letters = {field: raw.column_letters[index] for field, index in match.columns.items()}
    rows = (
        raw.cells.slice(header_index + 1)
        .with_row_index("_row", offset=header_index + 2)
        .select(pl.col("_row").cast(pl.Int64), *[pl.col(letter).alias(field) for field, letter in letters.items()])
        .filter(~pl.all_horizontal(pl.exclude("_row").is_null()))
    )
    typed, cell_problems, empty_required = _convert(rows, match.table, letters, raw, today, date_format)
    return SheetReading(SheetTable(match.table, raw.file, raw.sheet, typed, letters),
                        tuple(problems + cell_problems), empty_required)


def _find_header_row(cells: pl.DataFrame, aliases: AliasIndex) -> int | None:
    for index, row in enumerate(cells.head(HEADER_SEARCH_ROWS).iter_rows()):
        if aliases.count_known(list(row)) >= 2:
            return index
    return None


def _missing_headers_message(header: list, aliases: AliasIndex, row_number: int) -> str:
    """Name the table the header comes closest to and what it lacks."""
    present = {aliases.by_table[table].get(fold(cell)) for table in ALIASES for cell in header if cell}
    table = max(REQUIRED, key=lambda name: sum(field in present for field in REQUIRED[name]))
    missing = [f"{field} (e.g. {ALIASES[table][field][0]})" for field in REQUIRED[table]
               if field not in present and field != "campaign"]
    return (f"row {row_number} looks like a header of {table} but lacks {', '.join(missing)}; "
            "add the column, or name its header in dashboard.toml [aliases]")


def _sheet_problem(raw: RawSheet, message: str) -> Problem:
    return Problem("warning", raw.file, raw.sheet, "", message, "sheet skipped")


def _convert(rows: pl.DataFrame, table: str, letters: dict[str, str], raw: RawSheet, today: dt.date,
             date_format: str | None) -> tuple[pl.DataFrame, list[Problem], dict[str, str]]:
    fields = [field for field in ALIASES[table] if field in letters]
    converted = {field: _converter(field, date_format)(rows[field]) for field in fields if field != "response"}
    if "response" in fields:
        converted["responded"], converted["response_date"] = values.response(
            rows["response"], converted["sent_date"], date_format)
    typed = rows.with_columns(**{f"_typed_{name}": column for name, column in converted.items()})

    problems: list[Problem] = []
    required = [field for field in REQUIRED[table] if field in fields]
    typed_name = {field: "_typed_responded" if field == "response" else f"_typed_{field}" for field in fields}
    skip = pl.any_horizontal(*[pl.col(typed_name[field]).is_null() for field in required])
    skipped = typed.filter(skip)
    empty_required: dict[str, str] = {}
    if skipped.height:
        required_problems, empty_required = _required_problems(skipped, required, typed_name, letters, raw)
        problems += required_problems
    kept = typed.filter(~skip)
    for field in fields:
        if field in required or _KIND.get(field) not in _EXPECTED:
            continue
        unreadable = kept.filter(pl.col(field).is_not_null() & pl.col(typed_name[field]).is_null())
        problems += _cell_problems(unreadable, field, letters[field], raw,
                                   lambda value, cell, kind=_KIND[field]:
                                   f"expected {_EXPECTED[kind]}, found {value!r}",
                                   "value ignored")
    for field in fields:
        if _KIND.get(field) == "date":
            far = kept.filter(pl.col(f"_typed_{field}") > today + dt.timedelta(days=365))
            problems += _cell_problems(far, f"_typed_{field}", letters[field], raw,
                                       lambda value, cell: f"date {value} is more than a year after today; "
                                       "probably a typo", "kept as it is", severity="warning")
    result = kept.select(
        "_row",
        *[pl.col(f"_typed_{name}").alias(name) for name in converted],
        pl.lit(raw.file).alias("_file"), pl.lit(raw.sheet).alias("_sheet"),
    )
    if table == "activities":
        result = result.with_columns(stage=values.stages(result["type"]))
    if table == "orders" and "status" in fields:
        result = result.with_columns(_cancelled=values.is_cancelled(result["status"]))
    return result, problems, empty_required


def _converter(field: str, date_format: str | None):
    kind = _KIND.get(field, "text")
    if kind == "date":
        return lambda column: values.date(column, date_format)
    return {"id": values.customer_id, "amount": values.amount, "text": values.text}[kind]


def _required_problems(skipped: pl.DataFrame, required: list[str], typed_name: dict[str, str],
                       letters: dict[str, str], raw: RawSheet) -> tuple[list[Problem], dict[str, str]]:
    """One problem per skipped row, at its first unusable required cell; and the empty cells among
    the ones listed (cell → label), which may hold an Excel error or a formula without its result."""
    first_bad = pl.coalesce([pl.when(pl.col(typed_name[field]).is_null()).then(pl.lit(field))
                             for field in required])
    with_field = skipped.with_columns(_bad=first_bad)
    empty_cells = {f"{letters[field]}{row}": _LABEL[field] for field in required
                   for row in with_field.filter((pl.col("_bad") == field) & pl.col(field).is_null())["_row"]
                   .head(MAX_PROBLEMS_PER_COLUMN)}
    problems: list[Problem] = []
    for field in required:
        label, kind = _LABEL[field], _KIND.get(field, "text")
        problems += _cell_problems(
            with_field.filter(pl.col("_bad") == field), field, letters[field], raw,
            lambda value, cell, label=label, kind=kind: (
                empty_required_message(f"missing the {label}", label) if value is None
                else f"expected {_EXPECTED.get(kind, label)}, found {value!r}"),
            "row skipped")
    return problems, empty_cells


def empty_required_message(why_empty: str, label: str) -> str:
    return f"{why_empty} (required {label})"


def _cell_problems(rows: pl.DataFrame, column: str, letter: str, raw: RawSheet, describe, action: str,
                   severity: str = "error") -> list[Problem]:
    """A problem per cell for the first few rows, described from `column`'s value and the cell address,
    then one line counting the rest."""
    problems = []
    for row, value in rows.select("_row", column).head(MAX_PROBLEMS_PER_COLUMN).iter_rows():
        cell = f"{letter}{row}"
        problems.append(Problem(severity, raw.file, raw.sheet, cell, describe(value, cell), action))
    if rows.height > MAX_PROBLEMS_PER_COLUMN:
        more = rows.height - MAX_PROBLEMS_PER_COLUMN
        problems.append(Problem(severity, raw.file, raw.sheet, letter,
                                f"{more} more cells like {letter}{rows['_row'][0]} in this column",
                                action))
    return problems
