"""Header aliases and matching: which column of a sheet holds which field."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from salesboard.folding import spell_out_umlauts, without_accents

# Abbreviations folded to one spelling, applied to headers and aliases alike.
_ABBREVIATIONS = (
    (re.compile(r"(nummer|number|num)$"), "nr"),
    (re.compile(r"(?<=[a-z])no$"), "nr"),
    (re.compile(r"^tel$"), "telefon"),
    (re.compile(r"^(telefonnr|telnr|phonenr)$"), "telefon"),
)
_UNIT_SUFFIX = re.compile(r"\((eur|euro|€|chf|usd|\$|netto|brutto)\)|\bin (eur|euro|€)(?!\w)|[€$]")


def fold(header: str) -> str:
    """'Kd.-Nr.' → 'kdnr', 'Außendienst' → 'aussendienst', 'Betrag (EUR)' → 'betrag'."""
    text = spell_out_umlauts(unicodedata.normalize("NFC", str(header)).strip().lower())
    text = _UNIT_SUFFIX.sub("", text)
    text = "".join(ch for ch in without_accents(text) if ch.isalnum())
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


_CUSTOMER_ID = ["Kundennummer", "Kunden-Nr.", "Kd.-Nr.", "KdNr", "Kunden-ID", "Customer ID",
                "Customer No", "Customer Number", "Account ID", "Account No"]
_OWNER = ["Betreuer", "Vertriebler", "Verkäufer", "Außendienst", "Sachbearbeiter",
          "Sales Rep", "Owner", "Account Owner"]
_FOLLOW_UP = ["Wiedervorlage", "WV", "Nächster Kontakt", "Next Follow-up", "Follow-up Date",
              "Follow-up", "Next Contact"]

# table → field → aliases. The first fields listed as required must all be found.
ALIASES: dict[str, dict[str, list[str]]] = {
    "addresses": {
        "customer_id": _CUSTOMER_ID,
        "company": ["Firma", "Unternehmen", "Name", "Kunde", "Kundenname", "Firmenname",
                    "Company", "Account", "Customer Name", "Customer", "Account Name"],
        "contact": ["Ansprechpartner", "Kontakt", "Kontaktperson", "Contact", "Contact Person"],
        "email": ["E-Mail", "Email", "Mail", "E-Mail-Adresse", "Email Address"],
        "phone": ["Telefon", "Tel.", "Telefonnummer", "Phone", "Phone Number", "Mobil"],
        "postcode": ["PLZ", "Postleitzahl", "Postal Code", "Postcode", "Zip", "Zip Code"],
        "city": ["Ort", "Stadt", "City", "Town"],
        "region": ["Region", "Gebiet", "Bundesland", "State", "Territory"],
        "owner": _OWNER,
        "source": ["Quelle", "Herkunft", "Source", "Lead Source"],
        "created": ["Angelegt am", "Erfasst am", "Angelegt", "Created", "Created On", "Created Date"],
        "interest_since": ["Interessent seit", "Anfrage am", "Erstanfrage", "Interest Date",
                           "Lead Date", "Interested Since"],
        "next_follow_up": _FOLLOW_UP,
    },
    "orders": {
        "customer_id": _CUSTOMER_ID,
        "order_date": ["Auftragsdatum", "Bestelldatum", "Rechnungsdatum", "Datum", "Order Date", "Date"],
        "amount": ["Betrag", "Betrag netto", "Nettobetrag", "Umsatz", "Auftragswert", "Netto",
                   "Amount", "Revenue", "Sales", "Total", "Value", "Net Amount"],
        "order_id": ["Auftragsnummer", "Auftrags-Nr.", "Auftrag", "Bestellnummer", "Bestell-Nr.",
                     "Order ID", "Order No", "Order"],
        "status": ["Status", "Auftragsstatus", "Order Status"],
        "customer_name": ["Kunde", "Kundenname", "Firma", "Customer Name", "Customer", "Company"],
        "owner": _OWNER,
        "product": ["Produkt", "Artikel", "Artikelbezeichnung", "Product", "Item"],
    },
    "activities": {
        "customer_id": _CUSTOMER_ID,
        "date": ["Datum", "Kontaktdatum", "Date", "Contact Date", "Activity Date"],
        "type": ["Art", "Kontaktart", "Aktivität", "Typ", "Type", "Activity", "Activity Type"],
        "outcome": ["Ergebnis", "Notiz", "Bemerkung", "Outcome", "Result", "Note", "Notes"],
        "owner": _OWNER,
        "next_follow_up": _FOLLOW_UP,
    },
    "campaigns": {
        "customer_id": _CUSTOMER_ID,
        "sent_date": ["Versand", "Versanddatum", "Versand am", "Sent", "Sent Date", "Send Date"],
        "response": ["Reaktion", "Rücklauf", "Antwort", "Response", "Responded"],
        "campaign": ["Aktion", "Kampagne", "Mailing", "Campaign"],
    },
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "addresses": ("customer_id", "company"),
    "orders": ("customer_id", "order_date", "amount"),
    "activities": ("customer_id", "date", "type"),
    "campaigns": ("customer_id", "sent_date", "response"),
}

# When two tables fit a sheet equally well, the more specific one wins.
TABLE_PRIORITY = ("orders", "activities", "campaigns", "addresses")


@dataclass(frozen=True)
class HeaderMatch:
    table: str
    columns: dict[str, int]  # field → column index within the sheet
    duplicates: tuple[tuple[str, int], ...]  # (field, column index) of ignored repeat columns


class AliasIndex:
    """Folded alias → field, per table; built once from the defaults plus config."""

    def __init__(self, extra: dict[str, dict[str, list[str]]] | None = None,
                 pinned: dict[str, dict[str, str]] | None = None):
        self.by_table: dict[str, dict[str, str]] = {}
        for table, fields in ALIASES.items():
            folded: dict[str, str] = {}
            for field, aliases in fields.items():
                for alias in aliases + (extra or {}).get(table, {}).get(field, []):
                    folded.setdefault(fold(alias), field)
            # A pinned header belongs to its field, whatever the defaults say.
            for field, header in (pinned or {}).get(table, {}).items():
                folded[fold(header)] = field
            self.by_table[table] = folded
        self.known = {alias for folded in self.by_table.values() for alias in folded}

    def count_known(self, cells: list[str | None]) -> int:
        return sum(1 for cell in cells if cell is not None and fold(cell) in self.known)

    def match(self, header: list[str | None]) -> HeaderMatch | None:
        """The table this header row belongs to, or None when no table's required fields are all there."""
        folded = [fold(cell) if cell is not None else "" for cell in header]
        best: HeaderMatch | None = None
        for table in TABLE_PRIORITY:
            aliases = self.by_table[table]
            columns: dict[str, int] = {}
            duplicates: list[tuple[str, int]] = []
            for index, name in enumerate(folded):
                field = aliases.get(name)
                if field is None:
                    continue
                if field in columns:
                    duplicates.append((field, index))
                else:
                    columns[field] = index
            if not all(field in columns for field in REQUIRED[table] if field != "campaign"):
                continue
            if best is None or len(columns) > len(best.columns):
                best = HeaderMatch(table, columns, tuple(duplicates))
        return best
