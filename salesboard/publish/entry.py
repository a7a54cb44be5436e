"""The two kinds of small file that tie the output folder to its current build.

- The pointer script `.builds/current.js` names the current build and its pages. It is a
  script, not JSON, because a page opened from disk (file://) may load a script but may
  not fetch a file.
- An entry page (`index.html`, `follow-ups.html`, …) loads the pointer and opens the page
  of the same name in that build, keeping the URL hash (`#owner=Anna%20Becker`). Its
  text does not depend on the build, so builds never need to change it.
"""
from __future__ import annotations

import html
import json
import re

from salesboard.site.texts import translator

POINTER_VARIABLE = "salesboardBuild"
_POINTER = re.compile(r"window\." + POINTER_VARIABLE + r" = (\{.*\});", re.DOTALL)

_ENTRY_SCRIPT = """(function () {
  var build = window.%(variable)s, page = %(page)s;
  if (!build || typeof build.id !== 'string') {
    document.addEventListener('DOMContentLoaded', function () {
      document.getElementById('opening').hidden = true;
      document.getElementById('no-build').hidden = false;
    });
    return;
  }
  if (build.pages.indexOf(page) < 0) {
    page = build.pages[0];
  }
  location.replace('%(builds)s/' + encodeURIComponent(build.id) + '/' + page + '.html' + location.hash);
}());"""


def pointer_script(build_id: str, previous_id: str | None, pages: list[str]) -> str:
    record = json.dumps({"id": build_id, "previous": previous_id, "pages": pages}, ensure_ascii=True)
    return (f"/* The build the entry pages open; every build replaces this file in one step. */\n"
            f"window.{POINTER_VARIABLE} = {record};\n")


def read_pointer(text: str) -> dict | None:
    """What pointer_script() wrote, or None for anything else."""
    match = _POINTER.search(text)
    try:
        record = json.loads(match.group(1)) if match else None
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    return record


def entry_page(page: str, builds_folder: str, language: str) -> str:
    """The entry page for `page` (a slug such as "follow-ups")."""
    t = translator(language)
    script = _ENTRY_SCRIPT % {"variable": POINTER_VARIABLE, "page": json.dumps(page), "builds": builds_folder}
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{html.escape(t("site.title"))}</title>\n'
            f'<script src="{builds_folder}/current.js"></script>\n<script>\n{script}\n</script>\n</head>\n<body>\n'
            f'<p id="opening">{html.escape(t("entry.opening"))}</p>\n'
            f'<p id="no-build" hidden>{html.escape(t("entry.no_build"))}</p>\n'
            f'<noscript><p>{html.escape(t("entry.no_script"))}</p></noscript>\n</body>\n</html>\n')
