"""The call list page (SPEC §3.7, §4): per owner the calls of the day with the reason in one sentence,
the back-test, and the reactivation list; and the list downloads the pages link to."""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from salesboard.domain import SEGMENTS
from salesboard.metrics import Metrics
from salesboard.metrics.call_candidates import CALL_REASONS
from salesboard.model import Column
from salesboard.site.formatting import (
    date_expr,
    fmt_date,
    fmt_number,
    fmt_percent,
    number_expr,
    percent_expr,
    template_expr,
)
from salesboard.site.page_model import LIST_SEPARATOR, Card, Link, Page, Section
from salesboard.site.pages.context import PageContext, SiteData


@dataclass(frozen=True)
class ListExport:
    """A list the site offers as .xlsx and .csv: its rows, columns, file stem (with the as-of date) and sheet."""

    id: str
    rows: pl.DataFrame
    columns: list[Column]
    stem: str
    sheet: str

    def links(self, c: PageContext) -> tuple[Link, ...]:
        return (Link(f"{self.stem}.xlsx", f"downloads/{self.stem}.xlsx"),
                Link(f"{self.stem}.csv", f"downloads/{self.stem}.csv"))


def _segment_names(c: PageContext, prefix: str) -> dict[str, str]:
    return {segment: c.t(f"{prefix}.{segment}") for segment in SEGMENTS}


def call_rows(frame: pl.DataFrame, m: Metrics, c: PageContext) -> pl.DataFrame:
    """Call-list (or reactivation) rows in words: segment with its meaning, reasons, the sentence with its
    evidence, owner ("ohne Betreuer" when none) and the due date (the promised date, else §3.4's)."""
    lang, as_of = c.language, m.as_of
    segment = pl.col("segment").cast(pl.String)
    days_since = {"first": (pl.lit(as_of) - pl.col("first_order_date")).dt.total_days(),
                  "last": (pl.lit(as_of) - pl.col("last_order_date")).dt.total_days()}
    values = {
        "promised": {"date": date_expr(pl.col("follow_up_date"), lang)},
        "second_order": {"segment_word": pl.lit(c.t("call.word.Z2")), "days": number_expr(days_since["first"], lang)},
        "at_risk": {"gap": number_expr(pl.col("usual_gap"), lang), "days": number_expr(days_since["last"], lang)},
        "offer": {"date": date_expr(pl.col("offer_date"), lang)},
        "hot": {"date": date_expr(pl.col("interest_signal"), lang)},
        "overdue": {"days": number_expr(pl.col("days_overdue"), lang)},
    }
    first = pl.col("reasons").list.first()
    says = pl.lit("")
    for reason in reversed(CALL_REASONS):
        sentence = template_expr(c.t(f"call.says.{reason}"), values[reason])
        if reason == "overdue":  # the one count of days that can be 1
            sentence = pl.when(pl.col("days_overdue") == 1).then(
                template_expr(c.t("call.says.overdue", 1), values[reason])).otherwise(sentence)
        says = pl.when(first == reason).then(sentence).otherwise(says)
    evidence_values = {
        "seen": number_expr(pl.col("evidence_seen"), lang),
        "group": segment.replace_strict(_segment_names(c, "call.group"), default=""),
        "p": percent_expr(pl.col("p"), lang, 0),
        "verb": pl.when(pl.col("segment") >= "Z2").then(pl.lit(c.t("call.verb.again")))
        .otherwise(pl.lit(c.t("call.verb.first"))),
    }
    evidence = (pl.when(pl.col("pooled")).then(template_expr(c.t("call.evidence_pooled"), evidence_values))
                .otherwise(template_expr(c.t("call.evidence"), evidence_values)))
    with_evidence = ~pl.col("promised") & pl.lit(not m.call_list.fallback) & pl.col("p").is_not_null()
    reason_words = {r: c.t(f"call.reason.{r}") for r in CALL_REASONS}
    return frame.with_columns(
        segment_name=segment.replace_strict(c.segment_names, default=None),
        call_reasons=pl.col("reasons").list.eval(pl.element().replace_strict(reason_words)).list.join(LIST_SEPARATOR),
        sentence=pl.concat_str([says, pl.when(with_evidence).then(evidence).otherwise(pl.lit(""))]),
        owner=pl.col("owner").fill_null(c.t("no_owner")),
        call_due=pl.when("promised").then("follow_up_date").otherwise("due_date"),
    )


def call_columns(c: PageContext, with_rank: bool = True) -> list[Column]:
    """Name and why first, then how to reach them; the rest for the details."""
    columns = [c.column("company", "customer"), c.column("sentence"), c.column("phone", "tel"), c.column("contact"),
               c.column("call_reasons", filter="each"), c.column("segment_name", filter=True),
               c.column("call_due", "date"), c.column("last_contact", "date"), c.column("last_note"),
               c.column("email", "mailto"), c.column("owner", filter=True), c.column("customer_id", "customer")]
    return ([c.column("rank", "int")] if with_rank else []) + columns


