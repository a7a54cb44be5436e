"""What each workbook gave when it was last read, so unchanged files are not parsed again.

Kept in memory by the watch loop. A cache belongs to one set of reading settings
(aliases, pinned columns, date format): the loop starts a new one when they change.
"""
from __future__ import annotations

from pathlib import Path

from salesboard.reading import FileTables


class WorkbookCache:
    def __init__(self) -> None:
        self._good: dict[Path, FileTables] = {}

    def get(self, path: Path, signature: tuple[int, int]) -> FileTables | None:
        """The tables of `path` if it is unchanged (same size and modification time) since it read well."""
        cached = self._good.get(path)
        return cached if cached is not None and cached.signature == signature else None

    def last_good(self, path: Path) -> FileTables | None:
        return self._good.get(path)

    def put(self, tables: FileTables) -> None:
        self._good[tables.path] = tables

    def forget_missing(self, present: list[Path]) -> None:
        """Drop files that are gone from the folder, so a deleted workbook stops counting."""
        for path in set(self._good) - set(present):
            del self._good[path]
