"""The call list ("Anrufliste", SPEC §3.7): per owner, the few calls most likely to lead to an order.

Candidates and their reasons come from the facts as of D; the likelihood p of each address comes
from its situation as of D and the team's own history (call_list_history); the list is ordered,
capped per owner and split into the call list and the reactivation list; the back-test applies
the same rule as of D − 90 days.

Corners SPEC leaves open, read as a sales manager would:
- p and expected value of a promised row are kept internally (for the waiting list and the page's
  evidence) but reported as null: a promise is kept whatever the odds.
- The reactivation list takes every non-promised candidate below `dormant_below`, whatever the
  cap, most likely first; it is not capped.
- With too little history (< 180 days of orders before D) the list is ordered as the follow-ups
  (§3.4: Z2 first, then most days overdue; candidates that are not overdue after those), nobody is
  moved to the reactivation list, and p and expected value are null.
- The back-test's overdue list is §3.4's list as of D', cut per owner to as many rows as the
  back-test call list has for that owner; an owner who has no row on the call list gets none.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from salesboard.domain import Rules
from salesboard.model import Tables

from .call_candidates import address_owners, call_candidates, offers_to_chase
from .call_list_history import (
    RECENCY_LABELS,
    History,
    address_events,
    address_history,
    day_number,
    history_sundays,
    level_segment,
    look_up_rates,
)
from .call_list_orders import OrderFigures, address_orders, order_figures
from .facts import Facts, select_facts
from .followups import overdue_follow_ups
from .segments import addresses_as_of

MIN_SEEN = 30  # a situation seen fewer times takes its segment's pooled rate
MIN_HISTORY_DAYS = 180
BACKTEST_DAYS = 90


@dataclass(frozen=True)
class Backtest:
    """The rule applied as of `as_of` (D − 90): shares of addresses with an order in (as_of, D]."""

    as_of: date
    size: int  # rows of the call list as of D'
    list_rate: float | None
    overdue_rate: float | None
    base_rate: float | None
    fallback: bool


@dataclass(frozen=True)
class CallList:
    """rows: the call list in order (see call_list_rows for the columns).
    reactivation: the dormant candidates, same columns, most likely first.
    likelihood: every address as of D with its situation and p (see address_likelihood).
    rates: segment, recency (label), open_offer, seen, ordered — the situations of the history.
    fallback: too little history, the list is in §3.4's order.
    order_figures: customer_id, usual_gap, own_median of every address as of D (see OrderFigures).
    """

    rows: pl.DataFrame
    reactivation: pl.DataFrame
    likelihood: pl.DataFrame
    rates: pl.DataFrame
    backtest: Backtest
    fallback: bool
    calls_per_day: int
    order_figures: pl.DataFrame


def compute_call_list(tables: Tables, facts: Facts, addresses: pl.DataFrame, follow_ups: pl.DataFrame,
                      rules: Rules) -> CallList:
    """The call list as of facts.as_of, its history rates and its back-test as of D − 90."""
    as_of = facts.as_of
    backtest_day = as_of - timedelta(days=BACKTEST_DAYS)
    # Many Polars steps keep one core only: while this thread works out the history, a second one finds the
    # follow-ups as of D' (they need nothing of this thread's), the order figures and the candidates as of D
    # and D', and then (its tasks run in turn) applies the rule as of D'.
    with ThreadPoolExecutor(max_workers=1) as beside:
        then = beside.submit(_follow_ups_as_of, tables, addresses, backtest_day, rules)
        orders = address_orders(facts, addresses)
        figures = beside.submit(order_figures, orders, addresses.height, [as_of, backtest_day])
        found = beside.submit(lambda: call_candidates(facts, addresses, follow_ups, rules,
                                                      offers_to_chase(tables, facts, rules),
                                                      figures.result()[0].usual_gap))
        then_found = beside.submit(lambda: call_candidates(*then.result(), rules,
                                                           offers_to_chase(tables, then.result()[0], rules),
                                                           figures.result()[1].usual_gap))
        events = address_events(facts, addresses, orders)
        history = address_history(addresses, events, [history_sundays(as_of), history_sundays(backtest_day)],
                                  [backtest_day, as_of])
        backtest = beside.submit(lambda: _back_test(*then.result(), then_found.result(), history,
                                                    figures.result()[1], facts, rules))
        current = history.on_days.filter(pl.col("day") == day_number(as_of))
        likelihood = address_likelihood(addresses, current, history.rates[0], figures.result()[0])
        fallback = too_little_history(facts.orders, as_of)
        rows, reactivation = order_and_split(found.result().join(likelihood.drop("segment"), on="customer_id",
                                                                 how="left"), rules, fallback)
        return CallList(rows=rows, reactivation=reactivation, likelihood=likelihood,
                        rates=history.rates[0].with_columns(recency=_recency_label("recency")),
                        backtest=backtest.result(), fallback=fallback, calls_per_day=rules.calls_per_day,
                        order_figures=addresses.select("customer_id").with_columns(
                            figures.result()[0].usual_gap, figures.result()[0].own_median))


def _follow_ups_as_of(tables: Tables, now: pl.DataFrame, day: date, rules: Rules) -> tuple[
        Facts, pl.DataFrame, pl.DataFrame]:
    """(facts, addresses, overdue follow-ups) as of `day`; `now`: classify_addresses' rows as of a later day."""
    facts = select_facts(tables, day)
    addresses = addresses_as_of(now, facts)
    return facts, addresses, overdue_follow_ups(facts, addresses, rules)


