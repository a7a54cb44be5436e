"""The overview: key figures against a week earlier, the weekly funnel of the reporting week W against
W − 1 and the mean of the four weeks before (the running week apart), the week in review, per owner,
and the 52 weeks up to W."""
from __future__ import annotations

import polars as pl

from salesboard.metrics import headline_of
from salesboard.metrics.weekly import WEEKLY_COUNTS
from salesboard.model import Column
from salesboard.site import charts
from salesboard.site.formatting import (
    currency_symbol,
    fmt_change,
    fmt_day,
    fmt_money,
    fmt_number,
    fmt_percent,
    fmt_week,
    fmt_week_span,
)
from salesboard.site.page_model import Card, Page, Section
from salesboard.site.pages.context import PageContext, SiteData, card
from salesboard.site.pages.review import review_sections

# Neutral tones: the week before (light), the reporting week (dark), the 4-week mean (sand).
WEEK_COLOURS = ["#bcccdc", "#334e68", "#c9b79c"]
# Each card links to the page that explains its figure.
CARD_PAGES = {"addresses": "segments", "customers": "segments", "revenue_12m": "segments",
              "second_order_rate": "first-buyers", "overdue": "follow-ups"}
_PAGE_KEYS = {"segments": "segments", "first-buyers": "first_buyers", "follow-ups": "follow_ups"}
TREND_MEASURES = ("first_contact", "offer", "orders", "first_orders")


def overview_page(site: SiteData, c: PageContext) -> Page:
    m = site.metrics
    week, monday, sunday = m.weekly.reporting_week
    named_week = fmt_week_span(week, monday, sunday, c.language)
    return Page("index", "overview", (
        Section("", cards=key_figure_cards(site, c)),
        weekly_section(site, c, named_week),
        *review_sections(m, c, named_week),
        trend_section(site, c),
    ))


def key_figure_cards(site: SiteData, c: PageContext) -> tuple[Card, ...]:
    lang, vs = c.language, c.t("kpi.vs_last_week")
    now = headline_of(site.metrics.addresses, site.metrics.follow_ups.height)
    before = site.last_week
    history = site.history

    def figure(key: str, label: str, value: str, good_when_up: bool = True) -> Card:
        scale, decimals, unit = (100, 1, c.t("kpi.points")) if key == "second_order_rate" else (1, 0, "")
        a, b = (None if v is None else v * scale for v in (getattr(now, key), getattr(before, key)))
        difference = None if a is None or b is None else round(a - b, decimals)
        if key == "revenue_12m" and difference:
            sign = "+" if difference > 0 else "−"
            shown = f"{sign}{fmt_money(abs(difference), lang, c.currency)} {vs}"
        else:
            shown = f"{fmt_change(difference, lang, decimals)}{unit if difference else ''} {vs}"
        trend = "flat" if not difference else "good" if (difference > 0) == good_when_up else "bad"
        page = CARD_PAGES[key]
        return card(label, value, difference, shown, good_when_up, href=f"{page}.html",
                    link_title=c.t("kpi.link").format(page=c.t(f"page.{_PAGE_KEYS[page]}")),
                    spark=charts.spark_points(history[key].to_list()) if history is not None and key in history.columns
                    else "", spark_title=c.t("kpi.spark"),
                    verdict=c.t({"good": "kpi.better", "bad": "kpi.worse", "flat": "kpi.same"}[trend]))

    return (
        figure("addresses", c.t("kpi.addresses"), fmt_number(now.addresses, lang)),
        figure("customers", c.t("kpi.customers"), fmt_number(now.customers, lang)),
        figure("revenue_12m", c.t("kpi.revenue_12m"), fmt_money(now.revenue_12m, lang, c.currency)),
        figure("second_order_rate", c.t("kpi.second_order_rate"), fmt_percent(now.second_order_rate, lang)),
        figure("overdue", c.t("kpi.overdue"), fmt_number(now.overdue, lang), good_when_up=False),
    )


