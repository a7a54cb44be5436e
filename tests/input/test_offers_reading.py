"""The list of offers: recognised by its headers, line items summed, status words read, and each offer
also a contact of stage offer (once per address and day)."""
from __future__ import annotations

import datetime as dt

from support.workbooks import messages, read_folder, write_workbook

D = dt.date


def test_an_offer_list_with_line_items_statuses_and_a_logged_offer(input_dir):
    # AN-1 has two line items (1.000 + 500) → one offer of 1.500 dated 02.03. (the earlier line).
    # AN-2's status "beauftragt" is won, AN-3's "in Klärung" is no status word (inferred later, warned).
    # The contact log already holds an offer for K1 on 02.03.: AN-1 adds no second one; AN-2 adds one.
    write_workbook(input_dir / "Angebote.xlsx", {"Angebote": [
        ["Angebotsnummer", "Angebotsdatum", "Kundennummer", "Angebotswert", "Status", "Gültig bis"],
        ["AN-1", D(2026, 3, 2), "K1", 1000, None, D(2026, 4, 1)],
        ["AN-1", D(2026, 3, 3), "K1", 500, None, None],
        ["AN-2", D(2026, 5, 4), "K1", 800, "beauftragt", None],
        ["AN-3", D(2026, 6, 1), "K2", 300, "in Klärung", None],
    ]})
    write_workbook(input_dir / "Kontakte.xlsx", {"Kontakte": [
        ["Kundennummer", "Datum", "Kontaktart"], ["K1", D(2026, 3, 2), "Angebot"]]})
    result = read_folder(input_dir)
    offers = result.tables.offers
    assert offers.select("customer_id", "offer_id", "offer_date", "amount", "status", "valid_until").rows() == [
        ("K1", "AN-1", D(2026, 3, 2), 1500.0, None, D(2026, 4, 1)),
        ("K1", "AN-2", D(2026, 5, 4), 800.0, "won", None),
        ("K2", "AN-3", D(2026, 6, 1), 300.0, None, None)]
    assert result.tables.activities.select("customer_id", "date", "stage").rows() == [
        ("K1", D(2026, 3, 2), "offer"), ("K1", D(2026, 5, 4), "offer"), ("K2", D(2026, 6, 1), "offer")]
    assert messages(result) == [
        "input/Angebote.xlsx, sheet 'Angebote', cell E5: unknown offer status 'in Klärung' (1 row); expected "
        "open, won/accepted or lost/declined — status inferred from the orders",
        "input/Kontakte.xlsx: 1 customer ID in activities (K1): there is no address list — counted as an address "
        "all the same",
        "input/Angebote.xlsx: 2 customer IDs in offers (K1, K2): there is no address list — counted as addresses "
        "all the same"]


def test_an_offer_list_by_customer_name_with_bare_date_and_amount(input_dir):
    # "Angebot Nr." tells it is an offer list although date and amount have plain headers.
    write_workbook(input_dir / "Angebotsliste.xlsx", {"2026": [
        ["Angebot Nr.", "Datum", "Kunde", "Betrag", "Status"], [17, D(2026, 1, 5), "Beta KG", "2.500,00 €", "offen"]]})
    result = read_folder(input_dir)
    assert [(s.kind, s.rows) for s in result.sheets] == [("offers", 1)]
    assert result.tables.offers.select("customer_id", "offer_id", "amount", "status").rows() == [
        ("Beta KG", "17", 2500.0, "open")]
    assert result.tables.orders.height == 0
