"""The watch loop with a real watcher thread and real files: Excel-style saves, lock files, bursts,
changes during a build, broken saves, polling, and an input folder that goes away and comes back."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.site import site_file
from support.workbooks import TODAY, write_team_workbooks, write_workbook

from salesboard import watch as watch_module
from salesboard.cli import main, parse_args, settings_from_args
from salesboard.config import Settings
from salesboard.errors import BuildError
from salesboard.pipeline import BuildResult, build_site
from salesboard.publish.swap import current_build
from salesboard.watch import Snapshot, Timing, Watcher, scan

EVENTS = Timing(debounce=0.2, full_rescan=30, folder_retry=0.1)
POLLING = Timing(debounce=0.2, poll=0.1, folder_retry=0.1)
QUIET = 0.8  # long enough for a rebuild that should not happen to have happened


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Run where no dashboard.toml or templates folder of the project is watched."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(input_dir, tmp_path):
    return Settings(input_dir=input_dir, output_dir=tmp_path / "site", templates_dir=tmp_path / "templates",
                    today=TODAY, as_of=TODAY, language="en")


class Builds:
    """A build function that records its calls; `during` runs inside the build with the call's number."""

    def __init__(self, during=None):
        self.calls: list[tuple[Settings, object]] = []
        self.during = during

    def __call__(self, settings, cache):
        self.calls.append((settings, cache))
        if self.during:
            self.during(len(self.calls))
        return BuildResult((), (), {}, 0.0, settings.output_dir)

    def __len__(self):
        return len(self.calls)


@contextmanager
def running(watcher: Watcher):
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        yield thread
    finally:
        watcher.stop()
        thread.join(5)
        assert not thread.is_alive()


def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def save_like_excel(path: Path, content: bytes) -> None:
    """Excel writes a temporary file, moves the workbook aside, renames the temporary file over it
    and deletes the old one."""
    temporary, backup = path.parent / "5A3F1B2C", path.parent / "9E8D7C6B.tmp"
    temporary.write_bytes(content)
    if path.exists():
        os.replace(path, backup)
    os.replace(temporary, path)
    backup.unlink(missing_ok=True)


def workbook_bytes(tmp_path: Path, rows: list[list]) -> bytes:
    return write_workbook(tmp_path / "scratch" / "book.xlsx", {"Aufträge": rows}).read_bytes()


def test_one_excel_save_gives_one_rebuild(settings, input_dir):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    builds, lines = Builds(), []
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        save_like_excel(input_dir / "Aufträge.xlsx", b"second version")
        wait_until(lambda: len(builds) == 2)
        time.sleep(QUIET)
    assert len(builds) == 2
    assert lines[-1] == "rebuilt after Aufträge.xlsx changed: 0.0 s, 0 errors, 0 warnings"


def test_the_loop_speaks_the_sites_language(settings, input_dir):
    """German settings: every line of the loop in German, the seconds with a decimal comma."""
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")

    def during(call):
        if call == 2:
            raise KeyError("segment")

    builds, lines = Builds(during), []
    german = replace(settings, language="de")
    with running(Watcher(german, build=builds, timing=Timing(debounce=0.2, poll=0.5, folder_retry=0.1),
                         log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        save_like_excel(input_dir / "Aufträge.xlsx", b"second")
        wait_until(lambda: len(builds) == 2)
        save_like_excel(input_dir / "Aufträge.xlsx", b"third version")
        wait_until(lambda: len(builds) == 3)
    assert lines[1] == (f"überwacht {input_dir}, {german.templates_dir} und dashboard.toml (Abfrage alle 0,5 s); "
                        "Strg+C beendet")
    assert lines[2] == "Seite nicht aktualisiert (Aufträge.xlsx geändert): unerwarteter Fehler KeyError: 'segment'"
    assert lines[-1] == "neu erstellt (Aufträge.xlsx geändert): 0,0 s, 0 Fehler, 0 Warnungen"


def test_a_lock_file_alone_gives_no_rebuild(settings, input_dir):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    builds = Builds()
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lambda line: None)):
        wait_until(lambda: len(builds) == 1)
        (input_dir / "~$Aufträge.xlsx").write_bytes(b"locked by Anna")
        time.sleep(QUIET)
        (input_dir / "~$Aufträge.xlsx").unlink()
        time.sleep(QUIET)
    assert len(builds) == 1


def test_a_burst_of_50_changes_gives_at_most_two_rebuilds(settings, input_dir):
    books = [input_dir / f"Aufträge {year}.xlsx" for year in range(2020, 2025)]
    for book in books:
        book.write_bytes(b"0")
    builds = Builds()
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lambda line: None)):
        wait_until(lambda: len(builds) == 1)
        for change in range(50):
            save_like_excel(books[change % len(books)], b"x" * (change + 2))
            time.sleep(0.01)
        wait_until(lambda: len(builds) >= 2)
        time.sleep(QUIET)
    assert len(builds) - 1 in (1, 2)


