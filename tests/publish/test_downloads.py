import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from salesboard.model import Column
from salesboard.publish.downloads import write_csv, write_downloads, write_xlsx

COLUMNS = [
    Column("company", "Firma", "text"),
    Column("due", "Fällig am", "date"),
    Column("revenue", "Umsatz", "money"),
    Column("orders", "Aufträge", "int"),
    Column("rate", "Quote", "number"),
]
BOM = b"\xef\xbb\xbf"


def table(**columns) -> pl.DataFrame:
    defaults = {"company": None, "due": None, "revenue": None, "orders": None, "rate": None}
    rows = len(next(iter(columns.values())))
    return pl.DataFrame({name: columns.get(name, [value] * rows) for name, value in defaults.items()},
                        schema={"company": pl.String, "due": pl.Date, "revenue": pl.Float64,
                                "orders": pl.Int64, "rate": pl.Float64})


def read_sheet(path):
    return openpyxl.load_workbook(path).active


def test_xlsx_has_typed_cells_formats_a_frozen_bold_header_and_an_autofilter(tmp_path):
    frame = table(
        company=["Müller GmbH", '=HYPERLINK("http://x","y")', "+49 351 1234", None],
        due=[dt.date(2026, 11, 27), dt.date(2026, 1, 2), None, dt.date(2025, 12, 31)],
        revenue=[1234.5, -99.999, None, 0.1 + 0.2],
        orders=[3, 0, None, 12],
        rate=[0.125, 3.0, float("nan"), 1e-7],
    )
    write_xlsx(frame, COLUMNS, tmp_path / "out.xlsx", "Wiedervorlagen")

    sheet = read_sheet(tmp_path / "out.xlsx")
    assert sheet.title == "Wiedervorlagen"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Firma", "Fällig am", "Umsatz", "Aufträge", "Quote"],
        ["Müller GmbH", dt.datetime(2026, 11, 27), 1234.5, 3, 0.125],
        ['=HYPERLINK("http://x","y")', dt.datetime(2026, 1, 2), -100, 0, 3],
        ["+49 351 1234", None, None, None, None],
        [None, dt.datetime(2025, 12, 31), 0.3, 12, 1e-7],
    ]
    assert all(cell.font.b for cell in sheet[1])
    assert [cell.number_format for cell in sheet[2]] == ["General", "dd.mm.yyyy", "#,##0.00 €", "0", "General"]
    assert [type(cell.value) for cell in sheet[2]] == [str, dt.datetime, float, int, float]
    assert sheet["A3"].data_type == "s" and sheet["A4"].data_type == "s"
    assert not [cell.coordinate for row in sheet.iter_rows() for cell in row
                if cell.data_type == "f" or cell.hyperlink is not None]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E5"


def test_xlsx_column_widths_follow_the_longest_header_or_value_up_to_a_cap(tmp_path):
    frame = table(company=["x" * 200], orders=[1], revenue=[1_234_567.5])
    write_xlsx(frame, COLUMNS, tmp_path / "out.xlsx", "Daten")

    dimensions = read_sheet(tmp_path / "out.xlsx").column_dimensions
    widths = {letter: dimension.width for letter, dimension in dimensions.items()}
    assert 50 <= widths["A"] < 51  # a long note is capped
    assert widths["D"] > len("Aufträge") + 2  # the header and its filter button fit
    assert widths["C"] > len("1.234.567,50 €")
    assert widths["B"] > len("27.11.2026")


