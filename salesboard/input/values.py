"""Cell text → typed values, column by column.

Sheets are read with every cell as text (dates as calamine's ISO text, numbers
in their shortest form), so nothing is guessed from a sample; each function
here turns one such text column (a Series) into its type and yields null where
the text cannot be read, so the caller can report exactly those cells.
"""
from __future__ import annotations

import polars as pl

from salesboard.input.headers import fold

_EXCEL_EPOCH = pl.date(1899, 12, 30)

_YES = ["ja", "j", "yes", "y", "x", "1", "true", "wahr", "ok", "responded", "reagiert"]
_NO = ["nein", "n", "no", "0", "false", "falsch", "-", "keine", "none"]
_CANCELLED = {"storniert", "storno", "cancelled", "canceled", "annulliert"}
_RETURNED = {*_CANCELLED, "retourniert", "retoure", "returned", "zurueckgegeben", "zurückgegeben"}

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


def text(column: pl.Series) -> pl.Series:
    """Trimmed text; empty → null."""
    stripped = column.str.strip_chars()
    return stripped.set(stripped.str.len_chars() == 0, None)


def customer_id(column: pl.Series) -> pl.Series:
    """IDs compare as trimmed text: 1001, '1001.0' and ' 1001 ' are one customer."""
    ids = text(column)
    dotted = ids.str.contains(".", literal=True).fill_null(False).arg_true()  # the regex only where it may match
    return ids.scatter(dotted, ids.gather(dotted).str.replace(r"^(\d+)\.0+$", "${1}"))


