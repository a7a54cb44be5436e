"""Write a small static site that exercises site.js and site.css.

The page is tests/browser/fixture_page.html; its embedded JSON (charts and
tables) can be replaced by id, so a test can put 5,000 generated rows into the
follow-up table. Run `python tests/browser/browser_fixture.py OUTDIR` to write
a demo site to open in a browser.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from salesboard.site.render import plotly_js
from salesboard.site.texts import script_words

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parents[1] / "templates" / "assets"
PAGE = HERE / "fixture_page.html"

XSS_SCRIPT = '<script>alert("xss")</script>'
XSS_IMG = '"><img src=x onerror=alert(1)>'
SEGMENTS = ["Z0", "Z1", "Z2", "Z3", "Z4"]
OWNERS = ["Müller", "Özdemir", "Schmidt", "Weber"]
TABLE_ID = "tbl-followups"
COLUMNS = [
    {"label": "Firma", "kind": "text", "filter": False, "align": "left"},
    {"label": "Segment", "kind": "text", "filter": True, "align": "left"},
    {"label": "Betreuer", "kind": "text", "filter": True, "align": "left"},
    {"label": "Umsatz", "kind": "number", "filter": False, "align": "right"},
    {"label": "Fällig am", "kind": "date", "filter": False, "align": "right"},
    {"label": "Notiz", "kind": "text", "filter": False, "align": "left"},
]
AMOUNT_COLUMN = 3


@dataclass(frozen=True)
class FixtureSite:
    """Where the fixture page was written and the table rows it holds."""

    index: Path
    rows: list

    @property
    def url(self) -> str:
        return self.index.as_uri()


def german_amount(value: float) -> str:
    text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{text} €"


def company_name(index: int) -> str:
    """Mostly plain names; a few rows hold markup that must show literally."""
    if index == 3:
        return XSS_SCRIPT
    if index == 7:
        return XSS_IMG
    return f"Firma {index:04d} GmbH"


def note(index: int) -> str:
    """Empty, short or long enough to wrap."""
    if index % 10 == 1:
        return ("Kunde wünscht ein neues Angebot für die Frühjahrsaktion; Preise mit "
                "Rabattstaffel abstimmen und vor dem nächsten Besuch zusenden.")
    return "Angebot nachfassen" if index % 3 else ""


def make_rows(count: int, seed: int = 7) -> list:
    """Follow-up rows: text cells, amount and date cells as [display, key]."""
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    rows = []
    for i in range(count):
        if i % 97 == 5:
            amount = ["–", None]  # no amount: sorts last
        else:
            value = round(rng.uniform(10, 250_000), 2)
            amount = [german_amount(value), value]
        due = start + timedelta(days=rng.randrange(330))
        rows.append([
            company_name(i),
            SEGMENTS[i % len(SEGMENTS)],
            OWNERS[i % len(OWNERS)],
            amount,
            [due.strftime("%d.%m.%Y"), due.isoformat()],
            note(i),
        ])
    return rows


def table_spec(rows: list, page_size: int = 50) -> dict:
    return {"columns": COLUMNS, "rows": rows, "page_size": page_size}


def script_json(value) -> str:
    """JSON that cannot end its <script> element early (as Jinja's tojson)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def replace_json(html: str, element_id: str, value) -> str:
    pattern = re.compile(
        r'(<script type="application/json" id="' + re.escape(element_id) + r'">)(.*?)(</script>)',
        re.DOTALL,
    )
    html, count = pattern.subn(lambda m: m.group(1) + script_json(value) + m.group(3), html)
    if count != 1:
        raise ValueError(f"fixture page has no JSON element with id {element_id!r}")
    return html


def write_fixture_site(
    dest: Path,
    *,
    rows: int | list = 5000,
    with_plotly: bool = True,
    json_by_id: dict | None = None,
    raw_json_by_id: dict | None = None,
    language: str = "de",
) -> FixtureSite:
    """Copy the assets to dest/assets and write dest/index.html.

    rows: how many follow-up rows to generate, or the rows themselves.
    json_by_id: other embedded JSON to replace, by element id.
    language: the page's language, and so the words the script shows.
    raw_json_by_id: element text to put in verbatim (e.g. broken JSON).
    """
    assets = dest / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("site.js", "site.css"):
        shutil.copyfile(ASSETS / name, assets / name)
    if with_plotly:
        shutil.copyfile(plotly_js(), assets / "plotly.min.js")

    table_rows = make_rows(rows) if isinstance(rows, int) else rows
    html = PAGE.read_text(encoding="utf-8")
    html = replace_json(html, TABLE_ID, table_spec(table_rows))
    html = replace_json(html, "script-words", script_words(language)).replace(
        '<html lang="de">', f'<html lang="{language}">')
    for element_id, value in (json_by_id or {}).items():
        html = replace_json(html, element_id, value)
    for element_id, text in (raw_json_by_id or {}).items():
        pattern = re.compile(r'(id="' + re.escape(element_id) + r'">)(.*?)(</script>)', re.DOTALL)
        html = pattern.sub(lambda m: m.group(1) + text + m.group(3), html)
    index = dest / "index.html"
    index.write_text(html, encoding="utf-8")
    return FixtureSite(index=index, rows=table_rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/browser/browser_fixture.py OUTDIR")
    site = write_fixture_site(Path(sys.argv[1]))
    print(site.url)
