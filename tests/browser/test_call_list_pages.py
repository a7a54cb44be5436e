"""The rep's pages in a real browser: the owner filter lives in the URL, phone numbers and e-mail
addresses are links (and only safe ones), a phone shows stacked rows without sideways scrolling,
printing holds every filtered row, and the filtered download holds exactly the rows shown."""
from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from pathlib import Path

import openpyxl
import pytest
from support.site import site_file
from support.workbooks import write_workbook

from salesboard.cli import main

AS_OF = "2026-11-25"
OWNERS = ("Anna Becker", "Tim Schulz")
ADDRESSES = 120  # 60 per owner: more than a page (50 rows) of the follow-ups table
PHONE = {"width": 390, "height": 844}
UNSAFE_MAIL = "javascript:alert(1)"


def company(number: int) -> str:
    return f"Firma {number:03d} GmbH"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """120 first-time buyers, every one overdue (last order 01.09.2026: 85 days > 14) and a
    second-order candidate; odd numbers are Anna Becker's, even ones Tim Schulz's."""
    folder = tmp_path_factory.mktemp("calls")
    rows = [["Kundennummer", "Firma", "Ansprechpartner", "Telefon", "E-Mail", "Betreuer"]]
    for number in range(1, ADDRESSES + 1):
        mail = UNSAFE_MAIL if number == 2 else f"kontakt{number}@firma{number}.de"
        rows.append([number, company(number), f"Person {number}", f"0351 {1000 + number}", mail,
                     OWNERS[number % 2 == 0]])
    write_workbook(folder / "input" / "Adressen.xlsx", {"Adressen": rows})
    orders = [["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag"]]
    # Old history, so the call list does not fall back: an order of customer 1 in 2025.
    orders.append(["A0", dt.date(2025, 1, 10), 1, 50])
    # Larger orders, higher expected value: customer 2 (the unsafe e-mail) tops Tim's list.
    orders += [[f"A{n}", dt.date(2026, 9, 1), n, 5000 if n == 2 else 100 + n] for n in range(1, ADDRESSES + 1)]
    write_workbook(folder / "input" / "Aufträge.xlsx", {"Aufträge": orders})
    assert main(["--input", str(folder / "input"), "--output", str(folder / "site"), "--as-of", AS_OF,
                 "-q"]) == 0
    return folder / "site"


def entry(site: Path, page: str, hash_: str = "") -> str:
    """The entry page as a bookmark holds it (it forwards to the current build, hash included)."""
    return (site / f"{page}.html").as_uri() + hash_


def visible_owner_cells(page, table: str) -> list[str]:
    column = page.locator(f"#table-{table} thead th").all_text_contents().index("Betreuer↕")
    cells = page.locator(f"#table-{table} tbody tr:not(.off-page) td:nth-child({column + 1})")
    return cells.all_text_contents()


@pytest.mark.parametrize("name", ["call-list", "follow-ups"])
def test_the_owner_filter_comes_from_the_url_and_goes_back_into_it(site, open_page, name):
    page, _ = open_page(entry(site, name, "#owner=Anna%20Becker"), wait_for_charts=False)
    page.wait_for_selector(".data-table table")
    table = "call-list" if name == "call-list" else "follow-ups"
    owner = page.locator(f"#table-{table} .table-filter", has_text="Betreuer").locator("select")
    assert owner.locator("option:checked").text_content() == "Anna Becker"
    if name == "call-list":
        # Cards: the owner is a labelled cell of each card.
        cells = page.locator("#table-call-list tbody tr td[data-label='Betreuer']").all_text_contents()
        assert cells and set(cells) == {"Anna Becker"}
        assert len(cells) == 15  # the cap of calls_per_day
    else:
        assert set(visible_owner_cells(page, table)) == {"Anna Becker"}
    owner.select_option(label="Tim Schulz")
    assert page.evaluate("location.hash") == "#owner=Tim%20Schulz"
    page.reload()
    page.wait_for_selector(".data-table table")
    assert owner.locator("option:checked").text_content() == "Tim Schulz"
    owner.select_option(label="Alle")
    assert page.evaluate("location.hash") == ""


