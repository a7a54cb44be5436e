"""Plotly figures as plain data ({"data": [...], "layout": {...}}) from metric frames.

Plain dicts rather than go.Figure: the figures are simple, and validating them
costs more than it gives. Text that comes from the workbooks (owner and
campaign names) passes through `label()`, because Plotly reads a few HTML tags
in labels; escaped, it shows them literally.
"""
from __future__ import annotations

import html

import polars as pl

from salesboard.domain import SEGMENTS
from salesboard.site.formatting import PERCENT_SCALE, fmt_number, plot_axis, plot_value

SEGMENT_COLOURS = {"Z0": "#9aa5b1", "Z1": "#f2b134", "Z2": "#e4572e", "Z3": "#4c9f70", "Z4": "#2e6f95"}
# Every series that is not a segment: slate, sand and mauve tones, none close to a segment's colour.
NEUTRAL_COLOURS = ["#334e68", "#a27b5c", "#7b6d8d", "#829ab1", "#5e5e5e", "#c9b79c"]
SERIES_COLOURS = NEUTRAL_COLOURS
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
LABEL_CHARS = 60  # a legend entry or axis label longer than this is cut, ending in "…"
SMALL_COUNTS = 6  # a count axis up to this shows every whole number (no "0,5 Adressen")
HISTOGRAM_TICKS = 6


def label(text) -> str:
    """Workbook text made inert for Plotly's label markup, and cut to LABEL_CHARS ("…")."""
    text = "–" if text is None else str(text)
    if len(text) > LABEL_CHARS:
        text = text[:LABEL_CHARS - 1] + "…"
    return html.escape(text, quote=False)


# A hover's words: the same for any count, or (for any count, for exactly one) as "3 Adressen", "1 Adresse".
Sentence = str | tuple[str, str]


def _hover_text(text: str) -> str:
    """A sentence of our own words for a hover template, inert for Plotly's label markup."""
    return text.replace("<", "&lt;")


def _hover(prefix: str, sentence: Sentence, value: str, values: list | None = None) -> str | list[str]:
    """The hover template `prefix` + `sentence` with {value} the formatted value; one per point when a count of
    exactly one among `values` has words of its own (Plotly takes a template per point)."""
    many, one = (sentence, sentence) if isinstance(sentence, str) else sentence

    def template(text: str) -> str:
        return prefix + _hover_text(text).replace("{value}", value) + "<extra></extra>"
    if one == many or not values or 1 not in values:
        return template(many)
    return [template(one if v == 1 else many) for v in values]


def layout(language: str, **extra) -> dict:
    base = {
        "font": {"family": FONT, "size": 13, "color": "#1f2933"},
        "margin": {"l": 60, "r": 20, "t": 40, "b": 50},
        "separators": ",." if language == "de" else ".,",
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"family": FONT}},
        "xaxis": {"automargin": True, "gridcolor": "#e4e7eb", "nticks": 14},
        "yaxis": {"automargin": True, "gridcolor": "#e4e7eb", "rangemode": "tozero"},
    }
    for key, value in extra.items():
        base[key] = {**base[key], **value} if isinstance(value, dict) and key in base else value
    for axis in ("xaxis", "yaxis"):
        title = base.get(axis, {}).get("title")
        if isinstance(title, dict) and title.get("text"):
            # Kept clear of the tick labels (rotated ones too): with automargin Plotly makes room for both.
            base[axis]["title"] = {"standoff": 6, **title}
    return base


def value_axis(kind: str, language: str, currency: str, title: str = "", values: list | None = None) -> dict:
    """A value axis with the unit's tick format, its title, and whole steps for small counts."""
    axis = {**plot_axis(kind, language, currency), "title": {"text": title}}
    largest = max((abs(v) for v in values or [] if v is not None), default=None)
    if kind == "count" and largest is not None and largest <= SMALL_COUNTS:
        axis["dtick"] = 1
    return axis


def _scaled(values: list, kind: str) -> list:
    return [None if v is None else v * PERCENT_SCALE for v in values] if kind == "percent" else list(values)


def _kind(percent: bool, money: str | None) -> str:
    return "percent" if percent else "money" if money else "count"


