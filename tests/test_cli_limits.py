"""What the command line refuses with exit code 2, the encodings a settings file may have, and the size
above which a workbook is not read."""
from __future__ import annotations

import json

import pytest
from support.site import site_file
from support.workbooks import write_team_workbooks

from salesboard.cli import main


@pytest.mark.parametrize("arguments, message", [
    (["--as-of", "0001-01-01"], "Fehler: --as-of: erwartet ein Datum von 1900 bis 2200, gefunden '0001-01-01'"),
    (["--as-of", "9999-12-31", "--lang", "en"], "error: --as-of: expected a date from 1900 to 2200, found '9999-12-31'"),
    (["--as-of", "27.11.2026"], "Fehler: --as-of: erwartet ein Datum als JJJJ-MM-TT, gefunden '27.11.2026'"),
    (["--watch", "--poll", "nan"], "Fehler: --poll: erwartet eine Zahl von Sekunden über 0 und bis 86400, "
                                   "gefunden 'nan'"),
    (["--lang=en", "--watch", "--poll", "inf"], "error: --poll: expected a number of seconds above 0 and up to "
                                                "86400, found 'inf'"),
    (["--poll", "5"], "Fehler: --poll gehört zu --watch (so: --watch --poll 5)"),
    (["--bogus"], "Fehler: unbekannte Angaben: --bogus; alle Optionen zeigt salesboard --help"),
    (["--bogus", "--lang", "en"], "error: unknown arguments: --bogus; salesboard --help lists every option"),
    (["--lang", "fr"], "Fehler: --lang: erwartet eins von 'de', 'en', gefunden 'fr'"),
    (["-q", "-v"], "Fehler: -v/--verbose und -q/--quiet schließen einander aus; eins davon weglassen"),
    (["--strict=ja"], "Fehler: --strict nimmt keinen Wert, gefunden 'ja'; nur --strict schreiben"),
    (["--lang", "en", "--output"], "error: --output: expected a value after it, found none"),
])
def test_the_command_line_refuses_what_it_cannot_use_in_the_site_language(arguments, message, capsys):
    with pytest.raises(SystemExit) as stop:
        main(arguments)
    assert stop.value.code == 2
    usage, *_, last = capsys.readouterr().err.splitlines()
    assert last == message
    assert usage.startswith("Aufruf: salesboard [-h]" if message.startswith("Fehler") else "usage: salesboard [-h]")


def test_the_settings_files_language_is_the_command_lines_too(tmp_path, capsys):
    (tmp_path / "dashboard.toml").write_text('language = "en"\n')
    with pytest.raises(SystemExit):
        main([f"--config={tmp_path / 'dashboard.toml'}", "--as-of", "tomorrow"])
    assert capsys.readouterr().err.splitlines()[-1] == "error: --as-of: expected a date as YYYY-MM-DD, found 'tomorrow'"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_a_settings_file_saved_as_ansi_or_utf16_with_bom_is_read(tmp_path, encoding):
    write_team_workbooks(tmp_path / "input")
    (tmp_path / "dashboard.toml").write_bytes('company = "Müller & Söhne GmbH"\n'.encode(encoding))
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--config",
                 str(tmp_path / "dashboard.toml"), "--as-of", "2026-11-25", "-q"]) == 0
    assert "Müller &amp; Söhne GmbH" in site_file(tmp_path / "site", "index.html").read_text(encoding="utf-8")


def test_a_settings_file_in_no_encoding_read_is_refused_with_exit_2(tmp_path, capsys):
    (tmp_path / "input").mkdir()
    (tmp_path / "dashboard.toml").write_bytes('company = "Müller"\n'.encode("utf-16-le"))  # no byte-order mark
    assert main(["--input", str(tmp_path / "input"), "--config", str(tmp_path / "dashboard.toml")]) == 2
    assert capsys.readouterr().err == (
        f"Fehler: {tmp_path / 'dashboard.toml'}: erwartet eine Textdatei in UTF-8, gefunden Bytes in keiner lesbaren "
        "Textkodierung (UTF-16 ohne Byte-Order-Mark?); als UTF-8 speichern (Editor: Speichern unter › Codierung "
        "UTF-8)\n")
    assert main(["--input", str(tmp_path / "input"), "--config", str(tmp_path / "dashboard.toml"), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"error: {tmp_path / 'dashboard.toml'}: expected a text file in UTF-8, found bytes in no text encoding read "
        "(UTF-16 without byte-order mark?); save it as UTF-8 (Notepad: Save as › Encoding UTF-8)\n")


def test_a_settings_value_out_of_range_or_not_finite_is_refused(tmp_path, capsys):
    (tmp_path / "input").mkdir()
    (tmp_path / "dashboard.toml").write_text("language = \"en\"\nmax_input_mb = 0\nlock_wait_seconds = nan\n")
    assert main(["--input", str(tmp_path / "input"), "--config", str(tmp_path / "dashboard.toml")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {tmp_path / 'dashboard.toml'}: Config value 'max_input_mb': expected a whole number of megabytes "
        "from 1 to 100000, found 0",
        f"error: {tmp_path / 'dashboard.toml'}: Config value 'lock_wait_seconds': expected a number of seconds "
        "from 0 to 3600, found nan"]


def test_a_workbook_above_the_size_limit_is_refused_before_it_is_read(tmp_path):
    write_team_workbooks(tmp_path / "input")
    (tmp_path / "input" / "Export.xlsx").write_bytes(b"PK" + b"\0" * (3 * 2**20))
    (tmp_path / "dashboard.toml").write_text("max_input_mb = 2\n")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--config",
                 str(tmp_path / "dashboard.toml"), "--as-of", "2026-11-25", "-q"]) == 0
    page = site_file(tmp_path / "site", "data-quality.html").read_text(encoding="utf-8")
    assert json.dumps("ist 4 MB groß, mehr als die Grenze von 2 MB; bitte aufteilen oder max_input_mb", ensure_ascii=False)[1:-1] in page
    summary = json.loads(site_file(tmp_path / "site", "data/summary.json").read_text())
    assert summary["quality"]["errors"] == 1
