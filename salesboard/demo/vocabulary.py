"""The demo company's world: its dates, segment mix, people, towns, products and workbook headers."""
from __future__ import annotations

from datetime import date, datetime

AS_OF = date(2026, 11, 27)
SEED = 20261127
FIXED_TIME = datetime(2026, 11, 27, 18, 0)
FIRST_ID = 10001
# Planned segment mix of the address list as of AS_OF (counts of 800).
SEGMENT_COUNTS = {"Z0": 320, "Z1": 160, "Z2": 120, "Z3": 80, "Z4": 120}
ORDER_COUNTS = {"Z0": (0,), "Z1": (0,), "Z2": (1,), "Z3": (2,), "Z4": (3, 3, 3, 4, 4, 5, 6, 8)}
ORDER_YEARS = (2024, 2025, 2026)
TITLED_YEAR = 2025  # its workbook has a title row and a blank row above the header
MISSING_ADDRESSES = 3  # customers who order but are not yet in the address list
MAILING_DATE = date(2026, 3, 16)
MAILING_SIZE = 400
# Existing customers respond far more often than cold addresses.
RESPONSE_RATES = {"Z0": 0.02, "Z1": 0.06, "Z2": 0.12, "Z3": 0.16, "Z4": 0.20}

OWNERS = ("Anna Becker", "Jonas Wolf", "Lena Hoffmann", "Tim Schulz", "Sabine Krüger")
SOURCES = ("Messe", "Website", "Empfehlung", "Kaltakquise", "Mailing")
TOWNS = (  # PLZ, Ort, Bundesland, Vorwahl; east-German PLZ start with 0
    ("01067", "Dresden", "Sachsen", "0351"), ("04109", "Leipzig", "Sachsen", "0341"),
    ("09111", "Chemnitz", "Sachsen", "0371"), ("02625", "Bautzen", "Sachsen", "03591"),
    ("06108", "Halle (Saale)", "Sachsen-Anhalt", "0345"), ("07743", "Jena", "Thüringen", "03641"),
    ("03046", "Cottbus", "Brandenburg", "0355"), ("10115", "Berlin", "Berlin", "030"),
    ("20095", "Hamburg", "Hamburg", "040"), ("30159", "Hannover", "Niedersachsen", "0511"),
    ("33602", "Bielefeld", "Nordrhein-Westfalen", "0521"), ("44135", "Dortmund", "Nordrhein-Westfalen", "0231"),
    ("50667", "Köln", "Nordrhein-Westfalen", "0221"), ("60311", "Frankfurt am Main", "Hessen", "069"),
    ("68159", "Mannheim", "Baden-Württemberg", "0621"), ("70173", "Stuttgart", "Baden-Württemberg", "0711"),
    ("79098", "Freiburg im Breisgau", "Baden-Württemberg", "0761"), ("80331", "München", "Bayern", "089"),
    ("90402", "Nürnberg", "Bayern", "0911"), ("93047", "Regensburg", "Bayern", "0941"),
)
SURNAMES = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
            "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Lehmann", "Köhler")
FIRST_NAMES = ("Andreas", "Birgit", "Christian", "Daniela", "Frank", "Gabriele", "Jürgen", "Katrin", "Markus",
               "Monika", "Peter", "Petra", "Stefan", "Susanne", "Thomas", "Ute", "Uwe", "Sandra", "Jörg", "Heike")
TRADES = ("Holzbau", "Metallbau", "Elektrotechnik", "Haustechnik", "Maschinenbau", "Druckerei", "Logistik",
          "Dachdeckerei", "Sanitär", "Landtechnik", "Fensterbau", "Gebäudereinigung", "Kunststofftechnik")
LEGAL_FORMS = ("GmbH", "GmbH", "GmbH & Co. KG", "KG", "OHG", "e.K.", "AG")
PRODUCTS = (  # Produkt, lowest and highest net price
    ("Software-Lizenz Basis", 1200, 3500), ("Software-Lizenz Pro", 4000, 9500),
    ("Einrichtung & Schulung", 600, 2400), ("Wartungsvertrag 12 Monate", 900, 3000),
    ("Hardware-Paket", 2500, 12000), ("Zusatzmodul Lager", 800, 2200), ("Support-Paket", 300, 1200),
)
COLD_CONTACTS = ("Erstkontakt", "Kaltakquise", "Anruf")
CARE_CONTACTS = ("Anruf", "Besuch", "Folgekontakt")  # between and after orders
# The first contact a lead source usually brings; "Anfrage" already shows interest.
SOURCE_CONTACTS = {"Messe": "Erstkontakt", "Website": "Anfrage", "Empfehlung": "Anruf",
                   "Kaltakquise": "Kaltakquise", "Mailing": "Anfrage"}
INTEREST_TYPES = {"Anfrage", "Termin", "Besuch", "Angebot", "Verhandlung"}
RESULTS = {
    "Erstkontakt": ("Unterlagen angefordert", "Bedarf grundsätzlich vorhanden", "Ansprechpartner ermittelt"),
    "Kaltakquise": ("Ansprechpartner ermittelt", "Infos per E-Mail geschickt", "nicht erreicht"),
    "Anruf": ("Rückruf vereinbart", "kurz gesprochen", "nicht erreicht"),
    "Anfrage": ("Anfrage über Website", "Anfrage per E-Mail", "Preisanfrage"),
    "Messegespräch": ("Gespräch am Stand", "Visitenkarte erhalten"),
    "Folgekontakt": ("Interesse bestätigt", "Infos nachgereicht", "Termin angefragt"),
    "Termin": ("Bedarf aufgenommen", "Online-Vorführung"),
    "Besuch": ("Vor-Ort-Termin, Bedarf aufgenommen", "Besuch beim Kunden"),
    "Nachfassen": ("nachgefasst, Entscheidung offen", "Rückfragen geklärt"),
    "Angebot": ("Angebot versendet", "Angebot überarbeitet"),
    "Verhandlung": ("Preisverhandlung", "Rabatt angefragt", "Zahlungsziel verhandelt"),
}
DROPOUTS = ("kein Bedarf", "kein Budget", "hat sich für Wettbewerber entschieden", "Projekt verschoben")
ADDRESS_HEADERS = ("Kundennummer", "Firma", "Ansprechpartner", "E-Mail", "Telefon", "PLZ", "Ort",
                   "Bundesland", "Betreuer", "Quelle", "Angelegt am", "Interessent seit", "Wiedervorlage")
ORDER_HEADERS = ("Auftragsnummer", "Auftragsdatum", "Kd.-Nr.", "Kunde", "Produkt", "Betrag netto",
                 "Status", "Betreuer")
CONTACT_HEADERS = ("Kd.-Nr.", "Datum", "Kontaktart", "Ergebnis", "Betreuer", "Wiedervorlage")
MAILING_HEADERS = ("Kundennummer", "Versanddatum", "Reaktion")
TEXT_HEADERS = {"PLZ"}  # stored as text so leading zeros survive
