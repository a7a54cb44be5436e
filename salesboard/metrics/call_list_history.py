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

from salesboard.domain import SEGMENTS
from salesboard.model import SEGMENT_DTYPE

from .facts import Facts

# Days after S within which an order counts, and the number of Sundays the rates look at.
OUTCOME_DAYS = 90
HISTORY_WEEKS = 104
# Days since the last fact, as buckets (upper bounds inclusive), then "> 365" and "never".
RECENCY_BOUNDS = (30, 60, 90, 180, 365)
RECENCY_LABELS = ("0-30", "31-60", "61-90", "91-180", "181-365", ">365", "never")
NEVER = len(RECENCY_LABELS) - 1
RECENCY_DTYPE = pl.Enum(RECENCY_LABELS)
OFFER_OPEN_DAYS = 90  # an offer dated 0-90 days before S is open until an order follows it

# Each event kind's code in the low bits of a sort key; a grid row sorts after the events of its day.
_EVENT_CODES = {"order": 0, "offer": 1, "contact": 2}
_GRID_CODE = 3
_CODES = 4


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
    """cid (address number), day (Int32 days since 1970), code (_EVENT_CODES) of every dated fact on or
    before D that the situations read: orders (amount > 0), offers (activities of stage offer) and contacts
    (any activity, campaign response or interest_since; for Z0/Z1 recency)."""
    as_of = facts.as_of
    parts = [
        facts.orders.select("customer_id", day="order_date", code=pl.lit(_EVENT_CODES["order"])),
        facts.activities.filter(pl.col("stage") == "offer")
        .select("customer_id", day="date", code=pl.lit(_EVENT_CODES["offer"])),
        facts.activities.select("customer_id", day="date", code=pl.lit(_EVENT_CODES["contact"])),
        facts.mailings.select("customer_id", day="response_date", code=pl.lit(_EVENT_CODES["contact"])),
        facts.addresses.filter(pl.col("interest_since") <= as_of)
        .select("customer_id", day="interest_since", code=pl.lit(_EVENT_CODES["contact"])),
    ]
    return (pl.concat(parts).drop_nulls("day")
            .join(index, on="customer_id", how="inner")
            .select("cid", pl.col("day").cast(pl.Int32), pl.col("code").cast(pl.Int64)))


