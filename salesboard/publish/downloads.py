"""Tables as downloadable files for a German sales team: .xlsx, and .csv as German Excel reads it.

Both formats take the same frame and the same list of `Column`s, whose `kind` decides
how a value is written:

- text   — a string. In the .xlsx it is always a plain string cell, never a formula
           or hyperlink, whatever it starts with. In the .csv a value that starts with
           `=`, `+`, `-`, `@`, a tab or a carriage return gets a single quote `'` in
           front (OWASP's advice against CSV injection): Excel would otherwise run
           `=HYPERLINK(…)` as a formula and read `+49 351 1234` as a sum. The quote
           shows when the file is opened; that is the accepted price.
- number — any number: General format in Excel, decimal comma in the .csv.
- money  — `#,##0.00 €` in Excel, two decimals with a decimal comma in the .csv.
- date   — a real Excel date shown as 31.12.2026; `31.12.2026` in the .csv.
- int    — a whole number.
- percent — a share (0.125): 12.5 % in Excel, 0,125 in the .csv.

The .csv is UTF-8 with a byte-order mark (without it Excel reads the file as ANSI
and garbles umlauts), `;` between fields and CRLF line ends, with no thousands
separators. Missing values are empty cells in both formats.

Identical inputs give identical bytes: the workbook's creation date is a fixed
value, by default 2000-01-01, and the order of the files is fixed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import polars as pl

from salesboard.folding import spell_out_umlauts, without_accents
from salesboard.model import Column
from salesboard.publish.xlsx import SheetColumn, write_sheet

FIXED_CREATED = dt.datetime(2000, 1, 1)
NO_OWNER_SLUG = "ohne-zuordnung"
# Raise when the files' format changes, so that downloads made the old way are not reused.
DOWNLOADS_VERSION = 2
DOWNLOADS_RECORD = ".salesboard-downloads"  # what a site's downloads were made from

# A formula trigger at the start of the text, or after a `,` or `;` (and spaces): a program that
# splits the line at that separator would see a field starting with it.
_FORMULA_TRIGGER = r"(^|[,;])( *)([=+\-@\t\r])"
_MAX_WIDTH = 50
_FILTER_BUTTON_WIDTH = 3  # the autofilter arrow covers the end of the header text
_EXTRA_WIDTH = {"money": 4}  # thousands dots and " €", which the plain digits lack
_PADDING = 1  # a little space between neighbouring columns
_MAX_SLUG_LENGTH = 60  # keeps paths on a network drive well under Windows' 260 characters


def write_xlsx(frame: pl.DataFrame, columns: list[Column], path: Path, sheet_name: str, *,
               created: dt.datetime = FIXED_CREATED) -> None:
    """One sheet: a bold, frozen header row with an autofilter over the whole table, then the rows."""
    sheet_columns = [SheetColumn(column.label, column.kind, width)
                     for column, width in zip(columns, _column_widths(frame, columns))]
    values = frame.select(_typed(column).alias(str(index)) for index, column in enumerate(columns))
    write_sheet(path, sheet_name, sheet_columns, values, created)


def write_csv(frame: pl.DataFrame, columns: list[Column], path: Path) -> None:
    """A .csv that German Excel opens by double-click: UTF-8 with BOM, `;`, CRLF, decimal comma.

    Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
    with `'` so that Excel shows it instead of evaluating it (CSV injection, OWASP), and so is
    such a character after a `,` or `;` inside the text. Every text is quoted, so that a program
    reading the file with `,` as separator (English Excel, or LibreOffice with "comma" ticked)
    keeps it in one field as well.
    """
    frame.select((_quoted(_csv_value(column)) if column.kind == "text" else _csv_value(column)).alias(column.label)
                 for column in columns).write_csv(
        path,
        include_bom=True,
        separator=";",
        line_terminator="\r\n",
        date_format="%d.%m.%Y",
        decimal_comma=True,
        float_scientific=False,
        quote_style="never",  # text is quoted above; numbers and dates hold no separator
    )


def _quoted(text: pl.Expr) -> pl.Expr:
    """`"text"` with inner quotes doubled; a missing value stays an empty field."""
    return pl.concat_str(pl.lit('"'), text.str.replace_all('"', '""', literal=True), pl.lit('"'))


def write_downloads(frame: pl.DataFrame, columns: list[Column], folder: Path, stem: str, group_by: str | None,
                    sheet_name: str, *, created: dt.datetime = FIXED_CREATED) -> list[Path]:
    """`{stem}.xlsx` and `{stem}.csv` with every row, plus one pair per value of `group_by` if given.

    A group's files are named `{stem}-{slug}`: the value in lower-case ASCII (ä→ae,
    ß→ss, anything else → "-"), "ohne-zuordnung" for a missing or blank value, and a
    numeric suffix where two values share a slug. Values are compared after trimming
    spaces. Returns the paths written: the full table first, then the groups by slug.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, part in _parts(frame, stem, group_by):
        xlsx_path, csv_path = folder / f"{name}.xlsx", folder / f"{name}.csv"
        write_xlsx(part, columns, xlsx_path, sheet_name, created=created)
        write_csv(part, columns, csv_path)
        paths += [xlsx_path, csv_path]
    return paths


