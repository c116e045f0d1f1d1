"""Does one small server hold a meeting? A load test of the real app (issue #17).

Starts ``streamlit run app.py`` on a free loopback port, then:

1. **Visitors at once**: N browser visitors (one Chromium, one context each) open the app together on the
   demo data; for each, the seconds until the first KPI tile is visible.
2. **Visitors one after another**: M visitors each upload a customer CSV and a survey CSV of R rows
   (made with the demo generator), open Summary, Personas and Journey, and close their tab; the server's
   RSS is read after each one has left.
3. After the last visitor, the RSS is read again after ``--settle`` seconds (Streamlit drops a session's
   caches when its websocket closes; the app closes a departed visitor's session after 60 s, see
   ``pages/_memory.py``, and hands freed memory back to the system every 15 s).

All the while the health endpoint is probed every 0.25 s and the server's RSS sampled every 0.2 s.
Prints time to tiles (p50/p95/max), health answers, the RSS peak and the RSS after the visitors left, and
where the visitors at once spent their time: the server's CPU seconds against those of Playwright and the
Chromium renderers (all on the same cores).

Usage::

    python benchmarks/load.py                                  # 12 at once; 6 x 100k rows one after another
    python benchmarks/load.py --visitors 4 --sequential 2 --rows 10000 --settle 20
    python benchmarks/load.py --json

Needs Playwright and Debian's Chromium (``/usr/bin/chromium``), as the browser tests do.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
METRIC = '[data-testid="stMetric"]'
PROBLEM = '[data-testid="stException"], [data-testid="stAlertContentError"]'
IDLE = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 180_000


@dataclass
class LoadReport:
    """What the load test saw; times in seconds, memory in MB."""

    visitors: int
    sequential: int
    rows: int
    warm: bool = False
    warm_tiles_s: float | None = None
    tiles_s: list[float | None] = field(default_factory=list)
    visitors_with_errors: int = 0
    health_checks: int = 0
    health_failures: int = 0
    health_slowest_s: float = 0.0
    rss_start_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_after_each_mb: list[float] = field(default_factory=list)
    rss_settled_mb: float | None = None
    settle_s: float = 0.0
    at_once_wall_s: float | None = None
    at_once_server_cpu_s: float | None = None
    at_once_browser_cpu_s: float | None = None

    @property
    def visitors_without_tiles(self) -> int:
        return sum(1 for seconds in self.tiles_s if seconds is None)

    def summary(self) -> dict:
        seen = sorted(seconds for seconds in self.tiles_s if seconds is not None)
        return {
            **asdict(self),
            "visitors_without_tiles": self.visitors_without_tiles,
            "tiles_p50_s": statistics.median(seen) if seen else None,
            "tiles_p95_s": _percentile(seen, 0.95),
            "tiles_max_s": seen[-1] if seen else None,
        }


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, round(share * (len(values) - 1)))]


# --- the server -------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _health(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as answer:
            return answer.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def cpu_seconds(pid: int) -> float:
    """CPU seconds a process and its children it has waited for have used (Linux /proc; 0 when gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime..cstime


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def browser_cpu_seconds(server: int) -> float:
    """CPU seconds used so far by this script's other child processes (Playwright and Chromium)."""
    excluded = {server} | _descendants(server)
    return sum(cpu_seconds(pid) for pid in _descendants(os.getpid()) - excluded)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@contextlib.contextmanager
def app_server(log: Path, *, script: str = "app.py") -> Iterator[tuple[str, int]]:
    """The real app (or another ``script`` under the checkout), headless on loopback; yields (base URL,
    server pid)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        *(sys.executable, "-m", "streamlit", "run", script, "--server.headless=true"),
        *(f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false"),
    ]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while not _health(url, 2):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {log}")
                time.sleep(0.3)
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


class Watch(threading.Thread):
    """Samples the server's RSS every 0.2 s and probes its health every 0.25 s, until stopped."""

    def __init__(self, url: str, pid: int, report: LoadReport) -> None:
        super().__init__(daemon=True)
        self.url, self.pid, self.report = url, pid, report
        self.stopped = threading.Event()

    def run(self) -> None:
        last_probe = 0.0
        while not self.stopped.wait(0.2):
            self.report.rss_peak_mb = max(self.report.rss_peak_mb, rss_mb(self.pid))
            if time.monotonic() - last_probe >= 0.25:
                last_probe = time.monotonic()
                healthy = _health(self.url, 30)
                self.report.health_checks += 1
                self.report.health_failures += not healthy
                self.report.health_slowest_s = max(
                    self.report.health_slowest_s, time.monotonic() - last_probe
                )


# --- the visitors -----------------------------------------------------------------------------------


async def _idle(page) -> None:
    for _ in range(2):
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
        await page.wait_for_timeout(250)
    await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)


