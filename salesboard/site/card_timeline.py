"""The rows of a customer card's timeline, one JSON array each, from every table about the address.

    o  order     [o, date, order number, amount, status, cancelled, article, line item, line item, …]
                 status as the workbook has it (null without a status column; "returned" in the
                 site's language for an order a returns list marks); cancelled 1 when
                 every line is cancelled or a returns list marks the order; the amount is what counts
                 (the lines that are not cancelled), of a cancelled order what was ordered; article:
                 the product of an order of one line. The line items [article, quantity, unit price,
                 amount, cancelled] follow when the order has several lines or a quantity or price.
    a  activity  [a, date, type, owner (null: the card's owner), outcome, next follow-up]
    q  offer     [q, date, offer number, amount, state, owner, product]
    m  mailing   [m, sent date, campaign, response date (null when none)]

Each row starts with a comma, and so does each line item: rows follow the card's fields in the card's
array, line items their order's. In the data a row's kind is its letter's place in TIMELINE_KINDS, dates
are days since 1970 (null when none), "cancelled" is 1 or 0.
"""
from __future__ import annotations

import polars as pl

from salesboard.model import Tables
from salesboard.site.card_json import json_day, json_flag, json_number, json_text, shown_text, shown_word
from salesboard.site.texts import translator

# A row's kind is its letter's place here (a digit is shorter in the data; card.js is told the letters),
# and on one day the rows show in this order: an order above the offer it follows, and so on.
TIMELINE_KINDS = ("o", "q", "a", "m")


def table_rows(tables: Tables, language: str) -> pl.DataFrame:
    """customer_id, date, kind (its place in TIMELINE_KINDS), text: the rows of the orders, activities
    and mailings as card.js reads them. They need the tables only, so they can be made while the metrics
    are worked out; the offers' rows need the offers' states (offer_rows)."""
    def day(column: str) -> pl.Expr:
        return json_day(pl.col(column))

    owners = tables.addresses.select("customer_id", card_owner="owner")
    activities = tables.activities.join(owners, on="customer_id", how="left", maintain_order="left")
    same_owner = pl.col("owner") == pl.col("card_owner")
    orders = card_orders(order_lines(tables), translator(language)("card.returned"))
    return pl.concat([
        tables.campaigns.select("customer_id", date="sent_date", **_row("m", [
            day("sent_date"), shown_word(pl.col("campaign")), day("response_date")])),
        activities.select("customer_id", "date", **_row("a", [
            day("date"), shown_word(pl.col("type")),
            pl.when(same_owner).then(pl.lit("null")).otherwise(shown_word(pl.col("owner").fill_null(""))),
            shown_text(pl.col("outcome")), day("next_follow_up")])),
        orders.select("customer_id", date="order_date", **_row("o", [
            day("order_date"), json_text(pl.col("order_id")), json_number(pl.col("amount")),
            shown_word(pl.col("status")), json_flag(pl.col("cancelled")), shown_word(pl.col("article"))],
            pl.col("items"))),
    ])


def offer_rows(offers: pl.DataFrame) -> pl.DataFrame:
    """The rows of the offers (offer_states' rows, with their state), as table_rows'."""
    return offers.select("customer_id", date="offer_date", **_row("q", [
        json_day(pl.col("offer_date")), json_text(pl.col("offer_id")), json_number(pl.col("amount")),
        json_text(pl.col("state")), shown_text(pl.col("owner")), shown_text(pl.col("product"))]))


def _row(kind: str, items: list[pl.Expr], tail: pl.Expr | None = None) -> dict[str, pl.Expr]:
    code = TIMELINE_KINDS.index(kind)
    return {"kind": pl.lit(code, pl.Int64), "text": _array([pl.lit(str(code)), *items], tail)}


def _array(items: list[pl.Expr], tail: pl.Expr | None = None) -> pl.Expr:
    return pl.concat_str([pl.lit(",["), pl.concat_str(items, separator=","), *([tail] if tail is not None else []),
                          pl.lit("]")])


def _item() -> pl.Expr:
    return _array([shown_word(pl.col("product")), json_number(pl.col("quantity")), json_number(pl.col("unit_price")),
                   json_number(pl.col("amount")), json_flag(pl.col("cancelled"))])

def order_lines(tables: Tables) -> pl.DataFrame:
    """The order lines as read; tables made without them (their orders only) give one line per order."""
    if tables.order_lines is not None:
        return tables.order_lines
    return tables.orders.select("customer_id", "order_id", "order_date", "amount", status=pl.lit(None, pl.String),
                                cancelled=pl.lit(False), returned=pl.lit(False), product=pl.lit(None, pl.String),
                                quantity=pl.lit(None, pl.Float64), unit_price=pl.lit(None, pl.Float64))


def card_orders(lines: pl.DataFrame, returned: str) -> pl.DataFrame:
    """Lines sharing customer and order ID → one order, as reading groups them, cancelled ones kept:
    customer_id, order_id, order_date, amount, status (`returned` for an order a returns list marks),
    cancelled, article (the product of an order of one line), items (the JSON text of its line items,
    each after a comma, or "")."""
    live = ~pl.col("cancelled")
    own_key = pl.when(pl.col("order_id").is_null()).then(pl.int_range(pl.len()))
    # Plain columns aggregated plainly: a filter inside an aggregation costs a pass per order.
    prepared = lines.select(
        "customer_id", "order_id", "order_date", "amount", "status", "cancelled", "returned", "product",
        _own=own_key, line=pl.int_range(pl.len(), dtype=pl.Int64), live_date=pl.when(live).then("order_date"),
        live_amount=pl.when(live).then("amount"),
        priced=pl.col("quantity").is_not_null() | pl.col("unit_price").is_not_null())
    orders = (
        prepared.group_by("customer_id", "order_id", "_own", maintain_order=True)
        .agg(pl.col("live_date").min(), pl.col("order_date").min(), pl.col("live_amount").sum(),
             pl.col("amount").sum(), live=pl.col("cancelled").not_().any(), cancelled=pl.col("cancelled").all(),
             returned=pl.col("returned").any(), status=pl.col("status").drop_nulls().first(),
             product=pl.col("product").first(), lines=pl.len(), priced=pl.col("priced").any(), line=pl.col("line"))
        .select("customer_id", "order_id", "cancelled", "line",
                order_date=pl.coalesce("live_date", "order_date"),
                amount=pl.when("live").then("live_amount").otherwise("amount").round(2),
                status=pl.when("returned").then(pl.lit(returned)).otherwise("status"),
                article=pl.when(pl.col("lines") == 1).then("product"),
                itemised=(pl.col("lines") > 1) | pl.col("priced"))
        .with_row_index("order")
    )
    # Only the orders whose lines tell more than the order itself have their lines made into text.
    listed = orders.filter("itemised").select("order", "line").explode("line")
    items = (lines[listed["line"]].select(order=listed["order"], text=_item())
             .group_by("order", maintain_order=True).agg(items=pl.col("text").str.join("")))
    return (orders.join(items, on="order", how="left", maintain_order="left")
            .with_columns(pl.col("items").fill_null("")).drop("order", "line", "itemised"))
