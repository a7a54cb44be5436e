"""Header matching: which column of a sheet holds which field, and which table the sheet is."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from salesboard.folding import spell_out_umlauts, without_accents
from salesboard.input.aliases import (
    ALIASES,
    BARE_ID,
    CORE,
    DISTINCTIVE,
    GENERIC_LAST_GROUP,
    ID_LIKE,
    NAME_FIELDS,
    RANKED_ALIASES,
    REQUIRED,
    TABLE_PRIORITY,
)

# Abbreviations folded to one spelling, applied to headers and aliases alike.
_ABBREVIATIONS = (
    (re.compile(r"(nummer|number|num)$"), "nr"),
    (re.compile(r"(?<=[a-z])no$"), "nr"),
    (re.compile(r"^tel$"), "telefon"),
    (re.compile(r"^(telefonnr|telnr|phonenr)$"), "telefon"),
)
_UNIT_SUFFIX = re.compile(r"\((eur|euro|€|chf|usd|\$|netto|brutto)\)|\bin (eur|euro|€)(?!\w)|[€$]")
# Excel names a repeated header "Order Date1", "Order Date2", …
_DEDUPLICATED = re.compile(r"^(.*\D)\d{1,2}$")
# A misspelling by one letter is recognised only in aliases this long: short ones are too alike.
TYPO_MIN_LETTERS = 8


def fold(header: str) -> str:
    """'Kd.-Nr.' → 'kdnr', 'Außendienst' → 'aussendienst', 'Betrag (EUR)' → 'betrag'."""
    text = spell_out_umlauts(unicodedata.normalize("NFC", str(header)).strip().lower())
    text = _UNIT_SUFFIX.sub("", text)
    text = "".join(ch for ch in without_accents(text) if ch.isalnum())
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class ColumnChoice:
    field: str
    index: int  # column index within the sheet
    rank: int  # alias group: 0 is the best kind of header for the field
    how: str  # "alias", "pinned", "numbered" (Order Date1), "typo" (one letter off), "bare_id"


@dataclass(frozen=True)
class HeaderMatch:
    """How a header row fits one table: the column chosen for each field found, what it lacks."""

    table: str
    chosen: dict[str, ColumnChoice]
    duplicates: tuple[tuple[str, int], ...]  # (field, column) repeating a chosen column's kind of header
    passed_over: tuple[tuple[str, int], ...]  # (field, column) of a lesser kind (an invoice date beside an order date)
    missing: tuple[str, ...]  # required fields not found (customer_id counts as found via a name column)
    keyed_by_name: bool  # no customer-ID column: customers are known by their name

    @property
    def columns(self) -> dict[str, int]:
        return {field: choice.index for field, choice in self.chosen.items()}

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def distinctive(self) -> int:
        """How many of the kind's own fields the header has (how much it looks like this kind of list)."""
        groups = RANKED_ALIASES[self.table]
        return sum(1 for field, choice in self.chosen.items() if field in DISTINCTIVE[self.table]
                   and not ((self.table, field) in GENERIC_LAST_GROUP and choice.rank == len(groups[field]) - 1))


