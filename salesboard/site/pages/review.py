"""The week in review on the overview: who bought for the first (second, loyal) time in W, new prospects,
loyal customers gone quiet, the largest orders, offers made, won and lost — each name linking to the
customer card — and per owner in W."""
from __future__ import annotations

import polars as pl

from salesboard.domain import STAGES
from salesboard.metrics import Metrics
from salesboard.metrics.week_review import REVIEW_COUNTS
from salesboard.model import Column
from salesboard.site.formatting import fmt_number
from salesboard.site.page_model import Section
from salesboard.site.pages.context import PageContext

# The lists in the order the owner reads them; the offers lists only with a list of offers.
REVIEW_LISTS = ("first_orders", "second_orders", "new_loyal", "largest_orders", "new_prospects", "became_at_risk",
                "offers_made", "offers_won", "offers_lost")
_EVENT_SCHEMA = {"event": pl.String, "customer_id": pl.String, "company": pl.String, "owner": pl.String,
                 "day": pl.Date, "amount": pl.Float64}


def review_rows(m: Metrics, c: PageContext) -> pl.DataFrame:
    """One row per address and list: event (the list's name), customer_id, company (the ID when the address
    has no name), owner, day, amount (orders and offers only)."""
    parts = []
    for key in REVIEW_LISTS:
        frame = m.week_review.lists.get(key)
        if frame is None or frame.is_empty():
            continue
        if "order_date" in frame.columns:
            frame = frame.rename({"order_date": "day"})
        if "amount" not in frame.columns:
            frame = frame.with_columns(amount=pl.lit(None, pl.Float64))
        parts.append(frame.select(
            event=pl.lit(c.t(f"review.{key}")), customer_id="customer_id",
            company=pl.coalesce(pl.col("company"), pl.col("customer_id")), owner=pl.col("owner").fill_null(
                c.t("no_owner")), day="day", amount="amount").cast(_EVENT_SCHEMA))
    return pl.concat(parts) if parts else pl.DataFrame(schema=_EVENT_SCHEMA)


def review_counts_line(m: Metrics, c: PageContext) -> str:
    """"Erstaufträge (neu Z2): 3 · Zweitaufträge (neu Z3): 1 · …" — the counts of summary.json."""
    counts = m.week_review.counts()
    return " · ".join(f"{c.t(f'review.{key}')}: {fmt_number(counts[key], c.language)}" for key in REVIEW_COUNTS)


def review_sections(m: Metrics, c: PageContext, named_week: str) -> tuple[Section, ...]:
    rows = review_rows(m, c)
    columns = [Column("event", c.t("col.event"), "text", True), Column("company", c.t("col.company"), "customer"),
               Column("customer_id", c.t("col.customer_id"), "customer"), c.column("owner", filter=True),
               c.column("day", "date"), c.column("amount", "money")]
    review = Section(c.t("review.title").format(week=named_week),
                     text=f"{review_counts_line(m, c)}. {c.t('review.text')}",
                     tables=(c.table("week-review", "", rows, columns, page_size=15),))
    per_owner = m.week_review.per_owner.with_columns(owner=pl.col("owner").fill_null(c.t("no_owner")))
    owner_columns = [c.column("owner"), *[Column(stage, c.stage_name(stage), "int") for stage in STAGES[:-1]
                                          if stage in per_owner.columns],
                     c.column("orders", "int"), c.column("revenue", "money"), c.column("settled", "int"),
                     c.column("newly_overdue", "int")]
    owners = Section(c.t("review.per_owner").format(week=named_week),
                     tables=(c.table("week-owners", "", per_owner, owner_columns, page_size=0),))
    return review, owners
