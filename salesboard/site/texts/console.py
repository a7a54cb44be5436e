"""The words of the console: the line after a build, and why nothing was built."""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nothing.files": {"de": "nichts zu erstellen: {count} Dateien im Eingabeordner, aber keine Tabelle mit Zeilen:",
                      "en": "nothing to build: {count} files in the input folder, and no table with rows:"},
    "nothing.files.one": {"de": "nichts zu erstellen: 1 Datei im Eingabeordner, aber keine Tabelle mit Zeilen:",
                          "en": "nothing to build: 1 file in the input folder, and no table with rows:"},
    "nothing.no_files": {
        "de": "nichts zu erstellen: keine Arbeitsmappen (.xlsx, .xlsm, .xls, .ods, .csv) im Eingabeordner",
        "en": "nothing to build: no workbooks (.xlsx, .xlsm, .xls, .ods, .csv) in the input folder"},
    "nothing.sheet_without_rows": {"de": "{where}: eine Tabelle ohne Datenzeilen",
                                   "en": "{where}: a table without data rows"},
    "nothing.left_as_it_was": {"de": "die bisherige Seite bleibt, wie sie war",
                               "en": "the previous site is left as it was"},
    "nothing.no_site": {"de": "es wurde keine Seite geschrieben", "en": "no site was written"},
    "nothing.strict": {
        "de": "{count} Datenqualitätsprobleme, mit --strict ein Abbruch (erstes: {first}); {kept}",
        "en": "{count} data-quality problems, fatal with --strict (first: {first}); {kept}"},
    "console.open": {"de": "Öffnen: {path}", "en": "open {path}"},
    "console.problems": {"de": "{count} × {severity}, z. B. {first}", "en": "{count} × {severity}, e.g. {first}"},
    "console.problems_where": {"de": "alle Probleme mit Datei, Blatt und Zelle: {path}",
                               "en": "every problem with its file, sheet and cell: {path}"},
    "console.built": {"de": "{output} erstellt aus {sheets} Blättern: {counts}; {errors} Fehler, {warnings} "
                            "Warnungen; {seconds} s",
                      "en": "built {output} from {sheets} sheets: {counts}; {errors} errors, {warnings} warnings; "
                            "{seconds} s"},
    "console.addresses": {"de": "{count} Adressen", "en": "{count} addresses"},
    "console.customers": {"de": "{count} Kunden", "en": "{count} customers"},
    "console.orders": {"de": "{count} Aufträge", "en": "{count} orders"},
    "console.activities": {"de": "{count} Kontakte", "en": "{count} activities"},
    "severity_word.error": {"de": "Fehler", "en": "error"},
    "severity_word.warning": {"de": "Warnung", "en": "warning"},
    "severity_word.notice": {"de": "Hinweis", "en": "notice"},
}
