"""Which headers name which field of which table: the aliases, best kind first, and what each table needs.

Each field has German and English aliases; dashboard.toml can add more ([aliases.TABLE]) or pin a
header ([columns.TABLE]). Headers and aliases are compared folded (headers.fold).
"""
from __future__ import annotations

import re

_CUSTOMER_ID = ["Kundennummer", "Kunden-Nr.", "Kd.-Nr.", "KdNr", "Kunden-ID", "Kundennr", "Debitor",
                "Debitorennummer", "Debitoren-Nr.", "Customer ID", "Customer No", "Customer Number",
                "Customer Code", "Client ID", "Account ID", "Account No"]
_NAME = ["Firma", "Unternehmen", "Name", "Kunde", "Kundenname", "Firmenname", "Company", "Company Name", "Account",
         "Customer Name", "Customer", "Client", "Client Name", "Account Name"]
_OWNER = ["Betreuer", "Vertriebler", "Verkäufer", "Außendienst", "Sachbearbeiter",
          "Sales Rep", "Owner", "Account Owner"]
_FOLLOW_UP = ["Wiedervorlage", "WV", "Nächster Kontakt", "Next Follow-up", "Follow-up Date",
              "Follow-up", "Next Contact"]
_FIRST_NAME = ["Vorname", "First Name", "Firstname", "Given Name"]
_LAST_NAME = ["Nachname", "Familienname", "Last Name", "Lastname", "Surname"]

