"""Sheets of one kind → one table; the checks that span sheets.

Each order sheet first has its cancelled rows dropped and its line items grouped
into orders (group_line_items, once per file read, so the cache keeps orders).
Then: concatenate in reading order, keep the first of duplicate customer IDs,
group again the few orders whose line items stand in several sheets, number
activities for the same-day tie-break, name campaigns after their workbook, and
add every ID seen only in orders, activities or campaigns to the addresses.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

import polars as pl

from salesboard.input.sheets import MAX_PROBLEMS_PER_COLUMN, SheetTable
from salesboard.model import SCHEMAS, Tables
from salesboard.quality import Problem

_ORIGIN = {"_file": pl.String, "_sheet": pl.String, "_row": pl.Int64}


def assemble_tables(sheets: list[SheetTable]) -> tuple[Tables, list[Problem]]:
    problems: list[Problem] = []
    frames = {kind: _concat(kind, [s for s in sheets if s.kind == kind]) for kind in SCHEMAS}
    id_letters = {(s.file, s.sheet): s.columns["customer_id"] for s in sheets}

    addresses, duplicate_problems = _first_of_duplicates(frames["addresses"], id_letters)
    problems += duplicate_problems
    orders = _merge_orders_across_sheets(frames["orders"])
    activities = frames["activities"].with_columns(seq=pl.int_range(pl.len(), dtype=pl.Int64))
    problems += _unknown_types(activities, {(s.file, s.sheet): s.columns.get("type", "") for s in sheets})
    campaigns = frames["campaigns"]
    stems = {name: PurePath(name).stem for name in campaigns["_file"].unique()}
    campaigns = campaigns.with_columns(
        campaign=pl.coalesce("campaign", pl.col("_file").replace_strict(stems, return_dtype=pl.String)))

    addresses, missing_problems = _add_unlisted(addresses, orders, activities, campaigns)
    problems += missing_problems
    tables = Tables(**{kind: frame.select(list(SCHEMAS[kind])) for kind, frame in
                       (("addresses", addresses), ("orders", orders), ("activities", activities),
                        ("campaigns", campaigns))})
    return tables, problems


def _concat(kind: str, sheets: list[SheetTable]) -> pl.DataFrame:
    """All sheets of a kind, with every schema column (null where a sheet lacks it)."""
    schema = {**SCHEMAS[kind], **_ORIGIN, "status": pl.String, "_cancelled": pl.Boolean}
    parts = [sheet.rows for sheet in sheets] or [pl.DataFrame(schema=schema)]
    frame = pl.concat(parts, how="diagonal_relaxed")
    return frame.with_columns([pl.lit(None, dtype).alias(name) for name, dtype in schema.items()
                               if name not in frame.columns])


def _first_of_duplicates(addresses: pl.DataFrame, id_letters: dict) -> tuple[pl.DataFrame, list[Problem]]:
    is_first = pl.col("customer_id").is_first_distinct()
    kept, repeats = addresses.filter(is_first), addresses.filter(~is_first)
    first = kept.select("customer_id", pl.col("_file").alias("_first_file"), pl.col("_sheet").alias("_first_sheet"),
                        pl.col("_row").alias("_first_row"))
    problems = []
    details = repeats.join(first, on="customer_id", how="left")
    for row in details.head(MAX_PROBLEMS_PER_COLUMN * 5).iter_rows(named=True):
        letter = id_letters[(row["_file"], row["_sheet"])]
        first_letter = id_letters[(row["_first_file"], row["_first_sheet"])]
        where = (f"cell {first_letter}{row['_first_row']}" if row["_first_file"] == row["_file"]
                 and row["_first_sheet"] == row["_sheet"] else
                 f"{row['_first_file']}, sheet '{row['_first_sheet']}', cell {first_letter}{row['_first_row']}")
        problems.append(Problem("warning", row["_file"], row["_sheet"], f"{letter}{row['_row']}",
                                f"customer ID {row['customer_id']} appears again (first at {where})",
                                "row skipped, the first one kept"))
    if repeats.height > MAX_PROBLEMS_PER_COLUMN * 5:
        problems.append(Problem("warning", repeats["_file"][0], repeats["_sheet"][0], "",
                                f"{repeats.height - MAX_PROBLEMS_PER_COLUMN * 5} more repeated customer IDs",
                                "rows skipped, the first ones kept"))
    return kept.with_columns(listed=pl.lit(True)), problems


def group_line_items(sheet: SheetTable) -> SheetTable:
    """An order sheet with its line items grouped into orders; any other sheet as it is."""
    if sheet.kind != "orders":
        return sheet
    return replace(sheet, rows=_orders(_concat("orders", [sheet])))


def _merge_orders_across_sheets(orders: pl.DataFrame) -> pl.DataFrame:
    """Orders of sheets grouped each on its own; grouped again only when an order ID of a
    customer stands in more than one sheet (sums, minimum and first values carry over)."""
    numbered = orders.filter(pl.col("order_id").is_not_null())
    if not numbered.select(pl.struct("customer_id", "order_id").is_duplicated().any()).item():
        return orders
    return _orders(orders)


def _orders(rows: pl.DataFrame) -> pl.DataFrame:
    """Line items sharing customer and order ID → one order (sum, earliest date); cancelled rows dropped.
    A row without order ID is an order of its own (its position in the concatenation is its key)."""
    live = rows.with_row_index("_position").filter(~pl.col("_cancelled").fill_null(False))
    own_key = pl.when(pl.col("order_id").is_null()).then(pl.col("_position"))
    return (
        live.group_by("customer_id", "order_id", own_key.alias("_own"), maintain_order=True)
        .agg(
            pl.col("_file").first(),
            pl.col("order_date").min(),
            pl.col("amount").sum(),
            pl.col("owner").drop_nulls().first(),
            pl.col("customer_name").drop_nulls().first(),
        )
        .drop("_own")
    )


def _unknown_types(activities: pl.DataFrame, type_letters: dict) -> list[Problem]:
    """One warning per distinct unknown activity type, at its first cell."""
    unknown = (
        activities.filter(pl.col("stage") == "other")
        .group_by("type", maintain_order=True)
        .agg(pl.len().alias("rows"), pl.col("_file").first(), pl.col("_sheet").first(), pl.col("_row").first())
    )
    return [
        Problem("warning", row["_file"], row["_sheet"], f"{type_letters[(row['_file'], row['_sheet'])]}{row['_row']}",
                f"unknown activity type {row['type']!r} ({row['rows']} rows); add it to a stage's aliases "
                "if it is one", "counted as 'other'")
        for row in unknown.iter_rows(named=True)
    ]


def _add_unlisted(addresses: pl.DataFrame, orders: pl.DataFrame, activities: pl.DataFrame,
                  campaigns: pl.DataFrame) -> tuple[pl.DataFrame, list[Problem]]:
    """Every customer ID of any table is an address: add the missing ones."""
    listed = addresses.select("customer_id")
    problems = []
    unlisted_facts = []
    for table, frame in (("orders", orders), ("activities", activities), ("campaigns", campaigns)):
        missing = frame.join(listed, on="customer_id", how="anti")
        ids = missing["customer_id"].unique().sort()
        if ids.len():
            files = ", ".join(missing["_file"].unique().sort().to_list())
            where = "there is no address list" if listed.height == 0 else "they are not in the address list"
            examples = ", ".join(ids.head(5).to_list()) + (", …" if ids.len() > 5 else "")
            problems.append(Problem("warning", files, "", "",
                                    f"{ids.len()} customer IDs in {table} ({examples}): {where}",
                                    "counted as addresses all the same"))
        unlisted_facts.append(missing.select(
            "customer_id", *[c for c in ("owner", "customer_name") if c in missing.columns],
            _when=pl.col("order_date" if table == "orders" else "date" if table == "activities" else "sent_date")))
    unlisted = (
        pl.concat(unlisted_facts, how="diagonal_relaxed")
        .sort("_when", nulls_last=False)
        .group_by("customer_id", maintain_order=True)
        .agg(company=pl.col("customer_name").drop_nulls().last(), owner=pl.col("owner").drop_nulls().last())
        .sort("customer_id")
        .with_columns(listed=pl.lit(False))
    )
    return pl.concat([addresses, unlisted], how="diagonal_relaxed"), problems