def test_a_change_during_a_rebuild_gives_exactly_one_more(settings, input_dir):
    book = input_dir / "Aufträge.xlsx"
    book.write_bytes(b"first")

    def during(call):
        if call == 2:  # the first rebuild: a colleague saves meanwhile
            save_like_excel(book, b"third version")

    builds = Builds(during)
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lambda line: None)):
        wait_until(lambda: len(builds) == 1)
        save_like_excel(book, b"second")
        wait_until(lambda: len(builds) == 3)
        time.sleep(QUIET)
    assert len(builds) == 3


def test_polling_sees_saves_without_file_events(settings, input_dir):
    book = input_dir / "Aufträge.xlsx"
    book.write_bytes(b"first")
    builds = Builds()
    watcher = Watcher(settings, build=builds, timing=POLLING, log=lambda line: None)
    with running(watcher):
        wait_until(lambda: len(builds) == 1)
        assert watcher._observer is None
        save_like_excel(book, b"second version")
        wait_until(lambda: len(builds) == 2)
        (input_dir / "~$Aufträge.xlsx").write_bytes(b"lock")
        time.sleep(QUIET)
    assert len(builds) == 2


def test_a_full_rescan_catches_a_change_whose_event_was_missed(settings, input_dir, monkeypatch):
    monkeypatch.setattr(watch_module._Hint, "on_any_event", lambda self, event: None)
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    builds = Builds()
    timing = Timing(debounce=0.1, full_rescan=0.3)
    with running(Watcher(settings, build=builds, timing=timing, log=lambda line: None)):
        wait_until(lambda: len(builds) == 1)
        save_like_excel(input_dir / "Aufträge.xlsx", b"second version")
        wait_until(lambda: len(builds) == 2)


