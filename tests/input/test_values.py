import datetime as dt

import polars as pl
import pytest

from salesboard.input import values


def convert(function, texts, **kwargs):
    return function(pl.Series("raw", texts, dtype=pl.String), **kwargs).to_list()


@pytest.mark.parametrize("text,expected", [
    ("2025-12-31 00:00:00", dt.date(2025, 12, 31)),  # a real Excel date, as calamine hands it over
    ("31.12.2025", dt.date(2025, 12, 31)),
    ("1.2.2025", dt.date(2025, 2, 1)),
    ("31.12.25", dt.date(2025, 12, 31)),
    ("2025-12-31", dt.date(2025, 12, 31)),
    ("2025-12-31T14:05:00", dt.date(2025, 12, 31)),
    ("2025-12-31T14:05:00+01:00", dt.date(2025, 12, 31)),
    ("46022", dt.date(2025, 12, 31)),  # an Excel serial number in a cell without date format
    (" 31.12.2025 ", dt.date(2025, 12, 31)),
    ("32.01.2025", None), ("2025", None), ("morgen", None), ("", None), (None, None),
])
def test_dates(text, expected):
    assert convert(values.date, [text]) == [expected]


def test_a_pinned_date_format_is_tried_first():
    assert convert(values.date, ["12/31/2025", "31.12.2025"], pinned_format="%m/%d/%Y") == [
        dt.date(2025, 12, 31), dt.date(2025, 12, 31)]


@pytest.mark.parametrize("text,expected", [
    ("1234.5", 1234.5), ("1234", 1234.0), ("-80", -80.0), ("1e3", 1000.0),
    ("1.234,56 €", 1234.56), ("1.234,56", 1234.56), ("1,234.56", 1234.56), ("EUR 99", 99.0),
    ("99 EUR", 99.0), ("12,50", 12.5), ("-12,50", -12.5), ("(12,50)", -12.5), ("1.234 €", 1234.0),
    ("1.234.567,89", 1234567.89), ("€ 1 234,00", 1234.0), ("n/a", None), ("nan", None), ("", None),
])
def test_amounts(text, expected):
    assert convert(values.amount, [text]) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("1001", "1001"), ("1001.0", "1001"), (" 1001 ", "1001"), ("K-17", "K-17"), ("0042", "0042"),
    ("", None), ("  ", None),
])
def test_customer_ids_compare_as_trimmed_text(text, expected):
    assert convert(values.customer_id, [text]) == [expected]


@pytest.mark.parametrize("text,responded,on", [
    ("ja", True, "sent"), ("Yes", True, "sent"), ("x", True, "sent"), ("1", True, "sent"),
    ("TRUE", True, "sent"), ("wahr", True, "sent"), ("nein", False, None), ("no", False, None),
    ("0", False, None), ("false", False, None), (None, False, None),
    ("2026-03-20 00:00:00", True, dt.date(2026, 3, 20)), ("20.03.2026", True, dt.date(2026, 3, 20)),
    ("vielleicht", None, None),
])
def test_campaign_responses(text, responded, on):
    sent = dt.date(2026, 3, 16)
    responded_on = values.response(pl.Series([text], dtype=pl.String), pl.Series([sent], dtype=pl.Date))
    assert tuple(column.item() for column in responded_on) == (responded, sent if on == "sent" else on)


@pytest.mark.parametrize("text,stage", [
    ("Erstkontakt", "first_contact"), ("Kaltakquise", "first_contact"), ("Anruf", "first_contact"),
    ("Folgekontakt", "follow_up"), ("Termin", "meeting"), ("Besuch", "meeting"), ("Meeting", "meeting"),
    ("Nachfassen", "chase"), ("Angebot", "offer"), ("Offer", "offer"), ("Verhandlung", "negotiation"),
    ("Negotiation", "negotiation"), ("Anfrage", "enquiry"), ("Enquiry", "enquiry"), ("Inquiry", "enquiry"),
    ("  ANGEBOT ", "offer"), ("Messegespräch", "other"),
])
def test_activity_types_map_to_stages(text, stage):
    assert values.stages(pl.Series([text])).to_list() == [stage]


@pytest.mark.parametrize("text,cancelled", [
    ("storniert", True), ("Storniert", True), ("cancelled", True), ("canceled", True),
    ("offen", False), (None, False),
])
def test_cancelled_status(text, cancelled):
    assert convert(values.is_cancelled, [text]) == [cancelled]
