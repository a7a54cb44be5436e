"""Build `Tables` from short Python lists, the way reading would hand them over."""
from __future__ import annotations

from datetime import date

import polars as pl

from salesboard.model import SCHEMAS, Tables


def make_frame(kind: str, rows: list[dict]) -> pl.DataFrame:
    """Rows as dicts; missing columns are null, dates may be ISO strings."""
    schema = SCHEMAS[kind]
    columns = {
        name: [_value(row.get(name), dtype) for row in rows] for name, dtype in schema.items()
    }
    return pl.DataFrame(columns, schema=schema)


def make_tables(addresses=(), orders=(), activities=(), campaigns=(), offers=None) -> Tables:
    """Like the reader: listed defaults to True, activities get seq in row order
    unless given, and IDs seen only in other tables become unlisted addresses."""
    address_rows = [{"listed": True, **row} for row in addresses]
    activity_rows = [{"seq": index, **row} for index, row in enumerate(activities, start=1)]
    known = {row["customer_id"] for row in address_rows}
    for row in [*orders, *activity_rows, *campaigns, *(offers or [])]:
        if row["customer_id"] not in known:
            known.add(row["customer_id"])
            address_rows.append({"customer_id": row["customer_id"], "listed": False})
    return Tables(
        addresses=make_frame("addresses", address_rows),
        orders=make_frame("orders", list(orders)),
        activities=make_frame("activities", activity_rows),
        campaigns=make_frame("campaigns", list(campaigns)),
        offers=None if offers is None else make_frame("offers", list(offers)),
    )


def _value(value, dtype):
    if dtype == pl.Date and isinstance(value, str):
        return date.fromisoformat(value)
    return value