async def _has_problem(page) -> bool:
    return await page.locator(PROBLEM).count() > 0


async def _visit_demo(browser, url: str) -> tuple[float | None, bool]:
    """One visitor opening the app: seconds to the first visible tile (None if none), error seen."""
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    page = await context.new_page()
    started = time.monotonic()
    try:
        await page.goto(url, timeout=TIMEOUT_MS)
        await page.locator(METRIC).first.wait_for(state="visible", timeout=TIMEOUT_MS)
        seconds: float | None = time.monotonic() - started
        await _idle(page)
    except Exception:  # a visitor who never sees a tile is counted, not fatal
        seconds = None
    problem = await _has_problem(page)
    await context.close()
    return seconds, problem


async def _nav(page, title: str) -> None:
    await page.locator(f'[data-testid="stSidebarNav"] a:has(span[label="{title}"])').first.click()
    await _idle(page)


async def _upload(page, tab: str, name: str, content: bytes) -> None:
    await page.get_by_role("tab", name=tab).click()
    panel = page.locator('[role="tabpanel"]:visible').first
    await panel.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": content}
    )
    await panel.get_by_text(name).first.wait_for(timeout=TIMEOUT_MS)
    await _idle(page)


async def _visit_with_upload(browser, url: str, files: dict[str, bytes]) -> bool:
    """One visitor uploading customers + survey and opening Summary, Personas, Journey; True on an error."""
    from cxlib.i18n import t

    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    page = await context.new_page()
    problem = False
    try:
        await page.goto(url, timeout=TIMEOUT_MS)
        await _idle(page)
        await _nav(page, t("nav.data", "en"))
        for table, content in files.items():
            await _upload(page, t(f"ui.tab.{table}", "en"), f"{table}.csv", content)
        for key in ("summary", "personas", "journey"):
            await _nav(page, t(f"nav.{key}", "en"))
            problem = problem or await _has_problem(page)
    except Exception:
        problem = True
    await context.close()
    return problem


def upload_files(rows: int) -> dict[str, bytes]:
    """A customer and a survey CSV of ``rows`` rows each, from the demo generator."""
    from cxlib.demo import generate_demo

    data = generate_demo(n_customers=rows, n_responses=rows, with_transactions=False)
    files = {}
    for table, frame in (("customers", data.customers), ("survey", data.survey)):
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False)
        files[table] = buffer.getvalue().encode("utf-8")
    return files


async def _run_visitors(
    url: str, pid: int, report: LoadReport, files: dict[str, bytes], settle: float
) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if report.warm:  # one visitor first: the demo analysis is then computed and shared
            report.warm_tiles_s, problem = await _visit_demo(browser, url)
            report.visitors_with_errors += problem
        started, server_cpu, browser_cpu = time.monotonic(), cpu_seconds(pid), browser_cpu_seconds(pid)
        results = await asyncio.gather(*(_visit_demo(browser, url) for _ in range(report.visitors)))
        if report.visitors:  # where the time of the visitors at once went: the server or the browsers
            report.at_once_wall_s = time.monotonic() - started
            report.at_once_server_cpu_s = cpu_seconds(pid) - server_cpu
            report.at_once_browser_cpu_s = browser_cpu_seconds(pid) - browser_cpu
        report.tiles_s = [seconds for seconds, _ in results]
        report.visitors_with_errors += sum(problem for _, problem in results)
        for _ in range(report.sequential):
            report.visitors_with_errors += await _visit_with_upload(browser, url, files)
            await asyncio.sleep(3)  # the websocket closes; Streamlit drops the session's caches
            report.rss_after_each_mb.append(rss_mb(pid))
        await browser.close()
    if settle:
        await asyncio.sleep(settle)
        report.rss_settled_mb = rss_mb(pid)


