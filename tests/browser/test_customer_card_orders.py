"""Orders on the customer card in a real browser, over file:// with the network cut off: each with its
status, cancelled and returned ones marked, line items folded until asked for; and the data-quality
table's names opening the card that lists its rows' problems."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from support.cards import LONG_ID, LONG_ID_TWIN, ORDER_CUSTOMER, shard_count, write_order_workbooks
from support.workbooks import write_workbook

from salesboard.cli import main


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("card-orders")
    write_order_workbooks(folder / "input")
    # Enough addresses for two shards: the long IDs' cards lie in the other shard than a hash of the whole
    # ID would name.
    write_workbook(folder / "input" / "Adressen weitere.xlsx", {"Adressen": [["Kundennummer", "Firma"]] + [
        [10_000 + n, f"Firma {n}"] for n in range(400)]})
    assert main(["--input", str(folder / "input"), "--output", str(folder / "site"), "--as-of", "2026-11-27",
                 "-q"]) == 0
    assert shard_count(folder / "site") == 2
    return folder / "site"


def order_event(page, number: str):
    return page.locator(".timeline .event-o", has_text=f"Nr. {number}")


def test_each_order_shows_its_status_and_its_line_items_folded(open_page, site):
    page, watch = open_page((site / "customer.html").as_uri() + "#id=" + quote(ORDER_CUSTOMER, safe=""),
                            wait_for_charts=False)
    page.wait_for_selector("#customer-card[data-shown] .card-name")
    assert [order_event(page, number).locator(".order-status").text_content()
            for number in ("B-5", "B-3", "B-2", "B-1")] == ["retourniert", "geliefert", "storniert", "geliefert"]
    # Cancelled and returned orders are marked, and their amounts shown struck through.
    assert [order_event(page, number).get_attribute("class") for number in ("B-5", "B-3", "B-2")] == [
        "event event-o event-cancelled", "event event-o", "event event-o event-cancelled"]
    cancelled = order_event(page, "B-2").locator(".event-what")
    assert cancelled.evaluate("(node) => getComputedStyle(node).textDecorationLine") == "line-through"
    assert order_event(page, "B-2").locator(".event-details").text_content().startswith("storniert · Nr. B-2 · Bohrer")
    # Folded: the summary counts the lines; the lines show once it is opened.
    items = order_event(page, "B-3").locator("details.order-items")
    assert items.locator("summary").text_content() == "2 Positionen"
    assert not items.locator("table").is_visible()
    items.locator("summary").click()
    rows = items.locator("tbody tr")
    assert [rows.nth(n).locator("td").all_text_contents() for n in range(rows.count())] == [
        ["Säge", "1", "20,00\u00a0€", "20,00\u00a0€"], ["Hammer", "2", "7,50\u00a0€", "15,00\u00a0€"]]
    assert rows.nth(1).get_attribute("class") == "line-cancelled"
    assert order_event(page, "B-1").locator(".event-what").text_content() == "14,00\u00a0€"


def test_a_name_in_the_data_quality_table_opens_the_card_with_its_rows_problems(open_page, site):
    page, watch = open_page((site / "data-quality.html").as_uri(), wait_for_charts=False)
    link = page.locator("#table-problems a[href^='customer.html#id=']").first
    assert link.text_content() == "Baumarkt Ost"
    assert link.get_attribute("href") == "customer.html#id=" + quote(ORDER_CUSTOMER, safe="")
    link.click()
    page.wait_for_selector("#customer-card[data-shown] .card-name")
    assert page.locator(".card-name").text_content() == "Baumarkt Ost"
    assert page.locator(".card-quality li").all_text_contents() == [
        "input/Bestellungen.xlsx, Blatt 'Aufträge', Zelle E7: erwartet eine Zahl wie 3 oder 2,5, gefunden 'viele' "
        "— Zeile übersprungen",
        "input/Kontakte.xlsx, Blatt 'Kontakte', Zelle E2: erwartet ein Datum wie 31.12.2025, gefunden 'bald' "
        "— Wert ignoriert",
    ]


@pytest.mark.parametrize(("customer_id", "name"), [(LONG_ID, "Großkunde Süd"), (LONG_ID_TWIN, "Großkunde Süd II")])
def test_a_long_id_finds_its_card(open_page, site, customer_id, name):
    """The page finds the shard from the ID's first bytes, as the build does."""
    page, watch = open_page((site / "customer.html").as_uri() + "#id=" + quote(customer_id, safe=""),
                            wait_for_charts=False)
    page.wait_for_selector("#customer-card[data-shown]")
    assert page.locator(".card-name").text_content() == name
