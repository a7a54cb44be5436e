import datetime as dt

import pytest

from salesboard.site.formatting import fmt_change, fmt_date, fmt_money, fmt_number, fmt_percent


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
