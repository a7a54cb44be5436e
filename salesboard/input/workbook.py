"""Read one workbook (or CSV file) into memory and every sheet of it as text cells.

A file that cannot be read gives one Problem naming it; the other files are
read all the same. Files are read into memory and closed at once, so a
colleague's save is never blocked by an open handle.
"""
from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from salesboard.quality import Problem, column_letter

_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# Real workbooks compress 5–20×; a part that expands more than this and is
# large is a zip bomb, not a spreadsheet.
_MAX_RATIO = 100
_MAX_RATIO_EXEMPT_BYTES = 64 * 2**20
_MAX_PART_BYTES = 4 * 2**30


@dataclass(frozen=True)
class RawSheet:
    """One sheet as text cells: row i of `cells` is spreadsheet row i + 1."""

    path: Path
    file: str
    sheet: str
    cells: pl.DataFrame
    column_letters: tuple[str, ...]


@dataclass(frozen=True)
class WorkbookRead:
    path: Path
    file: str
    sheets: tuple[RawSheet, ...]
    problems: tuple[Problem, ...]


def _unreadable(path: Path, file: str, message: str) -> WorkbookRead:
    """A file that gives nothing but this one error."""
    return WorkbookRead(path, file, (), (Problem("error", file, "", "", message, "file skipped"),))


def read_workbook(path: Path, file: str) -> WorkbookRead:
    def failed(message: str) -> WorkbookRead:
        return _unreadable(path, file, message)

    try:
        data = path.read_bytes()
    except OSError as error:
        return failed(f"cannot be opened ({error.strerror or error}); is it open with a lock or "
                      "were permissions changed?")
    if not data:
        return failed("is empty (0 bytes); it was probably not saved completely — save it again")
    if path.suffix.lower() == ".csv":
        return _read_csv(path, file, data)
    refusal = _refuse_unreadable(data)
    if refusal:
        return failed(refusal)
    return _read_xlsx(path, file, data)


def _refuse_unreadable(data: bytes) -> str | None:
    """Why these bytes are no workbook we read, or None when they look like one."""
    if data.startswith(_OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            return "is protected with a password; save it without password (File › Info › Protect Workbook)"
        return "is an old Excel 97–2003 workbook (.xls) with an .xlsx name; open it in Excel and save it as .xlsx"
    if not data.startswith(b"PK"):
        return ("is not an Excel workbook but a text file with an .xlsx name; save it from Excel as "
                ".xlsx, or rename it to .csv if it is a CSV export")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return "is damaged (not a complete workbook; perhaps cut off while copying); save it again from Excel"
    with archive:
        names = set(archive.namelist())
        if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
            return "is an OpenDocument spreadsheet (.ods) with an .xlsx name; save it as Excel workbook (.xlsx)"
        if "xl/workbook.xml" not in names:
            return "is a zip archive but no Excel workbook (it has no xl/workbook.xml)"
        for info in archive.infolist():
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _MAX_PART_BYTES or (
                    ratio > _MAX_RATIO and info.file_size > _MAX_RATIO_EXEMPT_BYTES):
                return (f"part {info.filename} would expand to {info.file_size / 2**30:.1f} GiB from "
                        f"{info.compress_size / 2**20:.1f} MiB; refused as a zip bomb")
            if info.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(info) as part:
                        head = part.read(4096)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as error:
                    return f"is damaged ({info.filename}: {error}); save it again from Excel"
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    return (f"part {info.filename} declares XML entities, which Excel never writes; "
                            "refused for safety — save the workbook again from Excel")
    return None


def _read_xlsx(path: Path, file: str, data: bytes) -> WorkbookRead:
    import fastexcel

    problems: list[Problem] = []
    sheets: list[RawSheet] = []
    try:
        reader = fastexcel.read_excel(data)
        names = reader.sheet_names
    except Exception as error:  # calamine reports damage as several exception types
        return _unreadable(path, file, f"is damaged and cannot be read ({_first_line(error)}); "
                                       "save it again from Excel")
    for index, name in enumerate(names):
        try:
            sheet = reader.load_sheet(index, header_row=None, dtypes="string", skip_rows=0)
            letters = tuple(column_letter(column.absolute_index) for column in sheet.available_columns())
            cells = sheet.to_polars()
        except Exception as error:
            if "empty" in str(error).lower() or "no columns" in str(error).lower():
                continue  # an empty sheet has nothing to read
            problems.append(Problem("error", file, name, "", f"cannot be read ({_first_line(error)})",
                                    "sheet skipped"))
            continue
        if cells.width:
            sheets.append(RawSheet(path, file, name, cells.rename(dict(zip(cells.columns, letters))), letters))
    return WorkbookRead(path, file, tuple(sheets), tuple(problems))


def _read_csv(path: Path, file: str, data: bytes) -> WorkbookRead:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")  # what German Excel writes for "CSV"
    head = content.splitlines()[:50]
    delimiter = max(";,\t|", key=lambda candidate: sum(line.count(candidate) for line in head))
    width = max((len(fields) for fields in csv.reader(head, delimiter=delimiter)), default=0)
    if not width:
        return WorkbookRead(path, file, (), ())
    try:
        # An explicit width keeps title lines above the header from fixing the column count.
        cells = pl.read_csv(io.BytesIO(content.encode("utf-8")), has_header=False, separator=delimiter,
                            infer_schema=False, truncate_ragged_lines=True, missing_columns="insert",
                            schema={column_letter(i): pl.String for i in range(width)})
    except pl.exceptions.PolarsError as error:
        return _unreadable(path, file, f"cannot be read as CSV ({_first_line(error)})")
    letters = tuple(cells.columns)
    return WorkbookRead(path, file, (RawSheet(path, file, "", cells, letters),), ())


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
