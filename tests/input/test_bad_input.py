"""Every kind of bad file gives one clear problem naming it; the other workbooks are still read."""
import pytest
from support import badfiles
from support.workbooks import messages, read_folder

GOOD_FILE_WARNING = ("input/auftraege.xlsx: 3 customer IDs in orders (1001, 1002, 1003): there is no address list "
                     "— counted as addresses all the same")

REFUSED = [
    (badfiles.write_text_as_xlsx, "input/notiz.xlsx: is not an Excel workbook but a text file with an .xlsx name; "
     "save it from Excel as .xlsx, or rename it to .csv if it is a CSV export — file skipped"),
    (badfiles.write_csv_as_xlsx, "input/export.xlsx: is not an Excel workbook but a text file with an .xlsx name; "
     "save it from Excel as .xlsx, or rename it to .csv if it is a CSV export — file skipped"),
    (badfiles.write_empty_xlsx, "input/leer.xlsx: is empty (0 bytes); it was probably not saved completely — "
     "save it again — file skipped"),
    (badfiles.write_truncated_xlsx, "input/abgeschnitten.xlsx: is damaged (not a complete workbook; perhaps cut off "
     "while copying); save it again from Excel — file skipped"),
    (badfiles.write_corrupt_entry_xlsx, "input/beschaedigt.xlsx: is damaged (xl/worksheets/sheet1.xml: Error -3 "
     "while decompressing data: invalid distance too far back); save it again from Excel — file skipped"),
    (badfiles.write_zip_without_workbook, "input/archiv.xlsx: is a zip archive but no Excel workbook (it has no "
     "xl/workbook.xml) — file skipped"),
    (badfiles.write_password_protected_xlsx, "input/geschuetzt.xlsx: is protected with a password; save it without "
     "password (File › Info › Protect Workbook) — file skipped"),
    (badfiles.write_xls_as_xlsx, "input/alt.xlsx: is an old Excel 97–2003 workbook (.xls) with an .xlsx name; open "
     "it in Excel and save it as .xlsx — file skipped"),
    (badfiles.write_ods_as_xlsx, "input/calc.xlsx: is an OpenDocument spreadsheet (.ods) with an .xlsx name; save it "
     "as Excel workbook (.xlsx) — file skipped"),
    (badfiles.write_xml_bomb_xlsx, "input/xml_bombe.xlsx: part xl/worksheets/sheet1.xml declares XML entities, which "
     "Excel never writes; refused for safety — save the workbook again from Excel — file skipped"),
    (badfiles.write_external_entity_sheet_xlsx, "input/xxe_tabelle.xlsx: part xl/worksheets/sheet1.xml declares XML "
     "entities, which Excel never writes; refused for safety — save the workbook again from Excel — file skipped"),
    (badfiles.write_external_entity_shared_strings_xlsx, "input/xxe_texte.xlsx: part xl/sharedStrings.xml declares "
     "XML entities, which Excel never writes; refused for safety — save the workbook again from Excel — file skipped"),
    (badfiles.write_zip_bomb_xlsx, "input/zip_bombe.xlsx: part xl/worksheets/sheet1.xml would expand to 2.0 GiB "
     "from 2.0 MiB; refused as a zip bomb — file skipped"),
]


@pytest.mark.parametrize("build,message", REFUSED, ids=[build.__name__ for build, _ in REFUSED])
def test_a_refused_file_gives_one_error_and_the_good_workbook_is_still_read(input_dir, build, message):
    badfiles.write_orders_xlsx(input_dir)
    build(input_dir)
    result = read_folder(input_dir)
    assert messages(result) == [message, GOOD_FILE_WARNING]
    assert result.tables.orders.select("customer_id", "amount").rows() == [
        ("1001", 100.0), ("1002", 112.5), ("1003", 125.0)]


def test_formatting_reaching_the_last_cell_reads_only_the_data(input_dir):
    badfiles.write_formatting_to_xfd_xlsx(input_dir)
    result = read_folder(input_dir)
    assert result.tables.orders.select("customer_id", "amount").rows() == [
        ("1001", 100.0), ("1002", 112.5), ("1003", 125.0)]


def test_formulas_without_saved_results_are_named_with_their_formula(input_dir):
    badfiles.write_formulas_without_values_xlsx(input_dir)
    result = read_folder(input_dir)
    assert messages(result) == [
        f"input/formeln.xlsx, sheet 'Aufträge', cell E{row}: holds a formula without a saved result (=C{row}*D{row}); "
        "open the workbook in Excel and save it (required amount) — row skipped" for row in (2, 3, 4)] + [
        "input/formeln.xlsx, sheet 'Aufträge': none of the 3 data rows could be used: the amount in column E holds "
        "formulas without a saved result (such as E2: =C2*D2); open the workbook in Excel and save it "
        "— rows skipped"]
    assert result.tables.orders.height == 0


def test_error_cells_are_named_with_their_error(input_dir):
    badfiles.write_error_cells_xlsx(input_dir)
    result = read_folder(input_dir)
    assert messages(result)[:2] == [
        "input/fehlerwerte.xlsx, sheet 'Aufträge', cell B3: holds the Excel error #N/A (required order date) "
        "— row skipped",
        "input/fehlerwerte.xlsx, sheet 'Aufträge', cell C4: holds the Excel error #DIV/0! (required amount) "
        "— row skipped",
    ]
    assert result.tables.orders["customer_id"].to_list() == ["1001", "1004"]


def test_a_text_id_and_text_amount_after_150_numbers_are_read(input_dir):
    badfiles.write_mixed_types_xlsx(input_dir)
    orders = read_folder(input_dir).tables.orders
    assert orders.height == 152
    assert orders.filter(orders["customer_id"] == "K-151")["amount"].to_list() == [1975.0]
    assert 1234.56 in orders["amount"].to_list()


def test_duplicate_header_names_keep_the_first_column(input_dir):
    badfiles.write_duplicate_headers_xlsx(input_dir)
    result = read_folder(input_dir)
    assert messages(result)[0] == ("input/doppelte_spalten.xlsx, sheet 'Aufträge', cell D1: repeats the header of "
                                   "the order date (already column B) — column ignored")
    assert [str(d) for d in result.tables.orders["order_date"].head(1)] == ["2025-01-02"]


def test_duplicate_customer_ids_keep_the_first(input_dir):
    badfiles.write_duplicate_ids_xlsx(input_dir)
    result = read_folder(input_dir)
    assert messages(result) == [
        "input/doppelte_kunden.xlsx, sheet 'Adressen', cell A4: customer ID 1001 appears again (first at cell A2) "
        "— row skipped, the first one kept"]
    assert result.tables.addresses.select("customer_id", "company").rows() == [
        ("1001", "Müller GmbH"), ("1002", "Schmidt KG")]


def test_a_workbook_resaved_by_libreoffice_reads_the_same(input_dir, tmp_path):
    source = badfiles.write_libreoffice_source_xlsx(tmp_path / "source")
    badfiles.resave_with_libreoffice(source, input_dir)
    original = read_folder(source.parent).tables
    resaved = read_folder(input_dir).tables
    assert resaved.addresses.rows() == original.addresses.rows()
    assert resaved.orders.rows() == original.orders.rows()
    assert resaved.addresses["postcode"].to_list() == ["01067", "04109"]
    assert resaved.orders.select("customer_id", "amount").rows() == [
        ("1001", 1250.0), ("1002", 480.5), ("1001", 1234.56)]
