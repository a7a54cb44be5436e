"""Data-quality problems: where, what was wrong, what was done — worded in the site's language.

A Problem holds the keys of its words (salesboard/site/texts/problems.py) and the values
for their placeholders, so the same problem reads in German on a German site and console,
and in English elsewhere. Placeholders named `*_w` hold word keys (or lists of them), which
are worded too; whole numbers are written in the language's format.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from salesboard.site.formatting import fmt_number
from salesboard.site.texts import TEXTS, translator

# error: data was lost (a row or file skipped); warning: something to check; notice: a choice
# made on the reader's behalf (e.g. month/day order), said once.
Severity = Literal["error", "warning", "notice"]
SEVERITIES = ("error", "warning", "notice")


@dataclass(frozen=True)
class Problem:
    severity: Severity
    file: str  # as the user knows it: the path relative to the input folder's parent
    sheet: str
    cell: str  # e.g. "B17", a column "B", or "" for a whole file or sheet
    message: str  # word key of what was expected and what was found
    action: str  # word key of what was done: row skipped, value ignored, file skipped
    params: dict[str, Any] = field(default_factory=dict)
    rows: int = 1  # the rows (or cells) this problem stands for: a summarised line stands for many
    # Whose rows it concerns, where they name a customer: the problem is shown on those customers' cards.
    customer_ids: tuple[str, ...] = ()

    def location(self, language: str = "en") -> str:
        t = translator(language)
        parts = [self.file]
        if self.sheet:
            parts.append(t("where.sheet").format(sheet=self.sheet))
        if self.cell:
            kind = "where.row" if self.cell.isdigit() else "where.cell" if self.cell[-1].isdigit() else "where.column"
            parts.append(t(kind).format(cell=self.cell))
        return ", ".join(parts)

    def describe(self, language: str = "en") -> str:
        """What was wrong, in words (without the location)."""
        return word(self.message, language, self.params)

    def done(self, language: str = "en") -> str:
        return word(self.action, language, self.params)

    def text(self, language: str = "en") -> str:
        return f"{self.location(language)}: {self.describe(language)} — {self.done(language)}"

    def __str__(self) -> str:
        return self.text("en")


def word(key: str, language: str, params: dict[str, Any] | None = None) -> str:
    """The words of `key` with its placeholders filled; a key that is no word key is shown as it is."""
    if key not in TEXTS:
        return key
    t = translator(language)
    count = (params or {}).get("count")
    values = {}
    for name, value in (params or {}).items():
        if isinstance(value, dict) and "message" in value:  # the words of another problem, nested
            value = word(value["message"], language, value.get("params"))
        elif name.endswith("_w"):
            # Words put in agree with the count too ("1 Kundennummer …: sie steht nicht …").
            value = ", ".join(t(item, count) for item in value) if isinstance(value, list | tuple) else t(value, count)
        elif isinstance(value, int) and not isinstance(value, bool):
            value = fmt_number(value, language)
        values[name] = value
    return t(key, count).format(**values)


def tally(problems) -> tuple[int, int]:
    """(errors, warnings) among the problems; notices are neither."""
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = sum(problem.severity == "warning" for problem in problems)
    return errors, warnings


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
