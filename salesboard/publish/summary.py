"""data/summary.json: the computed figures for other tools, as JSON-ready values."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import polars as pl

from salesboard.metrics import Metrics
from salesboard.metrics.followups import follow_up_counts
from salesboard.metrics.weekly import WEEKLY_MEASURES


def summary_dict(metrics: Metrics, quality_errors: int, quality_warnings: int) -> dict[str, Any]:
    """The documented keys with Python ints, floats, None and ISO date strings.

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


def write_summary(summary: dict[str, Any], site: Path) -> None:
    folder = site / "data"
    folder.mkdir(exist_ok=True)
    (folder / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
