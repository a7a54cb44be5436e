"""The allocator setting reaches Polars: it is read once, when Polars loads, so the package must have set it by
then, however the build is started; a user's own setting is left as it is."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from salesboard import ALLOCATOR_DEFAULT, ALLOCATOR_SETTING

ROOT = Path(__file__).resolve().parents[1]

# Runs a build as `python build.py` does and prints the setting as it was when Polars was first imported.
PROBE = f"""
import os, runpy, sys
seen = []
class Probe:
    def find_spec(self, name, path=None, target=None):
        if name == "polars" and not seen:
            seen.append(os.environ.get({ALLOCATOR_SETTING!r}, "<unset>"))
        return None
sys.meta_path.insert(0, Probe())
sys.argv = ["build.py", *sys.argv[1:]]
try:
    runpy.run_path("build.py", run_name="__main__")
except SystemExit:
    pass
print(seen)
"""


def setting_when_polars_loads(tmp_path: Path, own: str | None) -> str:
    environment = {key: value for key, value in os.environ.items() if key != ALLOCATOR_SETTING}
    if own is not None:
        environment[ALLOCATOR_SETTING] = own
    done = subprocess.run([sys.executable, "-c", PROBE, "--input", str(ROOT / "input"), "--output",
                           str(tmp_path / "site"), "--as-of", "2026-11-27", "-q"],
                          cwd=ROOT, env=environment, capture_output=True, text=True, check=True, timeout=300)
    assert (tmp_path / "site" / "index.html").exists()
    return done.stdout.strip().splitlines()[-1]


def test_polars_loads_with_the_setting(tmp_path):
    assert setting_when_polars_loads(tmp_path, None) == repr([ALLOCATOR_DEFAULT])


def test_a_users_own_setting_is_kept(tmp_path):
    assert setting_when_polars_loads(tmp_path, "dirty_decay_ms:0") == repr(["dirty_decay_ms:0"])
