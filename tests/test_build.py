"""The whole build from small workbooks: summary.json holds figures worked out by hand, and
bad runs leave the previous site untouched."""
import datetime as dt
import json
import os
import shutil
from html.parser import HTMLParser

import pytest
from support.site import site_file
from support.workbooks import write_team_workbooks, write_workbook

from salesboard.cli import main

D = dt.date
AS_OF = "2026-11-25"  # a Wednesday in ISO week 2026-W48 (23.–29.11.)


def build(tmp_path, *extra):
    return main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF,
                 "-q", *extra])


@pytest.fixture
def built(tmp_path):
    write_team_workbooks(tmp_path / "input")
    assert build(tmp_path) == 0
    return tmp_path / "site"


def test_summary_holds_the_figures_worked_out_by_hand(built):
    summary = json.loads(site_file(built, "data/summary.json").read_text(encoding="utf-8"))
    assert summary["as_of"] == AS_OF
    # Addresses 1–5 plus 9 from the orders. Orders dated <= D with a total > 0: A1 (150), A2, A3, A4, A7.
    # Activities dated <= D: all three.
    assert summary["counts"] == {"addresses": 6, "customers": 3, "orders": 5, "activities": 3}
    # 1: three orders → Z4. 4 and 9: one order → Z2. 2: interest date → Z1. 3: an offer → Z1
    # (its order A6 lies after D). 5: answered no → Z0.
    assert summary["segments"] == {"Z0": 1, "Z1": 2, "Z2": 2, "Z3": 0, "Z4": 1}
    assert summary["second_order_rate"] == pytest.approx(1 / 3)  # (Z3+Z4)/(Z2+Z3+Z4) = 1/3
    # 3: due (address follow-up 20.11., nothing since) and offer of 2.11. not chased.
    # 1: Z4, last contact the mailing answer of 1.9. = 85 days > 60. 9: Z2, last order 1.10. = 55 days > 14.
    # 2: its latest call has no follow-up date, so the one of 18.11. is settled.
    assert summary["follow_ups"] == {"overdue": 3, "due": 1, "cadence": 2, "offer_not_chased": 1}
    # Highest stage: 1, 4, 9 order; 3 offer; 2 follow_up; 5 none.
    assert summary["stage_funnel"] == {"first_contact": 5, "follow_up": 5, "meeting": 4, "chase": 4,
                                       "offer": 4, "negotiation": 3, "order": 3}
    weeks = {week["week"]: week for week in summary["weekly"]}
    # The weeks end with the reporting week KW 47 (16.–22.11.); KW 48 has only begun.
    assert len(summary["weekly"]) == 52 and summary["weekly"][-1]["week"] == "2026-W47"
    assert weeks["2026-W47"] == {"week": "2026-W47", "first_contact": 0, "follow_up": 1, "meeting": 0,
                                 "chase": 0, "offer": 0, "negotiation": 0, "orders": 0, "first_orders": 0,
                                 "second_orders": 0, "revenue": 0.0}
    assert summary["reporting_week"] == "2026-W47"
    # In KW 47 nobody ordered or showed new interest (4's first order of 24.11. falls in KW 48).
    assert summary["week_in_review"] == {"first_orders": 0, "second_orders": 0, "new_loyal": 0,
                                         "new_prospects": 0, "became_at_risk": 0}
    assert (weeks["2026-W47"]["follow_up"], weeks["2026-W46"]["first_contact"], weeks["2026-W45"]["offer"]) == (1, 1, 1)
    assert (weeks["2026-W40"]["orders"], weeks["2026-W40"]["first_orders"], weeks["2026-W40"]["revenue"]) == (1, 1, 80.0)
    # Segments on 31.8.: 1 is Z4 (three orders), 4 and 5 are Z0; 4 answered (x), 5 did not.
    sent = {(c["segment"]): (c["sent"], c["responded"]) for c in summary["campaigns"]}
    assert {c["campaign"] for c in summary["campaigns"]} == {"Mailing Herbst"}
    assert sent == {"Z0": (2, 1), "Z1": (0, 0), "Z2": (0, 0), "Z3": (0, 0), "Z4": (1, 1)}
    assert summary["quality"] == {"errors": 0, "warnings": 1}  # customer 9 is not in the address list


class _Text(HTMLParser):
    """Collects the text of elements with a given class, e.g. the card values."""

    def __init__(self, css_class):
        super().__init__()
        self.css_class, self.depth, self.found = css_class, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
        elif self.css_class in (dict(attrs).get("class") or "").split():
            self.depth = 1
            self.found.append("")

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.depth:
            self.found[-1] += data.strip()


