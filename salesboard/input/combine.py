"""Sheets of one kind → one table; the checks that span sheets.

Concatenate in reading order, give customers known only by name one key (the ID
of the listed address of that name, else the name as first written), keep the
first of duplicate customer IDs, group order lines into orders without the
cancelled and returned ones (the lines themselves are kept, marked, for the
customer card), number activities for the same-day tie-break, name campaigns
after their workbook, and add every ID seen only in orders, activities or
campaigns to the addresses.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

import polars as pl

from salesboard.input.convert import MAX_PROBLEMS_PER_COLUMN
from salesboard.input.sheets import SheetTable
from salesboard.model import ORDER_LINES_SCHEMA, SCHEMAS, Tables
from salesboard.quality import Problem

# What an order line tells besides its order, where the sheet has it.
_LINE_FIELDS = {"product": pl.String, "quantity": pl.Float64, "unit_price": pl.Float64}
_ORIGIN = {"_file": pl.String, "_sheet": pl.String, "_row": pl.Int64, "_by_name": pl.Boolean,
           "_id_letter": pl.String, "_type_letter": pl.String}


def assemble_tables(sheets: list[SheetTable], sheet_problems: list[Problem]) -> tuple[Tables, list[Problem]]:
    """The tables, and the problems: `sheet_problems` (those of single sheets, with the key of a customer known
    by name in place of the name, so that its card lists them) and those that span sheets."""
    frames, name_keys = _key_by_name({kind: _concat(kind, [s for s in sheets if s.kind == kind]) for kind in SCHEMAS})
    problems = _keyed_problems(sheet_problems, sheets, name_keys)

    addresses, duplicate_problems = _first_of_duplicates(frames["addresses"])
    problems += duplicate_problems
    returned = _returned([s.rows for s in sheets if s.kind == "returns"])
    lines = frames["orders"].with_columns(
        returned=pl.col("order_id").is_in(returned.implode()).fill_null(False)).with_columns(
        cancelled=pl.col("_cancelled").fill_null(False) | pl.col("returned"))
    orders = _orders(lines)
    activities = frames["activities"]
    problems += _unknown_types(activities)
    campaigns = frames["campaigns"]
    stems = {name: PurePath(name).stem for name in campaigns["_file"].unique()}
    campaigns = campaigns.with_columns(
        campaign=pl.coalesce("campaign", pl.col("_file").replace_strict(stems, return_dtype=pl.String)))
    offers = _offers(frames["offers"]) if any(sheet.kind == "offers" for sheet in sheets) else None

    # An address whose only orders were returned stays an address; one with only cancelled rows does not.
    ordered = lines.filter(~pl.col("_cancelled").fill_null(False))
    addresses, missing_problems = _add_unlisted(addresses, ordered, activities, campaigns, offers)
    problems += missing_problems
    activities = _with_offers(activities, offers).with_columns(seq=pl.int_range(pl.len(), dtype=pl.Int64))
    tables = Tables(**{kind: frame.select(list(SCHEMAS[kind])) for kind, frame in
                       (("addresses", addresses), ("orders", orders), ("activities", activities),
                        ("campaigns", campaigns))},
                    offers=None if offers is None else offers.select(list(SCHEMAS["offers"])),
                    order_lines=lines.select(list(ORDER_LINES_SCHEMA)))
    return tables, problems


def _offers(rows: pl.DataFrame) -> pl.DataFrame:
    """Line items sharing customer and offer ID → one offer (sum, earliest date, the first status given).
    A row without offer ID is an offer of its own."""
    own_key = pl.when(pl.col("offer_id").is_null()).then(pl.int_range(pl.len()))
    return (
        rows.group_by("customer_id", "offer_id", own_key.alias("_own"), maintain_order=True)
        .agg(pl.col("_file").first(), pl.col("offer_date").min(), pl.col("amount").sum().round(2),
             *[pl.col(name).drop_nulls().first() for name in ("status", "decided", "valid_until", "owner",
                                                               "product", "customer_name", "next_follow_up")])
        .drop("_own")
    )


def _with_offers(activities: pl.DataFrame, offers: pl.DataFrame | None) -> pl.DataFrame:
    """Every offer of the list is also an activity of stage offer on its date, once per address and day:
    an offer the contact log already has on that day is not added again."""
    if offers is None or offers.is_empty():
        return activities
    logged = activities.filter(pl.col("stage") == "offer").select("customer_id", "date")
    added = (offers.select("customer_id", "_file", "owner", "next_follow_up", date="offer_date",
                           type=pl.lit("Angebot"), stage=pl.lit("offer"),
                           outcome=pl.concat_str([pl.lit("Angebot "), "offer_id"]))
             .unique(["customer_id", "date"], keep="first", maintain_order=True)
             .join(logged, on=["customer_id", "date"], how="anti"))
    return pl.concat([activities, added], how="diagonal_relaxed")


def _concat(kind: str, sheets: list[SheetTable]) -> pl.DataFrame:
    """All sheets of a kind, with every schema column (null where a sheet lacks it)."""
    schema = {"customer_name": pl.String, "next_follow_up": pl.Date, **SCHEMAS[kind], **_ORIGIN, "status": pl.String,
              "_cancelled": pl.Boolean, **(_LINE_FIELDS if kind == "orders" else {})}
    parts = [sheet.rows.with_columns(_by_name=pl.lit(sheet.keyed_by_name), _id_letter=pl.lit(_id_letter(sheet)),
                                     _type_letter=pl.lit(sheet.columns.get("type", ""))) for sheet in sheets] or [
        pl.DataFrame(schema=schema)]
    frame = pl.concat(parts, how="diagonal_relaxed")
    return frame.with_columns([pl.lit(None, dtype).alias(name) for name, dtype in schema.items()
                               if name not in frame.columns])


def _id_letter(sheet: SheetTable) -> str:
    """The column that identifies a sheet's customers: the ID, or the name of customers known by name."""
    for field in ("customer_id", "company", "customer_name", "last_name"):
        if field in sheet.columns:
            return sheet.columns[field]
    return ""