def _back_test(then_facts: Facts, then_addresses: pl.DataFrame, then_follow_ups: pl.DataFrame,
               then_candidates: pl.DataFrame, history: History, then_figures: OrderFigures, facts: Facts,
               rules: Rules) -> Backtest:
    """The rule as of D' (then_facts.as_of) on its candidates, with the rates of the weeks before D'."""
    then = then_facts.as_of
    then_current = history.on_days.filter(pl.col("day") == day_number(then))
    likelihood = address_likelihood(then_addresses, then_current, history.rates[1], then_figures)
    fallback = too_little_history(then_facts.orders, then)
    rows, _ = order_and_split(then_candidates.join(likelihood.drop("segment"), on="customer_id", how="left"),
                              rules, fallback)
    return run_backtest(rows, then_follow_ups, then_facts, then_addresses, facts, fallback)


def too_little_history(orders: pl.DataFrame, as_of: date) -> bool:
    first = orders["order_date"].min()
    return first is None or (as_of - first).days < MIN_HISTORY_DAYS


def _recency_label(column: str) -> pl.Expr:
    return pl.col(column).replace_strict(dict(enumerate(RECENCY_LABELS)), return_dtype=pl.String)


def address_likelihood(addresses: pl.DataFrame, current: pl.DataFrame, rates: pl.DataFrame,
                       figures: OrderFigures) -> pl.DataFrame:
    """Every address with its situation as of D and its likelihood (`figures`: the order figures as of D).

    Columns: customer_id, segment, recency (label), recency_days, open_offer, seen, ordered (this
    situation's history), pooled, evidence_seen, evidence_ordered, p, median_order (Float64: the median
    of its order totals; Z0/Z1 the median first-order total of all customers), expected_value (p ×
    median_order).
    """
    rated = look_up_rates(current.select("cid", segment=level_segment("level"), recency="recency",
                                         recency_days="recency_days", open_offer="open_offer"), rates, MIN_SEEN)
    rated = rated.sort("cid").select("recency", "recency_days", "open_offer", "seen", "ordered", "pooled",
                                     "evidence_seen", "evidence_ordered", "p")
    return (
        pl.concat([addresses.select("customer_id", "segment"), rated], how="horizontal")
        .with_columns(median_order=pl.when(pl.col("segment") >= "Z2").then(figures.own_median)
                      .otherwise(pl.lit(figures.first_median, pl.Float64)))
        .with_columns(recency=_recency_label("recency"), expected_value=pl.col("p") * pl.col("median_order"))
    )