def run_load(
    *, visitors: int, sequential: int, rows: int, settle: float, log: Path, warm: bool = False
) -> LoadReport:
    """Start the server, run the visitors, and return what was measured."""
    report = LoadReport(visitors=visitors, sequential=sequential, rows=rows, settle_s=settle, warm=warm)
    files = upload_files(rows) if sequential else {}
    with app_server(log) as (url, pid):
        report.rss_start_mb = rss_mb(pid)
        watch = Watch(url, pid, report)
        watch.start()
        try:
            asyncio.run(_run_visitors(url, pid, report, files, settle))
        finally:
            watch.stopped.set()
            watch.join()
    return report


def format_report(summary: dict) -> str:
    def number(value: float | None, digits: int = 1) -> str:
        return "–" if value is None else f"{value:,.{digits}f}"

    after = ", ".join(number(value, 0) for value in summary["rss_after_each_mb"]) or "–"
    return "\n".join(
        [
            f"first visitor alone: {number(summary['warm_tiles_s'])} s to tiles"
            if summary["warm"]
            else "cold server: the visitors at once are the first",
            f"visitors at once: {summary['visitors']}; one after another: {summary['sequential']} "
            f"uploading {summary['rows']:,} + {summary['rows']:,} rows",
            f"time to tiles: p50 {number(summary['tiles_p50_s'])} s, p95 {number(summary['tiles_p95_s'])} s, "
            f"max {number(summary['tiles_max_s'])} s; without tiles: {summary['visitors_without_tiles']}; "
            f"with an error on screen: {summary['visitors_with_errors']}",
            f"visitors at once took {number(summary['at_once_wall_s'])} s: server CPU "
            f"{number(summary['at_once_server_cpu_s'])} s, Playwright + Chromium CPU "
            f"{number(summary['at_once_browser_cpu_s'])} s (on {os.cpu_count()} cores)",
            f"health: {summary['health_checks']} probes, {summary['health_failures']} failed, "
            f"slowest {number(summary['health_slowest_s'], 2)} s",
            f"server RSS: start {number(summary['rss_start_mb'], 0)} MB, "
            f"peak {number(summary['rss_peak_mb'], 0)} MB, "
            f"after each visitor left {after} MB, {number(summary['settle_s'], 0)} s after the last "
            f"{number(summary['rss_settled_mb'], 0)} MB",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visitors", type=int, default=12, help="visitors opening the demo at once")
    parser.add_argument(
        "--sequential", type=int, default=6, help="visitors uploading files one after another"
    )
    parser.add_argument("--rows", type=int, default=100_000, help="rows of each uploaded file")
    parser.add_argument("--settle", type=float, default=120.0, help="seconds to wait after the last visitor")
    parser.add_argument("--warm", action="store_true", help="one visitor first, then the visitors at once")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    args = parser.parse_args(argv)
    if not os.path.exists(CHROMIUM):
        print(f"{CHROMIUM} not found: install Debian's chromium", file=sys.stderr)
        return 2
    report = run_load(
        visitors=args.visitors,
        sequential=args.sequential,
        rows=args.rows,
        settle=args.settle,
        log=ROOT / "benchmarks" / "output" / "load-server.log",
        warm=args.warm,
    )
    summary = report.summary()
    print(json.dumps(summary, indent=2) if args.json else format_report(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