def texts(path, css_class):
    parser = _Text(css_class)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def test_every_page_links_only_local_files_and_shows_the_cards(built):
    pages = sorted(p.name for p in built.glob("*.html"))
    assert pages == ["call-list.html", "campaigns.html", "customer.html", "data-quality.html", "first-buyers.html",
                     "follow-ups.html", "funnel.html", "index.html", "segments.html"]
    for page in pages:
        html = (built / page).read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html and 'src="//' not in html
    # Addresses, customers, revenue 12 months (150+200+300+500-50+80 = 1.180 €), second-order rate, overdue.
    assert texts(site_file(built, "index.html"), "value") == ["6", "3", "1.180\u00a0€", "33,3\u00a0%", "3"]
    # As of 18.11.: customers 1 and 9 (4 ordered on 24.11.), revenue 730 €, second-order rate 1/2;
    # overdue then: 3 (its offer, 16 days old), 9 (48 days since 1.10.), 1 (78 days since 1.9.) and 4,
    # a Z1 by its mailing answer of 1.9. (78 > 30 days) until it ordered on 24.11.
    assert texts(site_file(built, "index.html"), "change") == [
        "±0 ggü. Vorwoche", "▲ +1 ggü. Vorwoche", "▲ +450\u00a0€ ggü. Vorwoche", "▼ −16,7\u00a0%-Pkt. ggü. Vorwoche",
        "▼ −1 ggü. Vorwoche"]
    assert site_file(built, "assets/plotly.min.js").stat().st_size > 1_000_000
    downloads = sorted(p.name for p in site_file(built, "downloads").iterdir())
    # Overdue: 3 and 1 (owners Tim and Anna) and 9, which has no owner; named with the as-of date.
    # Beside them the call list, the reactivation list and the first-time buyers' waiting list.
    day = "2026-11-25"
    assert downloads == sorted([
        f"anrufliste-{day}.csv", f"anrufliste-{day}.xlsx", f"reaktivierung-{day}.csv", f"reaktivierung-{day}.xlsx",
        f"warteliste-erstkaeufer-{day}.csv", f"warteliste-erstkaeufer-{day}.xlsx",
        f"wiedervorlagen-{day}-anna.csv", f"wiedervorlagen-{day}-anna.xlsx",
        f"wiedervorlagen-{day}-ohne-zuordnung.csv", f"wiedervorlagen-{day}-ohne-zuordnung.xlsx",
        f"wiedervorlagen-{day}-tim.csv", f"wiedervorlagen-{day}-tim.xlsx", f"wiedervorlagen-{day}.csv",
        f"wiedervorlagen-{day}.xlsx"])


def test_english_pages(tmp_path):
    write_team_workbooks(tmp_path / "input")
    assert build(tmp_path, "--lang", "en") == 0
    assert texts(site_file(tmp_path / "site", "index.html"), "value") == ["6", "3", "€1,180", "33.3%", "3"]
    assert site_file(tmp_path / "site", "downloads/follow-ups-2026-11-25.xlsx").is_file()


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_build_with_nothing_readable_exits_1_and_keeps_the_previous_site(built, tmp_path, capsys):
    shutil.rmtree(built / ".cache")  # no last good contents to fall back on
    before = snapshot(built)
    for workbook in (tmp_path / "input").iterdir():
        workbook.write_bytes(b"not a workbook")
    assert build(tmp_path) == 1
    assert snapshot(built) == before
    # Why, file by file, in the site's language (German by default).
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Fehler: nichts zu erstellen: 4 Dateien im Eingabeordner, aber keine Tabelle mit Zeilen:"
    assert [line.split(":")[0] for line in lines[1:-1]] == [
        "  - input/Adressen.xlsx", "  - input/Aufträge.xlsx", "  - input/Kontakte.xlsx",
        "  - input/Mailing Herbst.xlsx"]
    assert lines[1].endswith("ist keine Excel-Arbeitsmappe, sondern eine Textdatei mit der Endung .xlsx; in Excel "
                             "als .xlsx speichern, oder in .csv umbenennen, wenn es ein CSV-Export ist "
                             "— Datei übersprungen")
    assert lines[-1] == "die bisherige Seite bleibt, wie sie war"


def test_strict_turns_warnings_into_a_failed_build(built, tmp_path, capsys):
    before = snapshot(built)
    capsys.readouterr()
    assert build(tmp_path, "--strict") == 1
    assert snapshot(built) == before
    # The team workbooks hold one warning: customer 9 is not in the address list.
    assert capsys.readouterr().err.startswith(
        "Fehler: 1 Datenqualitätsproblem, mit --strict ein Abbruch (input/Aufträge.xlsx: 1 Kundennummer in Aufträgen "
        "(9): sie steht nicht in der Adressliste — trotzdem als Adresse gezählt); ")