def reactivation_columns(c: PageContext, page: bool = False) -> list[Column]:
    """For a mailing: whom to write to, and why; the page shows the first of them, the download all."""
    if page:
        return [c.column("company", "customer"), c.column("contact"), c.column("email", "mailto"),
                c.column("phone", "tel"), c.column("segment_name", filter=True), c.column("p", "percent"),
                c.column("owner", filter=True)]
    return [c.column("company", "customer"), c.column("sentence"), c.column("contact"), c.column("email", "mailto"),
            c.column("phone", "tel"), c.column("segment_name", filter=True), c.column("p", "percent"),
            c.column("last_contact", "date"), c.column("owner", filter=True), c.column("customer_id", "customer")]


def waiting_columns(c: PageContext) -> list[Column]:
    return [c.column("company", "customer"), c.column("customer_id", "customer"), c.column("owner", filter=True),
            c.column("phone", "tel"), c.column("first_order_date", "date"), c.column("days_since_first_order", "int"),
            c.column("p", "percent"), c.column("expected_value", "money")]


def list_exports(m: Metrics, c: PageContext) -> list[ListExport]:
    """The call list, the reactivation list and the first-time buyers' waiting list as downloads, named
    with the as-of date."""
    day = m.as_of.isoformat()
    sheet_day = fmt_date(m.as_of, c.language)
    calls = call_rows(m.call_list.rows, m, c)
    return [
        ListExport("call-list", calls, call_columns(c), f"{c.t('download.call_list_stem')}-{day}",
                   f"{c.t('page.call_list')} {sheet_day}"),
        ListExport("reactivation", call_rows(m.call_list.reactivation, m, c), reactivation_columns(c),
                   f"{c.t('download.reactivation_stem')}-{day}", f"{c.t('sheet.reactivation')} {sheet_day}"),
        ListExport("waiting", m.lifecycle.waiting_list.with_columns(pl.col("owner").fill_null(c.t("no_owner"))),
                   waiting_columns(c), f"{c.t('download.waiting_stem')}-{day}", f"{c.t('sheet.waiting')} {sheet_day}"),
    ]


def backtest_sentence(m: Metrics, c: PageContext) -> str:
    """The back-test in one or two sentences, shown whether or not the list did better."""
    backtest, lang = m.call_list.backtest, c.language
    if backtest.size == 0:
        return c.t("call.backtest_empty")
    text = c.t("call.backtest").format(
        date=fmt_date(backtest.as_of, lang), size=fmt_number(backtest.size, lang),
        list=fmt_percent(backtest.list_rate, lang, 0), overdue=fmt_percent(backtest.overdue_rate, lang, 0),
        base=fmt_percent(backtest.base_rate, lang, 0))
    if backtest.overdue_rate is not None and (backtest.list_rate or 0) <= backtest.overdue_rate:
        text += " " + c.t("call.backtest_worse")
    return text


def call_list_page(site: SiteData, c: PageContext) -> Page:
    m = site.metrics
    calls = m.call_list
    rows = call_rows(calls.rows, m, c)
    reactivation = call_rows(calls.reactivation, m, c)
    owners = rows.select(pl.col("owner").n_unique()).item() if rows.height else 0
    cards = (Card(c.t("kpi.calls_today"), fmt_number(rows.height, c.language), "", "flat"),
             Card(c.t("kpi.owners"), fmt_number(owners, c.language), "", "flat"),
             Card(c.t("kpi.reactivation"), fmt_number(reactivation.height, c.language), "", "flat"))
    intro = c.t("call.cap", calls.calls_per_day).format(cap=calls.calls_per_day)
    if calls.fallback:
        intro = c.t("call.fallback") + " " + intro
    downloads = site.list_downloads
    table = c.table("call-list", "", rows, call_columns(c), page_size=0,
                    csv_name=f"{c.t('download.call_list_stem')}-{m.as_of.isoformat()}")
    table.data["layout"] = "cards"  # a work list, read top down
    return Page("call-list", "call_list", (
        Section(c.t("sec.call_list"), text=intro, cards=cards,
                tables=(table,),
                links=downloads.get("call-list", ())),
        Section(c.t("sec.backtest"), text=backtest_sentence(m, c)),
        Section(c.t("sec.reactivation"),
                text=c.t("note.reactivation").format(share=fmt_percent(m.rules.dormant_below, c.language, 0)),
                tables=(c.table("reactivation", "", reactivation, reactivation_columns(c, page=True),
                                csv_name=f"{c.t('download.reactivation_stem')}-{m.as_of.isoformat()}"),),
                links=downloads.get("reactivation", ())),
    ))