def write_site_downloads(frame: pl.DataFrame, columns: list[Column], site: Path, previous_site: Path | None,
                         stem: str, group_by: str | None, sheet_name: str, *,
                         created: dt.datetime = FIXED_CREATED) -> list[Path]:
    """write_downloads() into `site/downloads`, or, when `previous_site` holds downloads made from
    the very same rows and columns, a copy of those (the same bytes, without writing them again).
    What the files were made from, and the SHA-256 of each file as written, is recorded in
    `site/DOWNLOADS_RECORD`; a previous file whose content no longer has its hash (damaged, or
    changed by hand) is not copied, and all files are written anew."""
    folder = site / "downloads"
    names = download_names(frame, stem, group_by)
    digest = _digest(frame, columns, stem, group_by, sheet_name)
    recorded = _recorded_files(previous_site, digest) if previous_site else None
    if recorded is not None and set(recorded) == set(names) and _copied(names, recorded, previous_site / "downloads",
                                                                        folder):
        paths = [folder / name for name in names]
    else:
        # Written now, so the workbooks carry this build's time; a copy keeps the time it was written
        # (the rows are the same, and the as-of date is in the file names).
        paths = write_downloads(frame, columns, folder, stem, group_by, sheet_name, created=created)
    record = {"digest": digest, "files": {path.name: _content_hash(path.read_bytes()) for path in paths}}
    (site / DOWNLOADS_RECORD).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return paths


def _digest(frame: pl.DataFrame, columns: list[Column], stem: str, group_by: str | None, sheet_name: str) -> str:
    identity = json.dumps([DOWNLOADS_VERSION, pl.__version__, [vars(column) for column in columns], stem, group_by,
                           sheet_name, FIXED_CREATED.isoformat()], ensure_ascii=False)
    return hashlib.sha256(identity.encode("utf-8") + frame.write_ipc(None).getvalue()).hexdigest()


