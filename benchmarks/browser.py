"""How fast does the app feel in a real browser? (issue #15, "Done when")

Starts ``streamlit run app.py`` on a free loopback port, drives Debian's Chromium with Playwright on the
demo data and times what a meeting feels, each on a fresh server, ``--runs`` times (3), printing the
median and every run:

- ``streamlit run`` to the first KPI tile (the server's start included);
- a new visitor's first page with tiles, once the server has served one visitor (the first visitor's
  whole page has been drawn; the second arrives right after);
- a page switch (Summary to Overview);
- a filter change (one region in the sidebar's filters);
- a new number of personas (Personas page: 2 personas, then "Recompute personas");
- a language switch (English to German).

Each time runs from the click (or the start) until the new content is on screen and the script run the
click started has finished (seen in the page, from the app's script-state attribute, when it happens).
A first tile counts from the frame in which the page drew it (noted in the page on the epoch clock), not
from when Playwright's polling, which looks only every half second after the first 0.27 s, saw it.
The same steps are then timed on ``benchmarks/streamlit_floor.py``: the app's controls with none of its
analysis, on its own fresh server. That column is what Streamlit and Chromium need on this machine
before the app computes or draws anything, so a target below it cannot be met by the app. Speed is
printed only, never asserted. Usage::

    python benchmarks/browser.py            # median of 3, and of 3 floor servers
    python benchmarks/browser.py --runs 1 --json --no-floor

Needs Playwright and ``/usr/bin/chromium``, as the browser tests do.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from load import CHROMIUM, CHROMIUM_ARGS, METRIC, app_server  # noqa: E402

from cxlib.i18n import LANGUAGE_NAMES, t  # noqa: E402

IDLE = '[data-testid="stApp"][data-test-connection-state="CONNECTED"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 180_000
STEPS = (
    "streamlit run to first tile",
    "new visitor's first page",
    "page switch",
    "filter change",
    "new number of personas",
    "language switch",
)
TARGETS = {  # issue 15, seconds
    "streamlit run to first tile": 4.0,
    "new visitor's first page": 1.5,
    "page switch": 0.3,
    "filter change": 0.4,
    "new number of personas": 1.0,
    "language switch": 0.5,
}


# Marks the end of the next script run in the page itself: window.__cxRunEnded is set when the app's
# script state goes from "running" back to "notRunning" (no polling delay in the measure).
_WATCH_NEXT_RUN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__cxRunEnded = null; window.__cxRunSeen = false;
  if (window.__cxWatch) window.__cxWatch.disconnect();
  window.__cxWatch = new MutationObserver(() => {
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') window.__cxRunSeen = true;
    else if (window.__cxRunSeen && window.__cxRunEnded === null) window.__cxRunEnded = performance.now();
  });
  window.__cxWatch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
RUN_MISSED_MS = 3_000  # a run so short the page never showed "running": its content is the end


def _timed(page, action: Callable[[], None], done: Callable[[], None]) -> float:
    """Seconds from ``action`` until ``done`` holds and the script run it started has ended."""
    page.evaluate(_WATCH_NEXT_RUN)
    started = time.perf_counter()
    action()
    done()
    shown = time.perf_counter()
    try:
        page.wait_for_function("() => window.__cxRunEnded !== null", polling="raf", timeout=RUN_MISSED_MS)
        return time.perf_counter() - started
    except Exception:  # the run ended before the page drew its "running" state
        page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
        return shown - started


def _nav(page, key: str, lang: str = "en"):
    return page.locator(f'[data-testid="stSidebarNav"] a:has(span[label="{t(f"nav.{key}", lang)}"])').first


# Notes in the page, on the epoch clock, the frame in which a KPI tile is first visible. Playwright's own
# wait polls the page after 0, 20, 50, 100, 100 ms and then every 500 ms, so a tile that comes after the
# first 0.27 s of waiting was seen up to half a second late (the same page measured 1.17 or 1.58 s).
_WATCH_FIRST_TILE = """(() => {
  const shown = () => {
    const tile = document.querySelector('__TILE__');
    if (!tile) return false;
    const box = tile.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(tile).visibility !== 'hidden';
  };
  const watch = new MutationObserver(() => {
    if (window.__cxTileAt === undefined && shown()) {
      watch.disconnect();
      window.__cxTileAt = null;
      requestAnimationFrame(() => { window.__cxTileAt = performance.timeOrigin + performance.now(); });
    }
  });
  watch.observe(document, {subtree: true, childList: true, attributes: true});
})();""".replace("__TILE__", METRIC)


def _first_tiles(page, url: str) -> float:
    """Open ``url`` and return the epoch seconds of the frame that first showed a KPI tile (needs
    :data:`_WATCH_FIRST_TILE` as an init script of the page's context)."""
    page.goto(url, timeout=TIMEOUT_MS)
    page.locator(METRIC).first.wait_for(state="visible", timeout=TIMEOUT_MS)
    page.wait_for_function("() => typeof window.__cxTileAt === 'number'", polling="raf", timeout=TIMEOUT_MS)
    return page.evaluate("() => window.__cxTileAt") / 1000


def _visitor(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    context.add_init_script(_WATCH_FIRST_TILE)
    return context, context.new_page()


def _open_choices(select, option, *, tries: int = 3) -> None:
    """Open a multiselect's list; a click that lands while the sidebar expander is still unfolding may
    open nothing, so look for the options a few seconds and click again."""
    for _ in range(tries - 1):
        select.click()
        with contextlib.suppress(Exception):
            option.wait_for(state="visible", timeout=5_000)
            return
    select.click()
    option.wait_for(state="visible", timeout=TIMEOUT_MS)


def _interactions(page, seconds: dict[str, float | None]) -> None:
    """Page switch, filter change, personas and language on a visitor who sees the Summary; each step's
    seconds go into ``seconds`` as soon as it is measured."""
    page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    heading = page.locator("h1", has_text=t("nav.overview", "en")).first
    seconds["page switch"] = _timed(
        page,
        lambda: _nav(page, "overview").click(),
        lambda: heading.wait_for(state="visible", timeout=TIMEOUT_MS),
    )
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text(t("ui.filters", "en"), exact=True).first.click()
    regions = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text=t("ui.filter.regions", "en"))
    option = page.locator('[role="option"]').first
    _open_choices(regions.first, option)
    chip = page.get_by_text(t("ui.filter.regions", "en") + ":").first
    seconds["filter change"] = _timed(
        page, lambda: option.click(), lambda: chip.wait_for(state="visible", timeout=TIMEOUT_MS)
    )
    page.keyboard.press("Escape")
    _nav(page, "personas").click()
    page.locator("h1", has_text=t("nav.personas", "en")).first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    page.locator('[data-testid="stExpander"] summary', has_text=t("ui.personas.controls", "en")).first.click()
    slider = page.get_by_role("slider").first
    slider.wait_for(state="visible", timeout=TIMEOUT_MS)
    slider.focus()
    _timed(page, lambda: page.keyboard.press("ArrowRight"), lambda: None)  # automatic -> 2; not a step
    apply = page.get_by_role("button", name=t("ui.personas.apply", "en"))
    seconds["new number of personas"] = _timed(page, lambda: apply.click(), lambda: None)
    german_nav = _nav(page, "personas", "de")
    german = page.locator('[data-testid="stSidebar"] label').filter(has_text=LANGUAGE_NAMES["de"]).first
    seconds["language switch"] = _timed(
        page,
        lambda: german.click(),
        lambda: german_nav.wait_for(state="visible", timeout=TIMEOUT_MS),
    )


def one_run(log: Path, *, script: str = "app.py") -> dict[str, float | None]:
    """One fresh server of ``script``: the cold start, then a second visitor and their interactions."""
    from playwright.sync_api import sync_playwright

    seconds: dict[str, float | None] = dict.fromkeys(STEPS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        started = time.time()  # the epoch clock: the tile's frame is noted on it in the page
        with app_server(log, script=script) as (url, _):
            first, first_page = _visitor(browser)
            seconds["streamlit run to first tile"] = _first_tiles(first_page, url) - started
            first_page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)  # served: its whole page is drawn
            first.close()
            context, page = _visitor(browser)
            started = time.time()
            seconds["new visitor's first page"] = _first_tiles(page, url) - started
            try:
                _interactions(page, seconds)
            except Exception as error:  # a step that cannot be driven is reported, not fatal
                print(f"! interaction failed: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
            context.close()
        browser.close()
    return seconds


FLOOR_SCRIPT = "benchmarks/streamlit_floor.py"


def _figures(results: list[dict[str, float | None]], step: str) -> tuple[float | None, list[float | None]]:
    values = [result[step] for result in results]
    seen = [value for value in values if value is not None]
    return (statistics.median(seen) if seen else None), values


def run(*, runs: int, log: Path, floor: bool = True) -> dict:
    """``runs`` fresh servers of the app (and as many of Streamlit's floor, taken in turn); per step every
    run's seconds and their median."""
    results, floors = [], []
    for _ in range(runs):
        results.append(one_run(log))
        if floor:
            floors.append(one_run(log, script=FLOOR_SCRIPT))
    steps = {}
    for step in STEPS:
        median, values = _figures(results, step)
        steps[step] = {"median_s": median, "runs_s": values, "target_s": TARGETS[step]}
        if floor:
            steps[step]["floor_median_s"], steps[step]["floor_runs_s"] = _figures(floors, step)
    return {"runs": runs, "steps": steps}


def format_table(document: dict) -> str:
    def cell(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f}"

    lines = [
        f"{'browser, demo data':<30}{'median (s)':>12}{'floor (s)':>11}{'target (s)':>12}"
        "   runs (s) | floor runs (s)",
        "-" * 100,
    ]
    for step, figures in document["steps"].items():
        runs = ", ".join(cell(value) for value in figures["runs_s"])
        floor_runs = ", ".join(cell(value) for value in figures.get("floor_runs_s", []))
        lines.append(
            f"{step:<30}{cell(figures['median_s']):>12}{cell(figures.get('floor_median_s')):>11}"
            f"{cell(figures['target_s']):>12}   {runs} | {floor_runs}"
        )
    lines.append("floor: the same steps on benchmarks/streamlit_floor.py (the app's controls, no analysis)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh servers to take the median over")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--no-floor", action="store_true", help="skip Streamlit's floor (streamlit_floor.py)")
    args = parser.parse_args(argv)
    if not os.path.exists(CHROMIUM):
        print(f"{CHROMIUM} not found: install Debian's chromium", file=sys.stderr)
        return 2
    document = run(
        runs=args.runs, log=ROOT / "benchmarks" / "output" / "browser-server.log", floor=not args.no_floor
    )
    print(json.dumps(document, indent=2) if args.json else format_table(document))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
