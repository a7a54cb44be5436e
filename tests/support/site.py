"""Where the files of a published site are, for tests that read them."""
from __future__ import annotations

from pathlib import Path


def site_file(output_dir: Path, name: str) -> Path:
    """The file `name` (e.g. "follow-ups.html", "data/summary.json") of the site published in `output_dir`."""
    return output_dir / name