def weekly_section(site: SiteData, c: PageContext, named_week: str) -> Section:
    """W against W − 1 and the mean of the 4 weeks before W: a chart of the counts, a table of the counts
    and of the revenue, and a line on the running week."""
    m, lang = site.metrics, c.language
    weeks = m.weekly.weeks
    # Short week names ("KW 47"): the section's title names W with its dates and year.
    labels = [fmt_week(w, lang, with_year=False) for w in weeks["week"]]
    previous_label, current_label = labels[-2] if len(labels) > 1 else "–", labels[-1]
    mean_label = (f"Ø {labels[-6]}–{labels[-3].split(chr(160))[-1]}" if len(labels) >= 6
                  else c.t("col.average_4_weeks"))
    comparison = m.weekly.comparison
    counts = comparison.filter(pl.col("measure").is_in(WEEKLY_COUNTS))
    names = [c.stage_name(key) for key in counts["measure"]]
    chart = charts.grouped_bars(names, {previous_label: counts["previous"].to_list(),
                                        current_label: counts["current"].to_list(),
                                        mean_label: counts["average_4_weeks"].to_list()},
                                lang, colours=WEEK_COLOURS, y_title=c.t("axis.addresses"),
                                sentence=c.sentence("hover.addresses"), horizontal=True)
    named = comparison.with_columns(measure=pl.col("measure").replace_strict(
        {key: c.stage_name(key) for key in comparison["measure"]}))
    tables = []
    for rows, id, value_kind in ((named.head(len(WEEKLY_COUNTS)), "weekly-table", "int"),
                                 (named.tail(1), "weekly-revenue", "money")):
        columns = [c.column("measure"), Column("current", current_label, value_kind),
                   Column("previous", previous_label, value_kind),
                   Column("average_4_weeks", mean_label, "number" if value_kind == "int" else "money"),
                   Column("change_vs_previous", c.t("col.change"), value_kind)]
        tables.append(c.table(id, "", rows, columns, page_size=0))
    return Section(c.t("week.funnel").format(week=named_week), text=running_week_line(site, c),
                   charts=(c.chart("weekly", "", chart),), tables=tuple(tables), columns=2)


def running_week_line(site: SiteData, c: PageContext) -> str:
    """"Laufende Woche bis Mi 25.11. (…): 3 Adressen mit Erstkontakt, …"; "" when D is a Sunday."""
    running, lang = site.metrics.weekly.running, c.language
    if running is None:
        return ""
    day = fmt_day(site.metrics.as_of, lang)
    parts = [c.t(f"hover.{key}", running[key]).format(value=fmt_number(running[key], lang)) for key in WEEKLY_COUNTS
             if running[key]]
    if running["revenue"]:
        parts.append(c.t("hover.revenue").format(value=fmt_money(running["revenue"], lang, c.currency)))
    if not parts:
        return c.t("week.running_none").format(day=day)
    return c.t("week.running").format(day=day, counts=", ".join(parts))


def trend_section(site: SiteData, c: PageContext) -> Section:
    m, lang = site.metrics, c.language
    weeks = m.weekly.weeks
    labels = [fmt_week(w, lang) for w in weeks["week"]]
    series = {c.stage_name(key): weeks[key].to_list() for key in TREND_MEASURES}
    # The unified hover names the week once above the series' sentences.
    sentences = {c.stage_name(key): c.sentence(f"hover.{key}") for key in TREND_MEASURES}
    trend = charts.lines(labels, series, lang, sentences=sentences, x_title=c.t("axis.week"),
                         y_title=c.t("axis.count"))
    revenue_name = c.t("weekly.revenue")
    revenue = charts.lines(labels, {revenue_name: weeks["revenue"].to_list()}, lang, money=c.currency, bars=True,
                           sentences={revenue_name: c.t("hover.revenue")}, x_title=c.t("axis.week"),
                           y_title=c.t("axis.revenue").format(currency=currency_symbol(c.currency)))
    last = fmt_week(weeks["week"][-1], lang) if weeks.height else ""
    return Section(c.t("week.trend").format(week=last), charts=(
        c.chart("trend", c.t("sec.trend_activity"), trend), c.chart("revenue", c.t("sec.trend_revenue"), revenue)),
        columns=2)

