"""Benchmark of the customer cards and the search: what writing them adds to a build, their sizes, and
how fast the browser searches and opens a card.

    python bench/bench_cards.py [--size medium] [--data bench/data] [--runs 3] [--fresh-pairs 3] [--work DIR]

One process builds the site again and again from its parsed workbooks (the in-memory cache the watch
loop keeps), alternately with and without the card data (salesboard.pipeline.table_cards, search_index
and write_card_data replaced by nothing), and reports the median build time of each, the median of what
each build with the cards took more than the one without them just before it, the same of the processor
time (all threads), and the median of the "cards" stage (what the build still waits for once the pages
are done). Then the same as whole fresh processes of the command line, with and without the card data,
taking turns (--fresh-pairs). Then it measures the files (shards, the
index raw and gzipped), and in Chromium, over file:// with the network cut off: how soon after a page's
load the search index is ready and the first search answers, the time from typing to results for a few
queries, and the time from a click on a name to the card shown (a new page load), counted from the click
event the list page receives (the browser driver spends a further 200 ms or so before it dispatches a
click, which no user waits for; that figure is reported apart). Prints JSON.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import (  # noqa: E402
    build_command,
    compile_package,
    empty_folder,
    paired_difference,
    python,
    run_child,
    spread,
)

from salesboard import pipeline  # noqa: E402
from salesboard.config import make_settings  # noqa: E402
from salesboard.input.cache import WorkbookCache  # noqa: E402
from salesboard.publish.swap import current_build  # noqa: E402

QUERIES = ("m", "mül", "Mueller", "Kruger", "Soehne GmbH", "Berlin", "10115", "12345")
CHROMIUM = "/usr/bin/chromium"


def measure_builds(folder: Path, work: Path, runs: int) -> dict:
    settings = make_settings({}, None, input_dir=folder, output_dir=work / "site", as_of=dt.date(2026, 11, 27),
                             verbosity=0)
    cache = WorkbookCache()
    write, made, index = pipeline.write_card_data, pipeline.table_cards, pipeline.search_index
    pipeline.build_site(settings, cache)  # parses the workbooks once
    times: dict[str, list[float]] = {"with": [], "without": []}
    cpu: dict[str, list[float]] = {"with": [], "without": []}  # all threads: robust on a busy machine
    waits = []
    for _ in range(runs):
        for mode in ("without", "with"):
            pipeline.write_card_data = write if mode == "with" else (lambda *args: None)
            pipeline.table_cards = made if mode == "with" else (lambda *args: None)
            pipeline.search_index = index if mode == "with" else (lambda *args: None)
            started, cpu_started = time.perf_counter(), time.process_time()
            result = pipeline.build_site(settings, cache)
            times[mode].append(time.perf_counter() - started)
            cpu[mode].append(time.process_time() - cpu_started)
            if mode == "with":
                waits.append(result.timings.get("cards", 0.0))
    pipeline.write_card_data, pipeline.table_cards, pipeline.search_index = write, made, index
    started = time.perf_counter()
    pipeline.build_site(settings, cache)  # unchanged: every shard is taken from the previous build
    unchanged = time.perf_counter() - started
    median = {mode: statistics.median(values) for mode, values in times.items()}
    return {"build_with_cards": median["with"], "build_without_cards": median["without"],
            "added_seconds": paired_difference(times["with"], times["without"]),
            "cards_stage_wait": statistics.median(waits),
            "added_cpu_seconds": paired_difference(cpu["with"], cpu["without"]), "rebuild_unchanged": unchanged}


# The command line with the card data and the search index replaced by nothing.
WITHOUT_CARDS = """\
import sys
from salesboard import pipeline
from salesboard.cli import main

