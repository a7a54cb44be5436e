"""Builders of troublesome input files for the reader's tests.

Each ``write_*`` function writes one file into ``folder`` and returns its path.
The tests drop these files next to good workbooks and check that the reader
reports one clear problem per bad file and still reads the rest.

Workbooks are assembled part by part (``_workbook_parts`` + ``_write_zip``) so
that every byte is under control: fixed zip timestamps make the output
deterministic, and the odd cases (damaged entries, entity declarations, a
2 GiB sheet) can be made that no spreadsheet library would write.

Unless a docstring says otherwise, a workbook has one sheet; strings are
shared strings, dates are real Excel dates (serial numbers with a date
format), and rows 2.. hold order rows built by ``order_row``:
row r holds customer ``1001 + (r - 2) % 20``, date ``2025-01-02 + (r - 2) days``
and amount ``100 + 12.5 * (r - 2)``.
"""
from __future__ import annotations

import io
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

ORDERS_SHEET = "Aufträge"
ADDRESSES_SHEET = "Adressen"
ORDERS_HEADER = ("Kundennummer", "Auftragsdatum", "Betrag")
ADDRESSES_HEADER = ("Kundennummer", "Firma")

SHEET_PART = "xl/worksheets/sheet1.xml"
SHARED_STRINGS_PART = "xl/sharedStrings.xml"
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
ZIP_BOMB_SIZE = 2**31  # 2 GiB of filler; the sheet part is a few hundred bytes more
LIBREOFFICE_TIMEOUT_SECONDS = 120

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_STYLE = 1  # cellXfs index with number format 14 (a date)
_FILL_STYLE = 2  # cellXfs index with a yellow fill and no value format
_DOS_DATE_2025_01_01 = ((2025 - 1980) << 9) | (1 << 5) | 1


# --------------------------------------------------------------------------
# Cell values beyond plain str / int / float / date


@dataclass(frozen=True)
class Formula:
    """A formula cell as openpyxl writes it: ``<f>`` and no cached ``<v>``."""

    text: str


@dataclass(frozen=True)
class ExcelError:
    """An error cell (``t="e"``), optionally the cached result of a formula."""

    code: str
    formula: str | None = None


@dataclass(frozen=True)
class RawText:
    """A text cell whose content is inserted as XML without escaping.

    Used for entity references such as ``&xxe;``. ``inline`` puts the text in
    the sheet as an inline string; otherwise it becomes a shared string.
    """

    xml: str
    inline: bool = False


Cell = str | int | float | date | Formula | ExcelError | RawText | None


def order_row(index: int) -> tuple[int, date, float]:
    """The order row ``index`` (0-based) that data rows are made of: id, date, amount."""
    return 1001 + index % 20, date(2025, 1, 2) + timedelta(days=index), 100 + 12.5 * index


def _order_rows(count: int) -> list[tuple[Cell, ...]]:
    return [ORDERS_HEADER, *(order_row(index) for index in range(count))]


# --------------------------------------------------------------------------
# Zip writing


@dataclass(frozen=True)
class _ZipEntry:
    """One archive member as it is written: payload bytes plus honest metadata."""

    payload: bytes
    method: int  # zipfile.ZIP_STORED or zipfile.ZIP_DEFLATED
    crc: int
    size: int

    @classmethod
    def deflated(cls, content: bytes) -> _ZipEntry:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        payload = compressor.compress(content) + compressor.flush()
        return cls(payload, zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content))

    @classmethod
    def stored(cls, content: bytes) -> _ZipEntry:
        return cls(content, zipfile.ZIP_STORED, zlib.crc32(content), len(content))


