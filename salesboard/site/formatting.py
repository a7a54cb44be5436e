"""Numbers and dates in the page language (`1.234,56 €`, `27.11.2026`): for single values (the page
code, and the templates' date filters) and as Polars expressions for whole table columns."""
from __future__ import annotations

import datetime as dt
import math
import re

import polars as pl

_SEPARATORS = {"de": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def _is_missing(value) -> bool:
    return value is None or isinstance(value, float) and math.isnan(value)


def fmt_number(value, language: str = "de", decimals: int = 0) -> str:
    """1234.5 → '1.234,5' (de) / '1,234.5' (en); None → '–'."""
    if _is_missing(value):
        return "–"
    thousands, decimal = _SEPARATORS[language]
    value = round(value, decimals) or 0.0  # no "-0,00"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def fmt_money(value, language: str = "de", currency: str = "EUR", decimals: int = 0) -> str:
    """'1.234 €' in German, '€1,234' in English."""
    if _is_missing(value):
        return "–"
    symbol = _CURRENCY_SYMBOLS.get(currency, currency)
    number = fmt_number(abs(value), language, decimals)
    sign = "-" if round(value, decimals) < 0 else ""
    return f"{sign}{number}\u00a0{symbol}" if language == "de" else f"{sign}{symbol}{number}"


def fmt_percent(value, language: str = "de", decimals: int = 1) -> str:
    """0.1234 → '12,3 %' (de) / '12.3%' (en)."""
    if _is_missing(value):
        return "–"
    number = fmt_number(value * 100, language, decimals)
    return f"{number}\u00a0%" if language == "de" else f"{number}%"


def fmt_date(value, language: str = "de") -> str:
    """27.11.2026 (de) / 2026-11-27 (en); None → ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%d.%m.%Y") if language == "de" else value.isoformat()


def fmt_datetime(value: dt.datetime, language: str = "de") -> str:
    return value.strftime("%d.%m.%Y %H:%M") if language == "de" else value.strftime("%Y-%m-%d %H:%M")


def fmt_change(value, language: str = "de", decimals: int = 0) -> str:
    """A signed difference: '+3', '−2,5', '±0'."""
    if _is_missing(value):
        return "–"
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "−") + fmt_number(abs(value), language, decimals)



# The same formats as Polars expressions, for whole table columns at once.

def number_expr(column: pl.Expr, language: str = "de", decimals: int = 0) -> pl.Expr:
    thousands, decimal = _SEPARATORS[language]
    value = column.cast(pl.Float64)
    scale = 10**decimals
    scaled = (value.abs() * scale).round().cast(pl.Int64, strict=False)
    whole = (
        (scaled // scale).cast(pl.String).str.reverse()
        .str.replace_all(r"(\d{3})", "${1}" + thousands)
        .str.strip_chars_end(thousands).str.reverse()
    )
    if decimals:
        whole = whole + decimal + (scaled % scale).cast(pl.String).str.zfill(decimals)
    signed = pl.when((value < 0) & (scaled > 0)).then("-" + whole).otherwise(whole)
    return pl.when(value.is_null() | value.is_nan()).then(pl.lit("–")).otherwise(signed)


def money_expr(column: pl.Expr, language: str = "de", currency: str = "EUR", decimals: int = 0) -> pl.Expr:
    symbol = _CURRENCY_SYMBOLS.get(currency, currency)
    number = number_expr(column.abs(), language, decimals)
    sign = pl.when(column.cast(pl.Float64).round(decimals) < 0).then(pl.lit("-")).otherwise(pl.lit(""))
    text = sign + number + "\u00a0" + symbol if language == "de" else sign + symbol + number
    return pl.when(column.is_null() | column.cast(pl.Float64).is_nan()).then(pl.lit("–")).otherwise(text)


def percent_expr(column: pl.Expr, language: str = "de", decimals: int = 1) -> pl.Expr:
    number = number_expr(column * 100, language, decimals)
    text = number + ("\u00a0%" if language == "de" else "%")
    return pl.when(column.is_null() | column.cast(pl.Float64).is_nan()).then(pl.lit("–")).otherwise(text)


def date_expr(column: pl.Expr, language: str = "de") -> pl.Expr:
    return column.dt.strftime("%d.%m.%Y" if language == "de" else "%Y-%m-%d").fill_null("")


def template_expr(template: str, values: dict[str, pl.Expr]) -> pl.Expr:
    """A sentence with "{name}" placeholders filled column-wise from string expressions; a placeholder
    without a value stays as written."""
    pieces: list[pl.Expr] = []
    for index, part in enumerate(re.split(r"\{(\w+)\}", template)):
        if index % 2 == 0:
            if part:
                pieces.append(pl.lit(part))
        else:
            pieces.append(values[part] if part in values else pl.lit("{" + part + "}"))
    return pl.concat_str(pieces) if pieces else pl.lit("")