pipeline.table_cards = pipeline.search_index = pipeline.write_card_data = lambda *args: None
sys.exit(main(sys.argv[1:]))
"""


def measure_fresh_pairs(folder: Path, work: Path, pairs: int) -> dict:
    """Whole builds as fresh processes into empty folders, with the card data and without it, taking turns:
    what they add to the build as the command line runs it."""
    with_, without = [], []
    for _ in range(pairs):
        fresh = empty_folder(work / "fresh-with")
        with_.append(run_child(build_command(folder, fresh / "site"), fresh).seconds)
        fresh = empty_folder(work / "fresh-without")
        without.append(run_child(python("-c", WITHOUT_CARDS, *build_command(folder, fresh / "site")[2:]),
                                 fresh).seconds)
    return {"fresh_with": with_, "fresh_without": without,
            "fresh_added_seconds": paired_difference(with_, without)}


def measure_files(build: Path) -> dict:
    cards = build / "cards"
    shards = [path.stat().st_size for path in cards.glob("[0-9]*.js")]
    index = (cards / "search.js").read_bytes()
    count = json.loads(index[index.index(b"(") + 1:index.rindex(b")")])["count"]
    return {"shards": len(shards), "shards_total_bytes": sum(shards), "shard_max_bytes": max(shards),
            "shard_median_bytes": statistics.median(shards), "index_bytes": len(index),
            "index_gzip_bytes_per_address": len(gzip.compress(index, 9)) / count}


def measure_browser(build: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        context.route("http*://**", lambda route: route.abort())
        context.add_init_script("window.addEventListener('salesboard:card', () => { window.cardShownAt = "
                                "performance.now(); }); document.addEventListener('click', (event) => "
                                "sessionStorage.setItem('clickedAt', String(performance.timeOrigin + "
                                "event.timeStamp)), true);")
        page = context.new_page()
        # The index loads on its own once the page is idle: from the page's load to the index ready, and
        # from typing (right after the load) to the results shown.
        ready, first = [], []
        for _ in range(3):
            page.goto((build / "follow-ups.html").as_uri())
            page.wait_for_load_state("load")
            started = time.perf_counter()
            page.wait_for_function("() => window.salesboardFind && window.salesboardFind('x') !== null",
                                   polling=10)
            ready.append(time.perf_counter() - started)
            page.goto((build / "follow-ups.html").as_uri())
            page.wait_for_load_state("load")
            started = time.perf_counter()
            page.fill("#site-search", "Kruger")
            page.wait_for_selector("#site-search-results .search-result")
            first.append((time.perf_counter() - started) * 1000)
        search = {}
        for query in QUERIES:
            search[query] = page.evaluate("""(query) => {
                const times = [];
                for (let run = 0; run < 5; run += 1) {
                  const started = performance.now();
                  window.salesboardFind(query);
                  times.push(performance.now() - started);
                }
                return times.sort((a, b) => a - b)[2];
            }""", query)
        typed = page.evaluate("""() => new Promise((resolve) => {
            const input = document.getElementById('site-search');
            const list = document.getElementById('site-search-results');
            input.value = 'Kruger';
            const started = performance.now();
            input.dispatchEvent(new Event('input'));
            requestAnimationFrame(() => resolve({ms: performance.now() - started, shown: list.children.length}));
        })""")
        # From a click on a name in the overdue list (the click event's time) to the card shown (a new page
        # load of customer.html), for a few addresses, and its parts: until the card page starts (the list
        # page unloads), until its document is parsed, until the card is shown.
        opens, parts, driver = [], [], []
        for row in range(7):
            page.goto((build / "follow-ups.html").as_uri())
            page.wait_for_load_state("load")
            link = page.locator("#table-follow-ups a[href^='customer.html']").nth(row * 7)
            clicked = page.evaluate("() => performance.timeOrigin + performance.now()")
            link.click()
            page.wait_for_function("() => window.cardShownAt", polling=5)
            times = page.evaluate("""() => ({
                unload: performance.timeOrigin - Number(sessionStorage.getItem('clickedAt')),
                parsed: performance.getEntriesByType('navigation')[0].domInteractive,
                shown: window.cardShownAt, origin: performance.timeOrigin})""")
            opens.append(times["unload"] + times["shown"])
            driver.append(times["origin"] + times["shown"] - clicked)
            parts.append(times)
        # From a new hash on the card page (a search result, back, forward) to the next card shown: the
        # shard's script loaded and the card drawn, without loading a page.
        page.goto((build / "index.html").as_uri())
        page.wait_for_function("() => window.salesboardFind")
        ids = [row[0] for row in page.evaluate("""() => new Promise((resolve) => {
            document.getElementById('site-search').focus();
            const wait = () => (window.salesboardFind('x') ? resolve(window.salesboardFind('gmbh'))
              : setTimeout(wait, 20));
            wait();
        })""")]
        page.goto((build / "customer.html").as_uri() + "#id=" + ids[0])
        page.wait_for_selector("#customer-card[data-shown]")
        switches = []
        for customer_id in ids[1:]:
            switches.append(page.evaluate("""(id) => new Promise((resolve) => {
                const started = performance.now();
                window.addEventListener('salesboard:card', () => resolve(performance.now() - started), {once: true});
                location.hash = 'id=' + encodeURIComponent(id);
            })""", customer_id))
        browser.close()
    return {"index_ready_after_load_seconds": statistics.median(ready),
            "first_search_after_load_ms": statistics.median(first), "card_switch_ms": switches,
            "card_switch_median_ms": statistics.median(switches), "search_ms": search,
            "typed_to_results_ms": typed["ms"], "card_open_ms": [round(value) for value in opens],
            "card_open_median_ms": statistics.median(opens),
            "card_open_from_driver_call_median_ms": statistics.median(driver),
            "card_open_parts_median_ms": {name: statistics.median(part[name] for part in parts)
                                          for name in ("unload", "parsed", "shown")}}


CARD_TARGETS = {"medium": 0.5, "large": 2.0}  # seconds the card data may add to the build
CARD_SHARDS_BYTES, CARD_SHARD_BYTES, CARD_OPEN_MS, SEARCH_MS = 40e6, 200e3, 200, 100  # medium; any size
INDEX_BYTES, INDEX_GZIP_PER_ADDRESS = 3e6, 60


def report_section(result: dict) -> str:
    """The figures as a section of docs/performance.md, with the issue's targets (the sizes for medium)."""
    size, medium = result["size"], result["size"] == "medium"

    def row(measure: str, value: str, target: str = "", met: bool | None = None) -> str:
        verdict = "" if met is None else "met" if met else "**missed**"
        return f"| {measure} | {value} | {target} | {verdict} |"

    added = result["added_seconds"]
    rows = [
        row("what the card data and the search index add to a build (median of each build with them less the "
            "one without them just before)", f"{added:+.2f} s",
            f"≤ {CARD_TARGETS[size]} s" if size in CARD_TARGETS else "",
            added <= CARD_TARGETS[size] if size in CARD_TARGETS else None),
        row(f"… the same with each build a fresh process (the command line), {len(result['fresh_with'])} pairs: "
            "with them, without them", f"{spread(result['fresh_with'])}; {spread(result['fresh_without'])}"),
        row("… what they add to such a build (median of the pairs' differences)",
            f"{result['fresh_added_seconds']:+.2f} s", f"≤ {CARD_TARGETS[size]} s" if size in CARD_TARGETS else "",
            result["fresh_added_seconds"] <= CARD_TARGETS[size] if size in CARD_TARGETS else None),
        row("… processor time they add (all threads)", f"{result['added_cpu_seconds']:+.2f} s"),
        row("… of which the build still waits for once the pages are done", f"{result['cards_stage_wait']:.2f} s"),
        row("shards, together", f"{result['shards']} files, {result['shards_total_bytes'] / 1e6:.1f} MB",
            "≤ 40 MB" if medium else "", result["shards_total_bytes"] <= CARD_SHARDS_BYTES if medium else None),
        row("largest shard", f"{result['shard_max_bytes'] / 1e3:.0f} kB", "≤ 200 kB" if medium else "",
            result["shard_max_bytes"] <= CARD_SHARD_BYTES if medium else None),
        row("search index, raw", f"{result['index_bytes'] / 1e6:.2f} MB", "≤ 3 MB" if medium else "",
            result["index_bytes"] <= INDEX_BYTES if medium else None),
        row("search index, gzipped, per address", f"{result['index_gzip_bytes_per_address']:.1f} bytes",
            f"≤ {INDEX_GZIP_PER_ADDRESS} bytes", result["index_gzip_bytes_per_address"] <= INDEX_GZIP_PER_ADDRESS),
        row("a card opened from a click on a name (median, from the click event)",
            f"{result['card_open_median_ms']:.0f} ms", f"≤ {CARD_OPEN_MS} ms",
            result["card_open_median_ms"] <= CARD_OPEN_MS),
        row("… each run", ", ".join(f"{value} ms" for value in result["card_open_ms"])),
        row("… counted from the browser driver's call instead",
            f"{result['card_open_from_driver_call_median_ms']:.0f} ms"),
        row("another card on the card page (median)", f"{result['card_switch_median_ms']:.0f} ms"),
        row("search, slowest query of " + ", ".join(f"`{query}`" for query in result["search_ms"]),
            f"{max(result['search_ms'].values()):.0f} ms", f"≤ {SEARCH_MS} ms",
            max(result["search_ms"].values()) <= SEARCH_MS),
        row("typing to results shown", f"{result['typed_to_results_ms']:.0f} ms", f"≤ {SEARCH_MS} ms",
            result["typed_to_results_ms"] <= SEARCH_MS),
        row("search index ready after a page's load", f"{result['index_ready_after_load_seconds']:.2f} s"),
    ]
    return "\n".join([f"## Customer cards and search: {size}", "",
                      f"`python bench/bench_cards.py --size {size} --runs {result['runs']} "
                      f"--fresh-pairs {len(result['fresh_with'])}`, {machine()}.", "",
                      "| measure | value | target | |", "|---|---|---|---|", *rows, ""])


