"""Writing the demo workbooks: one sheet each, formatted as a team keeps it, byte-stable across runs."""
from __future__ import annotations

import argparse
import io
import random
from datetime import date
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from salesboard.demo.offers import OFFER_HEADERS, offer_rows
from salesboard.demo.plan import (
    address_rows,
    contact_rows,
    mailing_rows,
    missing_customers,
    order_rows,
    plan_customers,
    plan_order_records,
)
from salesboard.demo.vocabulary import (
    ADDRESS_HEADERS,
    CONTACT_HEADERS,
    FIRST_ID,
    FIXED_TIME,
    MAILING_HEADERS,
    ORDER_HEADERS,
    ORDER_YEARS,
    SEED,
    TEXT_HEADERS,
    TITLED_YEAR,
)


def write_sheet(path: Path, sheet_name: str, headers: tuple, rows: list[list], title: str = "") -> Path:
    """One workbook with one sheet: an optional title and blank row, then header and rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name
    if title:
        sheet.append([title])
        sheet.append([])
        sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    header_row = sheet.max_row
    for row in rows:
        sheet.append(row)
    format_columns(sheet, headers, header_row)
    workbook.properties.creator = "Salesboard"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    save_reproducibly(workbook, path)
    return path


def format_columns(sheet: Worksheet, headers: tuple, header_row: int) -> None:
    """Bold header, German date and euro formats, text PLZ, frozen header: as a team keeps it."""
    for column, header in enumerate(headers, 1):
        sheet.cell(header_row, column).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = max(12, len(header) + 2)
        for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=column, max_col=column):
            if header in TEXT_HEADERS:
                cell.number_format = "@"
            elif isinstance(cell.value, date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(cell.value, float):
                cell.number_format = '#,##0.00 "€"'
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)


def save_reproducibly(workbook: Workbook, path: Path) -> None:
    """Save with fixed timestamps: `Workbook.save` stamps 'modified' and zip entries with now."""
    buffer = io.BytesIO()
    ExcelWriter(workbook, ZipFile(buffer, "w", ZIP_DEFLATED)).save()
    with ZipFile(buffer) as packed, ZipFile(path, "w", ZIP_DEFLATED) as stable:
        for name in packed.namelist():
            entry = ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            stable.writestr(entry, packed.read(name), compress_type=ZIP_DEFLATED)


def write_demo_workbooks(folder: Path) -> list[Path]:
    """Write the demo workbooks into `folder`; the same files on every run."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    company_names: set[str] = set()
    customers = plan_customers(rng, company_names)
    missing = missing_customers(rng, FIRST_ID + len(customers), company_names)
    records = plan_order_records(rng, customers + missing)
    paths = [write_sheet(folder / "Adressen.xlsx", "Adressen", ADDRESS_HEADERS, address_rows(customers))]
    for year in ORDER_YEARS:
        title = f"Auftragsliste {year}" if year == TITLED_YEAR else ""
        paths.append(write_sheet(folder / f"Aufträge {year}.xlsx", "Aufträge", ORDER_HEADERS,
                                 order_rows(rng, records, year), title))
    paths.append(write_sheet(folder / "Kontakte.xlsx", "Kontakte", CONTACT_HEADERS, contact_rows(customers)))
    paths.append(write_sheet(folder / "Mailing Frühjahr 2026.xlsx", "Versand", MAILING_HEADERS,
                             mailing_rows(rng, customers)))
    # A generator of its own, so the other workbooks stay as they were without a list of offers.
    paths.append(write_sheet(folder / "Angebote.xlsx", "Angebote", OFFER_HEADERS,
                             offer_rows(random.Random(SEED + 1), customers)))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m salesboard.demo",
                                     description="Write demo sales workbooks (data up to 27.11.2026).")
    parser.add_argument("folder", nargs="?", type=Path, default=Path("input"),
                        help="folder to write into (default: input)")
    for path in write_demo_workbooks(parser.parse_args(argv).folder):
        print(path)
    return 0