def test_csv_is_what_german_excel_expects_and_defuses_formula_like_text(tmp_path):
    frame = table(
        company=["Müller GmbH", '=HYPERLINK("http://x","y")', "+49 351 1234", "-5", "@SUM(A1)",
                 "\tTab", "\rReturn", 'Meier; "Sohn"', "a-b=c", None],
        due=[dt.date(2026, 11, 27), None, None, None, None, None, None, None, None, dt.date(2025, 1, 2)],
        revenue=[1234.5, -0.5, 1_000_000.0, 2.675, None, None, None, None, None, 0.1 + 0.2],
        orders=[3, None, None, None, None, None, None, None, None, 12],
        rate=[0.125, 3.0, None, None, None, None, None, None, None, 1e-7],
    )
    write_csv(frame, COLUMNS, tmp_path / "out.csv")

    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(BOM)
    assert data[len(BOM):].decode("utf-8") == "\r\n".join([
        "Firma;Fällig am;Umsatz;Aufträge;Quote",
        '"Müller GmbH";27.11.2026;1234,50;3;0,125',
        '"\'=HYPERLINK(""http://x"",""y"")";;-0,50;;3',
        "\"'+49 351 1234\";;1000000,00;;",
        "\"'-5\";;2,68;;",
        "\"'@SUM(A1)\";;;;",
        "\"'\tTab\";;;;",
        "\"'\rReturn\";;;;",
        '"Meier; ""Sohn""";;;;',
        '"a-b=c";;;;',
        ";02.01.2025;0,30;12;0,0000001",
    ]) + "\r\n"


@pytest.mark.parametrize("separator", [",", ";"])
def test_csv_text_stays_one_inert_field_whichever_separator_the_reader_uses(tmp_path, separator):
    hostile = ["x,=cmd|' /C calc'!A0", "x;=cmd|' /C calc'!A0", "a, +49 351", 'q",=1+1', "Müller, Anna"]
    write_csv(table(company=hostile, orders=[1] * len(hostile)), COLUMNS, tmp_path / "out.csv")

    text = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    fields = [field for row in rows[1:] for field in row]
    assert not [field for field in fields if field.lstrip(" ").startswith(("=", "+", "-", "@"))]
    if separator == ";":
        assert [row[0] for row in rows[1:]] == ["x,'=cmd|' /C calc'!A0", "x;'=cmd|' /C calc'!A0", "a, '+49 351",
                                                'q",\'=1+1', "Müller, Anna"]


def test_an_empty_table_gives_files_with_just_the_header(tmp_path):
    paths = write_downloads(table(company=[]), COLUMNS[:3], tmp_path, "leer", "company", "Daten")

    assert [path.name for path in paths] == ["leer.xlsx", "leer.csv"]
    sheet = read_sheet(tmp_path / "leer.xlsx")
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [["Firma", "Fällig am", "Umsatz"]]
    assert sheet.auto_filter.ref == "A1:C1"
    assert (tmp_path / "leer.csv").read_bytes() == BOM + "Firma;Fällig am;Umsatz\r\n".encode()


def test_one_pair_of_files_per_owner_with_safe_unique_names(tmp_path):
    owners = ["Jörg Weiß", "Vertrieb/Nord", "vertrieb nord", None, "  ", "Ärger & Co.", "李", "Jörg Weiß "]
    frame = table(company=[f"Firma {index}" for index in range(len(owners))]).with_columns(owner=pl.Series(owners))

    paths = write_downloads(frame, COLUMNS[:1], tmp_path / "downloads", "wv", "owner", "Wiedervorlagen")

    stems = ["wv", "wv-aerger-co", "wv-gruppe", "wv-joerg-weiss", "wv-ohne-zuordnung",
             "wv-vertrieb-nord", "wv-vertrieb-nord-2"]
    assert paths == [tmp_path / "downloads" / f"{stem}.{suffix}" for stem in stems for suffix in ("xlsx", "csv")]

    def companies(stem):
        lines = (tmp_path / "downloads" / f"{stem}.csv").read_bytes().decode("utf-8-sig").split("\r\n")
        return [line.removeprefix('"').removesuffix('"') for line in lines[1:-1]]  # text is quoted

    assert companies("wv") == [f"Firma {index}" for index in range(len(owners))]
    assert companies("wv-joerg-weiss") == ["Firma 0", "Firma 7"]  # trailing space: the same owner
    assert companies("wv-vertrieb-nord") == ["Firma 1"]
    assert companies("wv-vertrieb-nord-2") == ["Firma 2"]
    assert companies("wv-ohne-zuordnung") == ["Firma 3", "Firma 4"]
    assert companies("wv-aerger-co") == ["Firma 5"]
    assert companies("wv-gruppe") == ["Firma 6"]
    sheet = read_sheet(tmp_path / "downloads" / "wv-ohne-zuordnung.xlsx")
    assert [row for row in sheet.iter_rows(values_only=True)] == [("Firma",), ("Firma 3",), ("Firma 4",)]