def grouped_bars(categories: list[str], series: dict[str, list], language: str, percent: bool = False,
                 colours: list[str] | None = None, money: str | None = None, x_title: str = "",
                 y_title: str = "", sentence: Sentence = "{value}", horizontal: bool = False,
                 narrow: list[str] | None = None) -> dict:
    """One bar per category and series, side by side. The hover reads "<series> · <category>: <sentence>"
    with {value} in `sentence` the value in its unit (money with its currency, percent as "60,5 %").
    `horizontal`: the categories down the side, first on top, so their names never turn sideways.
    `narrow`: shorter names of the categories for a chart on a phone (site.js takes a figure's "narrow" trace
    settings there)."""
    colours = colours or NEUTRAL_COLOURS
    kind = _kind(percent, money)
    value_field, category_field = ("x", "y") if horizontal else ("y", "x")
    value = plot_value(kind, language, money or "EUR", field=value_field)
    data = [{"type": "bar", "name": label(name), category_field: categories, value_field: _scaled(values, kind),
             "marker": {"color": colours[index % len(colours)]},
             "hovertemplate": _hover(f"%{{fullData.name}} · %{{{category_field}}}: ", sentence, value,
                                     values if kind == "count" else None)}
            for index, (name, values) in enumerate(series.items())]
    every = [v for values in series.values() for v in values]
    values_axis = value_axis(kind, language, money or "EUR", y_title, every)
    if horizontal:
        for trace in data:
            trace["orientation"] = "h"
        figure = {"data": data, "layout": layout(language, barmode="group", xaxis=values_axis,
                                                 yaxis={"autorange": "reversed", "rangemode": "normal",
                                                        "title": {"text": x_title}},
                                                 legend={"traceorder": "normal"})}
    else:
        figure = {"data": data, "layout": layout(language, barmode="group", xaxis={"title": {"text": x_title}},
                                                 yaxis=values_axis)}
    if narrow is not None:
        figure["narrow"] = {category_field: narrow}
    return figure


def segment_bars(segments: list[str], values: list, names: dict[str, str], language: str,
                 rules: dict[str, str] | None = None, y_title: str = "", sentence: Sentence = "{value}") -> dict:
    """One coloured bar per segment; the hover says what the segment code means (`rules`). On a phone the bars
    are named by their codes."""
    rules = rules or {}
    value = plot_value("count", language)
    return {"narrow": {"x": segments}, "data": [{"type": "bar", "x": [names[s] for s in segments], "y": values,
                      "marker": {"color": [SEGMENT_COLOURS[s] for s in segments]},
                      "customdata": [rules.get(s, "") for s in segments],
                      "text": values, "textposition": "auto", "texttemplate": "%{y:,.0f}",
                      "hovertemplate": _hover("%{x} (%{customdata}): ", sentence, value, values)}],
            "layout": layout(language, showlegend=False, yaxis=value_axis("count", language, "EUR", y_title, values))}


def stacked_by_segment(categories: list[str], counts: dict[str, list], names: dict[str, str], language: str,
                       area: bool = False, x_title: str = "", y_title: str = "",
                       sentence: Sentence = "{value}") -> dict:
    """Segments stacked per category: bars (e.g. per owner) or areas (e.g. per week)."""
    value = plot_value("count", language)
    data = []
    for segment in SEGMENTS:
        trace = {"name": names[segment], "x": categories, "y": counts[segment],
                 "hovertemplate": _hover("%{x} · %{fullData.name}: ", sentence, value, counts[segment])}
        if area:
            trace.update(type="scatter", mode="lines", stackgroup="segments",
                         line={"color": SEGMENT_COLOURS[segment], "width": 1})
        else:
            trace.update(type="bar", marker={"color": SEGMENT_COLOURS[segment]})
        data.append(trace)
    totals = [sum(v or 0 for v in column) for column in zip(*counts.values())]
    return {"data": data, "layout": layout(language, barmode="stack", xaxis={"title": {"text": x_title}},
                                           yaxis=value_axis("count", language, "EUR", y_title, totals))}


def heatmap(x: list[str], y: list[str], z: list[list], text: list[list[str]], language: str,
            z_range: tuple[float, float] | None = None, x_title: str = "", y_title: str = "",
            hover: str = "%{y} → %{x}: %{text}", hover_data: list[list[str]] | None = None,
            narrow: tuple[list[str], list[str]] | None = None) -> dict:
    """Rows grow the chart (26 px each), so a long list of cohorts stays readable. `z_range` fixes
    the colour scale (shares from 0 to 1), else it spans the values. `text` is shown in each cell
    and in the hover, so a cell's colour may follow something else than its number (a diagonal left white).
    `hover_data`: each cell's words, %{customdata} in `hover`. `narrow`: shorter (x, y) labels for a chart
    on a phone (site.js takes a figure's "narrow" trace settings there)."""
    trace = {"type": "heatmap", "x": x, "y": y, "z": z, "text": text, "texttemplate": "%{text}",
             "hovertemplate": _hover_text(hover) + "<extra></extra>",
             "colorscale": [[0, "#f7f9fb"], [1, "#486581"]],
             "showscale": False, "xgap": 2, "ygap": 2, "hoverongaps": False}
    if z_range:
        trace["zmin"], trace["zmax"] = z_range
    if hover_data is not None:
        trace["customdata"] = hover_data
    figure = {"data": [trace],
              "layout": layout(language, xaxis={"title": {"text": x_title}, "side": "top", "type": "category"},
                               yaxis={"title": {"text": y_title}, "autorange": "reversed", "type": "category"},
                               margin={"t": 80 if x_title else 60}, height=max(300, 130 + 26 * len(y)))}
    if narrow is not None:
        figure["narrow"] = {"x": narrow[0], "y": narrow[1]}
    return figure