def _zip_bytes(parts: Mapping[str, str | _ZipEntry]) -> bytes:
    """``parts`` (name -> XML text or prepared entry) as a zip archive, in order.

    Built by hand rather than with ``zipfile`` so that an entry can carry a
    payload compressed elsewhere (the zip bomb) and timestamps are fixed.
    """
    local_headers = bytearray()
    central_directory = bytearray()
    for name, part in parts.items():
        entry = part if isinstance(part, _ZipEntry) else _ZipEntry.deflated(part.encode("utf-8"))
        if entry.size >= 0xFFFFFFFF:
            raise ValueError(f"{name}: 4 GiB or more needs ZIP64, which this writer omits")
        encoded_name = name.encode("utf-8")
        flags = 0x0800 if not name.isascii() else 0  # bit 11: the name is UTF-8
        common = struct.pack(
            "<HHHHHIII", 20, flags, entry.method, 0, _DOS_DATE_2025_01_01,
            entry.crc, len(entry.payload), entry.size,
        )
        offset = len(local_headers)
        local_headers += b"PK\x03\x04" + common + struct.pack("<HH", len(encoded_name), 0)
        local_headers += encoded_name + entry.payload
        central_directory += b"PK\x01\x02" + struct.pack("<H", 20) + common
        central_directory += struct.pack("<HHHHHII", len(encoded_name), 0, 0, 0, 0, 0, offset)
        central_directory += encoded_name
    end_record = b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, len(parts), len(parts), len(central_directory), len(local_headers), 0
    )
    return bytes(local_headers + central_directory + end_record)


def _write_zip(path: Path, parts: Mapping[str, str | _ZipEntry]) -> Path:
    path.write_bytes(_zip_bytes(parts))
    return path


# --------------------------------------------------------------------------
# Workbook parts


