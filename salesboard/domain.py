"""The sales domain's fixed vocabulary and rules: segments, stages, thresholds and their limits.

Plain Python without Polars, so the command line and the settings can use it
without loading the data stack. Every stage imports these from here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Lifecycle segments, coldest first: cold, prospect, first-time buyer, second order, loyal.
SEGMENTS = ("Z0", "Z1", "Z2", "Z3", "Z4")
# Sales stages in funnel order; an order comes from the orders table.
STAGES = ("first_contact", "follow_up", "meeting", "chase", "offer", "negotiation", "order")
# What an activity can be: a stage before the order, an enquiry (a first contact that shows
# interest), or "other" for a type nobody mapped.
ACTIVITY_STAGES = STAGES[:-1] + ("enquiry", "other")

DEFAULT_CADENCE_DAYS = {"Z1": 30, "Z2": 14, "Z3": 30, "Z4": 60}
# (lowest, highest) allowed value of each threshold.
LOYAL_MIN_ORDERS_LIMITS = (2, 100)  # Z2 is exactly one order, so loyal needs at least two
CADENCE_DAYS_LIMITS = (1, 3650)
OFFER_CHASE_DAYS_LIMITS = (1, 365)
OFFER_WIN_DAYS_LIMITS = (1, 730)
# An offer without a status and without a validity date counts as lost this many days after it was made.
OFFER_LOST_AFTER_DAYS = 90
CALLS_PER_DAY_LIMITS = (1, 200)
DORMANT_BELOW_LIMITS = (0.0, 0.5)


@dataclass(frozen=True)
class Rules:
    """Segment threshold and follow-up periods.

    cadence_days maps a segment to the most days allowed without contact; a
    segment missing from it (Z0 by default) has no cadence.
    """

    loyal_min_orders: int = 3
    cadence_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CADENCE_DAYS))
    offer_chase_days: int = 7
    migration_days: int = 90
    calls_per_day: int = 15  # call-list rows per owner, promised calls apart
    dormant_below: float = 0.02  # a candidate less likely than this goes to the reactivation list
    offer_win_days: int = 60  # an offer without status is won by an order of its customer within these days

    def __post_init__(self) -> None:
        low, high = LOYAL_MIN_ORDERS_LIMITS
        if not low <= self.loyal_min_orders <= high:
            raise ValueError(f"loyal_min_orders must be at least {low} and at most {high}, "
                             f"got {self.loyal_min_orders}")
        unknown = sorted(set(self.cadence_days) - set(SEGMENTS))
        if unknown:
            raise ValueError(f"cadence_days has unknown segments {unknown}; expected some of {SEGMENTS}")
