"""Stage three: metrics → page models (pages, charts, words, formats) → HTML in a staging folder."""
