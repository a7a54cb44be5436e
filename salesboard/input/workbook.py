"""Read one workbook (.xlsx, .xlsm, .xls, .ods, or a CSV file) into memory, every sheet as text cells.

A file that cannot be read gives one Problem naming it; the other files are
read all the same. Files are read into memory and closed at once, so a
colleague's save is never blocked by an open handle. A sheet holding several
tables (Excel tables, or blocks of columns with a wholly empty column between
them) gives one part per table.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from salesboard.input.csvfile import read_csv
from salesboard.input.parts import RawSheet, split_parts
from salesboard.quality import Problem, column_letter

_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# Real workbooks compress 5–20×; a part that expands more than this and is
# large is a zip bomb, not a spreadsheet.
_MAX_RATIO = 100
_MAX_RATIO_EXEMPT_BYTES = 64 * 2**20
_MAX_PART_BYTES = 4 * 2**30


@dataclass(frozen=True)
class WorkbookRead:
    path: Path
    file: str
    sheets: tuple[RawSheet, ...]
    problems: tuple[Problem, ...]


def _unreadable(path: Path, file: str, message: str, **params) -> WorkbookRead:
    """A file that gives nothing but this one error."""
    return WorkbookRead(path, file, (), (Problem("error", file, "", "", message, "done.file_skipped", params),))


def read_workbook(path: Path, file: str, max_bytes: int = 200 * 2**20) -> WorkbookRead:
    def failed(message: str, **params) -> WorkbookRead:
        return _unreadable(path, file, message, **params)

    try:
        if (size := path.stat().st_size) > max_bytes:  # refused before a byte is read
            return failed("file.too_large", size_mb=-(-size // 2**20), limit_mb=max_bytes // 2**20)
        data = path.read_bytes()
    except OSError as error:
        return failed("file.cannot_open", reason=str(error.strerror or error))
    if not data:
        return failed("file.empty")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _whole(path, file, *read_csv(path, file, data))
    refusal = _refuse_unreadable(data, suffix)
    if refusal:
        return failed(*refusal[:1], **refusal[1])
    return _read_workbook(path, file, data)


def _whole(path: Path, file: str, sheets: list[RawSheet], problems: list[Problem]) -> WorkbookRead:
    return WorkbookRead(path, file, tuple(part for sheet in sheets for part in split_parts(sheet, [])),
                        tuple(problems))


def _refuse_unreadable(data: bytes, suffix: str) -> tuple[str, dict] | None:
    """Why these bytes are no workbook we read (a word key and its values), or None when they look like one."""
    if data.startswith(_OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            return "file.encrypted", {}
        return None if suffix == ".xls" else ("file.xls_as_xlsx", {})
    if not data.startswith(b"PK"):
        return "file.text_as_xlsx", {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return "file.truncated", {}
    with archive:
        names = set(archive.namelist())
        is_ods = "mimetype" in names and b"opendocument" in archive.read("mimetype")
        if is_ods and suffix != ".ods":
            return "file.ods_as_xlsx", {}
        if not is_ods and "xl/workbook.xml" not in names:
            return "file.no_workbook", {}
        for info in archive.infolist():
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _MAX_PART_BYTES or (
                    ratio > _MAX_RATIO and info.file_size > _MAX_RATIO_EXEMPT_BYTES):
                return "file.zip_bomb", {"part": info.filename, "size": f"{info.file_size / 2**30:.1f}",
                                         "compressed": f"{info.compress_size / 2**20:.1f}"}
            if info.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(info) as part:
                        head = part.read(4096)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as error:
                    return "file.damaged_part", {"part": info.filename, "reason": str(error)}
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    return "file.entities", {"part": info.filename}
    return None


def _read_workbook(path: Path, file: str, data: bytes) -> WorkbookRead:
    import fastexcel

    problems: list[Problem] = []
    sheets: list[RawSheet] = []
    try:
        reader = fastexcel.read_excel(data)
        names = reader.sheet_names
    except Exception as error:  # calamine reports damage as several exception types
        return _unreadable(path, file, "file.damaged", reason=_first_line(error))
    table_refs = _table_refs(data)
    for index, name in enumerate(names):
        try:
            sheet = reader.load_sheet(index, header_row=None, dtypes="string", skip_rows=0)
            letters = tuple(column_letter(column.absolute_index) for column in sheet.available_columns())
            cells = sheet.to_polars()
            tables = [table_refs[table] for table in reader.table_names(name) if table in table_refs] \
                if table_refs else []
        except Exception as error:
            if "empty" in str(error).lower() or "no columns" in str(error).lower():
                continue  # an empty sheet has nothing to read
            problems.append(Problem("error", file, name, "", "sheet.unreadable", "done.sheet_skipped",
                                    {"reason": _first_line(error)}))
            continue
        if cells.width:
            raw = RawSheet(path, file, name, cells.rename(dict(zip(cells.columns, letters))), letters)
            sheets += split_parts(raw, tables)
    return WorkbookRead(path, file, tuple(sheets), tuple(problems))


_TABLE_PART = re.compile(r"^xl/tables/[^/]+\.xml$")


def _table_refs(data: bytes) -> dict[str, tuple[str, str]]:
    """Excel tables (ListObjects) of an .xlsx: name → (name, range such as "E3:G40")."""
    if not data.startswith(b"PK"):
        return {}
    refs = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if _TABLE_PART.match(name):
                try:
                    root = ElementTree.fromstring(archive.read(name))
                except ElementTree.ParseError:
                    continue
                table, ref = root.get("displayName") or root.get("name"), root.get("ref")
                if table and ref:
                    refs[table] = (table, ref)
    return refs


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
