"""Salesboard: a static sales dashboard built from the team's Excel workbooks."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("salesboard")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0.0.0+source"
