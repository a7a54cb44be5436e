"""The typed tables that reading hands to the metrics: column names and dtypes.

Every frame below has exactly these columns, in this order, whatever the
workbooks looked like. Dates are `pl.Date`; text is trimmed `pl.String`
(null when empty).
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

# Sales stages in funnel order; "enquiry" counts as first_contact in the
# stage funnel and "other" is an activity type nobody mapped.
STAGES = ("first_contact", "follow_up", "meeting", "chase", "offer", "negotiation", "order")
ACTIVITY_STAGES = STAGES[:-1] + ("enquiry", "other")

ADDRESSES_SCHEMA = {
    "customer_id": pl.String,
    "company": pl.String,
    "contact": pl.String,
    "email": pl.String,
    "phone": pl.String,
    "postcode": pl.String,
    "city": pl.String,
    "region": pl.String,
    "owner": pl.String,
    "source": pl.String,
    "created": pl.Date,
    "interest_since": pl.Date,
    "next_follow_up": pl.Date,
    # False for an ID seen only in orders, activities or campaigns.
    "listed": pl.Boolean,
}

# One row per order: line items sharing an order_id are summed, cancelled rows
# are gone. amount <= 0 is a credit note: revenue, but not an order.
ORDERS_SCHEMA = {
    "customer_id": pl.String,
    "order_id": pl.String,
    "order_date": pl.Date,
    "amount": pl.Float64,
    "owner": pl.String,
    "customer_name": pl.String,
}

ACTIVITIES_SCHEMA = {
    "customer_id": pl.String,
    "date": pl.Date,
    "type": pl.String,  # as typed in the workbook
    "stage": pl.String,  # one of ACTIVITY_STAGES
    "outcome": pl.String,
    "owner": pl.String,
    "next_follow_up": pl.Date,
    # Reading order across all workbooks: on the same day the later row wins.
    "seq": pl.Int64,
}

CAMPAIGNS_SCHEMA = {
    "campaign": pl.String,
    "customer_id": pl.String,
    "sent_date": pl.Date,
    "responded": pl.Boolean,
    "response_date": pl.Date,  # null when not responded
}

SCHEMAS = {
    "addresses": ADDRESSES_SCHEMA,
    "orders": ORDERS_SCHEMA,
    "activities": ACTIVITIES_SCHEMA,
    "campaigns": CAMPAIGNS_SCHEMA,
}


@dataclass(frozen=True)
class Tables:
    """The four validated tables. `addresses` holds every customer_id of any table."""

    addresses: pl.DataFrame
    orders: pl.DataFrame
    activities: pl.DataFrame
    campaigns: pl.DataFrame


def empty_frame(kind: str) -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMAS[kind])
