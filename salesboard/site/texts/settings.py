"""The words of what is wrong with dashboard.toml or the command line, in German and English."""
from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "settings.error": {"de": "Fehler: {text}", "en": "error: {text}"},
    "settings.warning": {"de": "Warnung: {text}", "en": "warning: {text}"},
    "cli.usage": {"de": "Aufruf: ", "en": "usage: "},
    "cli.unknown": {"de": "unbekannte Angaben: {found}; alle Optionen zeigt salesboard --help",
                    "en": "unknown arguments: {found}; salesboard --help lists every option"},
    "cli.choice": {"de": "{option}: erwartet eins von {choices}, gefunden {found}",
                   "en": "{option}: expected one of {choices}, found {found}"},
    "cli.value_missing": {"de": "{option}: erwartet einen Wert dahinter, gefunden keinen",
                          "en": "{option}: expected a value after it, found none"},
    "cli.exclusive": {"de": "{option} und {other} schließen einander aus; eins davon weglassen",
                      "en": "{option} and {other} exclude each other; leave one out"},
    "cli.no_value": {"de": "{option} nimmt keinen Wert, gefunden {found}; nur {option} schreiben",
                     "en": "{option} takes no value, found {found}; write {option} alone"},
    "cli.ambiguous": {"de": "{option} ist nicht eindeutig: gemeint sein könnte {matches}; ausschreiben",
                      "en": "{option} is ambiguous: it could mean {matches}; write it out"},
    "cli.argument": {"de": "{option}: {text}", "en": "{option}: {text}"},
    "cli.date": {"de": "erwartet ein Datum als JJJJ-MM-TT, gefunden {found}",
                 "en": "expected a date as YYYY-MM-DD, found {found}"},
    "cli.date_range": {"de": "erwartet ein Datum von {low} bis {high}, gefunden {found}",
                       "en": "expected a date from {low} to {high}, found {found}"},
    "cli.seconds": {"de": "erwartet eine Zahl von Sekunden über 0 und bis {high}, gefunden {found}",
                    "en": "expected a number of seconds above 0 and up to {high}, found {found}"},
    "cli.poll_without_watch": {"de": "--poll gehört zu --watch (so: --watch --poll 5)",
                               "en": "--poll goes with --watch (like this: --watch --poll 5)"},
    "settings.unreadable": {"de": "{path}: lässt sich nicht lesen ({reason})",
                            "en": "{path}: cannot be read ({reason})"},
    "settings.not_toml": {"de": "{path}{where}: kein gültiges TOML: {what}",
                          "en": "{path}{where}: not valid TOML: {what}"},
    "settings.toml.at": {"de": ", Zeile {line}, Spalte {column}", "en": ", line {line}, column {column}"},
    "settings.toml.at_end": {"de": ", am Ende der Datei", "en": ", at the end of the file"},
    "settings.toml.equals": {"de": "nach einem Namen fehlt „=“ (so: calls_per_day = 8)",
                             "en": "a name is not followed by '=' (like this: calls_per_day = 8)"},
    "settings.toml.value": {
        "de": "der Wert ist weder ein Text in Anführungszeichen noch eine Zahl, true/false oder eine Liste in [ ] "
              "(ein Text so: currency = \"EUR\")",
        "en": "the value is neither a text in quotes nor a number, true/false or a list in [ ] "
              "(a text like this: currency = \"EUR\")"},
    "settings.toml.string": {"de": "ein Text ist nicht mit seinem Anführungszeichen geschlossen",
                             "en": "a text is not closed by its quote"},
    "settings.toml.backslash": {
        "de": "ein „\\“ in einem Text in doppelten Anführungszeichen; einen Pfad in einfache setzen ('C:\\Daten')",
        "en": "a '\\' in a text in double quotes; put a path in single quotes ('C:\\Data')"},
    "settings.toml.list": {"de": "eine Liste ist nicht mit „]“ geschlossen", "en": "a list is not closed by ']'"},
    "settings.toml.section": {"de": "ein Abschnitt ist nicht mit „]“ geschlossen",
                              "en": "a section is not closed by ']'"},
    "settings.toml.twice": {"de": "eine Einstellung oder ein Abschnitt steht zweimal in der Datei; eine davon löschen",
                            "en": "a setting or a section is in the file twice; delete one of them"},
    "settings.toml.statement": {"de": "die Zeile ist weder eine Einstellung (name = wert) noch ein Abschnitt ([name])",
                                "en": "the line is neither a setting (name = value) nor a section ([name])"},
    "settings.toml.name": {
        "de": "ein Name beginnt mit einem Zeichen, mit dem keiner beginnen darf (einen Namen mit Leerzeichen oder "
              "Umlauten in Anführungszeichen setzen)",
        "en": "a name begins with a character no name may begin with (put a name with spaces or umlauts in "
              "quotes)"},
    "settings.toml.newline": {
        "de": "nach dem Wert einer Einstellung steht noch etwas in derselben Zeile (eine Einstellung je Zeile, "
              "ein Text in Anführungszeichen)",
        "en": "something follows a setting's value on the same line (one setting a line, a text in quotes)"},
    "settings.toml.other": {"de": "{reason}; Anführungszeichen und Klammern prüfen",
                            "en": "{reason}; check quotes and brackets"},
    "settings.no_text": {
        "de": "{path}: erwartet eine Textdatei in UTF-8, gefunden Bytes in keiner lesbaren Textkodierung (UTF-16 "
              "ohne Byte-Order-Mark?); als UTF-8 speichern (Editor: Speichern unter › Codierung UTF-8)",
        "en": "{path}: expected a text file in UTF-8, found bytes in no text encoding read (UTF-16 without "
              "byte-order mark?); save it as UTF-8 (Notepad: Save as › Encoding UTF-8)"},
    "settings.label": {"de": "{where}Einstellung '{key}'", "en": "{where}Config value '{key}'"},
    "settings.value": {"de": "{label}: erwartet {expected}, gefunden {found}",
                       "en": "{label}: expected {expected}, found {found}"},
    "settings.unknown_key": {"de": "{where}unbekannter Schlüssel '{key}' übergangen; bekannte Schlüssel: {keys}",
                             "en": "{where}unknown key '{key}' ignored; known keys: {keys}"},
    "settings.expect.language": {"de": "de oder en", "en": "de or en"},
    "settings.expect.currency": {"de": "einen Währungscode wie EUR", "en": "a currency code such as EUR"},
    "settings.expect.text": {"de": "einen Text", "en": "a text"},
    "settings.expect.date_format": {"de": "ein Format wie %d.%m.%Y", "en": "a format such as %d.%m.%Y"},
    "settings.expect.whole": {"de": "eine ganze Zahl{unit} von {low} bis {high}",
                              "en": "a whole number{unit} from {low} to {high}"},
    "settings.unit.days": {"de": " (Tage)", "en": " of days"},
    "settings.unit.megabytes": {"de": " (Megabyte)", "en": " of megabytes"},
    "settings.unit.calls": {"de": " (Anrufe)", "en": " of calls"},
    "settings.expect.seconds": {"de": "eine Zahl von Sekunden von {low} bis {high}",
                                "en": "a number of seconds from {low} to {high}"},
    "settings.expect.likelihood": {"de": "eine Wahrscheinlichkeit von {low} bis {high}, z. B. 0.02",
                                   "en": "a likelihood from {low} to {high}, e.g. 0.02"},
    "settings.expect.cadence": {"de": "eine Tabelle von Tagen von {low} bis {high} wie {example}",
                                "en": "a table of days from {low} to {high} such as {example}"},
    "settings.not_tables": {"de": "{label}: erwartet Tabellen wie [{name}.orders], gefunden {found}",
                            "en": "{label}: expected tables such as [{name}.orders], found {found}"},
    "settings.unknown_table": {"de": "{label}: unbekannte Tabelle '{table}'; erwartet eine von {known}",
                               "en": "{label}: unknown table '{table}'; expected one of {known}"},
    "settings.unknown_field": {"de": "{label}: Tabelle '{table}' hat kein Feld '{name}'; ihre Felder: {fields}",
                               "en": "{label}: table '{table}' has no field '{name}'; its fields: {fields}"},
    "settings.header_list": {"de": "{label}: {table}.{name} erwartet eine Liste von Spaltenüberschriften, "
                                   "gefunden {found}",
                             "en": "{label}: {table}.{name} expects a list of header names, found {found}"},
    "settings.header_one": {"de": "{label}: {table}.{name} erwartet eine Spaltenüberschrift, gefunden {found}",
                            "en": "{label}: {table}.{name} expects one header name, found {found}"},
    "settings.no_config": {"de": "--config {path}: keine solche Datei", "en": "--config {path}: no such file"},
    "input.folder_unreadable": {
        "de": "--input {path}: der Ordner lässt sich nicht lesen ({reason}); die Zugriffsrechte prüfen oder, bei "
              "einem Netzlaufwerk, ob es verbunden ist",
        "en": "--input {path}: the folder cannot be read ({reason}); check its permissions or, on a network drive, "
              "whether it is connected"},
    "settings.no_input": {
        "de": "--input {path}: kein solcher Ordner; die Arbeitsmappen in einen Ordner namens input legen oder den "
              "Ordner mit --input nennen",
        "en": "--input {path}: no such folder; put the workbooks in a folder named input or name the folder with "
              "--input"},
    "settings.output_in_input": {
        "de": "--output {output} liegt im Eingabeordner {input}; einen Ordner außerhalb wählen (der Eingabeordner "
              "wird nur gelesen)",
        "en": "--output {output} lies inside the input folder {input}; choose a folder outside it (the input folder "
              "is only ever read)"},
    "settings.input_in_output": {
        "de": "--input {input} liegt im Ausgabeordner {output}; einen Eingabeordner außerhalb wählen (ein Build "
              "kann ersetzen oder entfernen, was der Ausgabeordner enthält)",
        "en": "--input {input} lies inside the output folder {output}; choose an input folder outside it (a build "
              "may replace or remove what the output folder holds)"},
    "settings.strict": {"de": "{warning} (mit --strict ein Abbruch)", "en": "{warning} (fatal with --strict)"},
}

