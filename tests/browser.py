"""Headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) with the network blocked."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .conftest import ROOT, require_tool

ARTIFACTS = ROOT / "tests" / "artifacts"

# As root, on a closed network: no sandbox, no background traffic.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class OpenedPage:
    """A page opened from a file, with what it tried to do."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def evaluate(self, script: str) -> Any:
        return self.page.evaluate(script)

    def wait_until(self, script: str, timeout: float = 60.0) -> None:
        """Poll a condition (the page's CSP forbids the eval that wait_for_function uses)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.page.evaluate(script):
                return
            time.sleep(0.05)
        raise TimeoutError(f"{script} stayed false for {timeout} s; page errors: {self.errors}")


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser."""
    executable = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_file(browser: Any, path: Path) -> Iterator[OpenedPage]:
    """Open ``path`` from a file URL; every http(s) request is recorded and refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    opened = OpenedPage(page)
    page.on(
        "console",
        lambda message: opened.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: opened.errors.append(str(error)))

    def refuse(route: Any) -> None:
        opened.requests.append(route.request.url)
        route.abort()

    page.route(re.compile(r"^(https?|wss?|ftp)://"), refuse)
    page.goto(path.resolve().as_uri())
    try:
        yield opened
    finally:
        context.close()


def screenshot(opened: OpenedPage, name: str) -> Path:
    """Save a screenshot as a test artefact (tests/artifacts/, not committed)."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    opened.page.screenshot(path=str(target))
    return target
