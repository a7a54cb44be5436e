import datetime as dt

import pytest

from salesboard.site.formatting import fmt_change, fmt_date, fmt_money, fmt_number, fmt_percent, fmt_seconds


@pytest.mark.parametrize("value,language,decimals,expected", [
    (1234.56, "de", 2, "1.234,56"), (1234.56, "en", 2, "1,234.56"), (1234567, "de", 0, "1.234.567"),
    (0, "de", 0, "0"), (-1234.5, "de", 1, "-1.234,5"), (None, "de", 0, "–"), (float("nan"), "en", 0, "–"),
])
def test_numbers(value, language, decimals, expected):
    assert fmt_number(value, language, decimals) == expected


def test_money_percent_dates_and_changes():
    assert fmt_money(1234.56, "de", "EUR", 2) == "1.234,56\u00a0€"
    assert fmt_money(-99, "en", "USD") == "-$99"
    assert fmt_percent(0.1234, "de") == "12,3\u00a0%"
    assert fmt_percent(0.5, "en", 0) == "50%"
    assert fmt_date(dt.date(2026, 11, 27), "de") == "27.11.2026"
    assert fmt_date("2026-11-27", "en") == "2026-11-27"
    assert fmt_date(None) == ""
    assert [fmt_change(v, "de", 1) for v in (3, -2.5, 0, None)] == ["+3,0", "−2,5", "±0", "–"]


def test_column_formats_match_the_single_value_filters():
    import polars as pl

    from salesboard.site.formatting import date_expr, money_expr, number_expr, percent_expr

    values = [1234.567, -0.004, 1234567.0, 999.999, -1500.25, 0.0]
    frame = pl.DataFrame({"v": values})
    for language in ("de", "en"):
        formatted = frame.select(
            n=number_expr(pl.col("v"), language, 2), m=money_expr(pl.col("v"), language, "EUR", 2),
            p=percent_expr(pl.col("v"), language, 1))
        assert formatted["n"].to_list() == [fmt_number(v, language, 2) for v in values]
        assert formatted["m"].to_list() == [fmt_money(v, language, "EUR", 2) for v in values]
        assert formatted["p"].to_list() == [fmt_percent(v, language, 1) for v in values]
    nulls = pl.DataFrame({"v": [None, float("nan")]}).select(number_expr(pl.col("v")), m=money_expr(pl.col("v")))
    assert nulls.rows() == [("–", "–"), ("–", "–")]
    dates = pl.DataFrame({"d": [dt.date(2026, 11, 27), None]}).select(date_expr(pl.col("d"), "de"))
    assert dates["d"].to_list() == ["27.11.2026", ""]


@pytest.mark.parametrize("language,expected", [
    ("de", ["KW\u00a048/2026", "KW\u00a01/2027", "KW\u00a053/2026", "KW\u00a048"]),
    ("en", ["W48\u00a02026", "W1\u00a02027", "W53\u00a02026", "W48"]),
])
def test_weeks(language, expected):
    from salesboard.site.formatting import fmt_week

    assert [fmt_week("2026-W48", language), fmt_week("2027-W01", language), fmt_week("2026-W53", language),
            fmt_week("2026-W48", language, with_year=False)] == expected


@pytest.mark.parametrize("language,expected", [
    ("de", ["KW\u00a047 · 16.–22.11.2026", "KW\u00a049 · 30.11.–06.12.2026", "KW\u00a053 · 28.12.2026–03.01.2027"]),
    ("en", ["W47\u00a02026 · 16–22 Nov 2026", "W49\u00a02026 · 30 Nov–6 Dec 2026",
            "W53\u00a02026 · 28 Dec 2026–3 Jan 2027"]),
])
def test_a_week_named_with_its_dates_within_a_month_across_months_and_years(language, expected):
    from salesboard.site.formatting import fmt_week_span

    spans = [("2026-W47", dt.date(2026, 11, 16), dt.date(2026, 11, 22)),
             ("2026-W49", dt.date(2026, 11, 30), dt.date(2026, 12, 6)),
             ("2026-W53", dt.date(2026, 12, 28), dt.date(2027, 1, 3))]
    assert [fmt_week_span(*span, language) for span in spans] == expected


def test_days_for_the_running_week_and_axis_dates():
    from salesboard.site.formatting import fmt_day, fmt_short_date

    assert [fmt_day(dt.date(2026, 11, 25), lang) for lang in ("de", "en")] == ["Mi 25.11.", "Wed 25 Nov"]
    assert [fmt_day(dt.date(2026, 12, 1), lang) for lang in ("de", "en")] == ["Di 01.12.", "Tue 1 Dec"]
    assert [fmt_short_date(dt.date(2026, 8, 29), lang) for lang in ("de", "en")] == ["29.08.", "29 Aug"]
    from salesboard.site.formatting import fmt_month

    assert [fmt_month(dt.date(2026, 3, 1), lang) for lang in ("de", "en")] == ["März 2026", "Mar 2026"]


def test_money_and_percent_in_both_languages():
    assert [fmt_money(1563366, lang) for lang in ("de", "en")] == ["1.563.366\u00a0€", "€1,563,366"]
    assert [fmt_money(99.5, lang, "CHF", 2) for lang in ("de", "en")] == ["99,50\u00a0CHF", "CHF99.50"]
    assert [fmt_percent(0.605, lang) for lang in ("de", "en")] == ["60,5\u00a0%", "60.5%"]
    assert [fmt_number(3, lang) for lang in ("de", "en")] == ["3", "3"]  # counts are integers, never "3,0"
    assert [fmt_change(v, "en") for v in (11, -2, 0)] == ["+11", "−2", "±0"]


@pytest.mark.parametrize("kind,language,hover,axis", [
    ("count", "de", "%{y:,.0f}", {"tickformat": ",d"}),
    ("count", "en", "%{y:,.0f}", {"tickformat": ",d"}),
    ("money", "de", "%{y:,.0f}\u00a0€", {"tickformat": ",.0f", "ticksuffix": "\u00a0€"}),
    ("money", "en", "€%{y:,.0f}", {"tickformat": ",.0f", "tickprefix": "€"}),
    ("percent", "de", "%{y:,.1f}\u00a0%", {"tickformat": ",.0f", "ticksuffix": "\u00a0%"}),
    ("percent", "en", "%{y:,.1f}%", {"tickformat": ",.0f", "ticksuffix": "%"}),
])
def test_chart_formats_agree_with_the_page_formats(kind, language, hover, axis):
    """Plotly formats with the figure's `separators` (",." in German): the hover of 23181 € reads
    "23.181 €" as the cards do, a share of 0.605 (given × 100) "60,5 %"."""
    from salesboard.site.charts import layout
    from salesboard.site.formatting import plot_axis, plot_value

    assert plot_value(kind, language) == hover
    assert plot_axis(kind, language) == axis
    assert layout(language)["separators"] == (",." if language == "de" else ".,")


def test_waiting_times_read_as_set_in_the_languages_number_format():
    assert [fmt_seconds(value, "de") for value in (60, 0.5, 0.25)] == ["60", "0,5", "0,25"]
    assert [fmt_seconds(value, "en") for value in (60.0, 1.5, 2)] == ["60", "1.5", "2"]
