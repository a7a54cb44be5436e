"""The customer card page (customer.html#id=…): an empty frame that card.js fills from the card data."""
from __future__ import annotations

from salesboard.domain import SEGMENTS
from salesboard.site.card_data import card_shards
from salesboard.site.card_timeline import TIMELINE_KINDS
from salesboard.site.formatting import DATE_FORMATS
from salesboard.site.page_model import Page
from salesboard.site.pages.context import PageContext, SiteData
from salesboard.site.texts.card import WORDS

# The words card.js shows, by their names there (the keys of texts/card.py without "card.").
CARD_WORDS = tuple(key.removeprefix("card.") for key in WORDS if key.startswith("card."))


def customer_page(site: SiteData, c: PageContext) -> Page:
    """Not in the navigation: the search field and the links of every table lead to it. Its data: the
    number of shards (card-shard.js finds an ID's shard by the same hash), the words of the card, the currency
    its amounts are shown in, the pattern of its dates and the letters of its timeline's kinds."""
    words = {name: c.t(f"card.{name}") for name in CARD_WORDS}
    data = {"shards": card_shards(site.read.tables), "words": words, "currency": c.currency,
            "dateFormat": DATE_FORMATS[c.language], "kinds": TIMELINE_KINDS,
            "segments": {segment: c.t(f"segment.{segment}") for segment in SEGMENTS}}
    return Page("customer", "customer", template="customer.html", in_navigation=False, data=data)
