"""Reading whole folders of workbooks into typed tables."""
import datetime as dt

import openpyxl
import polars as pl
from openpyxl.worksheet.table import Table
from support.workbooks import messages, read_folder, write_workbook

D = dt.date


def test_orders_with_title_rows_line_items_cancellations_and_text_values(input_dir):
    write_workbook(input_dir / "Aufträge 2025.xlsx", {"Aufträge": [
        ["Auftragsliste 2025"],
        [],
        ["Auftragsnummer", "Auftragsdatum", "Kd.-Nr.", "Kunde", "Produkt", "Betrag netto", "Status"],
        ["A-1", D(2025, 3, 4), 1001, "Müller GmbH", "Regal", 100, "geliefert"],
        ["A-1", D(2025, 3, 2), 1001, "Müller GmbH", "Schrank", "1.234,56 €", "geliefert"],
        [],
        ["A-2", "31.12.2025", "1002.0", "Schmidt KG", "Regal", 50, "storniert"],
        ["A-3", "5.6.25", " 1002 ", "Schmidt KG", "Tisch", -20, "Gutschrift"],
        [None, None, None, None, None, None, None],
    ]})
    result = read_folder(input_dir)
    assert messages(result) == [
        "input/Aufträge 2025.xlsx: 2 customer IDs in orders (1001, 1002): there is no address list — "
        "counted as addresses all the same"]
    assert result.tables.orders.select("customer_id", "order_id", "order_date", "amount").rows() == [
        ("1001", "A-1", D(2025, 3, 2), 1334.56),
        ("1002", "A-3", D(2025, 6, 5), -20.0),
    ]
    assert result.tables.addresses.select("customer_id", "company", "listed").rows() == [
        ("1001", "Müller GmbH", False), ("1002", "Schmidt KG", False)]


def test_without_order_id_each_row_is_one_order(input_dir):
    write_workbook(input_dir / "orders.xlsx", {"Sheet1": [
        ["Customer ID", "Order Date", "Amount"],
        [7, D(2026, 1, 5), 10], [7, D(2026, 1, 5), 10],
    ]})
    assert read_folder(input_dir).tables.orders["amount"].to_list() == [10.0, 10.0]


def test_line_items_of_one_order_in_two_workbooks_make_one_order(input_dir):
    # A-9 of customer 1 has items in both workbooks; A-9 of customer 2 is another order; the
    # cancelled item of A-9 in the second workbook does not count.
    header = ["Auftragsnummer", "Auftragsdatum", "Kd.-Nr.", "Kunde", "Betrag netto", "Status", "Betreuer"]
    write_workbook(input_dir / "Aufträge 2025.xlsx", {"Aufträge": [
        header,
        ["A-9", D(2025, 12, 30), 1, None, 100, None, None],
        ["A-8", D(2025, 12, 1), 1, "Alpha", 5, None, "Anna"],
    ]})
    write_workbook(input_dir / "Aufträge 2026.xlsx", {"Aufträge": [
        header,
        ["A-9", D(2026, 1, 2), 2, "Beta", 7, None, "Tim"],
        ["A-9", D(2026, 1, 3), 1, "Alpha", 40, None, "Eva"],
        ["A-9", D(2025, 12, 1), 1, "Alpha", 1000, "storniert", "Tim"],
    ]})
    orders = read_folder(input_dir).tables.orders
    assert orders.select("customer_id", "order_id", "order_date", "amount", "owner", "customer_name").rows() == [
        ("1", "A-9", D(2025, 12, 30), 140.0, "Eva", "Alpha"),
        ("1", "A-8", D(2025, 12, 1), 5.0, "Anna", "Alpha"),
        ("2", "A-9", D(2026, 1, 2), 7.0, "Tim", "Beta"),
    ]


