"""build_site(): the whole build, stage by stage. Everything is computed before anything is written."""
from __future__ import annotations

import time
from dataclasses import dataclass

from salesboard.config import Settings
from salesboard.errors import BuildError
from salesboard.quality import Problem
from salesboard.reading import ReadResult, SheetSummary, read_input


@dataclass(frozen=True)
class BuildResult:
    sheets: tuple[SheetSummary, ...]
    problems: tuple[Problem, ...]
    row_counts: dict[str, int]
    seconds: float

    def summary_line(self) -> str:
        errors = sum(problem.severity == "error" for problem in self.problems)
        counts = ", ".join(f"{count} {kind}" for kind, count in self.row_counts.items())
        return (f"read {len(self.sheets)} sheets: {counts}; {errors} errors, "
                f"{len(self.problems) - errors} warnings; {self.seconds:.1f} s")


def build_site(settings: Settings) -> BuildResult:
    started = time.perf_counter()
    read = read_input(settings)
    _require_some_table(read)
    counts = {kind: getattr(read.tables, kind).height for kind in ("addresses", "orders", "activities", "campaigns")}
    return BuildResult(read.sheets, read.problems, counts, time.perf_counter() - started)


def _require_some_table(read: ReadResult) -> None:
    if not any(sheet.kind for sheet in read.sheets):
        found = f"{len(read.files)} files" if read.files else "no workbooks"
        raise BuildError(f"nothing to build: {found} in the input folder, and no sheet holds a recognisable "
                         "table (addresses, orders, activities or campaigns); the previous site is left as it was")
