"""The customer card's data: one record per address, in words, as JSON text, joined into shards.

A record is an array (as card.js assembles it):

    0 customer_id   1 name      2 owner     3 contact   4 phone     5 e-mail    6 address   7 source
    8 segment code now          9 [date it reached Z1, Z2, Z3, Z4] (null when not reached)
    10 [revenue 12 months, revenue all time, orders, median order, days since the last order,
        usual days between orders] (numbers, or null)
    11 overdue follow-up: [reasons, due date, days overdue], or null
    12 call list: [reasons, sentence], or null
    13 the data-quality problems of the address's rows, or null: that it is missing from the address
       list, and every problem of a row or cell that names its ID
    14 a follow-up due today or later this week (not yet overdue): its date, or null
    15… the timeline, newest first (salesboard.site.card_timeline)

Fields 8–14 are what the metrics decide; the rest needs the tables only. So table_cards() makes, while
the metrics are worked out, the records without fields 8–14, per shard (the addresses whose ID falls in
it, card_json's shard_numbers); card_shard_texts() adds, per shard, fields 8–14 of the same records in
the same order. salesboard.publish.cards writes both into one script per shard, which customer.html
loads on demand; card.js puts each record's fields 8–14 in their place.

Words are made here, column-wise, in the site's language. Dates are day numbers (days since 1970),
which the card shows in the site's date format; amounts and counts are numbers, which the card formats
with the browser's Intl.NumberFormat in the site's language and currency (the same figures as
site.formatting's). Every piece of text is made once, by Polars string expressions over whole columns;
the pieces (each record's fields, its timeline rows) are put in order by one sort of an integer key
and joined once.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import date

import polars as pl

from salesboard.domain import Rules
from salesboard.metrics import Metrics
from salesboard.metrics.facts import select_facts
from salesboard.metrics.offers import offer_states
from salesboard.model import Tables
from salesboard.quality import Problem
from salesboard.site.card_json import (
    json_array,
    json_count,
    json_day,
    json_number,
    json_text,
    plain,
    separated,
    shard_numbers,
    shown_text,
    shown_word,
)
from salesboard.site.card_timeline import TIMELINE_KINDS, offer_rows, table_rows
from salesboard.site.texts import translator

# What a card's parts take in a shard, roughly, in bytes: the shard count follows from the tables'
# sizes (known before anything is written, so the card page is told it while the data is written).
_BYTES_PER = {"addresses": 300, "order_lines": 50, "activities": 60, "campaigns": 40, "offers": 70}
SHARD_BYTES = 96_000  # aimed at; a shard stays under 200 kB

# A piece's place: its address's position in shard order, then the piece within the record: the fields
# first, the timeline rows by date, newest first (of one day, in TIMELINE_KINDS order), rows without a
# date last.
_NEWEST = 2**23  # minus the day number: every date Polars can hold lies within ±2**23 days of 1970
_KINDS = len(TIMELINE_KINDS)
_UNDATED = 2 * _NEWEST * _KINDS
_PLACES = 2 * _UNDATED


@dataclass(frozen=True)
class TableCards:
    """What the cards take from the tables alone, made while the metrics are worked out: the number of
    shards, each address's shard (in the order of tables.addresses, which the metrics keep) and per shard the
    text of its records without the fields the metrics decide (8–14, card_shard_texts)."""

    shards: int
    shard: pl.Series
    records: list[memoryview]


def table_cards(tables: Tables, as_of: date, rules: Rules) -> TableCards:
    """The records' fields 0–7 and timeline. The offers' states are the metrics' own function of the
    tables, worked out here for the few rows of an offer list rather than waited for."""
    shards = card_shards(tables)
    shard = shard_numbers(tables.addresses["customer_id"], shards)
    addresses = _in_shard_order(tables.addresses, shard)
    rows = [table_rows(tables)]
    if tables.offers is not None:
        rows.append(offer_rows(offer_states(tables.offers, select_facts(tables, as_of), rules)))
    pieces = pl.concat([_identity(addresses), _placed(pl.concat(rows), addresses)])
    # Pieces of one place (one address's rows of one day) keep their order reversed, the later row first:
    # a stable sort from the end, read backwards (sorting the frame moves the text far faster than
    # gathering it by a sorted index). On one thread: spread over two, the sort is no faster and
    # takes 1.6 times the processor time, which the metrics beside it need.
    ordered = pieces.sort("place", descending=True, maintain_order=True, multithreaded=False).reverse().select(
        shard=pl.lit(addresses["shard"]).gather(pl.col("place") // _PLACES), text="text")
    return TableCards(shards, shard, _per_shard(ordered, shards))


def _per_shard(pieces: pl.DataFrame, shards: int) -> list[memoryview]:
    """The text of `pieces` (shard, text; in order, by shard) joined once and cut per shard."""
    ends_at = dict(zip(*pieces.group_by("shard").agg(size=pl.col("text").str.len_bytes().sum()).sort("shard")
                       .select("shard", pl.col("size").cum_sum()).get_columns()))
    # Written out as a one-column CSV without quotes or line ends: the text as it is, all of it, at half the
    # cost of joining it into one string and taking that out of Polars.
    buffer = io.BytesIO()
    pieces.select("text").write_csv(buffer, include_header=False, quote_style="never", line_terminator="")
    blob = buffer.getbuffer()
    texts, start = [], 0
    for number in range(shards):
        end = ends_at.get(number, start)
        texts.append(blob[start:end])
        start = end
    return texts


def _placed(rows: pl.DataFrame, addresses: pl.DataFrame) -> pl.DataFrame:
    """place, text of timeline rows (customer_id, date, kind, text); the rows of IDs that are no address
    dropped."""
    # The address's position looked up, not joined: the text stays where it is.
    pos = pl.col("customer_id").replace_strict(addresses["customer_id"], addresses["pos"], default=None)
    within = ((_NEWEST - pl.col("date").cast(pl.Int64)) * _KINDS + pl.col("kind")).fill_null(_UNDATED + pl.col("kind"))
    placed = rows.select(place=pos * _PLACES + within, text="text")
    if placed.select(pl.col("place").is_null().any()).item():
        placed = placed.drop_nulls("place")
    return placed


def card_shards(tables: Tables) -> int:
    """The number of card shards: a power of two, so that each holds about SHARD_BYTES."""
    lines = tables.order_lines if tables.order_lines is not None else tables.orders
    heights = {"addresses": tables.addresses.height, "order_lines": lines.height,
               "activities": tables.activities.height, "campaigns": tables.campaigns.height,
               "offers": tables.offers.height if tables.offers is not None else 0}
    estimate = sum(_BYTES_PER[name] * height for name, height in heights.items())
    shards = 1
    while shards * SHARD_BYTES < estimate:
        shards *= 2
    return shards


def card_shard_texts(metrics: Metrics, language: str, follow_ups: pl.DataFrame, calls: pl.DataFrame,
                     made: TableCards, problems: tuple[Problem, ...] = ()) -> list[tuple[memoryview, memoryview]]:
    """Per shard (0..made.shards-1): its records without fields 8–14 as UTF-8 JSON array items, the last
    record's closing bracket left to the writer (empty for a shard without addresses), and those fields of
    each record, in the same order, as JSON arrays separated by commas. `follow_ups` and `calls` are the
    overdue list and the call list in words (follow_up_rows, call_rows); `made` what table_cards made."""
    addresses = _in_shard_order(metrics.addresses, made.shard)
    statuses = _status(addresses, metrics, language, follow_ups, calls, problems)
    return list(zip(made.records, _per_shard(statuses, made.shards)))


def _in_shard_order(addresses: pl.DataFrame, shard: pl.Series) -> pl.DataFrame:
    """The addresses sorted by their `shard` (their own order within one), with their position `pos` in that
    order."""
    return (addresses.with_columns(shard=shard).sort("shard", maintain_order=True)
            .with_columns(pos=pl.int_range(pl.len(), dtype=pl.Int64)))


def _identity(addresses: pl.DataFrame) -> pl.DataFrame:
    """place, text: fields 0–7 of each record (tables.addresses in shard order), led by "[" ("],\n[" after a
    shard's first record: each record closes the one before it)."""
    place = pl.concat_str([pl.concat_str(["postcode", "city"], separator=" ", ignore_nulls=True), pl.col("region")],
                          separator=", ", ignore_nulls=True)
    fields = [
        json_text(pl.col("customer_id")),
        shown_text(pl.col("company")), shown_word(addresses, "owner"),
        *(shown_text(pl.col(name)) for name in ("contact", "phone", "email")),
        shown_text(place), shown_word(addresses, "source"),
    ]
    lead = pl.when(pl.col("shard").is_first_distinct()).then(pl.lit("[")).otherwise(pl.lit("],\n["))
    return addresses.select(place=pl.col("pos") * _PLACES, text=pl.concat_str([lead, *separated(fields)]))


def _status(addresses: pl.DataFrame, metrics: Metrics, language: str, follow_ups: pl.DataFrame,
            calls: pl.DataFrame, problems: tuple[Problem, ...]) -> pl.DataFrame:
    """shard, text: fields 8–14 of each record (metrics.addresses in shard order) as a JSON array, after a
    comma but the first of its shard."""
    def day(column: str | pl.Expr) -> pl.Expr:
        return json_day(pl.col(column) if isinstance(column, str) else column)

    def money(column: str) -> pl.Expr:
        return json_number(pl.col(column))

    follow = follow_ups.select("customer_id", f=json_array([
        json_text(pl.col("reasons")), day("due_date"), json_count(pl.col("days_overdue"))]))
    call = calls.unique("customer_id", keep="first", maintain_order=True).select(
        "customer_id", r=json_array([json_text(pl.col("call_reasons")), json_text(pl.col("sentence"))]))
    soon = metrics.due_soon.unique("customer_id", keep="first", maintain_order=True).select(
        "customer_id", soon=day("follow_up_date"))
    # The median order and the usual rhythm are the call list's (its usual gap in whole days).
    order_figures = metrics.call_list.order_figures.select(
        "customer_id", median_order="own_median", rhythm=pl.col("usual_gap").round(0))
    since_last_order = (pl.lit(metrics.as_of) - pl.col("last_order_date")).dt.total_days()
    joined = addresses
    for part in (order_figures, follow, call, soon, _problems(problems, language)):
        joined = joined.join(part, on="customer_id", how="left", maintain_order="left")
    fields = [
        plain(pl.col("segment").cast(pl.String)),
        json_array([day(pl.min_horizontal("interest_date", "first_order_date")), day("first_order_date"),
                    day("second_order_date"), day("loyal_order_date")]),
        json_array([money("revenue_12m"), money("revenue_total"), json_count(pl.col("order_count")),
                    money("median_order"), json_count(since_last_order), json_count(pl.col("rhythm"))]),
        pl.col("f").fill_null("null"), pl.col("r").fill_null("null"),
        _quality_notes(translator(language)("card.unlisted")), pl.col("soon").fill_null("null"),
    ]
    lead = pl.when(pl.col("shard").is_first_distinct()).then(pl.lit("[")).otherwise(pl.lit(",["))
    return joined.select("shard", text=pl.concat_str([lead, *separated(fields), pl.lit("]")]))


def _quality_notes(unlisted: str) -> pl.Expr:
    """The problems of an address as a JSON array (null when none), led by `unlisted` for an address that
    is missing from the address list."""
    note = pl.lit(json.dumps(unlisted, ensure_ascii=False))
    listed = pl.col("listed").fill_null(True)
    return (pl.when(listed).then(pl.col("q").fill_null("null"))
            .when(pl.col("q").is_null()).then(pl.lit("[") + note + pl.lit("]"))
            .otherwise(pl.lit("[") + note + pl.lit(",") + pl.col("q").str.slice(1)))


def _problems(problems: tuple[Problem, ...], language: str) -> pl.DataFrame:
    """customer_id → q: the problems of an address's rows (those that carry its ID), where they are and
    what was done, as a JSON array."""
    concerned = [problem for problem in problems if problem.customer_ids]
    frame = pl.DataFrame({"customer_id": [list(problem.customer_ids) for problem in concerned],
                          "text": [problem.text(language) for problem in concerned]},
                         schema={"customer_id": pl.List(pl.String), "text": pl.String})
    return frame.explode("customer_id").group_by("customer_id", maintain_order=True).agg(
        q=pl.lit("[") + json_text(pl.col("text")).str.join(",") + pl.lit("]"))
