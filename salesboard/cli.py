"""Command line: arguments → Settings → build or watch; errors → messages and exit codes."""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from salesboard import __version__
from salesboard.config import CONFIG_KEYS, DEFAULT_CONFIG, LANGUAGES, Settings, load_config, make_settings
from salesboard.errors import BuildError, ConfigError
from salesboard.site.texts import say

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_POLL_SECONDS = 86_400


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = UsageParser(
        arguments, prog="salesboard",
        description="Build the Salesboard site from the Excel workbooks in the input folder.",
        epilog="dashboard.toml keys: " + "; ".join(f"{key}: {text}" for key, text in CONFIG_KEYS.items()))
    parser.add_argument("--version", action="version", version=f"salesboard {__version__}")
    parser.add_argument("--input", type=Path, metavar="DIR", help="folder of workbooks (default: input)")
    parser.add_argument("--output", type=Path, metavar="DIR", help="folder for the site (default: site)")
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="settings file (default: dashboard.toml if present)")
    parser.add_argument("--as-of", type=parser.in_language(_iso_date), metavar="YYYY-MM-DD",
                        help="compute as of this date (default: today)")
    parser.add_argument("--lang", choices=LANGUAGES, help="page language (default: de)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as failures")
    parser.add_argument("--watch", action="store_true", help="rebuild whenever a workbook is saved")
    parser.add_argument("--poll", type=parser.in_language(_positive_seconds), metavar="SECONDS",
                        help="with --watch: poll every SECONDS instead of file events (network drives)")
    volume = parser.add_mutually_exclusive_group()
    volume.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    volume.add_argument("-v", "--verbose", action="store_true", help="print every problem and timing")
    args = parser.parse_args(arguments)
    if args.poll is not None and not args.watch:
        parser.error(say("cli.poll_without_watch", parser.language))
    return args


def asked_language(arguments: list[str]) -> str:
    """The language of the command line's messages, before it is parsed: --lang's, else the settings file's,
    else German."""
    asked = _option_value(arguments, "--lang")
    if asked in LANGUAGES:
        return asked
    config_file = Path(_option_value(arguments, "--config") or DEFAULT_CONFIG)
    try:
        language = load_config(config_file).get("language") if config_file.is_file() else None
    except (ConfigError, OSError):
        language = None  # told once the arguments are parsed
    return language if language in LANGUAGES else Settings.language


def _option_value(arguments: list[str], option: str) -> str | None:
    """The value given to `option` (`--lang en` or `--lang=en`), the last one when given twice, as argparse
    reads it."""
    value = None
    for number, argument in enumerate(arguments):
        if argument.startswith(option + "="):
            value = argument.partition("=")[2]
        elif argument == option and number + 1 < len(arguments):
            value = arguments[number + 1]
    return value


class UsageParser(argparse.ArgumentParser):
    """argparse with its usage line and its complaints in the site's language, which is looked up (the
    settings file read for it) only when there is something to say."""

    # argparse's complaints (Python's English) → the words saying the same, with how to put it right.
    COMPLAINTS = (
        (re.compile(r"unrecognized arguments: (?P<found>.*)"), "cli.unknown"),
        (re.compile(r"argument (?P<option>\S+): invalid choice: (?P<found>.*) \(choose from (?P<choices>.*)\)"),
         "cli.choice"),
        (re.compile(r"argument (?P<option>\S+): expected one argument"), "cli.value_missing"),
        (re.compile(r"argument (?P<option>\S+): not allowed with argument (?P<other>\S+)"), "cli.exclusive"),
        (re.compile(r"argument (?P<option>\S+): ignored explicit argument (?P<found>.*)"), "cli.no_value"),
        (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"), "cli.ambiguous"),
        (re.compile(r"argument (?P<option>\S+): (?P<text>.*)"), "cli.argument"),  # the types' own words
    )

    def __init__(self, arguments: list[str], **options) -> None:
        super().__init__(**options)
        self.arguments = arguments

    @functools.cached_property
    def language(self) -> str:
        return asked_language(self.arguments)

    def in_language(self, check: Callable[[str, str], object]) -> Callable[[str], object]:
        """An argument's type that checks its text, complaining in the parser's language."""
        return lambda text: check(text, self.language)

    def format_usage(self) -> str:
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=say("cli.usage", self.language))
        return formatter.format_help()

    def error(self, message: str) -> NoReturn:
        for pattern, key in self.COMPLAINTS:
            found = pattern.fullmatch(message)
            if found:
                message = say(key, self.language, **found.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, say("settings.error", self.language, text=message) + "\n")