def _column_letters(column: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA, 16384 -> XFD."""
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class _SharedStrings:
    """Collects the shared string table while cells are rendered."""

    def __init__(self) -> None:
        self.items: list[str] = []  # XML text of each <t>

    def index(self, xml_text: str) -> int:
        if xml_text not in self.items:
            self.items.append(xml_text)
        return self.items.index(xml_text)

    def xml(self, doctype: str) -> str:
        items = "".join(f"<si><t>{text}</t></si>" for text in self.items)
        count = len(self.items)
        return (
            f'{_XML_DECLARATION}{doctype}<sst xmlns="{_MAIN_NS}" count="{count}" '
            f'uniqueCount="{count}">{items}</sst>'
        )


def _cell_xml(ref: str, value: Cell, strings: _SharedStrings) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="s"><v>{strings.index(escape(value))}</v></c>'
    if isinstance(value, RawText):
        if value.inline:
            return f'<c r="{ref}" t="inlineStr"><is><t>{value.xml}</t></is></c>'
        return f'<c r="{ref}" t="s"><v>{strings.index(value.xml)}</v></c>'
    if isinstance(value, date):
        serial = (value - _EXCEL_EPOCH).days
        return f'<c r="{ref}" s="{_DATE_STYLE}"><v>{serial}</v></c>'
    if isinstance(value, Formula):
        return f'<c r="{ref}"><f>{escape(value.text)}</f></c>'
    if isinstance(value, ExcelError):
        formula = f"<f>{escape(value.formula)}</f>" if value.formula else ""
        return f'<c r="{ref}" t="e">{formula}<v>{escape(value.code)}</v></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


_STYLES_XML = (
    f'{_XML_DECLARATION}<styleSheet xmlns="{_MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _workbook_parts(
    rows: Sequence[Sequence[Cell]],
    *,
    sheet_name: str = ORDERS_SHEET,
    sheet_doctype: str = "",
    strings_doctype: str = "",
    dimension: str | None = None,
    extra_rows_xml: str = "",
) -> dict[str, str]:
    """The parts of a minimal valid one-sheet workbook holding ``rows`` from A1.

    ``sheet_doctype`` / ``strings_doctype`` are placed before the root element
    of the sheet / shared strings part; ``extra_rows_xml`` is appended inside
    ``<sheetData>``; ``dimension`` overrides the computed ``<dimension ref>``.
    """
    strings = _SharedStrings()
    rows_xml = "".join(
        f'<row r="{row_number}">'
        + "".join(
            _cell_xml(f"{_column_letters(column)}{row_number}", value, strings)
            for column, value in enumerate(row, start=1)
        )
        + "</row>"
        for row_number, row in enumerate(rows, start=1)
    )
    width = max(len(row) for row in rows)
    dimension = dimension or f"A1:{_column_letters(width)}{len(rows)}"
    sheet_xml = (
        f'{_XML_DECLARATION}{sheet_doctype}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows_xml}{extra_rows_xml}</sheetData>'
        "</worksheet>"
    )
    content_types = (
        f'{_XML_DECLARATION}<Types'
        ' xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f'<Override PartName="/{SHEET_PART}" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f'<Override PartName="/{SHARED_STRINGS_PART}" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    )
    package_rels = (
        f'{_XML_DECLARATION}<Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        f'{_XML_DECLARATION}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>'
        f'<sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        f'{_XML_DECLARATION}<Relationships xmlns="{_PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    return {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": workbook_rels,
        "xl/styles.xml": _STYLES_XML,
        SHEET_PART: sheet_xml,
        SHARED_STRINGS_PART: strings.xml(strings_doctype),
    }


def _target(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def _orders_workbook_bytes(row_count: int) -> bytes:
    """A valid orders workbook (see ``write_orders_xlsx``) as bytes."""
    return _zip_bytes(_workbook_parts(_order_rows(row_count)))


# --------------------------------------------------------------------------
# A good workbook, for comparison and as raw material


def write_orders_xlsx(folder: Path, name: str = "auftraege.xlsx", row_count: int = 3) -> Path:
    """A valid orders workbook: sheet 'Aufträge', A1:C1 = Kundennummer,
    Auftragsdatum, Betrag; rows 2..row_count+1 are ``order_row(r - 2)``
    (default: A2:C4 = 1001/2025-01-02/100.0, 1002/2025-01-03/112.5,
    1003/2025-01-04/125.0)."""
    path = _target(folder, name)
    path.write_bytes(_orders_workbook_bytes(row_count))
    return path


# --------------------------------------------------------------------------
# Files that are no workbook at all


def write_text_as_xlsx(folder: Path, name: str = "notiz.xlsx") -> Path:
    """A UTF-8 plain-text note saved under an .xlsx name (no zip signature)."""
    path = _target(folder, name)
    path.write_text("Bitte die Umsätze bis Freitag eintragen.\n", encoding="utf-8")
    return path


def write_csv_as_xlsx(folder: Path, name: str = "export.xlsx") -> Path:
    """A German Excel CSV export (cp1252, ';', CRLF) saved under an .xlsx name.

    Lines: ``Kundennummer;Auftragsdatum;Betrag`` then ``1001;02.01.2025;1.250,00 €``
    and ``1002;03.01.2025;480,50 €``.
    """
    path = _target(folder, name)
    text = (
        "Kundennummer;Auftragsdatum;Betrag\r\n"
        "1001;02.01.2025;1.250,00 €\r\n"
        "1002;03.01.2025;480,50 €\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    return path


def write_empty_xlsx(folder: Path, name: str = "leer.xlsx") -> Path:
    """A 0-byte file named .xlsx."""
    path = _target(folder, name)
    path.write_bytes(b"")
    return path


def write_truncated_xlsx(folder: Path, name: str = "abgeschnitten.xlsx") -> Path:
    """The first half of a valid 50-row orders workbook: local entries are
    partly there, the central directory and end record are missing."""
    content = _orders_workbook_bytes(row_count=50)
    path = _target(folder, name)
    path.write_bytes(content[: len(content) // 2])
    return path


def write_corrupt_entry_xlsx(folder: Path, name: str = "beschaedigt.xlsx") -> Path:
    """A 50-row orders workbook whose sheet entry (xl/worksheets/sheet1.xml)
    has its middle third of compressed bytes inverted.

    The central directory is intact, so the zip opens and lists all parts;
    reading the sheet fails (inflate error or CRC mismatch). Sheet name,
    shared strings and styles still read fine.
    """
    path = write_orders_xlsx(folder, name, row_count=50)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET_PART)
    content = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", content, info.header_offset + 26)
    data_start = info.header_offset + 30 + name_length + extra_length
    third = info.compress_size // 3
    for position in range(data_start + third, data_start + 2 * third):
        content[position] ^= 0xFF
    path.write_bytes(bytes(content))
    return path


def write_zip_without_workbook(folder: Path, name: str = "archiv.xlsx") -> Path:
    """A valid zip holding only ``readme.txt`` (no [Content_Types].xml, no xl/)."""
    return _write_zip(
        _target(folder, name), {"readme.txt": "Umsatzlisten 2025, bitte nicht löschen.\n"}
    )


def write_password_protected_xlsx(
    folder: Path, name: str = "geschuetzt.xlsx", password: str = "geheim"
) -> Path:
    """A 200-row orders workbook (``write_orders_xlsx(row_count=200)``, so
    A2:C201) encrypted as Excel does with a password to open: an OLE2/CFB
    compound file (signature D0CF11E0A1B11AE1) with the streams
    EncryptionInfo (agile encryption) and EncryptedPackage. Decrypting with
    ``password`` gives back the workbook.

    200 rows keep EncryptedPackage above 4096 bytes: msoffcrypto-tool 6.x
    writes a corrupt container when that stream falls into the CFB mini
    stream (nolze/msoffcrypto-tool#105). The bytes differ on every call: the
    format demands a random salt and key.
    """
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(_orders_workbook_bytes(row_count=200))).encrypt(password, encrypted)
    path = _target(folder, name)
    path.write_bytes(encrypted.getvalue())
    return path


# --------------------------------------------------------------------------
# Other spreadsheet formats under an .xlsx name


def _convert_with_libreoffice(source: Path, target_format: str, outdir: Path) -> Path:
    """Convert ``source`` with headless LibreOffice into ``outdir``; return the new file.

    A private user profile per call keeps parallel runs from clashing (a
    second soffice on a shared profile silently converts nothing).
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        completed = subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(outdir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=LIBREOFFICE_TIMEOUT_SECONDS,
            check=False,
        )
    converted = outdir / f"{source.stem}.{target_format}"
    if not converted.exists():
        raise RuntimeError(
            f"LibreOffice did not convert {source.name} to {target_format} "
            f"(exit code {completed.returncode}): {completed.stderr.strip()}"
        )
    return converted


def _compound_file(stream_name: str, content: bytes) -> bytes:
    """A minimal OLE2/CFB (version 3) file holding one stream of >= 4096 bytes.

    Layout: header, sector 0 = FAT, sector 1 = directory (root + stream),
    sectors 2.. = the stream. Streams of 4096 bytes or more live in regular
    sectors, so no mini stream is needed.
    """
    sector = 512
    end_of_chain, fat_sector, free, no_stream = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
    if len(content) < 4096:
        raise ValueError("the stream must be at least 4096 bytes (the mini stream cutoff)")
    data_sectors = -(-len(content) // sector)
    if 2 + data_sectors > sector // 4:
        raise ValueError("the stream is too large for a single FAT sector")

    fat = [fat_sector, end_of_chain] + [2 + index + 1 for index in range(data_sectors - 1)]
    fat += [end_of_chain] + [free] * (sector // 4 - len(fat) - 1)
    header = (
        OLE2_SIGNATURE
        + bytes(16)  # CLSID
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    )

    def directory_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, no_stream, no_stream, child)
            + bytes(16 + 4 + 16)  # CLSID, state bits, creation and modification time
            + struct.pack("<IQ", start, size)
        )

    unused_entry = bytes(64) + struct.pack("<HBBIII", 0, 0, 0, no_stream, no_stream, no_stream)
    unused_entry = unused_entry.ljust(128, b"\0")
    directory = (
        directory_entry("Root Entry", 5, 1, end_of_chain, 0)
        + directory_entry(stream_name, 2, no_stream, 2, len(content))
        + unused_entry * 2
    )
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + content
    return header + body.ljust(sector * (2 + data_sectors), b"\0")


def write_ole2_workbook_as_xlsx(folder: Path, name: str = "alt_minimal.xlsx") -> Path:
    """A minimal OLE2 compound file with one 4096-byte stream "Workbook" that
    starts with a BIFF8 BOF record (09 08 10 00 00 06 05 00) and an EOF record,
    then zero padding. It has the container of an .xls but no sheets."""
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6)
    eof = struct.pack("<HH", 0x000A, 0)
    path = _target(folder, name)
    path.write_bytes(_compound_file("Workbook", (bof + eof).ljust(4096, b"\0")))
    return path


def write_xls_as_xlsx(folder: Path, name: str = "alt.xlsx") -> Path:
    """A real Excel 97-2003 workbook (.xls, BIFF8 in an OLE2 file) named .xlsx.

    Converted by LibreOffice from the default orders workbook: sheet
    'Aufträge', A1:C1 = Kundennummer, Auftragsdatum, Betrag, A2:C4 the
    three default order rows. Without LibreOffice this falls back to
    ``write_ole2_workbook_as_xlsx`` (right container, no sheets).
    """
    if shutil.which("soffice") is None:
        return write_ole2_workbook_as_xlsx(folder, name)
    with tempfile.TemporaryDirectory() as scratch:
        source = write_orders_xlsx(Path(scratch), "auftraege.xlsx")
        converted = _convert_with_libreoffice(source, "xls", Path(scratch))
        return Path(shutil.move(converted, _target(folder, name)))


def write_ods_as_xlsx(folder: Path, name: str = "calc.xlsx") -> Path:
    """A real OpenDocument spreadsheet named .xlsx: a zip whose first entry is
    the uncompressed ``mimetype`` (application/vnd.oasis.opendocument.spreadsheet),
    then META-INF/manifest.xml and content.xml.

    Table 'Aufträge': A1:C1 = Kundennummer, Auftragsdatum, Betrag, A2:C4 the
    three default order rows (dates as office:date-value, amounts as floats).
    """
    def cell(value: Cell) -> str:
        if isinstance(value, str):
            typed, shown = 'office:value-type="string"', escape(value)
        elif isinstance(value, date):
            typed = f'office:value-type="date" office:date-value="{value.isoformat()}"'
            shown = f"{value:%d.%m.%Y}"
        else:
            typed, shown = f'office:value-type="float" office:value="{value}"', str(value)
        return f"<table:table-cell {typed}><text:p>{shown}</text:p></table:table-cell>"

    rows = "".join(
        "<table:table-row>" + "".join(cell(value) for value in row) + "</table:table-row>"
        for row in _order_rows(3)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{ORDERS_SHEET}">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
        f' manifest:media-type="{ODS_MIMETYPE}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    return _write_zip(
        _target(folder, name),
        {
            "mimetype": _ZipEntry.stored(ODS_MIMETYPE.encode("ascii")),
            "META-INF/manifest.xml": manifest,
            "content.xml": content,
        },
    )


# --------------------------------------------------------------------------
# Hostile XML and zip content


_BILLION_LAUGHS = (
    '<!DOCTYPE worksheet [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{level} "{("&lol" + (str(level - 1) if level > 1 else "") + ";") * 10}">\n'
        for level in range(1, 10)
    )
    + "]>\n"
)


