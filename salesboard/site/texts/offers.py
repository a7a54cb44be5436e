"""The words of the offers page, in German and English."""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "page.offers": {"de": "Angebote", "en": "Offers"},
    "intro.offers": {
        "de": "Die offenen Angebote nach Alter und Betreuer, die Trefferquote der letzten 12 Monate und die Liste "
              "zum Nachfassen. Ein Angebot ohne Status gilt als gewonnen, wenn der Kunde bald danach bestellt "
              "(offer_win_days, sonst 60 Tage), als verloren nach Ablauf der Bindefrist (ohne Bindefrist nach "
              "90 Tagen).",
        "en": "Open offers by age and owner, the hit rate of the last 12 months, and the list to chase. An offer "
              "without a status counts as won when the customer orders soon after (offer_win_days, else 60 days), "
              "as lost once it expires (without an expiry date, after 90 days)."},
    "kpi.open_offers": {"de": "Offene Angebote", "en": "Open offers"},
    "kpi.open_value": {"de": "Wert offener Angebote", "en": "Value of open offers"},
    "kpi.hit_rate": {"de": "Trefferquote (Anzahl)", "en": "Hit rate (count)"},
    "kpi.hit_rate_value": {"de": "Trefferquote (Wert)", "en": "Hit rate (value)"},
    "kpi.days_to_decision": {"de": "Median Tage bis zur Entscheidung", "en": "Median days to decision"},
    "sec.open_offers": {"de": "Offene Angebote", "en": "Open offers"},
    "sec.offers_by_age": {"de": "Wert nach Alter", "en": "Value by age"},
    "sec.offers_by_owner": {"de": "Wert nach Betreuer", "en": "Value by owner"},
    "sec.hit_rates": {"de": "Trefferquote der letzten 12 Monate", "en": "Hit rate of the last 12 months"},
    "note.hit_rates": {"de": "Gewonnen ÷ (gewonnen + verloren), nach Anzahl und nach Wert; offene zählen nicht.",
                       "en": "Won ÷ (won + lost), by count and by value; open offers do not count."},
    "sec.open_offer_list": {"de": "Offene Angebote zum Nachfassen", "en": "Open offers to chase"},
    "note.open_offer_list": {"de": "Je Betreuer die ältesten zuerst.", "en": "Oldest first within each owner."},
    "offers.everyone": {"de": "Alle", "en": "Everyone"},
    "age.0-14": {"de": "0–14 Tage", "en": "0–14 days"},
    "age.15-30": {"de": "15–30 Tage", "en": "15–30 days"},
    "age.31-60": {"de": "31–60 Tage", "en": "31–60 days"},
    "age.>60": {"de": "über 60 Tage", "en": "over 60 days"},
    "col.offer_id": {"de": "Angebot", "en": "Offer"},
    "col.offer_date": {"de": "Angebot vom", "en": "Offer date"},
    "col.amount": {"de": "Wert", "en": "Value"},
    "col.value": {"de": "Wert", "en": "Value"},
    "col.age_days": {"de": "Alter (Tage)", "en": "Age (days)"},
    "col.valid_until": {"de": "Gültig bis", "en": "Valid until"},
    "col.won": {"de": "Gewonnen", "en": "Won"},
    "col.lost": {"de": "Verloren", "en": "Lost"},
    "col.hit_rate": {"de": "Quote (Anzahl)", "en": "Rate (count)"},
    "col.won_value": {"de": "Wert gewonnen", "en": "Value won"},
    "col.lost_value": {"de": "Wert verloren", "en": "Value lost"},
    "col.hit_rate_value": {"de": "Quote (Wert)", "en": "Rate (value)"},
    "download.offers_stem": {"de": "angebote", "en": "offers"},
}
