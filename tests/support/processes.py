"""Builds as separate processes: as this user, as an unprivileged one, with limits, or holding the lock."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAIN = ("import site, sys; site.addsitedir({packages!r}); sys.path.insert(0, {checkout!r}); "
        "from salesboard.cli import main; sys.exit(main(sys.argv[1:]))")
CHECKOUT = str(Path(__file__).resolve().parents[2])  # the checkout these tests belong to
PACKAGES = sysconfig.get_paths()["purelib"]
NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def build_command(python: str = sys.executable) -> list[str]:
    return [python, "-c", MAIN.format(packages=PACKAGES, checkout=CHECKOUT)]


def run_build(*arguments: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run([*build_command(), *arguments], capture_output=True, text=True, timeout=180, **options)


@contextmanager
def python_for_nobody() -> Iterator[str]:
    """A Python the user nobody may run: this one, or, when it lies in a folder nobody may not enter
    (such as /root/.pyenv), the same installation bind-mounted at a place nobody can reach."""
    if subprocess.run([*NOBODY, sys.executable, "-c", "import polars"], capture_output=True).returncode == 0:
        yield sys.executable
        return
    prefix = Path(sys.base_prefix)
    with tempfile.TemporaryDirectory() as mount_point:
        os.chmod(mount_point, 0o755)
        subprocess.run(["mount", "--bind", "-o", "ro", str(prefix), mount_point], check=True)
        try:
            real = Path(os.path.realpath(sys.executable))
            yield str(Path(mount_point) / real.relative_to(prefix))
        finally:
            subprocess.run(["umount", mount_point], check=True)


def run_build_as_nobody(python: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([*NOBODY, *build_command(python), *arguments], capture_output=True, text=True,
                          timeout=180, cwd="/", env={"PATH": os.environ["PATH"], "HOME": "/", "LANG": "C.UTF-8"})


HOLD_LOCK = """
import sys, time
from pathlib import Path
from salesboard.publish.lock import build_lock
with build_lock(Path(sys.argv[1]), 0):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


@contextmanager
def lock_holder(output_dir: Path, seconds: float = 600) -> Iterator[subprocess.Popen]:
    """Another process holding the build lock of `output_dir`, as a running build would."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(output_dir), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