def test_a_value_named_like_the_no_owner_slug_gets_its_own_files(tmp_path):
    frame = table(company=["a", "b"]).with_columns(owner=pl.Series(["Ohne Zuordnung", None]))

    paths = write_downloads(frame, COLUMNS[:1], tmp_path, "wv", "owner", "Daten")

    assert [path.name for path in paths[2:]] == ["wv-ohne-zuordnung.xlsx", "wv-ohne-zuordnung.csv",
                                                  "wv-ohne-zuordnung-2.xlsx", "wv-ohne-zuordnung-2.csv"]
    assert (tmp_path / "wv-ohne-zuordnung.csv").read_bytes().endswith(b'\r\n"b"\r\n')


def test_identical_inputs_give_identical_bytes(tmp_path):
    frame = table(company=["Müller", "Meier"], due=[dt.date(2026, 1, 2)] * 2, revenue=[1.5, 2.0],
                  orders=[1, 2], rate=[0.5, 0.25]).with_columns(owner=pl.Series(["Anna", "Tim"]))

    first = write_downloads(frame, COLUMNS, tmp_path / "one", "wv", "owner", "Daten")
    second = write_downloads(frame, COLUMNS, tmp_path / "two", "wv", "owner", "Daten")

    assert [path.name for path in first] == [path.name for path in second]
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]
    assert openpyxl.load_workbook(first[0]).properties.created == dt.datetime(2000, 1, 1)


def test_the_creation_date_can_be_given(tmp_path):
    created = dt.datetime(2026, 11, 27, 8, 30)
    write_xlsx(table(company=["x"]), COLUMNS, tmp_path / "out.xlsx", "Daten", created=created)

    assert openpyxl.load_workbook(tmp_path / "out.xlsx").properties.created == created


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="column 'amount': kind must be one of text, number, money, date, int, percent, "
                                         "tel, mailto, customer, found 'currency'"):
        Column("amount", "Betrag", "currency")


def test_libreoffice_opens_the_xlsx_and_reads_the_same_values(tmp_path):
    import subprocess

    frame = table(company=["Müller & Söhne <GmbH>", "=1+1"], due=[dt.date(2026, 11, 27), None],
                  revenue=[1234.5, None], orders=[3, 0], rate=[0.5, None])
    write_xlsx(frame, COLUMNS, tmp_path / "out.xlsx", "Wiedervorlagen")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):59,34,76", "--outdir", str(tmp_path / "lo"),
                    str(tmp_path / "out.xlsx")], check=True, capture_output=True, timeout=120)
    lines = (tmp_path / "lo" / "out.csv").read_text(encoding="utf-8").splitlines()
    assert lines == ["Firma;Fällig am;Umsatz;Aufträge;Quote",
                     "Müller & Söhne <GmbH>;27.11.2026;1,234.50 €;3;0.5",
                     "=1+1;;;0;"]


def test_download_names_are_known_before_writing(tmp_path):
    from salesboard.publish.downloads import download_names

    frame = pl.DataFrame({"company": ["A", "B", "C"], "owner": ["Jörg Weiß", None, "Anna"]})
    written = write_downloads(frame, COLUMNS[:1], tmp_path, "wv", "owner", "Daten")
    assert download_names(frame, "wv", "owner") == [path.name for path in written] == [
        "wv.xlsx", "wv.csv", "wv-anna.xlsx", "wv-anna.csv", "wv-joerg-weiss.xlsx", "wv-joerg-weiss.csv",
        "wv-ohne-zuordnung.xlsx", "wv-ohne-zuordnung.csv"]


