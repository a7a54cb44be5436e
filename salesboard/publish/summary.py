"""data/summary.json: the computed figures for other tools, as JSON-ready values."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import polars as pl

from salesboard.metrics import Metrics
from salesboard.metrics.followups import follow_up_counts
from salesboard.metrics.offers import offer_summary
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
        "reporting_week": metrics.weekly.reporting_week[0],
        "week_in_review": metrics.week_review.counts(),
        **call_list_summary(metrics),
        # With a list of offers only: open ones as of D, won, lost and hit rate of the last 12 months.
        **({"offers": offer_summary(metrics.offers)} if metrics.offers is not None else {}),
    }


def call_list_summary(metrics: Metrics) -> dict[str, Any]:
    """call_list (in list order; p and expected_value null for promised rows), call_list_backtest and
    call_list_rates (the situations seen at least once), as SPEC §5 names them."""
    calls = metrics.call_list
    rows = calls.rows.select("owner", "customer_id", "reasons", p="p_shown",
                             expected_value=pl.col("expected_value_shown").round(2))
    backtest = calls.backtest
    rates = calls.rates.select(pl.col("segment").cast(pl.String), "recency", "open_offer", "seen", "ordered")
    return {
        "call_list": rows.to_dicts(),
        "call_list_backtest": {"list_rate": backtest.list_rate, "overdue_rate": backtest.overdue_rate,
                               "base_rate": backtest.base_rate, "size": backtest.size},
        "call_list_rates": rates.to_dicts(),
    }


def _as_mapping(frame: pl.DataFrame, key: str, value: str) -> dict[str, Any]:
    return dict(frame.select(pl.col(key).cast(pl.String), value).iter_rows())


def write_summary(summary: dict[str, Any], site: Path) -> None:
    folder = site / "data"
    folder.mkdir(exist_ok=True)
    # Compact: it is read by programs, and on a large list of calls the indentation was a third of it.
    (folder / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, separators=(",", ":")) + "\n",
                                         encoding="utf-8")
