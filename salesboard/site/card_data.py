"""The customer card's data: one record per address, in words, as JSON text, from the tables and metrics.

card_records() returns one row per address: its customer_id and `record`, the JSON text of an array
(salesboard.publish.cards writes the records into shards that customer.html loads on demand):

    0 customer_id   1 name      2 owner     3 contact   4 phone     5 e-mail    6 address   7 source
    8 segment code now          9 [date it reached Z1, Z2, Z3, Z4] ("" when not reached)
    10 [revenue 12 months, revenue all time, orders, median order, days since the last order,
        usual days between orders] (numbers, or null)
    11 overdue follow-up: [reasons, due date, days overdue], or null
    12 call list: [reasons, sentence], or null
    13 the timeline, newest first, rows [kind, date, …]:
         o  order     [o, date, order number, amount (a number)]
         a  activity  [a, date, type, owner (null: the card's owner), outcome, next follow-up]
         q  offer     [q, date, offer number, amount (a number), state, owner, product]
         m  mailing   [m, sent date, campaign, response date ("" when none)]
    14 the data-quality problems known to concern this address, or null: that it is missing from the
       address list, and the problems that name its ID (a repeated ID in the address list)
    15 a follow-up due today or later this week (not yet overdue): its date, or null

Dates and words are formatted here, column-wise, in the site's language. Amounts and counts are
numbers: the card formats them with the browser's Intl.NumberFormat in the site's language and
currency (the same figures as site.formatting's), because formatting 200,000 amounts as text in
Polars would take most of what the card data may add to a build. The JSON is made by Polars
string expressions over whole columns (json_text), never per address in Python; arrays rather than
objects keep the shards small.
"""
from __future__ import annotations

import json

import polars as pl

from salesboard.metrics import Metrics
from salesboard.model import Tables
from salesboard.quality import Problem
from salesboard.site.formatting import date_expr
from salesboard.site.page_model import TOOLTIP_CHARS, cut_text
from salesboard.site.texts import translator

# What a card's parts take in a shard, roughly, in bytes: the shard count follows from the tables'
# sizes (known before anything is written, so the card page is told it while the data is written).
_BYTES_PER = {"addresses": 300, "orders": 40, "activities": 60, "campaigns": 40, "offers": 70}
SHARD_BYTES = 96_000  # aimed at; a shard stays under 200 kB


def card_shards(tables: Tables) -> int:
    """The number of card shards: a power of two, so that each holds about SHARD_BYTES."""
    heights = {"addresses": tables.addresses.height, "orders": tables.orders.height,
               "activities": tables.activities.height, "campaigns": tables.campaigns.height,
               "offers": tables.offers.height if tables.offers is not None else 0}
    estimate = sum(_BYTES_PER[name] * height for name, height in heights.items())
    shards = 1
    while shards * SHARD_BYTES < estimate:
        shards *= 2
    return shards


# JSON's escapes for the characters a JSON string may not hold as they are.
_ESCAPED = ["\\", '"', *map(chr, range(32))]
_ESCAPES = ["\\\\", '\\"', *(json.dumps(chr(code))[1:-1] for code in range(32))]


def json_text(value: pl.Expr) -> pl.Expr:
    """A string column as JSON strings ("…", escaped in one pass), null as null."""
    return (pl.lit('"') + value.cast(pl.String).str.replace_many(_ESCAPED, _ESCAPES) + pl.lit('"')).fill_null("null")


def shown_text(value: pl.Expr) -> pl.Expr:
    """Workbook text as the card shows it: cut at TOOLTIP_CHARS with "…" (the downloads keep it whole)."""
    return json_text(cut_text(value.cast(pl.String), TOOLTIP_CHARS))


def _plain(value: pl.Expr) -> pl.Expr:
    """Text made here (dates, amounts, numbers: no quotes or backslashes) as JSON strings."""
    return (pl.lit('"') + value + pl.lit('"')).fill_null("null")


