"""Publishing a build: a folder of its own, entry pages that never change, one pointer switched last."""
import os
import subprocess

import pytest

from salesboard.publish.swap import (
    BUILDS,
    OLD_MANIFEST,
    POINTER,
    current_build,
    publish_site,
    remove_old_builds,
    staging_folder,
)

PAGES = ["index", "follow-ups"]


def stage(staging, files):
    for name, text in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def publish(site, files, pages=PAGES):
    with staging_folder(site) as staging:
        stage(staging, {"data/summary.json": "{}", **files})
        return publish_site(staging, site, pages, "de")


def test_each_build_is_a_folder_of_its_own_and_the_entry_pages_stay_the_same(tmp_path):
    site = tmp_path / "site"
    first = publish(site, {"index.html": "v1", "follow-ups.html": "f1", "data/summary.json": '{"v": 1}'})
    entries = {name: (site / name).read_bytes() for name in ("index.html", "follow-ups.html")}
    assert current_build(site) == first and (first / "index.html").read_text() == "v1"
    assert b".builds/current.js" in entries["index.html"] and b'"index"' in entries["index.html"]
    assert (site / "data" / "summary.json").read_text() == '{"v": 1}'

    second = publish(site, {"index.html": "v2", "follow-ups.html": "f2", "data/summary.json": '{"v": 2}'})
    assert current_build(site) == second != first
    assert {name: (site / name).read_bytes() for name in entries} == entries  # untouched
    assert (site / "data" / "summary.json").read_text() == '{"v": 2}'
    assert (first / "index.html").read_text() == "v1"  # the previous build stays for pages still open

    third = publish(site, {"index.html": "v3", "follow-ups.html": "f3"})
    assert sorted(path.name for path in (site / BUILDS).iterdir()) == sorted([POINTER, second.name, third.name])
    assert not [path for path in tmp_path.iterdir() if path != site]  # nothing beside the output folder


def test_a_failure_while_staging_leaves_the_site_untouched(tmp_path):
    site = tmp_path / "site"
    publish(site, {"index.html": "good"})
    before = snapshot(site)
    with pytest.raises(RuntimeError):
        with staging_folder(site) as staging:
            stage(staging, {"index.html": "half"})
            raise RuntimeError("render failed")
    assert snapshot(site) == before


def test_left_over_partial_builds_and_temporary_files_go_with_the_next_build(tmp_path):
    site = tmp_path / "site"
    publish(site, {"index.html": "v1"})
    left_over = site / BUILDS / "20260101-000000-000000.partial"
    stage(left_over, {"index.html": "half"})
    (site / "index.html.salesboard-new").write_text("half")
    publish(site, {"index.html": "v2"})
    assert not left_over.exists() and not (site / "index.html.salesboard-new").exists()


def test_a_build_folder_that_cannot_be_removed_yet_is_removed_by_a_later_build(tmp_path):
    site = tmp_path / "site"
    oldest = publish(site, {"index.html": "v1"})
    publish(site, {"index.html": "v2"})
    held = oldest / "index.html"
    subprocess.run(["chattr", "+i", str(held)], check=True)  # like a file open on Windows
    try:
        publish(site, {"index.html": "v3"})
        assert held.is_file()
        assert remove_old_builds(site) == [oldest.name]
    finally:
        subprocess.run(["chattr", "-i", str(held)], check=True)
    newest = publish(site, {"index.html": "v4"})
    assert not oldest.exists() and current_build(site) == newest


def test_the_files_of_the_earlier_layout_go_but_foreign_files_stay(tmp_path):
    site = tmp_path / "site"
    stage(site, {"index.html": "old page", "downloads/wiedervorlagen-anna.xlsx": "customer data",
                 "assets/site.css": "css", "data/summary.json": "{}", "README-the-team-wrote.txt": "keep me",
                 OLD_MANIFEST: "index.html\ndownloads/wiedervorlagen-anna.xlsx\nassets/site.css\ndata/summary.json\n"})
    publish(site, {"index.html": "new"})
    names = {name for name in snapshot(site) if not name.startswith(BUILDS)}
    assert names == {"index.html", "follow-ups.html", "data/summary.json", "README-the-team-wrote.txt"}
    assert not (site / "downloads").exists() and not (site / "assets").exists()


def test_an_output_folder_that_is_a_mount_point_works(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(site)], check=True)
    try:
        publish(site, {"index.html": "v1"})
        build = publish(site, {"index.html": "v2"})
        assert current_build(site) == build and os.path.ismount(site)
    finally:
        subprocess.run(["umount", str(site)], check=True)