def test_without_file_events_the_watcher_falls_back_to_polling(settings, input_dir, monkeypatch):
    from watchdog.observers import Observer

    def refuse(*args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(Observer, "schedule", refuse)
    monkeypatch.setattr(watch_module, "FALLBACK_POLL_SECONDS", 0.1)
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    builds, lines = Builds(), []
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        save_like_excel(input_dir / "Aufträge.xlsx", b"second version")
        wait_until(lambda: len(builds) == 2)
    assert lines[0] == ("file events are not available ([Errno 28] inotify watch limit reached); "
                        "rescanning every 0.1 s instead, as with --poll")


@pytest.mark.parametrize("timing", [EVENTS, POLLING], ids=["events", "polling"])
def test_the_input_folder_removed_and_made_again(settings, input_dir, tmp_path, timing):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    shutil.copytree(input_dir, tmp_path / "copy")
    builds, lines = Builds(), []
    with running(Watcher(settings, build=builds, timing=timing, log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        shutil.rmtree(input_dir)
        wait_until(lambda: any("is not there" in line for line in lines))
        time.sleep(QUIET)
        shutil.copytree(tmp_path / "copy", input_dir, copy_function=shutil.copy2)
        wait_until(lambda: any("is back" in line for line in lines))
        time.sleep(QUIET)
        assert len(builds) == 1  # the same files with the same times: nothing to rebuild
        save_like_excel(input_dir / "Aufträge.xlsx", b"second version")
        wait_until(lambda: len(builds) == 2)
    assert lines[2:] == [
        f"input folder {input_dir} is not there (share disconnected?); the site stays as it is; "
        "looking for it every 0.1 s",
        f"input folder {input_dir} is back",
        "rebuilt after Aufträge.xlsx changed: 0.0 s, 0 errors, 0 warnings"]


def test_a_folder_replaced_between_two_looks_is_watched_anew(settings, input_dir, tmp_path):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    builds = Builds()
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lambda line: None)):
        wait_until(lambda: len(builds) == 1)
        os.rename(input_dir, tmp_path / "old")
        (tmp_path / "new").mkdir()
        (tmp_path / "new" / "Aufträge.xlsx").write_bytes(b"second version")
        os.rename(tmp_path / "new", input_dir)
        wait_until(lambda: len(builds) == 2)
        save_like_excel(input_dir / "Aufträge.xlsx", b"third version")
        wait_until(lambda: len(builds) == 3)


class _Notices(HTMLParser):
    """The text of the notices (`<p class="notice">`) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = ("class", "notice") in attrs

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.found.append(data)


def html_notices(page: Path) -> list[str]:
    parser = _Notices()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def summary(site: Path) -> dict:
    return json.loads(site_file(site, "data/summary.json").read_text(encoding="utf-8"))


def test_a_broken_save_keeps_the_last_good_contents_until_a_good_save(settings, input_dir, tmp_path):
    write_team_workbooks(input_dir)
    orders = input_dir / "Aufträge.xlsx"
    good = orders.read_bytes()
    site, lines = settings.output_dir, []
    with running(Watcher(settings, timing=EVENTS, log=lines.append)):
        wait_until(lambda: current_build(site) is not None)  # the entry pages come before the switch
        shown = summary(site)["counts"]
        save_like_excel(orders, good[: len(good) // 2])  # caught half-written
        wait_until(lambda: len(lines) == 3)
        assert lines[2].startswith("rebuilt after Aufträge.xlsx changed: ")
        assert "; input/Aufträge.xlsx could not be read (is damaged" in lines[2]
        assert "showing its contents as read at" in lines[2]
        assert summary(site)["counts"] == shown
        [notice] = html_notices(site_file(site, "index.html"))
        assert notice.startswith("input/Aufträge.xlsx could not be read (is damaged")
        save_like_excel(orders, workbook_bytes(tmp_path, [
            ["Auftragsnummer", "Datum", "Kd.-Nr.", "Betrag"], ["B1", dt.date(2026, 11, 2), 2, 120]]))
        wait_until(lambda: len(lines) == 4)
    assert html_notices(site_file(site, "index.html")) == []
    assert summary(site)["counts"]["orders"] == 1
    assert "could not be read" not in lines[3]


def test_a_new_broken_workbook_gives_its_message_in_the_log(settings, input_dir):
    write_team_workbooks(input_dir)
    lines = []
    with running(Watcher(settings, timing=EVENTS, log=lines.append)):
        wait_until(lambda: len(lines) == 2)
        save_like_excel(input_dir / "Neu.xlsx", b"PK\x03\x04 cut off while copying")
        wait_until(lambda: len(lines) == 3)
    assert lines[2].startswith("rebuilt after Neu.xlsx added: ")
    assert lines[2].endswith(" s, 1 error, 1 warning; input/Neu.xlsx: is damaged (not a complete workbook; "
                             "perhaps cut off while copying); save it again from Excel — file skipped")


def test_only_the_saved_workbook_is_read_again(settings, input_dir):
    write_team_workbooks(input_dir)
    results = []

    def build(settings, cache):
        results.append(build_site(settings, cache))
        return results[-1]

    with running(Watcher(settings, build=build, timing=EVENTS, log=lambda line: None)):
        wait_until(lambda: len(results) == 1)
        save_like_excel(input_dir / "Kontakte.xlsx", (input_dir / "Kontakte.xlsx").read_bytes())
        wait_until(lambda: len(results) == 2)
    assert len(results[0].reread) == 4
    assert results[1].reread == ("input/Kontakte.xlsx",)


def test_workbooks_are_closed_after_a_build_and_can_be_replaced_meanwhile(settings, input_dir):
    write_team_workbooks(input_dir)
    with running(Watcher(settings, timing=EVENTS, log=lambda line: None)):
        wait_until(lambda: current_build(settings.output_dir) is not None)
        held = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                if os.path.exists(f"/proc/self/fd/{fd}")]
        assert not [target for target in held if target.startswith(str(input_dir.resolve()))]
        save_like_excel(input_dir / "Kontakte.xlsx", (input_dir / "Kontakte.xlsx").read_bytes())


def test_a_failed_build_is_one_line_and_the_loop_goes_on(settings, input_dir):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")

    def during(call):
        if call == 2:
            raise BuildError("nothing to build: …; the previous site is left as it was")

    builds, lines = Builds(during), []
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        save_like_excel(input_dir / "Aufträge.xlsx", b"second")
        wait_until(lambda: len(builds) == 2)
        save_like_excel(input_dir / "Aufträge.xlsx", b"third version")
        wait_until(lambda: len(builds) == 3)
    assert lines[2:] == ["site not updated after Aufträge.xlsx changed: nothing to build: …; "
                         "the previous site is left as it was",
                         "rebuilt after Aufträge.xlsx changed: 0.0 s, 0 errors, 0 warnings"]


def test_a_bug_shows_its_traceback_once_and_the_loop_goes_on(settings, input_dir):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")

    def during(call):
        if call in (2, 3):
            raise KeyError("segment")

    builds, lines = Builds(during), []
    with running(Watcher(settings, build=builds, timing=EVENTS, log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        for number, content in enumerate((b"second", b"third version", b"fourth version!"), start=2):
            save_like_excel(input_dir / "Aufträge.xlsx", content)
            wait_until(lambda: len(builds) == number)
    failed = "site not updated after Aufträge.xlsx changed: unexpected KeyError: 'segment'"
    assert lines[2] == failed and lines[3].startswith("Traceback") and lines[4] == failed
    assert lines[5].startswith("rebuilt after")


def test_templates_and_settings_file_changes_rebuild_with_the_command_line_kept(input_dir, tmp_path):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("v1", encoding="utf-8")
    config = tmp_path / "dashboard.toml"
    config.write_text('language = "de"\n', encoding="utf-8")
    args = parse_args(["--input", str(input_dir), "--output", str(tmp_path / "site"), "--lang", "en"])
    builds, lines = Builds(), []
    watcher = Watcher(settings_from_args(args), build=builds, timing=EVENTS, log=lines.append,
                      reload_settings=lambda: settings_from_args(args))
    with running(watcher):
        wait_until(lambda: len(builds) == 1)
        (tmp_path / "templates" / "page.html").write_text("v2", encoding="utf-8")
        wait_until(lambda: len(builds) == 2)
        (tmp_path / "templates" / ".page.html.swp").write_text("editor", encoding="utf-8")
        time.sleep(QUIET)
        assert len(builds) == 2
        config.write_text('language = "de"\ncompany = "Muster GmbH"\n[aliases.orders]\namount = ["Summe"]\n',
                          encoding="utf-8")
        wait_until(lambda: len(builds) == 3)
    (first, cache), (second, same_cache), (third, new_cache) = builds.calls
    assert lines[2].startswith("rebuilt after templates/page.html changed")
    assert lines[3].startswith("rebuilt after dashboard.toml changed")
    assert (third.company, third.language) == ("Muster GmbH", "en")
    assert cache is same_cache and new_cache is not cache


def test_a_new_day_gives_one_rebuild(settings, input_dir):
    (input_dir / "Aufträge.xlsx").write_bytes(b"first")
    days = [dt.date(2026, 11, 29)]
    builds, lines = Builds(), []
    timing = Timing(debounce=0.1, full_rescan=0.1)
    with running(Watcher(settings, build=builds, timing=timing, today=lambda: days[-1], log=lines.append)):
        wait_until(lambda: len(builds) == 1)
        days.append(dt.date(2026, 11, 30))
        wait_until(lambda: len(builds) == 2)
        time.sleep(QUIET)
    assert len(builds) == 2
    assert lines[-1] == "rebuilt after the date changed: 0.0 s, 0 errors, 0 warnings"


def test_watch_from_the_command_line_builds_and_stops_on_ctrl_c(input_dir, tmp_path, monkeypatch, capsys):
    write_team_workbooks(input_dir)

    def interrupt(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Watcher, "_step", interrupt)
    assert main(["--input", str(input_dir), "--output", str(tmp_path / "site"), "--watch", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "built " in out[0] and "; 0 errors, 1 warning; " in out[0]
    assert out[1].endswith(f"watching {input_dir}, templates and dashboard.toml "
                           "(file events and a full rescan every 60 s); Ctrl-C stops")
    assert out[2].endswith(" stopped")
    assert (tmp_path / "site" / "index.html").is_file()
    assert not [thread for thread in threading.enumerate() if "Inotify" in type(thread).__name__]


def test_the_output_folder_inside_the_input_folder_is_refused(input_dir, capsys):
    assert main(["--input", str(input_dir), "--output", str(input_dir / "site"), "--watch"]) == 2
    assert "liegt im Eingabeordner" in capsys.readouterr().err


def test_a_snapshot_names_what_changed(settings, input_dir):
    (input_dir / "Aufträge.xlsx").write_bytes(b"1")
    (input_dir / "Kontakte.xlsx").write_bytes(b"1")
    (input_dir / "~$Kontakte.xlsx").write_bytes(b"lock")
    (input_dir / "5A3F1B2C").write_bytes(b"temporary file of a save")
    before = scan(settings, Path("dashboard.toml"))
    assert set(before.files) == {"Aufträge.xlsx", "Kontakte.xlsx"}
    after = Snapshot({**before.files, "Aufträge.xlsx": (9, 9), "Adressen.xlsx": (1, 1)})
    assert after.changes_since(before, "en") == "Aufträge.xlsx changed, Adressen.xlsx added"
    assert after.changes_since(before, "de") == "Aufträge.xlsx geändert, Adressen.xlsx hinzugekommen"
    many = Snapshot({f"{n}.xlsx": (1, 1) for n in range(5)})
    assert many.changes_since(None, "en") == "0.xlsx added, 1.xlsx added, 2.xlsx added, 2 more"
    assert many.changes_since(None, "de") == "0.xlsx hinzugekommen, 1.xlsx hinzugekommen, 2.xlsx hinzugekommen, 2 weitere"
