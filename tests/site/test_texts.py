"""Every word the site shows exists in German and English, and the page script gets all it needs."""
from __future__ import annotations

import re
from pathlib import Path

from salesboard.config import LANGUAGES
from salesboard.site.texts import SCRIPT_WORDS, TEXTS, script_words

SITE_JS = Path(__file__).resolve().parents[2] / "templates" / "assets" / "site.js"


def test_every_text_has_every_language_and_no_empty_word():
    incomplete = {key: sorted(set(LANGUAGES) - set(words)) for key, words in TEXTS.items()
                  if set(words) != set(LANGUAGES)}
    assert incomplete == {}
    assert [key for key, words in TEXTS.items() if not all(word.strip() for word in words.values())] == []


def test_placeholders_agree_between_the_languages():
    def placeholders(text):
        return set(re.findall(r"\{(\w+)\}", text))

    assert {key: words for key, words in TEXTS.items()
            if placeholders(words["de"]) != placeholders(words["en"])} == {}


def test_the_page_script_uses_only_words_the_page_hands_it():
    used = set(re.findall(r"(?:WORDS|this\.labels)\.(\w+)", SITE_JS.read_text(encoding="utf-8")))
    assert used and used <= set(SCRIPT_WORDS)
    assert script_words("en")["next"] == "Next" and script_words("de")["next"] == "Weiter"
