"""The rows of a customer card's timeline, one JSON array each, from every table about the address.

    o  order     [o, date, order number, amount, status, cancelled, line item, line item, …]
                 status as the workbook has it (null without a status column); cancelled true when
                 every line is cancelled or a returns list marks the order; the amount is what counts
                 (the lines that are not cancelled), of a cancelled order what was ordered. The line
                 items [article, quantity, unit price, amount, cancelled] follow when the order has
                 several, or its one line names an article, quantity or price.
    a  activity  [a, date, type, owner (null: the card's owner), outcome, next follow-up]
    q  offer     [q, date, offer number, amount, state, owner, product]
    m  mailing   [m, sent date, campaign, response date ("" when none)]

timeline_rows() returns them as pieces of text: a row, or an order's start, each of its line items and
its closing bracket. `event` numbers the rows in the order that breaks ties of one day (mailings,
activities, offers, orders; within each, reading order: the card shows the later first), `part` the
pieces of one row. Each row starts with a comma, and so does each line item: rows follow the card's
fields in the card's array, line items their order's fields.
"""
from __future__ import annotations

import polars as pl

from salesboard.metrics import Metrics
from salesboard.model import Tables
from salesboard.site.card_json import json_bool, json_day, json_number, json_text, shown_text


def timeline_rows(tables: Tables, metrics: Metrics, owners: pl.DataFrame, language: str) -> pl.DataFrame:
    """customer_id, date, event, part, text: every row of the address's tables as card.js reads it."""
    def day(column: str) -> pl.Expr:
        return json_day(pl.col(column), language)

    activities = tables.activities.join(owners, on="customer_id", how="left", maintain_order="left")
    same_owner = pl.col("owner") == pl.col("card_owner")
    rows = [
        tables.campaigns.select("customer_id", date="sent_date", text=_row([
            pl.lit('"m"'), day("sent_date"), shown_text(pl.col("campaign")), day("response_date")])),
        activities.select("customer_id", "date", text=_row([
            pl.lit('"a"'), day("date"), shown_text(pl.col("type")),
            pl.when(same_owner).then(pl.lit("null")).otherwise(shown_text(pl.col("owner").fill_null(""))),
            shown_text(pl.col("outcome")), day("next_follow_up")])),
    ]
    if tables.offers is not None:
        offers = metrics.offers.offers if metrics.offers is not None else tables.offers
        state = pl.col("state") if "state" in offers.columns else pl.col("status")
        rows.append(offers.select("customer_id", date="offer_date", text=_row([
            pl.lit('"q"'), day("offer_date"), json_text(pl.col("offer_id")), json_number(pl.col("amount")),
            json_text(state), shown_text(pl.col("owner")), shown_text(pl.col("product"))])))
    lines = order_lines(tables)
    orders = card_orders(lines)
    # An order of one line holds its item itself; the items of longer ones are pieces of their own.
    single = pl.when(pl.col("detail") & ~pl.col("itemised")).then(_item()).otherwise(pl.lit(""))
    head = pl.concat_str([pl.lit(",["), pl.concat_str([
        pl.lit('"o"'), day("order_date"), json_text(pl.col("order_id")), json_number(pl.col("amount")),
        shown_text(pl.col("status")), json_bool(pl.col("cancelled"))], separator=","),
        single, pl.when(pl.col("itemised")).then(pl.lit("")).otherwise(pl.lit("]"))])
    rows.append(orders.select("customer_id", date="order_date", text=head))
    start = 0
    for index, frame in enumerate(rows):
        rows[index] = frame.select("customer_id", event=pl.int_range(start, start + frame.height, dtype=pl.Int64),
                                   part=pl.lit(0, pl.Int64), date="date", text="text")
        start += frame.height
    return pl.concat([*rows, *_line_pieces(lines, orders, start - orders.height)])


def _row(items: list[pl.Expr]) -> pl.Expr:
    return pl.concat_str([pl.lit(",["), pl.concat_str(items, separator=","), pl.lit("]")])


def _line_pieces(lines: pl.DataFrame, orders: pl.DataFrame, first_event: int) -> list[pl.DataFrame]:
    """The line items of the orders of several lines, after their order's fields, and the bracket that
    closes each."""
    itemised = orders.select("customer_id", "order_date", "line", "itemised",
                             event=pl.int_range(pl.len(), dtype=pl.Int64) + first_event).filter("itemised")
    items = itemised.explode("line").with_columns(part=pl.int_range(1, pl.len() + 1, dtype=pl.Int64))
    shown = lines[items["line"]].select(text=_item())
    return [items.select("customer_id", "event", "part", date="order_date", text=shown["text"]),
            itemised.select("customer_id", "event", part=pl.lit(2**31, pl.Int64), date="order_date",
                            text=pl.lit("]"))]


def _item() -> pl.Expr:
    return pl.concat_str([pl.lit(",["), pl.concat_str([
        shown_text(pl.col("product")), json_number(pl.col("quantity")), json_number(pl.col("unit_price")),
        json_number(pl.col("amount")), json_bool(pl.col("cancelled"))], separator=","), pl.lit("]")])


def order_lines(tables: Tables) -> pl.DataFrame:
    """The order lines as read; tables made without them (their orders only) give one line per order."""
    if tables.order_lines is not None:
        return tables.order_lines
    return tables.orders.select("customer_id", "order_id", "order_date", "amount", status=pl.lit(None, pl.String),
                                cancelled=pl.lit(False), product=pl.lit(None, pl.String),
                                quantity=pl.lit(None, pl.Float64), unit_price=pl.lit(None, pl.Float64))


def card_orders(lines: pl.DataFrame) -> pl.DataFrame:
    """Lines sharing customer and order ID → one order, as reading groups them, cancelled ones kept:
    customer_id, order_id, order_date, amount, status, cancelled, detail (whether a line names an article,
    quantity or price), itemised (more than one line), line (the numbers of its lines among `lines`), and
    the first line's product, quantity and unit_price."""
    live = ~pl.col("cancelled")
    detail = pl.col("product").is_not_null() | pl.col("quantity").is_not_null() | pl.col("unit_price").is_not_null()
    own_key = pl.when(pl.col("order_id").is_null()).then(pl.int_range(pl.len()))
    return (
        lines.with_row_index("line")
        .group_by("customer_id", "order_id", own_key.alias("_own"), maintain_order=True)
        .agg(
            order_date=pl.col("order_date").filter(live).min().fill_null(pl.col("order_date").min()),
            amount=pl.when(live.any()).then(pl.col("amount").filter(live).sum())
            .otherwise(pl.col("amount").sum()).round(2),
            status=pl.col("status").drop_nulls().first(),
            cancelled=pl.col("cancelled").all(),
            detail=detail.any(),
            itemised=pl.len() > 1,
            line=pl.col("line"),
            # Of an order of one line, that line's item.
            product=pl.col("product").first(), quantity=pl.col("quantity").first(),
            unit_price=pl.col("unit_price").first(),
        )
        .drop("_own")
    )