def test_usage_and_config_errors_exit_2(tmp_path, capsys):
    write_team_workbooks(tmp_path / "input")
    (tmp_path / "bad.toml").write_text('language = "fr"\nloyal_min_orders = 1\nshoe_size = 4\n')
    assert main(["--input", str(tmp_path / "input"), "--config", str(tmp_path / "bad.toml")]) == 2
    # In the site's language: German unless the settings or the command line say otherwise.
    assert capsys.readouterr().err.splitlines() == [
        f"Fehler: {tmp_path / 'bad.toml'}: Einstellung 'language': erwartet de oder en, gefunden 'fr'",
        f"Fehler: {tmp_path / 'bad.toml'}: Einstellung 'loyal_min_orders': erwartet eine ganze Zahl von 2 bis 100, "
        "gefunden 1",
    ]
    assert main(["--input", str(tmp_path / "input"), "--config", str(tmp_path / "bad.toml"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {tmp_path / 'bad.toml'}: Config value 'language': expected de or en, found 'fr'",
        f"error: {tmp_path / 'bad.toml'}: Config value 'loyal_min_orders': expected a whole number from 2 to 100, "
        "found 1",
    ]
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "input" / "site")]) == 2
    assert "liegt im Eingabeordner" in capsys.readouterr().err
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "input" / "site"), "--lang", "en"]) == 2
    assert "lies inside the input folder" in capsys.readouterr().err
    assert main(["--input", str(tmp_path / "missing")]) == 2


def test_config_file_settings_reach_the_build(tmp_path):
    write_team_workbooks(tmp_path / "input")
    (tmp_path / "dashboard.toml").write_text(
        'language = "en"\ncompany = "Muster GmbH"\nloyal_min_orders = 4\n[cadence_days]\nZ4 = 100\n')
    assert build(tmp_path, "--config", str(tmp_path / "dashboard.toml")) == 0
    summary = json.loads(site_file(tmp_path / "site", "data/summary.json").read_text())
    # With four orders needed for Z4, customer 1 (three orders) is Z3: 85 days since contact > 30, still overdue.
    assert summary["segments"] == {"Z0": 1, "Z1": 2, "Z2": 2, "Z3": 1, "Z4": 0}
    assert summary["follow_ups"]["cadence"] == 2
    assert "Muster GmbH" in site_file(tmp_path / "site", "index.html").read_text(encoding="utf-8")


def test_the_input_folder_is_only_read(built, tmp_path):
    assert sorted(p.name for p in (tmp_path / "input").iterdir()) == [
        "Adressen.xlsx", "Aufträge.xlsx", "Kontakte.xlsx", "Mailing Herbst.xlsx"]


