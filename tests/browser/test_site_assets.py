"""site.js and site.css in a real browser, opened over file:// without a network.

The page comes from browser_fixture.write_fixture_site(): two Plotly charts,
a small table showing all rows, and a follow-up table of 5,000 generated
rows that include markup which must show as literal text.
"""
from __future__ import annotations

import re

import pytest
from browser_fixture import (
    AMOUNT_COLUMN,
    TABLE_ID,
    XSS_IMG,
    XSS_SCRIPT,
    make_rows,
    table_spec,
    write_fixture_site,
)
from playwright.sync_api import expect

DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# A4 landscape minus 10 mm margins on each side, in CSS pixels.
PRINT_WIDTH_PX = 277 / 25.4 * 96
TABLE = f'.data-table[data-source="{TABLE_ID}"]'
MISSING_FILE = re.compile(r"ERR_FILE_NOT_FOUND")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_fixture_site(tmp_path_factory.mktemp("site"))


def column_texts(page, column: int) -> list:
    return page.eval_on_selector_all(
        f"{TABLE} tbody tr td:nth-child({column + 1})", "cells => cells.map(c => c.textContent)")


def header(page, label: str):
    return page.locator(f"{TABLE} thead th", has_text=label)


def rows_label(page):
    return page.locator(f"{TABLE} .rows-label")


def sorted_by_amount(rows: list, descending: bool) -> list:
    """Amount order as site.js sorts it: no amount last, ties in row order."""
    indexed = list(enumerate(rows))
    present = [(i, r) for i, r in indexed if r[AMOUNT_COLUMN][1] is not None]
    missing = [(i, r) for i, r in indexed if r[AMOUNT_COLUMN][1] is None]
    present.sort(key=lambda item: (-item[1][AMOUNT_COLUMN][1] if descending else item[1][AMOUNT_COLUMN][1], item[0]))
    return [r for _, r in present + missing]


def test_page_loads_offline_and_draws_every_chart(site, open_page):
    page, watch = open_page(site)
    charts = page.locator(".chart")
    assert charts.count() == 2
    for index in range(charts.count()):
        assert charts.nth(index).locator(".main-svg").count() >= 1
    # The mode bar keeps zoom and download but not the cloud/lasso buttons.
    assert page.locator(".modebar-btn[data-title='Lasso Select']").count() == 0
    assert page.locator(".modebar .plotlyjsicon").count() == 0
    watch.assert_clean()


def test_first_page_shows_fifty_of_five_thousand_rows(site, open_page):
    page, _ = open_page(site)
    assert page.locator(f"{TABLE} tbody tr").count() == 50
    assert column_texts(page, 0)[:3] == ["Firma 0000 GmbH", "Firma 0001 GmbH", "Firma 0002 GmbH"]
    expect(page.locator(f"{TABLE} .page-label")).to_have_text("Seite 1 von 100")
    expect(rows_label(page)).to_have_text("5.000 von 5.000 Zeilen")
    assert page.locator(f"{TABLE} th[aria-sort='ascending'], {TABLE} th[aria-sort='descending']").count() == 0


def test_number_header_sorts_ascending_then_descending(site, open_page):
    page, _ = open_page(site)
    amount = header(page, "Umsatz")

    amount.click()
    expect(amount).to_have_attribute("aria-sort", "ascending")
    expect(amount.locator(".sort-arrow")).to_have_text("▲")
    ascending = [row[AMOUNT_COLUMN][0] for row in sorted_by_amount(site.rows, descending=False)]
    assert column_texts(page, AMOUNT_COLUMN) == ascending[:50]

    amount.click()
    expect(amount).to_have_attribute("aria-sort", "descending")
    expect(amount.locator(".sort-arrow")).to_have_text("▼")
    descending = [row[AMOUNT_COLUMN][0] for row in sorted_by_amount(site.rows, descending=True)]
    assert column_texts(page, AMOUNT_COLUMN) == descending[:50]
    expect(header(page, "Firma")).to_have_attribute("aria-sort", "none")


def test_rows_without_sort_key_come_last_in_both_directions(tmp_path, open_page):
    rows = make_rows(200)
    missing = sum(1 for row in rows if row[AMOUNT_COLUMN][1] is None)
    assert missing > 1
    fixture = write_fixture_site(tmp_path, rows=rows, json_by_id={TABLE_ID: table_spec(rows, page_size=0)})
    page, _ = open_page(fixture)
    amount = header(page, "Umsatz")
    for direction in ("ascending", "descending"):
        amount.click()
        expect(amount).to_have_attribute("aria-sort", direction)
        cells = column_texts(page, AMOUNT_COLUMN)
        assert len(cells) == 200
        assert cells[-missing:] == ["–"] * missing
        assert "–" not in cells[:-missing]


