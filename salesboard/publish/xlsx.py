"""A minimal .xlsx writer whose cells are built as Polars string columns.

A general writer (xlsxwriter, openpyxl) spends microseconds of Python per cell:
seconds for a long follow-up list, and again per owner. One sheet of plain
typed cells needs only a few fixed parts around the sheet XML, and that XML
can be made column-wise by Polars in a fraction of the time. Text is always an
inline string, so nothing a cell holds becomes a formula or a link.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import polars as pl

from salesboard.quality import column_letter

# Style index per kind in styles.xml below: 0 general, 1 bold header, 2 date, 3 money, 4 int, 5 percent.
STYLE = {"text": 0, "number": 0, "date": 2, "money": 3, "int": 4, "percent": 5}
_EXCEL_SERIAL_OF_1970 = 25569  # Excel's day number (1900 system) of 1970-01-01, Polars' day 0
_ILLEGAL_XML = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"  # characters XML 1.0 cannot hold


@dataclass(frozen=True)
class SheetColumn:
    label: str
    kind: str  # a key of STYLE
    width: float


def write_sheet(path: Path, sheet_name: str, columns: list[SheetColumn], values: pl.DataFrame,
                created: dt.datetime) -> None:
    """One sheet: a bold frozen header with an autofilter, then `values` (one frame column per
    column, already of the kind's type: text, date, or a number)."""
    last_column, last_row = column_letter(len(columns) - 1), values.height + 1
    last = f"{last_column}{last_row}"
    title = sheet_name[:31]  # Excel's limit for sheet names
    # Excel keeps an autofilter's range as this hidden name too.
    filter_range = "'{}'!$A$1:${}${}".format(title.replace("'", "''"), last_column, last_row)
    header = "".join(f'<c r="{column_letter(i)}1" s="1" t="inlineStr"><is><t>{escape(c.label)}</t></is></c>'
                     for i, c in enumerate(columns))
    widths = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{c.width:.1f}" customWidth="1"/>'
                     for i, c in enumerate(columns))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{widths}</cols>'
        f'<sheetData><row r="1">{header}</row>{_rows_xml(columns, values)}</sheetData>'
        f'<autoFilter ref="A1:{last}"/></worksheet>'
    )
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/core.xml": _CORE.format(created=stamp),
        "xl/workbook.xml": _WORKBOOK.format(name=quoteattr(title), ref=escape(filter_range)),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            # A fixed timestamp keeps identical downloads byte-identical; level 1 is 4× faster than 6
            # and the files are only a little larger.
            info = zipfile.ZipInfo(name, date_time=created.timetuple()[:6])
            archive.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)


def _rows_xml(columns: list[SheetColumn], values: pl.DataFrame) -> str:
    if values.height == 0:
        return ""
    row_number = pl.int_range(2, pl.len() + 2).cast(pl.String)
    cells = [_cell_xml(pl.col(name), column_letter(i), column, row_number)
             for i, (name, column) in enumerate(zip(values.columns, columns))]
    rows = pl.concat_str([pl.lit('<row r="'), row_number, pl.lit('">'), *cells, pl.lit("</row>")])
    return values.select(rows.str.join("")).item()


def _cell_xml(value: pl.Expr, letter: str, column: SheetColumn, row_number: pl.Expr) -> pl.Expr:
    reference = pl.concat_str([pl.lit(f'<c r="{letter}'), row_number])
    if column.kind == "text":
        text = (value.cast(pl.String).str.replace_all(_ILLEGAL_XML, "")
                .str.replace_all("&", "&amp;", literal=True).str.replace_all("<", "&lt;", literal=True)
                .str.replace_all(">", "&gt;", literal=True))
        cell = pl.concat_str([reference, pl.lit('" t="inlineStr"><is><t xml:space="preserve">'), text,
                              pl.lit("</t></is></c>")])
    else:
        number = value.cast(pl.Int32) + _EXCEL_SERIAL_OF_1970 if column.kind == "date" else value
        style = f' s="{STYLE[column.kind]}"' if STYLE[column.kind] else ""
        cell = pl.concat_str([reference, pl.lit(f'"{style}><v>'), number.cast(pl.String), pl.lit("</v></c>")])
    return cell.fill_null("")


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    '</Relationships>'
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
    '</cp:coreProperties>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name={name} sheetId="1" r:id="rId1"/></sheets>'
    '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
    "{ref}</definedName></definedNames>"
    '</workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '</Relationships>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>'
    '<numFmt numFmtId="165" formatCode="#,##0.00 €"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)