def test_sheets_of_one_kind_are_concatenated_across_workbooks(input_dir):
    for year in (2025, 2026):
        write_workbook(input_dir / f"Aufträge {year}.xlsx", {"Aufträge": [
            ["Kundennummer", "Datum", "Umsatz"], [1, D(year, 2, 1), year]]})
    orders = read_folder(input_dir).tables.orders
    assert orders.select("order_date", "amount").rows() == [(D(2025, 2, 1), 2025.0), (D(2026, 2, 1), 2026.0)]


def test_address_list_keeps_leading_zeros_and_reads_every_column(input_dir):
    write_workbook(input_dir / "Adressen.xlsx", {"Adressen": [
        ["Kundennummer", "Firma", "Ansprechpartner", "E-Mail", "Telefon", "PLZ", "Ort", "Bundesland",
         "Betreuer", "Quelle", "Angelegt am", "Interessent seit", "Wiedervorlage"],
        [10001, "Holzbau Süd", "Eva Roth", "eva@holzbau.de", "0351 1234", "01067", "Dresden", "Sachsen",
         "Anna Becker", "Messe", D(2024, 1, 2), "03.02.2025", D(2026, 12, 1)],
    ]})
    addresses = read_folder(input_dir).tables.addresses
    assert addresses.row(0) == ("10001", "Holzbau Süd", "Eva Roth", "eva@holzbau.de", "0351 1234", "01067",
                                "Dresden", "Sachsen", "Anna Becker", "Messe", D(2024, 1, 2), D(2025, 2, 3),
                                D(2026, 12, 1), True)


def test_an_excel_table_object_with_blank_lines_and_an_offset_start(input_dir):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Kontakte"
    rows = [["Kd.-Nr.", "Datum", "Kontaktart", "Wiedervorlage"],
            [5, D(2026, 11, 2), "Angebot", D(2026, 11, 9)],
            [None, None, None, None],
            [5, D(2026, 11, 3), "Nachfassen", None]]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=3):
            sheet.cell(r, c, value)
    sheet.add_table(Table(displayName="Kontakte", ref="C3:F6"))
    workbook.save(input_dir / "Kontakte.xlsx")
    activities = read_folder(input_dir).tables.activities
    assert activities.select("customer_id", "date", "stage", "next_follow_up", "seq").rows() == [
        ("5", D(2026, 11, 2), "offer", D(2026, 11, 9), 0), ("5", D(2026, 11, 3), "chase", None, 1)]


def test_campaign_named_after_its_workbook_and_responses_read(input_dir):
    write_workbook(input_dir / "Mailing Frühjahr.xlsx", {"Versand": [
        ["Kundennummer", "Versanddatum", "Reaktion"],
        [1, D(2026, 3, 16), "ja"], [2, D(2026, 3, 16), None], [3, D(2026, 3, 16), D(2026, 3, 20)],
    ]})
    campaigns = read_folder(input_dir).tables.campaigns
    assert campaigns.rows() == [
        ("Mailing Frühjahr", "1", D(2026, 3, 16), True, D(2026, 3, 16)),
        ("Mailing Frühjahr", "2", D(2026, 3, 16), False, None),
        ("Mailing Frühjahr", "3", D(2026, 3, 16), True, D(2026, 3, 20)),
    ]


def test_bad_cells_are_reported_with_their_address_and_the_rest_is_read(input_dir):
    write_workbook(input_dir / "Aufträge.xlsx", {"Aufträge": [
        ["Kundennummer", "Datum", "Betrag", "Auftragsnummer"],
        [1, D(2026, 1, 2), "n/a", "A1"],
        [2, "gestern", 5, "A2"],
        [None, D(2026, 1, 2), 5, "A3"],
        [4, D(2099, 1, 2), 5, "A4"],
        [5, D(2026, 1, 3), 7, "A5"],
    ]})
    result = read_folder(input_dir)
    assert messages(result)[:4] == [
        "input/Aufträge.xlsx, sheet 'Aufträge', cell A4: missing the customer ID (required customer ID) — row skipped",
        "input/Aufträge.xlsx, sheet 'Aufträge', cell B3: expected a date such as 31.12.2025, found 'gestern' "
        "— row skipped",
        "input/Aufträge.xlsx, sheet 'Aufträge', cell C2: expected an amount such as 1.234,56, found 'n/a' "
        "— row skipped",
        "input/Aufträge.xlsx, sheet 'Aufträge', cell B5: date 2099-01-02 is more than a year after today; "
        "probably a typo — kept as it is",
    ]
    assert result.tables.orders["order_id"].to_list() == ["A4", "A5"]


