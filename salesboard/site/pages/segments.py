"""Segments Z0–Z4: counts and revenue, per owner, their history and the migration between them."""
from __future__ import annotations

import polars as pl

from salesboard.domain import SEGMENTS
from salesboard.site import charts
from salesboard.site.formatting import fmt_date, fmt_number
from salesboard.site.page_model import Page, Section
from salesboard.site.pages.context import PageContext, SiteData


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
