"""Numbers and dates in the page language (`1.234,56 €`, `27.11.2026`): for single values (the page
code, and the templates' date filters) and as Polars expressions for whole table columns."""
from __future__ import annotations

import datetime as dt
import math
import re

import polars as pl

_SEPARATORS = {"de": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}
# A date as the site shows it (the customer card's script formats its day numbers with the same pattern).
DATE_FORMATS = {"de": "%d.%m.%Y", "en": "%Y-%m-%d"}


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


def fmt_seconds(value: float, language: str = "de") -> str:
    """A waiting time as the settings give it (to the hundredth), in the language's number format: 60, 0,5 (de)
    / 0.5 (en)."""
    return fmt_number(value, language, next((places for places in (0, 1) if round(value, places) == value), 2))


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
    return value.strftime(DATE_FORMATS[language])


def fmt_datetime(value: dt.datetime, language: str = "de") -> str:
    return value.strftime(f"{DATE_FORMATS[language]} %H:%M")


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
    return column.dt.strftime(DATE_FORMATS[language]).fill_null("")


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


# Weeks and days: "KW 48/2026" / "W48 2026", the reporting week with its dates, a weekday with its date.

def _calendar(kind: str, index: int, language: str) -> str:
    from salesboard.site.texts import TEXTS  # words live in texts; imported late, texts import nothing of this

    return TEXTS[f"{kind}.{index}"][language]


def fmt_week(week: str, language: str = "de", with_year: bool = True) -> str:
    """An ISO week "2026-W48" → 'KW 48/2026' (de) / 'W48 2026' (en); without the year 'KW 48' / 'W48'."""
    year, number = week.split("-W")
    if not with_year:
        return f"KW\u00a0{int(number)}" if language == "de" else f"W{int(number)}"
    return f"KW\u00a0{int(number)}/{year}" if language == "de" else f"W{int(number)}\u00a0{year}"


def fmt_week_span(week: str, monday: dt.date, sunday: dt.date, language: str = "de") -> str:
    """A week named with its dates: 'KW 47 · 16.–22.11.2026' (de) / 'W47 2026 · 16–22 Nov 2026' (en)."""
    number = int(week.split("-W")[1])
    if language == "de":
        start = monday.strftime("%d.") if monday.month == sunday.month else monday.strftime(
            "%d.%m." if monday.year == sunday.year else "%d.%m.%Y")
        return f"KW\u00a0{number} · {start}–{sunday.strftime('%d.%m.%Y')}"
    month = lambda day: _calendar("month", day.month, language)  # noqa: E731
    if monday.month == sunday.month:
        start = str(monday.day)
    else:
        start = f"{monday.day} {month(monday)}" + (f" {monday.year}" if monday.year != sunday.year else "")
    return f"W{number}\u00a0{week[:4]} · {start}–{sunday.day} {month(sunday)} {sunday.year}"


def fmt_day(day: dt.date, language: str = "de") -> str:
    """A weekday with its date, for "so far" lines: 'Mi 25.11.' (de) / 'Wed 25 Nov' (en)."""
    weekday = _calendar("weekday", day.weekday(), language)
    if language == "de":
        return f"{weekday} {day.strftime('%d.%m.')}"
    return f"{weekday} {day.day} {_calendar('month', day.month, language)}"


def fmt_month(day: dt.date, language: str = "de") -> str:
    """A month: 'Nov. 2026' (de) / 'Nov 2026' (en)."""
    return f"{_calendar('month', day.month, language)} {day.year}"


def fmt_short_date(day: dt.date, language: str = "de") -> str:
    """A date without its year, for axis labels: '29.08.' (de) / '29 Aug' (en)."""
    return day.strftime("%d.%m.") if language == "de" else f"{day.day} {_calendar('month', day.month, language)}"


# The same formats for Plotly: hover templates (d3 format, the figure's `separators` give the language's
# marks) and axis tick formats. Percentages go to Plotly multiplied by 100 (PERCENT_SCALE), so that the
# German "60,5 %" keeps its space.

PERCENT_SCALE = 100


def plot_value(kind: str, language: str = "de", currency: str = "EUR", field: str = "y",
               decimals: int | None = None) -> str:
    """The hover template piece of a value: '%{y:,.0f}' (count), '%{y:,.0f} €' / '€%{y:,.0f}' (money),
    '%{y:,.1f} %' / '%{y:,.1f}%' (percent, the value already × 100)."""
    if kind == "percent":
        places = 1 if decimals is None else decimals
        return f"%{{{field}:,.{places}f}}" + ("\u00a0%" if language == "de" else "%")
    number = f"%{{{field}:,.{0 if decimals is None else decimals}f}}"
    if kind == "money":
        symbol = _CURRENCY_SYMBOLS.get(currency, currency)
        return f"{number}\u00a0{symbol}" if language == "de" else f"{symbol}{number}"
    return number


def plot_axis(kind: str, language: str = "de", currency: str = "EUR") -> dict:
    """Tick format of a value axis: whole numbers, money with its currency, percent (× 100) with its sign."""
    if kind == "percent":
        return {"tickformat": ",.0f", "ticksuffix": "\u00a0%" if language == "de" else "%"}
    if kind == "money":
        symbol = _CURRENCY_SYMBOLS.get(currency, currency)
        affix = {"ticksuffix": f"\u00a0{symbol}"} if language == "de" else {"tickprefix": symbol}
        return {"tickformat": ",.0f", **affix}
    return {"tickformat": ",d"}


def currency_symbol(currency: str) -> str:
    return _CURRENCY_SYMBOLS.get(currency, currency)
