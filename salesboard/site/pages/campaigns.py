"""Response rate per campaign and segment."""
from __future__ import annotations

import polars as pl

from salesboard.domain import SEGMENTS
from salesboard.site import charts
from salesboard.site.page_model import Page, Section
from salesboard.site.pages.context import PageContext, SiteData


def campaigns_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    campaigns = m.campaigns.with_columns(segment=pl.col("segment").cast(pl.String))
    if campaigns.is_empty():
        return Page("campaigns", "campaigns", (Section(c.t("sec.response"), text=c.t("note.no_campaigns")),))
    names = campaigns["campaign"].unique(maintain_order=True).to_list()
    rates = {c.segment_names[s]: campaigns.filter(pl.col("segment") == s)["response_rate"].to_list() for s in SEGMENTS}
    chart = charts.grouped_bars([charts.label(n) for n in names], rates, lang, percent=True,
                                colours=[charts.SEGMENT_COLOURS[s] for s in SEGMENTS], x_title=c.t("axis.campaign"),
                                y_title=c.t("axis.rate"), sentence=c.t("hover.response"))
    return Page("campaigns", "campaigns", (
        Section(c.t("sec.response"), text=c.segment_legend(m.rules.loyal_min_orders),
                charts=(c.chart("response", "", chart),), tables=(c.table(
            "campaign-table", "", campaigns.with_columns(segment=pl.col("segment").replace_strict(c.segment_names)), [
                c.column("campaign", filter=True), c.column("sent_date", "date"), c.column("segment", filter=True),
                c.column("sent", "int"), c.column("responded", "int"), c.column("response_rate", "percent"),
                c.column("rate_vs_z0", "number")]),)),
    ))
