"""Offers: the open offers by age and owner, hit rates, and the list of open offers to work through."""
from __future__ import annotations

import polars as pl

from salesboard.metrics import Metrics
from salesboard.metrics.offers import AGE_BUCKETS
from salesboard.model import Column
from salesboard.site import charts
from salesboard.site.formatting import fmt_date, fmt_money, fmt_number, fmt_percent
from salesboard.site.page_model import Card, Page, Section
from salesboard.site.pages.call_list import ListExport
from salesboard.site.pages.context import PageContext, SiteData


def open_offer_rows(m: Metrics, c: PageContext) -> pl.DataFrame:
    """The open offers, oldest first within each owner, with the customer's name."""
    names = m.addresses.select("customer_id", "company")
    return (m.offers.offers.filter(pl.col("state") == "open")
            .join(names, on="customer_id", how="left", maintain_order="left")
            .with_columns(owner=pl.col("owner").fill_null(c.t("no_owner")))
            .sort("owner", "offer_date", "customer_id"))


def open_offer_columns(c: PageContext) -> list[Column]:
    return [c.column("owner", filter=True), c.column("company", "customer"), c.column("customer_id", "customer"),
            c.column("offer_id"), c.column("offer_date", "date"), c.column("amount", "money"),
            c.column("age_days", "int"), c.column("valid_until", "date"), c.column("last_contact", "date")]


def offer_exports(m: Metrics, c: PageContext) -> list[ListExport]:
    """The open offers as .xlsx and .csv, named with the as-of date; none without a list of offers."""
    if m.offers is None:
        return []
    return [ListExport("offers", open_offer_rows(m, c), open_offer_columns(c),
                       f"{c.t('download.offers_stem')}-{m.as_of.isoformat()}",
                       f"{c.t('page.offers')} {fmt_date(m.as_of, c.language)}")]


def offers_page(site: SiteData, c: PageContext) -> Page | None:
    """None without a list of offers: the page is then not in the navigation."""
    m, lang = site.metrics, c.language
    if m.offers is None:
        return None
    offers = m.offers
    everyone = offers.hit_rates.row(0, named=True)
    open_rows = open_offer_rows(m, c)
    cards = (
        Card(c.t("kpi.open_offers"), fmt_number(open_rows.height, lang), "", "flat"),
        Card(c.t("kpi.open_value"), fmt_money(float(open_rows["amount"].sum()), lang, c.currency), "", "flat"),
        Card(c.t("kpi.hit_rate"), fmt_percent(everyone["hit_rate"], lang), "", "flat"),
        Card(c.t("kpi.hit_rate_value"), fmt_percent(everyone["hit_rate_value"], lang), "", "flat"),
        Card(c.t("kpi.days_to_decision"), fmt_number(offers.median_days_to_decision, lang), "", "flat"),
    )
    ages = [c.t(f"age.{label}") for label, _, _ in AGE_BUCKETS]
    by_age = charts.grouped_bars(ages, {c.t("col.value"): offers.open_by_age["value"].to_list()}, lang,
                                 money=c.currency)
    owners = offers.open_by_owner.with_columns(owner=pl.col("owner").fill_null(c.t("no_owner")))
    by_owner = charts.grouped_bars([charts.label(owner) for owner in owners["owner"]],
                                   {c.t("col.value"): owners["value"].to_list()}, lang, money=c.currency)
    rates = offers.hit_rates.with_columns(owner=pl.col("owner").fill_null(c.t("offers.everyone")))
    export = offer_exports(m, c)[0]
    return Page("offers", "offers", (
        Section("", cards=cards),
        Section(c.t("sec.open_offers"), charts=(c.chart("offers-by-age", c.t("sec.offers_by_age"), by_age),
                                                c.chart("offers-by-owner", c.t("sec.offers_by_owner"), by_owner)),
                columns=2),
        Section(c.t("sec.hit_rates"), text=c.t("note.hit_rates"), tables=(c.table("hit-rates", "", rates, [
            c.column("owner"), c.column("won", "int"), c.column("lost", "int"), c.column("hit_rate", "percent"),
            c.column("won_value", "money"), c.column("lost_value", "money"),
            c.column("hit_rate_value", "percent")], page_size=0),)),
        Section(c.t("sec.open_offer_list"), text=c.t("note.open_offer_list"),
                tables=(c.table("open-offers", "", open_rows, open_offer_columns(c), csv_name=export.stem),),
                links=site.list_downloads.get("offers", ())),
    ))