def _key_by_name(frames: dict[str, pl.DataFrame]) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """Customers known only by name, compared case-insensitively: the ID of the one listed address of
    that company name where there is one, else the name as first written, in reading order. Also each
    name's key (key: the name in lower case, _key)."""
    name_key = pl.col("customer_id").str.to_lowercase()
    named = [frame.filter(pl.col("_by_name")).select("customer_id") for frame in frames.values()]
    if not sum(part.height for part in named):
        return frames, pl.DataFrame(schema={"key": pl.String, "_key": pl.String})
    first_spelling = pl.concat(named).group_by(key=name_key, maintain_order=True).agg(
        spelling=pl.col("customer_id").first())
    listed = (frames["addresses"].filter(~pl.col("_by_name") & pl.col("company").is_not_null())
              .select("customer_id", key=pl.col("company").str.replace_all(r"\s+", " ").str.to_lowercase())
              .filter(pl.len().over("key") == 1))
    keys = first_spelling.join(listed, on="key", how="left").select(
        "key", _key=pl.coalesce("customer_id", "spelling"))
    return {kind: frame.with_columns(_lower=name_key).join(keys, left_on="_lower", right_on="key", how="left",
                                                            maintain_order="left")
            .with_columns(customer_id=pl.when("_by_name").then("_key").otherwise("customer_id"))
            .drop("_lower", "_key")
            for kind, frame in frames.items()}, keys


def _keyed_problems(problems: list[Problem], sheets: list[SheetTable], name_keys: pl.DataFrame) -> list[Problem]:
    """The problems of sheets that know their customers by name, naming each customer by its key."""
    by_name = {(sheet.file, sheet.sheet) for sheet in sheets if sheet.keyed_by_name}
    concerned = [problem for problem in problems if (problem.file, problem.sheet) in by_name and problem.customer_ids]
    if not concerned:
        return problems
    names = {name.lower() for problem in concerned for name in problem.customer_ids}
    key_of = dict(name_keys.filter(pl.col("key").is_in(list(names))).iter_rows())
    return [replace(problem, customer_ids=tuple(key_of.get(name.lower(), name) for name in problem.customer_ids))
            if (problem.file, problem.sheet) in by_name else problem for problem in problems]


_DATE_OF = {"orders": "order_date", "activities": "date", "campaigns": "sent_date", "offers": "offer_date"}


def _returned(returns: list[pl.DataFrame]) -> pl.Series:
    """The order IDs a returns sheet marks as returned: they count toward nothing."""
    if not returns:
        return pl.Series("order_id", [], dtype=pl.String)
    return pl.concat(returns, how="diagonal_relaxed").filter(pl.col("returned"))["order_id"].unique()


