"""End-to-end fixtures: the real Streamlit server on a free loopback port, Debian's Chromium via Playwright.

One server and one browser serve the whole session; every test gets its own browser context (a fresh
visitor with its own session). The server's output goes to ``test-output/e2e/server.log`` and must not
contain a traceback. Without Chromium or Playwright the browser tests are skipped with a message saying
how to enable them, except in CI (``CI=true``), where they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_ENABLE = (
    "browser tests need Debian's chromium: sudo apt-get install chromium "
    "(and pip install -r requirements-dev.txt)"
)
STARTUP_SECONDS = 60
TIMEOUT_MS = 30_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives the browser: mark it ``e2e`` and put it in one xdist group, so
    the browser tests share one worker (one server, one Chromium) while the other worker runs the rest."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group(name="browser"))


def _missing_requirement() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def _require_browser() -> None:
    missing = _missing_requirement()
    if missing is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the browser tests cannot run ({missing}); {HOW_TO_ENABLE}", pytrace=False)
    pytest.skip(f"{missing}: {HOW_TO_ENABLE}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health(base_url: str, *, timeout: float = 5.0) -> str:
    """The body of ``/_stcore/health`` ("ok" when the server is ready), or "" when it does not answer."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=timeout) as response:
            return response.read().decode().strip()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return ""


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/e2e/ under the project root (git-ignored): screenshots, downloads, the server log."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


@contextlib.contextmanager
def running_server(log_path: Path):
    """``streamlit run app.py`` headless on a free loopback port; yields its base URL, stops it after."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
    ]
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while health(base_url, timeout=2) != "ok":
                if process.poll() is not None:
                    pytest.fail(f"the server exited with {process.returncode}:\n{log_path.read_text()}")
                if time.monotonic() > deadline:
                    pytest.fail(f"no answer from {base_url}/_stcore/health after {STARTUP_SECONDS} s")
                time.sleep(0.3)
            yield base_url
        finally:
            _stop(process)
    output = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in output, f"the server logged an exception (see {log_path}):\n{output}"


@pytest.fixture(scope="session")
def server(output_dir: Path):
    """One app server for the whole browser session."""
    _require_browser()
    with running_server(output_dir / "server.log") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser(server: str):
    """Debian's Chromium, headless, for the whole session."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        _first_visit(chromium, server)
        yield chromium
        chromium.close()


def _first_visit(chromium, base_url: str) -> None:
    """One visit to the fresh server before the tests, as on any served app: a fresh process imports the
    analysis libraries and computes the demo's first page, which on a busy machine (the other test
    worker) can take longer than a test's 30-second waits."""
    from tests.e2e.browse import IDLE

    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(base_url, timeout=STARTUP_SECONDS * 3000)
        page.wait_for_selector(IDLE, timeout=STARTUP_SECONDS * 3000)
    finally:
        context.close()


def new_visitor(browser, base_url: str, *, locale: str = "en-US", path: str = "", settle: bool = True):
    """A fresh browser context (its own Streamlit session) with one page on the app at ``path``.

    With ``settle`` (the default) it waits until the first run of the script has finished.
    """
    from tests.e2e.browse import wait_until_idle

    context = browser.new_context(
        viewport={"width": 1440, "height": 1000}, locale=locale, accept_downloads=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(f"{base_url}/{path}")
    if settle:
        wait_until_idle(page)
    return context, page


@pytest.fixture
def page(browser, server: str):
    """One visitor on the app (English browser), opened on the default page."""
    context, visitor = new_visitor(browser, server)
    yield visitor
    context.close()


@pytest.fixture(scope="session")
def screenshots(output_dir: Path) -> Path:
    """Where page screenshots go; with UPDATE_SCREENSHOTS=1 the README's screenshot is refreshed too."""
    folder = output_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder


def publish_screenshot(source: Path, name: str) -> None:
    """Copy a screenshot into docs/ only when asked (UPDATE_SCREENSHOTS=1), so test runs never dirty git."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(source, ROOT / "docs" / name)
