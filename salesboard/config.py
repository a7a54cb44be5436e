"""Settings: defaults, dashboard.toml and the command line, validated all at once."""
from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesboard.domain import (
    ACTIVITY_STAGES,
    CADENCE_DAYS_LIMITS,
    CALLS_PER_DAY_LIMITS,
    DEFAULT_CADENCE_DAYS,
    DORMANT_BELOW_LIMITS,
    LOYAL_MIN_ORDERS_LIMITS,
    OFFER_CHASE_DAYS_LIMITS,
    OFFER_WIN_DAYS_LIMITS,
    Rules,
)
from salesboard.errors import ConfigError
from salesboard.input.headers import ALIASES
from salesboard.site.texts import say

LANGUAGES = ("de", "en")
# Bounds of the settings of how the site is built.
MAX_INPUT_MB_LIMITS = (1, 100_000)
LOCK_WAIT_SECONDS_LIMITS = (0, 3600)
# Looked up in the working directory when --config is not given.
DEFAULT_CONFIG = Path("dashboard.toml")

# Every key dashboard.toml accepts, with its meaning (shown by --help and the README).
CONFIG_KEYS = {
    "language": "page language, de or en",
    "currency": "currency code for amounts, e.g. EUR",
    "company": "company name for the page title",
    "date_format": "pinned strptime format for text dates, e.g. %d/%m/%Y",
    "loyal_min_orders": "orders from which an address is a loyal customer (Z4)",
    "offer_chase_days": "days after an offer before it counts as not chased",
    "offer_win_days": "an offer without a status counts as won when its customer orders within these days (default 60)",
    "cadence_days": "table: days between contacts per segment, e.g. Z1 = 30",
    "calls_per_day": "call-list rows per owner and day, promised calls apart (default 15)",
    "dormant_below": "likelihood below which a call-list candidate goes to the reactivation list (default 0.02)",
    "aliases": "table of tables: extra header names, e.g. [aliases.orders] amount = [\"Summe\"]",
    "columns": "table of tables: pinned header per field, e.g. [columns.orders] amount = \"Netto\"",
    "max_input_mb": "workbooks larger than this many megabytes are refused (default 200)",
    "lock_wait_seconds": "how long a build waits for another build of the same site to finish (default 60)",
}


@dataclass(frozen=True)
class Settings:
    input_dir: Path = Path("input")
    output_dir: Path = Path("site")
    templates_dir: Path = Path("templates")
    config_file: Path | None = None
    as_of: dt.date = field(default_factory=dt.date.today)
    today: dt.date = field(default_factory=dt.date.today)
    language: str = "de"
    currency: str = "EUR"
    company: str = ""
    date_format: str | None = None
    loyal_min_orders: int = 3
    offer_chase_days: int = 7
    offer_win_days: int = 60
    calls_per_day: int = 15
    dormant_below: float = 0.02
    cadence_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_CADENCE_DAYS))
    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    max_input_mb: int = 200
    lock_wait_seconds: float = 60.0
    strict: bool = False
    verbosity: int = 1  # 0 quiet, 1 normal, 2 verbose
    warnings: tuple[str, ...] = ()  # config warnings (unknown keys); fatal with --strict

    @property
    def rules(self) -> Rules:
        """The thresholds the metrics work with."""
        return Rules(loyal_min_orders=self.loyal_min_orders, cadence_days=dict(self.cadence_days),
                     offer_chase_days=self.offer_chase_days, offer_win_days=self.offer_win_days,
                     calls_per_day=self.calls_per_day,
                     dormant_below=self.dormant_below)


def load_config(path: Path, language: str = Settings.language) -> dict[str, Any]:
    """The settings in the file at `path`; what is wrong with it said in `language` (the file's own choice of
    language is not known before it is read)."""
    try:
        text = _config_text(path, path.read_bytes(), language)
        return tomllib.loads(text)
    except OSError as error:
        raise ConfigError([say("settings.unreadable", language, path=path, reason=error.strerror or error)],
                          language) from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError([toml_problem(str(error), path, language)], language) from error


# What tomllib says is wrong, by how its message begins, as the site's words (which also say how to fix it).
_TOML_REASONS = {
    "Expected '=' after a key": "equals", "Invalid value": "value", "Unterminated string": "string",
    "Illegal character '\\n'": "string", "Unescaped '\\' in a string": "backslash", "Unclosed array": "list",
    "Cannot overwrite a value": "twice", "Cannot declare": "twice", "Invalid statement": "statement",
    "Expected ']' at the end of a table declaration": "section", "Invalid initial character for a key part": "name",
    "Expected newline or end of document": "newline",
}
_TOML_POSITION = re.compile(r" \((?:at line (\d+), column (\d+)|at end of document)\)$")


def toml_problem(message: str, path: Path, language: str) -> str:
    """tomllib's `message` about the file at `path` in `language`: where (line and column), what is wrong and how
    to fix it; a message not known here is given as it is, with a general hint."""
    position = _TOML_POSITION.search(message)
    reason = message[:position.start()] if position else message
    kind = next((kind for start, kind in _TOML_REASONS.items() if reason.startswith(start)), None)
    what = say(f"settings.toml.{kind}", language) if kind else say("settings.toml.other", language, reason=reason)
    if position is None:
        where = ""
    elif position.group(1) is None:
        where = say("settings.toml.at_end", language)
    else:
        where = say("settings.toml.at", language, line=position.group(1), column=position.group(2))
    return say("settings.not_toml", language, path=path, where=where, what=what)