def test_site_downloads_made_from_the_same_rows_are_copied_from_the_previous_site(tmp_path, monkeypatch):
    import salesboard.publish.downloads as exports

    frame = table(company=["Müller", "Meier"], due=[dt.date(2026, 1, 2), None], revenue=[1.5, None],
                  orders=[1, 2], rate=[0.5, None]).with_columns(owner=pl.Series(["Anna", None]))
    written = []
    real_write_xlsx = exports.write_xlsx
    monkeypatch.setattr(exports, "write_xlsx", lambda frame, columns, path, *args, **kwargs: (
        written.append(path.name), real_write_xlsx(frame, columns, path, *args, **kwargs)))

    def build(site, previous, rows=frame):
        site.mkdir()
        written.clear()
        paths = exports.write_site_downloads(rows, COLUMNS, site, previous, "wv", "owner", "Daten")
        return {path.name: path.read_bytes() for path in paths}

    first = build(tmp_path / "first", tmp_path / "none")
    assert written == ["wv.xlsx", "wv-anna.xlsx", "wv-ohne-zuordnung.xlsx"]

    second = build(tmp_path / "second", tmp_path / "first")
    assert written == []
    assert second == first

    # Other rows, other columns or a damaged previous site: written anew.
    changed = build(tmp_path / "third", tmp_path / "second", frame.with_columns(orders=pl.Series([1, 3])))
    assert written == ["wv.xlsx", "wv-anna.xlsx", "wv-ohne-zuordnung.xlsx"]
    assert changed["wv.csv"] != first["wv.csv"] and changed["wv-anna.csv"] == first["wv-anna.csv"]
    (tmp_path / "second" / "downloads" / "wv-anna.csv").write_bytes(b"cut off")
    assert build(tmp_path / "fourth", tmp_path / "second") == first
    assert written == ["wv.xlsx", "wv-anna.xlsx", "wv-ohne-zuordnung.xlsx"]
    (tmp_path / "fourth" / exports.DOWNLOADS_RECORD).write_text("{not json", encoding="utf-8")
    assert build(tmp_path / "fifth", tmp_path / "fourth") == first
    assert written == ["wv.xlsx", "wv-anna.xlsx", "wv-ohne-zuordnung.xlsx"]


def test_site_downloads_are_written_when_copying_the_previous_ones_fails(tmp_path, monkeypatch):
    import salesboard.publish.downloads as exports

    frame = table(company=["Müller"]).with_columns(owner=pl.Series(["Anna"]))
    (tmp_path / "first").mkdir()
    first = exports.write_site_downloads(frame, COLUMNS, tmp_path / "first", tmp_path / "none", "wv", "owner", "D")
    real_read_bytes = Path.read_bytes

    def read_until_the_owner_file(path):
        if path.name == "wv-anna.csv" and path.parent.parent.name == "first":
            raise PermissionError(13, "locked", str(path))  # e.g. opened in Excel on Windows
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_until_the_owner_file)
    (tmp_path / "second").mkdir()
    second = exports.write_site_downloads(frame, COLUMNS, tmp_path / "second", tmp_path / "first", "wv", "owner", "D")
    monkeypatch.undo()
    assert [path.read_bytes() for path in second] == [path.read_bytes() for path in first]
    assert [path.name for path in second] == ["wv.xlsx", "wv.csv", "wv-anna.xlsx", "wv-anna.csv"]


def test_a_damaged_previous_download_of_the_same_size_is_not_copied(tmp_path):
    import salesboard.publish.downloads as exports

    frame = table(company=["Müller"]).with_columns(owner=pl.Series(["Anna"]))
    (tmp_path / "first").mkdir()
    first = exports.write_site_downloads(frame, COLUMNS, tmp_path / "first", None, "wv", "owner", "D")
    damaged = tmp_path / "first" / "downloads" / "wv-anna.xlsx"
    content = bytearray(damaged.read_bytes())
    content[len(content) // 2] ^= 0xFF  # one flipped byte: same name, same size
    damaged.write_bytes(bytes(content))

    (tmp_path / "second").mkdir()
    second = exports.write_site_downloads(frame, COLUMNS, tmp_path / "second", tmp_path / "first", "wv", "owner", "D")
    assert [path.read_bytes() for path in second] == [path.read_bytes() for path in first[:2]] + [
        path.read_bytes() for path in exports.write_downloads(frame, COLUMNS, tmp_path / "fresh", "wv", "owner", "D")[2:]]
    openpyxl.load_workbook(tmp_path / "second" / "downloads" / "wv-anna.xlsx")  # whole again
