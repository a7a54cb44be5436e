"""Workbooks laid out as real teams and exports lay them out, read without a settings file.

Every workbook is built here, its figures worked out by hand in the comments. The layouts that
LibreOffice can carry are also read after a round trip through it (.xlsx re-saved, .xls, .ods).
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.table import Table
from support.badfiles import _convert_with_libreoffice as convert
from support.workbooks import messages, read_folder, write_workbook

D = dt.date


def orders_of(result) -> list[tuple]:
    return result.tables.orders.select("customer_id", "order_id", "order_date", "amount").rows()


def notices(result) -> list[str]:
    return [str(problem) for problem in result.problems if problem.severity == "notice"]


def test_invoice_export_with_quantity_price_and_discount(input_dir):
    # Three lines of invoice 536365 (2 × 2.55, 6 × 3.39 less 10 %, 1 × 7.65 = 5.10 + 18.31 + 7.65 = 31.06),
    # one of 536366 (12 × 1.85 = 22.20) and a credit note C536379 (-1 × 27.50), customer IDs as "17850.0".
    write_workbook(input_dir / "Online Retail.xlsx", {"Online Retail": [
        ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "Discount", "CustomerID"],
        ["536365", "85123A", "WHITE HANGING HEART", 2, dt.datetime(2010, 12, 1, 8, 26), 2.55, None, "17850.0"],
        ["536365", "71053", "WHITE METAL LANTERN", 6, dt.datetime(2010, 12, 1, 8, 26), 3.39, "10 %", "17850.0"],
        ["536365", "84406B", "CREAM CUPID HEARTS", 1, dt.datetime(2010, 12, 1, 8, 26), 7.65, 0, "17850.0"],
        ["536366", "22633", "HAND WARMER", 12, dt.datetime(2010, 12, 1, 8, 28), 1.85, None, "17850.0"],
        ["C536379", "D", "Discount", -1, dt.datetime(2010, 12, 1, 9, 41), 27.50, None, "14527.0"],
    ]})
    result = read_folder(input_dir)
    assert orders_of(result) == [
        ("17850", "536365", D(2010, 12, 1), 31.06), ("17850", "536366", D(2010, 12, 1), 22.2),
        ("14527", "C536379", D(2010, 12, 1), -27.5)]
    assert notices(result) == [
        "input/Online Retail.xlsx, sheet 'Online Retail', cell D1: amount = Quantity × UnitPrice less Discount, "
        "as there is no amount column — read so"]


def test_order_date_beats_invoice_date_and_net_beats_gross(input_dir):
    write_workbook(input_dir / "Rechnungen.xlsx", {"Rechnungen": [
        ["Rechnungsnummer", "Rechnungsdatum", "Auftragsdatum", "Debitor", "Bruttobetrag", "Nettobetrag"],
        ["R-1", D(2026, 2, 10), D(2026, 2, 1), "D100", 119.0, 100.0],
        ["R-2", D(2026, 3, 10), D(2026, 3, 2), "D200", 238.0, 200.0],
    ]})
    result = read_folder(input_dir)
    assert orders_of(result) == [("D100", "R-1", D(2026, 2, 1), 100.0), ("D200", "R-2", D(2026, 3, 2), 200.0)]
    assert notices(result) == [
        "input/Rechnungen.xlsx, sheet 'Rechnungen', cell B1: is another order date column (Rechnungsdatum); "
        "column C (Auftragsdatum) is used — pin another under [columns.orders] in dashboard.toml — column ignored",
        "input/Rechnungen.xlsx, sheet 'Rechnungen', cell E1: is another amount column (Bruttobetrag); "
        "column F (Nettobetrag) is used — pin another under [columns.orders] in dashboard.toml — column ignored"]


def test_a_gross_amount_alone_is_used_and_said(input_dir):
    write_workbook(input_dir / "Umsatz.xlsx", {"Umsatz": [
        ["Kundennr", "Datum", "Brutto"], ["7", D(2026, 1, 5), "1.190,00 €"]]})
    result = read_folder(input_dir)
    assert orders_of(result) == [("7", None, D(2026, 1, 5), 1190.0)]
    assert notices(result) == ["input/Umsatz.xlsx, sheet 'Umsatz', cell C1: the amount is the gross amount "
                               "(Brutto): there is no net column — read so"]


def test_a_numbered_repeat_of_a_header_and_a_misspelt_alias_are_recognised(input_dir):
    # Excel's "Order Date1" once made this an address list of 2 cold addresses; it is an order list.
    write_workbook(input_dir / "Orders.xlsx", {"Orders": [
        ["Order ID", "Order Date1", "Customer ID", "Customer Name", "Sales"],
        ["CA-1", D(2016, 11, 8), "CG-12520", "Claire Gute", 261.96],
        ["CA-2", D(2016, 6, 12), "DV-13045", "Darrin Van Huff", 14.62]]})
    write_workbook(input_dir / "Kunden.xlsx", {"Kunden": [["Kundennnummer", "Firma"], ["CG-12520", "Gute AG"]]})
    result = read_folder(input_dir)
    assert orders_of(result) == [("CG-12520", "CA-1", D(2016, 11, 8), 261.96),
                                 ("DV-13045", "CA-2", D(2016, 6, 12), 14.62)]
    assert result.tables.addresses.select("customer_id", "company", "listed").rows() == [
        ("CG-12520", "Gute AG", True), ("DV-13045", "Darrin Van Huff", False)]
    assert notices(result) == [
        "input/Kunden.xlsx, sheet 'Kunden', cell A1: header Kundennnummer read as customer ID — read so",
        "input/Orders.xlsx, sheet 'Orders', cell B1: header Order Date1 read as order date — read so"]


def test_a_bare_id_beside_a_name_and_persons_by_first_and_last_name(input_dir):
    write_workbook(input_dir / "Kontakte.xlsx", {"Personen": [
        ["ID", "Vorname", "Nachname", "Wohnort"], [1, "Anna", "Schmidt", "Dresden"], [2, None, "Weiß", "Köln"]]})
    result = read_folder(input_dir)
    assert result.tables.addresses.select("customer_id", "company", "city").rows() == [
        ("1", "Anna Schmidt", "Dresden"), ("2", "Weiß", "Köln")]
    assert notices(result) == [
        "input/Kontakte.xlsx, sheet 'Personen', cell A1: header ID read as customer ID — read so",
        "input/Kontakte.xlsx, sheet 'Personen', cell C1: name made of Vorname and Nachname — read so"]


def test_customers_known_by_name_join_across_sheets_and_to_the_address_list(input_dir):
    # "Müller  GmbH" and "müller gmbh" are one customer, the ID of the listed "Müller GmbH" (K1);
    # "Neu KG" is listed nowhere and keeps its name as first written.
    write_workbook(input_dir / "Adressen.xlsx", {"Adressen": [["Kundennummer", "Firma"], ["K1", "Müller GmbH"]]})
    write_workbook(input_dir / "Aufträge.xlsx", {"Aufträge": [
        ["Kunde", "Datum", "Betrag"], ["Müller  GmbH", D(2026, 1, 2), 100], ["Neu KG", D(2026, 1, 3), 50]]})
    write_workbook(input_dir / "Kontakte.xlsx", {"Kontakte": [
        ["Kunde", "Datum", "Art"], [" müller gmbh ", D(2026, 1, 1), "Anruf"], ["neu kg", D(2026, 1, 4), "Besuch"]]})
    result = read_folder(input_dir)
    assert orders_of(result) == [("K1", None, D(2026, 1, 2), 100.0), ("Neu KG", None, D(2026, 1, 3), 50.0)]
    assert result.tables.activities.select("customer_id", "stage").rows() == [
        ("K1", "first_contact"), ("Neu KG", "meeting")]
    assert result.tables.addresses.select("customer_id", "listed").rows() == [("K1", True), ("Neu KG", False)]
    assert [p for p in notices(result) if "matched by their name" in p] == [
        "input/Aufträge.xlsx, sheet 'Aufträge', cell A1: no customer ID: customers are matched by their name "
        "(Kunde), ignoring case — read so",
        "input/Kontakte.xlsx, sheet 'Kontakte', cell A1: no customer ID: customers are matched by their name "
        "(Kunde), ignoring case — read so"]


def test_text_dates_follow_the_order_their_column_proves(input_dir):
    # Column B: 11/8/2016 alone could be either; 6/13/2016 proves month/day. Column C (not read: no field)
    # proves day/month with 13/05/2020 and says nothing about the order dates.
    (input_dir / "orders.csv").write_text(
        "Order ID,Order Date,Ship Date,Customer ID,Sales\n"
        "1,11/8/2016,13/05/2020,C1,10\n"
        "2,6/13/2016 0:00,1/2/2020,C2,20\n", encoding="utf-8")
    result = read_folder(input_dir)
    assert orders_of(result) == [("C1", "1", D(2016, 11, 8), 10.0), ("C2", "2", D(2016, 6, 13), 20.0)]
    assert notices(result) == ["input/orders.csv, column B: dates read as month/day (such as 6/13/2016 0:00); "
                               "if that is wrong, set date_format = \"%d/%m/%Y\" in dashboard.toml — read so"]


def test_german_day_first_dates_are_never_read_month_first(input_dir):
    (input_dir / "auftraege.csv").write_text(
        "Kundennummer;Datum;Betrag\n1;03.04.2026;10\n2;05.06.26;20\n", encoding="utf-8")
    result = read_folder(input_dir)
    assert [row[2] for row in orders_of(result)] == [D(2026, 4, 3), D(2026, 6, 5)]
    assert notices(result) == []


def write_tables_side_by_side(path: Path) -> Path:
    """Two Excel tables under a title: 2024 in A3:C5, 2025 in E3:G6; an empty column D between them."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Umsätze"
    sheet["A1"] = "Umsätze je Jahr"
    rows_2024 = [["Kundennummer", "Datum", "Betrag"], [1, D(2024, 3, 1), 100], [2, D(2024, 4, 1), 200]]
    rows_2025 = [["Kundennummer", "Datum", "Betrag"], [1, D(2025, 3, 1), 300], [3, D(2025, 5, 1), 400],
                 [1, D(2025, 7, 1), 500]]
    for offset, rows in ((1, rows_2024), (5, rows_2025)):
        for r, row in enumerate(rows, start=3):
            for c, value in enumerate(row):
                cell = sheet.cell(r, offset + c, value)
                if isinstance(value, dt.date):
                    cell.number_format = "DD.MM.YYYY"
    sheet.add_table(Table(displayName="Umsatz2024", ref="A3:C5"))
    sheet.add_table(Table(displayName="Umsatz2025", ref="E3:G6"))
    workbook.save(path)
    return path


