"""Benchmark workbooks: a team's address list, its orders, the contact log and a spring mailing,
in three sizes, generated from a fixed seed so every run measures the same files, in two shapes:
"by-year" puts each year's orders into a workbook of its own, "one-workbook" all orders into one
sheet of one workbook (the same rows either way).

    python bench/generate.py [--sizes small,medium,large] [--shapes by-year,one-workbook] [--data bench/data]

Each size and shape goes into its own folder (bench/data/medium, bench/data/medium-one-workbook, …).
A folder that already holds a complete set of the same size, shape and generator version is left
as it is.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import xlsxwriter

# The names and products of the demo workbooks, so both data sets read alike.
from salesboard.demo import FIRST_NAMES, LEGAL_FORMS, OWNERS, PRODUCTS, SOURCES, SURNAMES, TRADES

# Raise when the generated data changes, so cached folders are written again.
GENERATOR_VERSION = 1
MARKER = ".dataset.json"  # a hidden file: the build ignores it
SHAPES = ("by-year", "one-workbook")
ALL_ORDERS_FILE = "Aufträge.xlsx"


@dataclass(frozen=True)
class Size:
    addresses: int
    order_rows: int
    activities: int


SIZES = {
    "small": Size(2_000, 10_000, 10_000),
    "medium": Size(50_000, 250_000, 250_000),
    "large": Size(200_000, 1_000_000, 1_000_000),
}

FIRST_DAY = dt.date(2024, 1, 1)
LAST_DAY = dt.date(2026, 11, 27)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days + 1
EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0, counting its phantom 29 Feb 1900
FIRST_SERIAL = (FIRST_DAY - EXCEL_EPOCH).days
FIXED_TIME = dt.datetime(2026, 11, 27, 18, 0)  # workbook properties, so files are byte for byte the same
ORDER_YEARS = (2024, 2025, 2026)
MAILING_DATE = dt.date(2026, 3, 16)

FIRST_ID = 10001
FIRST_ORDER_NUMBER = 100001
NEVER_ORDER_SHARE = 0.40
LINE_ITEM_SHARE = 0.20  # rows that continue the order above them (same number, customer, date)
CANCELLED_SHARE = 0.01
INTEREST_SHARE = 0.10
ADDRESS_FOLLOW_UP_SHARE = 0.05
ACTIVITY_FOLLOW_UP_SHARE = 0.20
MAILING_SHARE = 0.10
# Customers answer a mailing far more often than cold addresses.
RESPONSE_RATE_BUYERS, RESPONSE_RATE_OTHERS = 0.08, 0.02

TOWNS = (  # PLZ, Ort; east-German PLZ start with 0, which is why PLZ is text
    ("01067", "Dresden"), ("04109", "Leipzig"), ("09111", "Chemnitz"), ("06108", "Halle (Saale)"),
    ("07743", "Jena"), ("03046", "Cottbus"), ("10115", "Berlin"), ("20095", "Hamburg"), ("30159", "Hannover"),
    ("33602", "Bielefeld"), ("44135", "Dortmund"), ("50667", "Köln"), ("60311", "Frankfurt am Main"),
    ("68159", "Mannheim"), ("70173", "Stuttgart"), ("79098", "Freiburg im Breisgau"), ("80331", "München"),
    ("90402", "Nürnberg"), ("93047", "Regensburg"), ("24103", "Kiel"),
)
OPEN_STATUSES = ("geliefert", "berechnet", "bezahlt")
CONTACT_TYPES = {  # Kontaktart → share of the contact log
    "Erstkontakt": 0.22, "Anruf": 0.25, "Folgekontakt": 0.18, "Termin": 0.08,
    "Nachfassen": 0.12, "Angebot": 0.08, "Verhandlung": 0.03, "Anfrage": 0.04,
}
RESULTS = ("Rückruf vereinbart", "nicht erreicht", "Unterlagen angefordert", "Interesse bestätigt",
           "Bedarf aufgenommen", "Angebot versendet", "Entscheidung offen", "kein Bedarf", "Projekt verschoben")

ADDRESS_HEADERS = ("Kundennummer", "Firma", "Ansprechpartner", "PLZ", "Ort", "Betreuer", "Quelle",
                   "Angelegt am", "Interessent seit", "Wiedervorlage")
ORDER_HEADERS = ("Auftragsnummer", "Auftragsdatum", "Kd.-Nr.", "Kunde", "Produkt", "Betrag netto", "Status",
                 "Betreuer")
CONTACT_HEADERS = ("Kd.-Nr.", "Datum", "Kontaktart", "Ergebnis", "Betreuer", "Wiedervorlage")
MAILING_HEADERS = ("Kundennummer", "Versanddatum", "Reaktion")

ADDRESSES_FILE = "Adressen.xlsx"
CONTACTS_FILE = "Kontakte.xlsx"
MAILING_FILE = "Mailing Frühjahr 2026.xlsx"


def order_file(year: int) -> str:
    return f"Aufträge {year}.xlsx"


def dataset_folder(data: Path, size: str, shape: str) -> Path:
    return data / (size if shape == "by-year" else f"{size}-{shape}")


def order_files(shape: str) -> list[str]:
    return [order_file(year) for year in ORDER_YEARS] if shape == "by-year" else [ALL_ORDERS_FILE]


def dataset_files(folder: Path, shape: str = "by-year") -> list[Path]:
    names = [ADDRESSES_FILE, *order_files(shape), CONTACTS_FILE, MAILING_FILE]
    return [folder / name for name in names]


def write_dataset(folder: Path, size: str, shape: str = "by-year") -> list[Path]:
    """The workbooks of one size and shape in `folder`, written unless a complete set of them is there."""
    spec = SIZES[size]
    files = dataset_files(folder, shape)
    marker = folder / MARKER
    expected = {"size": size, "shape": shape, "generator": GENERATOR_VERSION}
    if marker.is_file() and json.loads(marker.read_text()) == expected and all(path.is_file() for path in files):
        return files
    folder.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)  # the marker is written last, so an interrupted run starts again
    rng = np.random.default_rng([20261127, list(SIZES).index(size)])
    people = make_addresses(rng, spec.addresses)
    write_sheet(folder / ADDRESSES_FILE, "Adressen", ADDRESS_HEADERS, people.columns,
                ("number", "text", "text", "text", "text", "text", "text", "date", "date", "date"))
    orders = make_orders(rng, people, spec.order_rows)
    if shape == "by-year":
        year_starts = np.searchsorted(orders[1], [_serial(dt.date(year, 1, 1)) for year in ORDER_YEARS[1:]])
        bounds = [0, *year_starts.tolist(), spec.order_rows]
    else:
        bounds = [0, spec.order_rows]
    for name, start, stop in zip(order_files(shape), bounds[:-1], bounds[1:], strict=True):
        write_sheet(folder / name, "Aufträge", ORDER_HEADERS, [column[start:stop] for column in orders],
                    ("number", "date", "number", "text", "text", "number", "text", "text"))
    write_sheet(folder / CONTACTS_FILE, "Kontakte", CONTACT_HEADERS, make_activities(rng, people, spec.activities),
                ("number", "date", "text", "text", "text", "date"))
    write_sheet(folder / MAILING_FILE, "Mailing", MAILING_HEADERS, make_mailing(rng, people),
                ("number", "date", "text"))
    marker.write_text(json.dumps(expected))
    return files


@dataclass(frozen=True)
class Addresses:
    """The address list as columns, plus what the other workbooks need to agree with it."""

    columns: list[np.ndarray]
    ids: np.ndarray
    companies: np.ndarray
    owners: np.ndarray
    buyers: np.ndarray  # indices of the addresses that order


def make_addresses(rng: np.random.Generator, count: int) -> Addresses:
    ids = FIRST_ID + np.arange(count)
    companies = _pick(SURNAMES, rng, count) + " " + _pick(TRADES, rng, count) + " " + _pick(LEGAL_FORMS, rng, count)
    contacts = _pick(FIRST_NAMES, rng, count) + " " + _pick(SURNAMES, rng, count)
    towns = rng.integers(len(TOWNS), size=count)
    owners = _pick(OWNERS, rng, count)
    created = rng.integers(SPAN_DAYS, size=count)
    # Interest is shown some time after the address was entered.
    interest = created + (rng.random(count) * (SPAN_DAYS - created)).astype(np.int64)
    # A follow-up date lies around the last day: most are overdue, some still to come.
    follow_up = rng.integers(-120, 30, size=count) + (SPAN_DAYS - 1)
    columns = [
        ids, companies, contacts, np.array([town[0] for town in TOWNS])[towns],
        np.array([town[1] for town in TOWNS])[towns], owners, _pick(SOURCES, rng, count), _serial_days(created),
        _sometimes(rng, _serial_days(interest), INTEREST_SHARE),
        _sometimes(rng, _serial_days(follow_up), ADDRESS_FOLLOW_UP_SHARE),
    ]
    buyers = np.flatnonzero(rng.random(count) >= NEVER_ORDER_SHARE)
    return Addresses(columns, ids, companies, owners, buyers)


def make_orders(rng: np.random.Generator, people: Addresses, rows: int) -> list[np.ndarray]:
    """Order rows sorted by date; every buyer orders at least once, a few order very often."""
    continues = rng.random(rows) < LINE_ITEM_SHARE
    continues[0] = False
    order_of_row = np.cumsum(~continues) - 1
    orders = int(order_of_row[-1]) + 1
    weights = rng.lognormal(0.0, 1.5, size=len(people.buyers))
    customers = np.concatenate([people.buyers, rng.choice(people.buyers, size=orders - len(people.buyers),
                                                          p=weights / weights.sum())])
    days = rng.integers(SPAN_DAYS, size=orders)
    by_date = np.argsort(days, kind="stable")
    customers, days = customers[by_date], days[by_date]
    statuses = np.where(rng.random(orders) < CANCELLED_SHARE, "storniert", _pick(OPEN_STATUSES, rng, orders))

    customer = customers[order_of_row]
    products = rng.integers(len(PRODUCTS), size=rows)
    low = np.array([product[1] for product in PRODUCTS])[products]
    high = np.array([product[2] for product in PRODUCTS])[products]
    amounts = np.round(low + rng.random(rows) * (high - low), 2)
    return [FIRST_ORDER_NUMBER + order_of_row, _serial_days(days)[order_of_row], people.ids[customer],
            people.companies[customer], np.array([product[0] for product in PRODUCTS])[products], amounts,
            statuses[order_of_row], people.owners[customer]]


def make_activities(rng: np.random.Generator, people: Addresses, rows: int) -> list[np.ndarray]:
    """The contact log in date order; customers are called more often, many addresses never."""
    count = len(people.ids)
    weights = rng.lognormal(0.0, 1.5, size=count)
    weights[people.buyers] *= 3
    customer = rng.choice(count, size=rows, p=weights / weights.sum())
    days = np.sort(rng.integers(SPAN_DAYS, size=rows))
    types = rng.choice(list(CONTACT_TYPES), size=rows, p=list(CONTACT_TYPES.values()))
    follow_up = _sometimes(rng, _serial_days(days + rng.integers(3, 31, size=rows)), ACTIVITY_FOLLOW_UP_SHARE)
    return [people.ids[customer], _serial_days(days), types, _pick(RESULTS, rng, rows), people.owners[customer],
            follow_up]


def make_mailing(rng: np.random.Generator, people: Addresses) -> list[np.ndarray]:
    count = len(people.ids)
    recipients = np.sort(rng.choice(count, size=int(count * MAILING_SHARE), replace=False))
    rate = np.where(np.isin(recipients, people.buyers), RESPONSE_RATE_BUYERS, RESPONSE_RATE_OTHERS)
    responses = np.where(rng.random(len(recipients)) < rate, "ja", "nein")
    return [people.ids[recipients], np.full(len(recipients), _serial(MAILING_DATE)), responses]


def write_sheet(path: Path, sheet_name: str, headers: Sequence[str], columns: Sequence[np.ndarray],
                kinds: Sequence[str]) -> None:
    """One sheet, row by row in constant memory; kinds: number, text or date (Excel serial, -1 = empty)."""
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    workbook.set_properties({"created": FIXED_TIME})
    sheet = workbook.add_worksheet(sheet_name)
    date_format = workbook.add_format({"num_format": "dd.mm.yyyy"})
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, headers, bold)
    writers = [_cell_writer(sheet, kind, date_format) for kind in kinds]
    for row, values in enumerate(zip(*(column.tolist() for column in columns)), start=1):
        for col, (write, value) in enumerate(zip(writers, values)):
            write(row, col, value)
    workbook.close()


def _cell_writer(sheet, kind: str, date_format) -> Callable[[int, int, object], object]:
    if kind == "number":
        return sheet.write_number
    if kind == "text":
        return sheet.write_string

    def write_date(row: int, col: int, serial: int) -> None:
        if serial >= 0:  # an empty cell is simply not written, as in a sheet someone typed
            sheet.write_number(row, col, serial, date_format)

    return write_date


def rewrite_unchanged(path: Path) -> None:
    """Save `path` again with the same bytes and a later modification time, as when a colleague
    opens a workbook and saves it without changes."""
    before = path.stat().st_mtime_ns
    path.write_bytes(path.read_bytes())
    later = max(time.time_ns(), before + 1_000_000_000)
    os.utime(path, ns=(later, later))


def _pick(choices: Sequence[str], rng: np.random.Generator, count: int) -> np.ndarray:
    return np.array(choices, dtype=object)[rng.integers(len(choices), size=count)]


def _serial(day: dt.date) -> int:
    return (day - EXCEL_EPOCH).days


def _serial_days(offsets: np.ndarray) -> np.ndarray:
    """Days after FIRST_DAY → Excel date serials."""
    return FIRST_SERIAL + offsets


def _sometimes(rng: np.random.Generator, serials: np.ndarray, share: float) -> np.ndarray:
    """Keep `share` of the dates; the rest become -1, an empty cell."""
    return np.where(rng.random(len(serials)) < share, serials, -1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium,large", help="comma-separated: small, medium, large")
    parser.add_argument("--shapes", default="by-year", help="comma-separated: " + ", ".join(SHAPES))
    parser.add_argument("--data", type=Path, default=Path("bench/data"), help="folder for one folder per size")
    args = parser.parse_args(argv)
    for size in args.sizes.split(","):
        for shape in args.shapes.split(","):
            started = time.perf_counter()
            folder = dataset_folder(args.data, size, shape)
            files = write_dataset(folder, size, shape)
            megabytes = sum(path.stat().st_size for path in files) / 1e6
            print(f"{size}, {shape}: {len(files)} workbooks, {megabytes:.1f} MB in {folder} "
                  f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
