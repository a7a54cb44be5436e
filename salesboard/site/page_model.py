"""The shapes the templates render: pages made of sections of cards, charts, tables and downloads.

The templates receive only these dataclasses, holding plain Python data (strings,
numbers, lists, dicts), so they know nothing of Polars; table_data turns a frame
into such data.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from salesboard.model import TEXT_KINDS, Column
from salesboard.site.formatting import date_expr, money_expr, number_expr, percent_expr

# Between the items of a list in one cell ("fällig, Kontaktrhythmus"); the page's filter splits at it.
LIST_SEPARATOR = ", "
# Workbook text is cut to this many characters in a table cell, ending in "…"; the cell's tooltip
# shows up to TOOLTIP_CHARS of it. A 32,767-character note would otherwise fill the page (and
# every page it appears on); the downloads keep the whole text.
DISPLAY_CHARS = 200
TOOLTIP_CHARS = 2000
# A number's sort key keeps this many significant digits: more than any cell shows, fewer bytes in the page.
SORT_DIGITS = 6
# A text column whose distinct texts are at most one in this many rows carries each once ("values"), its cells
# their places among them.
SHARED_EVERY = 4


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    change: str  # e.g. "▲ +3 ggü. Vorwoche"; "" when there is nothing to compare
    trend: str  # "good", "bad" or "flat": the colour of the change
    href: str = ""  # the page that explains the figure; the whole card links there
    link_title: str = ""  # what the link says ("Mehr dazu: Segmente")
    spark: str = ""  # SVG polyline points of the last weeks (charts.spark_points); "" for none
    spark_title: str = ""
    verdict: str = ""  # the change in words for screen readers ("schlechter als vor einer Woche")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    figure: dict | None  # None: nothing to show yet, the page says so instead of drawing blank axes


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    data: dict  # the JSON the browser renders: columns, rows, page_size, labels
    note: str = ""


@dataclass(frozen=True)
class Link:
    """A download. With `follows` ("owner") the page shows it only while that filter is set to `value`
    ("" for the rows without one), or, for value None, while the filter is not set."""

    label: str
    href: str
    follows: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class Section:
    title: str
    text: str = ""
    cards: tuple[Card, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    links: tuple[Link, ...] = ()
    columns: int = 1  # charts side by side on wide screens


@dataclass(frozen=True)
class Page:
    slug: str  # file name without .html
    key: str  # texts key suffix: page.<key>, intro.<key>
    sections: tuple[Section, ...] = field(default_factory=tuple)
    notices: tuple[str, ...] = ()
    template: str = "page.html"
    in_navigation: bool = True  # the customer card is reached by search and links, not by the menu
    data: dict = field(default_factory=dict)  # JSON for the page's own script (the card's words)


def table_data(frame: pl.DataFrame, columns: list[Column], language: str, currency: str,
               page_size: int = 50) -> dict:
    """Rows of cells, formatted column-wise, each as short as the page can read it: a text column's cell
    is its text; a date's [display, days since 1970]; a number's [display, value to SORT_DIGITS
    significant digits, whole numbers as integers] (no sort key: null, sorted last). A text column whose
    texts repeat lists them once in its "values", and its cells are their places in that list.

    A "tel" or "mailto" column holds plain text too; the page script makes each cell a link of that
    kind. A "customer" column's cells are [text, customer_id], or the text alone in a column of the IDs
    themselves: the page links the text to the card (`customer.html#id=…`, the ID URL-encoded) and
    sorts by the text. The owner filter carries `param` "owner": the page keeps its choice in the URL
    (`#owner=…`).
    """
    display = frame.select([_display(column, language, currency) for column in columns])
    sort_keys = frame.select([_sort_key(column) for column in columns if column.kind not in TEXT_KINDS])
    shared = {column.key: _shared_values(display[column.key]) for column in columns if column.kind == "text"}
    # Column by column, then zipped into rows (tuples are JSON arrays): no Python work per cell.
    cells = [_customer_cells(display[column.key], frame["customer_id"]) if column.kind == "customer"
             else _codes(display[column.key], shared[column.key]) if shared.get(column.key)
             else display[column.key].to_list() if column.kind in TEXT_KINDS
             else list(zip(display[column.key].to_list(), _compact(sort_keys[column.key]).to_list()))
             for column in columns]
    rows = list(zip(*cells))
    titles = [[row, index, title] for index, column in enumerate(columns) if column.kind in ("text", "customer")
              for row, title in _long_texts(frame, column.key)]
    return {
        "columns": [{"label": c.label, "kind": c.kind if c.kind in (*TEXT_KINDS, "date") else "number",
                     "filter": bool(c.filter), "items": LIST_SEPARATOR if c.filter == "each" else None,
                     "param": "owner" if c.key == "owner" and c.filter else None,
                     "align": "left" if c.kind in (*TEXT_KINDS, "date") else "right",
                     **({"values": shared[c.key]} if shared.get(c.key) else {})}
                    for c in columns],
        "rows": rows,
        "page_size": page_size,
        **({"titles": titles} if titles else {}),  # [row, column, tooltip] of the cells cut short
    }


def _customer_cells(text: pl.Series, ids: pl.Series) -> list:
    """[text, ID] per row; the text alone where every row's text is its ID (a column of the IDs)."""
    ids = ids.cast(pl.String).fill_null("")
    if (text == ids).all():
        return text.to_list()
    return list(zip(text.to_list(), ids.to_list()))