def situations(addresses: pl.DataFrame, facts: Facts, days: list[date]) -> pl.DataFrame:
    """Every address (classify_addresses' rows, in order) on every day of `days` (ascending).

    Columns: cid (UInt32, the address's row number), day (Int32, days since 1970), level (UInt8: 0-4 for
    Z0-Z4 as of the day), recency (UInt8 index into RECENCY_LABELS: days from the last order for Z2-Z4,
    from the last activity, campaign response or interest_since for Z0/Z1), recency_days (Int32, null:
    never), open_offer (Boolean), ordered (Boolean: an order dated in (day, day + 90]). Sorted by cid,
    then day.
    """
    index = addresses.select("customer_id", cid=pl.int_range(pl.len(), dtype=pl.UInt32))
    events = address_events(facts, index)
    grid_days = pl.Series("day", days, pl.Date).cast(pl.Int32)
    base = min(int(grid_days.min()), int(events["day"].min()) if events.height else int(grid_days.min()))
    top = max(int(grid_days.max()), int(events["day"].max()) if events.height else int(grid_days.max()))
    span = _CODES * (top - base + 1)  # key = cid * span + (day - base) * _CODES + code
    key = pl.col("key")
    # The days the address reached Z1, Z3 and Z4, beside its key range's start.
    per_address = addresses.select(
        cid=pl.int_range(pl.len(), dtype=pl.UInt32),
        start=pl.int_range(pl.len(), dtype=pl.Int64) * span,
        interest=pl.min_horizontal("interest_date", "first_order_date").cast(pl.Int32),
        second=pl.col("second_order_date").cast(pl.Int32), loyal=pl.col("loyal_order_date").cast(pl.Int32))
    # Cross joined in address order, then day order: sorted by key, as merge_sorted needs.
    grid = per_address.join(grid_days.to_frame(), how="cross", maintain_order="left_right").with_columns(
        key=pl.col("start") + (pl.col("day") - base).cast(pl.Int64) * _CODES + _GRID_CODE)
    event_keys = events.select(
        key=pl.col("cid").cast(pl.Int64) * span + (pl.col("day") - base).cast(pl.Int64) * _CODES + pl.col("code"),
    ).unique().sort("key")

    def nearest(code: int, backward: bool = False) -> pl.Expr:
        """The key of the nearest event of `code` before (or after) each row, of any address."""
        source = pl.when(pl.col("code") == code).then(key)
        return source.backward_fill() if backward else source.forward_fill()

    # Only the keys go through the merge; the grid rows come out in their order, beside the grid.
    filled = (grid.select("key").merge_sorted(event_keys, key="key")
              .with_columns(code=(key % _CODES).cast(pl.UInt8))
              .select("code", last_order=nearest(_EVENT_CODES["order"]),
                      next_order=nearest(_EVENT_CODES["order"], backward=True),
                      offer_day=nearest(_EVENT_CODES["offer"]), last_contact=nearest(_EVENT_CODES["contact"]))
              .filter(pl.col("code") == _GRID_CODE).drop("code"))
    start, next_start = pl.col("start"), pl.col("start") + span

    def day_of(name: str) -> pl.Expr:
        """The day of a filled key when it belongs to the row's own address."""
        source = pl.col(name)
        return pl.when((source >= start) & (source < next_start)).then(
            ((source - start) // _CODES + base).cast(pl.Int32)).alias(name)

    day = pl.col("day")
    level = (pl.when(pl.col("loyal") <= day).then(4).when(pl.col("second") <= day).then(3)
             .when(pl.col("last_order").is_not_null()).then(2).when(pl.col("interest") <= day).then(1)
             .otherwise(0).cast(pl.UInt8))
    reference = pl.when(pl.col("level") >= 2).then(pl.col("last_order")).otherwise(pl.col("last_contact"))
    return (pl.concat([grid.drop("key"), filled], how="horizontal")
            .with_columns(*[day_of(name) for name in ("last_order", "next_order", "offer_day", "last_contact")])
            .with_columns(level=level)
            .select(
                "cid", "day", "level",
                recency=recency_code(day - reference),
                recency_days=day - reference,
                # Open: dated 0-90 days before the day, and no order dated after it (up to the day).
                open_offer=((day - pl.col("offer_day") <= OFFER_OPEN_DAYS)
                            & (pl.col("last_order").is_null() | (pl.col("last_order") <= pl.col("offer_day"))))
                .fill_null(False),
                ordered=(pl.col("next_order") - day <= OUTCOME_DAYS).fill_null(False),
            ))


def situation_counts(grid: pl.DataFrame) -> pl.DataFrame:
    """day (Int32), level, recency, open_offer, seen, ordered (Int64) over the rows of `situations`."""
    # One integer per (day, situation, outcome): a single-key grouping of millions of rows.
    first = int(grid["day"].min()) if grid.height else 0
    code = ((pl.col("day") - first).cast(pl.UInt32) * 256 + pl.col("level").cast(pl.UInt32) * 32
            + pl.col("recency").cast(pl.UInt32) * 4 + pl.col("open_offer").cast(pl.UInt32) * 2
            + pl.col("ordered").cast(pl.UInt32))
    counted = grid.group_by(code=code).agg(rows=pl.len().cast(pl.Int64))
    situation = pl.col("code") // 2
    return counted.group_by(situation=situation).agg(
        seen=pl.col("rows").sum(), ordered=pl.col("rows").filter(pl.col("code") % 2 == 1).sum()).select(
        day=(pl.col("situation") // 128).cast(pl.Int32) + first,
        level=((pl.col("situation") // 16) % 8).cast(pl.UInt8), recency=((pl.col("situation") // 2) % 8)
        .cast(pl.UInt8), open_offer=pl.col("situation") % 2 == 1, seen="seen", ordered="ordered")


def situation_rates(counts: pl.DataFrame, sundays: list[date]) -> pl.DataFrame:
    """segment (Enum), recency (UInt8 code), open_offer, seen, ordered (Int64) summed over the Sundays
    `sundays` of situation_counts; only situations seen at least once, sorted by segment, recency,
    open_offer."""
    chosen = counts.filter(pl.col("day").is_in(pl.Series(sundays, dtype=pl.Date).cast(pl.Int32).implode()))
    return (chosen.group_by("level", "recency", "open_offer").agg(pl.col("seen", "ordered").sum())
            .select(segment=level_segment("level"), recency="recency", open_offer="open_offer", seen="seen",
                    ordered="ordered")
            .sort("segment", "recency", "open_offer"))


def level_segment(column: str) -> pl.Expr:
    """A level 0-4 as the segment Enum Z0-Z4."""
    return pl.col(column).replace_strict(dict(enumerate(SEGMENTS)), return_dtype=SEGMENT_DTYPE)


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
