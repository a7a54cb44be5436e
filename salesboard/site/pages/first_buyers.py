"""First-time buyers: second-order cohorts, days to the second order and the waiting list."""
from __future__ import annotations

import polars as pl

from salesboard.metrics.lifecycle import COHORT_WINDOWS
from salesboard.site import charts
from salesboard.site.formatting import fmt_month, fmt_number, fmt_percent
from salesboard.site.page_model import Card, Page, Section
from salesboard.site.pages.call_list import waiting_columns
from salesboard.site.pages.context import PageContext, SiteData


def first_buyers_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    cohorts = m.lifecycle.cohorts
    # Each cohort named with its size: "11/2026 · 12".
    months = [f"{fmt_month(d, lang)} · {fmt_number(n, lang)}"
              for d, n in zip(cohorts["cohort_month"], cohorts["buyers"])]
    z = [list(row) for row in cohorts.select(f"share_{w}d" for w in COHORT_WINDOWS).rows()]
    text = [[fmt_percent(v, lang, 0) if v is not None else "" for v in row] for row in z]
    heat = charts.heatmap([c.t(f"window.{w}") for w in COHORT_WINDOWS], months, z, text, lang, z_range=(0, 1),
                          x_title=c.t("axis.window"), y_title=c.t("axis.cohort"),
                          hover="%{y}: " + c.t("hover.cohort").replace("{value}", "%{text}").replace(
                              "{window}", "%{x}"))
    days = m.lifecycle.days_to_second_order
    waiting = m.lifecycle.waiting_list
    cards = (Card(c.t("kpi.median_days_second"), fmt_number(m.lifecycle.median_days_to_second_order, lang), "", "flat"),
             Card(c.t("kpi.waiting"), fmt_number(waiting.height, lang), "", "flat"),
             Card(c.t("kpi.second_order_rate"), fmt_percent(m.lifecycle.second_order_rate, lang), "", "flat"))
    return Page("first-buyers", "first_buyers", (
        Section("", cards=cards),
        Section(c.t("sec.cohorts"), text=c.t("note.cohorts"), charts=(c.chart("cohorts", "", heat),)),
        Section(c.t("sec.days_to_second"), charts=(c.chart("days-to-second", "", charts.histogram(
            days, 30, lang, c.t("axis.days"), c.t("axis.buyers"), c.sentence("hover.buyers"))),)),
        Section(c.t("sec.waiting"), text=c.t("note.waiting"),
                tables=(c.table("waiting", "", waiting.with_columns(pl.col("owner").fill_null(c.t("no_owner"))),
                                waiting_columns(c)),),
                links=site.list_downloads.get("waiting", ())),
    ))