AS_OF_YEARS = (1900, 2200)  # dates a sales team's workbooks can mean


def _iso_date(text: str, language: str) -> dt.date:
    low, high = AS_OF_YEARS
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.date", language, found=repr(text))) from None
    if not low <= date.year <= high:
        raise argparse.ArgumentTypeError(say("cli.date_range", language, low=low, high=high, found=repr(text)))
    return date


def _positive_seconds(text: str, language: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1
    if not 0 < seconds <= MAX_POLL_SECONDS:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(say("cli.seconds", language, high=MAX_POLL_SECONDS, found=repr(text)))
    return seconds


def settings_from_args(args: argparse.Namespace) -> Settings:
    config_file = args.config or (DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None)
    language = args.lang or Settings.language  # until the settings file tells its own
    if args.config and not args.config.is_file():
        raise ConfigError([say("settings.no_config", language, path=args.config)], language)
    config = load_config(config_file, language) if config_file else {}
    settings = make_settings(
        config, config_file,
        input_dir=args.input, output_dir=args.output, as_of=args.as_of, language=args.lang,
        strict=args.strict or None, verbosity=0 if args.quiet else 2 if args.verbose else 1)
    check_folders(settings)
    return settings


def check_folders(settings: Settings) -> None:
    problems = []
    language, folders = settings.language, {"input": settings.input_dir, "output": settings.output_dir}
    input_dir, output_dir = settings.input_dir.resolve(), settings.output_dir.resolve()
    if not input_dir.is_dir():
        problems.append(say("settings.no_input", language, path=settings.input_dir))
    if output_dir == input_dir or input_dir in output_dir.parents:
        problems.append(say("settings.output_in_input", language, **folders))
    elif output_dir in input_dir.parents:
        problems.append(say("settings.input_in_output", language, **folders))
    if settings.strict and settings.warnings:
        problems += [say("settings.strict", language, warning=warning) for warning in settings.warnings]
    if problems:
        raise ConfigError(problems, language)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        settings = settings_from_args(args)
    except ConfigError as error:
        for line in error.problems:
            print(say("settings.error", error.language or args.lang or Settings.language, text=line),
                  file=sys.stderr)
        return EXIT_USAGE
    for warning in settings.warnings:
        if settings.verbosity:
            print(say("settings.warning", settings.language, text=warning), file=sys.stderr)
    if args.watch:
        from salesboard.watch import watch

        return watch(settings, poll_seconds=args.poll, reload_settings=lambda: settings_from_args(args))
    from salesboard.input.cache import DiskCache, cache_folder
    from salesboard.pipeline import build_site

    try:
        result = build_site(settings, DiskCache(cache_folder(settings.output_dir), settings))
    except BuildError as error:
        print(say("settings.error", settings.language, text=error), file=sys.stderr)
        return EXIT_FAILED
    print_report(result, settings)
    return EXIT_OK


def print_report(result, settings: Settings) -> None:
    if settings.verbosity == 0:
        return
    from salesboard.quality import word

    language = settings.language
    shown = result.problems if settings.verbosity > 1 else [p for p in result.problems if p.severity == "error"]
    for problem in shown:
        print(f"{word(f'severity_word.{problem.severity}', language)}: {problem.text(language)}", file=sys.stderr)
    if settings.verbosity == 1:  # the warnings in one line per kind, with their count
        for line in problem_lines([p for p in result.problems if p.severity == "warning"], language):
            print(line, file=sys.stderr)
    for notice in result.notices:
        print(f"{word('severity_word.notice', language)}: {notice}", file=sys.stderr)
    if any(problem.severity != "notice" for problem in result.problems):
        print(word("console.problems_where", language, {"path": settings.output_dir / "data-quality.html"}),
              file=sys.stderr)
    print(word("console.open", language, {"path": settings.output_dir / "index.html"}))
    print(result.summary_line())
    if settings.verbosity > 1:
        print("stages: " + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in result.timings.items()))


def problem_lines(problems, language: str) -> list[str]:
    """"12 × Warnung: <the first of them>", one line per kind of problem, most frequent first."""
    from salesboard.quality import word

    kinds: dict[str, list] = {}
    for problem in problems:
        kinds.setdefault(problem.message, []).append(problem)
    lines = []
    for group in sorted(kinds.values(), key=len, reverse=True):
        severity, first = word(f"severity_word.{group[0].severity}", language), group[0].text(language)
        lines.append(f"{severity}: {first}" if len(group) == 1 else word(
            "console.problems", language, {"count": len(group), "first": first, "severity": severity}))
    return lines
