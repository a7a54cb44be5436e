"""The team's own history for the call list (SPEC §3.7): every address's situation on past Sundays
and how often each situation was followed by an order within 90 days.

A situation as of a day S is (segment as of S, recency bucket, open offer yes/no). For every
Sunday of a run of weeks, every address is seen (the address set does not depend on the date, so
an address is Z0/never before its first row), and it counts as "ordered" when it has an order
dated in (S, S + 90 days].

How it is computed, without a loop over weeks or rows: the grid of addresses × days is one frame
sorted by (address, day); the dated events (orders, offers, contacts) are merged into it in the
same order, and "the last order on or before S" becomes a forward fill, "the next order after
S" a backward fill. A fill must not cross from one address to the next, so what is filled is the
event's sort key, from which both its address and its day are read back.
"""
from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from .facts import Facts
from .segments import segment_at

# Days after S within which an order counts, and the number of Sundays the rates look at.
OUTCOME_DAYS = 90
HISTORY_WEEKS = 104
# Days since the last fact, as buckets (upper bounds inclusive), then "> 365" and "never".
RECENCY_BOUNDS = (30, 60, 90, 180, 365)
RECENCY_LABELS = ("0-30", "31-60", "61-90", "91-180", "181-365", ">365", "never")
NEVER = len(RECENCY_LABELS) - 1
RECENCY_DTYPE = pl.Enum(RECENCY_LABELS)
OFFER_OPEN_DAYS = 90  # an offer dated 0-90 days before S is open until an order follows it

_EVENT_KINDS = ("order", "offer", "contact")


def latest_sunday(day: date) -> date:
    """The last Sunday on or before `day`."""
    return day - timedelta(days=(day.weekday() + 1) % 7)


def history_sundays(as_of: date, weeks: int = HISTORY_WEEKS) -> list[date]:
    """The Sundays of the `weeks` weeks whose last Sunday is at least OUTCOME_DAYS before `as_of`, oldest first:
    each Sunday's 90 days of outcome lie on or before `as_of`."""
    last = latest_sunday(as_of - timedelta(days=OUTCOME_DAYS))
    return [last - timedelta(weeks=k) for k in range(weeks - 1, -1, -1)]


def recency_code(days: pl.Expr) -> pl.Expr:
    """Index into RECENCY_LABELS of a number of days (null: never)."""
    code = pl.lit(len(RECENCY_BOUNDS), pl.UInt8)
    for index in range(len(RECENCY_BOUNDS) - 1, -1, -1):
        code = pl.when(days <= RECENCY_BOUNDS[index]).then(pl.lit(index, pl.UInt8)).otherwise(code)
    return pl.when(days.is_null()).then(pl.lit(NEVER, pl.UInt8)).otherwise(code)


def address_events(facts: Facts, index: pl.DataFrame) -> pl.DataFrame:
    """cid (address number), day (Int32 days since 1970), kind (one of _EVENT_KINDS) of every dated fact
    on or before D that the situations read: orders (amount > 0), offers (activities of stage offer) and
    contacts (any activity, campaign response or interest_since; for Z0/Z1 recency)."""
    as_of = facts.as_of
    parts = [
        facts.orders.select("customer_id", day="order_date", kind=pl.lit("order")),
        facts.activities.filter(pl.col("stage") == "offer").select("customer_id", day="date", kind=pl.lit("offer")),
        facts.activities.select("customer_id", day="date", kind=pl.lit("contact")),
        facts.mailings.select("customer_id", day="response_date", kind=pl.lit("contact")),
        facts.addresses.filter(pl.col("interest_since") <= as_of)
        .select("customer_id", day="interest_since", kind=pl.lit("contact")),
    ]
    return (pl.concat(parts).drop_nulls("day").unique()
            .join(index, on="customer_id", how="inner")
            .select("cid", pl.col("day").cast(pl.Int32), "kind"))


