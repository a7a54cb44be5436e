"""Who is a candidate for the call list, and for which reasons (SPEC §3.7).

Corners SPEC leaves open, read as a sales manager would:
- hot: an interest signal is an enquiry, meeting, offer or negotiation activity, a campaign
  response or the interest_since date (the signals that make an address Z1); "no contact after it"
  means no activity, order or response dated after the latest signal.
- at_risk needs at least two orders for a usual gap; orders on the same day give a gap of 0.
- An address without a reported owner on its address row takes, when it is not on the address list,
  the owner of its latest order or activity naming one; a listed address without an owner stays
  without one.
"""
from __future__ import annotations

from datetime import timedelta

import polars as pl

from salesboard.domain import Rules
from salesboard.model import Tables

from .expressions import days_between
from .facts import Facts, interest_signals, once_per_facts
from .followups import latest_contacts
from .offers import offer_states

CALL_REASONS = ("promised", "second_order", "at_risk", "offer", "hot", "overdue")
PROMISE_DAYS = 14  # a follow-up date up to 14 days old is a promised call
SECOND_ORDER_DAYS = (7, 365)
AT_RISK_MIN_DAYS = 45
OFFER_MAX_DAYS = 90
HOT_DAYS = 30


def offers_to_chase(tables: Tables, facts: Facts, rules: Rules) -> pl.DataFrame | None:
    """Every address with an offer in the offers table as of D: customer_id, table_offer_date (the oldest of
    its offers open as of D, past the chase days, with no activity or order of the address after them,
    SPEC §3.9; null when none). None without an offers table."""
    if tables.offers is None:
        return None
    states = offer_states(tables.offers, facts, rules)
    chase = ((pl.col("state") == "open") & (pl.col("age_days") > rules.offer_chase_days)
             & pl.col("last_contact").is_null())
    return states.group_by("customer_id").agg(table_offer_date=pl.col("offer_date").filter(chase).min())


def usual_gaps(orders: pl.DataFrame) -> pl.DataFrame:
    """customer_id, usual_gap: the median of the day gaps between consecutive orders (two or more orders)."""
    # The gaps of the whole sorted frame at once, those across two customers dropped: a plain median per
    # group is far cheaper than a diff inside each group.
    customer, day = pl.col("customer_id"), pl.col("day")
    dated = customers_together(orders.select("customer_id", day=pl.col("order_date").cast(pl.Int32)))
    return (dated.select("customer_id", gap=pl.when(customer == customer.shift()).then(day - day.shift()))
            .drop_nulls("gap").group_by("customer_id").agg(usual_gap=pl.col("gap").median()))


def customers_together(dated: pl.DataFrame, code: pl.Expr | None = None) -> pl.DataFrame:
    """`dated` (customer_id, day) with each customer's rows next to each other, by day.

    Sorted by `code` (by default a hash of the ID: a number sorts several times faster than text), stably
    after the day; should two IDs share a code, their rows would mix, so then by the IDs themselves.
    """
    customer, code = pl.col("customer_id"), pl.col("customer_id").hash() if code is None else code
    # On one thread: the other core has work of its own (the back-test, the week in review).
    coded = (dated.with_columns(code=code).sort("day", multithreaded=False)
             .sort("code", maintain_order=True, multithreaded=False))
    mixed = ((pl.col("code") == pl.col("code").shift()) & customer.ne_missing(customer.shift())).any()
    if coded.select(mixed).item():
        return dated.sort("customer_id", "day")
    return coded.drop("code")


@once_per_facts  # the candidates and the back-test's overdue list read it
def address_owners(facts: Facts) -> pl.DataFrame:
    """customer_id, owner of each address row, in their order: the row's owner; for an address not on the
    list without one, the owner of its latest order or activity that names one (on the same day, an
    activity over an order)."""
    unlisted = facts.addresses.filter(~pl.col("listed") & pl.col("owner").is_null()).select("customer_id")
    named = pl.concat([
        facts.orders.join(unlisted, on="customer_id", how="semi")
        .select("customer_id", day="order_date", seq=pl.lit(-1, pl.Int64), owner="owner"),
        facts.activities.join(unlisted, on="customer_id", how="semi").select("customer_id", day="date", seq="seq",
                                                                              owner="owner"),
    ]).drop_nulls("owner").sort("day", "seq").group_by("customer_id").agg(latest_owner=pl.col("owner").last())
    return facts.addresses.select("customer_id", "owner").join(
        named, on="customer_id", how="left", maintain_order="left").select(
        "customer_id", owner=pl.coalesce("owner", "latest_owner"))


