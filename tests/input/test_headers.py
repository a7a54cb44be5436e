import pytest

from salesboard.input.headers import ALIASES, REQUIRED, AliasIndex, fold

# The minimum aliases every field must accept, field by field.
MINIMUM_ALIASES = {
    "addresses": {
        "customer_id": ["Kundennummer", "Kunden-Nr.", "Kd.-Nr.", "KdNr", "Customer ID", "Customer No", "Account ID"],
        "company": ["Firma", "Unternehmen", "Name", "Kunde", "Company", "Account", "Customer Name"],
        "contact": ["Ansprechpartner", "Kontakt", "Contact", "Contact Person"],
        "email": ["E-Mail"],
        "phone": ["Telefon", "Tel.", "Phone"],
        "postcode": ["PLZ", "Postal Code"],
        "city": ["Ort", "Stadt", "City"],
        "region": ["Region", "Gebiet", "Bundesland", "State"],
        "owner": ["Betreuer", "Vertriebler", "Verkäufer", "Außendienst", "Sales Rep", "Owner"],
        "source": ["Quelle", "Herkunft", "Source", "Lead Source"],
        "created": ["Angelegt am", "Erfasst am", "Created"],
        "interest_since": ["Interessent seit", "Anfrage am", "Erstanfrage", "Interest Date", "Lead Date"],
        "next_follow_up": ["Wiedervorlage", "WV", "Nächster Kontakt", "Next Follow-up", "Follow-up Date"],
    },
    "orders": {
        "customer_id": ["Kundennummer", "Kd.-Nr.", "Customer ID"],
        "order_date": ["Auftragsdatum", "Bestelldatum", "Datum", "Order Date", "Date"],
        "amount": ["Betrag", "Betrag netto", "Nettobetrag", "Umsatz", "Auftragswert", "Amount", "Revenue",
                   "Sales", "Total", "Value"],
        "order_id": ["Auftragsnummer", "Auftrags-Nr.", "Bestellnummer", "Order ID", "Order No"],
        "status": ["Status"],
        "customer_name": ["Customer Name", "Kunde"],
        "owner": ["Betreuer"],
        "product": ["Produkt", "Artikel", "Product"],
    },
    "activities": {
        "customer_id": ["Kundennummer"],
        "date": ["Datum", "Kontaktdatum", "Date"],
        "type": ["Art", "Kontaktart", "Aktivität", "Typ", "Type", "Activity"],
        "outcome": ["Ergebnis", "Notiz", "Outcome", "Result"],
        "owner": ["Betreuer"],
        "next_follow_up": ["Wiedervorlage", "WV", "Nächster Kontakt"],
    },
    "campaigns": {
        "campaign": ["Aktion", "Kampagne", "Mailing", "Campaign"],
        "customer_id": ["Kundennummer"],
        "sent_date": ["Versand", "Versanddatum", "Versand am", "Sent", "Sent Date"],
        "response": ["Reaktion", "Rücklauf", "Antwort", "Response", "Responded"],
    },
}
# A header row per table that is recognised with the field under test swapped in.
BASE = {
    "addresses": {"customer_id": "Kundennummer", "company": "Firma"},
    "orders": {"customer_id": "Kundennummer", "order_date": "Auftragsdatum", "amount": "Betrag"},
    "activities": {"customer_id": "Kundennummer", "date": "Kontaktdatum", "type": "Kontaktart"},
    "campaigns": {"customer_id": "Kundennummer", "sent_date": "Versanddatum", "response": "Reaktion"},
}
CASES = [(table, field, alias) for table, fields in MINIMUM_ALIASES.items()
         for field, aliases in fields.items() for alias in aliases]


@pytest.mark.parametrize("table,field,alias", CASES)
def test_every_spec_alias_is_recognised_in_its_table(table, field, alias):
    header = dict(BASE[table])
    header[field] = alias
    match = AliasIndex().match(list(header.values()))
    assert match is not None and match.table == table
    assert match.columns[field] == list(header).index(field)


@pytest.mark.parametrize("header,folded", [
    ("Kd.-Nr.", "kdnr"), ("Kunden-Nr.", "kundennr"), ("KUNDENNUMMER", "kundennr"),
    ("  Außendienst ", "aussendienst"), ("Nächster Kontakt", "naechsterkontakt"),
    ("Betrag (EUR)", "betrag"), ("Umsatz in €", "umsatz"), ("Tel.", "telefon"), ("Customer No.", "customernr"),
])
def test_fold_ignores_case_spaces_punctuation_umlauts_and_abbreviations(header, folded):
    assert fold(header) == folded


def test_orders_beat_addresses_when_a_sheet_has_both_kinds_of_columns():
    match = AliasIndex().match(["Auftragsnummer", "Datum", "Kd.-Nr.", "Kunde", "Betrag", "Status"])
    assert match.table == "orders"
    assert match.columns == {"order_id": 0, "order_date": 1, "customer_id": 2, "customer_name": 3,
                             "amount": 4, "status": 5}


def test_a_sheet_without_all_required_fields_is_no_table():
    assert AliasIndex().match(["Kundennummer", "Datum", "Notiz"]) is None


def test_config_aliases_and_pinned_headers_are_used():
    index = AliasIndex(extra={"orders": {"amount": ["Summe"]}},
                       pinned={"orders": {"order_date": "Rechnung vom"}})
    match = index.match(["Kundennummer", "Rechnung vom", "Summe"])
    assert match.table == "orders" and match.columns == {"customer_id": 0, "order_date": 1, "amount": 2}


def test_repeated_headers_keep_the_first_column():
    match = AliasIndex().match(["Kundennummer", "Datum", "Datum", "Betrag"])
    assert match.columns["order_date"] == 1 and match.duplicates == (("order_date", 2),)


def test_required_fields_are_aliased_for_every_table():
    for table, fields in REQUIRED.items():
        assert set(fields) <= set(ALIASES[table])