def situations(addresses: pl.DataFrame, facts: Facts, days: list[date]) -> pl.DataFrame:
    """Every address (classify_addresses' rows, in order) on every day of `days` (ascending).

    Columns: cid (UInt32, the address's row number), day (Date), segment (Enum Z0..Z4 as of the day),
    recency (UInt8 index into RECENCY_LABELS: days from the last order for Z2-Z4, from the last
    activity, campaign response or interest_since for Z0/Z1), recency_days (Int32, null: never),
    open_offer (Boolean), ordered (Boolean: an order dated in (day, day + 90]), last_order (Date),
    offer_day (Date of the latest offer on or before the day). Sorted by cid, then day.
    """
    index = addresses.select("customer_id", cid=pl.int_range(pl.len(), dtype=pl.UInt32))
    events = address_events(facts, index)
    grid_days = pl.Series("day", days, pl.Date).cast(pl.Int32)
    base = min(int(grid_days.min()), int(events["day"].min()) if events.height else int(grid_days.min()))
    top = max(int(grid_days.max()), int(events["day"].max()) if events.height else int(grid_days.max()))
    span = 2 * (top - base + 1)  # key = cid * span + (day - base) * 2 + (1 for a grid row)
    width = len(days)
    offsets = ((grid_days - base).cast(pl.Int64) * 2 + 1).rename("offset")
    grid = pl.DataFrame({"i": pl.int_range(0, addresses.height * width, dtype=pl.Int64, eager=True)}).select(
        key=(pl.col("i") // width) * span + pl.lit(offsets).gather(pl.col("i") % width),
        kind=pl.lit(None, pl.String))
    event_rows = events.select(
        key=pl.col("cid").cast(pl.Int64) * span + (pl.col("day") - base).cast(pl.Int64) * 2,
        kind="kind").sort("key")
    merged = grid.merge_sorted(event_rows, key="key")
    cid = pl.col("key") // span

    def filled(kind: str, backward: bool = False) -> pl.Expr:
        """The day of the nearest `kind` event of the same address before (or after) each row."""
        source = pl.when(pl.col("kind") == kind).then(pl.col("key"))
        source = source.backward_fill() if backward else source.forward_fill()
        day = (source % span) // 2 + base
        return pl.when(source // span == cid).then(day).cast(pl.Int32)

    rows = merged.with_columns(
        last_order=filled("order"), next_order=filled("order", backward=True),
        offer_day=filled("offer"), last_contact=filled("contact"),
    ).filter(pl.col("key") % 2 == 1)
    milestones = addresses.select("first_order_date", "second_order_date", "loyal_order_date", "interest_date")
    day = ((pl.col("key") % span) // 2 + base).cast(pl.Int32)
    rows = rows.select(
        cid=cid.cast(pl.UInt32), day=day, last_order="last_order", next_order="next_order",
        offer_day="offer_day", last_contact="last_contact")
    # The address's milestones, repeated for each of its days (the rows are in address order).
    rows = pl.concat([rows, milestones[rows["cid"]]], how="horizontal")
    segment = segment_at(pl.col("day").cast(pl.Date))
    reference = pl.when(pl.col("segment") >= "Z2").then(pl.col("last_order")).otherwise(pl.col("last_contact"))
    recency_days = pl.col("day") - reference
    return rows.with_columns(segment=segment).select(
        "cid",
        pl.col("day").cast(pl.Date),
        "segment",
        recency=recency_code(recency_days),
        recency_days=recency_days,
        # Open: dated 0-90 days before the day, and no order dated after it (up to the day).
        open_offer=((pl.col("day") - pl.col("offer_day") <= OFFER_OPEN_DAYS)
                    & (pl.col("last_order").is_null() | (pl.col("last_order") <= pl.col("offer_day"))))
        .fill_null(False),
        ordered=(pl.col("next_order") - pl.col("day") <= OUTCOME_DAYS).fill_null(False),
        last_order=pl.col("last_order").cast(pl.Date),
        offer_day=pl.col("offer_day").cast(pl.Date),
    )


def situation_counts(grid: pl.DataFrame) -> pl.DataFrame:
    """day, segment, recency, open_offer, seen, ordered (Int64) over the rows of `situations`."""
    return grid.group_by("day", "segment", "recency", "open_offer").agg(
        seen=pl.len().cast(pl.Int64), ordered=pl.col("ordered").sum().cast(pl.Int64))


def situation_rates(counts: pl.DataFrame, sundays: list[date]) -> pl.DataFrame:
    """segment, recency (UInt8 code), open_offer, seen, ordered (Int64) summed over the Sundays `sundays`
    of situation_counts; only situations seen at least once, sorted by segment, recency, open_offer."""
    chosen = counts.filter(pl.col("day").is_in(pl.Series(sundays, dtype=pl.Date).implode()))
    return (chosen.group_by("segment", "recency", "open_offer").agg(pl.col("seen", "ordered").sum())
            .sort("segment", "recency", "open_offer"))


def look_up_rates(current: pl.DataFrame, rates: pl.DataFrame, min_seen: int) -> pl.DataFrame:
    """`current` (rows with segment, recency, open_offer) with the rate of its situation in `rates`.

    Added columns: seen, ordered (this situation's counts, 0 when never seen), pooled (Boolean: seen
    < min_seen, so the evidence is every situation of the segment, or every situation when the segment
    was never seen), evidence_seen, evidence_ordered (what p is computed from), p (Float64).
    """
    segments = rates.group_by("segment").agg(segment_seen=pl.col("seen").sum(),
                                             segment_ordered=pl.col("ordered").sum())
    overall_seen, overall_ordered = int(rates["seen"].sum()), int(rates["ordered"].sum())
    pooled = pl.col("seen") < min_seen
    return (
        current.join(rates, on=["segment", "recency", "open_offer"], how="left", maintain_order="left")
        .join(segments, on="segment", how="left", maintain_order="left")
        .with_columns(pl.col("seen", "ordered").fill_null(0))
        .with_columns(
            pooled=pooled,
            evidence_seen=pl.when(pooled).then(pl.col("segment_seen").fill_null(overall_seen)).otherwise("seen"),
            evidence_ordered=pl.when(pooled).then(pl.col("segment_ordered").fill_null(overall_ordered))
            .otherwise("ordered"),
        )
        .with_columns(p=pl.col("evidence_ordered") / pl.col("evidence_seen"))
        .drop("segment_seen", "segment_ordered")
    )