def order_and_split(candidates: pl.DataFrame, rules: Rules, fallback: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(call list, reactivation list) from candidates with their likelihood.

    Call list: per owner (addresses without one form their own list), all promised rows (oldest F
    first), then the other candidates by expected value, highest first, up to calls_per_day rows in
    all; ties by customer_id. Owners in name order, no owner last. Columns of the candidates plus
    `rank` (1, 2, … per owner) and `p_shown`/`expected_value_shown` (null for promised rows and in
    fallback). Reactivation: non-promised candidates with p < dormant_below, by p then expected value.
    """
    promised = pl.col("promised")
    promise_day = pl.when(promised).then("follow_up_date")
    if fallback:
        order = [~promised, promise_day, pl.col("segment") != "Z2", pl.col("days_overdue"),
                 pl.col("customer_id")]
        descending = [False, False, False, True, False]
        dormant = pl.lit(False)
    else:
        order = [~promised, promise_day, pl.col("expected_value"), pl.col("customer_id")]
        descending = [False, False, True, False]
        dormant = ~promised & (pl.col("p") < rules.dormant_below)
    shown = pl.when(~promised & pl.lit(not fallback))
    framed = candidates.with_columns(dormant=dormant.fill_null(False),
                                     p_shown=shown.then("p"), expected_value_shown=shown.then("expected_value"))
    calls = (framed.filter(~pl.col("dormant"))
             .sort(order, descending=descending, nulls_last=True)
             .with_columns(rank=pl.int_range(1, pl.len() + 1).over("owner"))
             .filter(promised | (pl.col("rank") <= rules.calls_per_day))
             .sort(pl.col("owner"), "rank", nulls_last=True))
    reactivation = framed.filter(pl.col("dormant")).sort(
        ["p", "expected_value", "customer_id"], descending=[True, True, False], nulls_last=True)
    return calls.drop("dormant"), reactivation.drop("dormant")


def _ordered_between(facts: Facts, start: date) -> pl.DataFrame:
    """customer_id of every address with an order dated in (start, D]."""
    return facts.orders.filter(pl.col("order_date") > start).select("customer_id").unique()


def _share(ids: pl.DataFrame, buyers: pl.DataFrame) -> float | None:
    if ids.height == 0:
        return None
    return ids.join(buyers, on="customer_id", how="semi").height / ids.height


def run_backtest(then_rows: pl.DataFrame, then_follow_ups: pl.DataFrame, then_facts: Facts,
                 then_addresses: pl.DataFrame, facts: Facts, fallback: bool) -> Backtest:
    """The back-test of SPEC §3.7: the call list as of D' (then_facts.as_of), the overdue list as of D'
    cut to the same number of rows per owner, and every address; each the share of its addresses with
    an order in (D', D]."""
    then = then_facts.as_of
    buyers = _ordered_between(facts, then)
    per_owner = then_rows.group_by("owner").agg(size=pl.len())
    overdue = (then_follow_ups.drop("owner")
               .join(address_owners(then_facts), on="customer_id", how="left", maintain_order="left")
               .with_columns(rank=pl.int_range(1, pl.len() + 1).over("owner"))
               .join(per_owner, on="owner", how="inner", nulls_equal=True)
               .filter(pl.col("rank") <= pl.col("size")))
    return Backtest(as_of=then, size=then_rows.height,
                    list_rate=_share(then_rows.select("customer_id"), buyers),
                    overdue_rate=_share(overdue.select("customer_id"), buyers),
                    base_rate=_share(then_addresses.select("customer_id"), buyers),
                    fallback=fallback)
