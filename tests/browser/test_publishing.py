"""A published site as a browser sees it, after builds killed at every change they make to the disk,
and its entry pages and chart toolbars: one build at a time, nothing that leaves the page."""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.site import site_file
from support.site_check import look_at_site
from support.workbooks import write_team_workbooks

from salesboard.cli import main
from salesboard.publish.swap import BUILDS, current_build

KILLPOINTS = Path(__file__).resolve().parents[1] / "support" / "killpoints.py"
FIRST_AS_OF = dt.date(2026, 11, 2)


def killed_build(tmp_path: Path, kill_at: int, as_of: dt.date) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(KILLPOINTS), str(tmp_path / "calls"), str(kill_at), "--",
                           "--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"),
                           "--as-of", as_of.isoformat(), "-q"], capture_output=True, text=True, timeout=120)


def shown_as_of(site: Path) -> str:
    return json.loads(site_file(site, "data/summary.json").read_text(encoding="utf-8"))["as_of"]


def test_a_build_killed_at_any_change_to_the_disk_leaves_every_page_in_one_whole_build(tmp_path, browser):
    write_team_workbooks(tmp_path / "input")
    for day in range(3):  # the third build counts the changes of a rebuild that also removes an old build
        assert killed_build(tmp_path, 0, FIRST_AS_OF + dt.timedelta(days=day)).returncode == 0
    calls = (tmp_path / "calls").read_text().splitlines()
    publishing = [index + 1 for index, call in enumerate(calls) if call.startswith("publish ")]
    switch = next(index + 1 for index, call in enumerate(calls) if call.startswith("publish os.replace")
                  and call.endswith("current.js.salesboard-new"))
    assert len(publishing) >= 10 and len(calls) > 40 and publishing[0] < switch < publishing[-1]
    looked_at = [kill_at for kill_at in publishing if kill_at <= switch + 1] + list(range(8, len(calls) + 1, 8))
    shown = FIRST_AS_OF + dt.timedelta(days=2)
    for kill_at in range(1, len(calls) + 1):
        as_of = FIRST_AS_OF + dt.timedelta(days=2 + kill_at)
        result = killed_build(tmp_path, kill_at, as_of)
        assert result.returncode == -9, (kill_at, calls[kill_at - 1], result.stderr)
        site = tmp_path / "site"
        # The old build or the new one, whole; never a mixture.
        assert shown_as_of(site) in (shown.isoformat(), as_of.isoformat()), calls[kill_at - 1]
        shown = dt.date.fromisoformat(shown_as_of(site))
        if kill_at in looked_at:
            seen = look_at_site(browser, site)
            assert seen.one_build() == current_build(site).name, calls[kill_at - 1]
    # Killed builds leave no lock and no half-built folders behind once the next build is done.
    assert killed_build(tmp_path, 0, as_of + dt.timedelta(days=1)).returncode == 0
    builds = sorted(path.name for path in (tmp_path / "site" / BUILDS).iterdir())
    assert len(builds) == 3 and "current.js" in builds and not [name for name in builds if "partial" in name]
    assert look_at_site(browser, tmp_path / "site").one_build() == current_build(tmp_path / "site").name


@pytest.fixture
def site(tmp_path):
    write_team_workbooks(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", "2026-11-25",
                 "-q"]) == 0
    return tmp_path / "site"


def test_an_entry_page_opens_its_page_in_the_current_build_with_the_hash(site, open_page):
    page, _ = open_page((site / "follow-ups.html").as_uri() + "#owner=Anna%20Becker", wait_for_charts=False)
    page.wait_for_url(re.compile(r"/\.builds/[^/]+/follow-ups\.html#owner=Anna%20Becker$"))
    assert page.locator("h2.page-title").text_content() == "Wiedervorlagen"


def test_every_chart_toolbar_button_stays_on_the_page_and_speaks_german(site, open_page, tmp_path):
    for name in ("index", "segments", "funnel", "first-buyers", "campaigns"):
        page, watch = open_page(site_file(site, f"{name}.html").as_uri())
        for chart in page.locator(".chart.js-plotly-plot").all():
            chart.hover()
            buttons = chart.locator(".modebar-btn")
            titles = [buttons.nth(i).get_attribute("data-title") for i in range(buttons.count())]
            assert set(titles) <= {"Zoomen", "Verschieben", "Vergrößern", "Verkleinern", "Automatisch skalieren",
                                   "Achsen zurücksetzen", "Diagramm als PNG-Bild speichern"}, titles
            assert "Diagramm als PNG-Bild speichern" in titles
            for index in range(buttons.count()):
                chart.hover()
                if titles[index].startswith("Diagramm"):
                    with page.expect_download() as download:
                        buttons.nth(index).click()
                    assert download.value.suggested_filename.endswith(".png")
                else:
                    buttons.nth(index).click()
        assert "Produced with Plotly" not in page.content() and "plotly.com" not in page.content()
        assert page.url.startswith("file://") and watch.aborted == []


def test_an_open_page_follows_a_newer_build_with_its_hash(site, browser, tmp_path):
    context = browser.new_context()
    context.add_init_script("window.salesboardFollowMs = 300;")
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    try:
        page.goto((site / "follow-ups.html").as_uri() + "#owner=Tim")
        page.wait_for_url(re.compile(r"/\.builds/[^/]+/follow-ups\.html#owner=Tim$"))
        first = page.url
        assert main(["--input", str(tmp_path / "input"), "--output", str(site), "--as-of", "2026-11-26", "-q"]) == 0
        newer = current_build(site).name
        page.wait_for_url(re.compile(rf"/\.builds/{newer}/follow-ups\.html#owner=Tim$"), timeout=60_000)
        assert page.url != first and "26.11.2026" in page.locator("header.site p").first.text_content()
    finally:
        context.close()


def test_an_entry_page_without_a_finished_build_says_so(tmp_path, open_page):
    from salesboard.publish.entry import entry_page

    (tmp_path / "index.html").write_text(entry_page("index", BUILDS, "de"), encoding="utf-8")
    page, watch = open_page((tmp_path / "index.html").as_uri(), wait_for_charts=False,
                            allowed_errors=re.compile("ERR_FILE_NOT_FOUND"))
    assert page.locator("#no-build").text_content().startswith("Hier liegt noch kein fertig gebautes Dashboard.")
    assert page.locator("#opening").is_hidden()


def test_a_bookmark_of_an_older_builds_page_opens_the_current_build(site, open_page, tmp_path):
    older = current_build(site)
    assert main(["--input", str(tmp_path / "input"), "--output", str(site), "--as-of", "2026-11-26", "-q"]) == 0
    page, _ = open_page((older / "follow-ups.html").as_uri() + "#owner=Tim", wait_for_charts=False)
    page.wait_for_url(re.compile(rf"/\.builds/{current_build(site).name}/follow-ups\.html#owner=Tim$"))
