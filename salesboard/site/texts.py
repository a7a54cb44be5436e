"""Every word the site shows, in German and English. Templates look words up with `t(key)`."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Pages: navigation title and the "how to read this" line.
    "page.overview": {"de": "Übersicht", "en": "Overview"},
    "page.segments": {"de": "Segmente", "en": "Segments"},
    "page.funnel": {"de": "Funnel", "en": "Funnel"},
    "page.first_buyers": {"de": "Erstkäufer", "en": "First-time buyers"},
    "page.follow_ups": {"de": "Wiedervorlagen", "en": "Follow-ups"},
    "page.campaigns": {"de": "Aktionen", "en": "Campaigns"},
    "page.quality": {"de": "Datenqualität", "en": "Data quality"},
    "intro.overview": {
        "de": "Die Woche auf einen Blick: Kennzahlen mit Veränderung zur Vorwoche, der Wochen-Funnel dieser "
              "Woche gegen die Vorwoche und der Verlauf der letzten 52 Wochen.",
        "en": "The week at a glance: key figures with the change since last week, this week's funnel against "
              "last week, and the trend of the last 52 weeks."},
    "intro.segments": {
        "de": "Alle Adressen in fünf Gruppen nach bisherigem Verhalten: Z0 kalt, Z1 Interessent, Z2 Erstkäufer, "
              "Z3 Zweitkäufer, Z4 Stammkunde. Bestandskunden reagieren bis zu zehnmal besser als kalte Adressen.",
        "en": "All addresses in five groups by past behaviour: Z0 cold, Z1 prospect, Z2 first-time buyer, "
              "Z3 second order, Z4 loyal. Existing customers respond up to ten times better than cold addresses."},
    "intro.funnel": {
        "de": "Wie viele Adressen jede Stufe erreicht haben, mit der Quote zur vorigen Stufe und insgesamt.",
        "en": "How many addresses reached each step, with the rate from the step before and overall."},
    "intro.first_buyers": {
        "de": "Etwa die Hälfte der Erstkäufer bestellt nie wieder. Die Kohorten zeigen, wie schnell aus "
              "Erstkäufern Zweitkäufer werden; die Warteliste, wen Sie jetzt anrufen sollten.",
        "en": "About half of first-time buyers never order again. The cohorts show how fast first-time buyers "
              "order a second time; the waiting list shows whom to call now."},
    "intro.follow_ups": {
        "de": "Überfällige Wiedervorlagen: fällige Termine, zu lange ohne Kontakt, nicht nachgefasste Angebote. "
              "Erstkäufer stehen oben. Filtern Sie nach Betreuer, Segment oder Grund.",
        "en": "Overdue follow-ups: due dates passed, too long without contact, offers not chased. First-time "
              "buyers come first. Filter by owner, segment or reason."},
    "intro.campaigns": {
        "de": "Rücklaufquote je Aktion und Segment (Segment am Tag vor dem Versand) und das Verhältnis zu kalten "
              "Adressen (Z0).",
        "en": "Response rate per campaign and segment (segment on the day before sending) and the ratio to cold "
              "addresses (Z0)."},
    "intro.quality": {
        "de": "Was beim Lesen der Arbeitsmappen aufgefallen ist, mit Datei, Blatt und Zelle, und was damit "
              "geschehen ist.",
        "en": "What was found while reading the workbooks, with file, sheet and cell, and what was done."},
    # Site frame.
    "site.title": {"de": "Vertriebs-Dashboard", "en": "Sales dashboard"},
    "site.as_of": {"de": "Stand", "en": "As of"},
    "site.built": {"de": "erstellt", "en": "built"},
    # Segments.
    "segment.Z0": {"de": "Z0 kalte Adresse", "en": "Z0 cold address"},
    "segment.Z1": {"de": "Z1 Interessent", "en": "Z1 prospect"},
    "segment.Z2": {"de": "Z2 Erstkäufer", "en": "Z2 first-time buyer"},
    "segment.Z3": {"de": "Z3 Zweitkäufer", "en": "Z3 second order"},
    "segment.Z4": {"de": "Z4 Stammkunde", "en": "Z4 loyal customer"},
    # Stages.
    "stage.first_contact": {"de": "Erstkontakt", "en": "First contact"},
    "stage.follow_up": {"de": "Folgekontakt", "en": "Follow-up"},
    "stage.meeting": {"de": "Termin", "en": "Meeting"},
    "stage.chase": {"de": "Nachfassen", "en": "Chase"},
    "stage.offer": {"de": "Angebot", "en": "Offer"},
    "stage.negotiation": {"de": "Verhandlung", "en": "Negotiation"},
    "stage.order": {"de": "Auftrag", "en": "Order"},
    "weekly.orders": {"de": "Bestellende Kunden", "en": "Customers ordering"},
    "weekly.first_orders": {"de": "Erstaufträge", "en": "First orders"},
    "weekly.second_orders": {"de": "Zweitaufträge", "en": "Second orders"},
    "weekly.revenue": {"de": "Umsatz", "en": "Revenue"},
    # Follow-up reasons.
    "reason.due": {"de": "fällig", "en": "due"},
    "reason.cadence": {"de": "Kontaktrhythmus", "en": "cadence"},
    "reason.offer_not_chased": {"de": "Angebot nicht nachgefasst", "en": "offer not chased"},
    # Tables.
    "table.search": {"de": "Suchen…", "en": "Search…"},
    "table.all": {"de": "Alle", "en": "All"},
    "table.page": {"de": "Seite {page} von {pages}", "en": "Page {page} of {pages}"},
    "table.rows": {"de": "{shown} von {total} Zeilen", "en": "{shown} of {total} rows"},
    "table.previous": {"de": "Zurück", "en": "Previous"},
    "table.next": {"de": "Weiter", "en": "Next"},
    "table.empty": {"de": "Keine Einträge", "en": "No entries"},
    "table.blank": {"de": "(leer)", "en": "(empty)"},
    "script.no_plotly": {"de": "Diagramm nicht verfügbar: Plotly wurde nicht geladen.",
                         "en": "Chart unavailable: Plotly was not loaded."},
    "script.chart_failed": {"de": "Dieses Diagramm konnte nicht angezeigt werden.",
                            "en": "This chart could not be displayed."},
    "script.table_failed": {"de": "Diese Tabelle konnte nicht angezeigt werden.",
                            "en": "This table could not be displayed."},
    # Column headers.
    "col.customer_id": {"de": "Kd.-Nr.", "en": "Customer ID"},
    "col.company": {"de": "Firma", "en": "Company"},
    "col.owner": {"de": "Betreuer", "en": "Owner"},
    "col.phone": {"de": "Telefon", "en": "Phone"},
    "col.segment": {"de": "Segment", "en": "Segment"},
    "col.reasons": {"de": "Gründe", "en": "Reasons"},
    "col.due_date": {"de": "Fällig seit", "en": "Due since"},
    "col.days_overdue": {"de": "Tage überfällig", "en": "Days overdue"},
    "col.last_contact": {"de": "Letzter Kontakt", "en": "Last contact"},
    "col.first_order_date": {"de": "Erstauftrag am", "en": "First order on"},
    "col.days_since_first_order": {"de": "Tage seit Erstauftrag", "en": "Days since first order"},
    "col.addresses": {"de": "Adressen", "en": "Addresses"},
    "col.revenue_12m": {"de": "Umsatz 12 Monate", "en": "Revenue 12 months"},
    "col.revenue_total": {"de": "Umsatz gesamt", "en": "Revenue all time"},
    "col.step": {"de": "Stufe", "en": "Step"},
    "col.step_rate": {"de": "Quote zur Vorstufe", "en": "Rate from previous"},
    "col.overall_rate": {"de": "Quote gesamt", "en": "Overall rate"},
    "col.measure": {"de": "Kennzahl", "en": "Measure"},
    "col.current": {"de": "Diese Woche", "en": "This week"},
    "col.previous": {"de": "Vorwoche", "en": "Last week"},
    "col.average_4_weeks": {"de": "Ø 4 Wochen", "en": "4-week average"},
    "col.campaign": {"de": "Aktion", "en": "Campaign"},
    "col.sent_date": {"de": "Versand", "en": "Sent"},
    "col.sent": {"de": "Versendet", "en": "Sent"},
    "col.responded": {"de": "Reaktionen", "en": "Responses"},
    "col.response_rate": {"de": "Rücklaufquote", "en": "Response rate"},
    "col.rate_vs_z0": {"de": "× kalte Adressen", "en": "× cold addresses"},
    "col.severity": {"de": "Art", "en": "Kind"},
    "col.file": {"de": "Datei", "en": "File"},
    "col.sheet": {"de": "Blatt", "en": "Sheet"},
    "col.cell": {"de": "Zelle", "en": "Cell"},
    "col.message": {"de": "Problem", "en": "Problem"},
    "col.action": {"de": "Behandlung", "en": "What was done"},
    "col.table": {"de": "Erkannt als", "en": "Recognised as"},
    "col.rows": {"de": "Zeilen", "en": "Rows"},
    "severity.error": {"de": "Fehler", "en": "error"},
    "severity.warning": {"de": "Warnung", "en": "warning"},
    "kind.addresses": {"de": "Adressen", "en": "addresses"},
    "kind.orders": {"de": "Aufträge", "en": "orders"},
    "kind.activities": {"de": "Kontakte", "en": "activities"},
    "kind.campaigns": {"de": "Aktionen", "en": "campaigns"},
    "kind.none": {"de": "nicht erkannt", "en": "not recognised"},
    # Cards and sections.
    "kpi.addresses": {"de": "Adressen", "en": "Addresses"},
    "kpi.customers": {"de": "Kunden", "en": "Customers"},
    "kpi.revenue_12m": {"de": "Umsatz 12 Monate", "en": "Revenue 12 months"},
    "kpi.second_order_rate": {"de": "Zweitkaufquote", "en": "Second-order rate"},
    "kpi.overdue": {"de": "Überfällige Wiedervorlagen", "en": "Overdue follow-ups"},
    "kpi.vs_last_week": {"de": "ggü. Vorwoche", "en": "vs last week"},
    "kpi.median_days_second": {"de": "Median Tage bis Zweitauftrag", "en": "Median days to second order"},
    "kpi.waiting": {"de": "Erstkäufer ohne Zweitauftrag", "en": "First-time buyers without second order"},
    "kpi.median_days_order": {"de": "Median Tage Erstkontakt → Auftrag", "en": "Median days first contact → order"},
    "kpi.errors": {"de": "Fehler", "en": "Errors"},
    "kpi.warnings": {"de": "Warnungen", "en": "Warnings"},
    "kpi.sheets": {"de": "Gelesene Blätter", "en": "Sheets read"},
    "sec.weekly": {"de": "Wochen-Funnel: diese Woche gegen Vorwoche", "en": "Weekly funnel: this week vs last week"},
    "sec.trend": {"de": "Verlauf der letzten 52 Wochen", "en": "Trend of the last 52 weeks"},
    "sec.trend_activity": {"de": "Kontakte und Aufträge je Woche", "en": "Contacts and orders per week"},
    "sec.trend_revenue": {"de": "Umsatz je Woche", "en": "Revenue per week"},
    "sec.segment_counts": {"de": "Adressen und Umsatz je Segment", "en": "Addresses and revenue per segment"},
    "sec.segment_addresses": {"de": "Adressen je Segment", "en": "Addresses per segment"},
    "sec.segment_revenue": {"de": "Umsatz je Segment", "en": "Revenue per segment"},
    "sec.by_owner": {"de": "Segmente je Betreuer", "en": "Segments per owner"},
    "sec.history": {"de": "Segmente am Ende jeder Woche", "en": "Segments at the end of each week"},
    "sec.migration": {"de": "Wanderung zwischen Segmenten", "en": "Migration between segments"},
    "sec.lifecycle": {"de": "Lebenszyklus-Funnel", "en": "Lifecycle funnel"},
    "sec.stages": {"de": "Vertriebs-Funnel", "en": "Sales-stage funnel"},
    "sec.stages_all": {"de": "Gesamter Zeitraum", "en": "All time"},
    "sec.stages_recent": {"de": "Letzte 12 Wochen", "en": "Last 12 weeks"},
    "sec.cohorts": {"de": "Zweitauftrag je Erstkauf-Monat", "en": "Second order by month of first order"},
    "sec.days_to_second": {"de": "Tage bis zum Zweitauftrag", "en": "Days to second order"},
    "sec.waiting": {"de": "Warteliste: Erstkäufer ohne Zweitauftrag",
                    "en": "Waiting list: first-time buyers without a second order"},
    "sec.overdue": {"de": "Überfällige Wiedervorlagen", "en": "Overdue follow-ups"},
    "sec.downloads": {"de": "Downloads", "en": "Downloads"},
    "sec.response": {"de": "Rücklaufquote je Segment", "en": "Response rate per segment"},
    "sec.problems": {"de": "Gefundene Probleme", "en": "Problems found"},
    "sec.sheets": {"de": "Gelesene Blätter", "en": "Sheets read"},
    "note.cohorts": {"de": "Leere Felder: Zeitfenster noch nicht abgelaufen.",
                     "en": "Empty cells: window not yet elapsed."},
    "note.migration": {"de": "Zeilen: Segment am {start}; Spalten: Segment am {end}.",
                       "en": "Rows: segment on {start}; columns: segment on {end}."},
    "note.no_campaigns": {"de": "Keine Aktionen in den Arbeitsmappen gefunden.",
                          "en": "No campaigns found in the workbooks."},
    "note.no_problems": {"de": "Keine Probleme gefunden.", "en": "No problems found."},
    "download.stem": {"de": "wiedervorlagen", "en": "follow-ups"},
    "window.30": {"de": "30 Tage", "en": "30 days"},
    "window.90": {"de": "90 Tage", "en": "90 days"},
    "window.180": {"de": "180 Tage", "en": "180 days"},
    "window.365": {"de": "365 Tage", "en": "365 days"},
    "step.all": {"de": "Alle Adressen", "en": "All addresses"},
    "step.Z1+": {"de": "Interesse (Z1+)", "en": "Interest (Z1+)"},
    "step.Z2+": {"de": "Gekauft (Z2+)", "en": "Bought (Z2+)"},
    "step.Z3+": {"de": "Zweimal gekauft (Z3+)", "en": "Bought twice (Z3+)"},
    "step.Z4": {"de": "Stammkunde (Z4)", "en": "Loyal (Z4)"},
    "note.table_limit": {"de": "Die ersten {shown} von {total} Zeilen; alle stehen in den Downloads.",
                         "en": "The first {shown} of {total} rows; the downloads hold them all."},
    "chart.no_data": {"de": "Noch keine Daten für dieses Diagramm.", "en": "No data for this chart yet."},
    "no_owner": {"de": "ohne Betreuer", "en": "no owner"},
}


# The words the page script needs, handed to it in every page (its names → text keys).
SCRIPT_WORDS = {
    "search": "table.search", "all": "table.all", "blank": "table.blank", "page": "table.page",
    "rows": "table.rows", "previous": "table.previous", "next": "table.next", "empty": "table.empty",
    "noPlotly": "script.no_plotly", "chartFailed": "script.chart_failed", "tableFailed": "script.table_failed",
}


def script_words(language: str) -> dict[str, str]:
    return {name: TEXTS[key][language] for name, key in SCRIPT_WORDS.items()}


def translator(language: str):
    """t(key) → the word in `language`; an unknown key is a bug, so it raises."""
    def t(key: str) -> str:
        return TEXTS[key][language]
    return t
