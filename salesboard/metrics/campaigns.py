"""Campaign response by segment."""

from __future__ import annotations

import polars as pl

from .expressions import ratio
from .facts import Facts
from .segments import segment_at, segment_frame


def campaign_response(facts: Facts, addresses: pl.DataFrame) -> pl.DataFrame:
    """One row per campaign x segment (all five), campaigns by first send date.

    A recipient is a distinct customer_id of the campaign sent on or before
    D; when sent more than once, its first send date counts. Its segment is
    the one on the day before that date, so the campaign's own responses do
    not count. Columns: campaign, sent_date (the campaign's first send date),
    segment, sent, responded (Int64, distinct recipients), response_rate
    (null when sent is 0), rate_vs_z0 (response_rate / Z0's; null when Z0's
    rate is 0 or missing).
    """
    recipients = (
        facts.mailings.group_by("campaign", "customer_id")
        .agg(first_sent=pl.col("sent_date").min(), responded=pl.col("response_date").is_not_null().any())
        .join(addresses, on="customer_id", how="left")
        .with_columns(segment=segment_at(pl.col("first_sent") - pl.duration(days=1)))
    )
    per_segment = recipients.group_by("campaign", "segment").agg(
        sent=pl.len().cast(pl.Int64), responded=pl.col("responded").sum().cast(pl.Int64)
    )
    campaigns = recipients.group_by("campaign").agg(sent_date=pl.col("first_sent").min())
    z0_rate = pl.col("response_rate").filter(pl.col("segment") == "Z0").first().over("campaign")
    return (
        campaigns.join(segment_frame(), how="cross")
        .join(per_segment, on=["campaign", "segment"], how="left")
        .with_columns(pl.col("sent", "responded").fill_null(0))
        .with_columns(response_rate=ratio("responded", "sent"))
        .with_columns(rate_vs_z0=ratio("response_rate", z0_rate))
        .sort("sent_date", "campaign", "segment")
    )
