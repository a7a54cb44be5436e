"""A headless Chromium for the browser tests, and pages opened in it with the network cut off."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1366, "height": 768}


@dataclass
class Watch:
    """What the page did that it must not: errors, dialogs, network requests."""

    errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    aborted: list = field(default_factory=list)
    allowed_errors: re.Pattern | None = None

    def unexpected_errors(self) -> list:
        if self.allowed_errors is None:
            return self.errors
        return [text for text in self.errors if not self.allowed_errors.search(text)]

    def assert_clean(self) -> None:
        assert self.unexpected_errors() == []
        assert self.dialogs == []
        assert self.aborted == []


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    """Open a page (a URL, or anything with .url); every test ends by checking the page stayed clean."""
    opened = []

    def _open(target, viewport=DESKTOP, allowed_errors=None, wait_for_charts=True, init_script=None):
        context = browser.new_context(viewport=viewport, accept_downloads=True)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        watch = Watch(allowed_errors=allowed_errors)
        page.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
        page.on("pageerror", lambda error: watch.errors.append(str(error)))

        def on_dialog(dialog):
            watch.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_request(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                watch.aborted.append(route.request.url)
                route.abort()

        page.on("dialog", on_dialog)
        page.route("**/*", on_request)
        page.goto(getattr(target, "url", target))
        if wait_for_charts:
            page.wait_for_selector(".chart .main-svg")
        opened.append((context, watch))
        return page, watch

    yield _open
    for context, watch in opened:
        context.close()
        watch.assert_clean()