def test_sort_is_stable(site, open_page):
    page, _ = open_page(site)
    segment = header(page, "Segment")
    segment.click()
    assert column_texts(page, 0)[:3] == ["Firma 0000 GmbH", "Firma 0005 GmbH", "Firma 0010 GmbH"]
    segment.click()
    assert column_texts(page, 0)[:3] == ["Firma 0004 GmbH", "Firma 0009 GmbH", "Firma 0014 GmbH"]


def test_header_sorts_from_the_keyboard(site, open_page):
    page, _ = open_page(site)
    header(page, "Fällig am").locator("button").focus()
    page.keyboard.press("Enter")
    expect(header(page, "Fällig am")).to_have_attribute("aria-sort", "ascending")
    earliest = min(row[4][1] for row in site.rows)
    assert column_texts(page, 4)[0] == "{2}.{1}.{0}".format(*earliest.split("-"))


def test_filters_combine_and_reset(site, open_page):
    page, _ = open_page(site)
    segment = page.locator(f"{TABLE} .table-filter", has_text="Segment").locator("select")
    owner = page.locator(f"{TABLE} .table-filter", has_text="Betreuer").locator("select")
    options = segment.locator("option").all_text_contents()
    assert options == ["Alle", "Z0", "Z1", "Z2", "Z3", "Z4"]
    assert owner.locator("option").all_text_contents() == ["Alle", "Müller", "Özdemir", "Schmidt", "Weber"]

    segment.select_option(label="Z3")
    expect(rows_label(page)).to_have_text("1.000 von 5.000 Zeilen")
    assert set(column_texts(page, 1)) == {"Z3"}
    expect(page.locator(f"{TABLE} .page-label")).to_have_text("Seite 1 von 20")

    owner.select_option(label="Özdemir")
    expected = sum(1 for row in site.rows if row[1] == "Z3" and row[2] == "Özdemir")
    expect(rows_label(page)).to_have_text(f"{expected} von 5.000 Zeilen")
    assert set(column_texts(page, 2)) == {"Özdemir"}

    segment.select_option(label="Alle")
    owner.select_option(label="Alle")
    expect(rows_label(page)).to_have_text("5.000 von 5.000 Zeilen")


def test_search_narrows_rows_and_combines_with_filters(site, open_page):
    page, _ = open_page(site)
    search = page.locator(f"{TABLE} .table-search")
    expect(search).to_have_attribute("placeholder", "Suchen…")

    search.fill("FIRMA 0042")
    expect(rows_label(page)).to_have_text("1 von 5.000 Zeilen")
    assert column_texts(page, 0) == ["Firma 0042 GmbH"]

    search.fill("özdemir")
    expect(rows_label(page)).to_have_text("1.250 von 5.000 Zeilen")
    page.locator(f"{TABLE} .table-filter", has_text="Segment").locator("select").select_option(label="Z3")
    expect(rows_label(page)).to_have_text("250 von 5.000 Zeilen")

    search.fill("keine solche firma")
    expect(rows_label(page)).to_have_text("0 von 5.000 Zeilen")
    expect(page.locator(f"{TABLE} tbody tr")).to_have_count(1)
    expect(page.locator(f"{TABLE} tbody tr.table-empty")).to_have_text("Keine Einträge")
    expect(page.locator(f"{TABLE} .page-label")).to_have_text("Seite 1 von 1")
    expect(page.locator(f"{TABLE} .pager-next")).to_be_disabled()


def test_pager_moves_between_pages(site, open_page):
    page, _ = open_page(site)
    previous = page.locator(f"{TABLE} .pager-previous")
    following = page.locator(f"{TABLE} .pager-next")
    expect(previous).to_be_disabled()

    following.click()
    expect(page.locator(f"{TABLE} .page-label")).to_have_text("Seite 2 von 100")
    assert column_texts(page, 0)[0] == "Firma 0050 GmbH"
    expect(previous).to_be_enabled()

    previous.click()
    expect(page.locator(f"{TABLE} .page-label")).to_have_text("Seite 1 von 100")
    assert column_texts(page, 0)[0] == "Firma 0000 GmbH"


def test_markup_in_cells_shows_as_literal_text(site, open_page):
    page, watch = open_page(site)
    assert column_texts(page, 0)[3] == XSS_SCRIPT
    assert column_texts(page, 0)[7] == XSS_IMG
    assert page.locator("img[src=x]").count() == 0
    assert page.locator(f"{TABLE} tbody script, {TABLE} tbody img").count() == 0

    page.locator(f"{TABLE} .table-search").fill("onerror")
    expect(rows_label(page)).to_have_text("1 von 5.000 Zeilen")
    assert column_texts(page, 0) == [XSS_IMG]
    assert page.locator("img[src=x]").count() == 0
    assert watch.dialogs == []