# table → field → alias groups, best first: when several columns of a sheet fit one field, a column
# of an earlier group wins (an order date over an invoice date over a bare "Datum"; net over gross).
RANKED_ALIASES: dict[str, dict[str, list[list[str]]]] = {
    "addresses": {
        "customer_id": [_CUSTOMER_ID],
        "company": [_NAME],
        "first_name": [_FIRST_NAME],
        "last_name": [_LAST_NAME],
        "contact": [["Ansprechpartner", "Kontakt", "Kontaktperson", "Contact", "Contact Person", "Contact Name"]],
        "email": [["E-Mail", "Email", "Mail", "E-Mail-Adresse", "Email Address"]],
        "phone": [["Telefon", "Tel.", "Telefonnummer", "Phone", "Phone Number", "Mobil"]],
        "postcode": [["PLZ", "Postleitzahl", "Postal Code", "Postcode", "Zip", "Zip Code"]],
        "city": [["Ort", "Stadt", "Wohnort", "City", "Town"]],
        "region": [["Region", "Gebiet", "Bundesland", "State", "Territory"]],
        "owner": [_OWNER],
        "source": [["Quelle", "Herkunft", "Source", "Lead Source"]],
        "created": [["Angelegt am", "Erfasst am", "Angelegt", "Created", "Created On", "Created Date"]],
        "interest_since": [["Interessent seit", "Anfrage am", "Erstanfrage", "Interest Date", "Lead Date",
                            "Interested Since"]],
        "next_follow_up": [_FOLLOW_UP],
    },
    "orders": {
        "customer_id": [_CUSTOMER_ID],
        "order_date": [["Auftragsdatum", "Bestelldatum", "Order Date", "Auftrag vom", "Bestellt am"],
                       ["Rechnungsdatum", "Belegdatum", "Invoice Date", "InvoiceDate", "Rechnung vom"],
                       ["Datum", "Date"]],
        "amount": [["Betrag netto", "Nettobetrag", "Netto", "Net Amount", "Betrag", "Umsatz", "Auftragswert",
                    "Amount", "Revenue", "Sales", "Sale Amount", "Sales Amount", "Total", "Value"],
                   ["Bruttobetrag", "Brutto", "Betrag brutto", "Gesamtbetrag", "Gesamt", "Gross Amount"]],
        "order_id": [["Auftragsnummer", "Auftrags-Nr.", "Auftrag", "Bestellnummer", "Bestell-Nr.", "Order ID",
                      "Order No", "Order"],
                     ["Rechnungsnummer", "Rechnungs-Nr.", "Belegnummer", "Beleg-Nr.", "Invoice No", "InvoiceNo",
                      "Invoice", "Invoice ID"]],
        "status": [["Status", "Auftragsstatus", "Order Status"]],
        "customer_name": [_NAME],
        "first_name": [_FIRST_NAME],
        "last_name": [_LAST_NAME],
        "owner": [_OWNER],
        "product": [["Produkt", "Artikel", "Artikelbezeichnung", "Product", "Item", "Product Name",
                     "Description"]],
        "quantity": [["Menge", "Anzahl", "Stück", "Stk.", "Quantity", "Qty"]],
        "unit_price": [["Einzelpreis", "Stückpreis", "Preis", "Unit Price", "UnitPrice", "Price"]],
        "discount": [["Rabatt", "Discount"]],
    },
    "activities": {
        "customer_id": [_CUSTOMER_ID],
        "date": [["Kontaktdatum", "Contact Date", "Activity Date"], ["Datum", "Date"]],
        "type": [["Art", "Kontaktart", "Aktivität", "Typ", "Type", "Activity", "Activity Type"]],
        "outcome": [["Ergebnis", "Notiz", "Bemerkung", "Outcome", "Result", "Note", "Notes"]],
        "customer_name": [_NAME],
        "owner": [_OWNER],
        "next_follow_up": [_FOLLOW_UP],
    },
    "campaigns": {
        "customer_id": [_CUSTOMER_ID],
        "sent_date": [["Versand", "Versanddatum", "Versand am", "Sent", "Sent Date", "Send Date"]],
        "response": [["Reaktion", "Rücklauf", "Antwort", "Response", "Responded"]],
        "campaign": [["Aktion", "Kampagne", "Mailing", "Campaign"]],
        "customer_name": [_NAME],
    },
    "offers": {
        "customer_id": [_CUSTOMER_ID],
        "offer_date": [["Angebotsdatum", "Angebot vom", "Angebot am", "Quote Date", "Offer Date"], ["Datum", "Date"]],
        "amount": [["Angebotswert", "Angebotssumme", "Angebotsbetrag", "Quote Amount", "Quote Value", "Offer Amount",
                    "Offer Value"],
                   ["Betrag", "Betrag netto", "Nettobetrag", "Summe", "Amount", "Value", "Total"]],
        "offer_id": [["Angebotsnummer", "Angebots-Nr.", "Angebot Nr.", "Quote ID", "Quote No", "Offer ID", "Offer No"]],
        "status": [["Status", "Angebotsstatus", "Quote Status", "Offer Status"]],
        "decided": [["Entschieden am", "Entscheidung", "Entscheidungsdatum", "Decision Date", "Closed Date",
                     "Decided"]],
        "valid_until": [["Gültig bis", "Bindefrist", "Valid Until", "Expiry Date", "Expires"]],
        "customer_name": [_NAME],
        "owner": [_OWNER],
        "product": [["Produkt", "Artikel", "Leistung", "Product", "Item", "Description"]],
        "next_follow_up": [_FOLLOW_UP],
    },
    "returns": {
        "order_id": [["Auftragsnummer", "Auftrags-Nr.", "Bestellnummer", "Order ID", "Order No", "Rechnungsnummer",
                      "Invoice No", "InvoiceNo"]],
        "returned": [["Returned", "Retoure", "Retouren", "Retourniert", "Zurückgegeben", "Storno", "Storniert",
                      "Status"]],
    },
}
ALIASES: dict[str, dict[str, list[str]]] = {
    table: {field: [alias for group in groups for alias in group] for field, groups in fields.items()}
    for table, fields in RANKED_ALIASES.items()
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "addresses": ("customer_id", "company"),
    "orders": ("customer_id", "order_date", "amount"),
    "activities": ("customer_id", "date", "type"),
    "campaigns": ("customer_id", "sent_date", "response"),
    "offers": ("customer_id", "offer_date", "amount"),
    "returns": ("order_id", "returned"),
}
# Fields that tell what kind of list a sheet is; the others (IDs, names, owner) stand in several kinds.
DISTINCTIVE: dict[str, frozenset[str]] = {
    "addresses": frozenset({"contact", "email", "phone", "postcode", "city", "region", "source", "created",
                            "interest_since"}),
    "orders": frozenset({"order_id", "order_date", "amount", "status", "product", "quantity", "unit_price",
                         "discount"}),
    "activities": frozenset({"date", "type", "outcome"}),
    "campaigns": frozenset({"sent_date", "response", "campaign"}),
    "offers": frozenset({"offer_id", "offer_date", "amount", "status", "decided", "valid_until"}),
    "returns": frozenset({"returned"}),
}
# An incomplete sheet looks like an order list only with one of these (a price list of products is none).
CORE = {"orders": {"order_id", "order_date", "amount", "quantity"}, "campaigns": {"sent_date", "response"},
         "offers": {"offer_id", "offer_date", "amount"}}
# A column of the last alias group of these fields (a bare "Datum") says nothing about the kind.
GENERIC_LAST_GROUP = {("orders", "order_date"), ("activities", "date"), ("offers", "offer_date"),
                       ("offers", "amount")}
# When two tables fit a sheet equally well, the more specific one wins.
TABLE_PRIORITY = ("offers", "orders", "activities", "campaigns", "addresses")
NAME_FIELDS = ("company", "customer_name")
# A bare "ID" is a customer ID only on a sheet with a name column and no other ID column.
BARE_ID = "id"
ID_LIKE = re.compile(r"(id|nr)$")
