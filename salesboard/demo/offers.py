"""The demo company's list of offers: one for every "Angebot" in the contact log, dated the same day, and
offers the log does not hold — to prospects and first-time buyers, most of which came to nothing.

Kept as a sales team keeps it: a number, the customer, what was offered and for how much, and a status
that is often left empty (the site infers it from the orders), sometimes a validity date, now and then
two lines for one offer. An offer that led to an order is worth about what was ordered.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from salesboard.demo.plan import Customer
from salesboard.demo.vocabulary import AS_OF, PRODUCTS

OFFER_HEADERS = ("Angebotsnummer", "Angebotsdatum", "Kd.-Nr.", "Kunde", "Leistung", "Angebotswert", "Status",
                 "Gültig bis", "Betreuer")
FIRST_OFFER_NUMBER = 2401
WIN_DAYS = 60
# Shares of offers whose status the team left empty, and that carry a validity date or two lines.
NO_STATUS, WITH_VALIDITY, TWO_LINES = 0.4, 0.3, 0.15
# Share of prospects (Z1) and first-time buyers (Z2) with an offer of the list only, and since when.
UNLOGGED_SHARE, UNLOGGED_FROM = 0.5, date(2024, 3, 1)


def offer_rows(rng: random.Random, customers: list[Customer]) -> list[list]:
    rows: list[list] = []
    logged = [(day, customer) for customer in customers for day, kind, *_ in customer.activities
              if kind == "Angebot" and day <= AS_OF]
    unlogged = [(_random_day(rng, max(UNLOGGED_FROM, customer.created), AS_OF - timedelta(days=2)), customer)
                for customer in customers if customer.segment in ("Z1", "Z2") and rng.random() < UNLOGGED_SHARE]
    offers = sorted(logged + unlogged, key=lambda offer: (offer[0], offer[1].id))
    for number, (day, customer) in enumerate(offers, start=FIRST_OFFER_NUMBER):
        won = any(day <= ordered <= day + timedelta(days=WIN_DAYS) for ordered in customer.orders)
        valid_until = day + timedelta(days=rng.choice((30, 45, 60))) if rng.random() < WITH_VALIDITY else None
        status = "" if rng.random() < NO_STATUS else _status(won, day, valid_until)
        lines = 2 if rng.random() < TWO_LINES else 1
        for _ in range(lines):
            product, low, high = rng.choice(PRODUCTS)
            amount = round(rng.uniform(low, high) / 10) * 10.0
            rows.append([f"AN-{number}", day, customer.id, customer.company, product, amount, status,
                         valid_until, customer.owner])
    return rows


def _status(won: bool, day: date, valid_until: date | None) -> str:
    if won:
        return "angenommen"
    expired = (valid_until or day + timedelta(days=90)) < AS_OF
    return "abgelehnt" if expired else "offen"


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
