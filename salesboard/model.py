"""The typed tables that reading hands to the metrics, and the table columns that pages and downloads share.

Every frame below has exactly these columns, in this order, whatever the
workbooks looked like. Dates are `pl.Date`; text is trimmed `pl.String`
(null when empty).
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from salesboard.domain import SEGMENTS

# An Enum keeps the segments in lifecycle order when sorting and comparing.
SEGMENT_DTYPE = pl.Enum(SEGMENTS)

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

# Every order line as read, cancelled and returned ones too, for the customer card (the metrics read
# ORDERS_SCHEMA). status is the workbook's own word; cancelled: by that word or by a returns list
# (returned).
ORDER_LINES_SCHEMA = {
    "customer_id": pl.String,
    "order_id": pl.String,
    "order_date": pl.Date,
    "amount": pl.Float64,
    "status": pl.String,
    "cancelled": pl.Boolean,
    "returned": pl.Boolean,
    "product": pl.String,
    "quantity": pl.Float64,
    "unit_price": pl.Float64,
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

# One row per offer (quote): line items sharing an offer_id are summed. status is the team's own word,
# as one of OFFER_STATUSES, or null when the list gives none (then it is inferred from the orders).
OFFERS_SCHEMA = {
    "customer_id": pl.String,
    "offer_id": pl.String,
    "offer_date": pl.Date,
    "amount": pl.Float64,
    "status": pl.String,
    "decided": pl.Date,
    "valid_until": pl.Date,
    "owner": pl.String,
    "product": pl.String,
}
OFFER_STATUSES = ("open", "won", "lost")

SCHEMAS = {
    "addresses": ADDRESSES_SCHEMA,
    "orders": ORDERS_SCHEMA,
    "activities": ACTIVITIES_SCHEMA,
    "campaigns": CAMPAIGNS_SCHEMA,
    "offers": OFFERS_SCHEMA,
}


@dataclass(frozen=True)
class Tables:
    """The validated tables. `addresses` holds every customer_id of any table; `offers` is None when
    the workbooks hold no list of offers (every offer of the list is also an activity of stage offer);
    `order_lines` is None for tables made without reading (the card then shows each order as one line)."""

    addresses: pl.DataFrame
    orders: pl.DataFrame
    activities: pl.DataFrame
    campaigns: pl.DataFrame
    offers: pl.DataFrame | None = None
    order_lines: pl.DataFrame | None = None


COLUMN_KINDS = ("text", "number", "money", "date", "int", "percent", "tel", "mailto", "customer")
# Text shown as a link in pages (a phone number to call, an address to write to, a name or ID that opens
# the customer card: its frame also holds "customer_id"); plain text in downloads.
LINK_KINDS = ("tel", "mailto", "customer")
TEXT_KINDS = ("text", *LINK_KINDS)


@dataclass(frozen=True)
class Column:
    """One column of a table: the frame column `key`, shown under `label`, written as `kind`;
    `filter` offers a choice of its values where the table is shown in a page ("each": of the
    items of a list)."""

    key: str
    label: str
    kind: str  # one of COLUMN_KINDS
    filter: bool | str = False

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"column {self.key!r}: kind must be one of {', '.join(COLUMN_KINDS)}, "
                             f"found {self.kind!r}")
