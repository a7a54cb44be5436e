"""The site built from the demo workbooks in input/, as a new user first sees it at 1366×768."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.site import site_file

from salesboard.cli import main

DEMO_INPUT = Path(__file__).resolve().parents[2] / "input"
PAGES = ["index", "segments", "funnel", "first-buyers", "call-list", "follow-ups", "campaigns", "data-quality"]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("demo") / "site"
    assert main(["--input", str(DEMO_INPUT), "--output", str(output), "--as-of", "2026-11-27", "-q"]) == 0
    return output


@pytest.mark.parametrize("name", PAGES)
def test_demo_pages_draw_every_chart_and_no_table_overflows(demo_site, open_page, name):
    page, _ = open_page(site_file(demo_site, f"{name}.html").as_uri(), wait_for_charts=name not in (
        "call-list", "follow-ups", "data-quality"))
    charts = page.locator(".chart")
    assert all(charts.nth(i).locator(".main-svg").count() for i in range(charts.count()))
    assert page.locator(".no-data").count() == 0  # the demo data fills every chart
    overflowing = page.evaluate("""() => Array.from(document.querySelectorAll('.table-scroll'))
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.closest('.data-table').id)""")
    assert overflowing == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366


def test_the_demo_call_list_beats_the_follow_up_order_in_its_back_test(demo_site, open_page):
    """The demo's customers behave so that recency matters; the back-test on the page shows it."""
    backtest = json.loads(site_file(demo_site, "data/summary.json").read_text(encoding="utf-8"))["call_list_backtest"]
    assert backtest["list_rate"] > 2 * backtest["base_rate"] and backtest["list_rate"] > backtest["overdue_rate"]
    page, _ = open_page(site_file(demo_site, "call-list.html").as_uri(), wait_for_charts=False)
    text = page.locator("section", has_text="Hätte diese Liste").text_content()
    assert f"{round(backtest['list_rate'] * 100)}\u00a0% ihrer Adressen haben seitdem bestellt" in text
    assert page.locator("#table-call-list tbody tr").count() == len(
        json.loads(site_file(demo_site, "data/summary.json").read_text(encoding="utf-8"))["call_list"])