# What the build says when the output folder cannot be written, or another build holds it.
WORDS |= {
    "output.message": {"de": "{path}: {reason}; {hint}; die bisherige Seite bleibt, wie sie war",
                       "en": "{path}: {reason}; {hint}; the previous site is left as it was"},
    "output.full": {"de": "das Laufwerk ist voll", "en": "the drive is full"},
    "output.full.hint": {"de": "dort Platz schaffen oder mit --output einen anderen Ordner wählen",
                         "en": "free some space on it, or choose another --output folder"},
    "output.quota": {"de": "das Speicherkontingent ist aufgebraucht", "en": "the disk quota is used up"},
    "output.quota.hint": {"de": "Platz schaffen oder ein größeres Kontingent erbitten",
                          "en": "free some space, or ask for a larger quota"},
    "output.read_only": {"de": "das Laufwerk ist schreibgeschützt", "en": "the drive is read-only"},
    "output.read_only.hint": {"de": "mit --output einen Ordner auf einem beschreibbaren Laufwerk wählen",
                              "en": "choose an --output folder on a drive that can be written"},
    "output.too_big": {"de": "eine Datei wurde größer, als dieses System erlaubt",
                       "en": "a file grew beyond the size this system allows"},
    "output.too_big.hint": {"de": "die Dateigrößen-Grenze (ulimit -f) des Kontos anheben, unter dem der Build läuft",
                            "en": "raise the file-size limit (ulimit -f) of the account running the build"},
    "output.denied": {"de": "Zugriff verweigert", "en": "permission denied"},
    "output.denied.hint": {
        "de": "dem Konto, unter dem der Build läuft, Schreibrechte auf den Ausgabeordner geben oder das Programm "
              "schließen, das die Datei offen hält",
        "en": "give the account running the build write access to the output folder, or close the program that "
              "holds the file"},
    "output.not_permitted": {"de": "der Vorgang ist nicht erlaubt (die Datei ist vielleicht gesperrt)",
                             "en": "the operation is not permitted (the file may be locked or marked immutable)"},
    "output.not_permitted.hint": {"de": "das Programm schließen, das die Datei hält, oder die Sperre aufheben",
                                  "en": "close the program that holds the file, or remove the lock"},
    "output.not_folder": {"de": "ein Teil dieses Pfads ist eine Datei, kein Ordner",
                          "en": "a part of this path is a file, not a folder"},
    "output.is_file": {"de": "das ist eine Datei, kein Ordner", "en": "this is a file, not a folder"},
    "output.name_folder.hint": {"de": "mit --output einen Ordner nennen", "en": "name a folder with --output"},
    "output.left_over": {"de": "er besteht schon", "en": "it exists already"},
    "output.left_over.hint": {"de": "ihn entfernen, er stammt von einem abgebrochenen Build",
                              "en": "remove it, it is left over from a stopped build"},
    "output.other.hint": {"de": "den Ausgabeordner prüfen", "en": "check the output folder"},
    "lock.busy": {
        "de": "{path}: ein anderer Build schreibt gerade diese Seite ({holder}) und war nach {seconds} s nicht "
              "fertig; wenn er fertig ist, noch einmal versuchen, oder ihn beenden, falls er hängt",
        "en": "{path}: another build is writing this site ({holder}) and did not finish within {seconds} s; try "
              "again when it is done, or stop it if it hangs"},
    "lock.holder": {"de": "Rechner {host}, Prozess {pid}, gestartet {started}",
                    "en": "host {host}, process {pid}, started {started}"},
    "lock.holder_unknown": {"de": "wer, ist unbekannt", "en": "holder unknown"},
}