def json_number(value: pl.Expr) -> pl.Expr:
    """A number column as JSON numbers (to the cent), null (and NaN) as null."""
    return value.cast(pl.Float64).fill_nan(None).round(2).cast(pl.String).fill_null("null")


def json_array(items: list[pl.Expr]) -> pl.Expr:
    """JSON items (json_text, _plain or arrays) as one JSON array."""
    return pl.concat_str([pl.lit("["), pl.concat_str(items, separator=","), pl.lit("]")])


def card_records(tables: Tables, metrics: Metrics, language: str, follow_ups: pl.DataFrame,
                 calls: pl.DataFrame, problems: tuple[Problem, ...] = ()) -> pl.DataFrame:
    """customer_id and record, one row per address (metrics.addresses' order). `follow_ups` and `calls`
    are the overdue list and the call list in words (follow_up_rows, call_rows)."""
    as_of = metrics.as_of

    def day(column: str | pl.Expr) -> pl.Expr:
        return _plain(date_expr(pl.col(column) if isinstance(column, str) else column, language))

    def money(column: str) -> pl.Expr:
        return json_number(pl.col(column))

    def number(value: pl.Expr) -> pl.Expr:  # a count of things or days
        return value.cast(pl.Float64).fill_nan(None).round(0).cast(pl.Int64).cast(pl.String).fill_null("null")

    addresses = metrics.addresses.join(
        tables.addresses.select("customer_id", "email", "postcode", "city", "region", "source"),
        on="customer_id", how="left", maintain_order="left")
    figures = _order_figures(tables.orders, as_of)
    follow = follow_ups.select("customer_id", f=json_array([
        json_text(pl.col("reasons")), day("due_date"), number(pl.col("days_overdue"))]))
    call = calls.unique("customer_id", keep="first", maintain_order=True).select(
        "customer_id", r=json_array([json_text(pl.col("call_reasons")), json_text(pl.col("sentence"))]))
    soon = metrics.due_soon.unique("customer_id", keep="first", maintain_order=True).select(
        "customer_id", soon=day("follow_up_date"))
    owners = addresses.select("customer_id", card_owner="owner")
    joined = (addresses.join(figures, on="customer_id", how="left", maintain_order="left")
              .join(follow, on="customer_id", how="left", maintain_order="left")
              .join(call, on="customer_id", how="left", maintain_order="left")
              .join(soon, on="customer_id", how="left", maintain_order="left")
              .join(_timeline(tables, metrics, owners, language), on="customer_id", how="left",
                    maintain_order="left")
              .join(_problems(problems, language), on="customer_id", how="left", maintain_order="left"))
    place = pl.concat_str([pl.concat_str(["postcode", "city"], separator=" ", ignore_nulls=True), pl.col("region")],
                          separator=", ", ignore_nulls=True)
    record = json_array([
        json_text(pl.col("customer_id")),
        *(shown_text(pl.col(name)) for name in ("company", "owner", "contact", "phone", "email")),
        shown_text(place), shown_text(pl.col("source")), _plain(pl.col("segment").cast(pl.String)),
        json_array([day(pl.min_horizontal("interest_date", "first_order_date")), day("first_order_date"),
                    day("second_order_date"), day("loyal_order_date")]),
        json_array([money("revenue_12m"), money("revenue_total"), number(pl.col("order_count")),
                    money("median_order"), number((pl.lit(as_of) - pl.col("last_order")).dt.total_days()),
                    number(pl.col("rhythm"))]),
        pl.col("f").fill_null("null"), pl.col("r").fill_null("null"),
        pl.col("t").fill_null("[]"), _quality_notes(translator(language)("card.unlisted")),
        pl.col("soon").fill_null("null"),
    ])
    return joined.select("customer_id", record=record)


def _quality_notes(unlisted: str) -> pl.Expr:
    """The problems of an address as a JSON array (null when none), led by `unlisted` for an address that
    is missing from the address list."""
    note = pl.lit(json.dumps(unlisted, ensure_ascii=False))
    listed = pl.col("listed").fill_null(True)
    return (pl.when(listed).then(pl.col("q").fill_null("null"))
            .when(pl.col("q").is_null()).then(pl.lit("[") + note + pl.lit("]"))
            .otherwise(pl.lit("[") + note + pl.lit(",") + pl.col("q").str.slice(1)))


