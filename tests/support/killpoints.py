"""Run a build that kills itself (SIGKILL, as `kill -9` or a power cut would) at its n-th change to the disk.

    python tests/support/killpoints.py COUNT_FILE N -- salesboard arguments…

Every call that changes the file system (os.replace, os.rename, os.unlink, os.rmdir, os.mkdir,
opening a file for writing) is counted; at call N the process kills itself before the call
is made. With N = 0 nothing is killed, and COUNT_FILE receives one line per call, "stage
what path", the stage being "publish" inside publish_site() and "build" elsewhere.
"""
from __future__ import annotations

import builtins
import io
import os
import signal
import sys
import threading
from pathlib import Path

_lock = threading.Lock()
_calls: list[str] = []
_stage = ["build"]


def _counted(name, function, path_argument=0, writes=lambda *args, **kwargs: True):
    def wrapper(*args, **kwargs):
        if writes(*args, **kwargs):
            with _lock:
                _calls.append(f"{_stage[0]} {name} {args[path_argument] if args else ''}")
                if len(_calls) == KILL_AT:
                    os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return wrapper


def _opens_for_writing(file, mode="r", *args, **kwargs):
    return any(flag in mode for flag in "wax+")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout these tests belong to
    count_file, kill_at, separator, *arguments = sys.argv[1:]
    assert separator == "--"
    KILL_AT = int(kill_at)
    for name in ("replace", "rename", "unlink", "rmdir", "mkdir"):
        setattr(os, name, _counted(f"os.{name}", getattr(os, name)))
    _real_open = io.open
    builtins.open = io.open = _counted("open", io.open, writes=_opens_for_writing)

    import salesboard.pipeline as pipeline
    import salesboard.publish.swap as swap

    real_publish = swap.publish_site

    def publish(*args, **kwargs):
        _stage[0] = "publish"
        try:
            return real_publish(*args, **kwargs)
        finally:
            _stage[0] = "build"

    pipeline.publish_site = publish
    from salesboard.cli import main

    code = main(arguments)
    if KILL_AT == 0:
        with _real_open(count_file, "w", encoding="utf-8") as handle:
            handle.write("\n".join(_calls) + "\n")
    sys.exit(code)
