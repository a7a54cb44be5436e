"""The overview: key figures against a week earlier, the weekly funnel and the 52-week trend."""
from __future__ import annotations

import polars as pl

from salesboard.metrics import headline_of
from salesboard.metrics.weekly import WEEKLY_COUNTS
from salesboard.site import charts
from salesboard.site.formatting import fmt_change, fmt_money, fmt_number, fmt_percent
from salesboard.site.page_model import Page, Section
from salesboard.site.pages.context import PageContext, SiteData, card


def overview_page(site: SiteData, c: PageContext) -> Page:
    lang, vs = c.language, c.t("kpi.vs_last_week")
    now, before = headline_of(site.metrics.addresses, site.metrics.follow_ups.height), site.last_week

    def change(now_value, before_value, decimals=0, unit=""):
        difference = None if now_value is None or before_value is None else now_value - before_value
        return difference, f"{fmt_change(difference, lang, decimals)}{unit} {vs}"

    rate_unit = " %-Pkt." if lang == "de" else " pts"
    rate_change = change(*(None if v is None else v * 100 for v in (now.second_order_rate, before.second_order_rate)),
                         decimals=1, unit=rate_unit)
    cards = (
        card(c.t("kpi.addresses"), fmt_number(now.addresses, lang), *change(now.addresses, before.addresses)),
        card(c.t("kpi.customers"), fmt_number(now.customers, lang), *change(now.customers, before.customers)),
        card(c.t("kpi.revenue_12m"), fmt_money(now.revenue_12m, lang, c.currency),
              *change(now.revenue_12m, before.revenue_12m)),
        card(c.t("kpi.second_order_rate"), fmt_percent(now.second_order_rate, lang), *rate_change),
        card(c.t("kpi.overdue"), fmt_number(now.overdue, lang), *change(now.overdue, before.overdue),
              good_when_up=False),
    )
    m = site.metrics
    comparison = m.weekly.comparison.filter(pl.col("measure").is_in(WEEKLY_COUNTS))
    names = [c.stage_name(key) for key in comparison["measure"]]
    weekly_chart = charts.grouped_bars(names, {c.t("col.previous"): comparison["previous"].to_list(),
                                               c.t("col.current"): comparison["current"].to_list(),
                                               c.t("col.average_4_weeks"): comparison["average_4_weeks"].to_list()},
                                       lang, colours=["#9aa5b1", "#2e6f95", "#f2b134"])
    table_frame = m.weekly.comparison.with_columns(
        measure=pl.col("measure").replace_strict({key: c.stage_name(key) for key in m.weekly.comparison["measure"]}))
    weeks = m.weekly.weeks
    trend = charts.lines(weeks["week"].to_list(), {c.stage_name(key): weeks[key].to_list()
                                                  for key in ("first_contact", "offer", "orders", "first_orders")},
                         lang)
    revenue = charts.lines(weeks["week"].to_list(), {c.t("weekly.revenue"): weeks["revenue"].to_list()}, lang,
                           money=c.currency, bars=True)
    return Page("index", "overview", (
        Section("", cards=cards),
        Section(c.t("sec.weekly"), charts=(c.chart("weekly", "", weekly_chart),), tables=(
            c.table("weekly-table", "", table_frame, [
                c.column("measure"), c.column("current", "number"), c.column("previous", "number"),
                c.column("average_4_weeks", "number")], page_size=0),),
            columns=2),
        Section(c.t("sec.trend"), charts=(c.chart("trend", c.t("sec.trend_activity"), trend),
                                          c.chart("revenue", c.t("sec.trend_revenue"), revenue)), columns=2),
    ))
