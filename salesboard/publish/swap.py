"""Write the site into a staging folder, then move it into place file by file.

Nothing in the output folder changes until everything is rendered, so a failed
build leaves the previous site as it was. The swap replaces files one by one
with os.replace, which is atomic per file on Windows and POSIX alike and never
renames a folder over another. Only files this program wrote before (listed in
the manifest) are ever deleted from the output folder.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MANIFEST = ".salesboard-files"


@contextmanager
def staging_folder(output_dir: Path) -> Iterator[Path]:
    """A fresh folder beside the output (same drive, so moves are cheap); removed afterwards."""
    staging = output_dir.parent / f".{output_dir.name}.staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def publish_site(staging: Path, output_dir: Path) -> list[str]:
    """Move every staged file into the output folder; return the relative paths published."""
    output_dir.mkdir(parents=True, exist_ok=True)
    new_files = sorted(path.relative_to(staging).as_posix() for path in staging.rglob("*") if path.is_file())
    for name in new_files:
        source, target = staging / name, output_dir / name
        if target.is_file() and _same_content(source, target):
            continue  # unchanged: keep the file (and its timestamp) as it is
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    for name in sorted(_previous_files(output_dir) - set(new_files)):
        stale = output_dir / name
        if stale.is_file():
            stale.unlink()
            _remove_empty_parents(stale.parent, output_dir)
    temporary = output_dir / f"{MANIFEST}.tmp"
    temporary.write_text("\n".join(new_files) + "\n", encoding="utf-8")
    os.replace(temporary, output_dir / MANIFEST)
    return new_files


def _same_content(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and first.read_bytes() == second.read_bytes()


def _previous_files(output_dir: Path) -> set[str]:
    manifest = output_dir / MANIFEST
    if not manifest.is_file():
        return set()
    return {line for line in manifest.read_text(encoding="utf-8").splitlines()
            if line and ".." not in Path(line).parts and not Path(line).is_absolute()}


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