def test_duplicate_customer_ids_first_wins(input_dir):
    write_workbook(input_dir / "Adressen.xlsx", {"Adressen": [
        ["Kundennummer", "Firma"], [1001, "Erste GmbH"], ["1001", "Zweite GmbH"], [1002, "Dritte AG"]]})
    result = read_folder(input_dir)
    assert messages(result) == [
        "input/Adressen.xlsx, sheet 'Adressen', cell A3: customer ID 1001 appears again (first at cell A2) "
        "— row skipped, the first one kept"]
    assert result.tables.addresses.select("customer_id", "company").rows() == [
        ("1001", "Erste GmbH"), ("1002", "Dritte AG")]


def test_ids_missing_from_the_address_list_are_added_once_per_table(input_dir):
    write_workbook(input_dir / "Adressen.xlsx", {"Adressen": [["Kundennummer", "Firma"], [1, "A"]]})
    write_workbook(input_dir / "Kontakte.xlsx", {"Kontakte": [
        ["Kundennummer", "Datum", "Art", "Betreuer"], [1, D(2026, 1, 1), "Anruf", "Tim"],
        [9, D(2026, 1, 1), "Anruf", "Tim"], [9, D(2026, 1, 2), "Anruf", "Lena"]]})
    result = read_folder(input_dir)
    assert messages(result) == [
        "input/Kontakte.xlsx: 1 customer ID in activities (9): it is not in the address list "
        "— counted as an address all the same"]
    assert result.tables.addresses.select("customer_id", "owner", "listed").rows() == [
        ("1", None, True), ("9", "Lena", False)]


def test_unknown_activity_types_are_reported_once_each(input_dir):
    write_workbook(input_dir / "Kontakte.xlsx", {"Kontakte": [
        ["Kundennummer", "Datum", "Kontaktart"], [1, D(2026, 1, 1), "Messe"], [1, D(2026, 1, 2), "Messe"],
        [1, D(2026, 1, 3), "Anruf"]]})
    result = read_folder(input_dir)
    assert [str(p) for p in result.problems if p.message == "type.unknown"] == [
        "input/Kontakte.xlsx, sheet 'Kontakte', cell C2: unknown activity type \"Messe\" (2 rows); if it is a "
        "sales stage, add it in dashboard.toml, e.g. [aliases.activity_types] meeting = [\"Messe\"] "
        "— counted as 'other'"]
    assert [p.text("de") for p in result.problems if p.message == "type.unknown"] == [
        "input/Kontakte.xlsx, Blatt 'Kontakte', Zelle C2: unbekannte Kontaktart \"Messe\" (2 Zeilen); ist sie eine "
        "Vertriebsstufe, in dashboard.toml eintragen, z. B. [aliases.activity_types] meeting = [\"Messe\"] "
        "— als 'sonstige' gezählt"]
    assert result.tables.activities["stage"].to_list() == ["other", "other", "first_contact"]


def test_unrecognised_sheets_and_lock_hidden_temporary_files(input_dir):
    write_workbook(input_dir / "Adressen.xlsx", {"Adressen": [["Kundennummer", "Firma"], [1, "A"]],
                                                 "Notizen": [["Bitte anrufen"], ["Kundennummer", "Notiz"]]})
    (input_dir / "~$Adressen.xlsx").write_bytes(b"lock")
    (input_dir / ".hidden.xlsx").write_bytes(b"x")
    (input_dir / "notes.txt").write_text("x")
    result = read_folder(input_dir)
    assert [path.name for path in result.files] == ["Adressen.xlsx"]
    assert messages(result) == [
        "input/Adressen.xlsx, sheet 'Notizen': looks like a contact log (Notiz) but has no date, activity type: "
        "which column holds it? add it under [columns.activities] in dashboard.toml, e.g. date = \"…\" "
        "— sheet skipped"]


