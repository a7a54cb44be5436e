"""Helpers shared by the tests: small workbooks built in code, and reading them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from salesboard.config import Settings
from salesboard.input.read import ReadResult, read_input

TODAY = dt.date(2026, 11, 27)


def write_workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """One workbook; each sheet's rows are written from A1 down (None leaves a cell empty)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD.MM.YYYY"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def read_folder(folder: Path, **settings) -> ReadResult:
    return read_input(Settings(input_dir=folder, today=TODAY, as_of=TODAY, **settings))


def messages(result: ReadResult) -> list[str]:
    return [str(problem) for problem in result.problems]


def write_team_workbooks(folder: Path, company: str = "Alpha GmbH", owner: str = "Anna",
                          campaign: str = "Mailing Herbst") -> None:
    """Five addresses, orders, contacts and a mailing whose figures as of 2026-11-25 are worked out by
    hand in test_build.py. Names can be swapped to check how the site shows them."""
    D = dt.date
    write_workbook(folder / "Adressen.xlsx", {"Adressen": [
        ["Kundennummer", "Firma", "Betreuer", "Telefon", "Interessent seit", "Wiedervorlage"],
        [1, company, owner, "030 1", None, None],
        [2, "Beta KG", owner, None, D(2026, 10, 1), None],
        [3, "Gamma AG", "Tim", None, None, D(2026, 11, 20)],
        [4, "Delta OHG", "Tim", None, None, None],
        [5, "Epsilon", "Tim", None, None, None],
    ]})
    write_workbook(folder / "Aufträge.xlsx", {"Aufträge": [
        ["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag", "Status"],
        ["A1", D(2026, 1, 10), 1, 100, None],
        ["A1", D(2026, 1, 12), 1, 50, None],  # line item of A1
        ["A2", D(2026, 3, 1), 1, 200, None],
        ["A3", D(2026, 6, 1), 1, 300, None],
        ["A4", D(2026, 11, 24), 4, 500, None],
        ["A5", D(2026, 11, 24), 4, -50, "Gutschrift"],  # credit note: revenue, not an order
        ["A6", D(2026, 12, 1), 3, 999, None],  # after D
        ["A7", D(2026, 10, 1), 9, 80, None],  # customer 9 is not in the address list
        ["A8", D(2026, 10, 2), 9, 70, "storniert"],
    ]})
    write_workbook(folder / "Kontakte.xlsx", {"Kontakte": [
        ["Kd.-Nr.", "Datum", "Kontaktart", "Wiedervorlage"],
        [3, D(2026, 11, 2), "Angebot", None],  # never chased
        [2, D(2026, 11, 10), "Anruf", D(2026, 11, 18)],
        [2, D(2026, 11, 19), "Folgekontakt", None],  # settles the follow-up of 18.11.
    ]})
    write_workbook(folder / f"{campaign}.xlsx", {"Versand": [
        ["Kundennummer", "Versanddatum", "Reaktion"],
        [1, D(2026, 9, 1), "ja"], [5, D(2026, 9, 1), "nein"], [4, D(2026, 9, 1), "x"],
    ]})
