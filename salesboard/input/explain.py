"""Why cells that calamine read as empty are empty: an Excel error value, or a formula saved without
its result. Looks into the sheets' XML once per workbook, only for the cells asked about."""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ROW_NUMBER = re.compile(r"\d+$")


def describe_empty_cells(path: Path, cells: dict[str, list[str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """(sheet, cell) → ("excel_error", "#N/A") or ("unsaved_formula", "=C2*D2") for the cells asked
    (sheet → cells) that the workbook explains; nothing for other formats or when the file changed."""
    wanted = {sheet: set(names) for sheet, names in cells.items() if names}
    if not wanted or path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    try:
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
            parts = _sheet_parts(archive)
            found = {}
            for sheet, names in wanted.items():
                if sheet in parts:
                    found.update({(sheet, cell): why for cell, why in _explain(archive, parts[sheet], names).items()})
            return found
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError, KeyError):
        return {}  # the file changed or is unreadable now: nothing more to say


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → the zip member holding its cells."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relations.iter(f"{_RELS}Relationship")}
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_R_ID), "")
        parts[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
    return parts


def _explain(archive: zipfile.ZipFile, part: str, wanted: set[str]) -> dict[str, tuple[str, str]]:
    last_row = max(int(_ROW_NUMBER.search(cell).group()) for cell in wanted)
    found: dict[str, tuple[str, str]] = {}
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream):
            if element.tag == f"{_MAIN}row":
                if int(element.get("r", "0")) > last_row:
                    break
                element.clear()
            elif element.tag == f"{_MAIN}c" and element.get("r") in wanted:
                value, formula = element.find(f"{_MAIN}v"), element.find(f"{_MAIN}f")
                if element.get("t") == "e" and value is not None:
                    found[element.get("r")] = ("excel_error", value.text or "")
                elif formula is not None and (value is None or value.text is None):
                    found[element.get("r")] = ("unsaved_formula", f"={formula.text or ''}")
    return found
