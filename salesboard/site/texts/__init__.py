"""Every word the site shows, in German and English: key → {"de": …, "en": …}.

Templates look words up with `t(key)`, page code with `translator(language)`. The words
live in one module per part of the site; each key is defined once.
"""
from __future__ import annotations

from salesboard.site.texts import call_list, card, common, console, offers, overview, problems, publishing

PARTS = (common.WORDS, problems.WORDS, publishing.WORDS, call_list.WORDS, console.WORDS, offers.WORDS,
         overview.WORDS, card.WORDS)
TEXTS: dict[str, dict[str, str]] = {key: words for part in PARTS for key, words in part.items()}
if len(TEXTS) != sum(map(len, PARTS)):
    raise RuntimeError("a text key is defined in two parts of salesboard.site.texts")

# The words the page script needs, handed to it in every page (its names → text keys).
SCRIPT_WORDS = {
    "search": "table.search", "all": "table.all", "blank": "table.blank", "page": "table.page",
    "rows": "table.rows", "previous": "table.previous", "next": "table.next", "empty": "table.empty",
    "noPlotly": "script.no_plotly", "chartFailed": "script.chart_failed", "tableFailed": "script.table_failed",
    "csvName": "script.csv_name", "csv": "script.csv",
}


def script_words(language: str) -> dict[str, str]:
    return {name: TEXTS[key][language] for name, key in SCRIPT_WORDS.items()}


def translator(language: str):
    """t(key) → the word in `language`; an unknown key is a bug, so it raises."""
    def t(key: str) -> str:
        return TEXTS[key][language]
    return t