def test_filter_options_are_text_not_markup(tmp_path, open_page):
    rows = make_rows(20)
    for row in rows[:10]:
        row[1] = XSS_IMG
    spec = table_spec(rows)
    fixture = write_fixture_site(tmp_path, rows=rows, json_by_id={TABLE_ID: spec})
    page, _ = open_page(fixture)
    options = page.locator(f"{TABLE} .table-filter", has_text="Segment").locator("option")
    assert XSS_IMG in options.all_text_contents()
    assert page.locator("img[src=x]").count() == 0


def test_sorting_and_searching_five_thousand_rows_is_quick(site, open_page):
    page, _ = open_page(site)
    # Sorting and drawing a page happen synchronously inside the click.
    elapsed = page.evaluate("""() => {
        const button = document.querySelectorAll('%s thead th button')[0];
        const start = performance.now();
        button.click();
        button.click();
        return performance.now() - start;
    }""" % TABLE)
    assert elapsed < 500
    assert page.locator(f"{TABLE} tbody tr").count() == 50


def test_small_table_shows_all_rows_without_paging(site, open_page):
    page, _ = open_page(site)
    small = page.locator('.data-table[data-source="tbl-segments"]')
    expect(small.locator("tbody tr")).to_have_count(5)
    expect(small.locator(".table-pager-controls")).to_be_hidden()
    expect(small.locator(".table-search")).to_have_count(0)
    expect(small.locator(".rows-label")).to_have_text("5 von 5 Zeilen")
    assert small.locator("th").nth(1).get_attribute("class") == "align-right"


def test_broken_figure_and_table_show_a_message(tmp_path, open_page):
    fixture = write_fixture_site(
        tmp_path,
        rows=10,
        raw_json_by_id={"fig-trend": "{not json", "tbl-segments": '{"rows": []}'},
    )
    page, watch = open_page(fixture)
    expect(page.locator('[data-figure="fig-trend"]')).to_have_text("Dieses Diagramm konnte nicht angezeigt werden.")
    expect(page.locator('[data-source="tbl-segments"]')).to_have_text("Diese Tabelle konnte nicht angezeigt werden.")
    # The rest of the page still works.
    assert page.locator('[data-figure="fig-segments"] .main-svg').count() >= 1
    expect(rows_label(page)).to_have_text("10 von 10 Zeilen")
    watch.assert_clean()


def test_without_plotly_charts_show_a_message(tmp_path, open_page):
    fixture = write_fixture_site(tmp_path, rows=10, with_plotly=False)
    page, watch = open_page(fixture, allowed_errors=MISSING_FILE, wait_for_charts=False)
    for chart in page.locator(".chart").all():
        expect(chart).to_have_text("Diagramm nicht verfügbar: Plotly wurde nicht geladen.")
    expect(rows_label(page)).to_have_text("10 von 10 Zeilen")
    assert watch.unexpected_errors() == []


def test_english_page_uses_english_defaults(tmp_path, open_page):
    rows = make_rows(120)
    fixture = write_fixture_site(tmp_path, rows=rows, language="en")
    page, _ = open_page(fixture)
    expect(page.locator(f"{TABLE} .page-label")).to_have_text("Page 1 of 3")
    expect(rows_label(page)).to_have_text("120 of 120 rows")
    expect(page.locator(f"{TABLE} .pager-next")).to_have_text("Next")


def test_print_fits_charts_to_a4_and_hides_controls(site, open_page):
    page, _ = open_page(site)
    chart = page.locator('[data-figure="fig-segments"]')
    screen_width = chart.evaluate("div => div.querySelector('.main-svg').getAttribute('width')")

    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    printed = chart.evaluate("div => [Number(div.querySelector('.main-svg').getAttribute('width')), div.clientWidth]")
    assert printed[0] <= printed[1] <= PRINT_WIDTH_PX / 2
    expect(page.locator("nav.site")).to_be_hidden()
    expect(page.locator(f"{TABLE} .table-toolbar")).to_be_hidden()
    expect(page.locator(f"{TABLE} .pager-next")).to_be_hidden()
    expect(rows_label(page)).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.card')).breakInside") == "avoid"

    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_function(
        "width => document.querySelector('[data-figure=\"fig-segments\"] .main-svg').getAttribute('width') === width",
        arg=screen_width)
    assert not page.evaluate("document.documentElement.classList.contains('print-sizing')")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_layout_fits_the_screen(site, open_page, tmp_path, viewport):
    page, _ = open_page(site, viewport=viewport)
    page.wait_for_timeout(300)  # let responsive charts settle
    # Nothing widens the page: the wide table fits on a desktop and turns into stacked rows on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    scroller = page.locator(f"{TABLE} .table-scroll")
    assert scroller.evaluate("box => box.scrollWidth > box.clientWidth") is False
    for chart in page.locator(".chart").all():
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
        assert box["height"] >= 360
    page.screenshot(path=str(tmp_path / f"site-assets-{viewport['width']}.png"), full_page=True)
