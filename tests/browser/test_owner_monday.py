"""The owner's Monday in a real browser: every page in the site's language only (data-quality problems
present), the key figures' changes in colour with their arrows, the overview and the segments page on
paper, and no page wider than a phone."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from support.site import site_file
from support.workbooks import write_team_workbooks, write_workbook

from salesboard.cli import main

PAGES = ["index", "segments", "funnel", "first-buyers", "call-list", "follow-ups", "campaigns", "data-quality"]
WITH_CHARTS = {"index", "segments", "funnel", "first-buyers", "campaigns"}
PHONE = {"width": 390, "height": 844}
# Words of one language that must not stand on a page of the other (whole words, case as written).
ENGLISH = ["the", "and", "of", "with", "not", "week", "Week", "weeks", "revenue", "Revenue", "customers", "Customers",
           "owner", "Owner", "orders", "Orders", "row", "rows", "sheet", "file", "skipped", "error", "warning",
           "notice", "Download", "Zoom", "Pan", "Reset", "Autoscale", "Previous", "Next", "Search", "All", "page",
           "built", "As", "vs", "last", "Last", "first", "First", "per", "No", "entries", "Double-click"]
GERMAN = ["und", "oder", "der", "die", "das", "mit", "nicht", "Woche", "Wochen", "Umsatz", "Kunden", "Betreuer",
          "Zeile", "Zeilen", "Blatt", "Datei", "übersprungen", "Fehler", "Warnung", "Hinweis", "KW", "ggü",
          "Vorwoche", "Seite", "Alle", "Suchen", "Stand", "erstellt", "Diagramm", "Zoomen", "Verschieben", "je",
          "Segmente", "Erstkäufer", "Stammkunde", "Interessent", "Aktionen", "ohne", "Keine", "leer"]
# Names from the workbooks themselves (files, sheets, companies, contact types): the team's words, not the site's.
DATA_WORDS = re.compile(r"(Adressen|Aufträge|Kontakte|Mailing Herbst|Notizen|Kaputt|Versand|Angebot|Anruf|"
                        r"Folgekontakt|Alpha GmbH|Beta KG|Gamma AG|Delta OHG|Epsilon|Kundennummer|Kd\.-Nr\.|"
                        r"Betrag|Datum|Firma|Telefon|Interessent seit|Wiedervorlage|Kontaktart|Reaktion|"
                        r"Versanddatum|Auftragsnummer|Status|Gutschrift|storniert|Notiz|Bemerkung)(\.xlsx)?")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("monday")
    write_team_workbooks(folder / "input")
    # Problems for the data-quality page: a sheet that is no table, a workbook that is no workbook,
    # an order whose amount cannot be read.
    write_workbook(folder / "input" / "Notizen.xlsx", {"Notiz": [["Bemerkung"], ["bitte anrufen"]]})
    (folder / "input" / "Kaputt.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    built = {}
    for language in ("de", "en"):
        output = folder / f"site-{language}"
        assert main(["--input", str(folder / "input"), "--output", str(output), "--as-of", "2026-11-25",
                     "--lang", language, "-q"]) == 0
        built[language] = output
    return built


def page_words(page) -> str:
    """Everything the page says: its text, tooltips, labels, placeholders and the charts' toolbar."""
    return page.evaluate("""() => {
        const parts = [document.title, document.body.innerText];
        for (const node of document.querySelectorAll('[title], [aria-label], [placeholder], [data-title]')) {
            for (const name of ['title', 'aria-label', 'placeholder', 'data-title']) {
                if (node.hasAttribute(name)) parts.push(node.getAttribute(name));
            }
        }
        for (const node of document.querySelectorAll('svg text')) parts.push(node.textContent);
        return parts.join('\\n');
    }""")


def foreign_words(page, language: str) -> list[str]:
    """The words of the other language on the page."""
    # The data-quality page names the workbook's own headers: "owner ← C Betreuer".
    text = DATA_WORDS.sub(" ", re.sub(r"←\s*[A-Z]{1,3}\s+[^;\n]+", " ", page_words(page)))
    foreign = ENGLISH if language == "de" else GERMAN
    return sorted({word for word in foreign if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)})


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_speaks_only_the_sites_language(sites, open_page, language, name):
    page, _ = open_page(site_file(sites[language], f"{name}.html").as_uri(), wait_for_charts=name in WITH_CHARTS)
    assert foreign_words(page, language) == [], f"{name} ({language})"


# Alpha GmbH: orders and a mailing; Gamma AG: an unchased offer, an overdue follow-up and an order after D;
# customer 9: not in the address list, with a data-quality problem of its own.
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("customer_id", ["1", "3", "9"])
def test_the_customer_card_speaks_only_the_sites_language(sites, open_page, language, customer_id):
    page, _ = open_page(site_file(sites[language], "customer.html").as_uri() + f"#id={customer_id}",
                        wait_for_charts=False)
    page.wait_for_selector("#customer-card[data-shown]")
    assert page.locator("#customer-card .timeline li").count() > 0  # the card is open, with its timeline
    assert foreign_words(page, language) == [], f"card {customer_id} ({language})"