def _recorded_files(site: Path, digest: str) -> dict[str, str] | None:
    """The files and their content hashes `site`'s record lists if they were made from `digest`, else None."""
    try:
        record = json.loads((site / DOWNLOADS_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record.get("files") if isinstance(record, dict) and record.get("digest") == digest else None


def _copied(names: list[str], hashes: dict[str, str], source: Path, target: Path) -> bool:
    """Copy the files whose content still has its recorded hash; False (and nothing left in
    `target`) if one differs, went missing or could not be read."""
    target.mkdir(parents=True, exist_ok=True)
    for done, name in enumerate(names):
        try:
            content = (source / name).read_bytes()
        except OSError:
            content = None
        if content is None or _content_hash(content) != hashes[name]:
            for copied in names[:done]:
                (target / copied).unlink()
            return False
        (target / name).write_bytes(content)
    return True


def _content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def group_stems(frame: pl.DataFrame, stem: str, group_by: str) -> dict[str | None, str]:
    """The file stem write_downloads gives each value of `group_by` (trimmed; None for a missing or blank one)."""
    keys = frame.get_column(group_by).cast(pl.String).str.strip_chars().replace("", None)
    return {value: f"{stem}-{slug}" for value, slug in _unique_slugs(keys.unique().to_list())}


def download_names(frame: pl.DataFrame, stem: str, group_by: str | None) -> list[str]:
    """The file names write_downloads writes, in its order, known before anything is written."""
    return [f"{name}{suffix}" for name, _ in _parts(frame, stem, group_by, with_rows=False)
            for suffix in (".xlsx", ".csv")]


def _parts(frame: pl.DataFrame, stem: str, group_by: str | None,
           with_rows: bool = True) -> list[tuple[str, pl.DataFrame | None]]:
    """(file stem, its rows): all rows first, then one part per value of `group_by`, by slug."""
    parts: list[tuple[str, pl.DataFrame | None]] = [(stem, frame)]
    if group_by is not None:
        keys = frame.get_column(group_by).cast(pl.String).str.strip_chars().replace("", None)
        for value, slug in _unique_slugs(keys.unique().to_list()):
            parts.append((f"{stem}-{slug}", frame.filter(keys.eq_missing(value)) if with_rows else None))
    return parts


def _typed(column: Column) -> pl.Expr:
    """The frame column as the type its kind stands for; NaN counts as missing."""
    value = pl.col(column.key)
    match column.kind:
        case "text":
            return value.cast(pl.String)
        case "date":
            return value.cast(pl.Date)
        case "int":
            return value.cast(pl.Int64)
        case "money":
            # Whole cents, so that both files show the same amounts and sums of what is shown match.
            return value.cast(pl.Float64).fill_nan(None).round(2)
        case _:
            return value.cast(pl.Float64).fill_nan(None)


def _csv_value(column: Column) -> pl.Expr:
    if column.kind == "text":
        return _typed(column).str.replace_all(_FORMULA_TRIGGER, "${1}${2}'${3}")
    if column.kind == "money":
        return _typed(column).cast(pl.Decimal(38, 2))  # always prints two decimals: 1234,50
    return _typed(column)


def _column_widths(frame: pl.DataFrame, columns: list[Column]) -> list[int]:
    """Characters of the longest header or value as shown, capped so that long notes stay readable."""
    longest = frame.select(
        _csv_value(column).cast(pl.String).str.len_chars().max().alias(str(index))
        for index, column in enumerate(columns)
    ).row(0)
    return [min(_MAX_WIDTH, _PADDING + max(len(column.label) + _FILTER_BUTTON_WIDTH,
                                           (length or 0) + _EXTRA_WIDTH.get(column.kind, 0)))
            for column, length in zip(columns, longest)]


def _unique_slugs(values: list[str | None]) -> list[tuple[str | None, str]]:
    """Each value with a slug no other value has, ordered by slug; a clash gets -2, -3, …"""
    used: set[str] = set()
    result = []
    for value in sorted(values, key=lambda value: (_slug(value), value or "")):
        base = slug = _slug(value)
        suffix = 2
        while slug in used:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        used.add(slug)
        result.append((value, slug))
    return result


def _slug(value: str | None) -> str:
    """'Jörg Weiß' → 'joerg-weiss'; safe in file names on Windows and POSIX."""
    if value is None:
        return NO_OWNER_SLUG
    slug = re.sub(r"[^a-z0-9]+", "-", without_accents(spell_out_umlauts(value.lower())))[:_MAX_SLUG_LENGTH]
    slug = slug.strip("-")
    return slug or "gruppe"  # a value with no Latin letter or digit, such as '李'
