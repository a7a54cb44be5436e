"""The words of data-quality problems and reading notices, in German and English.

Placeholders: {found} is the cell's text as read (quoted), {field_w}/{missing_w} name fields
(nouns without article), {kind_w} a kind of list; numbers are formatted by the language.
"""
from __future__ import annotations

_FIELDS = {
    "customer_id": ("Kundennummer", "customer ID"),
    "company": ("Firmenname", "company name"),
    "first_name": ("Vorname", "first name"),
    "last_name": ("Nachname", "last name"),
    "contact": ("Ansprechpartner", "contact"),
    "email": ("E-Mail", "e-mail"),
    "phone": ("Telefonnummer", "phone number"),
    "postcode": ("PLZ", "postcode"),
    "city": ("Ort", "city"),
    "region": ("Region", "region"),
    "owner": ("Betreuer", "owner"),
    "source": ("Quelle", "source"),
    "created": ("Anlagedatum", "creation date"),
    "interest_since": ("Interessent seit", "interest date"),
    "next_follow_up": ("Wiedervorlage", "follow-up date"),
    "order_date": ("Auftragsdatum", "order date"),
    "amount": ("Betrag", "amount"),
    "order_id": ("Auftragsnummer", "order ID"),
    "status": ("Status", "status"),
    "customer_name": ("Kundenname", "customer name"),
    "product": ("Produkt", "product"),
    "quantity": ("Menge", "quantity"),
    "unit_price": ("Einzelpreis", "unit price"),
    "discount": ("Rabatt", "discount"),
    "date": ("Datum", "date"),
    "type": ("Kontaktart", "activity type"),
    "outcome": ("Ergebnis", "outcome"),
    "sent_date": ("Versanddatum", "send date"),
    "response": ("Reaktion", "response"),
    "campaign": ("Aktion", "campaign"),
    "returned": ("Retoure", "returned mark"),
}
_KINDS = {
    "addresses": ("eine Adressliste", "an address list"),
    "orders": ("eine Auftragsliste", "an order list"),
    "activities": ("ein Kontaktprotokoll", "a contact log"),
    "campaigns": ("eine Versandliste", "a mailing list"),
    "returns": ("eine Retourenliste", "a returns list"),
}