EXPECTED_SIDE_BY_SIDE = [("1", None, D(2024, 3, 1), 100.0), ("2", None, D(2024, 4, 1), 200.0),
                         ("1", None, D(2025, 3, 1), 300.0), ("3", None, D(2025, 5, 1), 400.0),
                         ("1", None, D(2025, 7, 1), 500.0)]


def test_tables_side_by_side_are_each_read(input_dir):
    write_tables_side_by_side(input_dir / "Umsätze.xlsx")
    result = read_folder(input_dir)
    assert orders_of(result) == EXPECTED_SIDE_BY_SIDE
    assert [(s.part, s.kind, s.rows_read, s.rows) for s in result.sheets] == [
        ("Umsatz2024", "orders", 2, 2), ("Umsatz2025", "orders", 3, 3)]
    assert result.sheets[1].fields == (("customer_id", "E", "Kundennummer"), ("order_date", "F", "Datum"),
                                       ("amount", "G", "Betrag"))


@pytest.mark.parametrize("target", ["xlsx", "xls", "ods"])
def test_tables_side_by_side_after_libreoffice(tmp_path, input_dir, target):
    # LibreOffice keeps the layout but not always the Excel tables: the empty column D still parts them.
    source = write_tables_side_by_side(tmp_path / "Umsätze.xlsx")
    converted = convert(source, target, input_dir)
    result = read_folder(input_dir)
    assert [p.name for p in result.files] == [converted.name]
    assert orders_of(result) == EXPECTED_SIDE_BY_SIDE
    assert {s.kind for s in result.sheets} == {"orders"}