# Day, month and year of a text date such as 31.12.2025, 12/31/25 or 31-12-2025 14:30 (a time is ignored).
_NUMERIC_DATE = (r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\.?"
                 r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?$")


def date(column: pl.Series, pinned_format: str | None = None, month_first: bool = False) -> pl.Series:
    """Excel dates (calamine ISO text), 31.12.2025, 31.12.25, 2025-12-31, ISO datetimes, 12/31/2025 when
    `month_first`, and bare Excel serial numbers of five digits (1927–2173)."""
    value = text(column)
    excel = value.str.strptime(pl.Date, "%Y-%m-%d %H:%M:%S", strict=False)
    return _fill_in(excel, value, lambda rest: _date_patterns(rest, pinned_format, month_first))


def date_order_evidence(column: pl.Series) -> tuple[str | None, str | None]:
    """(a cell proving day/month order, a cell proving month/day order), each None when none does:
    a first number above 12 can only be a day, a second one above 12 only a day too."""
    # Real Excel dates (read as ISO text, 2025-03-01 …) prove nothing: one cheap test finds the few cells
    # typed as text that begin like a day or month.
    maybe = column.filter((column.str.slice(4, 1) != "-").fill_null(False))  # not 2025-…
    value = maybe.filter(maybe.str.contains(r"^\s*\d{1,2}[./-]\d").fill_null(False)).str.strip_chars()
    if value.is_empty():
        return None, None
    parts = value.str.extract_groups(_NUMERIC_DATE)
    first, second = parts.struct.field("1").cast(pl.Int32), parts.struct.field("2").cast(pl.Int32)
    day_first = value.filter((first > 12).fill_null(False))
    month_first = value.filter((second > 12).fill_null(False))
    return (day_first[0] if day_first.len() else None), (month_first[0] if month_first.len() else None)


def _date_patterns(value: pl.Expr, pinned_format: str | None, month_first: bool) -> pl.Expr:
    candidates = [value.str.strptime(pl.Date, pinned_format, strict=False)] if pinned_format else []
    iso = value.str.extract(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[ T][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
    parts = value.str.extract_groups(_NUMERIC_DATE)
    day, month = (parts.struct.field("2"), parts.struct.field("1")) if month_first else (
        parts.struct.field("1"), parts.struct.field("2"))
    year = parts.struct.field("3")
    year = pl.when(year.str.len_chars() == 2).then("20" + year).otherwise(year)
    numeric = pl.concat_str([year, month.str.zfill(2), day.str.zfill(2)], separator="-")
    serial = value.str.extract(r"^(\d{5})(?:\.\d+)?$").cast(pl.Int64, strict=False)
    candidates += [
        iso.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
        numeric.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
        _EXCEL_EPOCH + pl.duration(days=serial),
    ]
    return pl.coalesce(candidates)


def number(column: pl.Series) -> pl.Series:
    """A quantity or price: read like an amount (3, 2,5, 1.234,56 €)."""
    return amount(column)


def discount(column: pl.Series) -> pl.Series:
    """A discount as a fraction: 0.1, 10 %, 10% and 10 are all a tenth (a number above 1 is a percent)."""
    value = text(column)
    percent = value.str.contains("%", literal=True).fill_null(False)
    share = amount(value.str.replace_all("%", "", literal=True))
    return pl.select(pl.when(pl.lit(percent) | (pl.lit(share) > 1)).then(pl.lit(share) / 100)
                     .otherwise(pl.lit(share))).to_series().alias(column.name)


def amount(column: pl.Series) -> pl.Series:
    """Numbers, or text such as '1.234,56 €', '1,234.56', 'EUR 99', '-12,50'.

    A plain '1234.5' (how a number cell reads) is taken as it is. Otherwise the
    last of '.'/',' is the decimal mark when both appear; a lone ',' is decimal
    (German); lone dots in groups of three ('1.234', '1.234.567') are thousands.
    """
    value = text(column)
    number = value.cast(pl.Float64, strict=False)
    plain = number.set(~number.is_finite(), None)
    return _fill_in(plain, value, _amount_patterns)


def _amount_patterns(value: pl.Expr) -> pl.Expr:
    bare = (
        value.str.replace_all(r"(?i)eur|euro|€|chf|usd|\$|[\s\u00a0'’]", "")
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
    return normalised.str.extract(r"^(-?\d+(?:\.\d+)?)$").cast(pl.Float64, strict=False)


def _fill_in(fast: pl.Series, value: pl.Series, patterns) -> pl.Series:
    """`fast` (what the cheap reading gave), with the cells it left empty but `value` has read by
    `patterns`, an expression of the text. Nearly every cell of a real sheet reads the cheap way,
    so the pattern matching runs on the few that are left, not on whole columns."""
    left = (fast.is_null() & value.is_not_null()).arg_true()
    if left.is_empty():
        return fast
    rest = value.gather(left).to_frame("value").select(patterns(pl.col("value"))).to_series()
    return fast.scatter(left, rest)


def response(column: pl.Series, sent: pl.Series, pinned_format: str | None = None,
             month_first: bool = False) -> tuple[pl.Series, pl.Series]:
    """(responded, response_date): a yes means on the send date, a date means that date.
    Empty is no; unreadable text is null (reported by the caller)."""
    value = text(column)
    frame = pl.DataFrame({"value": value, "word": value.str.to_lowercase(), "sent": sent,
                          "answered_on": date(column, pinned_format, month_first)})
    word, answered_on = pl.col("word"), pl.col("answered_on")
    responded, response_date = frame.select(
        pl.when(pl.col("value").is_null()).then(False)
        .when(word.is_in(_YES)).then(True)
        .when(word.is_in(_NO)).then(False)
        .when(answered_on.is_not_null()).then(True)
        .alias("responded"),
        pl.when(word.is_in(_YES)).then(pl.col("sent")).otherwise(answered_on).alias("response_date"),
    ).get_columns()
    return responded, response_date


def stages(types: pl.Series, extra: dict[str, str] | None = None) -> pl.Series:
    """Activity type → stage by alias (the defaults, then `extra`: folded type → stage); unknown → 'other'.
    Folds each distinct type once."""
    known = {**STAGE_BY_FOLDED_TYPE, **(extra or {})}
    mapping = {raw: known.get(fold(raw), "other") for raw in types.drop_nulls().unique()}
    return types.replace_strict(mapping, default="other", return_dtype=pl.String)


def is_cancelled(column: pl.Series) -> pl.Series:
    return text(column).str.to_lowercase().is_in(list(_CANCELLED)).fill_null(False)


def is_returned(column: pl.Series) -> pl.Series:
    """A returns sheet's mark: yes (ja, x, 1, true) or a status word (retourniert, storniert, returned)."""
    word = text(column).str.to_lowercase()
    return (word.is_in(_YES) | word.is_in(list(_RETURNED))).fill_null(False)


_OFFER_STATUS = {
    "open": ["offen", "open", "in bearbeitung", "pending", "ausstehend"],
    "won": ["angenommen", "gewonnen", "beauftragt", "auftrag", "won", "accepted", "ordered"],
    "lost": ["abgelehnt", "verloren", "storniert", "lost", "declined", "rejected", "cancelled", "canceled"],
}
_OFFER_STATUS_BY_WORD = {word: status for status, words in _OFFER_STATUS.items() for word in words}


def offer_status(column: pl.Series) -> pl.Series:
    """An offer's status word as open, won or lost; null when empty or not one of the known words."""
    word = text(column).str.to_lowercase()
    return word.replace_strict(_OFFER_STATUS_BY_WORD, default=None, return_dtype=pl.String)
