"""The words of the call list, the follow-ups page's additions and the list downloads, in German and English.

Sentences with `{name}` placeholders are filled column-wise (site.formatting.template_expr).
"""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "page.call_list": {"de": "Anrufliste", "en": "Call list"},
    "intro.call_list": {
        "de": "Wen Sie heute anrufen sollten: je Betreuer zugesagte Rückrufe zuerst, dann die Anrufe, die am "
              "ehesten zu einem Auftrag führen — geschätzt aus der eigenen Geschichte des Teams. Von oben nach "
              "unten abarbeiten.",
        "en": "Whom to call today: per owner, promised calls first, then the calls most likely to lead to an "
              "order — estimated from the team's own history. Work it from the top down."},
    "call.reason.promised": {"de": "Rückruf zugesagt", "en": "call promised"},
    "call.reason.second_order": {"de": "Zweitauftrag holen", "en": "win the second order"},
    "call.reason.at_risk": {"de": "Kunde droht verloren zu gehen", "en": "customer at risk"},
    "call.reason.offer": {"de": "Angebot nachfassen", "en": "chase the offer"},
    "call.reason.hot": {"de": "frisches Interesse", "en": "fresh interest"},
    "call.reason.overdue": {"de": "Wiedervorlage überfällig", "en": "follow-up overdue"},
    # The first half of a row's sentence, by its first reason.
    "call.says.promised": {"de": "Rückruf zugesagt für den {date}", "en": "Call promised for {date}"},
    "call.says.second_order": {"de": "{segment_word} seit {days} Tagen", "en": "{segment_word} for {days} days"},
    "call.says.at_risk": {"de": "Bestellt sonst alle {gap} Tage, zuletzt vor {days} Tagen",
                          "en": "Usually orders every {gap} days, last order {days} days ago"},
    "call.says.offer": {"de": "Angebot vom {date} noch nicht nachgefasst", "en": "Offer of {date} not chased yet"},
    "call.says.hot": {"de": "Interesse gezeigt am {date}, seitdem kein Kontakt",
                      "en": "Showed interest on {date}, no contact since"},
    "call.says.overdue": {"de": "Wiedervorlage seit {days} Tagen überfällig",
                          "en": "Follow-up overdue for {days} days"},
    "call.says.overdue.one": {"de": "Wiedervorlage seit 1 Tag überfällig", "en": "Follow-up overdue for 1 day"},
    # The evidence: the situation's own history, or the segment's when the situation was seen too rarely.
    "call.evidence": {"de": " — von {seen} {group} in dieser Lage haben {p} binnen 90 Tagen {verb}",
                      "en": " — of {seen} {group} in this situation, {p} {verb} within 90 days"},
    "call.evidence_pooled": {
        "de": " — von {seen} {group} insgesamt (in genau dieser Lage zu selten gesehen) haben {p} binnen 90 Tagen "
              "{verb}",
        "en": " — of {seen} {group} overall (this exact situation was seen too rarely), {p} {verb} within 90 "
              "days"},
    "call.verb.first": {"de": "bestellt", "en": "ordered"},
    "call.verb.again": {"de": "nachbestellt", "en": "ordered again"},
    "call.word.Z2": {"de": "Erstkäufer", "en": "First-time buyer"},
    "call.group.Z0": {"de": "kalten Adressen", "en": "cold addresses"},
    "call.group.Z1": {"de": "Interessenten", "en": "prospects"},
    "call.group.Z2": {"de": "Erstkäufern", "en": "first-time buyers"},
    "call.group.Z3": {"de": "Zweitkäufern", "en": "second-order customers"},
    "call.group.Z4": {"de": "Stammkunden", "en": "loyal customers"},
    "call.backtest": {
        "de": "Hätte diese Liste vor 90 Tagen gegolten (am {date}, {size} Adressen): {list} ihrer Adressen haben "
              "seitdem bestellt — in der Wiedervorlagen-Reihenfolge {overdue}, über alle Adressen {base}.",
        "en": "Had this list applied 90 days ago (on {date}, {size} addresses): {list} of its addresses have "
              "ordered since — in follow-up order {overdue}, across all addresses {base}."},
    "call.backtest_worse": {
        "de": "Damit war die Liste nicht besser als die Wiedervorlagen-Reihenfolge.",
        "en": "So the list did no better than the follow-up order."},
    "call.backtest_empty": {
        "de": "Vor 90 Tagen hätte diese Regel keine Anrufe ergeben; es gibt noch nichts zu vergleichen.",
        "en": "Ninety days ago this rule would have listed no calls; there is nothing to compare yet."},
    "call.fallback": {
        "de": "Noch zu wenig Geschichte (weniger als 180 Tage Aufträge): Die Liste folgt der Reihenfolge der "
              "Wiedervorlagen (Erstkäufer zuerst, dann die am längsten überfälligen), ohne Wahrscheinlichkeiten.",
        "en": "Too little history yet (less than 180 days of orders): the list follows the order of the "
              "follow-ups (first-time buyers first, then the longest overdue), without likelihoods."},
    "call.cap": {"de": "Je Betreuer höchstens {cap} Anrufe am Tag, zugesagte Rückrufe zusätzlich.",
                 "en": "At most {cap} calls per owner and day, promised calls on top."},
    "call.cap.one": {"de": "Je Betreuer höchstens 1 Anruf am Tag, zugesagte Rückrufe zusätzlich.",
                     "en": "At most 1 call per owner and day, promised calls on top."},
    "sec.call_list": {"de": "Heute anrufen", "en": "Call today"},
    "sec.backtest": {"de": "Hätte die Liste geholfen?", "en": "Would the list have helped?"},
    "sec.reactivation": {"de": "Reaktivierung: für ein Mailing statt eines Anrufs",
                         "en": "Reactivation: for a mailing rather than a call"},
    "note.reactivation": {
        "de": "Kandidaten, von denen in ihrer Lage weniger als {share} binnen 90 Tagen bestellt haben: ein Anruf "
              "lohnt sich kaum, ein Mailing vielleicht.",
        "en": "Candidates of whom fewer than {share} in their situation ordered within 90 days: hardly worth a "
              "call, perhaps a mailing."},
    "sec.due_soon": {"de": "Heute und diese Woche fällig", "en": "Due today and this week"},
    "note.due_soon": {"de": "Wiedervorlagen vom {start} bis {end}, noch nicht erledigt.",
                      "en": "Follow-ups from {start} to {end}, not yet settled."},
    "sec.list_downloads": {"de": "Diese Liste herunterladen", "en": "Download this list"},
    "download.list_xlsx": {"de": "Wiedervorlagen {who} als Excel", "en": "Follow-ups of {who} as Excel"},
    "download.list_csv": {"de": "Wiedervorlagen {who} als CSV", "en": "Follow-ups of {who} as CSV"},
    "download.everyone": {"de": "aller Betreuer", "en": "all owners"},
    "download.call_list_stem": {"de": "anrufliste", "en": "call-list"},
    "download.reactivation_stem": {"de": "reaktivierung", "en": "reactivation"},
    "download.waiting_stem": {"de": "warteliste-erstkaeufer", "en": "first-buyers-waiting"},
    "sheet.reactivation": {"de": "Reaktivierung", "en": "Reactivation"},
    "sheet.waiting": {"de": "Warteliste", "en": "Waiting list"},
    "col.rank": {"de": "Nr.", "en": "No."},
    "col.contact": {"de": "Ansprechpartner", "en": "Contact"},
    "col.email": {"de": "E-Mail", "en": "E-mail"},
    "col.segment_name": {"de": "Segment", "en": "Segment"},
    "col.call_reasons": {"de": "Gründe", "en": "Reasons"},
    "col.sentence": {"de": "Warum jetzt", "en": "Why now"},
    "col.last_note": {"de": "Notiz zum letzten Kontakt", "en": "Note of the last contact"},
    "col.call_due": {"de": "Fällig", "en": "Due"},
    "col.p": {"de": "Wahrscheinlichkeit", "en": "Likelihood"},
    "col.expected_value": {"de": "Erwarteter Wert", "en": "Expected value"},
    "col.follow_up_date": {"de": "Wiedervorlage", "en": "Follow-up"},
    "script.csv_name": {"de": "liste", "en": "list"},
    "script.csv": {"de": "Diese Liste als CSV", "en": "This list as CSV"},
    "note.waiting": {"de": "Die aussichtsreichsten zuerst: nach der Wahrscheinlichkeit eines Zweitauftrags in 90 "
                             "Tagen, geschätzt wie für die Anrufliste.",
                     "en": "Most promising first: by the likelihood of a second order within 90 days, estimated as "
                           "for the call list."},
    "kpi.calls_today": {"de": "Anrufe heute", "en": "Calls today"},
    "kpi.owners": {"de": "Betreuer mit Anrufen", "en": "Owners with calls"},
    "kpi.reactivation": {"de": "Zur Reaktivierung", "en": "For reactivation"},
}
