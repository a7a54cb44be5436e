import datetime as dt

import pytest

from salesboard.formatting import fmt_change, fmt_date, fmt_money, fmt_number, fmt_percent


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
