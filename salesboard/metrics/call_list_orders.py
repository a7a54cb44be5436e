"""Each address's orders as the call list reads them: its usual gap (SPEC §3.7's at_risk) and the median
order total its expected value is made of, as of D and as of the back-test's day, from one sorted frame.

The orders are keyed by the address's row number (cid) instead of its customer ID: an integer groups and
sorts several times faster than text, and the figures are read beside the address rows, not joined. The
orders as of an earlier day are those of D dated on or before it, so one frame serves every day.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from .call_list_history import _DAY_KEY, _DAY_OFFSET, _DAY_STRIDE, day_number, with_address_row
from .facts import Facts


@dataclass(frozen=True)
class OrderFigures:
    """What an address's orders as of one day tell, one value per row of the addresses (null without).

    usual_gap: the median of the day gaps between its consecutive orders (two or more orders).
    own_median: the median of its order totals. first_median: the median of every address's first-order
    total (None when nobody has ordered).
    """

    usual_gap: pl.Series
    own_median: pl.Series
    first_median: float | None


def address_orders(facts: Facts, addresses: pl.DataFrame) -> pl.DataFrame:
    """cid (UInt32, the address's row number in `addresses`), day (Int32 days since 1970), order_id, amount
    of every order as of D (facts.orders), each address's orders next to each other by day."""
    key = pl.col("key")
    # Sorted by one integer made of both: much cheaper than sorting by two columns. Stably, so that orders of
    # one day keep the facts' order. On one thread: the other core has work of its own.
    return (with_address_row(facts.orders.select("customer_id", "order_date", "order_id", "amount"), addresses)
            .with_columns(day=pl.col("order_date").cast(pl.Int32)).select("order_id", "amount", key=_DAY_KEY)
            .sort("key", maintain_order=True, multithreaded=False)
            .select(cid=(key // _DAY_STRIDE).cast(pl.UInt32), day=(key % _DAY_STRIDE - _DAY_OFFSET).cast(pl.Int32),
                    order_id="order_id", amount="amount"))


def order_figures(orders: pl.DataFrame, height: int, days: list[date]) -> list[OrderFigures]:
    """The figures of address_orders' `orders` as of each of `days` (none after the orders' own D), for
    `height` address rows."""
    cid, day = pl.col("cid"), pl.col("day")
    # The gaps of the whole sorted frame at once, those across two addresses dropped: a plain median per
    # group is far cheaper than a diff inside each group. A gap belongs to the day of its later order.
    gapped = orders.with_columns(gap=pl.when(cid == cid.shift()).then(day - day.shift())).set_sorted("cid")
    firsts = gapped.group_by("cid").agg(
        first_day=day.first(), first=pl.col("amount").sort_by("day", "order_id", nulls_last=True).first())
    rows = pl.DataFrame({"cid": pl.int_range(height, dtype=pl.UInt32, eager=True)})
    figures = []
    for on in days:
        number = day_number(on)
        # Filtered before grouping (the frame stays sorted): cheaper than filtering inside each group.
        medians = gapped.filter(day <= number).group_by("cid").agg(
            usual_gap=pl.col("gap").median(), own_median=pl.col("amount").median())
        medians = rows.join(medians, on="cid", how="left", maintain_order="left")
        figures.append(OrderFigures(usual_gap=medians["usual_gap"], own_median=medians["own_median"],
                                    first_median=firsts.filter(pl.col("first_day") <= number)["first"].median()))
    return figures
