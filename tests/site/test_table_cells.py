"""The table data a page carries: each cell as short as the page script reads it."""
import datetime as dt
import json

import polars as pl

from salesboard.model import Column
from salesboard.site.page_model import table_data
from salesboard.site.render import PACKAGE_TEMPLATES, make_environment


def test_cells_are_text_pairs_of_display_and_key_and_customer_links():
    frame = pl.DataFrame({
        "customer_id": ["7", "A/1"], "company": ["Müller & Söhne", "A/1"], "owner": ["Anna", None],
        "days": [1047.0, 3.0], "p": [0.16688413361169102, float("inf")], "amount": [3066.701222599165, float("nan")],
        "due": [dt.date(2024, 1, 15), None]})
    columns = [Column("company", "Firma", "customer"), Column("customer_id", "Kd.-Nr.", "customer"),
               Column("owner", "Betreuer", "text"), Column("days", "Tage", "int"),
               Column("p", "p", "percent"), Column("amount", "Betrag", "money"), Column("due", "Fällig", "date")]
    rows = table_data(frame, columns, "de", "EUR")["rows"]
    # Firma: [text, ID], as names and IDs differ in one row; Kd.-Nr.: the IDs alone. Whole days as integers;
    # p and the amount to 6 significant digits, infinity and NaN without a key; 15.01.2024 is day 19,737.
    assert rows[0] == (("Müller & Söhne", "7"), "7", "Anna", ("1.047", 1047), ("16,7\u00a0%", 0.166884),
                       ("3.067\u00a0€", 3066.7), ("15.01.2024", 19737))
    assert rows[1] == (("A/1", "A/1"), "A/1", "", ("3", 3), (rows[1][4][0], None), (rows[1][5][0], None), ("", None))
    assert (dt.date(2024, 1, 15) - dt.date(1970, 1, 1)).days == 19737


def test_page_json_is_compact_keeps_letters_and_escapes_markup():
    environment = make_environment(PACKAGE_TEMPLATES, "de")
    text = environment.from_string("{{ data|tojson }}").render(data={"a": ["Söhne", "</script><b>"]})
    assert text == '{"a":["Söhne","\\u003c/script\\u003e\\u003cb\\u003e"]}'
    assert json.loads(text) == {"a": ["Söhne", "</script><b>"]}


def test_a_column_whose_texts_repeat_carries_each_once_and_places_in_the_cells():
    owners = ["Anna", "Ben", "Anna", "Anna", "", "Ben", "Anna", "Ben", "Anna", "Anna", "Anna", "Ben"]
    frame = pl.DataFrame({"owner": owners, "note": [f"Notiz {n}" for n in range(12)]})
    data = table_data(frame, [Column("owner", "Betreuer", "text"), Column("note", "Notiz", "text")], "de", "EUR")
    # Three distinct owners in twelve rows (one in four): in order of first appearance, the cells their places.
    # Twelve distinct notes: as text.
    assert data["columns"][0]["values"] == ["Anna", "Ben", ""] and "values" not in data["columns"][1]
    assert [row[0] for row in data["rows"]] == [0, 1, 0, 0, 2, 1, 0, 1, 0, 0, 0, 1]
    assert [data["columns"][0]["values"][row[0]] for row in data["rows"]] == owners
    assert data["rows"][3][1] == "Notiz 3"
    # One more distinct owner in as many rows is more than one in four: as text.
    data = table_data(frame.with_columns(owner=pl.Series(owners[:11] + ["Cleo"])), [Column("owner", "B", "text")],
                      "de", "EUR")
    assert "values" not in data["columns"][0] and data["rows"][11] == ("Cleo",)
