"""Numbers and dates in the page language (`1.234,56 €`, `27.11.2026`); registered as Jinja filters."""
from __future__ import annotations

import datetime as dt
import math

_SEPARATORS = {"de": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def _is_missing(value) -> bool:
    return value is None or isinstance(value, float) and math.isnan(value)


def fmt_number(value, language: str = "de", decimals: int = 0) -> str:
    """1234.5 → '1.234,5' (de) / '1,234.5' (en); None → '–'."""
    if _is_missing(value):
        return "–"
    thousands, decimal = _SEPARATORS[language]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def fmt_money(value, language: str = "de", currency: str = "EUR", decimals: int = 0) -> str:
    """'1.234 €' in German, '€1,234' in English."""
    if _is_missing(value):
        return "–"
    symbol = _CURRENCY_SYMBOLS.get(currency, currency)
    number = fmt_number(abs(value), language, decimals)
    sign = "-" if value < 0 else ""
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
