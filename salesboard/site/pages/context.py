"""What every page builder shares: the build's data, and the page context (language, words, tables)."""
from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from salesboard.config import Settings
from salesboard.domain import SEGMENTS, STAGES
from salesboard.input.read import ReadResult
from salesboard.metrics import Headline, Metrics
from salesboard.model import Column
from salesboard.site import charts
from salesboard.site.formatting import fmt_number
from salesboard.site.page_model import Card, Chart, Link, Table, table_data
from salesboard.site.texts import translator

# Rows a page carries per table: the browser stays quick and a page of a large data set stays small.
MAX_TABLE_ROWS = 5000


@dataclass(frozen=True)
class SiteData:
    settings: Settings
    metrics: Metrics
    last_week: Headline  # the key figures as of seven days earlier, for the change on the cards
    read: ReadResult
    follow_ups: pl.DataFrame  # follow_up_rows(): the overdue list in words, as page and downloads show it
    downloads: tuple[Link, ...]
    # The other lists offered as files (pages.call_list.list_exports), by export id.
    list_downloads: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    # metrics.headline_history: the key figures of the last 12 weeks, for the cards' sparklines.
    history: pl.DataFrame | None = None


class PageContext:
    """Language, currency and the words, shared by the page builders."""

    def __init__(self, settings: Settings):
        self.language, self.currency = settings.language, settings.currency
        self.t = translator(settings.language)
        self.segment_names = {segment: self.t(f"segment.{segment}") for segment in SEGMENTS}

    def column(self, key: str, kind: str = "text", filter: bool | str = False) -> Column:
        return Column(key, self.t(f"col.{key}"), kind, filter)

    def table(self, id: str, title: str, frame: pl.DataFrame, columns: list[Column], page_size: int = 50,
              csv_name: str = "") -> Table:
        """A sortable, filterable table; past MAX_TABLE_ROWS the page shows the first rows (the most urgent,
        as the lists are sorted) and says so, and the downloads hold them all. With `csv_name` the page
        offers the rows as filtered as a .csv made in the browser, named `{csv_name}.csv`."""
        note = ""
        if frame.height > MAX_TABLE_ROWS:
            note = self.t("note.table_limit").format(shown=fmt_number(MAX_TABLE_ROWS, self.language),
                                                     total=fmt_number(frame.height, self.language))
            frame = frame.head(MAX_TABLE_ROWS)
        data = table_data(frame, columns, self.language, self.currency, page_size)
        if csv_name:
            data["csv"] = csv_name
        return Table(id, title, data, note)

    def sentence(self, key: str) -> tuple[str, str]:
        """A chart hover's words about a count: (for any count, for exactly one)."""
        return self.t(key), self.t(key, 1)

    def chart(self, id: str, title: str, figure: dict) -> Chart:
        return Chart(id, title, figure if charts.has_data(figure) else None)

    def segment_rules(self, loyal_min_orders: int) -> dict[str, str]:
        """What each code means: {"Z4": "3 und mehr Aufträge", …}."""
        return {s: self.t(f"segment_rule.{s}").format(count=loyal_min_orders) for s in SEGMENTS}

    def segment_legend(self, loyal_min_orders: int) -> str:
        """"Segmente: Z0 kalte Adresse: noch kein Auftrag, …; Z4 Stammkunde: 3 und mehr Aufträge." """
        rules = self.segment_rules(loyal_min_orders)
        return self.t("note.segment_codes").format(rules="; ".join(
            self.t("segment.explained").format(segment=self.segment_names[s], rule=rules[s]) for s in SEGMENTS))

    def stage_name(self, stage: str) -> str:
        return self.t(f"stage.{stage}") if stage in STAGES else self.t(f"weekly.{stage}")


def card(label: str, value: str, change: float | None, shown_change: str, good_when_up: bool = True,
         **extra) -> Card:
    """A key figure with its change since last week: an arrow for its direction, coloured by whether the
    change is good news (more overdue follow-ups is bad). `extra`: the other Card fields."""
    trend = "flat" if not change else "good" if (change > 0) == good_when_up else "bad"
    arrow = "▲ " if change and change > 0 else "▼ " if change and change < 0 else ""
    return Card(label, value, arrow + shown_change if shown_change else "", trend, **extra)
