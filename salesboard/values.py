"""Cell text → typed values, as Polars expressions (SPEC §2 "Values").

Sheets are read with every cell as text (dates as calamine's ISO text, numbers
in their shortest form), so nothing is guessed from a sample; each function
here turns one such text column into its type and yields null where the text
cannot be read, so the caller can report exactly those cells.
"""
from __future__ import annotations

import polars as pl

from salesboard.headers import fold

_EXCEL_EPOCH = pl.date(1899, 12, 30)

_YES = ["ja", "j", "yes", "y", "x", "1", "true", "wahr", "ok", "responded", "reagiert"]
_NO = ["nein", "n", "no", "0", "false", "falsch", "-", "keine", "none"]
_CANCELLED = {"storniert", "storno", "cancelled", "canceled", "annulliert"}

# Activity type (folded) → stage. Unknown types become "other".
_STAGE_ALIASES = {
    "first_contact": ["Erstkontakt", "Kaltakquise", "Anruf", "Kaltanruf", "Telefonat",
                      "Erstgespräch", "First Contact", "Cold Call", "Call"],
    "follow_up": ["Folgekontakt", "Folgeanruf", "Follow-up", "Follow up", "Followup"],
    "meeting": ["Termin", "Besuch", "Meeting", "Präsentation", "Vor-Ort-Termin", "Visit", "Demo"],
    "chase": ["Nachfassen", "Nachfassung", "Chase", "Chaser"],
    "offer": ["Angebot", "Offer", "Quote", "Proposal"],
    "negotiation": ["Verhandlung", "Negotiation", "Preisverhandlung"],
    "enquiry": ["Anfrage", "Enquiry", "Inquiry", "Anfrage eingegangen", "Lead"],
}
STAGE_BY_FOLDED_TYPE = {fold(alias): stage for stage, aliases in _STAGE_ALIASES.items()
                        for alias in aliases}


def text(column: pl.Expr) -> pl.Expr:
    """Trimmed text; empty → null."""
    stripped = column.str.strip_chars()
    return pl.when(stripped.str.len_chars() > 0).then(stripped)


def customer_id(column: pl.Expr) -> pl.Expr:
    """IDs compare as trimmed text: 1001, '1001.0' and ' 1001 ' are one customer."""
    return text(column).str.replace(r"^(\d+)\.0+$", "${1}")


def date(column: pl.Expr, pinned_format: str | None = None) -> pl.Expr:
    """Excel dates (calamine ISO text), 31.12.2025, 31.12.25, 2025-12-31, ISO datetimes,
    and bare Excel serial numbers of five digits (1927–2173)."""
    value = text(column)
    # Real Excel dates are by far the most common: parse them cheaply, and run the
    # pattern matching below only on the cells that are left (null cells cost nothing).
    excel = value.str.strptime(pl.Date, "%Y-%m-%d %H:%M:%S", strict=False)
    rest = pl.when(excel.is_null()).then(value)
    candidates = [excel]
    if pinned_format:
        candidates.append(rest.str.strptime(pl.Date, pinned_format, strict=False))
    iso = rest.str.extract(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[ T][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
    german = rest.str.extract(r"^(\d{1,2}\.\d{1,2}\.\d{4})\.?$")
    german_short = rest.str.extract(r"^(\d{1,2}\.\d{1,2}\.\d{2})$")
    serial = rest.str.extract(r"^(\d{5})(?:\.\d+)?$").cast(pl.Int64, strict=False)
    candidates += [
        iso.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
        german.str.strptime(pl.Date, "%d.%m.%Y", strict=False),
        german_short.str.strptime(pl.Date, "%d.%m.%y", strict=False),
        _EXCEL_EPOCH + pl.duration(days=serial),
    ]
    return pl.coalesce(candidates)


def amount(column: pl.Expr) -> pl.Expr:
    """Numbers, or text such as '1.234,56 €', '1,234.56', 'EUR 99', '-12,50'.

    A plain '1234.5' (how a number cell reads) is taken as it is. Otherwise the
    last of '.'/',' is the decimal mark when both appear; a lone ',' is decimal
    (German); lone dots in groups of three ('1.234', '1.234.567') are thousands.
    """
    value = text(column)
    number = value.cast(pl.Float64, strict=False)
    plain = pl.when(number.is_finite()).then(number)
    # Only text that is not a plain number goes through the patterns below.
    bare = (
        pl.when(plain.is_null()).then(value).str.replace_all(r"(?i)eur|euro|€|chf|usd|\$|[\s\u00a0'’]", "")
        .str.replace(r"^\((.*)\)$", "-${1}")  # accounting negatives: (12,50)
        .str.replace(r"^(.*)-$", "-${1}")  # trailing minus: 12,50-
    )
    last_comma = bare.str.find(",", literal=True).fill_null(-1)
    comma_decimal = pl.when(bare.str.contains(r"\..*,")).then(True).when(bare.str.contains(r",.*\.")).then(False)
    dot_thousands = bare.str.contains(r"^-?\d{1,3}(\.\d{3})+$")
    normalised = (
        pl.when(comma_decimal.fill_null(last_comma >= 0))
        .then(bare.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True))
        .when(dot_thousands)
        .then(bare.str.replace_all(".", "", literal=True))
        .otherwise(bare.str.replace_all(",", "", literal=True))
    )
    parsed = normalised.str.extract(r"^(-?\d+(?:\.\d+)?)$").cast(pl.Float64, strict=False)
    return pl.coalesce(plain, parsed)


def response(column: pl.Expr, sent: pl.Expr, pinned_format: str | None = None) -> tuple[pl.Expr, pl.Expr]:
    """(responded, response_date): a yes means on the send date, a date means that date.
    Empty is no; unreadable text is null (reported by the caller)."""
    value = text(column)
    word = value.str.to_lowercase()
    answered_on = date(column, pinned_format)
    responded = (
        pl.when(value.is_null()).then(False)
        .when(word.is_in(_YES)).then(True)
        .when(word.is_in(_NO)).then(False)
        .when(answered_on.is_not_null()).then(True)
    )
    response_date = pl.when(word.is_in(_YES)).then(sent).otherwise(answered_on)
    return responded, response_date


def stages(types: pl.Series) -> pl.Series:
    """Activity type → stage by alias; unknown → 'other'. Folds each distinct type once."""
    mapping = {raw: STAGE_BY_FOLDED_TYPE.get(fold(raw), "other") for raw in types.drop_nulls().unique()}
    return types.replace_strict(mapping, default="other", return_dtype=pl.String)


def is_cancelled(column: pl.Expr) -> pl.Expr:
    return text(column).str.to_lowercase().is_in(list(_CANCELLED)).fill_null(False)
