"""One build at a time per output folder: a lock file inside it, held for the whole build.

The lock is an operating-system lock (flock on POSIX, LockFileEx on Windows, through the
`filelock` package), so it goes away with its process: a build that was killed leaves no
lock behind that the next one has to break. Who holds the lock (host, process ID, start
time) is written beside it, so that a build that gives up waiting can name the holder.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from salesboard.errors import BuildError
from salesboard.site.formatting import DATE_FORMATS, fmt_seconds
from salesboard.site.texts import say

LOCK_FILE = ".salesboard.lock"
HOLDER_FILE = ".salesboard.lock.holder"


@contextmanager
def build_lock(output_dir: Path, wait_seconds: float, language: str = "de") -> Iterator[None]:
    """Hold the output folder's lock, waiting up to `wait_seconds` for another build to finish; if it does
    not, say so in `language`."""
    lock = FileLock(output_dir / LOCK_FILE, timeout=wait_seconds)
    try:
        lock.acquire()
    except Timeout:
        raise BuildError(say("lock.busy", language, path=output_dir, holder=holder_text(output_dir, language),
                             seconds=fmt_seconds(wait_seconds, language))) from None
    try:
        _write_holder(output_dir)
        yield
    finally:
        (output_dir / HOLDER_FILE).unlink(missing_ok=True)  # a finished build leaves no trace
        lock.release()


def holder_text(output_dir: Path, language: str = "de") -> str:
    """'Rechner pc-anna, Prozess 4711, gestartet 01.12.2026 09:14:02', or what is known of it."""
    try:
        holder = json.loads((output_dir / HOLDER_FILE).read_text(encoding="utf-8"))
        started = dt.datetime.fromisoformat(holder["started"])
        return say("lock.holder", language, host=holder["host"], pid=holder["pid"],
                   started=started.strftime(f"{DATE_FORMATS[language]} %H:%M:%S"))
    except (OSError, ValueError, KeyError, TypeError):
        return say("lock.holder_unknown", language)


def _write_holder(output_dir: Path) -> None:
    holder = {"host": socket.gethostname(), "pid": os.getpid(),
              "started": dt.datetime.now().replace(microsecond=0).isoformat()}
    temporary = output_dir / f"{HOLDER_FILE}.new"
    temporary.write_text(json.dumps(holder), encoding="utf-8")
    os.replace(temporary, output_dir / HOLDER_FILE)
