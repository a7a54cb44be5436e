"""A recognised sheet's rows → typed columns, with a problem for every cell that cannot be used.

Conversion is explicit per field (values.py). A required cell that cannot be read skips its
row, an optional one is ignored; each is reported with its address. Customers known only by
name get their name as key, persons get "first last" as name, and an order without an amount
column gets quantity × unit price less discount. Text dates are read in the day/month order
their column proves. The rows that remain carry their origin (_file, _sheet, _row).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import polars as pl

from salesboard.input import values
from salesboard.input.headers import ALIASES, REQUIRED, HeaderMatch
from salesboard.input.parts import RawSheet
from salesboard.quality import Problem

MAX_PROBLEMS_PER_COLUMN = 20
# Up to this many bad cells of a column are listed one by one; more make one problem of the column.
CELLS_LISTED = 5

_KIND = {
    "customer_id": "id", "order_id": "id",
    "created": "date", "interest_since": "date", "next_follow_up": "date",
    "order_date": "date", "date": "date", "sent_date": "date", "offer_date": "date", "decided": "date",
    "valid_until": "date", "offer_id": "id",
    "amount": "amount", "quantity": "number", "unit_price": "amount", "discount": "discount",
    "response": "response",
}
# The fields a row cannot do without, and where they come from when the sheet has no such column.
_NAME_SOURCES = ("company", "customer_name", "last_name")


@dataclass(frozen=True)
class ConvertedRows:
    rows: pl.DataFrame
    problems: list[Problem]
    empty_required: dict[str, str]  # cell → field of required cells that are empty, for a closer look
    cause: tuple[str, dict]  # why no row could be used (word key, values), when none could


def convert_rows(data: pl.DataFrame, match: HeaderMatch, letters: dict[str, str], raw: RawSheet,
                 today: dt.date, date_format: str | None, activity_types: dict[str, str]) -> ConvertedRows:
    table = match.table
    fields = [field for field in ALIASES[table] if field in letters]
    problems: list[Problem] = []
    month_first = {field: _date_order(data[field], field, letters[field], raw, date_format, problems)
                   for field in fields if _KIND.get(field) == "date"}
    typed = {field: _convert(field, data[field], date_format, month_first.get(field, False))
             for field in fields if field != "response"}
    if "response" in fields:
        typed["response"], typed["response_date"] = values.response(
            data["response"], typed["sent_date"], date_format, month_first.get("sent_date", False))
    _derive(typed, match, table)
    required = _required_sources(match, table, fields)
    frame = data.with_columns(**{f"_typed_{name}": column for name, column in typed.items()})
    skip = pl.any_horizontal(*[pl.col(f"_typed_{field}").is_null() for field in required]) if required \
        else pl.lit(False)
    skipped, kept = frame.filter(skip), frame.filter(~skip)
    empty_required: dict[str, str] = {}
    if skipped.height:
        problems += _required_problems(skipped, required, letters, raw, empty_required)
    for field in fields:
        if field in required or _KIND.get(field) in (None, "id"):
            continue
        unreadable = kept.filter(pl.col(field).is_not_null() & pl.col(f"_typed_{field}").is_null())
        problems += _cell_problems(unreadable, field, letters[field], raw, "done.value_ignored",
                                   lambda value, field=field: _unreadable_message(field, value))
    for field in fields:
        if _KIND.get(field) == "date":
            far = kept.filter(pl.col(f"_typed_{field}") > today + dt.timedelta(days=365))
            problems += _cell_problems(far, f"_typed_{field}", letters[field], raw, "done.kept",
                                       lambda value: ("cell.far_future", {"value": str(value)}), "warning")
    outputs = [name for name in typed if name in _OUTPUT[table]]
    rows = kept.select("_row", *[pl.col(f"_typed_{name}").alias(_RENAMED.get(name, name)) for name in outputs],
                       pl.lit(raw.file).alias("_file"), pl.lit(raw.sheet).alias("_sheet"))
    if table == "activities":
        rows = rows.with_columns(stage=values.stages(rows["type"], activity_types))
    if table == "orders" and "status" in fields:
        rows = rows.with_columns(_cancelled=values.is_cancelled(rows["status"]))
    if table == "offers" and "status" in fields:
        problems += _unknown_statuses(rows, letters["status"], raw)
        rows = rows.with_columns(status=values.offer_status(rows["status"]))
    cause = _cause(frame, required, letters, table) if data.height and not rows.height else ("", {})
    return ConvertedRows(rows, problems, empty_required, cause)


_OUTPUT = {
    "addresses": ("customer_id", "company", "contact", "email", "phone", "postcode", "city", "region", "owner",
                  "source", "created", "interest_since", "next_follow_up"),
    "orders": ("customer_id", "order_id", "order_date", "amount", "status", "customer_name", "owner", "product",
               "quantity", "unit_price"),
    "activities": ("customer_id", "date", "type", "outcome", "owner", "next_follow_up", "customer_name"),
    "campaigns": ("campaign", "customer_id", "sent_date", "response", "response_date", "customer_name"),
    "offers": ("customer_id", "offer_id", "offer_date", "amount", "status", "decided", "valid_until", "owner",
               "product", "customer_name"),
    "returns": ("order_id", "returned"),
}


def _unknown_statuses(rows: pl.DataFrame, letter: str, raw: RawSheet) -> list[Problem]:
    """One warning per status word of an offer list that says neither open, won nor lost."""
    unknown = rows.filter(pl.col("status").is_not_null() & values.offer_status(rows["status"]).is_null())
    return [Problem("warning", raw.file, raw.sheet, f"{letter}{row}", "offer.unknown_status", "done.inferred",
                    {"found": repr(status), "count": count}, rows=count)
            for status, row, count in unknown.group_by("status", maintain_order=True)
            .agg(pl.col("_row").first(), pl.len()).iter_rows()]


# A yes/no answer is kept as whether the recipient responded.
_RENAMED = {"response": "responded"}


def _convert(field: str, column: pl.Series, date_format: str | None, month_first: bool) -> pl.Series:
    kind = _KIND.get(field, "text")
    if kind == "date":
        return values.date(column, date_format, month_first)
    if field == "returned":
        return values.is_returned(column)
    return {"id": values.customer_id, "amount": values.amount, "number": values.number,
            "discount": values.discount, "text": values.text}[kind](column)


def _derive(typed: dict[str, pl.Series], match: HeaderMatch, table: str) -> None:
    """Names from first and last name, the name as key of customers without an ID, amount from
    quantity × unit price less discount."""
    if "last_name" in typed and "company" not in typed and "customer_name" not in typed:
        first = typed.get("first_name", pl.Series([None] * typed["last_name"].len(), dtype=pl.String))
        person = pl.select(pl.concat_str([first, typed["last_name"]], separator=" ", ignore_nulls=True)
                           .str.strip_chars()).to_series()
        typed["company" if table == "addresses" else "customer_name"] = values.text(person)
    if match.keyed_by_name:
        name = typed["company"] if "company" in typed else typed["customer_name"]
        typed["customer_id"] = name.str.replace_all(r"\s+", " ")
    if table == "orders" and "amount" not in typed and "quantity" in typed and "unit_price" in typed:
        discount = typed.get("discount", pl.Series([0.0] * typed["quantity"].len()))
        typed["amount"] = (typed["quantity"] * typed["unit_price"] * (1 - discount.fill_null(0.0))).round(2)


def _required_sources(match: HeaderMatch, table: str, fields: list[str]) -> dict[str, str]:
    """The typed columns a row needs, in the order their absence is reported, each with the sheet column it
    comes from (a name for the customer ID of customers known by name, the last name for a person's name)."""
    name = next((field for field in _NAME_SOURCES if field in fields), None)
    required: dict[str, str] = {}
    for field in REQUIRED[table]:
        if field in ("campaign", "returned"):
            continue
        if field == "amount" and "amount" not in fields:
            required["quantity"], required["unit_price"] = "quantity", "unit_price"
        elif field in fields:
            required[field] = field
        elif name is not None:
            required[field] = name
    return required


def _date_order(column: pl.Series, field: str, letter: str, raw: RawSheet, date_format: str | None,
                problems: list[Problem]) -> bool:
    """True when the column's text dates are month/day (a second part above 12 proves it, and no first
    part above 12 says otherwise); said once, as a notice."""
    if date_format:
        return False
    day_proof, month_proof = values.date_order_evidence(column)
    if month_proof is None or day_proof is not None:
        return False
    problems.append(Problem("notice", raw.file, raw.sheet, letter, "dates.month_first", "done.read_so",
                            {"example": month_proof}))
    return True


def _unreadable_message(field: str, value) -> tuple[str, dict]:
    return "cell.expected", {"expected_w": f"expected.{_KIND.get(field, 'id')}", "found": repr(value)}


def _required_problems(skipped: pl.DataFrame, required: dict[str, str], letters: dict[str, str], raw: RawSheet,
                       empty_required: dict[str, str]) -> list[Problem]:
    """One problem per skipped row, at its first unusable required cell; the empty cells listed go into
    `empty_required`, since the workbook may say why they are empty (an Excel error, an unsaved formula)."""
    first_bad = pl.coalesce([pl.when(pl.col(f"_typed_{field}").is_null()).then(pl.lit(field))
                             for field in required])
    with_field = skipped.with_columns(_bad=first_bad)
    problems: list[Problem] = []
    for field, source in required.items():
        letter = letters[source]
        rows = with_field.filter(pl.col("_bad") == field)
        empty = rows.filter(pl.col(source).is_null())["_row"].head(MAX_PROBLEMS_PER_COLUMN)
        empty_required.update({f"{letter}{row}": field for row in empty})

        def describe(value, field=field):
            if value is None:
                return "cell.missing", {"field_w": f"field.{field}"}
            return _unreadable_message(field, value)

        problems += _cell_problems(rows, source, letter, raw, "done.row_skipped", describe)
    return problems


def _cell_problems(rows: pl.DataFrame, column: str, letter: str, raw: RawSheet, action: str, describe,
                   severity: str = "error") -> list[Problem]:
    """A problem per cell when there are few; otherwise one for the column, as a person counts them
    ("1,140 cells like G624, G1445, G1446: missing the customer ID"), described from its first cell."""
    whose = pl.col("_typed_customer_id") if "_typed_customer_id" in rows.columns else pl.lit(None, pl.String)
    if rows.height <= CELLS_LISTED:
        problems = []
        for row, value, customer_id in rows.select("_row", column, whose).iter_rows():
            message, params = describe(value)
            problems.append(Problem(severity, raw.file, raw.sheet, f"{letter}{row}", message, action, params,
                                    customer_ids=(customer_id,) if customer_id else ()))
        return problems
    message, params = describe(rows[column][0])
    examples = ", ".join(f"{letter}{row}" for row in rows["_row"].head(3))
    customer_ids = rows.select(whose.drop_nulls().unique(maintain_order=True)).to_series().to_list()
    return [Problem(severity, raw.file, raw.sheet, letter, "cells.like", _PLURAL.get(action, action),
                    {"count": rows.height, "examples": examples, "what": {"message": message, "params": params}},
                    rows=rows.height, customer_ids=tuple(customer_ids))]


# What was done to many cells at once.
_PLURAL = {"done.row_skipped": "done.rows_skipped", "done.value_ignored": "done.values_ignored"}


def _cause(frame: pl.DataFrame, required: dict[str, str], letters: dict[str, str], table: str) -> tuple[str, dict]:
    """Why no row survived: the first required field that no row has (empty, unreadable, or dates in
    the other order)."""
    for field, source in required.items():
        if frame[f"_typed_{field}"].is_not_null().any():
            continue
        letter, raw_values = letters[source], frame[source].drop_nulls()
        if raw_values.is_empty():
            return "rejected.empty", {"field_w": f"field.{field}", "column": letter}
        if _KIND.get(field) == "date" and values.date_order_evidence(raw_values)[1] is not None:
            return "rejected.month_day", {"count": raw_values.len(), "column": letter, "example": raw_values[0]}
        return "rejected.unreadable", {"field_w": f"field.{field}", "column": letter, "example": repr(raw_values[0]),
                                       "table": table}
    return "rejected.mixed", {}
