"""Time compute_metrics on a large synthetic data set.

    PYTHONPATH=. /usr/bin/time -v python bench/bench_metrics.py

200,000 addresses, 1,000,000 orders, 1,000,000 activities and a campaign of
50,000 recipients, generated as Polars frames from a seeded generator.
"""

from __future__ import annotations

import time
from datetime import date

import numpy as np
import polars as pl

from salesboard.domain import ACTIVITY_STAGES
from salesboard.metrics import Rules, compute_metrics
from salesboard.model import SCHEMAS, Tables
from salesboard.publish.summary import summary_dict

AS_OF = date(2026, 3, 18)
ADDRESSES = 200_000
LISTED = 190_000  # the rest appear only in orders or activities
ORDERS = 1_000_000
ACTIVITIES = 1_000_000
RECIPIENTS = 50_000
HISTORY_DAYS = 3 * 365
REPEATS = 3
AS_OF_EPOCH_DAY = (AS_OF - date(1970, 1, 1)).days


def generate_tables(seed: int = 7) -> Tables:
    rng = np.random.default_rng(seed)
    return Tables(
        addresses=_addresses(rng),
        orders=_orders(rng),
        activities=_activities(rng),
        campaigns=_campaign(rng),
    )


def _ids(numbers: np.ndarray) -> pl.Series:
    return pl.Series(numbers, dtype=pl.Int64).cast(pl.String)


def _dates(offsets: np.ndarray) -> pl.Series:
    """D plus `offsets` days."""
    return pl.Series(AS_OF_EPOCH_DAY + offsets, dtype=pl.Int32).cast(pl.Date)


def _past_dates(rng: np.random.Generator, size: int) -> pl.Series:
    """Mostly the last three years; about 1 % after D, which must not count."""
    return _dates(rng.integers(-HISTORY_DAYS, 10, size))


def _sometimes(rng: np.random.Generator, dates: pl.Series, share: float) -> pl.Series:
    return pl.select(pl.when(pl.Series(rng.random(len(dates)) < share)).then(dates)).to_series()


def _conform(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """Missing schema columns as nulls, in schema order."""
    return frame.select(
        pl.col(name).cast(dtype) if name in frame.columns else pl.lit(None, dtype).alias(name)
        for name, dtype in SCHEMAS[kind].items()
    )


def _addresses(rng: np.random.Generator) -> pl.DataFrame:
    numbers = np.arange(ADDRESSES)
    frame = pl.DataFrame(
        {
            "customer_id": _ids(numbers),
            "phone": _ids(30_000_000 + numbers),
            "owner": pl.Series(rng.choice([f"Rep {n}" for n in range(12)], ADDRESSES)),
            "interest_since": _sometimes(rng, _past_dates(rng, ADDRESSES), 0.1),
            "next_follow_up": _sometimes(rng, _dates(rng.integers(-120, 60, ADDRESSES)), 0.1),
            "listed": numbers < LISTED,
        }
    ).with_columns(company=pl.when("listed").then(pl.format("Firma {}", "customer_id")))
    return _conform(frame, "addresses")


def _orders(rng: np.random.Generator) -> pl.DataFrame:
    # Skewed towards low numbers: a few heavy buyers, a long tail of one-off ones.
    customers = (150_000 * rng.random(ORDERS) ** 3).astype(np.int64)
    amounts = np.round(rng.lognormal(6, 1, ORDERS), 2)
    amounts[rng.random(ORDERS) < 0.02] *= -0.3  # credit notes
    frame = pl.DataFrame(
        {
            "customer_id": _ids(customers),
            "order_id": _ids(np.arange(ORDERS)),
            "order_date": _past_dates(rng, ORDERS),
            "amount": amounts,
        }
    )
    return _conform(frame, "orders")


def _activities(rng: np.random.Generator) -> pl.DataFrame:
    days = _past_dates(rng, ACTIVITIES)
    frame = pl.DataFrame(
        {
            "customer_id": _ids(rng.integers(0, ADDRESSES, ACTIVITIES)),
            "date": days,
            "stage": pl.Series(rng.choice(ACTIVITY_STAGES, ACTIVITIES)),
            "next_follow_up": _sometimes(rng, days.dt.offset_by("14d"), 0.3),
            "seq": np.arange(ACTIVITIES),
        }
    ).with_columns(type=pl.col("stage"))
    return _conform(frame, "activities")


def _campaign(rng: np.random.Generator) -> pl.DataFrame:
    sent = date(2026, 1, 15)
    responded = rng.random(RECIPIENTS) < 0.03
    frame = pl.DataFrame(
        {
            "campaign": ["Frühjahr"] * RECIPIENTS,
            "customer_id": _ids(rng.choice(ADDRESSES, RECIPIENTS, replace=False)),
            "sent_date": [sent] * RECIPIENTS,
            "responded": responded,
            "response_date": _sometimes(rng, _dates(rng.integers(-62, -40, RECIPIENTS)), 1.0),
        }
    ).with_columns(response_date=pl.when("responded").then("response_date"))
    return _conform(frame, "campaigns")


def main() -> None:
    started = time.perf_counter()
    tables = generate_tables()
    print(f"generate tables   {time.perf_counter() - started:6.2f} s")
    # The best of a few runs: other work on the machine only ever adds time.
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        metrics = compute_metrics(tables, AS_OF, Rules())
        timings.append(time.perf_counter() - started)
    print("compute_metrics   " + ", ".join(f"{seconds:.2f}" for seconds in timings) + f" s (best {min(timings):.2f} s)")
    summary = summary_dict(metrics, 0, 0)
    print(f"segments {summary['segments']}")
    print(f"orders {summary['counts']['orders']}, overdue follow-ups {summary['follow_ups']['overdue']}")


if __name__ == "__main__":
    main()