def _config_text(path: Path, data: bytes, language: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 ("ANSI", as older Notepad saves)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", "replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = "\0"
    if "\0" in text or "\ufffd" in text:
        raise ConfigError([say("settings.no_text", language, path=path)], language)
    return text.removeprefix("\ufeff")


def make_settings(config: dict[str, Any], config_file: Path | None = None, **overrides: Any) -> Settings:
    """Defaults ← dashboard.toml ← command-line overrides; every problem reported at once, in the language
    the site is built in (the command line's, else the file's, else German)."""
    errors: list[str] = []
    warnings: list[str] = []
    where = f"{config_file}: " if config_file else ""
    values: dict[str, Any] = {}
    language = overrides.get("language") or (config.get("language") if config.get("language") in LANGUAGES
                                              else Settings.language)

    def label(key: str) -> str:
        return say("settings.label", language, where=where, key=key)

    def expect(key: str, kind: type, check=lambda value: True, hint: str = "settings.expect.text", **limits) -> None:
        if key not in config:
            return
        value = config[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int or not check(value):
            errors.append(say("settings.value", language, label=label(key), found=repr(value),
                              expected=say(hint, language, **limits)))
        else:
            values[key] = value

    def expect_whole(key: str, limits: tuple[int, int], unit: str | None = None) -> None:
        low, high = limits
        expect(key, int, lambda value: low <= value <= high, "settings.expect.whole", low=low, high=high,
               unit=say(f"settings.unit.{unit}", language) if unit else "")

    for key in sorted(set(config) - set(CONFIG_KEYS)):
        warnings.append(say("settings.unknown_key", language, where=where, key=key, keys=", ".join(CONFIG_KEYS)))
    expect("language", str, lambda v: v in LANGUAGES, "settings.expect.language")
    expect("currency", str, lambda v: len(v) == 3 and v.isalpha(), "settings.expect.currency")
    expect("company", str)
    expect("date_format", str, lambda v: "%" in v, "settings.expect.date_format")
    expect_whole("loyal_min_orders", LOYAL_MIN_ORDERS_LIMITS)
    expect_whole("offer_chase_days", OFFER_CHASE_DAYS_LIMITS, "days")
    expect_whole("offer_win_days", OFFER_WIN_DAYS_LIMITS, "days")
    expect_whole("max_input_mb", MAX_INPUT_MB_LIMITS, "megabytes")
    low, high = LOCK_WAIT_SECONDS_LIMITS
    expect("lock_wait_seconds", (int, float), lambda v: not isinstance(v, bool) and low <= v <= high,
           "settings.expect.seconds", low=low, high=high)
    expect_whole("calls_per_day", CALLS_PER_DAY_LIMITS, "calls")
    low, high = DORMANT_BELOW_LIMITS
    expect("dormant_below", (int, float), lambda v: not isinstance(v, bool) and low <= v <= high,
           "settings.expect.likelihood", low=low, high=high)
    if "dormant_below" in values:
        values["dormant_below"] = float(values["dormant_below"])
    if "cadence_days" in config:
        cadence = config["cadence_days"]
        low, high = CADENCE_DAYS_LIMITS
        if not isinstance(cadence, dict) or any(
                key not in DEFAULT_CADENCE_DAYS or not isinstance(days, int) or isinstance(days, bool)
                or not low <= days <= high for key, days in cadence.items()):
            example = ", ".join(f"{segment} = {days}" for segment, days in DEFAULT_CADENCE_DAYS.items())
            errors.append(say("settings.value", language, label=label("cadence_days"), found=repr(cadence),
                              expected=say("settings.expect.cadence", language, low=low, high=high,
                                           example="{" + example + "}")))
        else:
            values["cadence_days"] = {**DEFAULT_CADENCE_DAYS, **cadence}
    for key, kind in (("aliases", list), ("columns", str)):
        if key in config:
            parsed = _field_table(config[key], kind, key, label(key), errors, language)
            if parsed is not None:
                values[key] = parsed
    if errors:
        raise ConfigError(errors, language)
    merged = {**values, **{key: value for key, value in overrides.items() if value is not None}}
    return Settings(config_file=config_file, warnings=tuple(warnings), **merged)


def _field_table(value: Any, kind: type, key: str, label: str, errors: list[str], language: str) -> dict | None:
    """Validate [aliases.TABLE] / [columns.TABLE] (the setting `key`, shown as `label`): known tables and
    fields, right value types."""
    if not isinstance(value, dict):
        errors.append(say("settings.not_tables", language, label=label, name=key, found=repr(value)))
        return None
    parsed: dict[str, dict] = {}
    # Activity types take extra words per stage, e.g. [aliases.activity_types] meeting = ["Messegespräch"].
    known = {**ALIASES, "activity_types": ACTIVITY_STAGES[:-1]} if kind is list else ALIASES
    for table, fields in value.items():
        if table not in known or not isinstance(fields, dict):
            errors.append(say("settings.unknown_table", language, label=label, table=table, known=", ".join(known)))
            continue
        for name, entry in fields.items():
            if name not in known[table]:
                errors.append(say("settings.unknown_field", language, label=label, table=table, name=name,
                                  fields=", ".join(known[table])))
            elif kind is list and not (isinstance(entry, list) and all(isinstance(e, str) for e in entry)):
                errors.append(say("settings.header_list", language, label=label, table=table, name=name,
                                  found=repr(entry)))
            elif kind is str and not isinstance(entry, str):
                errors.append(say("settings.header_one", language, label=label, table=table, name=name,
                                  found=repr(entry)))
            else:
                parsed.setdefault(table, {})[name] = entry
    return parsed


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so builds can be reproduced byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime.now().replace(microsecond=0)
