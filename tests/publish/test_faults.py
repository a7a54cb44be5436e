"""Publishing under the faults of a shared drive, with real processes and files: two builds at once, a
lock left by a killed build, a file that cannot be replaced, a mount point, a full disk, a folder whose
parent may not be written, an unwritable output, a file-size limit and a damaged download."""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote

import openpyxl
import pytest
from support.processes import build_command, lock_holder, python_for_nobody, run_build, run_build_as_nobody
from support.site import site_file
from support.workbooks import write_team_workbooks

from salesboard.publish.swap import BUILDS, current_build

AS_OF = "2026-11-25"


# The messages are read in English here (the German ones: test_oserrors, test_build).
ENGLISH = ("--lang", "en")


def build(tmp_path, *extra, as_of=AS_OF, output=None):
    return run_build("--input", str(tmp_path / "input"), "--output", str(output or tmp_path / "site"),
                     "--as-of", as_of, "-q", *ENGLISH, *extra)


def shown(site: Path) -> str:
    """The as-of date of the build every entry page opens, and that summary.json agrees."""
    as_of = json.loads(site_file(site, "data/summary.json").read_text())["as_of"]
    assert json.loads((site / "data" / "summary.json").read_text())["as_of"] == as_of
    return as_of


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".cache" not in p.parts and not p.name.startswith(".salesboard.lock")}


@pytest.fixture
def team(tmp_path):
    write_team_workbooks(tmp_path / "input")
    return tmp_path


def test_two_builds_at_once_both_finish_one_after_the_other(team):
    command = ["--input", str(team / "input"), "--output", str(team / "site"), "-q"]
    builds = [subprocess.Popen([*build_command(), *command, "--as-of", as_of], stderr=subprocess.PIPE, text=True)
              for as_of in ("2026-11-24", "2026-11-25")]
    errors = [process.communicate(timeout=180)[1] for process in builds]
    assert [process.returncode for process in builds] == [0, 0], errors
    assert shown(team / "site") in ("2026-11-24", "2026-11-25")
    assert len([path for path in (team / "site" / BUILDS).iterdir() if path.is_dir()]) == 2


def test_a_second_build_waits_then_names_the_build_that_holds_the_site(team):
    assert build(team).returncode == 0
    before = snapshot(team / "site")
    (team / "dashboard.toml").write_text("lock_wait_seconds = 1\n")
    with lock_holder(team / "site") as holder:
        started = time.monotonic()
        result = build(team, "--config", str(team / "dashboard.toml"), as_of="2026-11-26")
        assert result.returncode == 1 and 1 <= time.monotonic() - started
        assert f"another build is writing this site (host {socket.gethostname()}, process {holder.pid}, started " \
               in result.stderr
        assert "did not finish within 1 s; try again when it is done" in result.stderr
        assert snapshot(team / "site") == before
        holder.kill()  # kill -9: its lock goes with it
        holder.wait()
        started = time.monotonic()
        assert build(team, "--config", str(team / "dashboard.toml"), as_of="2026-11-26").returncode == 0
    assert shown(team / "site") == "2026-11-26"


def test_a_site_file_that_cannot_be_replaced_stops_the_build_before_anything_changes(team):
    assert build(team).returncode == 0
    before = snapshot(team / "site")
    locked = team / "site" / "data" / "summary.json"
    subprocess.run(["chattr", "+i", str(locked)], check=True)  # as a file held open on Windows
    try:
        result = build(team, as_of="2026-11-26")
    finally:
        subprocess.run(["chattr", "-i", str(locked)], check=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {locked}.salesboard-new: the operation is not permitted") or \
        f"{locked}" in result.stderr and "the previous site is left as it was" in result.stderr
    assert snapshot(team / "site") == before and shown(team / "site") == AS_OF
    assert build(team, as_of="2026-11-26").returncode == 0 and shown(team / "site") == "2026-11-26"


def test_a_download_held_open_in_an_old_build_is_removed_by_a_later_build(team):
    assert build(team, as_of="2026-11-23").returncode == 0
    oldest = current_build(team / "site")
    held = next((oldest / "downloads").iterdir())
    subprocess.run(["chattr", "+i", str(held)], check=True)
    try:
        for as_of in ("2026-11-24", "2026-11-25"):
            assert build(team, as_of=as_of).returncode == 0
        assert held.is_file() and shown(team / "site") == "2026-11-25"
    finally:
        subprocess.run(["chattr", "-i", str(held)], check=True)
    assert build(team, as_of="2026-11-26").returncode == 0
    assert not oldest.exists() and shown(team / "site") == "2026-11-26"


def test_an_output_folder_that_is_a_mount_point_and_then_full(team):
    site = team / "site"
    site.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(site)], check=True)
    try:
        assert build(team, as_of="2026-11-23").returncode == 0
        assert build(team, as_of="2026-11-24").returncode == 0
        assert os.path.ismount(site) and shown(site) == "2026-11-24"
        filler = site / "filler"
        free = shutil.disk_usage(site).free
        with filler.open("wb") as handle:
            handle.truncate(0)
            handle.write(b"\0" * (free - 2 * 2**20))  # room for the pages, not for plotly.js
        before = snapshot(site)
        result = build(team, as_of="2026-11-25")
        assert result.returncode == 1
        assert ": the drive is full; free some space on it, or choose another --output folder; the previous " \
               "site is left as it was" in result.stderr, result.stderr
        assert snapshot(site) == before and shown(site) == "2026-11-24"
        assert not [path for path in (site / BUILDS).iterdir() if path.name.endswith(".partial")]
        filler.unlink()
        assert build(team, as_of="2026-11-25").returncode == 0 and shown(site) == "2026-11-25"
    finally:
        subprocess.run(["umount", str(site)], check=True)


