"""Where a build of one benchmark size spends its time: a cold build and a rebuild, profiled.

    python bench/profile_build.py [--size medium] [--data bench/data] [--top 15]

Runs build_site() under pyinstrument (a sampling profiler that sees time spent in
native code too), first with an empty cache, then again with the cache the first
build left, and prints where the time goes; also into docs/profiles.md.
bench_build.py puts the same tables into docs/performance.md.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import tempfile
from pathlib import Path

from generate import write_dataset
from pyinstrument import Profiler

from salesboard.config import make_settings
from salesboard.input import read as reading
from salesboard.input.cache import DiskCache, cache_folder
from salesboard.pipeline import build_site


def own_time(frame, totals: collections.Counter) -> collections.Counter:
    """Seconds each function spent itself, summed over the whole call tree (a frame's own time
    includes that of its "[self]" children, which are not counted again)."""
    if not frame.function.startswith("[self]"):
        totals[f"{frame.function} ({frame.file_path_short or frame.file_path}:{frame.line_no})"] += \
            frame.total_self_time
    for child in frame.children:
        own_time(child, totals)
    return totals


def our_time(frame, totals: collections.Counter, open_calls: frozenset = frozenset()) -> collections.Counter:
    """Seconds inside each of the project's functions, callees included (a recursive call counts once)."""
    location = f"{frame.function} ({frame.file_path_short}:{frame.line_no})"
    ours = "salesboard" in (frame.file_path or "") and location not in open_calls
    if ours:
        totals[location] += frame.time
        open_calls = open_calls | {location}
    for child in frame.children:
        our_time(child, totals, open_calls)
    return totals


def profile(settings, top: int) -> tuple[float, list[tuple[str, float]], list[tuple[str, float]], dict[str, float]]:
    # Workbooks are read in threads and the downloads written in one; the profiler follows the main
    # thread, so here everything runs there, one after another.
    reading.READ_THREADS = 1
    profiler = Profiler(interval=0.001)
    profiler.start()
    result = build_site(settings, DiskCache(cache_folder(settings.output_dir), settings))
    profiler.stop()
    session = profiler.last_session
    root = session.root_frame()
    return (session.duration, own_time(root, collections.Counter()).most_common(top),
            our_time(root, collections.Counter()).most_common(top), result.timings)


def profile_report(folder: Path, size: str, top: int = 12) -> list[str]:
    """Markdown: for a cold build and a rebuild, the stages, the functions with most time of their own,
    and the project's functions with most time including callees."""
    write_dataset(folder, size)
    lines = [f"`build_site()` on the {size} data set under pyinstrument (native code included; one read "
             "thread, so the profiler sees the reading), first with an empty cache, then rebuilt from the "
             "cache the first build left.", ""]
    with tempfile.TemporaryDirectory() as scratch:
        settings = make_settings({}, None, input_dir=folder, output_dir=Path(scratch) / "site",
                                 as_of=dt.date(2026, 11, 27))
        for title in ("cold build, empty cache", "rebuild, nothing changed"):
            duration, own, ours, timings = profile(settings, top)
            lines += [f"### {title}: {duration:.2f} s", "",
                      "Stages: " + ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in timings.items()), "",
                      "| own time | function |", "|---|---|"]
            lines += [f"| {seconds:.2f} s | `{location}` |" for location, seconds in own]
            lines += ["", "| time with callees | the project's function |", "|---|---|"]
            lines += [f"| {seconds:.2f} s | `{location}` |" for location, seconds in ours]
            lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="medium")
    parser.add_argument("--data", type=Path, default=Path("bench/data"))
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--out", type=Path, default=Path("docs/profiles.md"))
    args = parser.parse_args()
    text = "\n".join([f"# Profiles: {args.size} data set", "",
                      *profile_report(args.data / args.size, args.size, args.top)])
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