def test_phone_numbers_and_e_mail_addresses_are_links_and_only_safe_ones(site, open_page):
    page, _ = open_page(entry(site, "call-list", "#owner=Tim%20Schulz"), wait_for_charts=False)
    page.wait_for_selector("#table-call-list table")
    phones = page.locator("#table-call-list td[data-label='Telefon'] a")
    assert phones.count() == 15
    assert all(href.startswith("tel:0351") for href in phones.evaluate_all("links => links.map(a => a.href)"))
    mails = page.locator("#table-call-list td[data-label='E-Mail'] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert mails and all(href.startswith("mailto:kontakt") for href in mails)
    # Customer 2's "e-mail" is a script URL: shown as text, never as a link.
    unsafe = page.locator("#table-call-list td[data-label='E-Mail']", has_text=UNSAFE_MAIL)
    assert unsafe.count() == 1 and unsafe.locator("a").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0


@pytest.mark.parametrize("name", ["call-list", "follow-ups", "first-buyers"])
def test_a_phone_shows_stacked_rows_with_name_phone_and_reason_without_scrolling_sideways(site, open_page, name):
    page, _ = open_page(site_file(site, f"{name}.html").as_uri(), viewport=PHONE, wait_for_charts=False)
    page.wait_for_selector(".data-table table")
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    table = {"call-list": "call-list", "follow-ups": "follow-ups", "first-buyers": "waiting"}[name]
    first = page.locator(f"#table-{table} tbody tr").first
    labels = {"call-list": ("Firma", "Telefon", "Warum jetzt"), "follow-ups": ("Firma", "Telefon", "Gründe"),
              "first-buyers": ("Firma", "Telefon", "Wahrscheinlichkeit")}[name]
    for label in labels:
        box = first.locator(f"td[data-label='{label}']").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label


def test_printing_the_follow_ups_holds_every_filtered_row(site, open_page, tmp_path):
    page, _ = open_page(entry(site, "follow-ups", "#owner=Anna%20Becker"), wait_for_charts=False)
    page.wait_for_selector("#table-follow-ups table")
    assert page.locator("#table-follow-ups tbody tr").count() == 50  # one page on screen
    pdf = tmp_path / "follow-ups.pdf"
    pdf.write_bytes(page.pdf(prefer_css_page_size=True))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    printed = {number for number in range(1, ADDRESSES + 1) if company(number) in text}
    assert printed == set(range(1, ADDRESSES + 1, 2))  # all 60 of Anna's rows, none of Tim's


def test_the_filtered_download_holds_exactly_the_rows_shown(site, open_page):
    page, _ = open_page(entry(site, "follow-ups", "#owner=Anna%20Becker"), wait_for_charts=False)
    page.wait_for_selector("#table-follow-ups table")
    table = page.locator("#table-follow-ups")
    # Anna's 60 rows: 50 on the first page, 10 on the second; the file holds both, in this order.
    def rows_on_screen():
        return [row.split("\t") for row in table.locator("tbody tr").evaluate_all(
            "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent).join('\\t'))")]
    shown = rows_on_screen()
    table.locator("button.pager-next").click()
    shown += rows_on_screen()
    table.locator("button.pager-previous").click()
    with page.expect_download() as download_info:
        table.locator("button.table-csv").click()
    download = download_info.value
    assert download.suggested_filename == "wiedervorlagen-2026-11-25-anna-becker.csv"
    content = Path(download.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    headers = [th.replace("↕", "").replace("▲", "").replace("▼", "") for th in
               table.locator("thead th").all_text_contents()]
    assert rows[0] == headers
    assert rows[1:] == shown and len(shown) == ADDRESSES // 2
    # The Excel link follows the owner filter: Anna's file, with her 60 rows.
    links = page.locator("ul.downloads li:not([hidden]) a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["downloads/wiedervorlagen-2026-11-25-anna-becker.xlsx",
                     "downloads/wiedervorlagen-2026-11-25-anna-becker.csv"]
    workbook = openpyxl.load_workbook(site_file(site, hrefs[0]), read_only=True)
    sheet = workbook.worksheets[0]
    assert sheet.title == "Wiedervorlagen 25.11.2026"
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    workbook.close()
    assert sorted(names) == sorted(company(n) for n in range(1, ADDRESSES + 1, 2))
