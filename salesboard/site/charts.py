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

SEGMENT_COLOURS = {"Z0": "#9aa5b1", "Z1": "#f2b134", "Z2": "#e4572e", "Z3": "#4c9f70", "Z4": "#2e6f95"}
SERIES_COLOURS = ["#2e6f95", "#e4572e", "#4c9f70", "#f2b134", "#7a5195", "#9aa5b1"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
LABEL_CHARS = 60  # a legend entry or axis label longer than this is cut, ending in "…"


def label(text) -> str:
    """Workbook text made inert for Plotly's label markup, and cut to LABEL_CHARS ("…")."""
    text = "–" if text is None else str(text)
    if len(text) > LABEL_CHARS:
        text = text[:LABEL_CHARS - 1] + "…"
    return html.escape(text, quote=False)


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
    return base


def grouped_bars(categories: list[str], series: dict[str, list], language: str, percent: bool = False,
                 colours: list[str] | None = None, money: str | None = None) -> dict:
    """One bar per category and series, side by side."""
    colours = colours or SERIES_COLOURS
    hover = "%{x}: %{y:.1%}" if percent else (f"%{{x}}: %{{y:,.0f}} {money}" if money else "%{x}: %{y:,}")
    data = [{"type": "bar", "name": label(name), "x": categories, "y": values,
             "marker": {"color": colours[index % len(colours)]},
             "hovertemplate": hover + "<extra>%{fullData.name}</extra>"}
            for index, (name, values) in enumerate(series.items())]
    return {"data": data, "layout": layout(language, barmode="group",
                                           yaxis={"tickformat": ".0%" if percent else ",d" if not money else ",.0f"})}


def segment_bars(segments: list[str], values: list, names: dict[str, str], language: str) -> dict:
    """One coloured bar per segment."""
    return {"data": [{"type": "bar", "x": [names[s] for s in segments], "y": values,
                      "marker": {"color": [SEGMENT_COLOURS[s] for s in segments]},
                      "text": values, "textposition": "auto",
                      "hovertemplate": "%{x}: %{y:,}<extra></extra>"}],
            "layout": layout(language, showlegend=False)}


def stacked_by_segment(categories: list[str], counts: dict[str, list], names: dict[str, str], language: str,
                       area: bool = False) -> dict:
    """Segments stacked per category: bars (e.g. per owner) or areas (e.g. per week)."""
    data = []
    for segment in SEGMENTS:
        trace = {"name": names[segment], "x": categories, "y": counts[segment],
                 "hovertemplate": "%{x}: %{y:,}<extra>%{fullData.name}</extra>"}
        if area:
            trace.update(type="scatter", mode="lines", stackgroup="segments",
                         line={"color": SEGMENT_COLOURS[segment], "width": 1})
        else:
            trace.update(type="bar", marker={"color": SEGMENT_COLOURS[segment]})
        data.append(trace)
    return {"data": data, "layout": layout(language, barmode="stack", yaxis={"tickformat": ",d"})}


def heatmap(x: list[str], y: list[str], z: list[list], text: list[list[str]], language: str,
            z_range: tuple[float, float] | None = None) -> dict:
    """Rows grow the chart (26 px each), so a long list of cohorts stays readable. `z_range` fixes
    the colour scale (shares from 0 to 1), else it spans the values."""
    trace = {"type": "heatmap", "x": x, "y": y, "z": z, "text": text, "texttemplate": "%{text}",
             "hovertemplate": "%{y} → %{x}: %{text}<extra></extra>",
             "colorscale": [[0, "#f0f4f8"], [1, "#2e6f95"]],
             "showscale": False, "xgap": 2, "ygap": 2, "hoverongaps": False}
    if z_range:
        trace["zmin"], trace["zmax"] = z_range
    return {"data": [trace],
            "layout": layout(language, xaxis={"title": {"text": ""}, "side": "top", "type": "category"},
                             yaxis={"title": {"text": ""}, "autorange": "reversed", "type": "category"},
                             margin={"t": 60}, height=max(300, 110 + 26 * len(y)))}


def funnel(steps: list[str], values: list[int], language: str, colours: list[str] | None = None) -> dict:
    marker = {"color": colours} if colours else {"color": SERIES_COLOURS[0]}
    return {"data": [{"type": "funnel", "y": steps, "x": values, "marker": marker,
                      "texttemplate": "%{value:,} · %{percentInitial:.0%}",
                      "hovertemplate": "%{y}: %{x:,}<extra></extra>"}],
            "layout": layout(language, margin={"l": 140}, yaxis={"rangemode": "normal"})}


def lines(x: list[str], series: dict[str, list], language: str, money: str | None = None,
          bars: bool = False) -> dict:
    hover = f"%{{x}}: %{{y:,.0f}} {money}" if money else "%{x}: %{y:,}"
    data = [{"type": "bar" if bars else "scatter", "mode": None if bars else "lines+markers", "name": label(name),
             "x": x, "y": values, "marker": {"color": SERIES_COLOURS[index % len(SERIES_COLOURS)], "size": 4},
             "hovertemplate": hover + "<extra>%{fullData.name}</extra>"}
            for index, (name, values) in enumerate(series.items())]
    for trace in data:
        if trace["mode"] is None:
            del trace["mode"]
    return {"data": data, "layout": layout(language, hovermode="x unified",
                                           yaxis={"tickformat": ",.0f" if money else ",d"})}


def histogram(values: pl.Series, bin_size: int, language: str, x_title: str) -> dict:
    return {"data": [{"type": "histogram", "x": values.to_list(), "xbins": {"size": bin_size, "start": 0},
                      "marker": {"color": SEGMENT_COLOURS["Z3"]}, "hovertemplate": "%{x}: %{y}<extra></extra>"}],
            "layout": layout(language, bargap=0.05, xaxis={"title": {"text": x_title}})}


def has_data(figure: dict) -> bool:
    """False when every trace is empty or all zero: such a chart would show blank axes.
    A heatmap cell of 0 is data (a share of 0 %); only missing cells are not."""
    for trace in figure["data"]:
        kind = trace["type"]
        if kind == "heatmap":
            present = any(value is not None for row in trace["z"] for value in row)
        elif kind == "histogram":
            present = bool(trace["x"])
        else:
            present = any(trace["x" if kind == "funnel" else "y"])
        if present:
            return True
    return False
