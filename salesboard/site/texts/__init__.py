"""Every word the site shows, in German and English: key → {"de": …, "en": …}.

Templates look words up with `t(key)`, page code with `translator(language)`. The words
live in one module per part of the site; each key is defined once.

Words about a count ("3 Adressen") are written for any count; where the words for exactly one differ,
the same key with SINGULAR appended holds them ("console.addresses.one": "1 Adresse"). The pages and the
console choose with `t(key, count)`, the page script with the same pair of words.
"""
from __future__ import annotations

from salesboard.site.texts import (
    call_list,
    card,
    common,
    console,
    offers,
    overview,
    problems,
    publishing,
    settings,
)

PARTS = (common.WORDS, problems.WORDS, publishing.WORDS, call_list.WORDS, console.WORDS, offers.WORDS,
         overview.WORDS, card.WORDS, settings.WORDS)
TEXTS: dict[str, dict[str, str]] = {key: words for part in PARTS for key, words in part.items()}
if len(TEXTS) != sum(map(len, PARTS)):
    raise RuntimeError("a text key is defined in two parts of salesboard.site.texts")

SINGULAR = ".one"

# The words the page script needs, handed to it in every page (its names → text keys).
SCRIPT_WORDS = {
    "search": "table.search", "all": "table.all", "blank": "table.blank", "page": "table.page",
    "rows": "table.rows", "previous": "table.previous", "next": "table.next", "empty": "table.empty",
    "noPlotly": "script.no_plotly", "chartFailed": "script.chart_failed", "tableFailed": "script.table_failed",
    "csvName": "script.csv_name", "csv": "script.csv",
}


def script_words(language: str) -> dict[str, str]:
    """The script's words by its names, each singular beside them ("rows" and "rows.one")."""
    return {name + suffix: TEXTS[key + suffix][language] for name, key in SCRIPT_WORDS.items()
            for suffix in ("", SINGULAR) if key + suffix in TEXTS}


def say(key: str, language: str, /, **params: object) -> str:
    """The words of `key` in `language` with `params` put in as they are (a number too: a limit reads as it
    stands in the settings file)."""
    return translator(language)(key).format(**{name: str(value) for name, value in params.items()})


def counted(key: str, count: object) -> str:
    """The key of the words for `count` of something: the singular for exactly one, where it differs."""
    return key + SINGULAR if count == 1 and key + SINGULAR in TEXTS else key


def translator(language: str):
    """t(key) → the word in `language`; t(key, count) → the words for that count (see SINGULAR). An
    unknown key is a bug, so it raises."""
    def t(key: str, count: object = None) -> str:
        return TEXTS[counted(key, count)][language]
    return t
