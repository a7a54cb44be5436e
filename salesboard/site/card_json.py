"""JSON text made by Polars string expressions over whole columns, for the customer cards, and the shard
an address's card lies in.

The cards are many small JSON arrays; making their text column-wise (never per address in Python) is
what keeps them cheap to build. The shard of an ID is the CRC-32 of its first SHARD_KEY_BYTES UTF-8
bytes modulo the shard count (card-shard.js computes the same), worked out byte position by byte position
over the whole ID column.
"""
from __future__ import annotations

import zlib

import polars as pl

from salesboard.site.page_model import TOOLTIP_CHARS, cut_text

# A longer ID (a customer known by a long name) is told apart by its first bytes well enough.
SHARD_KEY_BYTES = 32

# A one-field struct's JSON is {"k":<value>}: its value lies between these many characters from the start and
# one from the end.
_FIELD = "k"
_FIELD_LEAD = len(f'{{"{_FIELD}":')


def json_text(value: pl.Expr) -> pl.Expr:
    """A string column as JSON strings ("…"), null as null: Polars' own JSON writer escapes them, faster than
    string replacing. The column keeps its name."""
    encoded = pl.struct(value.cast(pl.String).alias(_FIELD)).struct.json_encode()
    return encoded.str.slice(_FIELD_LEAD).str.head(-1).name.keep()


def shown_text(value: pl.Expr) -> pl.Expr:
    """Workbook text as the card shows it: cut at TOOLTIP_CHARS with "…" (the downloads keep it whole)."""
    return json_text(cut_text(value.cast(pl.String), TOOLTIP_CHARS))


def plain(value: pl.Expr) -> pl.Expr:
    """Text made here (dates, amounts, numbers: no quotes or backslashes) as JSON strings."""
    return (pl.lit('"') + value + pl.lit('"')).fill_null("null")


def json_day(value: pl.Expr) -> pl.Expr:
    """A date column as JSON integers, days since 1970 (null when none): a tenth of the bytes of a formatted
    date, and card.js shows it in the site's format (salesboard.site.formatting.DATE_FORMATS)."""
    return value.cast(pl.Date).cast(pl.Int32).cast(pl.String).fill_null("null")


def shown_word(frame: pl.DataFrame, column: str) -> pl.Expr:
    """shown_text of a column of `frame` whose values repeat (a type, an owner, a status, an article): each
    distinct value is made into text once and looked up by its place among them (as an Enum's code, several
    times faster than replacing each value by its text)."""
    distinct = frame.get_column(column).cast(pl.String).drop_nulls().unique().sort()
    made = pl.DataFrame({"value": distinct}).select(shown_text(pl.col("value"))).to_series()
    return pl.lit(made).gather(pl.col(column).cast(pl.String).cast(pl.Enum(distinct)).to_physical()).fill_null("null")


def json_number(value: pl.Expr) -> pl.Expr:
    """A number column as JSON numbers (to the cent, whole ones without ".0"), null (and NaN) as null."""
    return value.cast(pl.Float64).fill_nan(None).round(2).cast(pl.String).str.strip_suffix(".0").fill_null("null")


def json_count(value: pl.Expr) -> pl.Expr:
    """A count of things or days as a JSON integer, null (and NaN) as null."""
    return value.cast(pl.Float64).fill_nan(None).round(0).cast(pl.Int64).cast(pl.String).fill_null("null")


def json_array(items: list[pl.Expr]) -> pl.Expr:
    """JSON items (json_text, plain or arrays) as one JSON array."""
    return pl.concat_str([pl.lit("["), *separated(items), pl.lit("]")])


def separated(items: list[pl.Expr]) -> list[pl.Expr]:
    """JSON items with a comma between each two, for one concatenation of a whole row's text (a nested
    concatenation copies every row's text once more, which costs about as much as making it)."""
    return [part for number, item in enumerate(items) for part in ((pl.lit(","), item) if number else (item,))]


def shard_of(customer_id: str, shards: int) -> int:
    """The shard of one ID, as shard_numbers() works it out for a column."""
    return zlib.crc32(customer_id.encode("utf-8")[:SHARD_KEY_BYTES]) % shards


def _crc_table() -> pl.Series:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = 0xEDB88320 ^ (crc >> 1) if crc & 1 else crc >> 1
        table.append(crc)
    return pl.Series(table, dtype=pl.UInt32)


_CRC_TABLE = _crc_table()


def shard_numbers(ids: pl.Series, shards: int) -> pl.Series:
    """The shard of each ID: CRC-32 (zlib's) of its first SHARD_KEY_BYTES bytes, modulo `shards`."""
    frame = pl.DataFrame({"key": ids.cast(pl.String).fill_null("").cast(pl.Binary).bin.head(SHARD_KEY_BYTES)})
    frame = frame.with_columns(crc=pl.lit(0xFFFFFFFF, pl.UInt32))
    longest = frame.select(pl.col("key").bin.size().max()).item() or 0
    table = pl.lit(_CRC_TABLE)
    for position in range(longest):
        byte = pl.col("key").bin.get(position, null_on_oob=True).cast(pl.UInt32)
        step = table.gather((pl.col("crc") ^ byte) & 0xFF) ^ (pl.col("crc") // 256)
        frame = frame.with_columns(crc=pl.when(byte.is_null()).then(pl.col("crc")).otherwise(step))
    return frame.select(((pl.col("crc") ^ 0xFFFFFFFF) % shards).cast(pl.Int64).alias("shard")).to_series()
