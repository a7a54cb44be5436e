"""site/data/summary.json as a dict of JSON-ready values (SPEC §5)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import polars as pl

from .followups import follow_up_counts
from .weekly import WEEKLY_MEASURES

if TYPE_CHECKING:
    from . import Metrics


def summary_dict(metrics: Metrics, quality_errors: int, quality_warnings: int) -> dict[str, Any]:
    """The SPEC §5 keys with Python ints, floats, None and ISO date strings.

    Revenue is rounded to cents: sums of floats carry binary noise that other
    tools should not have to strip.
    """
    all_time = metrics.stages.funnel.filter(pl.col("period") == "all_time")
    weekly = metrics.weekly.weeks.select("week", *WEEKLY_MEASURES).with_columns(pl.col("revenue").round(2))
    campaigns = metrics.campaigns.select("campaign", pl.col("segment").cast(pl.String), "sent", "responded")
    return {
        "as_of": metrics.as_of.isoformat(),
        "counts": asdict(metrics.counts),
        "segments": _as_mapping(metrics.segments.summary, "segment", "addresses"),
        "second_order_rate": metrics.lifecycle.second_order_rate,
        "follow_ups": follow_up_counts(metrics.follow_ups),
        "stage_funnel": _as_mapping(all_time, "stage", "addresses"),
        "weekly": weekly.to_dicts(),
        "campaigns": campaigns.to_dicts(),
        "quality": {"errors": int(quality_errors), "warnings": int(quality_warnings)},
    }


def _as_mapping(frame: pl.DataFrame, key: str, value: str) -> dict[str, Any]:
    return dict(frame.select(pl.col(key).cast(pl.String), value).iter_rows())
