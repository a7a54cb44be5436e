"""The overview's key figures worked out the long way, by classifying every address as of the day: what
headline_history must agree with on each of its days."""
from __future__ import annotations

from datetime import date

from salesboard.domain import Rules
from salesboard.metrics import Headline, headline_of
from salesboard.metrics.facts import select_facts
from salesboard.metrics.followups import overdue_follow_ups
from salesboard.metrics.segments import classify_addresses
from salesboard.model import Tables


def headline_as_of(tables: Tables, as_of: date, rules: Rules) -> Headline:
    facts = select_facts(tables, as_of)
    addresses = classify_addresses(facts, rules)
    return headline_of(addresses, overdue_follow_ups(facts, addresses, rules).height)