def machine() -> str:
    return f"measured on {dt.date.today():%Y-%m-%d}, load average (1 min) {os.getloadavg()[0]:.1f} at the end"


def write_section(path: Path, section: str) -> None:
    """`section` in the report at `path`, in place of one with the same heading, else at its end."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    heading = section.splitlines()[0]
    parts = text.split("\n## ")
    kept = [part for index, part in enumerate(parts) if index == 0 or not ("## " + part).startswith(heading)]
    path.write_text("\n## ".join(kept).rstrip("\n") + "\n\n" + section, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="medium")
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fresh-pairs", type=int, default=3, help="pairs of fresh-process builds with and "
                        "without the card data")
    parser.add_argument("--work", type=Path, default=Path("/tmp/salesboard-bench-cards"))
    parser.add_argument("--report", type=Path, help="also put the figures into this Markdown report "
                        "(docs/performance.md), in place of its section for this size")
    args = parser.parse_args(argv)
    compile_package()
    result = {"size": args.size, "runs": args.runs, **measure_builds(args.data / args.size, args.work, args.runs)}
    build = current_build(args.work / "site")
    result.update(measure_fresh_pairs(args.data / args.size, args.work, args.fresh_pairs))
    result.update(measure_files(build))
    result.update(measure_browser(build))
    print(json.dumps(result, indent=2))
    if args.report:
        write_section(args.report, report_section(result))


if __name__ == "__main__":
    main()
