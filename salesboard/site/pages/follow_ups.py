"""Overdue follow-ups, as the page and the downloads show them."""
from __future__ import annotations

from datetime import timedelta

import polars as pl

from salesboard.metrics import Metrics
from salesboard.model import Column
from salesboard.publish.downloads import group_stems
from salesboard.site.formatting import fmt_date, fmt_number
from salesboard.site.page_model import LIST_SEPARATOR, Card, Link, Page, Section
from salesboard.site.pages.context import PageContext, SiteData


def follow_up_rows(m: Metrics, c: PageContext) -> pl.DataFrame:
    """The overdue list with words for segments and reasons, as the page and the downloads show it."""
    reasons = {r: c.t(f"reason.{r}") for r in ("due", "cadence", "offer_not_chased")}
    return m.follow_ups.with_columns(
        segment=pl.col("segment").cast(pl.String),
        reasons=pl.col("reasons").list.eval(pl.element().replace_strict(reasons)).list.join(LIST_SEPARATOR),
    )


def follow_up_columns(c: PageContext) -> list[Column]:
    return [c.column("company", "customer"), c.column("customer_id", "customer"), c.column("owner", filter=True),
            c.column("segment", filter=True), c.column("reasons", filter="each"), c.column("days_overdue", "int"),
            c.column("due_date", "date"), c.column("last_contact", "date"), c.column("phone", "tel")]


def follow_up_links(rows: pl.DataFrame, stem: str, c: PageContext) -> tuple[Link, ...]:
    """The follow-up downloads as links that follow the page's owner filter: the whole list while no owner
    is chosen, that owner's files while one is (write_downloads' files, grouped by owner)."""
    def pair(name: str, value: str | None) -> tuple[Link, ...]:
        who = c.t("download.everyone") if value is None else value or c.t("no_owner")
        return (Link(c.t("download.list_xlsx").format(who=who), f"downloads/{name}.xlsx", "owner", value),
                Link(c.t("download.list_csv").format(who=who), f"downloads/{name}.csv", "owner", value))
    links = pair(stem, None)
    for owner, name in group_stems(rows, stem, "owner").items():
        links += pair(name, owner or "")
    return links


def due_soon_columns(c: PageContext) -> list[Column]:
    return [c.column("company", "customer"), c.column("customer_id", "customer"), c.column("owner", filter=True),
            c.column("segment"),
            c.column("follow_up_date", "date"), c.column("last_contact", "date"), c.column("phone", "tel")]


def follow_ups_page(site: SiteData, c: PageContext) -> Page:
    """Due today and this week first (what can still be done on time), then the overdue list with its filters;
    the downloads follow the owner filter, and the browser offers the rows as filtered as a .csv."""
    m, rows = site.metrics, site.follow_ups
    sunday = m.as_of + timedelta(days=6 - m.as_of.weekday())
    due_soon = m.due_soon.with_columns(segment=pl.col("segment").cast(pl.String))
    day = m.as_of.isoformat()
    return Page("follow-ups", "follow_ups", (
        Section(c.t("sec.due_soon"), text=c.t("note.due_soon").format(start=fmt_date(m.as_of, c.language),
                                                                        end=fmt_date(sunday, c.language)),
                tables=(c.table("due-soon", "", due_soon, due_soon_columns(c), page_size=0),)),
        Section(c.t("sec.overdue"), cards=(Card(c.t("kpi.overdue"), fmt_number(rows.height, c.language), "", "flat"),),
                tables=(c.table("follow-ups", "", rows, follow_up_columns(c),
                                csv_name=f"{c.t('download.stem')}-{day}"),)),
        Section(c.t("sec.list_downloads"), links=site.downloads),
    ))