def test_a_returns_sheet_cancels_its_orders(input_dir):
    # Superstore's layout: Orders and Returns. CA-2 is returned: customer B has no order left but stays
    # an address; A keeps CA-1 and CA-3.
    write_workbook(input_dir / "Superstore.xlsx", {
        "Orders": [["Order ID", "Order Date", "Customer ID", "Customer Name", "Sales"],
                   ["CA-1", D(2016, 1, 2), "A", "Anna", 10], ["CA-2", D(2016, 1, 3), "B", "Ben", 20],
                   ["CA-3", D(2016, 2, 3), "A", "Anna", 30]],
        "Returns": [["Returned", "Order ID"], ["Yes", "CA-2"], ["No", "CA-3"]]})
    result = read_folder(input_dir)
    assert orders_of(result) == [("A", "CA-1", D(2016, 1, 2), 10.0), ("A", "CA-3", D(2016, 2, 3), 30.0)]
    assert result.tables.addresses.select("customer_id", "company").rows() == [("A", "Anna"), ("B", "Ben")]
    assert [(s.sheet, s.kind, s.rows) for s in result.sheets] == [("Orders", "orders", 3), ("Returns", "returns", 2)]


def test_an_order_list_without_order_date_is_reported_and_never_read_as_addresses(input_dir):
    write_workbook(input_dir / "Export.xlsx", {"Orders": [
        ["Order ID", "Ship Date", "Customer ID", "Customer Name", "Sales"], ["CA-1", "x", "A", "Anna", 10]]})
    result = read_folder(input_dir)
    assert result.tables.addresses.height == 0 and result.tables.orders.height == 0
    assert messages(result) == [
        "input/Export.xlsx, sheet 'Orders': looks like an order list (Order ID, Sales) but has no order date: "
        "which column holds it? add it under [columns.orders] in dashboard.toml, e.g. order_date = \"Ship Date\" "
        "— sheet skipped"]
    assert [(s.kind, s.looked_like) for s in result.sheets] == [(None, "orders")]