def _shared_values(text: pl.Series) -> list[str] | None:
    """The distinct texts of a column whose texts repeat (an owner, a segment, a reason), in order of first
    appearance; None when they hardly do, as codes would save little."""
    distinct = text.unique(maintain_order=True)
    return distinct.to_list() if distinct.len() * SHARED_EVERY <= text.len() else None


def _codes(text: pl.Series, values: list[str]) -> list[int]:
    """Each text's place among `values`."""
    return text.cast(pl.Enum(values)).to_physical().to_list()


def _compact(keys: pl.Series) -> pl.Series:
    """Sort keys as short as JSON writes them: whole numbers as integers (a column holding only those)."""
    known = keys.drop_nulls()
    if keys.dtype.is_float() and ((known == known.round(0)) & (known.abs() < 2**53)).all():
        return keys.cast(pl.Int64)
    return keys


def cut_text(text: pl.Expr, limit: int) -> pl.Expr:
    """`text` with at most `limit` characters: a longer one is cut and ends in "…"."""
    return pl.when(text.str.len_chars() > limit).then(text.str.slice(0, limit - 1) + "…").otherwise(text)


def _long_texts(frame: pl.DataFrame, key: str) -> list[tuple[int, str]]:
    """(row, tooltip) of the cells of a text column that are cut short on the page."""
    text = pl.col(key).cast(pl.String)
    long = frame.select(text.alias("text")).with_row_index("row").filter(pl.col("text").str.len_chars() > DISPLAY_CHARS)
    return list(long.select("row", cut_text(pl.col("text"), TOOLTIP_CHARS)).iter_rows())


def _display(column: Column, language: str, currency: str) -> pl.Expr:
    value = pl.col(column.key)
    expression = {
        "text": lambda: cut_text(value.cast(pl.String), DISPLAY_CHARS).fill_null(""),
        "tel": lambda: value.cast(pl.String).fill_null(""),
        "mailto": lambda: value.cast(pl.String).fill_null(""),
        "customer": lambda: cut_text(value.cast(pl.String), DISPLAY_CHARS).fill_null(""),
        "int": lambda: number_expr(value, language, 0),
        "number": lambda: number_expr(value, language, 1),
        "money": lambda: money_expr(value, language, currency, 0),
        "percent": lambda: percent_expr(value, language, 1),
        "date": lambda: date_expr(value, language),
    }[column.kind]()
    return expression.alias(column.key)


def _sort_key(column: Column) -> pl.Expr:
    value = pl.col(column.key)
    if column.kind == "date":
        return value.cast(pl.Date).cast(pl.Int32).alias(column.key)
    number = value.cast(pl.Float64)
    # NaN and infinity have no JSON: such a key is none (sorted last).
    return pl.when(number.is_finite()).then(number.round_sig_figs(SORT_DIGITS)).alias(column.key)
