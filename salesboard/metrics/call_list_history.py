"""The team's own history for the call list (SPEC §3.7): every address's situation on past Sundays
and how often each situation was followed by an order within 90 days.

A situation as of a day S is (segment as of S, recency bucket, open offer yes/no). For every
Sunday of a run of weeks, every address is seen (the address set does not depend on the date, so
an address is Z0/never before its first row), and it counts as "ordered" when it has an order
dated in (S, S + 90 days].

How it is computed, without a loop over weeks or rows: an address's situation and outcome change
only on a few days (an event, a recency bucket's bound passed, an offer's 90 days over, 90 days
before an order), so each address is evaluated on those days alone, and each stretch between two
of them counts the Sundays it holds. The situation on a set of days is found by as-of joins of the
(address, day) rows with each kind of dated event, both keyed by one integer that sorts as (address, day)
do: "the last order on or before S" is a backward join, and "the next order after S" the order after that
one (before any, the address's first); a match that belongs to another address counts as none.
"""
from __future__ import annotations

from dataclasses import dataclass
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

_EVENT_CODES = {"order": 0, "offer": 1, "contact": 2}  # the lowest digit of address_events' sort key
_DAY_OFFSET = 1 << 20  # day numbers plus this lie in [0, _DAY_STRIDE)
_DAY_STRIDE = 1 << 21
# Columns cid and day as one Int64 that sorts as they do: much cheaper to sort, deduplicate and search.
_DAY_KEY = pl.col("cid").cast(pl.Int64) * _DAY_STRIDE + pl.col("day") + _DAY_OFFSET


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


def with_address_row(frame: pl.DataFrame, addresses: pl.DataFrame) -> pl.DataFrame:
    """The rows of `frame` whose customer_id is an address's, in their order, with cid (UInt32, the address's
    row number in `addresses`): an inner join on the customer ID."""
    # Joined on a hash of the ID, a number, which joins far faster than text; a match whose ID is another
    # (two IDs sharing a hash) is dropped, so the result is the join on the IDs themselves.
    hashed = addresses.select(id_hash=pl.col("customer_id").hash(), cid=pl.int_range(pl.len(), dtype=pl.UInt32))
    joined = frame.with_columns(id_hash=pl.col("customer_id").hash()).join(hashed, on="id_hash", how="inner",
                                                                       maintain_order="left")
    return joined.filter(pl.col("customer_id") == addresses["customer_id"].gather(joined["cid"])).drop("id_hash")


