"""Data quality: every problem found while reading, and what each sheet was read as."""
from __future__ import annotations

import polars as pl

from salesboard.quality import tally
from salesboard.site.formatting import fmt_number
from salesboard.site.page_model import Card, Page, Section
from salesboard.site.pages.context import PageContext, SiteData


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
