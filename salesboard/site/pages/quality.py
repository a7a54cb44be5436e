"""Data quality: every problem found while reading, and what each sheet was read as, from which columns."""
from __future__ import annotations

import polars as pl

from salesboard.input.read import SheetSummary
from salesboard.quality import tally, word
from salesboard.site.formatting import fmt_number
from salesboard.site.page_model import Card, Page, Section
from salesboard.site.pages.context import PageContext, SiteData


def quality_page(site: SiteData, c: PageContext) -> Page:
    lang = c.language
    problems = pl.DataFrame(
        [(c.t(f"severity.{p.severity}"), p.file, p.sheet, p.cell, p.describe(lang), p.done(lang),
          None if p.severity == "notice" else p.rows, list(p.customer_ids)) for p in site.read.problems],
        schema={"severity": pl.String, "file": pl.String, "sheet": pl.String, "cell": pl.String,
                "message": pl.String, "action": pl.String, "affected": pl.Int64, "ids": pl.List(pl.String)},
        orient="row")
    problems = _with_customer(problems, site.read.tables.addresses)
    sheets = pl.DataFrame([_sheet_row(s, c) for s in site.read.sheets],
                          schema={"file": pl.String, "sheet": pl.String, "part": pl.String, "table": pl.String,
                                  "rows_read": pl.Int64, "rows": pl.Int64, "skipped": pl.Int64,
                                  "columns_used": pl.String}, orient="row")
    errors, warnings = tally(site.read.problems)
    cards = (Card(c.t("kpi.errors"), fmt_number(errors, lang), "", "bad" if errors else "flat"),
             Card(c.t("kpi.warnings"), fmt_number(warnings, lang), "", "flat"),
             Card(c.t("kpi.sheets"), fmt_number(len(site.read.sheets), lang), "", "flat"))
    return Page("data-quality", "quality", (
        Section("", cards=cards),
        Section(c.t("sec.problems"), text="" if site.read.problems else c.t("note.no_problems"), tables=(c.table(
            "problems", "", problems, [c.column("severity", filter=True), c.column("file", filter=True),
                                       c.column("sheet"), c.column("cell"), c.column("customer", "customer"),
                                       c.column("message"),
                                       c.column("action", filter=True), c.column("affected", "int")]),)
            if site.read.problems else ()),
        Section(c.t("sec.sheets"), text=c.t("note.sheets"), tables=(c.table("sheets", "", sheets, [
            c.column("file"), c.column("sheet"), c.column("part"), c.column("table", filter=True),
            c.column("rows_read", "int"), c.column("rows", "int"), c.column("skipped", "int"),
            c.column("columns_used")]),)),
    ))


def _with_customer(problems: pl.DataFrame, addresses: pl.DataFrame) -> pl.DataFrame:
    """The customer whose row a problem is about: its name (its ID without one), linked to its card. A
    problem of the rows of several customers names the first IDs, unlinked."""
    one = pl.col("ids").list.len() == 1
    names = addresses.select("customer_id", "company")
    return (problems.with_columns(customer_id=pl.when(one).then(pl.col("ids").list.first()))
            .join(names, on="customer_id", how="left", maintain_order="left")
            .with_columns(customer=pl.when(one).then(pl.coalesce("company", "customer_id"))
                          .when(pl.col("ids").list.len() > 3)
                          .then(pl.col("ids").list.head(3).list.join(", ") + pl.lit(", …"))
                          .otherwise(pl.col("ids").list.join(", ")))
            .drop("ids", "company"))


def _sheet_row(sheet: SheetSummary, c: PageContext) -> tuple:
    """What the sheet was read as (or looked like), its rows, and which column gave which field."""
    if sheet.kind:
        kind = c.t(f"kind.{sheet.kind}")
    elif sheet.looked_like:
        kind = c.t("kind.looked_like").format(kind=word(f"kind_a.{sheet.looked_like}", c.language))
    else:
        kind = c.t("kind.none")
    used = "; ".join(f"{word(f'field.{field}', c.language)} ← {letter} {header}"
                     for field, letter, header in sheet.fields)
    return (sheet.file, sheet.sheet, sheet.part, kind, sheet.rows_read, sheet.rows,
            sheet.rows_read - sheet.rows, used)