def write_xml_bomb_xlsx(folder: Path, name: str = "xml_bombe.xlsx") -> Path:
    """Billion laughs inside an otherwise valid orders workbook.

    xl/worksheets/sheet1.xml starts with a DOCTYPE declaring ``lol`` = "lol"
    and ``lol1``..``lol9``, each ten references to the level below (``&lol9;``
    expands to 3 * 10**9 characters). Sheet 'Aufträge': A1:C1 = Kundennummer,
    Auftragsdatum, Betrag; A2 is an inline string holding ``&lol9;``;
    B2 = 2025-01-02 and C2 = 100.0. The file is about 1.5 KB.
    """
    rows = [ORDERS_HEADER, (RawText("&lol9;", inline=True), *order_row(0)[1:])]
    return _write_zip(_target(folder, name), _workbook_parts(rows, sheet_doctype=_BILLION_LAUGHS))


def _external_entity_doctype(root: str, target: str) -> str:
    return f'<!DOCTYPE {root} [\n<!ENTITY xxe SYSTEM "{escape(target, {chr(34): "&quot;"})}">\n]>\n'


def _external_entity_rows(inline: bool) -> list[tuple[Cell, ...]]:
    return [
        ADDRESSES_HEADER,
        (1001, RawText("&xxe;", inline=inline)),
        (1002, "Schmidt KG"),
    ]