def test_a_pure_order_list_without_address_sheet_gives_segments_funnels_and_follow_ups(tmp_path):
    write_workbook(tmp_path / "input" / "Sales export.xlsx", {
        "Orders": [
            ["Order ID", "Order Date", "Customer ID", "Customer Name", "Sales"],
            ["O1", D(2026, 1, 5), "C1", "Acme", 100], ["O1", D(2026, 1, 5), "C1", "Acme", 20],
            ["O2", D(2026, 2, 5), "C1", "Acme", 50],
            ["O3", D(2026, 11, 20), "C2", "Bolt", 70],
            ["O4", D(2026, 3, 1), "C3", "Core", 10], ["O5", D(2026, 4, 1), "C3", "Core", 10],
            ["O6", D(2026, 5, 1), "C3", "Core", 10],
        ],
        "Notes": [["Export from the shop, do not edit"], ["Total", 270]],
        "Pivot": [[None, "Jan", "Feb"], ["Acme", 120, 50]],
    })
    assert build(tmp_path) == 0
    summary = json.loads(site_file(tmp_path / "site", "data/summary.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"addresses": 3, "customers": 3, "orders": 6, "activities": 0}
    assert summary["segments"] == {"Z0": 0, "Z1": 0, "Z2": 1, "Z3": 1, "Z4": 1}  # C2 one, C1 two, C3 three orders
    assert summary["stage_funnel"] == {stage: 3 for stage in ("first_contact", "follow_up", "meeting", "chase",
                                                              "offer", "negotiation", "order")}
    # C1 (Z3): last order 5.2. > 30 days; C3 (Z4): 1.5. > 60 days; C2 (Z2): 20.11., 5 days.
    assert summary["follow_ups"] == {"overdue": 2, "due": 0, "cadence": 2, "offer_not_chased": 0}
    assert summary["quality"] == {"errors": 0, "warnings": 3}  # no address list; two sheets are no table


def test_charts_without_data_say_so_instead_of_drawing_blank_axes(tmp_path):
    write_workbook(tmp_path / "input" / "Adressen.xlsx", {"Adressen": [["Kundennummer", "Firma"], [1, "A"]]})
    assert build(tmp_path) == 0
    html = site_file(tmp_path / "site", "first-buyers.html").read_text(encoding="utf-8")
    assert html.count('class="muted no-data"') == 2  # no cohorts, no second orders
    assert 'id="fig-cohorts"' not in html and 'id="fig-days-to-second"' not in html


def test_long_lists_are_cut_in_the_page_but_complete_in_the_downloads(tmp_path, monkeypatch):
    import salesboard.site.pages.context

    monkeypatch.setattr(salesboard.site.pages.context, "MAX_TABLE_ROWS", 2)
    write_team_workbooks(tmp_path / "input")
    assert build(tmp_path) == 0
    html = site_file(tmp_path / "site", "follow-ups.html").read_text(encoding="utf-8")
    assert "Die ersten 2 von 3 Zeilen; alle stehen in den Downloads." in html
    data = json.loads(html.split('id="tbl-follow-ups">', 1)[1].split("</script>", 1)[0])
    assert [row[0][0] for row in data["rows"]] == ["", "Alpha GmbH"]  # 9 (Z2, no name), then 1
    csv_lines = site_file(tmp_path / "site", "downloads/wiedervorlagen-2026-11-25.csv").read_text(
        encoding="utf-8-sig").splitlines()
    assert len(csv_lines) == 4  # header and all three overdue addresses


def test_a_workbook_saved_broken_is_shown_with_its_last_good_contents(built, tmp_path):
    (tmp_path / "input" / "Kontakte.xlsx").write_bytes(b"PK\x03\x04 cut off")
    assert build(tmp_path) == 0
    summary = json.loads(site_file(built, "data/summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["activities"] == 3  # the contacts as read before
    notice = texts(site_file(built, "index.html"), "notice")
    assert len(notice) == 1 and notice[0].startswith("input/Kontakte.xlsx lässt sich nicht lesen (ist beschädigt")
    assert "gezeigt wird ihr Inhalt vom" in notice[0]


def test_a_rebuild_reads_only_the_workbooks_that_changed(built, tmp_path):
    from salesboard.config import make_settings
    from salesboard.input.cache import DiskCache, cache_folder
    from salesboard.pipeline import build_site

    settings = make_settings({}, None, input_dir=tmp_path / "input", output_dir=built, as_of=D(2026, 11, 25))
    cache = DiskCache(cache_folder(built), settings)
    assert build_site(settings, cache).reread == ()
    mailing = tmp_path / "input" / "Mailing Herbst.xlsx"
    mailing.write_bytes(mailing.read_bytes())  # saved again: a new modification time
    os.utime(mailing, ns=(mailing.stat().st_atime_ns, mailing.stat().st_mtime_ns + 10**9))
    result = build_site(settings, DiskCache(cache_folder(built), settings))
    assert result.reread == ("input/Mailing Herbst.xlsx",)
    assert json.loads(site_file(built, "data/summary.json").read_text())["counts"]["addresses"] == 6


def test_a_rebuild_keeps_downloads_of_an_unchanged_follow_up_list_and_remakes_them_when_it_changes(
        built, tmp_path, monkeypatch):
    import salesboard.publish.downloads

    def downloads():
        """The follow-up files, by name without the as-of date (the other lists are written every time)."""
        return {path.name.replace("2026-11-25", "D").replace("2026-11-26", "D"): path.read_bytes()
                for path in site_file(built, "downloads").iterdir() if path.name.startswith("wiedervorlagen")}

    first = downloads()
    real_write_downloads = salesboard.publish.downloads.write_downloads
    written = []
    monkeypatch.setattr(salesboard.publish.downloads, "write_downloads",
                        lambda *args, **kwargs: written.append(args[3]) or real_write_downloads(*args, **kwargs))
    assert build(tmp_path) == 0
    assert written == [] and downloads() == first

    # One day later every overdue address is a day more overdue: the lists are made again.
    assert main(["--input", str(tmp_path / "input"), "--output", str(built), "--as-of", "2026-11-26", "-q"]) == 0
    assert written == ["wiedervorlagen-2026-11-26"]
    assert downloads().keys() == first.keys() and downloads() != first


def test_a_sheet_whose_rows_all_fail_keeps_its_last_good_contents(built, tmp_path):
    # Saved again with every amount as text the reader cannot use: the orders as last read stay, with a notice.
    write_workbook(tmp_path / "input" / "Aufträge.xlsx", {"Aufträge": [
        ["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag"], ["A1", D(2026, 1, 10), 1, "offen"],
        ["A2", D(2026, 3, 1), 1, "offen"]]})
    assert build(tmp_path) == 0
    summary = json.loads(site_file(built, "data/summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["orders"] == 5  # A1 (with its line item), A2, A3, A4 and A7 as read before
    notice = texts(site_file(built, "index.html"), "notice")
    assert len(notice) == 1 and notice[0].startswith(
        "input/Aufträge.xlsx lässt sich nicht lesen (keine der 2 Datenzeilen ließ sich verwenden: Betrag in "
        "Spalte D ist in keiner Zeile lesbar")


def test_console_counts_are_the_counts_of_summary_json(tmp_path, capsys):
    write_team_workbooks(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF,
                 "--lang", "en"]) == 0
    summary = json.loads(site_file(tmp_path / "site", "data/summary.json").read_text(encoding="utf-8"))
    counts = summary["counts"]
    out = capsys.readouterr().out.splitlines()
    line = out[-1]
    assert out[-2] == f"open {tmp_path / 'site' / 'index.html'}"  # where the site is, before the counts
    assert (f": {counts['addresses']} addresses, {counts['customers']} customers, {counts['orders']} orders, "
            f"{counts['activities']} activities; ") in line


def test_a_first_build_with_nothing_readable_says_no_site_was_written(tmp_path, capsys):
    (tmp_path / "input").mkdir()
    (tmp_path / "input" / "Leer.xlsx").write_bytes(b"")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site")]) == 1
    # There was no previous site, so none "is left as it was".
    assert capsys.readouterr().err.splitlines()[-1] == "es wurde keine Seite geschrieben"


def test_the_console_says_where_the_site_and_its_problems_are(tmp_path, capsys):
    write_team_workbooks(tmp_path / "input")
    assert main(["--input", str(tmp_path / "input"), "--output", str(tmp_path / "site"), "--as-of", AS_OF]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == f"Öffnen: {tmp_path / 'site' / 'index.html'}"
    problems = captured.err.splitlines()
    # One line per kind of problem (the team workbooks have one warning: customer 9 is not in the address list).
    assert problems[0].startswith("Warnung: ") and len(problems) == 2
    assert problems[-1] == f"alle Probleme mit Datei, Blatt und Zelle: {tmp_path / 'site' / 'data-quality.html'}"


@pytest.mark.parametrize("language, message", [
    ("de", "--input {input}: kein solcher Ordner; die Arbeitsmappen in einen Ordner namens input legen oder den "
           "Ordner mit --input nennen; die bisherige Seite bleibt, wie sie war"),
    ("en", "--input {input}: no such folder; put the workbooks in a folder named input or name the folder with "
           "--input; the previous site is left as it was"),
])
def test_an_input_folder_gone_before_the_build_lists_it_is_named_and_the_site_stays(built, tmp_path, language,
                                                                                    message):
    """The command line checks the folder first; a network drive can drop between that and the listing."""
    from salesboard.config import make_settings
    from salesboard.errors import BuildError
    from salesboard.pipeline import build_site
    from salesboard.publish.swap import current_build

    before = current_build(built)
    shutil.rmtree(tmp_path / "input")
    settings = make_settings({}, None, input_dir=tmp_path / "input", output_dir=built, language=language)
    with pytest.raises(BuildError) as stopped:
        build_site(settings)
    assert str(stopped.value) == message.format(input=tmp_path / "input")
    assert current_build(built) == before and (before / "index.html").is_file()


def test_an_input_folder_that_cannot_be_listed_is_named_with_the_reason(built, tmp_path, monkeypatch):
    import salesboard.input.usable
    from salesboard.config import make_settings
    from salesboard.errors import BuildError
    from salesboard.pipeline import build_site

    def refused(folder):
        raise PermissionError(13, "Keine Berechtigung", str(folder))

    monkeypatch.setattr(salesboard.input.usable, "discover_workbooks", refused)
    with pytest.raises(BuildError) as stopped:
        build_site(make_settings({}, None, input_dir=tmp_path / "input", output_dir=built))
    assert str(stopped.value) == (
        f"--input {tmp_path / 'input'}: der Ordner lässt sich nicht lesen (Keine Berechtigung); die Zugriffsrechte "
        "prüfen oder, bei einem Netzlaufwerk, ob es verbunden ist; die bisherige Seite bleibt, wie sie war")
