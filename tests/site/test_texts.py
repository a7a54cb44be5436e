"""Every word the site shows exists in German and English, and the page script gets all it needs."""
from __future__ import annotations

import re
from pathlib import Path

from salesboard.config import LANGUAGES
from salesboard.site.texts import SCRIPT_WORDS, SINGULAR, TEXTS, script_words

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


def test_every_word_is_used():
    """A key is used when its name appears in the code or the templates, when it is a column's heading
    (c.column("key")), a word of the customer card's script (WORDS.name, or its name in a list), or when its group is looked up
    by a computed name (f"hover.{key}", 'intro.' ~ page.key, a group name handed on such as "call.group")."""
    root = SITE_JS.parents[2]
    code = "\n".join(path.read_text(encoding="utf-8") for pattern in ("salesboard/**/*.py", "templates/**/*.html",
                                                                       "templates/**/*.js")
                     for path in sorted(root.glob(pattern)))
    code = re.sub(r"""^\s*["'][^"'\n]+["']\s*:\s*\{""", "", code, flags=re.M)  # where the words are defined
    card_js = (root / "templates" / "assets" / "card.js").read_text(encoding="utf-8")
    computed = set(re.findall(r"""f["']([\w.]+)\.\{""", code)) | set(re.findall(r"""["']([\w.]+)\.["']\s*[~+]""", code))
    computed -= {"col", "card"}  # each heading and each card word is looked up by its own name

    def used(key: str) -> bool:
        base = key.removesuffix(SINGULAR)
        group, _, name = base.rpartition(".")
        short = base.removeprefix("card.")
        return bool(re.search(rf"""["']{re.escape(base)}["']""", code)
                    or group == "col" and re.search(rf"""column\(["']{re.escape(name)}["']""", code)
                    or base.startswith("card.") and re.search(rf"""WORDS\.{re.escape(short)}\b|["']{re.escape(short)}["']""",
                                                              card_js)
                    or any(name.startswith(prefix + ".") for name in (base, short) for prefix in computed)
                    or "." in group and re.search(rf"""["']{re.escape(group)}["']""", code))

    assert [key for key in TEXTS if not used(key)] == []
