"""The customer cards and the search index a build writes: what a card holds, hand-checked against the
workbooks; IDs and cells that could break a URL, a script or the page; the links of every table."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from support.cards import (
    LONG_NOTE,
    QUALITY,
    SPECIAL_ID,
    TIMELINE,
    card_record,
    day,
    read_search_index,
    read_shard,
    shard_count,
    write_card_workbooks,
)
from support.site import site_file
from support.workbooks import write_team_workbooks, write_workbook

from salesboard.cli import main
from salesboard.publish.cards import CARDS
from salesboard.publish.swap import current_build

AS_OF = "2026-11-27"


def build(tmp_path, *extra) -> int:
    return main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF,
                 "-q", *extra])


@pytest.fixture
def site(tmp_path):
    write_card_workbooks(tmp_path / "input")
    assert build(tmp_path) == 0
    return tmp_path / "site"


def test_a_card_holds_what_the_workbooks_say(site):
    record = card_record(site, "1001")
    assert record[:9] == ["1001", "Krüger & Söhne GmbH", "Anna", "Jörg Weiß", "0351 123456",
                          "j.weiss@krueger.example", "01067 Dresden", "Messe", "Z3"]
    # Dates are day numbers, cancelled orders 1 (0 otherwise).
    # Z1 with its first order (02.03.), Z2 then, Z3 with the second order (10.09.), never Z4.
    assert record[9] == [day("02.03.2026"), day("02.03.2026"), day("10.09.2026"), None]
    # Revenue 12 months and all time 150,50 + 1.234,56; two orders, median 692,53; 78 days since 10.09.;
    # 192 days between the two orders.
    assert record[10] == [1385.06, 1385.06, 2, 692.53, 78, 192]


def test_the_timeline_is_every_row_of_the_workbooks_newest_first(site):
    timeline = card_record(site, "1001")[TIMELINE:]
    assert timeline == [
        # Anna is the card's owner: null stands for her.
        ["a", day("15.10.2026"), "Anruf", None, "Rückruf vereinbart", day("20.11.2026")],
        ["o", day("10.09.2026"), "A-2", 1234.56, None, 0, None],
        ["a", day("01.08.2026"), "Besuch", "Tim", "Bedarf aufgenommen", None],
        ["m", day("16.03.2026"), "Mailing Frühjahr", day("16.03.2026")],
        # Two line items, dated by the first, each with its amount.
        ["o", day("02.03.2026"), "A-1", 150.5, None, 0, None, [None, None, None, 100.5, 0],
         [None, None, None, 50.0, 0]],
    ]
    assert card_record(site, "2002")[TIMELINE:] == [
        ["a", day("20.11.2026"), "Anruf", None, "Angebot gewünscht", day("28.11.2026")],
        ["m", day("16.03.2026"), "Mailing Frühjahr", None]]


def test_offers_on_the_card_with_their_state_below_the_order_of_the_same_day(tmp_path):
    write_card_workbooks(tmp_path / "input")
    write_workbook(tmp_path / "input" / "Angebote.xlsx", {"Angebote": [
        ["Angebotsnummer", "Angebotsdatum", "Kundennummer", "Angebotswert", "Status", "Betreuer", "Produkt"],
        ["AN-1", dt.date(2026, 9, 10), 1001, 1200, "angenommen", "Anna", "Wartung"],
        ["AN-2", dt.date(2026, 11, 1), 1001, 80.5, None, None, None]]})
    assert build(tmp_path) == 0
    timeline = card_record(tmp_path / "site", "1001")[TIMELINE:]
    # AN-2 is still open (no status, no order after it); AN-1 was accepted on the day of order A-2, which shows
    # above it: of one day, the order first. Every offer is also an activity of stage offer (type "Angebot").
    assert [row for row in timeline if row[0] == "q"] == [
        ["q", day("01.11.2026"), "AN-2", 80.5, "open", None, None],
        ["q", day("10.09.2026"), "AN-1", 1200, "won", "Anna", "Wartung"]]
    kinds_on_10_09 = [row[0] for row in timeline if row[1] == day("10.09.2026")]
    assert kinds_on_10_09[:2] == ["o", "q"]


def test_open_follow_ups_overdue_or_due_this_week(site):
    # 1001's call of 15.10. promised a call on 20.11. that nothing settled; and a Z3 last in touch 43 days ago
    # (cadence 30, so due on 14.11.): 13 days overdue, the larger of the two.
    overdue = card_record(site, "1001")
    assert overdue[11] == ["fällig, Kontaktrhythmus", day("14.11.2026"), 13] and overdue[14] is None
    soon = card_record(site, "2002")
    assert soon[11] is None and soon[14] == day("28.11.2026")


def test_an_id_with_special_characters_and_hostile_cells_stay_text(site):
    record = card_record(site, SPECIAL_ID)
    assert record[0] == SPECIAL_ID and record[1] == "<b>Böse</b> & Co"
    assert record[5] == "javascript:alert(1)" and record[4] == "<script>"  # the page links neither
    note = record[TIMELINE]
    # The card shows a 32,767-character note cut to 2,000 characters with "…"; the downloads keep it whole.
    assert note[:2] == ["a", day("01.11.2026")] and note[4] == LONG_NOTE[:1999] + "…" and len(note[4]) == 2000
    # The shard stays one script: no "</script>" or line break of the data ends it early.
    for path in site_file(site, CARDS).glob("[0-9]*.js"):
        read_shard(path)


def test_every_address_is_in_exactly_one_shard_and_in_the_index(site):
    ids = []
    for path in sorted(site_file(site, CARDS).glob("[0-9]*.js")):
        number, records = read_shard(path)
        assert path.name == f"{number}.js"
        ids += [record[0] for record in records]
    assert sorted(ids) == sorted(["1001", "2002", SPECIAL_ID])
    assert len(list(site_file(site, CARDS).glob("[0-9]*.js"))) == shard_count(site)
    index = read_search_index(site)
    assert index["count"] == 3 and index["fields"]["customer_id"].split("\n") == ["1001", "2002", SPECIAL_ID]
    places = [index["places"]["city"].split("\n")[int(place)] for place in index["place"].split("\n")]
    assert places == ["Dresden", "Berlin", "München"]
    assert index["fold"] == {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}


def test_the_card_page_is_in_the_site_with_its_entry_page_but_not_in_the_navigation(site):
    entry = (site / "customer.html").read_text(encoding="utf-8")
    assert '"customer"' in entry and "location.hash" in entry
    html = site_file(site, "customer.html").read_text(encoding="utf-8")
    assert 'src="assets/card.js"' in html and 'id="customer-card"' in html
    for page in ("index.html", "follow-ups.html", "customer.html"):
        page_html = site_file(site, page).read_text(encoding="utf-8")
        assert '<input type="search" id="site-search"' in page_html
        assert 'href="customer.html"' not in page_html  # not a navigation entry


def test_unchanged_shards_are_not_written_again(tmp_path):
    write_card_workbooks(tmp_path / "input")
    assert build(tmp_path) == 0
    first = current_build(tmp_path / "site")
    shards = {path.name: path.stat().st_ino for path in (first / CARDS).glob("[0-9]*.js")}
    assert build(tmp_path) == 0
    second = current_build(tmp_path / "site")
    assert second != first
    # Linked from the previous build: the same file, not a new one.
    assert {path.name: path.stat().st_ino for path in (second / CARDS).glob("[0-9]*.js")} == shards


def _table_cells(html: str, table: str) -> list:
    data = json.loads(re.search(rf'id="tbl-{table}">(.*?)</script>', html, re.DOTALL).group(1))
    kinds = [column["kind"] for column in data["columns"]]
    labels = [column["label"] for column in data["columns"]]
    return [dict(zip(labels, row)) for row in data["rows"]], dict(zip(labels, kinds))


@pytest.mark.parametrize(("page", "table"), [
    ("call-list.html", "call-list"), ("follow-ups.html", "follow-ups"), ("first-buyers.html", "waiting"),
])
def test_names_and_ids_in_the_tables_link_to_the_card(tmp_path, page, table):
    write_team_workbooks(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", "2026-11-25",
                 "-q"]) == 0
    html = site_file(tmp_path / "site", page).read_text(encoding="utf-8")
    if f'id="tbl-{table}"' not in html:
        table = re.search(r'id="tbl-([\w-]+)"', html).group(1)
    rows, kinds = _table_cells(html, table)
    assert kinds["Firma"] == "customer" and kinds["Kd.-Nr."] == "customer"
    assert rows
    for row in rows:
        name, customer_id = row["Firma"]  # [text, the ID it links to]
        assert row["Kd.-Nr."] == customer_id  # a column of the IDs themselves: the text alone


def test_the_card_lists_the_problems_known_to_concern_its_address(tmp_path):
    write_team_workbooks(tmp_path / "input")
    write_workbook(tmp_path / "input" / "Adressen alt.xlsx", {"Adressen": [["Kundennummer", "Firma"], [2, "Beta alt"]]})
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", "2026-11-25",
                 "-q"]) == 0
    # Customer 9 is only in the orders; customer 2 is listed twice ("Adressen alt" is read first and kept).
    assert card_record(tmp_path / "site", "9")[QUALITY] == [
        "Nicht in der Adressliste: nur aus Aufträgen, Kontakten oder Mailings bekannt."]
    problems = card_record(tmp_path / "site", "2")[QUALITY]
    assert problems == ["input/Adressen.xlsx, Blatt 'Adressen', Zelle A3: Kundennummer 2 kommt noch einmal vor "
                        "(zuerst in input/Adressen alt.xlsx, Blatt 'Adressen', Zelle A2) — Zeile übersprungen, die "
                        "erste behalten"]
    assert card_record(tmp_path / "site", "1")[QUALITY] is None


def test_a_problem_of_a_sheet_that_knows_its_customers_by_name_reaches_their_card(tmp_path):
    write_team_workbooks(tmp_path / "input")
    # No customer ID here: "alpha gmbh" is the listed Alpha GmbH (ID 1), the case aside; its date is unreadable.
    write_workbook(tmp_path / "input" / "Messe.xlsx", {"Aufträge": [
        ["Firma", "Datum", "Betrag"], ["alpha gmbh", "irgendwann", 50], ["Alpha GmbH", dt.date(2026, 9, 1), 70]]})
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", "2026-11-25",
                 "-q"]) == 0
    problems = card_record(tmp_path / "site", "1")[QUALITY]
    assert len(problems) == 1 and problems[0].startswith("input/Messe.xlsx, Blatt 'Aufträge', Zelle B2: ")