class AliasIndex:
    """Folded alias → (field, rank), per table; built once from the defaults plus config."""

    def __init__(self, extra: dict[str, dict[str, list[str]]] | None = None,
                 pinned: dict[str, dict[str, str]] | None = None):
        self.by_table: dict[str, dict[str, tuple[str, int]]] = {}
        self.pinned: dict[str, dict[str, str]] = {}
        for table, fields in RANKED_ALIASES.items():
            folded: dict[str, tuple[str, int]] = {}
            for field, groups in fields.items():
                for rank, group in enumerate(groups):
                    for alias in group:
                        folded.setdefault(fold(alias), (field, rank))
                for alias in (extra or {}).get(table, {}).get(field, []):
                    folded.setdefault(fold(alias), (field, 0))
            # A pinned header belongs to its field, whatever the defaults say.
            pins = {fold(header): field for field, header in (pinned or {}).get(table, {}).items()}
            for header, field in pins.items():
                folded[header] = (field, 0)
            self.by_table[table] = folded
            self.pinned[table] = pins
        self.known = {alias for folded in self.by_table.values() for alias in folded}
        # Extra activity types per stage from the settings: folded type → stage.
        self.activity_types = {fold(alias): stage for stage, words in (extra or {}).get("activity_types", {}).items()
                               for alias in words}
        # Long aliases by length, so a cell is compared only with aliases one letter longer or shorter.
        self._typo_candidates: dict[str, dict[int, list[str]]] = {}
        for table, folded in self.by_table.items():
            by_length: dict[int, list[str]] = {}
            for alias in folded:
                if len(alias) >= TYPO_MIN_LETTERS:
                    for length in (len(alias) - 1, len(alias), len(alias) + 1):
                        by_length.setdefault(length, []).append(alias)
            self._typo_candidates[table] = by_length
        self._typos: dict[tuple[str, str], tuple[str, int] | None] = {}

    def count_known(self, cells: list[str | None]) -> int:
        """Cells that are known headers (also numbered repeats such as "Order Date1" and misspellings of long
        aliases), to find the header row."""
        count = 0
        for cell in cells:
            if cell is None:
                continue
            name = fold(cell)
            numbered = _DEDUPLICATED.match(name)
            count += name in self.known or bool(numbered and numbered.group(1) in self.known) or any(
                self._typo(table, name) for table in self.by_table)
        return count

    def assess(self, header: list[str | None]) -> list[HeaderMatch]:
        """How the header fits each table, best fit first: complete ones before incomplete, then
        by how much the header looks like that kind of list, then the more specific kind."""
        folded = [fold(cell) if cell is not None else "" for cell in header]
        matches = [self._match_table(table, folded) for table in RANKED_ALIASES]
        priority = {table: index for index, table in enumerate((*TABLE_PRIORITY, "returns"))}
        return sorted(matches, key=lambda m: (-m.distinctive, not m.complete, priority[m.table]))

    def match(self, header: list[str | None]) -> HeaderMatch | None:
        """The table the header belongs to, or None when the kind it looks like most lacks a required field."""
        decision = self.decide(header)
        return decision if decision is not None and decision.complete else None

    def decide(self, header: list[str | None]) -> HeaderMatch | None:
        """The one kind of table the header is: a complete list of the kind it looks like most; or, when
        that kind lacks a required field, that incomplete match (never another kind instead). A returns
        sheet (order IDs and a returned column, nothing else of an order list) is a returns table.
        None when nothing fits at all."""
        ranked = self.assess(header)
        by_table = {match.table: match for match in ranked}
        returns = by_table["returns"]
        order_fields = set(by_table["orders"].chosen) - {"order_id", "status"}
        if returns.complete and not order_fields & {"customer_id", "customer_name", "order_date", "amount"}:
            return returns
        candidates = [match for match in ranked if match.table != "returns"]
        best = candidates[0]
        if best.distinctive and (best.complete or set(best.chosen) & CORE.get(best.table, set(best.chosen))):
            return best
        # Nothing points to one kind: a complete table of any kind (an address list of ID and name), or none.
        return next((match for match in candidates if match.complete), None)

    def _match_table(self, table: str, folded: list[str]) -> HeaderMatch:
        aliases = self.by_table[table]
        exact: dict[str, list[ColumnChoice]] = {}
        for index, name in enumerate(folded):
            if name and name in aliases:
                field, rank = aliases[name]
                how = "pinned" if name in self.pinned[table] else "alias"
                exact.setdefault(field, []).append(ColumnChoice(field, index, rank, how))
        # Numbered repeats and misspellings count only for fields no column names exactly.
        for index, name in enumerate(folded):
            if not name or name in aliases:
                continue
            numbered = _DEDUPLICATED.match(name)
            guess = (aliases.get(numbered.group(1)) if numbered else None, "numbered")
            if guess[0] is None:
                guess = (self._typo(table, name), "typo")
            if guess[0] is not None and guess[0][0] not in exact:
                field, rank = guess[0]
                exact.setdefault(f"~{field}", []).append(ColumnChoice(field, index, rank, guess[1]))
        candidates: dict[str, list[ColumnChoice]] = {}
        for key, choices in exact.items():
            candidates.setdefault(key.lstrip("~"), []).extend(choices)
        chosen, duplicates, passed_over = {}, [], []
        for field, choices in candidates.items():
            best = min(choices, key=lambda choice: (choice.rank, choice.index))
            chosen[field] = best
            for other in choices:
                if other is not best:
                    (duplicates if other.rank == best.rank else passed_over).append((field, other.index))
        if "customer_id" not in chosen and table != "returns":
            bare = self._bare_id(folded, chosen)
            if bare is not None:
                chosen["customer_id"] = ColumnChoice("customer_id", bare, 0, "bare_id")
        keyed_by_name = "customer_id" not in chosen and table != "returns" and any(
            field in chosen for field in (*NAME_FIELDS, "last_name"))
        present = set(chosen) | ({"customer_id"} if keyed_by_name else set())
        if table == "addresses" and "last_name" in chosen:
            present.add("company")
        if table == "orders" and "quantity" in chosen and "unit_price" in chosen:
            present.add("amount")
        missing = tuple(field for field in REQUIRED[table] if field not in present and field != "campaign")
        by_column = lambda pair: pair[1]  # noqa: E731
        return HeaderMatch(table, dict(sorted(chosen.items(), key=lambda item: item[1].index)),
                           tuple(sorted(duplicates, key=by_column)), tuple(sorted(passed_over, key=by_column)),
                           missing, keyed_by_name)

    def _typo(self, table: str, name: str) -> tuple[str, int] | None:
        """The field of the long alias `name` misspells by one letter (cells with digits are no headers)."""
        key = (table, name)
        if key not in self._typos:
            found = None
            if len(name) >= TYPO_MIN_LETTERS - 1 and not any(ch.isdigit() for ch in name):
                found = next((self.by_table[table][alias] for alias in self._typo_candidates[table].get(len(name), ())
                              if _one_edit_apart(name, alias)), None)
            self._typos[key] = found
        return self._typos[key]

    @staticmethod
    def _bare_id(folded: list[str], chosen: dict[str, ColumnChoice]) -> int | None:
        if not any(field in chosen for field in (*NAME_FIELDS, "last_name")) or folded.count(BARE_ID) != 1:
            return None
        taken = {choice.index for choice in chosen.values()}
        other_ids = [index for index, name in enumerate(folded)
                     if name != BARE_ID and ID_LIKE.search(name) and index not in taken]
        if "order_id" in chosen or other_ids:
            return None
        return folded.index(BARE_ID)


def _one_edit_apart(first: str, second: str) -> bool:
    """True when one letter inserted, deleted or replaced turns `first` into `second`."""
    if abs(len(first) - len(second)) > 1 or first == second:
        return False
    if len(first) > len(second):
        first, second = second, first
    for index, (a, b) in enumerate(zip(first, second)):
        if a != b:
            tail = index + 1 if len(first) == len(second) else index
            return first[tail:] == second[index + 1:]
    return True


__all__ = ["ALIASES", "DISTINCTIVE", "ID_LIKE", "REQUIRED", "AliasIndex", "ColumnChoice", "HeaderMatch", "fold"]
