"""Where the files of a published site are, for tests that read them."""
from __future__ import annotations

from pathlib import Path

from salesboard.publish.swap import current_build


def site_file(output_dir: Path, name: str) -> Path:
    """The file `name` (e.g. "follow-ups.html", "data/summary.json") of the build the site in
    `output_dir` shows now: the entry pages only forward to it."""
    build = current_build(output_dir)
    assert build is not None, f"{output_dir} holds no published build"
    return build / name
