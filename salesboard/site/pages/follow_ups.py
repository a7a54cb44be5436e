"""Overdue follow-ups, as the page and the downloads show them."""
from __future__ import annotations

import polars as pl

from salesboard.metrics import Metrics
from salesboard.model import Column
from salesboard.site.formatting import fmt_number
from salesboard.site.page_model import LIST_SEPARATOR, Card, Page, Section
from salesboard.site.pages.context import PageContext, SiteData


def follow_up_rows(m: Metrics, c: PageContext) -> pl.DataFrame:
    """The overdue list with words for segments and reasons, as the page and the downloads show it."""
    reasons = {r: c.t(f"reason.{r}") for r in ("due", "cadence", "offer_not_chased")}
    return m.follow_ups.with_columns(
        segment=pl.col("segment").cast(pl.String),
        reasons=pl.col("reasons").list.eval(pl.element().replace_strict(reasons)).list.join(LIST_SEPARATOR),
    )


def follow_up_columns(c: PageContext) -> list[Column]:
    return [c.column("company"), c.column("customer_id"), c.column("owner", filter=True),
            c.column("segment", filter=True), c.column("reasons", filter="each"), c.column("days_overdue", "int"),
            c.column("due_date", "date"), c.column("last_contact", "date"), c.column("phone")]


def follow_ups_page(site: SiteData, c: PageContext) -> Page:
    rows = site.follow_ups
    return Page("follow-ups", "follow_ups", (
        Section(c.t("sec.overdue"), cards=(Card(c.t("kpi.overdue"), fmt_number(rows.height, c.language), "", "flat"),),
                tables=(c.table("follow-ups", "", rows, follow_up_columns(c)),)),
        Section(c.t("sec.downloads"), links=site.downloads),
    ))
