"""`--watch`: build once, then rebuild whenever a workbook, a template or the settings file changes.

File events are only hints. After a hint the loop waits until the watched files stay
the same for the debounce time, compares names, sizes and modification times with
those of the last build, and rebuilds once if anything differs. A full rescan every
so often catches what events missed; with `--poll` rescans replace events altogether,
since network shares report no events for changes made by other machines.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from salesboard.config import DEFAULT_CONFIG, Settings
from salesboard.errors import ConfigError, SalesboardError
from salesboard.input.cache import DiskCache, cache_folder, reading_fingerprint
from salesboard.input.discover import discover_workbooks, file_signature
from salesboard.pipeline import BuildResult, build_site
from salesboard.quality import word
from salesboard.site.formatting import fmt_number, fmt_seconds
from salesboard.site.texts import say

FALLBACK_POLL_SECONDS = 5.0
# Our own reading opens and closes workbooks; those events say nothing changed.
_READ_ONLY_EVENTS = {"opened", "closed_no_write"}


@dataclass(frozen=True)
class Timing:
    debounce: float = 1.0  # the files must stay unchanged this long before a rebuild
    full_rescan: float = 60.0  # rescan this often in case events were missed
    poll: float | None = None  # rescan this often instead of listening to file events
    folder_retry: float = 2.0  # while the input folder is gone, look for it this often


@dataclass(frozen=True)
class Snapshot:
    """Size and modification time (ns) of every watched file, by a name for the log."""

    files: dict[str, tuple[int, int]]

    def changes_since(self, before: Snapshot | None, language: str) -> str:
        old = before.files if before else {}
        changes = ([say("watch.changed", language, name=name) for name in sorted(old.keys() & self.files)
                    if old[name] != self.files[name]]
                   + [say("watch.added", language, name=name) for name in sorted(self.files.keys() - old)]
                   + [say("watch.removed", language, name=name) for name in sorted(old.keys() - self.files)])
        if len(changes) > 3:
            changes = changes[:3] + [say("watch.more_changes", language, count=len(changes) - 3)]
        return ", ".join(changes)


def scan(settings: Settings, config_file: Path) -> Snapshot | None:
    """The watched files as they are now; None while the input folder cannot be listed."""
    try:
        paths = {path.name: path for path in discover_workbooks(settings.input_dir)}
    except OSError:
        return None
    paths.update(_template_files(settings.templates_dir))
    paths[config_file.name] = config_file
    files = {name: signature for name, path in paths.items() if (signature := file_signature(path))}
    return Snapshot(files)


def _template_files(folder: Path) -> dict[str, Path]:
    try:
        found = [path for path in folder.rglob("*") if path.is_file()]
    except OSError:
        return {}
    # Editors save through backup and swap files; only the real templates count.
    return {f"{folder.name}/{path.relative_to(folder).as_posix()}": path for path in found
            if not path.name.startswith((".", "~", "#")) and not path.name.endswith(("~", ".swp", ".tmp"))}


def _folder_identity(folder: Path) -> tuple[int, int] | None:
    try:
        status = folder.stat()
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISDIR(status.st_mode) else None


def _wait(event: threading.Event, seconds: float) -> bool:
    """Event.wait in slices of at most a second: on Windows a long wait holds Ctrl-C back until it ends."""
    deadline = time.monotonic() + seconds
    while not event.is_set():
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        event.wait(min(left, 1.0))
    return True


def print_line(text: str) -> None:
    print(f"{dt.datetime.now():%H:%M:%S} {text}", flush=True)


def build_line(result: BuildResult, reason: str | None, language: str) -> str:
    """What changed, time taken, problem counts, the errors of the workbooks read again, and notices."""
    errors = [problem for problem in result.problems if problem.severity == "error"]
    if reason:
        line = say("watch.rebuilt", language, reason=reason, seconds=fmt_number(result.seconds, language, 1),
                   errors=word("console.errors", language, {"count": len(errors)}),
                   warnings=word("console.warnings", language, {"count": len(result.problems) - len(errors)}))
    else:
        line = result.summary_line()
    new_errors = [problem.text(language) for problem in errors if problem.file in result.reread]
    if len(new_errors) > 3:
        new_errors = new_errors[:3] + [say("watch.more_errors", language, count=len(new_errors) - 3)]
    return "; ".join((line, *new_errors, *result.notices))


class Watcher:
    """The watch loop. `run()` blocks until `stop()` is called (from another thread) or Ctrl-C."""

    def __init__(self, settings: Settings, *, timing: Timing = Timing(), build=build_site,
                 reload_settings: Callable[[], Settings] | None = None,
                 today: Callable[[], dt.date] = dt.date.today, log: Callable[[str], None] = print_line):
        self.settings = settings
        self._timing, self._build, self._reload, self._today, self._log = timing, build, reload_settings, today, log
        self._config_file = settings.config_file or DEFAULT_CONFIG
        # On disk as in one-shot builds: a restarted watcher parses only what changed meanwhile.
        self._cache = DiskCache(cache_folder(settings.output_dir), settings)
        self._hint, self._stopping = threading.Event(), threading.Event()
        self._observer = None
        self._observed_folder: tuple[int, int] | None = None
        self._folder_gone = False
        self._built: Snapshot | None = None
        self._built_day: dt.date | None = None
        self._bugs_shown: set[str] = set()

    def stop(self) -> None:
        self._stopping.set()
        self._hint.set()

    def run(self) -> None:
        try:
            self._start_observer()
            if self._check_folder():
                self._rebuild(scan(self.settings, self._config_file), None)
            language = self.settings.language
            how = (say("watch.polling", language, seconds=fmt_seconds(self._timing.poll, language))
                   if self._timing.poll else
                   say("watch.events", language, seconds=fmt_seconds(self._timing.full_rescan, language)))
            self._info(say("watch.watching", language, input=self.settings.input_dir,
                           templates=self.settings.templates_dir, config=self._config_file, how=how))
            while not self._stopping.is_set():
                self._step()
        finally:
            self._stop_observer()

    def _step(self) -> None:
        timing = self._timing
        _wait(self._hint, timing.folder_retry if self._folder_gone else timing.poll or timing.full_rescan)
        if self._stopping.is_set() or not self._check_folder():
            return
        if self._hint.is_set() or scan(self.settings, self._config_file) != self._built:
            snapshot = self._quiet_snapshot()
        else:
            snapshot = self._built
        if snapshot is None:
            self._check_folder()  # gone meanwhile? say so now, not at the next rescan
            return
        if snapshot != self._built:
            self._rebuild(snapshot, snapshot.changes_since(self._built, self.settings.language))
        elif self._today() != self._built_day:  # the as-of date moves on even when no file does
            self._rebuild(snapshot, say("watch.date_changed", self.settings.language))

    def _quiet_snapshot(self) -> Snapshot | None:
        """Wait until no event came and no file changed for the debounce time (None: stopped or folder gone)."""
        while True:
            self._hint.clear()
            before = scan(self.settings, self._config_file)
            if _wait(self._hint, self._timing.debounce):  # an event (or stop): the quiet time starts anew
                if self._stopping.is_set():
                    return None
                continue
            after = scan(self.settings, self._config_file)
            if after is None or after == before:
                return after

    def _rebuild(self, snapshot: Snapshot | None, reason: str | None) -> None:
        # What was seen is marked as built even when the build fails: the next change tries again.
        self._built, self._built_day = snapshot, self._today()
        language = self.settings.language
        when = say("watch.after", language, reason=reason) if reason else say("watch.at_start", language)
        try:
            result = self._build(self._current_settings(), self._cache)
        except SalesboardError as error:
            text = "; ".join(error.problems) if isinstance(error, ConfigError) else str(error)
            self._log(say("watch.not_updated", language, when=when, text=text))
            return
        except Exception as error:  # a bug: report it, keep the last good site and keep watching
            unexpected = say("watch.unexpected", language, kind=type(error).__name__, error=error)
            self._log(say("watch.not_updated", language, when=when, text=unexpected))
            if repr(error) not in self._bugs_shown:
                self._bugs_shown.add(repr(error))
                self._log(traceback.format_exc().rstrip())
            return
        self._info(build_line(result, reason, self.settings.language))

    def _current_settings(self) -> Settings:
        """Settings as dashboard.toml says now, with the command line's overrides; a new cache if reading changed."""
        if self._reload is None:
            return self.settings
        fresh = self._reload()
        for warning in sorted(set(fresh.warnings) - set(self.settings.warnings)):
            self._log(say("settings.warning", fresh.language, text=warning))
        if reading_fingerprint(fresh) != reading_fingerprint(self.settings):  # the cached tables no longer apply
            self._cache = DiskCache(cache_folder(fresh.output_dir), fresh)
        self.settings = fresh
        return fresh

    def _check_folder(self) -> bool:
        """Is the input folder there? Logs once when it goes and when it is back, and watches it anew."""
        identity = _folder_identity(self.settings.input_dir)
        if identity is None:
            if not self._folder_gone:
                self._folder_gone = True
                self._stop_observer()
                language = self.settings.language
                self._log(say("watch.folder_gone", language, path=self.settings.input_dir,
                              seconds=fmt_seconds(self._timing.folder_retry, language)))
            return False
        if self._folder_gone:
            self._folder_gone = False
            self._info(say("watch.folder_back", self.settings.language, path=self.settings.input_dir))
            self._hint.set()
        if self._timing.poll is None and identity != self._observed_folder:
            # A folder removed and made again is a new folder: the old watch sees nothing in it.
            self._stop_observer()
            self._start_observer()
            self._hint.set()
        return True

    def _start_observer(self) -> None:
        if self._timing.poll is not None:
            return
        from watchdog.observers import Observer

        identity = _folder_identity(self.settings.input_dir)
        observer = Observer()
        observer.start()
        try:
            observer.schedule(_Hint(self._hint), str(self.settings.input_dir))
        except OSError as error:
            observer.stop()
            observer.join()
            if _folder_identity(self.settings.input_dir) is not None:  # else _check_folder waits for it
                self._fall_back_to_polling(error)
            return
        self._observer, self._observed_folder = observer, identity
        for folder, recursive, handler in self._more_watches():
            try:
                observer.schedule(handler, folder, recursive=recursive)
            except OSError:
                pass  # these only make changes show sooner; the full rescan finds them all the same

    def _more_watches(self) -> list[tuple[str, bool, _Hint]]:
        """The templates folder, and the folders holding the settings file and the input folder,
        the latter so that the input folder going or coming back is seen at once."""
        watches = [(str(self.settings.templates_dir), True, _Hint(self._hint))]
        by_parent: dict[str, set[str]] = {}
        for path in (self._config_file, self.settings.input_dir):
            absolute = os.path.abspath(path)
            by_parent.setdefault(os.path.dirname(absolute), set()).add(absolute)
        return watches + [(parent, False, _Hint(self._hint, only)) for parent, only in by_parent.items()]

    def _fall_back_to_polling(self, error: OSError) -> None:
        """When the system gives no file events, e.g. because its limit of inotify watches is reached."""
        self._timing = replace(self._timing, poll=FALLBACK_POLL_SECONDS)
        language = self.settings.language
        self._log(say("watch.no_events", language, error=error,
                      seconds=fmt_seconds(FALLBACK_POLL_SECONDS, language)))

    def _stop_observer(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join()
        self._observer, self._observed_folder = None, None

    def _info(self, text: str) -> None:
        if self.settings.verbosity:
            self._log(text)


class _Hint(FileSystemEventHandler):
    """Turns file events into the one flag the loop waits on."""

    def __init__(self, hint: threading.Event, only: set[str] | None = None):
        self._hint = hint
        self._only = only  # absolute paths; None: every path

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _READ_ONLY_EVENTS:
            return
        paths = {os.path.abspath(path) for path in (event.src_path, event.dest_path) if path}
        if self._only is None or self._only & paths:
            self._hint.set()


def watch(settings: Settings, poll_seconds: float | None = None,
          reload_settings: Callable[[], Settings] | None = None) -> int:
    """Build, then rebuild on every change until Ctrl-C; the exit code."""
    watcher = Watcher(settings, timing=Timing(poll=poll_seconds), reload_settings=reload_settings)
    try:
        watcher.run()
    except KeyboardInterrupt:
        print_line(say("watch.stopped", settings.language))
    return 0