WORDS: dict[str, dict[str, str]] = {
    **{f"field.{name}": {"de": de, "en": en} for name, (de, en) in _FIELDS.items()},
    **{f"kind_a.{name}": {"de": de, "en": en} for name, (de, en) in _KINDS.items()},
    "where.sheet": {"de": "Blatt '{sheet}'", "en": "sheet '{sheet}'"},
    "where.cell": {"de": "Zelle {cell}", "en": "cell {cell}"},
    "where.column": {"de": "Spalte {cell}", "en": "column {cell}"},
    "where.row": {"de": "Zeile {cell}", "en": "row {cell}"},
    # What was done.
    "done.file_skipped": {"de": "Datei übersprungen", "en": "file skipped"},
    "done.sheet_skipped": {"de": "Blatt übersprungen", "en": "sheet skipped"},
    "done.part_skipped": {"de": "Tabelle übersprungen", "en": "table skipped"},
    "done.row_skipped": {"de": "Zeile übersprungen", "en": "row skipped"},
    "done.rows_skipped": {"de": "Zeilen übersprungen", "en": "rows skipped"},
    "done.value_ignored": {"de": "Wert ignoriert", "en": "value ignored"},
    "done.values_ignored": {"de": "Werte ignoriert", "en": "values ignored"},
    "done.column_ignored": {"de": "Spalte ignoriert", "en": "column ignored"},
    "done.kept": {"de": "unverändert übernommen", "en": "kept as it is"},
    "done.first_kept": {"de": "Zeile übersprungen, die erste behalten", "en": "row skipped, the first one kept"},
    "done.firsts_kept": {"de": "Zeilen übersprungen, jeweils die erste behalten",
                         "en": "rows skipped, the first ones kept"},
    "done.inferred": {"de": "Status aus den Aufträgen abgeleitet", "en": "status inferred from the orders"},
    "done.as_other": {"de": "als 'sonstige' gezählt", "en": "counted as 'other'"},
    "done.as_addresses": {"de": "trotzdem als Adressen gezählt", "en": "counted as addresses all the same"},
    "done.as_addresses.one": {"de": "trotzdem als Adresse gezählt", "en": "counted as an address all the same"},
    "done.read_so": {"de": "so gelesen", "en": "read so"},
    "done.file_read": {"de": "Datei gelesen", "en": "file read"},
    "done.last_good": {"de": "bis sie wieder lesbar gespeichert ist", "en": "until it is saved readable again"},
    # Files.
    "file.cannot_open": {"de": "lässt sich nicht öffnen ({reason}); ist sie gesperrt, oder wurden die Rechte "
                               "geändert?",
                         "en": "cannot be opened ({reason}); is it open with a lock or were permissions changed?"},
    "file.empty": {"de": "ist leer (0 Bytes); sie wurde wohl nicht vollständig gespeichert — bitte neu speichern",
                   "en": "is empty (0 bytes); it was probably not saved completely — save it again"},
    "file.text_as_xlsx": {
        "de": "ist keine Excel-Arbeitsmappe, sondern eine Textdatei mit der Endung .xlsx; in Excel als .xlsx "
              "speichern, oder in .csv umbenennen, wenn es ein CSV-Export ist",
        "en": "is not an Excel workbook but a text file with an .xlsx name; save it from Excel as .xlsx, or "
              "rename it to .csv if it is a CSV export"},
    "file.encrypted": {
        "de": "ist mit einem Kennwort geschützt; ohne Kennwort speichern (Datei › Informationen › "
              "Arbeitsmappe schützen)",
        "en": "is protected with a password; save it without password (File › Info › Protect Workbook)"},
    "file.xls_as_xlsx": {
        "de": "ist eine alte Excel-97–2003-Arbeitsmappe (.xls) mit der Endung .xlsx; in .xls umbenennen oder in "
              "Excel als .xlsx speichern",
        "en": "is an old Excel 97–2003 workbook (.xls) with an .xlsx name; open it in Excel and save it as .xlsx"},
    "file.truncated": {
        "de": "ist beschädigt (keine vollständige Arbeitsmappe; vielleicht beim Kopieren abgeschnitten); in Excel "
              "neu speichern",
        "en": "is damaged (not a complete workbook; perhaps cut off while copying); save it again from Excel"},
    "file.ods_as_xlsx": {
        "de": "ist eine OpenDocument-Tabelle (.ods) mit der Endung .xlsx; in .ods umbenennen oder als "
              "Excel-Arbeitsmappe (.xlsx) speichern",
        "en": "is an OpenDocument spreadsheet (.ods) with an .xlsx name; save it as Excel workbook (.xlsx)"},
    "file.no_workbook": {"de": "ist ein Zip-Archiv, aber keine Excel-Arbeitsmappe (ohne xl/workbook.xml)",
                         "en": "is a zip archive but no Excel workbook (it has no xl/workbook.xml)"},
    "file.zip_bomb": {"de": "Teil {part} würde sich aus {compressed} MiB auf {size} GiB entpacken; als Zip-Bombe "
                            "abgelehnt",
                      "en": "part {part} would expand to {size} GiB from {compressed} MiB; refused as a zip bomb"},
    "file.damaged_part": {"de": "ist beschädigt ({part}: {reason}); in Excel neu speichern",
                          "en": "is damaged ({part}: {reason}); save it again from Excel"},
    "file.entities": {
        "de": "Teil {part} deklariert XML-Entitäten, die Excel nie schreibt; aus Sicherheitsgründen abgelehnt — "
              "die Arbeitsmappe in Excel neu speichern",
        "en": "part {part} declares XML entities, which Excel never writes; refused for safety — save the "
              "workbook again from Excel"},
    "file.damaged": {"de": "ist beschädigt und nicht lesbar ({reason}); in Excel neu speichern",
                     "en": "is damaged and cannot be read ({reason}); save it again from Excel"},
    "file.csv_unreadable": {"de": "lässt sich nicht als CSV lesen ({reason})",
                            "en": "cannot be read as CSV ({reason})"},
    "file.name_not_utf8": {
        "de": "der Dateiname ist kein gültiges UTF-8 und wird als {name} gezeigt; die Datei besser umbenennen",
        "en": "the file name is not valid UTF-8 and is shown as {name}; better rename the file"},
    "file.last_good": {"de": "{file} lässt sich nicht lesen ({reason}); gezeigt wird ihr Inhalt vom {read_at}",
                       "en": "{file} could not be read ({reason}); showing its contents as read at {read_at}"},
    "sheet.unreadable": {"de": "lässt sich nicht lesen ({reason})", "en": "cannot be read ({reason})"},
    # CSV rows.
    "csv.ragged": {"de": "hat {found} Felder, die Kopfzeile {expected}; fehlt ein Trennzeichen oder ein "
                         "Anführungszeichen?",
                   "en": "has {found} fields where the header has {expected}; is a separator or a quote missing?"},
    "csv.long_field": {
        "de": "ein Feld ist {length} Zeichen lang (mehr als 131.072); meist fehlt ein schließendes "
              "Anführungszeichen",
        "en": "a field is {length} characters long (more than 131,072); usually a closing quote is missing"},
    # Sheets.
    "sheet.no_header": {
        "de": "keine Tabelle erkannt: keine der ersten 20 Zeilen enthält zwei bekannte Spaltenüberschriften "
              "(etwa Kundennummer, Datum, Betrag)",
        "en": "no table recognised: none of the first 20 rows holds two known column headers (such as "
              "Kundennummer, Datum, Betrag)"},
    "sheet.looks_like": {
        "de": "sieht aus wie {kind_w} ({seen}), aber ohne {missing_w}: welche Spalte enthält das? Unter "
              "[columns.{table}] in dashboard.toml eintragen, z. B. {example}",
        "en": "looks like {kind_w} ({seen}) but has no {missing_w}: which column holds it? add it under "
              "[columns.{table}] in dashboard.toml, e.g. {example}"},
    "rejected.month_day": {
        "de": "keine der {rows} Datenzeilen ließ sich verwenden: alle {count} Daten in Spalte {column} stehen in "
              "Monat/Tag-Reihenfolge (etwa {example}); date_format = \"%m/%d/%Y\" in dashboard.toml eintragen",
        "en": "none of the {rows} data rows could be used: all {count} dates in column {column} are in month/day "
              "order (such as {example}): set date_format = \"%m/%d/%Y\" in dashboard.toml"},
    "rejected.unreadable": {
        "de": "keine der {rows} Datenzeilen ließ sich verwenden: {field_w} in Spalte {column} ist in keiner Zeile "
              "lesbar (etwa {example}); ist es die richtige Spalte? Sonst die richtige unter [columns.{table}] in "
              "dashboard.toml eintragen",
        "en": "none of the {rows} data rows could be used: the {field_w} in column {column} cannot be read in any "
              "row (such as {example}); is it the right column? If not, name the right one under "
              "[columns.{table}] in dashboard.toml"},
    "rejected.empty": {
        "de": "keine der {rows} Datenzeilen ließ sich verwenden: {field_w} in Spalte {column} ist in allen Zeilen "
              "leer",
        "en": "none of the {rows} data rows could be used: the {field_w} in column {column} is empty in every row"},
    "rejected.unsaved_formula": {
        "de": "keine der {rows} Datenzeilen ließ sich verwenden: {field_w} in Spalte {column} sind Formeln ohne "
              "gespeichertes Ergebnis (etwa {example}); die Arbeitsmappe in Excel öffnen und speichern",
        "en": "none of the {rows} data rows could be used: the {field_w} in column {column} holds formulas without a "
              "saved result (such as {example}); open the workbook in Excel and save it"},
    "rejected.excel_error": {
        "de": "keine der {rows} Datenzeilen ließ sich verwenden: {field_w} in Spalte {column} enthält Excel-Fehler "
              "(etwa {example}); die Formeln in Excel prüfen",
        "en": "none of the {rows} data rows could be used: the {field_w} in column {column} holds Excel errors "
              "(such as {example}); check the formulas in Excel"},
    "rejected.mixed": {
        "de": "keine der {rows} Datenzeilen ließ sich verwenden: jeder fehlt ein Pflichtwert (siehe die Zellen oben)",
        "en": "none of the {rows} data rows could be used: each lacks a required value (see the cells above)"},
    "header.repeated": {"de": "wiederholt die Überschrift für {field_w} (schon Spalte {column})",
                        "en": "repeats the header of the {field_w} (already column {column})"},
    "header.passed_over": {
        "de": "ist eine weitere Spalte für {field_w} ({header}); verwendet wird Spalte {column} ({chosen}) — eine "
              "andere unter [columns.{table}] in dashboard.toml festlegen",
        "en": "is another {field_w} column ({header}); column {column} ({chosen}) is used — pin another under "
              "[columns.{table}] in dashboard.toml"},
    "header.gross": {"de": "als Betrag dient der Bruttobetrag ({header}): es gibt keine Netto-Spalte",
                     "en": "the amount is the gross amount ({header}): there is no net column"},
    "header.computed_amount": {"de": "Betrag = {quantity} × {price}, da es keine Betragsspalte gibt",
                               "en": "amount = {quantity} × {price}, as there is no amount column"},
    "header.computed_amount_less": {
        "de": "Betrag = {quantity} × {price} abzüglich {discount}, da es keine Betragsspalte gibt",
        "en": "amount = {quantity} × {price} less {discount}, as there is no amount column"},
    "header.by_name": {
        "de": "keine Kundennummer: Kunden werden über den Namen ({header}) zugeordnet (ohne Groß-/Kleinschreibung)",
        "en": "no customer ID: customers are matched by their name ({header}), ignoring case"},
    "header.person_name": {"de": "Name aus {first} und {last} zusammengesetzt",
                           "en": "name made of {first} and {last}"},
    "header.fuzzy": {"de": "Überschrift {header} als {field_w} gelesen", "en": "header {header} read as {field_w}"},
    "dates.month_first": {
        "de": "Daten als Monat/Tag gelesen (etwa {example}); falls falsch: date_format = \"%d/%m/%Y\" in "
              "dashboard.toml",
        "en": "dates read as month/day (such as {example}); if that is wrong, set date_format = \"%d/%m/%Y\" in "
              "dashboard.toml"},
    # Cells.
    "cell.missing": {"de": "{field_w} fehlt (Pflichtfeld)", "en": "missing the {field_w} (required {field_w})"},
    "cell.excel_error": {"de": "enthält den Excel-Fehler {value} ({field_w} ist Pflichtfeld)",
                         "en": "holds the Excel error {value} (required {field_w})"},
    "cell.unsaved_formula": {
        "de": "enthält eine Formel ohne gespeichertes Ergebnis ({value}); die Arbeitsmappe in Excel öffnen und "
              "speichern ({field_w} ist Pflichtfeld)",
        "en": "holds a formula without a saved result ({value}); open the workbook in Excel and save it "
              "(required {field_w})"},
    "cell.expected": {"de": "erwartet {expected_w}, gefunden {found}", "en": "expected {expected_w}, found {found}"},
    "cell.far_future": {"de": "Datum {value} liegt mehr als ein Jahr nach heute; wohl ein Tippfehler",
                        "en": "date {value} is more than a year after today; probably a typo"},
    "rows.like": {"de": "{count} Zeilen wie Zeile {examples}: {what}",
                  "en": "{count} rows like row {examples}: {what}"},
    "cells.like": {"de": "{count} Zellen wie {examples}: {what}", "en": "{count} cells like {examples}: {what}"},
    "cell.more.one": {"de": "1 weitere Zelle wie {example} in dieser Spalte",
                      "en": "1 more cell like {example} in this column"},
    "cell.more": {"de": "{count} weitere Zellen wie {example} in dieser Spalte",
                  "en": "{count} more cells like {example} in this column"},
    "expected.id": {"de": "eine Kundennummer", "en": "a customer ID"},
    "expected.date": {"de": "ein Datum wie 31.12.2025", "en": "a date such as 31.12.2025"},
    "expected.amount": {"de": "einen Betrag wie 1.234,56", "en": "an amount such as 1.234,56"},
    "expected.number": {"de": "eine Zahl wie 3 oder 2,5", "en": "a number such as 3 or 2.5"},
    "expected.response": {"de": "eine Reaktion wie ja, nein, x oder ein Datum",
                          "en": "a response such as ja, nein, x or a date"},
    "expected.discount": {"de": "einen Rabatt wie 0,1 oder 10 %", "en": "a discount such as 0.1 or 10 %"},
    # Across sheets.
    "id.repeated_here": {"de": "Kundennummer {id} kommt noch einmal vor (zuerst in Zelle {first})",
                         "en": "customer ID {id} appears again (first at cell {first})"},
    "id.repeated_there": {
        "de": "Kundennummer {id} kommt noch einmal vor (zuerst in {first_file}, Blatt '{first_sheet}', Zelle {first})",
        "en": "customer ID {id} appears again (first at {first_file}, sheet '{first_sheet}', cell {first})"},
    "id.repeated_more.one": {"de": "1 weitere wiederholte Kundennummer", "en": "1 more repeated customer ID"},
    "id.repeated_more": {"de": "{count} weitere wiederholte Kundennummern",
                         "en": "{count} more repeated customer IDs"},
    "offer.unknown_status": {
        "de": "unbekannter Angebotsstatus {found} ({count} Zeilen); erwartet offen, angenommen/gewonnen oder "
              "abgelehnt/verloren",
        "en": "unknown offer status {found} ({count} rows); expected open, won/accepted or lost/declined"},
    "offer.unknown_status.one": {
        "de": "unbekannter Angebotsstatus {found} (1 Zeile); erwartet offen, angenommen/gewonnen oder "
              "abgelehnt/verloren",
        "en": "unknown offer status {found} (1 row); expected open, won/accepted or lost/declined"},
    "type.unknown.one": {
        "de": "unbekannte Kontaktart {found} (1 Zeile); ist sie eine Vertriebsstufe, in dashboard.toml "
              "eintragen, z. B. [aliases.activity_types] meeting = [{found}]",
        "en": "unknown activity type {found} (1 row); if it is a sales stage, add it in dashboard.toml, "
              "e.g. [aliases.activity_types] meeting = [{found}]"},
    "type.unknown": {
        "de": "unbekannte Kontaktart {found} ({count} Zeilen); ist sie eine Vertriebsstufe, in dashboard.toml "
              "eintragen, z. B. [aliases.activity_types] meeting = [{found}]",
        "en": "unknown activity type {found} ({count} rows); if it is a sales stage, add it in dashboard.toml, "
              "e.g. [aliases.activity_types] meeting = [{found}]"},
    "ids.unlisted": {"de": "{count} Kundennummern in {kind_w} ({examples}): {why_w}",
                     "en": "{count} customer IDs in {kind_w} ({examples}): {why_w}"},
    "ids.unlisted.one": {"de": "{count} Kundennummer in {kind_w} ({examples}): {why_w}",
                         "en": "{count} customer ID in {kind_w} ({examples}): {why_w}"},
    "why.no_address_list": {"de": "es gibt keine Adressliste", "en": "there is no address list"},
    "why.not_listed": {"de": "sie stehen nicht in der Adressliste", "en": "they are not in the address list"},
    "why.not_listed.one": {"de": "sie steht nicht in der Adressliste", "en": "it is not in the address list"},
    "kind_in.orders": {"de": "Aufträgen", "en": "orders"},
    "kind_in.activities": {"de": "Kontakten", "en": "activities"},
    "kind_in.campaigns": {"de": "Aktionen", "en": "campaigns"},
    "kind_in.offers": {"de": "Angeboten", "en": "offers"},
    "field.offer_date": {"de": "Angebotsdatum", "en": "offer date"},
    "field.offer_id": {"de": "Angebotsnummer", "en": "offer ID"},
    "field.decided": {"de": "Entscheidungsdatum", "en": "decision date"},
    "field.valid_until": {"de": "Gültig bis", "en": "valid until"},
    "kind_a.offers": {"de": "eine Angebotsliste", "en": "an offer list"},
}