def test_an_output_folder_whose_parent_may_not_be_written_and_one_that_may_not_be_written_at_all():
    with tempfile.TemporaryDirectory() as folder, python_for_nobody() as python:
        share = Path(folder)
        os.chmod(share, 0o755)  # the team may write only into Dashboard
        write_team_workbooks(share / "Daten")
        for path in [share / "Daten", *(share / "Daten").iterdir()]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        (share / "Dashboard").mkdir()
        os.chown(share / "Dashboard", 65534, 65534)
        result = run_build_as_nobody(python, "--input", str(share / "Daten"), "--output", str(share / "Dashboard"),
                                     "--as-of", AS_OF, "-q")
        assert result.returncode == 0, result.stderr
        assert sorted(path.name for path in share.iterdir()) == ["Dashboard", "Daten"]  # nothing beside it
        assert shown(share / "Dashboard") == AS_OF

        (share / "Fremd").mkdir(mode=0o755)  # owned by root: nobody may not write here
        result = run_build_as_nobody(python, "--input", str(share / "Daten"), "--output", str(share / "Fremd"),
                                     "--as-of", AS_OF, "-q", *ENGLISH)
        assert result.returncode == 1
        assert result.stderr == (f"error: {share / 'Fremd' / '.salesboard.lock'}: permission denied; give the "
                                 "account running the build write access to the output folder, or close the "
                                 "program that holds the file; the previous site is left as it was\n")


def test_an_output_path_that_is_a_file_a_read_only_drive_and_a_file_size_limit_each_say_what_to_do(team):
    (team / "site").write_text("not a folder")
    result = build(team)
    assert (result.returncode, result.stderr) == (1, f"error: {team / 'site'}: this is a file, not a folder; name a "
                                                     "folder with --output; the previous site is left as it was\n")
    (team / "site").unlink()

    (team / "ro").mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(team / "ro")], check=True)
    try:
        result = build(team, output=team / "ro")
    finally:
        subprocess.run(["umount", str(team / "ro")], check=True)
    assert result.returncode == 1 and ": the drive is read-only; choose an --output folder on a drive that can " \
        "be written; the previous site is left as it was" in result.stderr

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2**20, 2**20))

    result = run_build("--input", str(team / "input"), "--output", str(team / "site"), "--as-of", AS_OF, "-q",
                       *ENGLISH, preexec_fn=small_files)
    assert result.returncode == 1 and ": a file grew beyond the size this system allows; raise the file-size " \
        "limit (ulimit -f) of the account running the build" in result.stderr, result.stderr
    assert current_build(team / "site") is None


def test_input_inside_output_and_output_inside_input_are_refused(team):
    (team / "site" / "downloads").mkdir(parents=True)
    shutil.copytree(team / "input", team / "site" / "downloads", dirs_exist_ok=True)
    result = run_build("--input", str(team / "site" / "downloads"), "--output", str(team / "site"), "-q", *ENGLISH)
    assert (result.returncode, result.stderr) == (2, (
        f"error: --input {team / 'site' / 'downloads'} lies inside the output folder {team / 'site'}; choose an "
        "input folder outside it (a build may replace or remove what the output folder holds)\n"))
    result = run_build("--input", str(team / "input"), "--output", str(team / "input" / "site"), "-q", *ENGLISH)
    assert result.returncode == 2 and "lies inside the input folder" in result.stderr
    assert sorted(path.name for path in (team / "site" / "downloads").iterdir()) == sorted(
        path.name for path in (team / "input").iterdir())


def test_a_damaged_download_of_the_same_size_is_not_copied_into_the_next_build(team):
    assert build(team).returncode == 0
    download = next(path for path in (current_build(team / "site") / "downloads").iterdir()
                    if path.suffix == ".xlsx")
    good = download.read_bytes()
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0xFF
    download.write_bytes(bytes(damaged))
    assert build(team).returncode == 0  # the same rows: the downloads would be copied
    again = current_build(team / "site") / "downloads" / download.name
    assert again.read_bytes() != bytes(damaged)
    assert rows(again) == rows_of_bytes(good, team / "good.xlsx")


def rows(path: Path) -> list:
    return [list(row) for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)]


def rows_of_bytes(content: bytes, path: Path) -> list:
    path.write_bytes(content)
    return rows(path)


def test_manual_builds_beside_a_running_watcher_all_succeed_and_every_download_link_works(team):
    import signal

    watcher = subprocess.Popen([*build_command(), "--input", str(team / "input"), "--output", str(team / "site"),
                                "--as-of", AS_OF, "--watch", "--poll", "0.2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while current_build(team / "site") is None and time.monotonic() < deadline:
            time.sleep(0.1)
        workbook = team / "input" / "Aufträge.xlsx"
        for round_ in range(4):
            os.utime(workbook, (time.time(), time.time() + round_ + 1))  # "saved": the watcher rebuilds
            result = build(team, as_of=AS_OF)
            assert result.returncode == 0, result.stderr
            follow_ups = site_file(team / "site", "follow-ups.html")
            hrefs = re.findall(r'href="(downloads/[^"]+)"', follow_ups.read_text(encoding="utf-8"))
            assert hrefs and all((follow_ups.parent / unquote(href)).is_file() for href in hrefs)
    finally:
        watcher.send_signal(signal.SIGINT)
        out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0 and "site not updated" not in out + err, out + err
