"""The rows of a customer card's timeline, one JSON array each, from every table about the address.

    o  order line  [o, date, order number, amount, status, state, article(, quantity, unit price)]
                 status as the workbook has it (null without a status column); state 0 when the line
                 counts, 1 when it is cancelled, 2 when a returns list marks its order; quantity and unit
                 price only when the line has either. card.js puts the lines of one order number (a line
                 without one is an order of its own) together as reading does: the order's date is its
                 earliest counting line's, its amount what counts (of a cancelled order what was ordered),
                 "returned" in the site's language its status when a returns list marks it.
    a  activity  [a, date, type, owner (null: the card's owner), outcome, next follow-up]
    q  offer     [q, date, offer number, amount, state, owner, product]
    m  mailing   [m, sent date, campaign, response date (null when none)]

Each row starts with a comma: rows follow the card's fields in the card's array. In the data a row's kind
is its letter's place in TIMELINE_KINDS, dates are days since 1970 (null when none). An order goes out as
its lines rather than grouped here: the page groups the few of one card, which costs less than grouping
every line of the workbooks.
"""
from __future__ import annotations

import polars as pl

from salesboard.model import Tables
from salesboard.site.card_json import json_day, json_number, json_text, separated, shown_text, shown_word

# A row's kind is its letter's place here (a digit is shorter in the data; card.js is told the letters),
# and on one day the rows show in this order: an order above the offer it follows, and so on.
TIMELINE_KINDS = ("o", "q", "a", "m")


def table_rows(tables: Tables) -> pl.DataFrame:
    """customer_id, date, kind (its place in TIMELINE_KINDS), text: the rows of the orders, activities
    and mailings as card.js reads them. They need the tables only, so they can be made while the metrics
    are worked out; the offers' rows need the offers' states (offer_rows)."""
    def day(column: str) -> pl.Expr:
        return json_day(pl.col(column))

    owners = tables.addresses.select("customer_id", card_owner="owner")
    # An activity's owner is left out (null) when it is the card's, and shown as "" when it has none.
    same_owner = pl.col("owner") == pl.col("card_owner")
    activities = tables.activities.join(owners, on="customer_id", how="left", maintain_order="left").with_columns(
        other_owner=pl.when(same_owner).then(pl.lit(None, pl.String)).otherwise(pl.col("owner").fill_null("")))
    state = (pl.when(pl.col("returned")).then(pl.lit("2")).when(pl.col("cancelled")).then(pl.lit("1"))
             .otherwise(pl.lit("0")))
    lines = order_lines(tables)
    priced = pl.col("quantity").is_not_null() | pl.col("unit_price").is_not_null()
    price = pl.lit("")  # order lists without quantities and prices have nothing to add to a line
    if lines.select(priced.any()).item():
        price = pl.when(priced).then(pl.concat_str([pl.lit(","), json_number(pl.col("quantity")), pl.lit(","),
                                                    json_number(pl.col("unit_price"))])).otherwise(pl.lit(""))
    return pl.concat([
        tables.campaigns.select("customer_id", date="sent_date", **_row("m", [
            day("sent_date"), shown_word(tables.campaigns, "campaign"), day("response_date")])),
        activities.select("customer_id", "date", **_row("a", [
            day("date"), shown_word(activities, "type"), shown_word(activities, "other_owner"),
            shown_text(pl.col("outcome")), day("next_follow_up")])),
        lines.select("customer_id", date="order_date", **_row("o", [
            day("order_date"), json_text(pl.col("order_id")), json_number(pl.col("amount")),
            shown_word(lines, "status"), state, shown_word(lines, "product")], price)),
    ])


def offer_rows(offers: pl.DataFrame) -> pl.DataFrame:
    """The rows of the offers (offer_states' rows, with their state), as table_rows'."""
    return offers.select("customer_id", date="offer_date", **_row("q", [
        json_day(pl.col("offer_date")), json_text(pl.col("offer_id")), json_number(pl.col("amount")),
        json_text(pl.col("state")), shown_text(pl.col("owner")), shown_text(pl.col("product"))]))


def _row(kind: str, items: list[pl.Expr], tail: pl.Expr | None = None) -> dict[str, pl.Expr]:
    """kind and text of a row of `items` (and `tail`, text of its own commas, before the closing bracket)."""
    code = TIMELINE_KINDS.index(kind)
    text = pl.concat_str([pl.lit(f",[{code},"), *separated(items), *([tail] if tail is not None else []), pl.lit("]")])
    return {"kind": pl.lit(code, pl.Int64), "text": text}


def order_lines(tables: Tables) -> pl.DataFrame:
    """The order lines as read; tables made without them (their orders only) give one line per order."""
    if tables.order_lines is not None:
        return tables.order_lines
    return tables.orders.select("customer_id", "order_id", "order_date", "amount", status=pl.lit(None, pl.String),
                                cancelled=pl.lit(False), returned=pl.lit(False), product=pl.lit(None, pl.String),
                                quantity=pl.lit(None, pl.Float64), unit_price=pl.lit(None, pl.Float64))
