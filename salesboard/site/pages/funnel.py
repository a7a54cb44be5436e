"""The lifecycle funnel and the sales-stage funnel with their conversion rates."""
from __future__ import annotations

import polars as pl

from salesboard.domain import SEGMENTS, STAGES
from salesboard.model import Column
from salesboard.site import charts
from salesboard.site.formatting import fmt_number, fmt_percent
from salesboard.site.page_model import Card, Page, Section
from salesboard.site.pages.context import PageContext, SiteData


def funnel_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    lifecycle = m.lifecycle.funnel.with_columns(step=pl.col("step").replace_strict(
        {step: c.t(f"step.{step}") for step in m.lifecycle.funnel["step"]}))
    lifecycle_chart = charts.funnel(lifecycle["step"].to_list(), lifecycle["addresses"].to_list(), lang,
                                    colours=["#9aa5b1"] + [charts.SEGMENT_COLOURS[s] for s in SEGMENTS[1:]],
                                    sentence=c.sentence("hover.addresses"))
    stage_charts, stage_tables = [], []
    for period, key in (("all_time", "sec.stages_all"), ("last_12_weeks", "sec.stages_recent")):
        rows = m.stages.funnel.filter(pl.col("period") == period).with_columns(
            step=pl.col("stage").replace_strict({s: c.stage_name(s) for s in STAGES}),
            overall_rate=pl.col("cumulative_rate"))
        stage_charts.append(c.chart(f"stages-{period}", c.t(key), charts.funnel(
            rows["step"].to_list(), rows["addresses"].to_list(), lang, sentence=c.sentence("hover.addresses"))))
        stage_tables.append(c.table(f"stages-table-{period}", c.t(key), rows, _rate_columns(c), page_size=0))
    cards = (Card(c.t("kpi.median_days_order"), fmt_number(m.stages.median_days_first_contact_to_order, lang, 0),
                  "", "flat"),
             Card(c.t("kpi.second_order_rate"), fmt_percent(m.lifecycle.second_order_rate, lang), "", "flat"))
    return Page("funnel", "funnel", (
        Section("", cards=cards),
        Section(c.t("sec.lifecycle"), text=c.segment_legend(m.rules.loyal_min_orders),
                charts=(c.chart("lifecycle", "", lifecycle_chart),),
                tables=(c.table("lifecycle-table", "", lifecycle, _rate_columns(c), page_size=0),), columns=2),
        Section(c.t("sec.stages"), charts=tuple(stage_charts), tables=tuple(stage_tables), columns=2),
    ))


def _rate_columns(c: PageContext) -> list[Column]:
    return [c.column("step"), c.column("addresses", "int"), c.column("step_rate", "percent"),
            c.column("overall_rate", "percent")]