def call_candidates(facts: Facts, addresses: pl.DataFrame, follow_ups: pl.DataFrame, rules: Rules,
                    offers_to_chase: pl.DataFrame | None = None, usual_gap: pl.Series | None = None) -> pl.DataFrame:
    """Every address with at least one reason of CALL_REASONS as of D (`addresses`: classify_addresses' rows;
    `usual_gap`: each address row's usual gap when already known, else worked out from the facts).

    offer: the most recent activity is an offer older than the chase days, at most 90 days old, with no
    later order. With an offers table its status decides for the addresses it lists (`offers_to_chase`):
    an open offer past its chase days, whatever its age; a won or lost offer is not chased.

    Columns: customer_id, company, contact, phone, email, owner, segment, reasons (List[String] in
    CALL_REASONS order), one Boolean per reason, follow_up_date (F), offer_date (of an offer to chase),
    first_order_date, last_order_date, usual_gap, interest_signal, last_contact, last_note (outcome of
    the most recent activity), last_note_date, due_date and days_overdue (of §3.4, null when not overdue).
    """
    as_of = facts.as_of
    frame = (
        addresses.select("customer_id", "company", "contact", "phone", "segment", "first_order_date")
        # One row per address row of the facts, in their order: read beside them, not joined.
        .with_columns(email=facts.addresses["email"], owner=address_owners(facts)["owner"])
        .join(latest_contacts(facts), on="customer_id", how="left", maintain_order="left")
    )
    frame = (frame.join(usual_gaps(facts.orders), on="customer_id", how="left", maintain_order="left")
             if usual_gap is None else frame.with_columns(usual_gap=usual_gap))
    frame = (
        # The latest enquiry, meeting, offer or negotiation, campaign response or interest_since on or before D.
        frame.join(interest_signals(facts).select("customer_id", "interest_signal"), on="customer_id", how="left",
                   maintain_order="left")
        .join(follow_ups.select("customer_id", "due", "cadence", "offer_not_chased", "due_date", "days_overdue"),
              on="customer_id", how="left", maintain_order="left")
        .with_columns(pl.col("due", "cadence", "offer_not_chased").fill_null(False))
    )
    if offers_to_chase is None:
        offers_to_chase = pl.DataFrame(schema={"customer_id": pl.String, "table_offer_date": pl.Date})
    frame = frame.join(offers_to_chase.with_columns(in_offer_table=pl.lit(True)), on="customer_id", how="left",
                       maintain_order="left").with_columns(pl.col("in_offer_table").fill_null(False))
    follow_up, offer_day, last_order = pl.col("follow_up_date"), pl.col("last_activity_date"), pl.col("last_order_date")
    last_fact = pl.max_horizontal(offer_day, last_order)
    since_first = days_between("first_order_date", as_of)
    since_order = days_between("last_order_date", as_of)
    offer_age = days_between(offer_day, as_of)
    reasons = {
        "promised": (follow_up >= as_of - timedelta(days=PROMISE_DAYS)) & (follow_up <= as_of)
        & (last_fact.is_null() | (last_fact < follow_up)),
        "second_order": (pl.col("segment") == "Z2") & since_first.is_between(*SECOND_ORDER_DAYS),
        "at_risk": pl.col("segment").is_in(["Z3", "Z4"]) & (since_order > 2 * pl.col("usual_gap"))
        & (since_order > AT_RISK_MIN_DAYS),
        "offer": ((pl.col("last_activity_stage") == "offer") & (last_order.is_null() | (last_order < offer_day))
                  & (offer_age > rules.offer_chase_days) & (offer_age <= OFFER_MAX_DAYS)
                  & ~pl.col("in_offer_table")).fill_null(False)
        | pl.col("table_offer_date").is_not_null(),
        "hot": (pl.col("segment") == "Z1") & (days_between("interest_signal", as_of) <= HOT_DAYS)
        & (pl.col("last_contact") <= pl.col("interest_signal")),
    }
    holds = {reason: condition.fill_null(False) for reason, condition in reasons.items()}
    frame = frame.with_columns(**holds)
    # A §3.4 reason that promised and offer do not already tell.
    overdue = (pl.col("cadence") | (pl.col("due") & ~pl.col("promised"))
               | (pl.col("offer_not_chased") & ~pl.col("offer")))
    frame = frame.with_columns(overdue=overdue)
    any_reason = pl.any_horizontal(*CALL_REASONS)
    return frame.filter(any_reason).select(
        "customer_id", "company", "contact", "phone", "email", "owner", "segment",
        pl.concat_str([pl.when(r).then(pl.lit(r)) for r in CALL_REASONS], separator=",", ignore_nulls=True)
        .str.split(",").alias("reasons"),
        *CALL_REASONS,
        "follow_up_date",
        offer_date=pl.when("offer").then(pl.coalesce("table_offer_date", offer_day)),
        first_order_date="first_order_date",
        last_order_date="last_order_date",
        usual_gap="usual_gap",
        interest_signal="interest_signal",
        last_contact="last_contact",
        last_note="last_note",
        last_note_date="last_activity_date",
        due_date="due_date",
        days_overdue="days_overdue",
    )