def test_csv_files_with_semicolons_are_read(input_dir):
    (input_dir / "export.csv").write_text(
        "Kundennummer;Firma;PLZ\n1001;\"Meier; Söhne\";01067\n\n1002;Roth;\n", encoding="utf-8-sig")
    addresses = read_folder(input_dir).tables.addresses
    assert addresses.select("customer_id", "company", "postcode").rows() == [
        ("1001", "Meier; Söhne", "01067"), ("1002", "Roth", None)]


def test_pinned_date_format_and_extra_alias_from_config(input_dir):
    write_workbook(input_dir / "orders.xlsx", {"Orders": [
        ["Kundennummer", "Rechnung vom", "Summe"], [1, "12/31/2025", 5]]})
    result = read_folder(input_dir, date_format="%m/%d/%Y", aliases={"orders": {"amount": ["Summe"]}},
                         columns={"orders": {"order_date": "Rechnung vom"}})
    assert result.tables.orders.select("order_date", "amount").rows() == [(D(2025, 12, 31), 5.0)]


def test_every_frame_has_the_schema_columns_and_types(input_dir):
    write_workbook(input_dir / "a.xlsx", {"A": [["Kundennummer", "Firma"], [1, "A"]]})
    tables = read_folder(input_dir).tables
    from salesboard.model import SCHEMAS
    for kind, schema in SCHEMAS.items():
        if kind != "offers":  # no list of offers: no table
            assert dict(getattr(tables, kind).schema) == schema, kind
    assert tables.offers is None


def test_text_after_many_numbers_in_a_column_is_kept(input_dir):
    rows = [["Kundennummer", "Datum", "Betrag"]] + [[i, D(2026, 1, 1), i] for i in range(1, 151)]
    rows.append(["K-151", D(2026, 1, 1), "1.234,56 €"])
    write_workbook(input_dir / "o.xlsx", {"O": rows})
    orders = read_folder(input_dir).tables.orders
    assert orders.height == 151
    assert orders.filter(pl.col("customer_id") == "K-151")["amount"].to_list() == [1234.56]


def test_a_workbook_deleted_while_the_folder_is_read_gives_a_message(input_dir, monkeypatch):
    import salesboard.input.usable

    write_workbook(input_dir / "a.xlsx", {"A": [["Kundennummer", "Firma"], [1, "A"]]})
    write_workbook(input_dir / "b.xlsx", {"B": [["Kundennummer", "Firma"], [2, "B"]]})
    listed = salesboard.input.usable.discover_workbooks(input_dir)
    (input_dir / "b.xlsx").unlink()  # gone between listing and reading, as on a busy share
    monkeypatch.setattr(salesboard.input.usable, "discover_workbooks", lambda folder: listed)
    result = read_folder(input_dir)
    assert [p.describe().split(" (")[0] for p in result.problems] == ["cannot be opened"]
    assert result.tables.addresses["customer_id"].to_list() == ["1"]


def test_extra_activity_types_from_the_settings_map_to_their_stage(input_dir):
    write_workbook(input_dir / "Kontakte.xlsx", {"Kontakte": [
        ["Kundennummer", "Datum", "Kontaktart"], [1, D(2026, 1, 1), "Messegespräch"]]})
    result = read_folder(input_dir, aliases={"activity_types": {"meeting": ["Messegespraech"]}})
    assert result.tables.activities["stage"].to_list() == ["meeting"]
    assert not [p for p in result.problems if p.message == "type.unknown"]
