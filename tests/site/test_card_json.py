"""The JSON text the card data is made of, column-wise, against Python's own JSON writer."""
from __future__ import annotations

import json

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from salesboard.site.card_json import json_text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text()), max_size=30))
def test_json_text_writes_every_string_as_python_does(values):
    written = pl.DataFrame({"value": values}, schema={"value": pl.String}).select(json_text(pl.col("value")))
    assert written.to_series().to_list() == [
        "null" if value is None else json.dumps(value, ensure_ascii=False) for value in values]


def test_json_text_escapes_what_a_json_string_may_not_hold():
    value = 'quote " backslash \\ newline \n tab \t bell \x07 line separator \u2028 ü €'
    written = pl.DataFrame({"note": [value]}).select(json_text(pl.col("note"))).item()
    assert written == '"quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 line separator \u2028 ü €"'
    assert json.loads(written) == value
