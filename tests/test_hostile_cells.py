"""A small workbook whose cells hold Excel's longest text (32,767 characters) builds in seconds and modest
memory: pages and charts show the text cut short, the downloads keep it whole."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
from support.site import site_file
from support.workbooks import write_workbook

from salesboard.publish.swap import current_build

EXCEL_CELL_LIMIT = 32_767
MEASURED = """
import resource, sys, time
from salesboard.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
print(f"{time.perf_counter() - started} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}", flush=True)
sys.exit(code)
"""


def longest(prefix: str) -> str:
    return (prefix + " " + "Notiz " * EXCEL_CELL_LIMIT)[:EXCEL_CELL_LIMIT]


def write_hostile_workbook(path: Path, rows: int = 70) -> None:
    D = dt.date
    owners = [longest(f"Betreuer {index}") for index in range(3)]
    write_workbook(path, {
        "Adressen": [["Kundennummer", "Firma", "Ansprechpartner", "Ort", "Betreuer", "Wiedervorlage"]] + [
            [index, longest(f"Firma {index}"), longest(f"Kontakt {index}"), longest(f"Ort {index}"),
             owners[index % 3], D(2026, 10, 1)] for index in range(rows)],
        "Aufträge": [["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag", "Produkt"]] + [
            [f"A{index}", D(2026, 3, 1), index, 100, longest(f"Produkt {index}")] for index in range(0, rows, 2)],
        "Kontakte": [["Kd.-Nr.", "Datum", "Art", "Ergebnis"]] + [
            [index, D(2026, 9, 1), "Anruf", longest(f"Ergebnis {index}")] for index in range(rows)],
        "Mailing": [["Kd.-Nr.", "Versand", "Reaktion", "Aktion"]] + [
            [index, D(2026, 9, 1), "ja", longest(f"Aktion {index % 4}")] for index in range(rows)],
    })


def test_a_workbook_of_the_longest_cells_builds_within_20_s_and_1_5_gb(tmp_path):
    write_hostile_workbook(tmp_path / "input" / "Alles.xlsx")
    assert (tmp_path / "input" / "Alles.xlsx").stat().st_size < 64_000  # about the 54 kB of the report
    result = subprocess.run([sys.executable, "-c", MEASURED, "--input", str(tmp_path / "input"), "--output",
                             str(tmp_path / "site"), "--as-of", "2026-11-25", "-q"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seconds, peak_bytes = map(float, result.stdout.split())
    assert seconds <= 20 and peak_bytes <= 1.5e9, (seconds, peak_bytes)

    build = current_build(tmp_path / "site")
    pages = sum(path.stat().st_size for path in build.glob("*.html"))
    assert pages < 20e6, pages
    follow_ups = site_file(tmp_path / "site", "follow-ups.html").read_text(encoding="utf-8")
    assert "Notiz Notiz" in follow_ups and longest("Firma 1") not in follow_ups
    sheet = openpyxl.load_workbook(next((build / "downloads").glob("*.xlsx"))).active
    assert max(len(str(cell.value or "")) for row in sheet.iter_rows() for cell in row) == EXCEL_CELL_LIMIT
    summary = json.loads(site_file(tmp_path / "site", "data/summary.json").read_text())
    assert summary["counts"]["addresses"] == 70