def test_the_changes_on_the_cards_are_coloured_by_good_or_bad_news_with_an_arrow(sites, open_page):
    page, _ = open_page(site_file(sites["de"], "index.html").as_uri())
    cards = page.evaluate("""() => Array.from(document.querySelectorAll('.card')).map(card => {
        const change = card.querySelector('.change');
        return [card.querySelector('.label').textContent, change.textContent, change.className,
                getComputedStyle(change).color, card.getAttribute('href')];
    })""")
    green, red, grey = "rgb(47, 125, 79)", "rgb(192, 57, 43)", "rgb(95, 107, 122)"
    assert cards == [
        ["Adressen", "±0 ggü. Vorwoche", "change flat", grey, "segments.html"],
        ["Kunden", "▲ +1 ggü. Vorwoche", "change good", green, "segments.html"],
        ["Umsatz 12 Monate", "▲ +450\u00a0€ ggü. Vorwoche", "change good", green, "segments.html"],
        # The second-order rate fell: down and bad.
        ["Zweitkaufquote", "▼ −16,7\u00a0%-Pkt. ggü. Vorwoche", "change bad", red, "first-buyers.html"],
        # One overdue follow-up fewer: down, and good news.
        ["Überfällige Wiedervorlagen", "▼ −1 ggü. Vorwoche", "change good", green, "follow-ups.html"],
    ]
    # Customers, revenue, second-order rate and overdue follow-ups (the address count does not change).
    assert page.locator(".card .spark polyline").count() == 4


def print_pages(page, pdf_path: Path) -> list[Path]:
    """As the browser prints: beforeprint (charts redrawn at paper size), print media, A4 landscape; then
    each page as a picture."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(500)
    pdf_path.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf_path), str(pdf_path.with_suffix(""))], check=True)
    return sorted(pdf_path.parent.glob(pdf_path.stem + "-*.png"))


def test_the_overview_prints_on_one_page_and_the_segments_page_keeps_headings_with_their_charts(
        sites, open_page, tmp_path):
    page, _ = open_page(site_file(sites["de"], "index.html").as_uri())
    pictures = print_pages(page, tmp_path / "overview.pdf")
    assert len(pictures) == 1 and pictures[0].stat().st_size > 20_000  # one page, and not a blank one
    # The charts keep a readable height on paper (at least 25 mm; 96 px per inch).
    heights = page.evaluate("Array.from(document.querySelectorAll('.chart')).map(c => c.clientHeight)")
    visible = [height for height in heights if height]
    assert visible and min(visible) >= 25 / 25.4 * 96
    page, _ = open_page(site_file(sites["de"], "segments.html").as_uri())
    pictures = print_pages(page, tmp_path / "segments.pdf")
    assert len(pictures) >= 2 and all(picture.stat().st_size > 5_000 for picture in pictures)
    # Every heading sits above its chart on the same sheet: the page breaks fall between sections.
    tops = page.evaluate("""() => Array.from(document.querySelectorAll('main section')).map(section => {
        const heading = section.querySelector('h2'), chart = section.querySelector('.chart-box');
        return heading && chart ? [heading.getBoundingClientRect().top, chart.getBoundingClientRect().top] : null;
    }).filter(Boolean)""")
    assert tops and all(chart > heading for heading, chart in tops)


def write_busy_week(folder: Path) -> None:
    """25 first orders in KW 47 (16.–22.11.2026) and 5 new prospects: with the ten largest orders a week in
    review of 40 rows."""
    D = dt.date
    rows = [["Kundennummer", "Firma", "Betreuer", "Interessent seit"]]
    rows += [[100 + n, f"Neukunde {n} GmbH", ["Anna", "Tim"][n % 2], None] for n in range(25)]
    rows += [[200 + n, f"Interessent {n} KG", "Tim", D(2026, 11, 17)] for n in range(5)]
    write_workbook(folder / "Adressen neu.xlsx", {"Adressen": rows})
    orders = [["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag"]]
    orders += [[f"N{n}", D(2026, 11, 16 + n % 7), 100 + n, 100 + 10 * n] for n in range(25)]
    write_workbook(folder / "Aufträge neu.xlsx", {"Aufträge": orders})


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_busy_week_in_review_prints_every_row_on_the_one_page(tmp_path, open_page, language):
    write_team_workbooks(tmp_path / "input")
    write_busy_week(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", "2026-11-25",
                 "--lang", language, "-q"]) == 0
    page, _ = open_page(site_file(tmp_path / "site", "index.html").as_uri())
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(500)
    # The trend charts' week labels stand level, clear of the axis title below them.
    for chart in ("#chart-trend", "#chart-revenue"):
        ticks = page.evaluate(f"""() => Array.from(document.querySelectorAll('{chart} .xtick text')).map(t =>
            [t.getBoundingClientRect().bottom, t.getAttribute('transform') || ''])""")
        title = page.evaluate(f"document.querySelector('{chart} .xtitle').getBoundingClientRect().top")
        assert 2 <= len(ticks) <= 6 and not any("rotate" in transform for _, transform in ticks)
        assert max(bottom for bottom, _ in ticks) <= title
    pictures = print_pages(page, tmp_path / "overview.pdf")
    assert len(pictures) == 1 and pictures[0].stat().st_size > 20_000
    # Every row of the week in review is on the paper.
    text = subprocess.run(["pdftotext", str(tmp_path / "overview.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    names = [f"Neukunde {n} GmbH" for n in range(25)] + [f"Interessent {n} KG" for n in range(5)]
    assert [name for name in names if name not in text] == []
    # First orders, then the ten largest orders among them, then the new prospects.
    assert len(re.findall(r"Neukunde \d+ GmbH", text)) == 35 and len(re.findall(r"Interessent \d KG", text)) == 5


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(sites, open_page, name):
    page, _ = open_page(site_file(sites["de"], f"{name}.html").as_uri(), viewport=PHONE,
                        wait_for_charts=name in WITH_CHARTS)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
