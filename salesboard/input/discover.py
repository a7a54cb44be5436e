"""Which files of the input folder are workbooks to read, and how to tell that a file changed."""
from __future__ import annotations

import stat
from pathlib import Path

SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}


def discover_workbooks(folder: Path) -> list[Path]:
    """Workbooks and CSV files directly in `folder`, sorted; lock, hidden and temporary files left out."""
    found = []
    for path in folder.iterdir():
        name = path.name
        if path.suffix.lower() not in SUFFIXES or name.startswith(("~$", ".", "~")):
            continue
        if not path.is_file() or _is_hidden(path):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.name.lower())


def _is_hidden(path: Path) -> bool:
    attributes = getattr(path.stat(), "st_file_attributes", 0)  # Windows only
    return bool(attributes & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def file_signature(path: Path) -> tuple[int, int] | None:
    """Size and modification time (ns); None for a file gone since the folder was listed."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns
