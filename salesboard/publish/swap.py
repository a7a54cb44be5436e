"""Publishing: each build is a complete folder of its own, and one small pointer names the current one.

The output folder holds:

    index.html, follow-ups.html, …  entry pages, the same for every build: each opens the page of
                                    the same name in the current build, keeping the URL hash
    data/summary.json               the current build's figures, for other tools
    .builds/current.js              names the current build (salesboard.publish.entry)
    .builds/<id>/                   one complete build: pages, assets, downloads, data. Pages
                                    link only within their build. Never changed once written.
    .builds/<id>.partial/           a build being written (or left over from one that was stopped)
    .cache/, .salesboard.lock       parsed workbooks, and the lock of one build at a time

A build writes its folder as `<id>.partial`, then the entry pages that differ and summary.json
(each a new file renamed over the old with os.replace), renames its folder to `<id>`, and as
its very last step replaces the pointer, again with one os.replace. Whatever instant a build
stops at, the pointer names the old build or the new one, never a mixture, and every entry
page opens that build. (Stopped just before the switch, summary.json is a build ahead of the
pages; the next build puts it right first thing, see repair_summary.) Nothing is
renamed across folders or drives, so a mount point or share as output works; nothing
outside the output folder is touched. Old builds are removed afterwards, keeping the
current and the previous one (a page still open in the browser keeps working); one that
cannot be removed, e.g. because a download is open, is tried again by the next build.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from salesboard.publish.entry import entry_page, pointer_script, read_pointer

BUILDS = ".builds"
POINTER = "current.js"
SUMMARY = "data/summary.json"
PARTIAL = ".partial"
NEW = ".salesboard-new"  # suffix of a file being written before it is renamed into place
# The one-file-per-file layout of earlier versions listed its files here; removed on first publish.
OLD_MANIFEST = ".salesboard-files"
_BUILD_NAME = re.compile(r"^\d{8}-\d{6}-\d{6}(?:-\d+)?(?:\.partial)?$")


def builds_folder(output_dir: Path) -> Path:
    return output_dir / BUILDS


def current_build(output_dir: Path) -> Path | None:
    """The folder of the build the pointer names, if the pointer and that folder are there."""
    record = _pointer(output_dir)
    if record is None or not _BUILD_NAME.match(record["id"]):
        return None
    folder = builds_folder(output_dir) / record["id"]
    return folder if folder.is_dir() else None


@contextmanager
def staging_folder(output_dir: Path) -> Iterator[Path]:
    """A fresh `.builds/<id>.partial` folder for the new build; removed if the build fails."""
    builds = builds_folder(output_dir)
    builds.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name, number = stamp, 1
    while (builds / name).exists() or (builds / f"{name}{PARTIAL}").exists():
        number += 1
        name = f"{stamp}-{number}"
    staging = builds / f"{name}{PARTIAL}"
    staging.mkdir()
    try:
        yield staging
    finally:
        if staging.exists():  # not published: a failed build leaves no trace
            shutil.rmtree(staging, ignore_errors=True)


def publish_site(staging: Path, output_dir: Path, pages: list[str], language: str) -> Path:
    """Make the staged build the current one; return its folder. `pages` are the slugs of its entry pages."""
    previous = current_build(output_dir)
    for page in pages:
        replace_file(output_dir / f"{page}.html", entry_page(page, BUILDS, language).encode("utf-8"))
    replace_file(output_dir / SUMMARY, (staging / SUMMARY).read_bytes())
    build = staging.with_name(staging.name.removesuffix(PARTIAL))
    os.rename(staging, build)  # a fresh name inside the same folder
    pointer = pointer_script(build.name, previous.name if previous else None, pages)
    replace_file(builds_folder(output_dir) / POINTER, pointer.encode("utf-8"), always=True)  # the switch
    try:
        remove_old_builds(output_dir)
    except OSError:
        pass  # the new build is published; what is left is tried again next time
    return build


def replace_file(path: Path, content: bytes, always: bool = False) -> None:
    """Give `path` this content in one step (a new file renamed over it); unchanged files are left alone."""
    if not always and _read(path) == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + NEW)
    try:
        temporary.write_bytes(content)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def repair_summary(output_dir: Path) -> None:
    """Give data/summary.json the current build's figures again, if a build stopped just before the switch."""
    build = current_build(output_dir)
    content = _read(build / SUMMARY) if build else None
    if content is not None:
        replace_file(output_dir / SUMMARY, content)


def remove_old_builds(output_dir: Path) -> list[str]:
    """Remove every build but the current and the previous one, left-over partial builds and temporary
    files, and the files of the earlier one-file-per-file layout. Returns what could not be removed yet."""
    record = _pointer(output_dir)
    if record is None:
        return []
    keep = {record["id"], record.get("previous")}
    builds = builds_folder(output_dir)
    left = []
    for entry in sorted(builds.iterdir()):
        if entry.is_dir() and _BUILD_NAME.match(entry.name) and entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)
            if entry.exists():
                left.append(entry.name)
    for folder in (output_dir, output_dir / "data", builds):
        for temporary in folder.glob(f"*{NEW}"):
            temporary.unlink(missing_ok=True)
    _remove_old_layout(output_dir, set(record.get("pages") or ()))
    return left


def _remove_old_layout(output_dir: Path, pages: set[str]) -> None:
    manifest = output_dir / OLD_MANIFEST
    if not manifest.is_file():
        return
    for line in manifest.read_text(encoding="utf-8").splitlines():
        relative = Path(line)
        if (not line or ".." in relative.parts or relative.is_absolute() or line == SUMMARY
                or (len(relative.parts) == 1 and relative.suffix == ".html" and relative.stem in pages)):
            continue
        stale = output_dir / relative
        try:
            stale.unlink(missing_ok=True)
            _remove_empty_parents(stale.parent, output_dir)
        except OSError:
            return  # kept, with the manifest: tried again next time
    manifest.unlink()


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _pointer(output_dir: Path) -> dict | None:
    content = _read(builds_folder(output_dir) / POINTER)
    return read_pointer(content.decode("utf-8", "replace")) if content is not None else None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
