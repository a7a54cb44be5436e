"""A small team whose customer cards are worked out by hand, and reading a card back from a built site."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from salesboard.publish.cards import CARDS, SEARCH_FILE
from salesboard.site.card_json import shard_of
from support.site import site_file
from support.workbooks import write_workbook

# An ID with every character that could break a URL, a JSON string or the page.
SPECIAL_ID = 'A/1#"<script>ü'
LONG_NOTE = ("<img src=x onerror=alert(1)> " + "Notiz " * 6000)[:32767]
# Where a record (salesboard.site.card_data) holds the fields the metrics decide, its data-quality problems,
# and where its timeline begins.
STATUS = 8
QUALITY = 13
TIMELINE = 15


def write_card_workbooks(folder: Path) -> None:
    """Krüger & Söhne (1001) with two orders (A-1 of two line items), two contacts and a mailing answered;
    Müller Bau (2002) with a call whose follow-up is due this week; and an address with SPECIAL_ID, markup in its name and a note of 32,767
    characters."""
    D = dt.date
    write_workbook(folder / "Adressen.xlsx", {"Adressen": [
        ["Kundennummer", "Firma", "Ansprechpartner", "E-Mail", "Telefon", "PLZ", "Ort", "Betreuer", "Quelle"],
        [1001, "Krüger & Söhne GmbH", "Jörg Weiß", "j.weiss@krueger.example", "0351 123456", "01067", "Dresden",
         "Anna", "Messe"],
        [2002, "Müller Bau", "Eva Sommer", None, None, "10115", "Berlin", "Tim", None],
        [SPECIAL_ID, "<b>Böse</b> & Co", "Ölaf", "javascript:alert(1)", "<script>", "80331", "München", "Tim", None],
    ]})
    write_workbook(folder / "Aufträge.xlsx", {"Aufträge": [
        ["Kundennummer", "Auftragsnummer", "Auftragsdatum", "Betrag"],
        [1001, "A-1", D(2026, 3, 2), 100.5],
        [1001, "A-1", D(2026, 3, 5), 50],  # a line item of A-1
        [1001, "A-2", D(2026, 9, 10), 1234.56],
        [SPECIAL_ID, "A-3", D(2026, 10, 1), 99],
    ]})
    write_workbook(folder / "Kontakte.xlsx", {"Kontakte": [
        ["Kundennummer", "Datum", "Kontaktart", "Ergebnis", "Betreuer", "Wiedervorlage"],
        [1001, D(2026, 8, 1), "Besuch", "Bedarf aufgenommen", "Tim", None],
        [1001, D(2026, 10, 15), "Anruf", "Rückruf vereinbart", "Anna", D(2026, 11, 20)],
        [SPECIAL_ID, D(2026, 11, 1), "Anruf", LONG_NOTE, "Tim", None],
        [2002, D(2026, 11, 20), "Anruf", "Angebot gewünscht", "Tim", D(2026, 11, 28)],  # due this week
    ]})
    write_workbook(folder / "Mailing Frühjahr.xlsx", {"Versand": [
        ["Kundennummer", "Versanddatum", "Reaktion"],
        [1001, D(2026, 3, 16), "ja"], [2002, D(2026, 3, 16), "nein"],
    ]})


def day(text: str) -> int:
    """A date written as on the German site (31.12.2025) as the day number a card record holds."""
    return (dt.datetime.strptime(text, "%d.%m.%Y").date() - dt.date(1970, 1, 1)).days


def card_page_data(output_dir: Path) -> dict:
    html = site_file(output_dir, "customer.html").read_text(encoding="utf-8")
    data = re.search(r'<script type="application/json" id="card-data">(.*?)</script>', html, re.DOTALL).group(1)
    return json.loads(data)


def shard_count(output_dir: Path) -> int:
    return card_page_data(output_dir)["shards"]


def read_shard(path: Path) -> tuple[int, list]:
    """(number, records) of a shard script `window.salesboardCards(n, [...], [...]);`, each record with its
    fields 8–14 (the second list) put in place, as card.js does."""
    match = re.fullmatch(r"window\.salesboardCards\((\d+), (\[.*\])\);\n", path.read_text(encoding="utf-8"), re.DOTALL)
    assert match, f"{path.name} is not a shard script"
    records, statuses = json.loads("[" + match.group(2) + "]")
    assert len(statuses) == len(records) and all(len(status) == TIMELINE - STATUS for status in statuses)
    return int(match.group(1)), [record[:STATUS] + status + record[STATUS:] for record, status in zip(records, statuses)]


def card_record(output_dir: Path, customer_id: str) -> list | None:
    """The record of an address as its shard holds it, its timeline rows' kinds read as card.js reads them
    (the place of a letter in the page's list) and its order lines put together into orders as card.js
    does (with_orders)."""
    data = card_page_data(output_dir)
    _, records = read_shard(site_file(output_dir, f"{CARDS}/{shard_of(customer_id, data['shards'])}.js"))
    record = next((record for record in records if record[0] == customer_id), None)
    if record is None:
        return None
    rows = [[data["kinds"][row[0]], *row[1:]] for row in record[TIMELINE:]]
    return record[:TIMELINE] + with_orders(rows, data["kinds"], data["words"]["returned"])


def with_orders(rows: list[list], kinds: list[str], returned: str) -> list[list]:
    """Timeline rows with the order lines ["o", date, number, amount, status, state, article(, quantity,
    unit price)] of one number made into one order row ["o", date, number, amount, status, cancelled,
    article, line items…] the way card.js's withOrders does, worked out here on its own."""
    merged, orders = [], {}
    for i, row in enumerate(rows):
        if row[0] != "o":
            merged.append(row)
            continue
        key = ("line", i) if row[2] is None else ("order", row[2])
        if key not in orders:
            orders[key] = []
            merged.append(orders[key])
        orders[key].append(row)
    made = [_order(list(reversed(row)), returned) if isinstance(row[0], list) else row for row in merged]
    undated = [row for row in made if row[1] is None]
    dated = sorted((row for row in made if row[1] is not None), key=lambda row: (-row[1], kinds.index(row[0])))
    return dated + sorted(undated, key=lambda row: kinds.index(row[0]))


def _order(lines: list[list], returned: str) -> list:
    counting = [line for line in lines if line[5] == 0]
    dates = [line[1] for line in counting if line[1] is not None] or [line[1] for line in lines if line[1] is not None]
    if any(line[5] == 2 for line in lines):
        status = returned
    else:
        status = next((line[4] for line in lines if line[4] is not None), None)
    itemised = len(lines) > 1 or any(len(line) > 7 for line in lines)
    items = [[line[6], *(line[7:9] if len(line) > 7 else [None, None]), line[3], 1 if line[5] else 0]
             for line in lines] if itemised else []
    return ["o", min(dates) if dates else None, lines[0][2], round(sum(line[3] or 0 for line in (counting or lines)), 2),
            status, 0 if counting else 1, lines[0][6] if len(lines) == 1 else None, *items]


def read_search_index(output_dir: Path) -> dict:
    text = site_file(output_dir, f"{CARDS}/{SEARCH_FILE}").read_text(encoding="utf-8")
    match = re.fullmatch(r"window\.salesboardSearch\((\{.*\})\);\n", text, re.DOTALL)
    assert match
    return json.loads(match.group(1))


ORDER_CUSTOMER = "4004"
# Longer than the bytes an ID's shard is worked out from, and those bytes shared with another ID.
LONG_ID = "Kundennummer für Großkunden Süd – 0001"
LONG_ID_TWIN = "Kundennummer für Großkunden Süd – 0002"


def write_order_workbooks(folder: Path) -> None:
    """Baumarkt Ost (4004) with orders as a shop keeps them: line items with article, quantity and unit
    price (no amount column), a status per line, one order cancelled, one cancelled in part, one
    returned, and a line whose quantity cannot be read; a contact whose follow-up date cannot be read;
    Nachbar GmbH (5005) with one order, and 6006 with only a cancelled one; two addresses with long IDs
    (LONG_ID, LONG_ID_TWIN)."""
    D = dt.date
    write_workbook(folder / "Adressen.xlsx", {"Adressen": [
        ["Kundennummer", "Firma", "Ort"], [4004, "Baumarkt Ost", "Leipzig"], [5005, "Nachbar GmbH", "Halle"],
        [LONG_ID, "Großkunde Süd", "Ulm"], [LONG_ID_TWIN, "Großkunde Süd II", "Ulm"]]})
    write_workbook(folder / "Bestellungen.xlsx", {
        "Aufträge": [
            ["Kundennummer", "Auftragsnummer", "Auftragsdatum", "Artikel", "Menge", "Einzelpreis", "Status"],
            [4004, "B-1", D(2026, 5, 4), "Schrauben", 10, 0.5, "geliefert"],
            [4004, "B-1", D(2026, 5, 4), "Dübel", 4, 2.25, "geliefert"],
            [4004, "B-2", D(2026, 6, 1), "Bohrer", 1, 30, "storniert"],
            [4004, "B-3", D(2026, 7, 1), "Säge", 1, 20, "geliefert"],
            [4004, "B-3", D(2026, 7, 1), "Hammer", 2, 7.5, "storniert"],
            [4004, "B-4", D(2026, 8, 3), "Zange", "viele", 9.9, "offen"],  # row 7: no quantity, no amount
            [4004, "B-5", D(2026, 9, 10), "Leiter", 1, 80, "geliefert"],
            [5005, "N-1", D(2026, 9, 11), "Farbe", 3, 12, "geliefert"],
            [6006, "X-1", D(2026, 9, 12), "Nägel", 1, 5, "storniert"],  # only cancelled: no address
        ],
        "Retouren": [["Auftragsnummer", "Status"], ["B-5", "retourniert"]],
    })
    write_workbook(folder / "Kontakte.xlsx", {"Kontakte": [
        ["Kundennummer", "Datum", "Kontaktart", "Ergebnis", "Wiedervorlage"],
        [4004, D(2026, 9, 1), "Anruf", "Reklamation Leiter", "bald"],  # row 2: no date to follow up on
    ]})