def test_a_sheet_whose_rows_are_all_rejected_names_the_cause(input_dir):
    write_workbook(input_dir / "Aufträge.xlsx", {"Aufträge": [
        ["Kundennummer", "Datum", "Betrag"], [1, D(2026, 1, 1), "n/a"], [2, D(2026, 1, 2), "offen"]]})
    result = read_folder(input_dir)
    assert messages(result)[-1] == (
        "input/Aufträge.xlsx, sheet 'Aufträge': none of the 2 data rows could be used: the amount in column C "
        "cannot be read in any row (such as 'n/a'); is it the right column? If not, name the right one under "
        "[columns.orders] in dashboard.toml — rows skipped")
    assert [p.rows for p in result.problems] == [1, 1, 2]


def test_csv_in_windows_1252_with_ragged_and_overlong_rows(input_dir):
    long_note = "x" * 131_073
    text = ("Kundennummer;Firma;Ort\r\n1;Bäcker Süß;Köln\r\n2;Zu viele;Felder;hier\r\n"
            f"3;\"{long_note}\";Ulm\r\n4;Ende;Bonn\r\n5;abgeschn")
    (input_dir / "adressen.csv").write_bytes(text.encode("cp1252"))
    result = read_folder(input_dir)
    assert result.tables.addresses.select("customer_id", "company", "city").rows() == [
        ("1", "Bäcker Süß", "Köln"), ("4", "Ende", "Bonn")]
    assert messages(result) == [
        "input/adressen.csv, row 3: has 4 fields where the header has 3; is a separator or a quote missing? "
        "— row skipped",
        "input/adressen.csv, row 4: a field is 131,073 characters long (more than 131,072); usually a closing "
        "quote is missing — row skipped",
        "input/adressen.csv, row 6: has 2 fields where the header has 3; is a separator or a quote missing? "
        "— row skipped"]


def test_problems_read_in_german_too(input_dir):
    write_workbook(input_dir / "Aufträge.xlsx", {"Aufträge": [
        ["Kundennummer", "Datum", "Betrag"], [None, D(2026, 1, 1), 5], [1, "gestern", 5]]})
    result = read_folder(input_dir)
    assert [p.text("de") for p in result.problems] == [
        "input/Aufträge.xlsx, Blatt 'Aufträge', Zelle A2: Kundennummer fehlt (Pflichtfeld) — Zeile übersprungen",
        "input/Aufträge.xlsx, Blatt 'Aufträge', Zelle B3: erwartet ein Datum wie 31.12.2025, gefunden 'gestern' "
        "— Zeile übersprungen",
        "input/Aufträge.xlsx, Blatt 'Aufträge': keine der 2 Datenzeilen ließ sich verwenden: jeder fehlt ein "
        "Pflichtwert (siehe die Zellen oben) — Zeilen übersprungen"]


def test_a_file_name_that_is_not_utf8_is_read_and_named_readably(input_dir):
    name = b"Auftr\xe4ge.csv"  # Windows-1252 bytes of "Aufträge.csv", as an old share may hand them over
    with open(os.path.join(os.fsencode(input_dir), name), "wb") as handle:
        handle.write(b"Kundennummer;Datum;Betrag\n1;02.01.2026;10\n")
    result = read_folder(input_dir)
    assert orders_of(result) == [("1", None, D(2026, 1, 2), 10.0)]
    assert messages(result)[0] == ("input/Auftr\ufffdge.csv: the file name is not valid UTF-8 and is shown as "
                                   "input/Auftr\ufffdge.csv; better rename the file — file read")