def address_events(facts: Facts, addresses: pl.DataFrame, orders: pl.DataFrame) -> pl.DataFrame:
    """cid (UInt32, the address's row number in `addresses`), day (Int32 days since 1970), code (UInt8,
    _EVENT_CODES) of every dated fact on or before D that the situations read: orders (amount > 0; `orders`:
    address_orders' rows), offers (activities of stage offer) and contacts (any activity, campaign response
    or interest_since) dated before the address's first order, as only they set a recency (Z0/Z1). Each
    once, sorted by cid, day, code: so each kind alone is sorted too."""
    as_of = facts.as_of
    # The orders and the address rows know their cid already: only activities and responses are joined.
    joined = [
        facts.activities.filter(pl.col("stage") == "offer")
        .select("customer_id", day="date", code=pl.lit(_EVENT_CODES["offer"])),
        facts.activities.select("customer_id", day="date", code=pl.lit(_EVENT_CODES["contact"])),
        facts.mailings.select("customer_id", day="response_date", code=pl.lit(_EVENT_CODES["contact"])),
    ]
    parts = [
        orders.select("cid", "day", code=pl.lit(_EVENT_CODES["order"])),
        with_address_row(pl.concat(joined), addresses).select("cid", "day", "code"),
        facts.addresses.select(cid=pl.int_range(pl.len(), dtype=pl.UInt32), day="interest_since",
                               code=pl.lit(_EVENT_CODES["contact"])).filter(pl.col("day") <= as_of),
    ]
    contact, first_order = pl.col("code") == _EVENT_CODES["contact"], pl.col("first_order")
    key, codes = pl.col("key"), len(_EVENT_CODES)
    dated = pl.concat([part.with_columns(pl.col("day").cast(pl.Int32)) for part in parts]).drop_nulls("day")
    return (_sorted_unique(dated.with_columns(
        first_order=addresses["first_order_date"].cast(pl.Int32).gather(dated["cid"]))
                           .filter(~contact | first_order.is_null() | (pl.col("day") < first_order))
                           .select(key=_DAY_KEY * codes + pl.col("code")))
            .select(cid=(key // codes // _DAY_STRIDE).cast(pl.UInt32),
                    day=(key // codes % _DAY_STRIDE - _DAY_OFFSET).cast(pl.Int32), code=(key % codes).cast(pl.UInt8)))


def situations_at(addresses: pl.DataFrame, events: pl.DataFrame, points: pl.DataFrame) -> pl.DataFrame:
    """The situation of address `cid` (classify_addresses' row number) on `day`, for each row of `points`
    (cid UInt32, day Int32 days since 1970; unique, sorted by cid, then day).

    Columns: cid, day, level (UInt8: 0-4 for Z0-Z4 as of the day), recency (UInt8 index into
    RECENCY_LABELS: days from the last order for Z2-Z4, from the last activity, campaign response or
    interest_since for Z0/Z1), recency_days (Int32, null: never), open_offer (Boolean), ordered
    (Boolean: an order dated in (day, day + 90]). In the order of `points`.
    """
    levels = _level_days(addresses).select("interest", "first", "second", "loyal")
    grid = points.hstack(levels[points["cid"]]).with_columns(key=_DAY_KEY)
    cid, day = pl.col("cid"), pl.col("day")

    def latest(kind: str, name: str, **beside: pl.Expr) -> pl.DataFrame:
        """`name`: the day of the address's last event of `kind` on or before the row's day, read from the
        nearest event key of any address; and the columns `beside` of that event."""
        dated = events.filter(pl.col("code") == _EVENT_CODES[kind]).select(
            key=_DAY_KEY, event_cid="cid", **{name: "day"}, **beside)
        found = grid.select("cid", "key").join_asof(dated, on="key", strategy="backward")
        return found.select(pl.when(pl.col("event_cid") == cid).then(column).alias(column)
                            for column in [name, *beside])

    # The next order after the day is the one after the last order up to it; before any, the first.
    orders = latest("order", "last_order", next_order=pl.when(cid == cid.shift(-1)).then(day.shift(-1)))
    grid = grid.hstack(pl.concat([orders.with_columns(
        next_order=pl.when(pl.col("last_order").is_null()).then(grid["first"]).otherwise("next_order")),
                                  latest("offer", "offer_day"), latest("contact", "last_contact")],
                                 how="horizontal"))
    level = (pl.when(pl.col("loyal") <= day).then(4).when(pl.col("second") <= day).then(3)
             .when(pl.col("last_order").is_not_null()).then(2).when(pl.col("interest") <= day).then(1)
             .otherwise(0).cast(pl.UInt8))
    # Z2-Z4 (an order on or before the day) count from the last order, Z0/Z1 from the last contact.
    recency_days = day - pl.coalesce("last_order", "last_contact")
    return (grid.with_columns(recency_days=recency_days)
            .select(
                "cid", "day", level=level, recency=recency_code(pl.col("recency_days")),
                recency_days="recency_days",
                # Open: dated 0-90 days before the day, and no order dated after it (up to the day).
                open_offer=((day - pl.col("offer_day") <= OFFER_OPEN_DAYS)
                            & (pl.col("last_order").is_null() | (pl.col("last_order") <= pl.col("offer_day"))))
                .fill_null(False),
                ordered=(pl.col("next_order") - day <= OUTCOME_DAYS).fill_null(False),
            ))


def _level_days(addresses: pl.DataFrame) -> pl.DataFrame:
    """cid, interest, first, second, loyal: the days (Int32) an address reached Z1, Z2, Z3 and Z4."""
    return addresses.select(
        cid=pl.int_range(pl.len(), dtype=pl.UInt32),
        interest=pl.min_horizontal("interest_date", "first_order_date").cast(pl.Int32),
        first=pl.col("first_order_date").cast(pl.Int32),
        second=pl.col("second_order_date").cast(pl.Int32), loyal=pl.col("loyal_order_date").cast(pl.Int32))


def change_days(addresses: pl.DataFrame, events: pl.DataFrame, first: int, last: int,
                always: tuple[int, ...] = ()) -> pl.DataFrame:
    """cid, day: the days in [first, last] on which an address's situation or outcome may change, and
    `first` and the days `always` (which may lie after `last`) for every address; unique, sorted by cid,
    then day. Between two of them nothing changes up to `last`."""
    levels = _level_days(addresses)
    day, after = pl.col("day"), pl.when(pl.col("cid") == pl.col("cid").shift(-1)).then(pl.col("day").shift(-1))

    def kind(code: int) -> pl.DataFrame:
        return events.filter(pl.col("code") == code).select("cid", "day")

    def bounds(frame: pl.DataFrame, until: pl.Expr) -> list[pl.DataFrame]:
        """The recency buckets' bounds passed after each day of `frame` while it is still the latest of its
        kind, before `until`."""
        limit = frame.with_columns(limit=pl.min_horizontal(after, until))
        return [limit.filter(pl.col("limit").is_null() | (day + bound + 1 < pl.col("limit")))
                .select("cid", day=day + bound + 1) for bound in RECENCY_BOUNDS]

    orders, offers = kind(_EVENT_CODES["order"]), kind(_EVENT_CODES["offer"])
    # Contacts (all before the first order) set the recency up to the first order.
    contacts = kind(_EVENT_CODES["contact"])
    contacts = contacts.with_columns(first_order=levels["first"].gather(contacts["cid"]))
    before = pl.when(pl.col("cid") == pl.col("cid").shift()).then(day.shift())
    parts = [
        orders, offers.select("cid", "day"), contacts.select("cid", "day"),
        *bounds(orders, pl.lit(None, pl.Int32)), *bounds(contacts, pl.col("first_order")),
        # 90 days before an order the outcome turns to "ordered", unless an earlier order already did.
        orders.filter(before.is_null() | (before < day - OUTCOME_DAYS)).select("cid", day=day - OUTCOME_DAYS),
        offers.select("cid", day=day + OFFER_OPEN_DAYS + 1),
        levels.select("cid", day="interest").drop_nulls(),
        levels.select("cid", day=pl.lit(first, pl.Int32)),
    ]
    within = pl.concat([part.select("cid", day.cast(pl.Int32)) for part in parts]).filter(day.is_between(first, last))
    return _unique_days(pl.concat([within, *[levels.select("cid", day=pl.lit(on, pl.Int32)) for on in always]]))


def _unique_days(frame: pl.DataFrame) -> pl.DataFrame:
    """cid, day of `frame`, unique, sorted by cid, then day."""
    key = pl.col("key")
    return (_sorted_unique(frame.select(key=_DAY_KEY))
            .select(cid=(key // _DAY_STRIDE).cast(pl.UInt32), day=(key % _DAY_STRIDE - _DAY_OFFSET).cast(pl.Int32)))


def _sorted_unique(keys: pl.DataFrame) -> pl.DataFrame:
    """The one column `key`, sorted, each value once (sorting first makes the repeats neighbours, cheaper
    than hashing). On one thread: twice as fast on two busy cores, and the other core has work of its own."""
    key = pl.col("key")
    return keys.sort("key", multithreaded=False).filter((key != key.shift()).fill_null(True))


@dataclass(frozen=True)
class History:
    """rates: per run of Sundays, segment (Enum), recency (UInt8 code), open_offer, seen, ordered (Int64)
    over every address on each of its Sundays; only situations seen at least once, sorted by segment,
    recency, open_offer. on_days: situations_at's rows for every address on each of the extra days."""

    rates: list[pl.DataFrame]
    on_days: pl.DataFrame


def address_history(addresses: pl.DataFrame, events: pl.DataFrame, windows: list[list[date]],
                    days: list[date]) -> History:
    """The rates of each run of consecutive Sundays in `windows`, and every address's situation on `days`."""
    ranges = [(day_number(sundays[0]), day_number(sundays[-1])) for sundays in windows]
    extra = tuple(day_number(day) for day in days)
    # Days after the last Sunday count for no rate: only the situations on `days` are looked at there.
    first, last = min(low for low, _ in ranges), max(high for _, high in ranges)
    stretches = situations_at(addresses, events, change_days(addresses, events, first, last, extra))
    # One pass over the stretches for all windows, grouped by one small integer: situation and outcome.
    situation = pl.col("level") * 16 + pl.col("recency") * 2 + pl.col("open_offer")
    end = pl.when(pl.col("cid") == pl.col("cid").shift(-1)).then(pl.col("day").shift(-1) - 1).otherwise(
        pl.lit(last, pl.Int32))
    windows_seen = [f"w{number}" for number in range(len(ranges))]
    counted = stretches.select(
        key=(situation * 2 + pl.col("ordered")).cast(pl.UInt8),
        **{name: _sundays_between(pl.col("day"), end, low, high) for name, (low, high) in zip(windows_seen, ranges)},
    ).group_by("key").agg(pl.col(windows_seen).sum())
    code = pl.col("key") // 2
    counted = counted.group_by(code.alias("situation")).agg(
        *[pl.col(name).sum().alias(f"seen{name}") for name in windows_seen],
        *[pl.col(name).filter(pl.col("key") % 2 == 1).sum().alias(f"ordered{name}") for name in windows_seen],
    ).sort("situation").with_columns(level=pl.col("situation") // 16, recency=pl.col("situation") % 16 // 2,
                                     open_offer=pl.col("situation") % 2 == 1)
    rates = [counted.filter(pl.col(f"seen{name}") > 0).select(
        segment=level_segment("level"), recency="recency", open_offer="open_offer",
        seen=pl.col(f"seen{name}").cast(pl.Int64), ordered=pl.col(f"ordered{name}").cast(pl.Int64))
        for name in windows_seen]
    day = pl.col("day")
    return History(rates, stretches.filter(pl.any_horizontal(day == on for on in extra)))


def _sundays_between(start: pl.Expr, end: pl.Expr, first: int, last: int) -> pl.Expr:
    """How many of the Sundays first, first + 7, …, last lie in [start, end] (days since 1970)."""
    low = pl.max_horizontal(start, pl.lit(first)) - first
    high = pl.min_horizontal(end, pl.lit(last)) - first
    count = high // 7 - (low + 6) // 7 + 1  # both non-negative where high >= low
    return pl.when(high >= low).then(count).otherwise(0).cast(pl.Int64)


def day_number(day: date) -> int:
    """Days since 1970, the day numbers the frames here carry."""
    return (day - date(1970, 1, 1)).days


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
