"""Data-quality problems: where, what was wrong, what was done."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    file: str  # as the user knows it: the path relative to the input folder's parent
    sheet: str
    cell: str  # e.g. "B17", a column "B", or "" for a whole file or sheet
    message: str  # what was expected and what was found
    action: str  # what was done: "row skipped", "value ignored", "file skipped"

    def location(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(f"cell {self.cell}" if self.cell[-1].isdigit() else f"column {self.cell}")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.message} — {self.action}"


def tally(problems) -> tuple[int, int]:
    """(errors, warnings) among the problems."""
    errors = sum(problem.severity == "error" for problem in problems)
    return errors, len(problems) - errors


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
