"""The search index is built a slice of addresses at a time while the page is idle, so that a click
during the build does not wait for it: every slice's addresses are found with their own fields, and a
search typed before the build is done finishes it and finds addresses of every slice."""
from __future__ import annotations

from pathlib import Path

import pytest
from support.workbooks import write_workbook

from salesboard.cli import main

ADDRESSES = 4_500  # more than two of search.js's slices of 2,000
# No idle time ever comes, and each slice seems to take 10 ms: the build stops after its first slice
# until a search asks for the rest.
NEVER_IDLE = """
window.requestIdleCallback = () => 0;
const realNow = performance.now.bind(performance);
let skew = 0;
performance.now = () => realNow() + (skew += 10);
Object.defineProperty(window, 'salesboardSearch', {
  configurable: true,
  get() { return this.__search; },
  set(handler) { this.__search = (data) => { handler(data); window.indexArrived = true; }; },
});
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Addresses K0000 … K4499, "Firma 0000" …, each with its own postcode (10000 + n) and one of three cities."""
    folder = tmp_path_factory.mktemp("search-index")
    rows = [["Kundennummer", "Firma", "PLZ", "Ort"]]
    rows += [[f"K{n:04d}", f"Firma {n:04d}", str(10000 + n), ("Köln", "Berlin", "Görlitz")[n % 3]]
             for n in range(ADDRESSES)]
    write_workbook(folder / "input" / "Adressen.xlsx", {"Adressen": rows})
    assert main(["--input", str(folder / "input"), "--output", str(folder / "site"), "--as-of", "2026-11-27",
                 "-q"]) == 0
    return folder / "site"


def found(page, query: str):
    return page.evaluate("(query) => window.salesboardFind(query)", query)


def test_every_slice_of_the_index_is_built_with_its_own_fields(open_page, site):
    page, _ = open_page((site / "data-quality.html").as_uri(), wait_for_charts=False)
    page.wait_for_function("() => window.salesboardFind && window.salesboardFind('x') !== null")
    # The first, last of the first slice, first of the second, and the last address: name, ID and place.
    for n in (0, 1999, 2000, 4499):
        assert found(page, f"Firma {n:04d}") == [[f"K{n:04d}", f"Firma {n:04d}"]]
        assert found(page, f"K{n:04d}") == [[f"K{n:04d}", f"Firma {n:04d}"]]
        assert found(page, str(10000 + n)) == [[f"K{n:04d}", f"Firma {n:04d}"]]
    # 4499 % 3 == 2: Görlitz, found as "Goerlitz"; of the 1,500 Görlitz addresses 10 are shown.
    assert [row[0] for row in found(page, "Goerlitz 14499")] == ["K4499"]
    assert len(found(page, "Goerlitz")) == 10


def test_a_search_typed_before_the_index_is_built_finishes_it(open_page, site):
    page, _ = open_page((site / "data-quality.html").as_uri(), wait_for_charts=False, init_script=NEVER_IDLE)
    page.focus("#site-search")  # loads the index
    page.wait_for_function("() => window.indexArrived === true")
    assert found(page, "Firma") is None  # one slice built, the rest waits for idle time that never comes
    page.type("#site-search", "Firma 4499")
    page.wait_for_selector("#site-search-results .search-result")
    assert page.locator("#site-search-results .search-name").all_text_contents() == ["Firma 4499"]
    assert found(page, "Firma 0000") == [["K0000", "Firma 0000"]]