def write_external_entity_sheet_xlsx(
    folder: Path, name: str = "xxe_tabelle.xlsx", target: str = "file:///etc/passwd"
) -> Path:
    """An external entity (XXE) used in a cell of the sheet.

    xl/worksheets/sheet1.xml declares ``<!ENTITY xxe SYSTEM "<target>">``.
    Sheet 'Adressen': A1:B1 = Kundennummer, Firma; A2 = 1001 and B2 is an
    inline string holding ``&xxe;``; A3 = 1002, B3 = "Schmidt KG".
    A safe reader never puts the target file's content into B2.
    """
    parts = _workbook_parts(
        _external_entity_rows(inline=True),
        sheet_name=ADDRESSES_SHEET,
        sheet_doctype=_external_entity_doctype("worksheet", target),
    )
    return _write_zip(_target(folder, name), parts)


def write_external_entity_shared_strings_xlsx(
    folder: Path, name: str = "xxe_texte.xlsx", target: str = "file:///etc/passwd"
) -> Path:
    """An external entity (XXE) used in the shared string table.

    xl/sharedStrings.xml declares ``<!ENTITY xxe SYSTEM "<target>">``; its
    strings are 0 "Kundennummer", 1 "Firma", 2 ``&xxe;``, 3 "Schmidt KG".
    Sheet 'Adressen': A1:B1 = Kundennummer, Firma; A2 = 1001, B2 = shared
    string 2; A3 = 1002, B3 = "Schmidt KG".
    """
    parts = _workbook_parts(
        _external_entity_rows(inline=False),
        sheet_name=ADDRESSES_SHEET,
        strings_doctype=_external_entity_doctype("sst", target),
    )
    return _write_zip(_target(folder, name), parts)


