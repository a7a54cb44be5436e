"""What a browser sees of a published site: every entry page, every page reachable from it, and
everything those pages load or link to, with the build each of them belongs to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from salesboard.publish.swap import BUILDS

_BUILD = re.compile(r"/" + re.escape(BUILDS) + r"/([^/]+)/")


@dataclass
class Seen:
    """Builds seen through each entry page, and what did not belong or was missing."""

    builds: dict[str, str] = field(default_factory=dict)  # entry page → build id it opened
    as_of: dict[str, str] = field(default_factory=dict)  # build page URL → the as-of date it shows
    strays: list[str] = field(default_factory=list)  # URLs outside the entry page's build
    missing: list[str] = field(default_factory=list)  # URLs that do not exist

    def one_build(self) -> str:
        """The one build every entry page and everything reachable from it belongs to."""
        assert self.strays == [] and self.missing == []
        assert len(set(self.builds.values())) == 1, self.builds
        assert len(set(self.as_of.values())) == 1, self.as_of
        return next(iter(self.builds.values()))


def _serve(route, site: Path) -> None:
    """Files of the site as they are, but plotly.js as an empty script when it is there: what matters
    here is which build a page belongs to, and parsing 3.5 MB per page would only cost time."""
    url = route.request.url
    if not url.startswith("file://"):
        route.abort()
    elif url.endswith("/plotly.min.js") and Path(unquote(urlparse(url).path)).is_file():
        route.fulfill(status=200, body="", content_type="text/javascript")
    else:
        route.continue_()


def _exists(url: str) -> bool:
    return url.startswith("file://") and Path(unquote(urlparse(url).path)).is_file()


def build_of(url: str) -> str | None:
    match = _BUILD.search(urlparse(url).path)
    return match.group(1) if match else None


def look_at_site(browser, site: Path) -> Seen:
    """Open every entry page in `site` as a user would (file://, no network), follow it to its build,
    and from there every page of the navigation and every file the pages load or link to."""
    seen = Seen()
    context = browser.new_context()
    page = context.new_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    # A request cut short by the next page (the search index a page loads once idle) is no missing file.
    page.on("requestfailed", lambda request: None if _exists(request.url) else seen.missing.append(request.url))
    page.route("**/*", lambda route: _serve(route, site))
    visited: set[str] = set()
    try:
        for entry in sorted(site.glob("*.html")):
            page.goto(entry.as_uri() + "#owner=Anna")
            page.wait_for_url(re.compile(re.escape(BUILDS) + "/"))
            build = build_of(page.url)
            seen.builds[entry.name] = build
            landed = Path(unquote(urlparse(page.url).path))
            # The same page, or the build's first page when the build has no such page; the hash kept.
            assert landed.name == entry.name or not (landed.parent / entry.name).exists(), page.url
            assert page.url.endswith("#owner=Anna"), page.url
            to_visit = [page.url.split("#")[0]]  # pages seen from an earlier entry page are not seen again
            while to_visit:
                url = to_visit.pop()
                if url in visited:
                    continue
                visited.add(url)
                loaded.clear()
                page.goto(url, wait_until="domcontentloaded")
                seen.as_of[url] = page.locator("header.site p").first.text_content()
                links = page.eval_on_selector_all(
                    "a[href], link[href], script[src]", "nodes => nodes.map(n => n.href || n.src)")
                for target in loaded + links:
                    if not target.startswith("file://"):
                        continue  # tel:, mailto:
                    if urlparse(target).path.endswith(f"/{BUILDS}/current.js"):
                        continue  # a page asks the pointer whether a newer build is out
                    if build_of(target) != build:
                        seen.strays.append(f"{url} → {target}")
                    elif not Path(unquote(urlparse(target).path)).exists():
                        seen.missing.append(target)
                    elif target.split("#")[0].endswith(".html"):
                        to_visit.append(target.split("#")[0])
    finally:
        context.close()
    return seen
