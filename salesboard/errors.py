"""The exception hierarchy. Only the CLI and the watch loop turn these into messages."""
from __future__ import annotations


class SalesboardError(Exception):
    """Base of every error the product reports to its user."""


class ConfigError(SalesboardError):
    """dashboard.toml or the command line is unusable (exit code 2)."""

    def __init__(self, problems: list[str], language: str | None = None):
        self.problems, self.language = list(problems), language  # the language the problems are told in
        super().__init__("\n".join(self.problems))


class BuildError(SalesboardError):
    """Nothing could be built; the previous site is left untouched (exit code 1)."""


class OutputError(BuildError):
    """The output folder cannot be written (disk full, no permission, read-only, …); exit code 1."""

    def __init__(self, path: str, reason: str, hint: str, message: str):
        self.path, self.reason, self.hint = path, reason, hint
        super().__init__(message)  # all of them, in the site's language
