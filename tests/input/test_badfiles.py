"""Each bad-file builder produces a file with exactly the trouble it promises."""
from __future__ import annotations

import io
import shutil
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import fastexcel
import msoffcrypto
import olefile
import openpyxl
import pytest
from support import badfiles


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(badfiles.SHEET_PART).decode("utf-8")


def read_as(path: Path, suffix: str, folder: Path) -> list[tuple]:
    """The first sheet's rows as fastexcel reads the file under another extension."""
    renamed = shutil.copy(path, folder / f"copy{suffix}")
    return fastexcel.read_excel(renamed).load_sheet(0).to_polars().rows()


DETERMINISTIC_BUILDERS = [
    badfiles.write_orders_xlsx,
    badfiles.write_text_as_xlsx,
    badfiles.write_csv_as_xlsx,
    badfiles.write_empty_xlsx,
    badfiles.write_truncated_xlsx,
    badfiles.write_corrupt_entry_xlsx,
    badfiles.write_zip_without_workbook,
    badfiles.write_ole2_workbook_as_xlsx,
    badfiles.write_ods_as_xlsx,
    badfiles.write_xml_bomb_xlsx,
    badfiles.write_external_entity_sheet_xlsx,
    badfiles.write_external_entity_shared_strings_xlsx,
    badfiles.write_formatting_to_xfd_xlsx,
    badfiles.write_formulas_without_values_xlsx,
    badfiles.write_error_cells_xlsx,
    badfiles.write_mixed_types_xlsx,
    badfiles.write_duplicate_headers_xlsx,
    badfiles.write_duplicate_ids_xlsx,
]


@pytest.mark.parametrize("builder", DETERMINISTIC_BUILDERS, ids=lambda builder: builder.__name__)
def test_builders_write_the_same_bytes_every_time(builder, tmp_path):
    first = builder(tmp_path / "first")
    second = builder(tmp_path / "second")
    assert first.parent == tmp_path / "first"
    assert first.read_bytes() == second.read_bytes()


def test_orders_workbook_is_valid(tmp_path):
    path = badfiles.write_orders_xlsx(tmp_path)
    sheet = openpyxl.load_workbook(path)["Aufträge"]
    assert [cell.value for cell in sheet[1]] == ["Kundennummer", "Auftragsdatum", "Betrag"]
    assert [cell.value for cell in sheet[4]] == [1003, datetime(2025, 1, 4), 125.0]
    assert read_as(path, ".xlsx", tmp_path)[0] == (1001, datetime(2025, 1, 2), 100.0)


def test_text_file_is_no_zip(tmp_path):
    path = badfiles.write_text_as_xlsx(tmp_path)
    assert path.suffix == ".xlsx"
    assert not zipfile.is_zipfile(path)
    assert path.read_text(encoding="utf-8").startswith("Bitte")


def test_csv_file_is_german_csv_text(tmp_path):
    path = badfiles.write_csv_as_xlsx(tmp_path)
    assert not zipfile.is_zipfile(path)
    lines = path.read_bytes().decode("cp1252").split("\r\n")
    assert lines[0] == "Kundennummer;Auftragsdatum;Betrag"
    assert lines[1] == "1001;02.01.2025;1.250,00 €"


def test_empty_file_has_no_bytes(tmp_path):
    assert badfiles.write_empty_xlsx(tmp_path).stat().st_size == 0


