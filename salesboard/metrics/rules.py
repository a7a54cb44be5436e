"""The configurable thresholds behind segments and follow-ups (SPEC §3.1, §3.4)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

SEGMENTS = ("Z0", "Z1", "Z2", "Z3", "Z4")
# An Enum keeps the segments in lifecycle order when sorting and comparing.
SEGMENT_DTYPE = pl.Enum(SEGMENTS)

DEFAULT_CADENCE_DAYS = {"Z1": 30, "Z2": 14, "Z3": 30, "Z4": 60}


@dataclass(frozen=True)
class Rules:
    """Segment threshold and follow-up periods; config loading builds one.

    cadence_days maps a segment to the most days allowed without contact;
    a segment missing from it (Z0 by default) has no cadence.
    """

    loyal_min_orders: int = 3
    cadence_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CADENCE_DAYS))
    offer_chase_days: int = 7
    migration_days: int = 90

    def __post_init__(self) -> None:
        # Z2 is exactly one order, so "loyal" must need at least two.
        if self.loyal_min_orders < 2:
            raise ValueError(f"loyal_min_orders must be at least 2, got {self.loyal_min_orders}")
        unknown = sorted(set(self.cadence_days) - set(SEGMENTS))
        if unknown:
            raise ValueError(f"cadence_days has unknown segments {unknown}; expected some of {SEGMENTS}")