def _order_figures(orders: pl.DataFrame, as_of) -> pl.DataFrame:
    """Per customer, orders (total > 0) dated up to D: the median order, the last order's date and the
    usual rhythm (median days between consecutive orders)."""
    dated = (orders.filter((pl.col("order_date") <= as_of) & (pl.col("amount") > 0))
             .select("customer_id", "amount", day=pl.col("order_date").cast(pl.Int32)))
    return dated.group_by("customer_id").agg(
        median_order=pl.col("amount").median(),
        last_order=pl.col("day").max().cast(pl.Date),
        rhythm=pl.col("day").sort().diff().median().round(0),
    )


def _timeline(tables: Tables, metrics: Metrics, owners: pl.DataFrame, language: str) -> pl.DataFrame:
    """customer_id → t: the rows of every table about the address as one JSON array, newest first (on one
    day: orders, then offers, then activities, later rows first; mailings last)."""
    def day(column: str) -> pl.Expr:
        return _plain(date_expr(pl.col(column), language))

    def amount() -> pl.Expr:
        return json_number(pl.col("amount"))

    def event(frame: pl.DataFrame, date: str, rank: int, row: list[pl.Expr], order: pl.Expr | None = None):
        return frame.select("customer_id", date=pl.col(date), rank=pl.lit(rank, pl.Int8),
                            seq=(order if order is not None else pl.int_range(pl.len())).cast(pl.Int64),
                            t=json_array(row))

    activities = tables.activities.join(owners, on="customer_id", how="left", maintain_order="left")
    same_owner = pl.col("owner") == pl.col("card_owner")
    events = [
        event(tables.orders, "order_date", 3, [pl.lit('"o"'), day("order_date"), json_text(pl.col("order_id")),
                                               amount()]),
        event(activities, "date", 1, [
            pl.lit('"a"'), day("date"), shown_text(pl.col("type")),
            pl.when(same_owner).then(pl.lit("null")).otherwise(shown_text(pl.col("owner").fill_null(""))),
            shown_text(pl.col("outcome")), day("next_follow_up")], pl.col("seq")),
        event(tables.campaigns, "sent_date", 0, [pl.lit('"m"'), day("sent_date"), shown_text(pl.col("campaign")),
                                                 day("response_date")]),
    ]
    if tables.offers is not None:
        offers = metrics.offers.offers if metrics.offers is not None else tables.offers
        state = pl.col("state") if "state" in offers.columns else pl.col("status")
        events.append(event(offers, "offer_date", 2, [
            pl.lit('"q"'), day("offer_date"), json_text(pl.col("offer_id")), amount(), json_text(state),
            shown_text(pl.col("owner")), shown_text(pl.col("product"))]))
    return (pl.concat(events).sort(["customer_id", "date", "rank", "seq"], descending=[False, True, True, True],
                                   nulls_last=True)
            .group_by("customer_id", maintain_order=True)
            .agg(t=pl.lit("[") + pl.col("t").str.join(",") + pl.lit("]")))


def _problems(problems: tuple[Problem, ...], language: str) -> pl.DataFrame:
    """customer_id → q: the problems that name an address's ID (a repeated ID in the address list), where
    they are and what was done, as a JSON array. Other problems (a bad date, a missing amount) do not
    say whose row it was."""
    rows = [(str(problem.params["id"]), f"{problem.location(language)}: {problem.describe(language)} — "
                                        f"{problem.done(language)}")
            for problem in problems if isinstance(problem.params.get("id"), str | int)]
    frame = pl.DataFrame(rows, schema={"customer_id": pl.String, "text": pl.String}, orient="row")
    return frame.group_by("customer_id", maintain_order=True).agg(
        q=pl.lit("[") + json_text(pl.col("text")).str.join(",") + pl.lit("]"))