def _first_of_duplicates(addresses: pl.DataFrame) -> tuple[pl.DataFrame, list[Problem]]:
    is_first = pl.col("customer_id").is_first_distinct()
    kept, repeats = addresses.filter(is_first), addresses.filter(~is_first)
    first = kept.select("customer_id", _first_file="_file", _first_sheet="_sheet", _first_row="_row",
                        _first_letter="_id_letter")
    listed = MAX_PROBLEMS_PER_COLUMN * 5
    problems = []
    details = repeats.join(first, on="customer_id", how="left")
    for row in details.head(listed).iter_rows(named=True):
        first_cell = f"{row['_first_letter']}{row['_first_row']}"
        same_sheet = row["_first_file"] == row["_file"] and row["_first_sheet"] == row["_sheet"]
        problems.append(Problem(
            "warning", row["_file"], row["_sheet"], f"{row['_id_letter']}{row['_row']}",
            "id.repeated_here" if same_sheet else "id.repeated_there", "done.first_kept",
            {"id": row["customer_id"], "first": first_cell, "first_file": row["_first_file"],
             "first_sheet": row["_first_sheet"]}, customer_ids=(row["customer_id"],)))
    if repeats.height > listed:
        more = repeats.height - listed
        problems.append(Problem("warning", repeats["_file"][0], repeats["_sheet"][0], "", "id.repeated_more",
                                "done.firsts_kept", {"count": more}, rows=more))
    return kept.with_columns(listed=pl.lit(True)), problems


def _orders(lines: pl.DataFrame) -> pl.DataFrame:
    """Line items sharing customer and order ID → one order (sum, earliest date); cancelled rows dropped.
    A row without order ID is an order of its own (its position in the concatenation is its key)."""
    live = lines.with_row_index("_position").filter(~pl.col("cancelled"))
    own_key = pl.when(pl.col("order_id").is_null()).then(pl.col("_position"))
    return (
        live.group_by("customer_id", "order_id", own_key.alias("_own"), maintain_order=True)
        .agg(
            pl.col("_file").first(),
            pl.col("order_date").min(),
            pl.col("amount").sum().round(2),  # whole cents, without the float noise of adding line items
            pl.col("owner").drop_nulls().first(),
            pl.col("customer_name").drop_nulls().first(),
        )
        .drop("_own")
    )


def _unknown_types(activities: pl.DataFrame) -> list[Problem]:
    """One warning per distinct unknown activity type, at its first cell."""
    unknown = (
        activities.filter(pl.col("stage") == "other")
        .group_by("type", maintain_order=True)
        .agg(pl.len().alias("rows"), pl.col("_file", "_sheet", "_row", "_type_letter").first())
    )
    return [
        Problem("warning", row["_file"], row["_sheet"], f"{row['_type_letter']}{row['_row']}", "type.unknown",
                "done.as_other", {"found": _quoted(row["type"]), "count": row["rows"]}, rows=row["rows"])
        for row in unknown.iter_rows(named=True)
    ]


def _quoted(text: str) -> str:
    """As TOML writes a string, so the hint can be copied into dashboard.toml."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _add_unlisted(addresses: pl.DataFrame, orders: pl.DataFrame, activities: pl.DataFrame,
                  campaigns: pl.DataFrame, offers: pl.DataFrame | None) -> tuple[pl.DataFrame, list[Problem]]:
    """Every customer ID of any table is an address: add the missing ones."""
    listed = addresses.select("customer_id")
    problems = []
    unlisted_facts = []
    tables = [("orders", orders), ("activities", activities), ("campaigns", campaigns)]
    for table, frame in tables + ([("offers", offers)] if offers is not None else []):
        missing = frame.join(listed, on="customer_id", how="anti")
        ids = missing["customer_id"].unique().sort()
        if ids.len():
            files = ", ".join(missing["_file"].unique().sort().to_list())
            why = "why.no_address_list" if listed.height == 0 else "why.not_listed"
            examples = ", ".join(ids.head(5).to_list()) + (", …" if ids.len() > 5 else "")
            problems.append(Problem("warning", files, "", "", "ids.unlisted", "done.as_addresses",
                                    {"count": ids.len(), "kind_w": f"kind_in.{table}", "examples": examples,
                                     "why_w": why}, rows=ids.len()))
        unlisted_facts.append(missing.select(
            "customer_id", *[c for c in ("owner", "customer_name") if c in missing.columns],
            _when=pl.col(_DATE_OF[table])))
    unlisted = (
        pl.concat(unlisted_facts, how="diagonal_relaxed")
        .sort("_when", nulls_last=False)
        .group_by("customer_id", maintain_order=True)
        .agg(company=pl.col("customer_name").drop_nulls().last(), owner=pl.col("owner").drop_nulls().last())
        .sort("customer_id")
        .with_columns(listed=pl.lit(False))
    )
    return pl.concat([addresses, unlisted], how="diagonal_relaxed"), problems