def test_truncated_workbook_lost_its_central_directory(tmp_path):
    path = badfiles.write_truncated_xlsx(tmp_path)
    full = badfiles.write_orders_xlsx(tmp_path, "voll.xlsx", row_count=50)
    assert path.read_bytes() == full.read_bytes()[: full.stat().st_size // 2]
    assert path.read_bytes().startswith(b"PK\x03\x04")
    assert not zipfile.is_zipfile(path)


def test_corrupt_entry_lists_fine_but_the_sheet_cannot_be_read(tmp_path):
    path = badfiles.write_corrupt_entry_xlsx(tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert badfiles.SHEET_PART in archive.namelist()
        assert b"Kundennummer" in archive.read(badfiles.SHARED_STRINGS_PART)
        with pytest.raises((zipfile.BadZipFile, zlib.error)):
            archive.read(badfiles.SHEET_PART)


def test_zip_without_workbook_holds_only_a_readme(tmp_path):
    with zipfile.ZipFile(badfiles.write_zip_without_workbook(tmp_path)) as archive:
        assert archive.namelist() == ["readme.txt"]
        assert archive.testzip() is None


def test_password_protected_workbook_is_an_encrypted_ole2_file(tmp_path):
    path = badfiles.write_password_protected_xlsx(tmp_path)
    assert path.read_bytes()[:8] == badfiles.OLE2_SIGNATURE
    assert not zipfile.is_zipfile(path)
    with olefile.OleFileIO(path) as container:
        assert container.exists("EncryptionInfo")
        assert container.exists("EncryptedPackage")
    with path.open("rb") as encrypted:
        office_file = msoffcrypto.OfficeFile(encrypted)
        assert office_file.is_encrypted()
        office_file.load_key(password="geheim")
        decrypted = io.BytesIO()
        office_file.decrypt(decrypted)
    sheet = openpyxl.load_workbook(decrypted)["Aufträge"]
    assert (sheet["A2"].value, sheet["C201"].value) == (1001, 2587.5)


def test_minimal_ole2_file_has_a_biff8_workbook_stream(tmp_path):
    path = badfiles.write_ole2_workbook_as_xlsx(tmp_path)
    assert path.read_bytes()[:8] == badfiles.OLE2_SIGNATURE
    with olefile.OleFileIO(path) as container:
        assert container.listdir() == [["Workbook"]]
        assert container.openstream("Workbook").read(4) == bytes.fromhex("09081000")


def test_xls_renamed_is_a_real_excel_97_workbook(tmp_path):
    path = badfiles.write_xls_as_xlsx(tmp_path)
    assert path.name == "alt.xlsx"
    with olefile.OleFileIO(path) as container:
        assert container.exists("Workbook")
    assert read_as(path, ".xls", tmp_path) == [
        (1001, datetime(2025, 1, 2), 100.0),
        (1002, datetime(2025, 1, 3), 112.5),
        (1003, datetime(2025, 1, 4), 125.0),
    ]


def test_ods_renamed_is_a_real_opendocument_spreadsheet(tmp_path):
    path = badfiles.write_ods_as_xlsx(tmp_path)
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype").decode("ascii") == badfiles.ODS_MIMETYPE
    assert path.read_bytes()[30:38] == b"mimetype"
    rows = read_as(path, ".ods", tmp_path)
    assert [row[0] for row in rows] == [1001, 1002, 1003]
    assert rows[2][2] == 125.0


def test_xml_bomb_declares_nested_entities_in_the_sheet(tmp_path):
    path = badfiles.write_xml_bomb_xlsx(tmp_path)
    xml = sheet_xml(path)
    assert xml.index("<!DOCTYPE worksheet [") < xml.index("<worksheet")
    assert '<!ENTITY lol9 "' + "&lol8;" * 10 + '">' in xml
    assert '<c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c>' in xml
    assert path.stat().st_size < 10_000


def test_external_entity_in_the_sheet(tmp_path):
    path = badfiles.write_external_entity_sheet_xlsx(tmp_path)
    xml = sheet_xml(path)
    assert '<!ENTITY xxe SYSTEM "file:///etc/passwd">' in xml
    assert '<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c>' in xml


def test_external_entity_in_the_shared_strings(tmp_path):
    secret = tmp_path / "geheim.txt"
    path = badfiles.write_external_entity_shared_strings_xlsx(tmp_path, target=secret.as_uri())
    with zipfile.ZipFile(path) as archive:
        strings = archive.read(badfiles.SHARED_STRINGS_PART).decode("utf-8")
    assert f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">' in strings
    assert "<si><t>Firma</t></si><si><t>&xxe;</t></si><si><t>Schmidt KG</t></si>" in strings
    assert '<c r="B2" t="s"><v>2</v></c>' in sheet_xml(path)


def test_zip_bomb_is_small_but_inflates_beyond_2_gib(tmp_path):
    path = badfiles.write_zip_bomb_xlsx(tmp_path)
    assert path.stat().st_size < 5_000_000
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(badfiles.SHEET_PART)
        assert info.file_size >= 2**31
        with archive.open(info) as sheet:
            start = sheet.read(1 << 20)
    assert start.startswith(b"<?xml")
    assert b"<c r=\"C4\"><v>125.0</v></c>" in start
    assert start.endswith(b" " * 1000)


def test_zip_bomb_stream_is_valid_and_the_crc_honest(tmp_path):
    """The same construction with 4 MiB of filler reads completely, CRC checked."""
    path = badfiles.write_zip_bomb_xlsx(tmp_path, filler_size=4 << 20)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.getinfo(badfiles.SHEET_PART).file_size > 4 << 20
    sheet = openpyxl.load_workbook(path, read_only=True)["Aufträge"]
    last_rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert last_rows == [(1003, datetime(2025, 1, 4), 125.0)]


def test_formatting_reaches_xfd1048576(tmp_path):
    path = badfiles.write_formatting_to_xfd_xlsx(tmp_path)
    xml = sheet_xml(path)
    assert '<dimension ref="A1:XFD1048576"/>' in xml
    assert '<row r="1048576"><c r="XFD1048576" s="2"/></row>' in xml
    sheet = openpyxl.load_workbook(path)["Aufträge"]
    assert (sheet.max_row, sheet.max_column) == (1048576, 16384)
    assert sheet["XFD1048576"].value is None
    assert sheet["XFD1048576"].fill.fgColor.rgb == "FFFFFF00"
    assert sheet["C4"].value == 125.0


def test_formulas_have_no_cached_values(tmp_path):
    path = badfiles.write_formulas_without_values_xlsx(tmp_path)
    formulas = openpyxl.load_workbook(path)["Aufträge"]
    assert [formulas[f"E{row}"].value for row in (2, 3, 4)] == ["=C2*D2", "=C3*D3", "=C4*D4"]
    cached = openpyxl.load_workbook(path, data_only=True)["Aufträge"]
    assert [cached[f"E{row}"].value for row in (2, 3, 4)] == [None, None, None]
    assert [row[4] for row in read_as(path, ".xlsx", tmp_path)] == [None, None, None]


def test_error_cells_in_date_and_amount_columns(tmp_path):
    path = badfiles.write_error_cells_xlsx(tmp_path)
    sheet = openpyxl.load_workbook(path, data_only=True)["Aufträge"]
    assert (sheet["B3"].data_type, sheet["B3"].value) == ("e", "#N/A")
    assert (sheet["C4"].data_type, sheet["C4"].value) == ("e", "#DIV/0!")
    assert [cell.value for cell in sheet[5]] == [1004, datetime(2025, 1, 5), 137.5]
    assert '<c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c>' in sheet_xml(path)


def test_mixed_types_after_150_numeric_ids(tmp_path):
    sheet = openpyxl.load_workbook(badfiles.write_mixed_types_xlsx(tmp_path))["Aufträge"]
    assert all(isinstance(sheet.cell(row, 1).value, int) for row in range(2, 152))
    assert [cell.value for cell in sheet[152]] == ["K-151", datetime(2025, 6, 1), 1975.0]
    assert [cell.value for cell in sheet[153]] == [1012, datetime(2025, 6, 2), "1.234,56 €"]
    assert sheet.max_row == 153


def test_duplicate_header_names(tmp_path):
    sheet = openpyxl.load_workbook(badfiles.write_duplicate_headers_xlsx(tmp_path))["Aufträge"]
    assert [cell.value for cell in sheet[1]] == ["Kundennummer", "Datum", "Betrag", "Datum"]
    assert (sheet["B2"].value, sheet["D2"].value) == (datetime(2025, 1, 2), datetime(2025, 1, 16))


def test_duplicate_customer_ids_in_the_address_list(tmp_path):
    sheet = openpyxl.load_workbook(badfiles.write_duplicate_ids_xlsx(tmp_path))["Adressen"]
    assert [cell.value for cell in sheet[1]] == ["Kundennummer", "Firma"]
    assert [(row[0].value, row[1].value) for row in sheet.iter_rows(min_row=2)] == [
        (1001, "Müller GmbH"),
        (1002, "Schmidt KG"),
        (1001, "Meyer AG"),
    ]


def test_libreoffice_resave_keeps_the_cells(tmp_path):
    source = badfiles.write_libreoffice_source_xlsx(tmp_path)
    before = source.read_bytes()
    resaved = badfiles.resave_with_libreoffice(source, tmp_path)
    assert resaved == tmp_path / "quelle-libreoffice.xlsx"
    assert source.read_bytes() == before
    with zipfile.ZipFile(resaved) as archive:
        assert b"LibreOffice" in archive.read("docProps/app.xml")
    workbook = openpyxl.load_workbook(resaved)
    addresses, orders = workbook["Adressen"], workbook["Aufträge"]
    assert [cell.value for cell in addresses[2]] == [
        1001, "Müller GmbH", "01067", datetime(2024, 5, 2)
    ]
    assert [cell.value for cell in addresses[3]] == [1002, "Schmidt KG", "04109", "15.01.2025"]
    assert [cell.value for cell in orders[2]] == [1001, datetime(2025, 3, 3), 1250]
    assert [cell.value for cell in orders[3]] == [1002, "10.03.2025", 480.5]
    assert [cell.value for cell in orders[4]] == [1001, "2025-04-07", "1.234,56 €"]


def test_libreoffice_failure_is_reported(tmp_path):
    """A source LibreOffice cannot load yields an error, not a missing file later."""
    with pytest.raises(RuntimeError, match="did not convert"):
        badfiles.resave_with_libreoffice(tmp_path / "fehlt.xlsx", tmp_path)


def test_libreoffice_resaved_builder_writes_only_the_resaved_file(tmp_path):
    path = badfiles.write_libreoffice_resaved_xlsx(tmp_path)
    assert list(tmp_path.iterdir()) == [tmp_path / "libreoffice.xlsx"] == [path]
    assert openpyxl.load_workbook(path)["Adressen"]["C2"].value == "01067"
