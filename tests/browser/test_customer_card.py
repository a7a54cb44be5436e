"""The search field and the customer card in a real browser, over file:// with the network cut off:
every field found with its umlaut spellings, the keyboard, back and forward between cards, IDs with
special characters, hostile cells shown as text, a customer with 10,000 orders, and the links of the
tables. Every page ends without console errors (the open_page fixture checks)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from support.cards import LONG_NOTE, SPECIAL_ID, shard_count, write_card_workbooks
from support.workbooks import write_workbook

from salesboard.cli import main
from salesboard.publish.cards import CARDS
from salesboard.publish.swap import current_build
from salesboard.site.card_json import shard_of

AS_OF = "2026-11-27"
PHONE = {"width": 390, "height": 844}
MANY_ORDERS = 10_000


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The cards' team (support.cards), and customer 3003 with 10,000 orders."""
    folder = tmp_path_factory.mktemp("cards")
    write_card_workbooks(folder / "input")
    start = dt.date(2000, 1, 1)
    rows = [["Kundennummer", "Firma", "Ort"], [3003, "Vielbesteller AG", "Köln"]]
    write_workbook(folder / "input" / "Adressen 2.xlsx", {"Adressen": rows})
    orders = [["Kundennummer", "Auftragsnummer", "Auftragsdatum", "Betrag"]]
    orders += [[3003, f"V-{n}", start + dt.timedelta(days=n // 2), 10 + n % 7] for n in range(MANY_ORDERS)]
    write_workbook(folder / "input" / "Aufträge Vielbesteller.xlsx", {"Aufträge": orders})
    assert main(["--input", str(folder / "input"), "--output", str(folder / "site"), "--as-of", AS_OF, "-q"]) == 0
    return folder / "site"


def card_url(site: Path, customer_id: str) -> str:
    return (site / "customer.html").as_uri() + "#id=" + quote(customer_id, safe="")


def open_card(open_page, site: Path, customer_id: str, viewport=None):
    page, watch = open_page(card_url(site, customer_id), wait_for_charts=False,
                            **({"viewport": viewport} if viewport else {}))
    page.wait_for_selector("#customer-card[data-shown]")
    return page


def search(page, text: str) -> list[str]:
    page.fill("#site-search", "")
    page.type("#site-search", text)
    page.wait_for_selector("#site-search-results li")
    page.wait_for_function("() => !document.querySelector('#site-search-results .search-message') || "
                           "document.querySelectorAll('#site-search-results .search-result').length === 0")
    return page.locator("#site-search-results .search-name").all_text_contents()


@pytest.mark.parametrize(("query", "found"), [
    ("Krueger", "Krüger & Söhne GmbH"), ("Kruger", "Krüger & Söhne GmbH"), ("krüger", "Krüger & Söhne GmbH"),
    ("KRÜGER", "Krüger & Söhne GmbH"), ("Soehne", "Krüger & Söhne GmbH"), ("1001", "Krüger & Söhne GmbH"),
    ("Joerg Weiss", "Krüger & Söhne GmbH"), ("jörg weiß", "Krüger & Söhne GmbH"),  # contact
    ("Dresden", "Krüger & Söhne GmbH"), ("01067", "Krüger & Söhne GmbH"),  # city, postcode
    ("Muenchen", "<b>Böse</b> & Co"), ("Munchen", "<b>Böse</b> & Co"), ("Olaf", "<b>Böse</b> & Co"),
    ("Koeln", "Vielbesteller AG"), ("mueller", "Müller Bau"), ("Berlin 10115", "Müller Bau"),
])
def test_search_finds_every_field_with_umlaut_spellings(open_page, site, query, found):
    page, watch = open_page((site / "index.html").as_uri(), wait_for_charts=False)
    assert search(page, query)[0] == found


def test_best_matches_first_and_the_keyboard_opens_a_card(open_page, site):
    page, watch = open_page((site / "follow-ups.html").as_uri(), wait_for_charts=False)
    # The ID itself before a name that merely holds it; names starting with the term before others.
    assert search(page, "1001")[0] == "Krüger & Söhne GmbH"
    assert search(page, "M")[:2] == ["Müller Bau", "<b>Böse</b> & Co"]  # Müller's name, then München
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#site-search", "aria-activedescendant") == "site-search-result-1"
    page.keyboard.press("Enter")
    page.wait_for_selector("#customer-card[data-shown] .card-name")
    assert page.locator(".card-name").text_content() == "<b>Böse</b> & Co"
    assert page.url.endswith("#id=" + quote(SPECIAL_ID, safe=""))
    assert search(page, "zzzz") == []
    assert page.locator("#site-search-results .search-message").text_content() == "Keine Adresse gefunden"


def test_the_card_shows_everything_as_text_and_back_and_forward_move_between_cards(open_page, site):
    page = open_card(open_page, site, "1001")
    assert page.locator(".card-name").text_content() == "Krüger & Söhne GmbH"
    assert page.get_attribute(".card-phone a", "href") == "tel:0351123456"
    assert page.get_attribute(".card-email a", "href") == "mailto:j.weiss@krueger.example"
    assert page.locator(".segment-badge").text_content() == "Z3 Zweitkäufer"
    events = page.locator(".timeline .event")
    assert events.count() == 5
    assert events.nth(0).locator(".event-details").text_content() == "Anna · Wiedervorlage 20.11.2026"
    assert events.nth(1).text_content() == "10.09.2026Auftrag1.234,56\u00a0€Nr. A-2"
    assert events.nth(3).locator(".event-details").text_content() == "Reaktion am 16.03.2026"
    # A-1's two lines (02.03. and 05.03.) are one order, dated by its first line, last in the timeline.
    assert events.nth(4).locator(".event-date").text_content() == "02.03.2026"
    assert events.nth(4).locator(".event-what").text_content() == "150,50\u00a0€"
    assert events.nth(4).locator("details.order-items summary").text_content() == "2 Positionen"
    # Another card by its hash, then back and forward.
    page.evaluate("(id) => { location.hash = 'id=' + encodeURIComponent(id); }", SPECIAL_ID)
    page.wait_for_function("() => document.querySelector('.card-name')?.textContent === '<b>Böse</b> & Co'")
    assert page.locator(".card-name b").count() == 0  # markup stays text
    assert page.locator(".card-email a").count() == 0 and page.locator(".card-phone a").count() == 0
    note = page.locator(".timeline .event").first.locator(".event-what").text_content()
    assert note == LONG_NOTE[:1999] + "…" and page.locator("img").count() == 0  # cut for the page, as text
    page.go_back()
    page.wait_for_function("() => document.querySelector('.card-name')?.textContent === 'Krüger & Söhne GmbH'")
    page.go_forward()
    page.wait_for_function("() => document.querySelector('.card-name')?.textContent === '<b>Böse</b> & Co'")


def test_an_english_card_in_english_words_dates_and_amounts(open_page, tmp_path):
    write_card_workbooks(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF,
                 "--lang", "en", "-q"]) == 0
    page = open_card(open_page, tmp_path / "site", "1001")
    events = page.locator(".timeline .event")
    assert events.nth(0).locator(".event-details").text_content() == "Anna · follow up 2026-11-20"
    assert events.nth(1).text_content() == "2026-09-10Order€1,234.56No. A-2"
    assert page.locator(".card-steps .step-date").all_text_contents() == ["2026-03-02", "2026-03-02", "2026-09-10",
                                                                          "–"]


def test_a_missing_shard_says_so_and_is_tried_again_for_the_next_card(open_page, tmp_path):
    write_card_workbooks(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "-q", "--as-of", AS_OF]) == 0
    shard = current_build(tmp_path / "site") / CARDS / f"{shard_of('1001', shard_count(tmp_path / 'site'))}.js"
    content = shard.read_bytes()
    shard.unlink()
    page, watch = open_page(card_url(tmp_path / "site", "1001"), wait_for_charts=False,
                            allowed_errors=re.compile(rf"ERR_FILE_NOT_FOUND|{shard.name}"))
    page.wait_for_function("() => document.querySelector('.card-status')?.textContent.includes('fehlen')")
    assert page.locator(".card-status").text_content() == "Die Daten der Kundenkarte fehlen in dieser Ausgabe der Seite."
    shard.write_bytes(content)  # back (a build finished meanwhile): the next card loads it again
    page.evaluate("() => { location.hash = 'id=2002'; }")
    page.wait_for_selector("#customer-card[data-shown='2002'] .card-name")
    assert page.locator(".card-name").text_content() == "Müller Bau"


def test_an_unknown_id_and_no_id_say_so(open_page, site):
    page = open_card(open_page, site, "9999")
    assert "9999" in page.locator(".card-status").text_content()
    page.evaluate("() => { location.hash = ''; }")
    page.wait_for_function("() => document.querySelector('.card-status') && "
                           "document.querySelector('.card-status').textContent.startsWith('Keine Adresse gewählt')")


def test_a_customer_with_ten_thousand_orders_pages_its_timeline(open_page, site):
    page = open_card(open_page, site, "3003")
    assert page.locator(".timeline .event").count() == 50
    assert page.locator(".card-figures .value").nth(2).text_content() == "10.000"
    page.click(".timeline-more")
    assert page.locator(".timeline .event").count() == 100
    assert page.locator(".timeline-more").text_content() == "Ältere zeigen (9.900 weitere)"


def test_a_phone_shows_the_card_without_sideways_scrolling(open_page, site):
    page = open_card(open_page, site, "1001", viewport=PHONE)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_names_in_the_tables_open_their_card(open_page, site):
    page, watch = open_page((site / "follow-ups.html").as_uri(), wait_for_charts=False)
    link = page.locator("#table-follow-ups a[href^='customer.html#id=']").first
    name = link.text_content()
    link.click()
    page.wait_for_selector("#customer-card[data-shown] .card-name")
    assert page.locator(".card-name").text_content() == name


def test_an_entry_page_keeps_the_card_it_was_asked_for(open_page, site):
    page, watch = open_page((site / "customer.html").as_uri() + "#id=" + quote(SPECIAL_ID, safe=""),
                            wait_for_charts=False)
    page.wait_for_selector("#customer-card[data-shown] .card-name")
    assert page.locator(".card-name").text_content() == "<b>Böse</b> & Co"


@pytest.mark.parametrize("customer_id", ["1001", SPECIAL_ID, "3003"])
def test_a_card_prints_on_one_page(open_page, site, customer_id):
    page = open_card(open_page, site, customer_id)
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
