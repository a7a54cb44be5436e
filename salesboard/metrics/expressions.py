"""Expression helpers shared by the metric modules: ISO weeks, periods, safe ratios."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

IntoDate = str | date | pl.Expr
# The segment history and the weekly funnel cover the last 52 ISO weeks.
TREND_WEEKS = 52


def as_expr(value: IntoDate) -> pl.Expr:
    """A column name becomes pl.col, a date a literal, an expression stays."""
    if isinstance(value, str):
        return pl.col(value)
    if isinstance(value, date):
        return pl.lit(value)
    return value


def week_start(value: IntoDate) -> pl.Expr:
    """The Monday of the ISO week of a date."""
    return as_expr(value).dt.truncate("1w")


def week_label(value: IntoDate) -> pl.Expr:
    """ISO week as "YYYY-Www" (ISO year, so 2025-12-29 is "2026-W01")."""
    return as_expr(value).dt.strftime("%G-W%V")


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def reporting_week_end(as_of: date) -> date:
    """The Sunday that ends the reporting week: the latest ISO week that ended on or before D
    (D itself when D is a Sunday)."""
    return as_of - timedelta(days=(as_of.weekday() + 1) % 7)


def recent_weeks(as_of: date, count: int) -> pl.DataFrame:
    """The `count` ISO weeks ending with the week of `as_of`, oldest first.

    Columns: week_start (Monday, Date), week ("YYYY-Www"), snapshot_date (the
    week's Sunday, or `as_of` for the current week: nothing after D counts).
    """
    last = monday_of(as_of)
    starts = pl.date_range(last - timedelta(weeks=count - 1), last, "1w", eager=True)
    return pl.DataFrame({"week_start": starts}).with_columns(
        week=week_label("week_start"),
        snapshot_date=pl.min_horizontal(pl.col("week_start") + pl.duration(days=6), pl.lit(as_of)),
    )


def year_before(day: date) -> date:
    """The same calendar day a year earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def ratio(numerator: str | pl.Expr, denominator: str | pl.Expr) -> pl.Expr:
    """numerator / denominator as Float64, null when the denominator is 0 or null."""
    num, den = as_expr(numerator), as_expr(denominator)
    return pl.when(den > 0).then(num / den).otherwise(None).cast(pl.Float64)


def days_between(earlier: IntoDate, later: IntoDate) -> pl.Expr:
    """Whole days from `earlier` to `later` (Int64; null when either is null)."""
    return (as_expr(later) - as_expr(earlier)).dt.total_days()
