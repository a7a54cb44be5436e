"""CSV files as a sheet of text cells: UTF-8 (with or without BOM) or Windows-1252, separated by
`;`, `,`, tab or `|`, all detected. A row with another number of fields than the table's is
reported and left out; so is a row with a field longer than any real cell."""
from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import polars as pl

from salesboard.input.convert import CELLS_LISTED
from salesboard.input.parts import RawSheet
from salesboard.quality import Problem, column_letter

SEPARATORS = ";,\t|"
# Python's csv module refuses longer fields by default; a field this long is a quote left open.
MAX_FIELD = 131_072
_SNIFF_LINES = 50


def read_csv(path: Path, file: str, data: bytes) -> tuple[list[RawSheet], list[Problem]]:
    content = _decode(data)
    separator = _separator(content)
    csv.field_size_limit(max(csv.field_size_limit(), len(content) + 1))
    try:
        records = list(csv.reader(io.StringIO(content, newline=""), delimiter=separator))
    except csv.Error as error:
        return [], [Problem("error", file, "", "", "file.csv_unreadable", "done.file_skipped",
                            {"reason": str(error)})]
    width = _table_width(records)
    if not width:
        return [], []
    problems: list[Problem] = []
    rows: list[list[str | None]] = []
    started = False
    for number, record in enumerate(records, start=1):
        started = started or len(record) == width
        longest = max(map(len, record), default=0)
        if longest > MAX_FIELD:
            problems.append(_row_problem(file, number, "csv.long_field", {"length": longest}))
            record = []
        elif started and record and len(record) != width and any(field.strip() for field in record):
            problems.append(_row_problem(file, number, "csv.ragged", {"found": len(record), "expected": width}))
            record = []
        rows.append([field if field != "" else None for field in record[:width]] + [None] * (width - len(record)))
    if len(problems) > CELLS_LISTED:  # as a person counts them: one problem for the many rows
        first = problems[0]
        problems = [Problem("error", file, "", "", "rows.like", "done.rows_skipped",
                            {"count": len(problems), "examples": ", ".join(p.cell for p in problems[:3]),
                             "what": {"message": first.message, "params": first.params}}, rows=len(problems))]
    letters = tuple(column_letter(index) for index in range(width))
    cells = pl.DataFrame(rows, schema={letter: pl.String for letter in letters}, orient="row")
    return [RawSheet(path, file, "", cells, letters)], problems


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # what German Excel writes for "CSV"


def _separator(content: str) -> str:
    """The separator that splits the first lines into the same number (above one) of fields most often."""
    head = content.splitlines()[:_SNIFF_LINES]

    def fit(candidate: str) -> tuple[float, int]:
        try:
            counts = Counter(len(fields) for fields in csv.reader(head, delimiter=candidate) if fields)
        except csv.Error:
            return 0.0, 0
        width, lines = counts.most_common(1)[0] if counts else (0, 0)
        return (lines / max(1, sum(counts.values())) if width > 1 else 0.0), width

    return max(SEPARATORS, key=fit)


def _table_width(records: list[list[str]]) -> int:
    """The number of fields most rows have (title lines above the header have fewer)."""
    counts = Counter(len(record) for record in records if len(record) > 1)
    return counts.most_common(1)[0][0] if counts else max((len(record) for record in records), default=0)


def _row_problem(file: str, number: int, message: str, params: dict) -> Problem:
    return Problem("error", file, "", str(number), message, "done.row_skipped", params)
