"""Folding text for comparison: German umlauts and ß spelled out (ä → ae), as people type them without."""
from __future__ import annotations

import unicodedata

UMLAUT_SPELLINGS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
_SPELL_OUT = str.maketrans(UMLAUT_SPELLINGS)


def spell_out_umlauts(text: str) -> str:
    """'Jörg Weiß' → 'Joerg Weiss' (lower-case umlauts only; fold case first for capitals)."""
    return text.translate(_SPELL_OUT)


def without_accents(text: str) -> str:
    """'é' → 'e': the accents left after the umlauts are spelled out."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
