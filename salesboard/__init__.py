"""Salesboard: a static sales dashboard built from the team's Excel workbooks."""
import os
from importlib.metadata import PackageNotFoundError, version

# Polars' allocator (jemalloc) hands freed memory back to the system within half a second by default, so a
# build that makes and drops large columns one after another faults the same pages in again and again (a
# quarter of the customer cards' processor time on a large set was the kernel's). Kept for a few seconds,
# they are reused; a background thread still returns them once the build is done (the watch loop then sits
# idle). Read when Polars loads, so set before any module of the package imports it; a user's own is kept.
ALLOCATOR_SETTING = "_RJEM_MALLOC_CONF"
ALLOCATOR_DEFAULT = "background_thread:true,dirty_decay_ms:5000,muzzy_decay_ms:5000"
os.environ.setdefault(ALLOCATOR_SETTING, ALLOCATOR_DEFAULT)

try:
    __version__ = version("salesboard")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0+source"
