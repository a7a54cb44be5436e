"""The built site in a real browser over file://, network cut off: every page draws, the numbers
match summary.json, the follow-up table sorts and filters, downloads resolve, and workbook text
that looks like markup stays text."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from support.site import site_file
from support.workbooks import write_team_workbooks

from salesboard.cli import main

PAGES = ["index", "segments", "funnel", "first-buyers", "call-list", "follow-ups", "campaigns", "data-quality"]
WITH_CHARTS = {"index", "segments", "funnel", "first-buyers", "campaigns"}
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
LINK = "javascript:alert(1)"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    write_team_workbooks(folder / "input", company=SCRIPT, owner=IMAGE, campaign=LINK)
    assert main(["--input", str(folder / "input"), "--output", str(folder / "site"), "--as-of", "2026-11-25",
                 "-q"]) == 0
    return folder / "site"


def url(site: Path, page: str) -> str:
    return site_file(site, f"{page}.html").as_uri()


@pytest.mark.parametrize("name", PAGES)
def test_every_page_opens_offline_and_every_chart_and_table_renders(site, open_page, name):
    page, watch = open_page(url(site, name), wait_for_charts=name in WITH_CHARTS)
    charts = page.locator(".chart")
    for index in range(charts.count()):
        assert charts.nth(index).locator(".main-svg").count() >= 1, f"chart {index} on {name} is empty"
    tables = page.locator(".data-table")
    for index in range(tables.count()):
        assert tables.nth(index).locator("table tbody tr").count() >= 1
    assert page.locator("nav.site a").count() == 8
    assert page.locator("img[src=x]").count() == 0


def test_cards_show_the_numbers_of_summary_json(site, open_page):
    summary = json.loads(site_file(site, "data/summary.json").read_text(encoding="utf-8"))
    page, _ = open_page(url(site, "index"))
    values = page.locator(".card .value").all_text_contents()
    assert values[0] == str(summary["counts"]["addresses"])
    assert values[1] == str(summary["counts"]["customers"])
    assert values[3] == f"{summary['second_order_rate'] * 100:.1f}\u00a0%".replace(".", ",")
    assert values[4] == str(summary["follow_ups"]["overdue"])


def test_follow_up_table_sorts_and_filters(site, open_page):
    page, _ = open_page(url(site, "follow-ups"), wait_for_charts=False)
    table = page.locator("#table-follow-ups")
    days_column = 5  # company, ID, owner, segment, reasons, days overdue, …
    days = lambda: [int(text.replace(".", "")) for text in table.locator(  # noqa: E731
        f"tbody tr td:nth-child({days_column + 1})").all_text_contents()]
    # Z2 first, then by days overdue: 9 (Z2, 41 days), then 1 (Z4, 25), then 3 (Z1, 16 for the offer).
    assert days() == [41, 25, 16]
    table.locator("thead th", has_text="Tage überfällig").click()
    assert days() == [16, 25, 41]
    reasons = table.locator("select").nth(2)
    assert reasons.locator("option").all_text_contents() == [
        "Alle", "Angebot nicht nachgefasst", "fällig", "Kontaktrhythmus"]
    reasons.select_option(label="Kontaktrhythmus")
    assert days() == [25, 41]  # 1 and 9, still sorted by days; 3 is due and its offer not chased
    reasons.select_option(label="fällig")
    assert days() == [16]
    reasons.select_option(label="Alle")
    table.locator("select").nth(0).select_option(label="Tim")
    assert table.locator("tbody tr").count() == 1
    assert table.locator("tbody tr td").nth(0).text_content() == "Gamma AG"


def test_download_links_resolve_to_files(site, open_page):
    page, _ = open_page(url(site, "follow-ups"), wait_for_charts=False)
    links = page.locator(".downloads a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 8  # all, and per owner (the markup owner, Tim, none) — .xlsx and .csv each
    for href in hrefs:
        target = Path(unquote(urlparse(site_file(site, "follow-ups.html").as_uri()).path)).parent / unquote(href)
        assert target.is_file() and target.stat().st_size > 0, href


def test_workbook_text_that_looks_like_markup_stays_text(site, open_page):
    page, watch = open_page(url(site, "follow-ups"), wait_for_charts=False)
    cells = page.locator("#table-follow-ups tbody td").all_text_contents()
    assert SCRIPT in cells and IMAGE in cells
    page, _ = open_page(url(site, "segments"))
    assert IMAGE in page.locator("#chart-by-owner").text_content()
    page, _ = open_page(url(site, "campaigns"))
    assert LINK in page.locator("#chart-response").text_content()
    assert page.locator("#chart-response a").count() == 0
    for name in PAGES:
        page, _ = open_page(url(site, name), wait_for_charts=name in WITH_CHARTS)
        assert page.locator("img[src=x]").count() == 0
        assert page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0


def test_the_overview_prints_on_one_a4_landscape_page(site, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(url(site, "index"))
    page.wait_for_selector(".chart .main-svg")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # the page size comes from the stylesheet's @page


@pytest.mark.parametrize(("width", "shown"), [
    (1366, ["Z0 kalte Adresse", "Z1 Interessent", "Z2 Erstkäufer", "Z3 Zweitkäufer", "Z4 Stammkunde"]),
    (390, ["Z0", "Z1", "Z2", "Z3", "Z4"]),
])
def test_segment_charts_on_a_phone_name_the_segments_by_their_codes(site, open_page, width, shown):
    page, watch = open_page(url(site, "segments"), viewport={"width": width, "height": 844})
    for chart in ("segment-counts", "segment-revenue", "migration"):
        page.locator(f"#chart-{chart}").scroll_into_view_if_needed()
        page.wait_for_selector(f"#chart-{chart} .main-svg")
        assert page.locator(f"#chart-{chart} .xtick text").all_text_contents() == shown, chart
    # The matrix's rows too; its row title gives way to the cells on a phone.
    assert sorted(page.locator("#chart-migration .ytick text").all_text_contents()) == shown
    assert page.locator("#chart-migration .ytitle").count() == (1 if width == 1366 else 0)


@pytest.mark.parametrize("width", [1366, 390])
def test_the_lifecycle_funnel_on_a_phone_shows_its_counts_and_leaves_the_shares_to_the_table(site, open_page, width):
    page, watch = open_page(url(site, "funnel"), viewport={"width": width, "height": 844})
    page.wait_for_selector("#chart-lifecycle .main-svg")
    texts = page.locator("#chart-lifecycle text.bartext").all_text_contents()
    # All six addresses of the team workbooks stand in the first step.
    counts = [text.split(" · ")[0] for text in texts]
    assert counts[0] == "6"
    assert all(" · " in text for text in texts) == (width == 1366) and all(counts)


@pytest.mark.parametrize("name", sorted(WITH_CHARTS))
def test_on_a_phone_every_chart_takes_the_whole_width_of_its_section(site, open_page, name):
    page, watch = open_page(url(site, name), viewport={"width": 390, "height": 844})
    # Each chart as wide as its section's content (the section's width less its padding), to the pixel.
    gaps = page.evaluate("""() => [...document.querySelectorAll('.chart')].map((chart) => {
        const section = chart.closest('section');
        const style = getComputedStyle(section);
        const content = section.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return Math.round(content - chart.getBoundingClientRect().width);
    })""")
    assert gaps and all(gap <= 1 for gap in gaps), gaps
