"""Time write_downloads on 50,000 and 250,000 rows (10 columns, 5 owners).

    PYTHONPATH=. python bench/bench_exports.py [--repeat N]

Also times write_xlsx against Polars' own DataFrame.write_excel (which writes an
Excel table through xlsxwriter) on 50,000 rows, the comparison behind write_xlsx.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl
import xlsxwriter

from salesboard.model import Column
from salesboard.publish.downloads import FIXED_CREATED, write_downloads, write_xlsx

OWNERS = ["Anna Becker", "Jörg Weiß", "Lena Hoffmann", "Tim Schulz", "Vertrieb/Nord"]
COLUMNS = [
    Column("customer_id", "Kd.-Nr.", "text"),
    Column("company", "Firma", "text"),
    Column("owner", "Betreuer", "text"),
    Column("segment", "Segment", "text"),
    Column("phone", "Telefon", "text"),
    Column("due", "Fällig am", "date"),
    Column("last_contact", "Letzter Kontakt", "date"),
    Column("days_overdue", "Tage überfällig", "int"),
    Column("revenue", "Umsatz 12 Monate", "money"),
    Column("response_rate", "Rücklaufquote", "number"),
]


def generate_frame(rows: int, seed: int = 7) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    day_zero = (dt.date(2024, 1, 1) - dt.date(1970, 1, 1)).days
    return pl.DataFrame({
        "customer_id": pl.Series(rng.integers(10_001, 210_000, rows)).cast(pl.String),
        "company": "Firma " + pl.Series(rng.integers(0, 20_000, rows)).cast(pl.String) + " GmbH",
        "owner": pl.Series(OWNERS)[rng.integers(0, len(OWNERS), rows)],
        "segment": pl.Series(["Z0", "Z1", "Z2", "Z3", "Z4"])[rng.integers(0, 5, rows)],
        "phone": "+49 351 " + pl.Series(rng.integers(100_000, 999_999, rows)).cast(pl.String),
        "due": pl.Series(day_zero + rng.integers(0, 1000, rows), dtype=pl.Int32).cast(pl.Date),
        "last_contact": pl.Series(day_zero + rng.integers(0, 1000, rows), dtype=pl.Int32).cast(pl.Date),
        "days_overdue": rng.integers(0, 400, rows),
        "revenue": rng.uniform(-500, 50_000, rows).round(2),
        "response_rate": rng.random(rows),
    })


def write_with_polars(frame: pl.DataFrame, path: Path) -> None:
    """The same sheet through DataFrame.write_excel, as close to write_xlsx as it allows."""
    workbook = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False})
    workbook.set_properties({"created": FIXED_CREATED})
    frame.write_excel(workbook, "Wiedervorlagen", header_format={"bold": True}, freeze_panes="A2",
                      dtype_formats={pl.Date: "dd.mm.yyyy"}, column_formats={"revenue": "#,##0.00 €"},
                      autofit=False, table_style=None)
    workbook.close()


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        frame = generate_frame(50_000)
        seconds = median_seconds(lambda: write_xlsx(frame, COLUMNS, folder / "a.xlsx", "Wiedervorlagen"), args.repeat)
        print(f"write_xlsx, 50,000 rows: median {seconds:.2f} s")
        seconds = median_seconds(lambda: write_with_polars(frame, folder / "b.xlsx"), args.repeat)
        print(f"DataFrame.write_excel, 50,000 rows: median {seconds:.2f} s")
        for rows in (50_000, 250_000):
            frame = generate_frame(rows)
            seconds = median_seconds(
                lambda: write_downloads(frame, COLUMNS, folder, "wiedervorlagen", "owner", "Wiedervorlagen"),
                args.repeat)
            size = sum(path.stat().st_size for path in folder.glob("wiedervorlagen*")) / 2**20
            print(f"write_downloads, {rows:,} rows (12 files, {size:.1f} MiB): median {seconds:.2f} s")


if __name__ == "__main__":
    main()
