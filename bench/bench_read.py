"""Time reading: the demo workbooks, and one orders workbook of N rows (default 1,000,000).

    python bench/bench_read.py [--rows N] [--folder DIR]

Writes the large workbook once (xlsxwriter, deterministic) and reuses it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time
from pathlib import Path

from salesboard.config import Settings
from salesboard.input.read import read_input


def write_orders(path: Path, rows: int) -> None:
    import xlsxwriter

    rng = random.Random(1)
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Aufträge")
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, ["Auftragsnummer", "Auftragsdatum", "Kd.-Nr.", "Kunde", "Produkt", "Betrag netto",
                           "Status", "Betreuer"])
    start = dt.date(2024, 1, 1)
    owners = ["Anna Becker", "Jonas Wolf", "Lena Hoffmann", "Tim Schulz"]
    for row in range(1, rows + 1):
        customer = 10001 + rng.randrange(200_000)
        sheet.write_number(row, 0, 500_000 + row // 2)
        sheet.write_datetime(row, 1, dt.datetime.combine(start + dt.timedelta(days=rng.randrange(1060)),
                                                         dt.time()), date_format)
        sheet.write_number(row, 2, customer)
        sheet.write_string(row, 3, f"Firma {customer}")
        sheet.write_string(row, 4, f"Produkt {rng.randrange(40)}")
        sheet.write_number(row, 5, round(rng.uniform(50, 5000), 2))
        sheet.write_string(row, 6, "storniert" if rng.random() < 0.01 else "geliefert")
        sheet.write_string(row, 7, owners[customer % 4])
    workbook.close()


def timed_read(folder: Path) -> tuple[float, object]:
    started = time.perf_counter()
    result = read_input(Settings(input_dir=folder))
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--folder", type=Path, default=Path("bench/data/orders-large"))
    args = parser.parse_args()
    seconds, result = timed_read(Path("input"))
    print(f"demo workbooks: {seconds:.2f} s, {result.tables.orders.height} orders, "
          f"{result.tables.activities.height} activities, {result.tables.addresses.height} addresses")
    args.folder.mkdir(parents=True, exist_ok=True)
    workbook = args.folder / f"Aufträge {args.rows}.xlsx"
    if not workbook.exists():
        started = time.perf_counter()
        write_orders(workbook, args.rows)
        print(f"wrote {workbook} ({workbook.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - started:.0f} s")
    seconds, result = timed_read(args.folder)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(f"{args.rows:,} order rows: {seconds:.2f} s, {result.tables.orders.height:,} orders, "
          f"peak memory {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
