"""What each workbook gave when it was last read, so unchanged files are not parsed again.

`WorkbookCache` lives in memory (the watch loop keeps one across rebuilds);
`DiskCache` also keeps the parsed tables as Parquet inside the output folder, so
a one-shot build after saving one workbook reads only that workbook. A cache
belongs to one set of reading settings: entries made under others are ignored.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import polars as pl

from salesboard.config import Settings
from salesboard.input.read import FileTables, SheetSummary
from salesboard.input.sheets import SheetTable
from salesboard.quality import Problem

# Raise when the tables' shape or their conversion changes, so old entries are not used.
CACHE_VERSION = 6


class WorkbookCache:
    def __init__(self) -> None:
        self._good: dict[Path, FileTables] = {}

    def get(self, path: Path, signature: tuple[int, int] | None) -> FileTables | None:
        """The tables of `path` if it is unchanged (same size and modification time) since it read well."""
        cached = self.last_good(path)
        return cached if cached is not None and cached.signature == signature else None

    def last_good(self, path: Path) -> FileTables | None:
        return self._good.get(path)

    def put(self, tables: FileTables) -> None:
        self._good[tables.path] = tables

    def forget_missing(self, present: list[Path]) -> None:
        """Drop files that are gone from the folder, so a deleted workbook stops counting."""
        for path in set(self._good) - set(present):
            del self._good[path]


class DiskCache(WorkbookCache):
    """A WorkbookCache that also lasts from one build to the next, in `folder`."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        super().__init__()
        self.folder = folder
        self.fingerprint = reading_fingerprint(settings)

    def last_good(self, path: Path) -> FileTables | None:
        return super().last_good(path) or self._load(path)

    def put(self, tables: FileTables) -> None:
        super().put(tables)
        entry = self._entry(tables.path)
        staging = entry.with_name(entry.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for index, sheet in enumerate(tables.sheets):
            sheet.rows.write_parquet(staging / f"{index}.parquet", compression="lz4")
        meta = {
            "fingerprint": self.fingerprint, "path": str(tables.path), "file": tables.file,
            "signature": list(tables.signature), "readable": tables.readable, "read_at": tables.read_at.isoformat(),
            "sheets": [{"kind": s.kind, "file": s.file, "sheet": s.sheet, "columns": s.columns,
                        "keyed_by_name": s.keyed_by_name} for s in tables.sheets],
            "summaries": [dataclasses.asdict(summary) for summary in tables.summaries],
            "problems": [dataclasses.asdict(problem) for problem in tables.problems],
        }
        (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        staging.rename(entry)  # a fresh name: nothing is renamed over an existing folder

    def forget_missing(self, present: list[Path]) -> None:
        super().forget_missing(present)
        keep = {self._entry(path).name for path in present}
        if self.folder.is_dir():
            for entry in self.folder.iterdir():
                if entry.name not in keep:
                    shutil.rmtree(entry, ignore_errors=True)

    def _entry(self, path: Path) -> Path:
        return self.folder / hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:24]

    def _load(self, path: Path) -> FileTables | None:
        entry = self._entry(path)
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            if meta["fingerprint"] != self.fingerprint:
                return None
            sheets = tuple(SheetTable(s["kind"], s["file"], s["sheet"], pl.read_parquet(entry / f"{i}.parquet"),
                                      s["columns"], s["keyed_by_name"]) for i, s in enumerate(meta["sheets"]))
        except (OSError, ValueError, KeyError, pl.exceptions.PolarsError):
            return None  # no entry, or one damaged: the file is simply read again
        tables = FileTables(path, meta["file"], tuple(meta["signature"]), sheets,
                            tuple(SheetSummary(**{**summary, "fields": tuple(map(tuple, summary["fields"]))})
                                  for summary in meta["summaries"]),
                            tuple(Problem(**{**problem, "customer_ids": tuple(problem["customer_ids"])})
                                  for problem in meta["problems"]), meta["readable"],
                            dt.datetime.fromisoformat(meta["read_at"]))
        super().put(tables)
        return tables


def reading_fingerprint(settings: Settings) -> str:
    """Everything reading depends on besides the file itself."""
    return json.dumps([CACHE_VERSION, settings.aliases, settings.columns, settings.date_format,
                       settings.today.isoformat()], sort_keys=True)


def cache_folder(output_dir: Path) -> Path:
    """Inside the output folder: nothing is written outside it, and never into the input folder."""
    return output_dir / ".cache"