def funnel(steps: list[str], values: list[int], language: str, colours: list[str] | None = None,
           sentence: Sentence = "{value}") -> dict:
    marker = {"color": colours} if colours else {"color": NEUTRAL_COLOURS[0]}
    value = plot_value("count", language, field="x")
    return {"data": [{"type": "funnel", "y": steps, "x": values, "marker": marker,
                      "texttemplate": "%{value:,.0f} · %{percentInitial:.0%}",
                      "hovertemplate": _hover("%{y}: ", sentence, value, values)}],
            # On a phone the numbers beside the narrow bars leave the share to the table below.
            "narrow": {"texttemplate": "%{value:,.0f}", "cliponaxis": False},
            "layout": layout(language, margin={"l": 140}, yaxis={"rangemode": "normal"})}


def lines(x: list[str], series: dict[str, list], language: str, money: str | None = None,
          bars: bool = False, sentences: dict[str, Sentence] | None = None, x_title: str = "",
          y_title: str = "") -> dict:
    """Series over weeks. Each series' hover is a sentence, "KW 21/2026: 3 Adressen mit Erstkontakt"
    (`sentences`: series name → text with {value})."""
    kind = _kind(False, money)
    data = []
    for index, (name, values) in enumerate(series.items()):
        trace = {"type": "bar" if bars else "scatter", "name": label(name), "x": x, "y": values,
                 "marker": {"color": NEUTRAL_COLOURS[index % len(NEUTRAL_COLOURS)], "size": 4},
                 "hovertemplate": _hover("", (sentences or {}).get(name, "{value}"),
                                         plot_value(kind, language, money or "EUR"),
                                         values if kind == "count" else None)}
        if not bars:
            trace["mode"] = "lines+markers"
        data.append(trace)
    every = [v for values in series.values() for v in values]
    return {"data": data, "layout": layout(language, hovermode="x unified",
                                           xaxis={"title": {"text": x_title}, "nticks": 8},
                                           yaxis=value_axis(kind, language, money or "EUR", y_title, every))}


def histogram(values: pl.Series, bin_size: int, language: str, x_title: str, y_title: str = "",
              sentence: Sentence = "{value}") -> dict:
    """Bars of how many `values` fall in each bin of `bin_size` from 0; the hover names the bin ("30–59") and
    says the count in its words (counted here, since Plotly's own bins know no words for exactly one)."""
    bins = (values.drop_nulls().to_frame("value").group_by((pl.col("value") // bin_size).alias("bin")).len()
            .sort("bin"))
    starts, counts = (bins["bin"] * bin_size).to_list(), bins["len"].to_list()
    ranges = [f"{fmt_number(start, language)}–{fmt_number(start + bin_size - 1, language)}" for start in starts]
    return {"data": [{"type": "bar", "x": [start + bin_size / 2 for start in starts], "y": counts,
                      "width": bin_size * 0.95, "customdata": ranges, "marker": {"color": NEUTRAL_COLOURS[0]},
                      "hovertemplate": _hover("%{customdata}: ", sentence, plot_value("count", language), counts)}],
            "layout": layout(language, xaxis={"title": {"text": x_title}, "rangemode": "tozero", "tick0": 0,
                                              "dtick": bin_size * _bins_per_tick(starts, bin_size)},
                             yaxis={**value_axis("count", language, "EUR", y_title, counts), "tickformat": ",d"})}


def _bins_per_tick(starts: list[int], bin_size: int) -> int:
    """Ticks at bin edges, at most HISTOGRAM_TICKS of them, so that a phone's narrow axis stays readable."""
    bins = (max(starts, default=0) // bin_size) + 1
    return max(1, -(-bins // HISTOGRAM_TICKS))


def spark_points(values: list, width: int = 100, height: int = 24) -> str:
    """An SVG polyline's points for a sparkline of `values` (None skipped), scaled to width × height."""
    present = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(present) < 2:
        return ""
    low, high = min(v for _, v in present), max(v for _, v in present)
    span, step = (high - low) or 1, width / (len(values) - 1)
    top = 2 if high != low else height / 2
    return " ".join(f"{i * step:.1f},{(height - 2) - (v - low) / span * (height - 4) if high != low else top:.1f}"
                    for i, v in present)


def has_data(figure: dict) -> bool:
    """False when every trace is empty or all zero: such a chart would show blank axes.
    A heatmap cell of 0 is data (a share of 0 %); only missing cells are not."""
    for trace in figure["data"]:
        kind = trace["type"]
        if kind == "heatmap":
            present = any(value is not None for row in trace["z"] for value in row)
        else:
            present = any(trace["x" if kind == "funnel" else "y"])
        if present:
            return True
    return False
