"""Segments Z0–Z4: counts and revenue, per owner, their history and the migration between them."""
from __future__ import annotations

import polars as pl

from salesboard.domain import SEGMENTS
from salesboard.site import charts
from salesboard.site.formatting import currency_symbol, fmt_date, fmt_number, fmt_short_date, fmt_week
from salesboard.site.page_model import Page, Section
from salesboard.site.pages.context import PageContext, SiteData


def segments_page(site: SiteData, c: PageContext) -> Page:
    m, lang = site.metrics, c.language
    rules = c.segment_rules(m.rules.loyal_min_orders)
    legend = c.segment_legend(m.rules.loyal_min_orders)
    summary = m.segments.summary
    segments = [str(s) for s in summary["segment"]]
    counts = charts.segment_bars(segments, summary["addresses"].to_list(), c.segment_names, lang, rules,
                                 y_title=c.t("axis.addresses"), sentence=c.sentence("hover.addresses"))
    revenue = charts.grouped_bars([c.segment_names[s] for s in segments],
                                  {c.t("col.revenue_12m"): summary["revenue_12m"].to_list(),
                                   c.t("col.revenue_total"): summary["revenue_total"].to_list()},
                                  lang, money=c.currency, narrow=segments,
                                  y_title=c.t("axis.revenue").format(currency=currency_symbol(c.currency)))
    by_owner = m.segments.by_owner.with_columns(owner=pl.col("owner").fill_null(c.t("no_owner")))
    owners = by_owner["owner"].unique(maintain_order=True).to_list()
    owner_counts = {s: by_owner.filter(pl.col("segment") == s)["addresses"].to_list() for s in SEGMENTS}
    history = m.segments.history
    return Page("segments", "segments", (
        Section(c.t("sec.segment_counts"), text=legend,
                charts=(c.chart("segment-counts", c.t("sec.segment_addresses"), counts),
                        c.chart("segment-revenue", c.t("sec.segment_revenue"), revenue)),
                tables=(c.table("segment-table", "", summary.with_columns(
                    segment=pl.col("segment").cast(pl.String).replace_strict(c.segment_names)), [
                    c.column("segment"), c.column("addresses", "int"),
                    c.column("revenue_12m", "money"), c.column("revenue_total", "money")], page_size=0),),
                columns=2),
        Section(c.t("sec.by_owner"), charts=(c.chart("by-owner", "", charts.stacked_by_segment(
            [charts.label(o) for o in owners], owner_counts, c.segment_names, lang, x_title=c.t("axis.owner"),
            y_title=c.t("axis.addresses"), sentence=c.sentence("hover.addresses"))),)),
        Section(c.t("sec.history"), charts=(c.chart("history", "", charts.stacked_by_segment(
            [fmt_week(w, lang) for w in history["week"]], {s: history[s].to_list() for s in SEGMENTS},
            c.segment_names, lang, area=True, x_title=c.t("axis.week"), y_title=c.t("axis.addresses"),
            sentence=c.sentence("hover.addresses"))),)),
        migration_section(site, c),
    ))


def migration_section(site: SiteData, c: PageContext) -> Section:
    """Rows: the segment at the start; columns: at D. The moves are coloured, the diagonal (stayed) is not."""
    m, lang = site.metrics, c.language
    matrix = [list(row) for row in m.segments.migration.sort("from_segment", "to_segment")
              .pivot(on="to_segment", index="from_segment", values="addresses").select(SEGMENTS).rows()]
    moves = [[None if i == j else value for j, value in enumerate(row)] for i, row in enumerate(matrix)]
    largest = max((v for row in moves for v in row if v), default=1)
    coloured = [[0 if v is None else v for v in row] for row in moves]
    named = [c.segment_names[s] for s in SEGMENTS]
    start, end = m.segments.migration_start, m.as_of
    note = c.t("note.migration").format(start=fmt_date(start, lang), end=fmt_date(end, lang))
    chart = charts.heatmap(named, named, coloured, [[fmt_number(v, lang) for v in row] for row in matrix], lang,
                           z_range=(0, largest), x_title=c.t("axis.to").format(date=fmt_short_date(end, lang)),
                           y_title=c.t("axis.from").format(date=fmt_short_date(start, lang)),
                           hover="%{y} → %{x}: %{customdata}", narrow=(list(SEGMENTS), list(SEGMENTS)),
                           hover_data=[[c.t("hover.moved", v).format(value=fmt_number(v, lang)) for v in row]
                                       for row in matrix])
    return Section(c.t("sec.migration"), text=f"{note} {c.t('note.migration_moves')}",
                   charts=(c.chart("migration", "", chart),))