def _deflate_with_filler(
    prefix: bytes, filler_byte: bytes, filler_size: int, suffix: bytes
) -> _ZipEntry:
    """A deflated entry of ``prefix + filler_byte * filler_size + suffix``.

    The filler is compressed once per 1 MiB chunk, each piece ending on a
    sync flush: such pieces are self-contained, so repeating the chunk's
    compressed bytes gives a valid stream in milliseconds instead of
    compressing gigabytes. The CRC is computed over the real content.
    """
    chunk_size = 1 << 20
    if filler_size % chunk_size:
        raise ValueError("the filler size must be a multiple of 1 MiB")

    def piece(content: bytes, mode: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(content) + compressor.flush(mode)

    chunk = filler_byte * chunk_size
    chunk_count = filler_size // chunk_size
    payload = (
        piece(prefix, zlib.Z_SYNC_FLUSH)
        + piece(chunk, zlib.Z_SYNC_FLUSH) * chunk_count
        + piece(suffix, zlib.Z_FINISH)
    )
    crc = zlib.crc32(prefix)
    for _ in range(chunk_count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    return _ZipEntry(payload, zipfile.ZIP_DEFLATED, crc, len(prefix) + filler_size + len(suffix))


def write_zip_bomb_xlsx(
    folder: Path, name: str = "zip_bombe.xlsx", filler_size: int = ZIP_BOMB_SIZE
) -> Path:
    """A valid orders workbook whose sheet part inflates to more than 2 GiB.

    Sheet 'Aufträge': A1:C1 = Kundennummer, Auftragsdatum, Betrag and A2:C4
    the three default order rows, followed inside ``<sheetData>`` by
    ``filler_size`` spaces (default 2**31). The zip declares the honest sizes
    (sheet1.xml: filler_size + a few hundred bytes uncompressed, about 2 MiB
    compressed); the file is about 2.1 MB. Building takes well under a second
    plus about 0.5 s of CRC computation per GiB.
    """
    parts: dict[str, str | _ZipEntry] = dict(_workbook_parts(_order_rows(3)))
    sheet_xml = str(parts[SHEET_PART]).encode("utf-8")
    split = sheet_xml.index(b"</sheetData>")
    parts[SHEET_PART] = _deflate_with_filler(
        sheet_xml[:split], b" ", filler_size, sheet_xml[split:]
    )
    return _write_zip(_target(folder, name), parts)


# --------------------------------------------------------------------------
# Awkward but legitimate content


def write_formatting_to_xfd_xlsx(folder: Path, name: str = "formatiert_bis_xfd.xlsx") -> Path:
    """A small orders table whose formatting reaches the last cell of a sheet.

    Sheet 'Aufträge': A1:C1 = Kundennummer, Auftragsdatum, Betrag, A2:C4 the
    three default order rows; ``<dimension ref="A1:XFD1048576">``; row 1048576
    holds an empty cell XFD1048576 with a fill style (s="2") and no value.
    """
    parts = _workbook_parts(
        _order_rows(3),
        dimension="A1:XFD1048576",
        extra_rows_xml=f'<row r="1048576"><c r="XFD1048576" s="{_FILL_STYLE}"/></row>',
    )
    return _write_zip(_target(folder, name), parts)


def write_formulas_without_values_xlsx(folder: Path, name: str = "formeln.xlsx") -> Path:
    """Amounts that are formulas with no cached value, as openpyxl writes them.

    Sheet 'Aufträge': A1:E1 = Kundennummer, Auftragsdatum, Menge, Einzelpreis,
    Betrag. Rows 2-4: A = 1001, 1002, 1003; B = 2025-01-02, -03, -04;
    C = 2, 3, 4; D = 50.0, 40.0, 25.0; E2 = formula ``C2*D2``, E3 = ``C3*D3``,
    E4 = ``C4*D4``, each with no ``<v>`` (Excel would show 100, 120, 100).
    """
    quantities_and_prices = [(2, 50.0), (3, 40.0), (4, 25.0)]
    rows: list[tuple[Cell, ...]] = [
        ("Kundennummer", "Auftragsdatum", "Menge", "Einzelpreis", "Betrag")
    ]
    for index, (quantity, price) in enumerate(quantities_and_prices):
        customer_id, order_date, _ = order_row(index)
        row_number = index + 2
        amount = Formula(f"C{row_number}*D{row_number}")
        rows.append((customer_id, order_date, quantity, price, amount))
    return _write_zip(_target(folder, name), _workbook_parts(rows))


def write_error_cells_xlsx(folder: Path, name: str = "fehlerwerte.xlsx") -> Path:
    """Error values in the date and amount columns.

    Sheet 'Aufträge': A1:C1 = Kundennummer, Auftragsdatum, Betrag; rows 2-5
    are the default order rows except: B3 = #N/A (a plain error value, no
    formula) and C4 = #DIV/0! (cached result of the formula ``1/0``).
    So row 2 and row 5 are clean: A2 1001/2025-01-02/100.0, A5 1004/2025-01-05/137.5.
    """
    rows = _order_rows(4)
    rows[2] = (rows[2][0], ExcelError("#N/A"), rows[2][2])
    rows[3] = (*rows[3][:2], ExcelError("#DIV/0!", formula="1/0"))
    return _write_zip(_target(folder, name), _workbook_parts(rows))


def write_mixed_types_xlsx(folder: Path, name: str = "gemischte_typen.xlsx") -> Path:
    """150 numeric customer IDs, then one text ID and one text amount.

    Sheet 'Aufträge': A1:C1 = Kundennummer, Auftragsdatum, Betrag; rows 2-151
    are ``order_row(0..149)`` (all numbers and dates). Row 152: A152 = text
    "K-151", B152 = 2025-06-01, C152 = 1975.0. Row 153: A153 = 1012 (number),
    B153 = 2025-06-02, C153 = text "1.234,56 €". Both texts are valid values
    (IDs are trimmed text, amounts read in German or English notation): the ID is "K-151", the amount is 1234.56.
    """
    rows = _order_rows(150)
    text_id_row = ("K-151", *order_row(150)[1:])
    text_amount_row = (*order_row(151)[:2], "1.234,56 €")
    return _write_zip(_target(folder, name), _workbook_parts([*rows, text_id_row, text_amount_row]))


def write_duplicate_headers_xlsx(folder: Path, name: str = "doppelte_spalten.xlsx") -> Path:
    """Two columns named "Datum".

    Sheet 'Aufträge': A1:D1 = Kundennummer, Datum, Betrag, Datum. Rows 2-4:
    A/B/C are the default order rows (B = 2025-01-02, -03, -04) and
    D = B + 14 days (2025-01-16, -17, -18).
    """
    rows: list[tuple[Cell, ...]] = [("Kundennummer", "Datum", "Betrag", "Datum")]
    for index in range(3):
        customer_id, order_date, amount = order_row(index)
        rows.append((customer_id, order_date, amount, order_date + timedelta(days=14)))
    return _write_zip(_target(folder, name), _workbook_parts(rows))


def write_duplicate_ids_xlsx(folder: Path, name: str = "doppelte_kunden.xlsx") -> Path:
    """An address list with customer 1001 twice under different names.

    Sheet 'Adressen': A1:B1 = Kundennummer, Firma; A2 = 1001 "Müller GmbH",
    A3 = 1002 "Schmidt KG", A4 = 1001 "Meyer AG". First wins: 1001 is
    Müller GmbH and the duplicate is in row 4 (A4).
    """
    rows = [ADDRESSES_HEADER, (1001, "Müller GmbH"), (1002, "Schmidt KG"), (1001, "Meyer AG")]
    return _write_zip(_target(folder, name), _workbook_parts(rows, sheet_name=ADDRESSES_SHEET))


# --------------------------------------------------------------------------
# LibreOffice re-saves


def write_libreoffice_source_xlsx(folder: Path, name: str = "quelle.xlsx") -> Path:
    """An openpyxl-written workbook to be re-saved by LibreOffice.

    Sheet 'Adressen': A1:D1 = Kundennummer, Firma, PLZ, Angelegt am;
    A2:D2 = 1001, "Müller GmbH", text "01067", real date 2024-05-02;
    A3:D3 = 1002, "Schmidt KG", text "04109", text date "15.01.2025".
    Sheet 'Aufträge': A1:C1 = Kundennummer, Auftragsdatum, Betrag;
    A2:C2 = 1001, real date 2025-03-03, 1250.0;
    A3:C3 = 1002, text "10.03.2025", 480.5;
    A4:C4 = 1001, text "2025-04-07", text "1.234,56 €".
    PLZ cells have the text format "@". openpyxl stamps the save time into
    docProps/core.xml and the zip, so the bytes differ between calls.
    """
    workbook = Workbook()
    addresses = workbook.active
    addresses.title = ADDRESSES_SHEET
    addresses.append(["Kundennummer", "Firma", "PLZ", "Angelegt am"])
    addresses.append([1001, "Müller GmbH", "01067", date(2024, 5, 2)])
    addresses.append([1002, "Schmidt KG", "04109", "15.01.2025"])
    for postcode in addresses["C"][1:]:
        postcode.number_format = "@"
    addresses["D2"].number_format = "DD.MM.YYYY"
    orders = workbook.create_sheet(ORDERS_SHEET)
    orders.append(list(ORDERS_HEADER))
    orders.append([1001, date(2025, 3, 3), 1250.0])
    orders.append([1002, "10.03.2025", 480.5])
    orders.append([1001, "2025-04-07", "1.234,56 €"])
    orders["B2"].number_format = "DD.MM.YYYY"
    path = _target(folder, name)
    workbook.save(path)
    return path


def resave_with_libreoffice(path: Path, folder: Path, name: str | None = None) -> Path:
    """Open ``path`` in headless LibreOffice and save it as .xlsx into ``folder``
    as ``name`` (default ``<stem>-libreoffice.xlsx``); return that path.

    Uses a private user profile per call (parallel runs do not clash) and a
    time-out of 120 s. Raises FileNotFoundError without LibreOffice and
    RuntimeError when the conversion produced nothing. LibreOffice stamps the
    save time into the file, so the bytes differ between calls.
    """
    target = _target(folder, name or f"{path.stem}-libreoffice.xlsx")
    with tempfile.TemporaryDirectory() as scratch:
        converted = _convert_with_libreoffice(path, "xlsx", Path(scratch))
        return Path(shutil.move(converted, target))


def write_libreoffice_resaved_xlsx(folder: Path, name: str = "libreoffice.xlsx") -> Path:
    """``write_libreoffice_source_xlsx`` re-saved by LibreOffice, with the same
    sheets and cells as described there; only the re-saved file is written
    into ``folder``."""
    with tempfile.TemporaryDirectory() as scratch:
        source = write_libreoffice_source_xlsx(Path(scratch))
        return resave_with_libreoffice(source, folder, name)
