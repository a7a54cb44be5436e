"""Time from saving a workbook to the new site being in place, with `build.py --watch` running.

    python bench/bench_watch.py [--runs 5] [--poll SECONDS] [--sets demo,large]

Each data set lives in a temporary folder: the demo workbooks (copied from input/), and
50,000 addresses with 250,000 orders in three yearly order workbooks (written with
xlsxwriter). Each run saves the current year's order workbook with one more order the
way Excel does (a temporary file renamed over it) and waits until site/index.html is
replaced. The watcher runs as its own process, as it would next to the share.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import queue
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-27"
TARGET = "Aufträge 2026.xlsx"
TEMPORARY = "5A3F1B2C"  # what Excel names the file it saves into before the rename
OWNERS = ["Anna Becker", "Jonas Wolf", "Lena Hoffmann", "Tim Schulz"]


def write_addresses(path: Path, count: int) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Adressen")
    sheet.write_row(0, 0, ["Kundennummer", "Firma", "Betreuer"])
    for row in range(1, count + 1):
        sheet.write_row(row, 0, [10000 + row, f"Firma {10000 + row} GmbH", OWNERS[row % 4]])
    workbook.close()


def write_orders(path: Path, year: int, rows: int, addresses: int, extra_amount: float | None = None) -> None:
    """`rows` orders of `year` from a fixed seed; `extra_amount` adds one more order on the as-of date."""
    import xlsxwriter

    rng = random.Random(year)
    days = (min(dt.date(year, 12, 31), dt.date.fromisoformat(AS_OF)) - dt.date(year, 1, 1)).days + 1
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Aufträge")
    dates = workbook.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, ["Auftragsnummer", "Auftragsdatum", "Kd.-Nr.", "Betrag netto"])
    for row in range(1, rows + 1):
        day = dt.datetime(year, 1, 1) + dt.timedelta(days=rng.randrange(days))
        sheet.write(row, 0, f"A-{year}-{row:06d}")
        sheet.write_datetime(row, 1, day, dates)
        sheet.write_row(row, 2, [10001 + rng.randrange(addresses), round(rng.uniform(50, 5000), 2)])
    if extra_amount is not None:
        sheet.write(rows + 1, 0, f"A-{year}-extra")
        sheet.write_datetime(rows + 1, 1, dt.datetime.fromisoformat(AS_OF), dates)
        sheet.write_row(rows + 1, 2, [10001, extra_amount])
    workbook.close()


def demo_set(folder: Path) -> Callable[[Path, int], None]:
    shutil.copytree(ROOT / "input", folder)
    original = (folder / TARGET).read_bytes()

    def save(path: Path, run: int) -> None:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(original))
        workbook.active.append([f"A-2026-extra-{run}", dt.datetime.fromisoformat(AS_OF), 10001, None, None,
                                1000.0 + run, "offen", OWNERS[0]])
        workbook.save(path)

    return save


def large_set(folder: Path, addresses: int = 50_000, orders: int = 250_000) -> Callable[[Path, int], None]:
    folder.mkdir()
    write_addresses(folder / "Adressen.xlsx", addresses)
    years = (2024, 2025, 2026)
    for year in years:
        write_orders(folder / f"Aufträge {year}.xlsx", year, orders // len(years), addresses)
    return lambda path, run: write_orders(path, 2026, orders // len(years), addresses, 1000.0 + run)


class Watcher:
    """`build.py --watch` in its own process, with its log lines in a queue."""

    def __init__(self, folder: Path, poll: float | None):
        command = [sys.executable, str(ROOT / "build.py"), "--watch", "--input", "input", "--output", "site",
                   "--as-of", AS_OF] + (["--poll", str(poll)] if poll else [])
        self.process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, text=True,
                                        encoding="utf-8", env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line.rstrip()) for line in self.process.stdout],
                         daemon=True).start()

    def next_line(self, containing: str, timeout: float = 600) -> str:
        deadline = time.monotonic() + timeout
        while True:
            line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.001))
            if containing in line:
                return line

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(30)


def measure(name: str, folder: Path, save: Callable[[Path, int], None], runs: int, poll: float | None) -> None:
    started = time.perf_counter()
    watcher = Watcher(folder, poll)
    first = watcher.next_line("built ")
    watcher.next_line("watching")
    print(f"{name}: first build {first.split('; ')[-1]} (process start {time.perf_counter() - started:.1f} s)")
    index = folder / "site" / "index.html"
    latencies, builds = [], []
    for run in range(runs):
        save(folder / "input" / TEMPORARY, run)  # written before the clock starts, as Excel does
        before = index.stat().st_mtime_ns
        saved = time.perf_counter()
        os.replace(folder / "input" / TEMPORARY, folder / "input" / TARGET)
        while index.stat().st_mtime_ns == before:
            time.sleep(0.005)
        latencies.append(time.perf_counter() - saved)
        line = watcher.next_line("rebuilt after")
        builds.append(float(line.split(": ", 1)[1].split(" s,")[0]))
        print(f"  run {run + 1}: site in place {latencies[-1]:.2f} s after the save; log: {line}")
    code = watcher.stop()
    print(f"{name}: median {statistics.median(latencies):.2f} s from save to site "
          f"(build {statistics.median(builds):.1f} s of it; the rest is the debounce and the look"
          f"{' every ' + str(poll) + ' s' if poll else ''}); Ctrl-C exit code {code}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--poll", type=float, help="watch with --poll SECONDS instead of file events")
    parser.add_argument("--sets", default="demo,large", help="comma-separated: demo, large")
    args = parser.parse_args()
    makers = {"demo": demo_set, "large": large_set}
    with tempfile.TemporaryDirectory(prefix="bench-watch-") as temporary:
        for name in args.sets.split(","):
            folder = Path(temporary) / name
            folder.mkdir()
            started = time.perf_counter()
            save = makers[name](folder / "input")
            print(f"{name}: workbooks ready in {time.perf_counter() - started:.1f} s")
            measure(name, folder, save, args.runs, args.poll)


if __name__ == "__main__":
    main()
