"""Page models built without a browser: what each page holds for the hand-checked team workbooks."""
from __future__ import annotations

import datetime as dt

import pytest
from support.workbooks import write_team_workbooks

from salesboard.config import Settings
from salesboard.input.read import read_input
from salesboard.metrics import compute_headline, compute_metrics
from salesboard.site.pages import PageContext, SiteData, build_pages, follow_up_rows
from salesboard.site.render import site_title

AS_OF = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("input")
    write_team_workbooks(folder)
    settings = Settings(input_dir=folder, as_of=AS_OF, today=AS_OF)
    read = read_input(settings)
    metrics = compute_metrics(read.tables, AS_OF, settings.rules)
    context = PageContext(settings)
    last_week = compute_headline(read.tables, AS_OF - dt.timedelta(days=7), settings.rules)
    site = SiteData(settings, metrics, last_week, read, follow_up_rows(metrics, context), ())
    return {page.slug: page for page in build_pages(site)}


def test_the_seven_pages_in_navigation_order(pages):
    assert list(pages) == ["index", "segments", "funnel", "first-buyers", "follow-ups", "campaigns", "data-quality"]


def test_overview_cards_compare_with_a_week_earlier(pages):
    cards = {card.label: (card.value, card.change, card.trend) for card in pages["index"].sections[0].cards}
    # Six addresses (five listed, customer 9 only in the orders). Customer 4 ordered on 24.11.: one customer
    # more than on 18.11.; three overdue follow-ups now against two then (Gamma's offer of 02.11. became overdue
    # on 10.11., Delta's order of 24.11. settled nothing).
    assert cards["Adressen"] == ("6", "±0 ggü. Vorwoche", "flat")
    assert cards["Kunden"] == ("3", "+1 ggü. Vorwoche", "good")
    assert cards["Überfällige Wiedervorlagen"][0] == "3"


def test_follow_up_table_lists_reasons_in_words_with_an_item_filter(pages):
    table = pages["follow-ups"].sections[0].tables[0].data
    columns = [column["label"] for column in table["columns"]]
    reasons = columns.index("Gründe")
    assert table["columns"][reasons]["items"] == ", " and table["columns"][reasons]["filter"] is True
    # Gamma: its address row's follow-up of 20.11. passed unsettled, and its offer of 02.11. was never chased.
    # Customer 1 (Z4) was last in touch on 01.09. (85 > 60 days), customer 9 (Z2) ordered on 01.10. (55 > 14).
    assert sorted(row[reasons] for row in table["rows"]) == [
        "Kontaktrhythmus", "Kontaktrhythmus", "fällig, Angebot nicht nachgefasst"]


def test_site_title_carries_the_company():
    assert site_title(Settings(company="Muster GmbH", language="en")) == "Muster GmbH · Sales dashboard"
    assert site_title(Settings()) == "Vertriebs-Dashboard"
