"""The orders on a customer card as the workbook has them (status, cancelled and returned ones, line items)
and the data-quality problems of the card's rows, worked out by hand from support.cards'
write_order_workbooks; the metrics still count only what is neither cancelled nor returned."""
from __future__ import annotations

import json
import re

import pytest
from support.cards import (
    LONG_ID,
    LONG_ID_TWIN,
    ORDER_CUSTOMER,
    QUALITY,
    TIMELINE,
    card_record,
    day,
    read_shard,
    write_order_workbooks,
)
from support.site import site_file
from support.workbooks import write_workbook

from salesboard.cli import main
from salesboard.publish.cards import CARDS


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("orders")
    write_order_workbooks(folder / "input")
    assert main(["--input", str(folder / "input"), "--output", str(folder / "site"), "--as-of", "2026-11-27",
                 "-q"]) == 0
    return folder / "site"


def test_orders_keep_their_status_and_line_items_cancelled_ones_too(site):
    orders = [row for row in card_record(site, ORDER_CUSTOMER)[TIMELINE:] if row[0] == "o"]
    assert orders == [
        # Returned by the returns sheet: shown as returned, counts toward nothing.
        ["o", day("10.09.2026"), "B-5", 80.0, "retourniert", 1, "Leiter", ["Leiter", 1.0, 80.0, 80.0, 1]],
        # One line cancelled: the order is what is left (1 × 20,00), the cancelled line marked.
        ["o", day("01.07.2026"), "B-3", 20.0, "geliefert", 0, None, ["Säge", 1.0, 20.0, 20.0, 0],
         ["Hammer", 2.0, 7.5, 15.0, 1]],
        # Cancelled as a whole: what was ordered.
        ["o", day("01.06.2026"), "B-2", 30.0, "storniert", 1, "Bohrer", ["Bohrer", 1.0, 30.0, 30.0, 1]],
        # 10 × 0,50 + 4 × 2,25.
        ["o", day("04.05.2026"), "B-1", 14.0, "geliefert", 0, None, ["Schrauben", 10.0, 0.5, 5.0, 0],
         ["Dübel", 4.0, 2.25, 9.0, 0]],
    ]


def test_the_figures_count_only_what_was_neither_cancelled_nor_returned(site):
    record = card_record(site, ORDER_CUSTOMER)
    # B-1 (14,00) and B-3 (20,00): two orders, Z3; median 17,00; 149 days since 01.07.; 58 days between them.
    assert record[8] == "Z3" and record[10] == [34.0, 34.0, 2, 17.0, 149, 58]
    summary = json.loads(site_file(site, "data/summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["orders"] == 3  # B-1, B-3 and Nachbar's N-1


def test_an_id_with_only_cancelled_orders_is_no_address_and_has_no_card(site):
    assert card_record(site, "6006") is None
    records = [record for path in site_file(site, CARDS).glob("[0-9]*.js") for record in read_shard(path)[1]]
    assert sorted(record[0] for record in records) == sorted([ORDER_CUSTOMER, "5005", LONG_ID, LONG_ID_TWIN])


def test_the_card_lists_the_problems_of_its_rows(site):
    assert card_record(site, ORDER_CUSTOMER)[QUALITY] == [
        "input/Bestellungen.xlsx, Blatt 'Aufträge', Zelle E7: erwartet eine Zahl wie 3 oder 2,5, gefunden 'viele' "
        "— Zeile übersprungen",
        "input/Kontakte.xlsx, Blatt 'Kontakte', Zelle E2: erwartet ein Datum wie 31.12.2025, gefunden 'bald' "
        "— Wert ignoriert",
    ]
    assert card_record(site, "5005")[QUALITY] is None


def test_many_bad_cells_of_a_column_reach_the_cards_of_their_rows(tmp_path):
    """Six unreadable follow-up dates make one line of the data-quality page; each card still lists it."""
    write_order_workbooks(tmp_path / "input")
    rows = [["Kundennummer", "Datum", "Kontaktart", "Wiedervorlage"]]
    rows += [[4004 if n % 2 else 5005, "01.09.2026", "Anruf", f"bald {n}"] for n in range(6)]
    write_workbook(tmp_path / "input" / "Kontakte.xlsx", {"Kontakte": rows})  # in place of the one above
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", "2026-11-27",
                 "-q"]) == 0
    line = ("input/Kontakte.xlsx, Blatt 'Kontakte', Spalte D: 6 Zellen wie D2, D3, D4: erwartet ein Datum wie "
            "31.12.2025, gefunden 'bald 0' — Werte ignoriert")
    assert card_record(tmp_path / "site", "5005")[QUALITY] == [line]
    assert card_record(tmp_path / "site", ORDER_CUSTOMER)[QUALITY][-1] == line


def test_the_data_quality_table_links_each_problem_to_the_card_of_its_row(site):
    html = site_file(site, "data-quality.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="tbl-problems">(.*?)</script>', html, re.DOTALL).group(1))
    labels = [column["label"] for column in data["columns"]]
    assert data["columns"][labels.index("Kunde")]["kind"] == "customer"
    cells = {row[labels.index("Zelle")]: row[labels.index("Kunde")] for row in data["rows"]}
    # [shown, the ID the page links to]; the notice that amounts are quantity × price is no row's.
    assert cells == {"E7": ["Baumarkt Ost", ORDER_CUSTOMER], "E2": ["Baumarkt Ost", ORDER_CUSTOMER], "E1": ["", ""]}
