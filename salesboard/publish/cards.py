"""The customer cards and the search index as script files, loaded by the pages on demand.

A page opened from disk (file://) may load a script but not fetch a file, so the data lies in
the build as scripts that hand it to the page through a global callback:

    cards/<n>.js     window.salesboardCards(<n>, [record, …], [fields 8–14, …]);  the cards of the
                     addresses whose ID falls in shard n (salesboard.site.card_json.shard_numbers;
                     card-shard.js computes the same), records as salesboard.site.card_data describes
                     them, without fields 8–14, which follow in a list of their own
    cards/search.js  window.salesboardSearch({...});  every address's ID, name, contact, postcode
                     and city (see search_index), and the umlaut spellings (salesboard.folding)
                     the page folds them with

The records come as JSON text, joined per shard (salesboard.site.card_data). A shard whose
bytes equal the previous build's file of
the same name is linked (or copied) from there instead of being written again; a record in
`cards/.salesboard-cards` names each file's CRC-32.
"""
from __future__ import annotations

import json
import os
import shutil
import zlib
from pathlib import Path

import polars as pl

from salesboard.folding import UMLAUT_SPELLINGS
from salesboard.site.card_json import json_text

CARDS = "cards"
SEARCH_FILE = "search.js"
CARDS_CALLBACK = "salesboardCards"
SEARCH_CALLBACK = "salesboardSearch"
RECORD = ".salesboard-cards"
SEARCH_FIELDS = ("customer_id", "company", "contact", "postcode", "city")


def write_cards(texts: list[tuple[memoryview, memoryview]], staging: Path, previous: Path | None) -> dict[str, int]:
    """cards/<n>.js for each shard n from card_shard_texts() (the records of shard n without fields 8–14, as
    JSON array items without the bracket that closes the last, and those fields of each); a shard without
    addresses holds two empty lists. Returns the size of each file written or reused, by name."""
    folder = staging / CARDS
    folder.mkdir(parents=True, exist_ok=True)
    known = _recorded(previous)
    hashes, sizes = {}, {}
    for number, (records, statuses) in enumerate(texts):
        name = f"{number}.js"
        start = f"window.{CARDS_CALLBACK}({number}, [".encode()
        parts = (start, records, b"]], [", statuses, b"]);\n") if len(records) else (start, b"], []);\n")
        digest = 0
        for part in parts:  # a first look: _reused compares the bytes themselves
            digest = zlib.crc32(part, digest)
        size = sum(len(part) for part in parts)
        if not (previous and known.get(name) == f"{digest:08x}" and _reused(previous / CARDS / name, folder / name,
                                                                            parts, size)):
            with open(folder / name, "wb") as file:
                file.writelines(parts)
        hashes[name], sizes[name] = f"{digest:08x}", size
    (folder / RECORD).write_text(json.dumps(hashes, sort_keys=True), encoding="utf-8")
    return sizes


def search_index(addresses: pl.DataFrame) -> bytes:
    """The script cards/search.js from the addresses' SEARCH_FIELDS. IDs, names and contacts are one string
    per field, one value a line; postcode and city, which repeat, are a list of the distinct places and, per
    address, the number of its place in that list."""
    def lines(column: str) -> pl.Expr:
        return json_text(_one_line(pl.col(column)).str.join("\n"))

    with_place = addresses.select(*SEARCH_FIELDS).with_columns(
        place=pl.struct("postcode", "city").rank("dense").cast(pl.Int64) - 1)
    places = with_place.select("place", "postcode", "city").unique("place").sort("place")
    # The long strings written as JSON by Polars: Python's json.dumps takes several times as long for them.
    named = ("customer_id", "company", "contact")
    fields = with_place.select(*(lines(name) for name in named),
                               place=json_text(pl.col("place").cast(pl.String).str.join("\n"))).row(0, named=True)
    spots = places.select(lines("postcode"), lines("city")).row(0, named=True)
    fold = json.dumps(UMLAUT_SPELLINGS, ensure_ascii=False, separators=(",", ":"))
    index = _json_object({"count": str(addresses.height), "fold": fold,
                          "fields": _json_object({name: fields[name] for name in named}),
                          "places": _json_object(spots), "place": fields["place"]})
    return f"window.{SEARCH_CALLBACK}({index});\n".encode()


def _json_object(members: dict[str, str]) -> str:
    """A JSON object of members whose values are JSON text already (names are plain words)."""
    return "{" + ",".join(f'"{name}":{value}' for name, value in members.items()) + "}"


def write_search_index(index: bytes, staging: Path) -> None:
    path = staging / CARDS / SEARCH_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(index)


def _one_line(value: pl.Expr) -> pl.Expr:
    return value.cast(pl.String).fill_null("").str.replace_all(r"[\r\n]+", " ")


def _recorded(previous: Path | None) -> dict[str, str]:
    if previous is None:
        return {}
    try:
        record = json.loads((previous / CARDS / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _reused(source: Path, target: Path, parts: tuple, size: int) -> bool:
    """The previous build's file, when it still holds exactly `parts`, linked (or copied) into place."""
    try:
        if source.stat().st_size != size or source.read_bytes() != b"".join(parts):
            return False
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        return True
    except OSError:
        return False
