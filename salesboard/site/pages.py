"""What each of the seven pages shows: metric frames → page models."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from salesboard.config import Settings
from salesboard.domain import SEGMENTS, STAGES
from salesboard.input.read import ReadResult
from salesboard.metrics import Headline, Metrics, headline_of
from salesboard.metrics.lifecycle import COHORT_WINDOWS
from salesboard.metrics.weekly import WEEKLY_COUNTS
from salesboard.model import Column
from salesboard.quality import tally
from salesboard.site import charts
from salesboard.site.formatting import fmt_change, fmt_date, fmt_money, fmt_number, fmt_percent
from salesboard.site.page_model import LIST_SEPARATOR, Card, Chart, Link, Page, Section, Table, table_data
from salesboard.site.texts import translator

# Rows a page carries per table: the browser stays quick and a page of a large data set stays small.
MAX_TABLE_ROWS = 5000


@dataclass(frozen=True)
class SiteData:
    settings: Settings
    metrics: Metrics
    last_week: Headline  # the key figures as of seven days earlier, for the change on the cards
    read: ReadResult
    follow_ups: pl.DataFrame  # follow_up_rows(): the overdue list in words, as page and downloads show it
    downloads: tuple[Link, ...]


class PageContext:
    """Language, currency and the words, shared by the page builders."""

    def __init__(self, settings: Settings):
        self.language, self.currency = settings.language, settings.currency
        self.t = translator(settings.language)
        self.segment_names = {segment: self.t(f"segment.{segment}") for segment in SEGMENTS}

    def column(self, key: str, kind: str = "text", filter: bool | str = False) -> Column:
        return Column(key, self.t(f"col.{key}"), kind, filter)

    def table(self, id: str, title: str, frame: pl.DataFrame, columns: list[Column], page_size: int = 50) -> Table:
        """A sortable, filterable table; past MAX_TABLE_ROWS the page shows the first rows (the most urgent,
        as the lists are sorted) and says so, and the downloads hold them all."""
        note = ""
        if frame.height > MAX_TABLE_ROWS:
            note = self.t("note.table_limit").format(shown=fmt_number(MAX_TABLE_ROWS, self.language),
                                                     total=fmt_number(frame.height, self.language))
            frame = frame.head(MAX_TABLE_ROWS)
        return Table(id, title, table_data(frame, columns, self.language, self.currency, page_size), note)

    def chart(self, id: str, title: str, figure: dict) -> Chart:
        return Chart(id, title, figure if charts.has_data(figure) else None)

    def stage_name(self, stage: str) -> str:
        return self.t(f"stage.{stage}") if stage in STAGES else self.t(f"weekly.{stage}")


def build_pages(site: SiteData) -> list[Page]:
    context = PageContext(site.settings)
    builders: list[Callable[[SiteData, PageContext], Page]] = [
        overview_page, segments_page, funnel_page, first_buyers_page, follow_ups_page, campaigns_page, quality_page]
    # Every page carries the notices (e.g. a workbook shown with its last good contents).
    return [dataclasses.replace(builder(site, context), notices=site.read.notices) for builder in builders]


def _card(label: str, value: str, change: float | None, shown_change: str, good_when_up: bool = True) -> Card:
    """A key figure with its change since last week, coloured by whether the change is good news."""
    trend = "flat" if not change else "good" if (change > 0) == good_when_up else "bad"
    return Card(label, value, shown_change, trend)


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
        _card(c.t("kpi.addresses"), fmt_number(now.addresses, lang), *change(now.addresses, before.addresses)),
        _card(c.t("kpi.customers"), fmt_number(now.customers, lang), *change(now.customers, before.customers)),
        _card(c.t("kpi.revenue_12m"), fmt_money(now.revenue_12m, lang, c.currency),
              *change(now.revenue_12m, before.revenue_12m)),
        _card(c.t("kpi.second_order_rate"), fmt_percent(now.second_order_rate, lang), *rate_change),
        _card(c.t("kpi.overdue"), fmt_number(now.overdue, lang), *change(now.overdue, before.overdue),
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


def segments_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    summary = m.segments.summary
    segments = [str(s) for s in summary["segment"]]
    counts = charts.segment_bars(segments, summary["addresses"].to_list(), c.segment_names, lang)
    revenue = charts.grouped_bars([c.segment_names[s] for s in segments],
                                  {c.t("col.revenue_12m"): summary["revenue_12m"].to_list(),
                                   c.t("col.revenue_total"): summary["revenue_total"].to_list()},
                                  lang, money=c.currency)
    by_owner = m.segments.by_owner.with_columns(owner=pl.col("owner").fill_null(c.t("no_owner")))
    owners = by_owner["owner"].unique(maintain_order=True).to_list()
    owner_counts = {s: by_owner.filter(pl.col("segment") == s)["addresses"].to_list() for s in SEGMENTS}
    history = m.segments.history
    migration = m.segments.migration
    matrix = [list(row) for row in migration.sort("from_segment", "to_segment")
              .pivot(on="to_segment", index="from_segment", values="addresses").select(SEGMENTS).rows()]
    note = c.t("note.migration").format(start=fmt_date(m.segments.migration_start, lang),
                                        end=fmt_date(m.as_of, lang))
    named = [c.segment_names[s] for s in SEGMENTS]
    return Page("segments", "segments", (
        Section(c.t("sec.segment_counts"), charts=(c.chart("segment-counts", c.t("sec.segment_addresses"), counts),
                                                   c.chart("segment-revenue", c.t("sec.segment_revenue"), revenue)),
                tables=(c.table("segment-table", "", summary.with_columns(
                    segment=pl.col("segment").cast(pl.String).replace_strict(c.segment_names)), [
                    c.column("segment"), c.column("addresses", "int"), c.column("revenue_12m", "money"),
                    c.column("revenue_total", "money")], page_size=0),), columns=2),
        Section(c.t("sec.by_owner"), charts=(c.chart("by-owner", "", charts.stacked_by_segment(
            [charts.label(o) for o in owners], owner_counts, c.segment_names, lang)),)),
        Section(c.t("sec.history"), charts=(c.chart("history", "", charts.stacked_by_segment(
            history["week"].to_list(), {s: history[s].to_list() for s in SEGMENTS}, c.segment_names, lang,
            area=True)),)),
        Section(c.t("sec.migration"), text=note, charts=(c.chart("migration", "", charts.heatmap(
            named, named, matrix, [[fmt_number(v, lang) for v in row] for row in matrix], lang)),)),
    ))


def funnel_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    lifecycle = m.lifecycle.funnel.with_columns(step=pl.col("step").replace_strict(
        {step: c.t(f"step.{step}") for step in m.lifecycle.funnel["step"]}))
    lifecycle_chart = charts.funnel(lifecycle["step"].to_list(), lifecycle["addresses"].to_list(), lang,
                                    colours=["#9aa5b1"] + [charts.SEGMENT_COLOURS[s] for s in SEGMENTS[1:]])
    stage_charts, stage_tables = [], []
    for period, key in (("all_time", "sec.stages_all"), ("last_12_weeks", "sec.stages_recent")):
        rows = m.stages.funnel.filter(pl.col("period") == period).with_columns(
            step=pl.col("stage").replace_strict({s: c.stage_name(s) for s in STAGES}),
            overall_rate=pl.col("cumulative_rate"))
        stage_charts.append(c.chart(f"stages-{period}", c.t(key), charts.funnel(
            rows["step"].to_list(), rows["addresses"].to_list(), lang)))
        stage_tables.append(c.table(f"stages-table-{period}", c.t(key), rows, _rate_columns(c), page_size=0))
    cards = (Card(c.t("kpi.median_days_order"), fmt_number(m.stages.median_days_first_contact_to_order, lang, 0),
                  "", "flat"),
             Card(c.t("kpi.second_order_rate"), fmt_percent(m.lifecycle.second_order_rate, lang), "", "flat"))
    return Page("funnel", "funnel", (
        Section("", cards=cards),
        Section(c.t("sec.lifecycle"), charts=(c.chart("lifecycle", "", lifecycle_chart),),
                tables=(c.table("lifecycle-table", "", lifecycle, _rate_columns(c), page_size=0),), columns=2),
        Section(c.t("sec.stages"), charts=tuple(stage_charts), tables=tuple(stage_tables), columns=2),
    ))


def _rate_columns(c: PageContext) -> list[Column]:
    return [c.column("step"), c.column("addresses", "int"), c.column("step_rate", "percent"),
            c.column("overall_rate", "percent")]


def first_buyers_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    cohorts = m.lifecycle.cohorts
    months = [fmt_date(d, lang)[3:] if lang == "de" else str(d)[:7] for d in cohorts["cohort_month"]]
    z = [list(row) for row in cohorts.select(f"share_{w}d" for w in COHORT_WINDOWS).rows()]
    text = [[fmt_percent(v, lang, 0) if v is not None else "" for v in row] for row in z]
    heat = charts.heatmap([c.t(f"window.{w}") for w in COHORT_WINDOWS], months, z, text, lang, z_range=(0, 1))
    days = m.lifecycle.days_to_second_order
    waiting = m.lifecycle.waiting_list
    cards = (Card(c.t("kpi.median_days_second"), fmt_number(m.lifecycle.median_days_to_second_order, lang), "", "flat"),
             Card(c.t("kpi.waiting"), fmt_number(waiting.height, lang), "", "flat"),
             Card(c.t("kpi.second_order_rate"), fmt_percent(m.lifecycle.second_order_rate, lang), "", "flat"))
    return Page("first-buyers", "first_buyers", (
        Section("", cards=cards),
        Section(c.t("sec.cohorts"), text=c.t("note.cohorts"), charts=(c.chart("cohorts", "", heat),)),
        Section(c.t("sec.days_to_second"), charts=(c.chart("days-to-second", "", charts.histogram(
            days, 30, lang, c.t("sec.days_to_second"))),)),
        Section(c.t("sec.waiting"), tables=(c.table("waiting", "", waiting, [
            c.column("customer_id"), c.column("company"), c.column("owner", filter=True), c.column("phone"),
            c.column("first_order_date", "date"), c.column("days_since_first_order", "int")]),)),
    ))


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


def campaigns_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    campaigns = m.campaigns.with_columns(segment=pl.col("segment").cast(pl.String))
    if campaigns.is_empty():
        return Page("campaigns", "campaigns", (Section(c.t("sec.response"), text=c.t("note.no_campaigns")),))
    names = campaigns["campaign"].unique(maintain_order=True).to_list()
    rates = {c.segment_names[s]: campaigns.filter(pl.col("segment") == s)["response_rate"].to_list() for s in SEGMENTS}
    chart = charts.grouped_bars([charts.label(n) for n in names], rates, lang, percent=True,
                                colours=[charts.SEGMENT_COLOURS[s] for s in SEGMENTS])
    return Page("campaigns", "campaigns", (
        Section(c.t("sec.response"), charts=(c.chart("response", "", chart),), tables=(c.table(
            "campaign-table", "", campaigns.with_columns(segment=pl.col("segment").replace_strict(c.segment_names)), [
                c.column("campaign", filter=True), c.column("sent_date", "date"), c.column("segment", filter=True),
                c.column("sent", "int"), c.column("responded", "int"), c.column("response_rate", "percent"),
                c.column("rate_vs_z0", "number")]),)),
    ))


def quality_page(site: SiteData, c: PageContext) -> Page:
    problems = pl.DataFrame(
        [(c.t(f"severity.{p.severity}"), p.file, p.sheet, p.cell, p.message, p.action) for p in site.read.problems],
        schema=["severity", "file", "sheet", "cell", "message", "action"], orient="row")
    sheets = pl.DataFrame([(s.file, s.sheet, c.t(f"kind.{s.kind or 'none'}"), s.rows) for s in site.read.sheets],
                          schema={"file": pl.String, "sheet": pl.String, "table": pl.String, "rows": pl.Int64},
                          orient="row")
    errors, warnings = tally(site.read.problems)
    cards = (Card(c.t("kpi.errors"), fmt_number(errors, c.language), "", "bad" if errors else "flat"),
             Card(c.t("kpi.warnings"), fmt_number(warnings, c.language), "", "flat"),
             Card(c.t("kpi.sheets"), fmt_number(len(site.read.sheets), c.language), "", "flat"))
    return Page("data-quality", "quality", (
        Section("", cards=cards),
        Section(c.t("sec.problems"), text="" if site.read.problems else c.t("note.no_problems"), tables=(c.table(
            "problems", "", problems, [c.column("severity", filter=True), c.column("file", filter=True),
                                       c.column("sheet"), c.column("cell"), c.column("message"),
                                       c.column("action", filter=True)]),) if site.read.problems else ()),
        Section(c.t("sec.sheets"), tables=(c.table("sheets", "", sheets, [
            c.column("file"), c.column("sheet"), c.column("table", filter=True), c.column("rows", "int")]),)),
    ))
