"""The demo warm-up (pages/_warmup.py): computed off any script run, its results land under the keys a
new visitor's pages ask for, so that visitor's pages compute nothing (issue 15, instant app)."""

from __future__ import annotations

import sys
import threading

import pytest

from pages import _state as state
from pages import _warmup as warmup
from tests.conftest import open_page


class CountingStore(state._ResultStore):
    """A result store that counts the computations it runs."""

    def __init__(self, max_entries: int) -> None:
        super().__init__(max_entries)
        self.computed = 0

    def _run(self, compute):
        self.computed += 1
        return super()._run(compute)


@pytest.fixture
def warmed(monkeypatch):
    """Fresh shared stores, warmed from this (test) thread, which has no script run."""
    stores = (
        CountingStore(state.SHARED_RESULTS),
        CountingStore(state.CHART_RESULTS),
    )
    clock = FakeClock()  # no visitor runs: the quiet gaps pass at once, standing aside never happens
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    assert warmup.warm(stores, runs) == 0, "a warm-up step failed"
    monkeypatch.setattr(state, "_shared_results", lambda: stores[0])
    monkeypatch.setattr(state, "_shared_charts", lambda: stores[1])
    return stores


def test_the_warm_up_fills_the_shared_store(warmed):
    results, _ = warmed
    assert results.computed >= len(warmup._steps())
    assert len(results) == results.computed  # every computation was kept


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_new_visitor_computes_no_result_after_the_warm_up(warmed, language):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    results, _ = warmed
    before = results.computed
    visitor = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    visitor.session_state[state.LANG] = language
    visitor.run()
    assert not visitor.exception, visitor.exception
    for page in ("overview", "personas", "value", "voices"):
        open_page(visitor, page)
    assert results.computed == before, "a page computed a demo result the warm-up should have made"


def test_a_visitor_leaves_the_warm_up_alone():
    """The warm-up waits while any visitor's script runs, and goes on when none does."""
    runs = warmup._ScriptRuns()
    with runs.running():
        assert runs._count == 1
    runs.wait_until_none()  # returns at once: nobody runs
    assert runs._count == 0


class FakeClock:
    """A clock that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


def test_the_warm_up_waits_for_a_quiet_gap_after_the_last_run():
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    with runs.running():
        clock.now += 5.0  # a visitor's page runs for five seconds
    runs.wait_until_quiet(1.0)
    assert 1.0 <= clock.slept <= 1.0 + 2 * warmup.POLL_SECONDS  # one poll past the gap at most


def test_the_warm_up_does_not_wait_when_the_last_run_ended_long_ago():
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    with runs.running():
        pass
    clock.now += 30.0
    runs.wait_until_quiet(1.0)
    assert clock.slept == 0.0


def test_a_fragment_rerun_counts_as_a_visitor_run(monkeypatch):
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    monkeypatch.setattr(warmup, "_script_runs", lambda: runs)
    seen = []

    def section() -> None:
        seen.append(runs._count)

    monkeypatch.setattr(warmup.st, "fragment", lambda function: function)  # no script run here
    warmup.fragment(section)()
    assert seen == [1] and runs._count == 0


def test_a_step_stands_aside_at_its_next_call_into_cxlib_while_a_visitor_runs():
    from cxlib.i18n import t

    runs = warmup._ScriptRuns(clock=lambda: 0.0)  # a clock that stands still: no time limit runs out
    entered, done = threading.Event(), threading.Event()

    def step() -> None:
        with runs.making_way(needed=lambda: False):
            entered.set()
            t("nav.summary", "en")  # a call into cxlib
            done.set()

    with runs.running():
        worker = threading.Thread(target=step, daemon=True)
        worker.start()
        assert entered.wait(30)
        assert not done.wait(0.3), "the step went on during the visitor's run"
    worker.join(30)
    assert done.is_set(), "the step did not go on after the visitor's run"


def test_a_step_goes_on_when_a_visitor_waits_for_what_it_computes():
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    with runs.running():
        runs.make_way(needed=lambda: True)
    assert clock.slept == 0.0  # not a moment aside: the visitor waits for this step


def test_a_step_stands_aside_for_one_run_at_most_make_way_seconds():
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    with runs.running():
        runs.make_way(needed=lambda: False)
        assert warmup.MAKE_WAY_SECONDS <= clock.slept <= warmup.MAKE_WAY_SECONDS + 0.01
        runs.make_way(needed=lambda: False)  # the same run: once is enough, it may wait for the step
        assert clock.slept <= warmup.MAKE_WAY_SECONDS + 0.01
        with runs.running():  # another visitor's run starts: stand aside again
            runs.make_way(needed=lambda: False)
        assert clock.slept >= 2 * warmup.MAKE_WAY_SECONDS


def test_a_step_stands_aside_while_a_browser_loads_the_apps_files():
    """A new visitor's browser fetches about a hundred files before its first script run: a step waits
    until the requests stop coming (a gap of REQUEST_GAP_SECONDS), not beside them."""
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    runs.request_started()
    runs.make_way(needed=lambda: False)
    assert warmup.REQUEST_GAP_SECONDS <= clock.slept <= warmup.REQUEST_GAP_SECONDS + 0.01
    clock.slept = 0.0
    runs.make_way(needed=lambda: False)  # the burst is over: nothing to wait for
    assert clock.slept == 0.0


def test_a_burst_of_requests_holds_a_step_back_make_way_seconds_at_most():
    class RequestingClock(FakeClock):
        def sleep(self, seconds: float) -> None:
            super().sleep(seconds)
            runs.request_started()  # the browser keeps asking: one burst that never ends

    clock = RequestingClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    runs.request_started()
    runs.make_way(needed=lambda: False)
    assert warmup.MAKE_WAY_SECONDS <= clock.slept <= warmup.MAKE_WAY_SECONDS + 0.01
    runs.make_way(needed=lambda: False)  # the same burst: once is enough
    assert clock.slept <= warmup.MAKE_WAY_SECONDS + 0.01


def test_the_quiet_gap_counts_from_the_last_request_too():
    clock = FakeClock()
    runs = warmup._ScriptRuns(clock=clock, sleep=clock.sleep)
    clock.now += 30.0  # the last run ended long ago
    runs.request_started()  # but a browser has just begun to load the app
    runs.wait_until_quiet(1.0)
    assert 1.0 <= clock.slept <= 1.0 + 2 * warmup.POLL_SECONDS


def test_the_server_tells_the_warm_up_of_each_request_it_begins(monkeypatch):
    import asyncio
    import concurrent.futures

    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    monkeypatch.setattr(Starlette, "__call__", Starlette.__call__)  # undone after the test
    runs = warmup._ScriptRuns()
    warmup._watch_requests(runs)
    warmup._watch_requests(runs)  # once per process: a second call adds nothing
    app = Starlette(routes=[Route("/static/app.js", lambda request: PlainTextResponse("ok"))])
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/static/app.js", "headers": [], "query_string": b""}
    # a thread of its own: in the full suite this worker may already run Playwright's event loop
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"ok"  # answered as before
    assert runs._bursts == 1 and runs._busy()


def test_no_standing_aside_while_a_module_is_imported(tmp_path, monkeypatch):
    """A visitor's run may import the same module, and would wait for the import's lock."""
    assert not warmup._importing(sys._getframe())
    (tmp_path / "cx_probe_module.py").write_text(
        "import sys\nfrom pages._warmup import _importing\nSEEN = _importing(sys._getframe())\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "cx_probe_module", raising=False)
    import cx_probe_module

    assert cx_probe_module.SEEN


def test_the_store_counts_who_waits_for_another_threads_computation():
    store = state._ResultStore(4)
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(30)
        return "done"

    computing = threading.Thread(target=store.get_or_compute, args=("key", slow), daemon=True)
    computing.start()
    assert started.wait(30)
    waiting = threading.Thread(target=store.get_or_compute, args=("key", slow), daemon=True)
    waiting.start()
    for _ in range(600):
        if store.waiters == 1:
            break
        threading.Event().wait(0.05)
    assert store.waiters == 1
    release.set()
    computing.join(30)
    waiting.join(30)
    assert store.waiters == 0


def test_the_heap_is_frozen_before_the_warm_up_and_again_after_it(monkeypatch):
    """Streamlit collects all generations after every script run: frozen first, the visitors' runs
    during the warm-up do not scan the first visitor's heap again."""
    calls = []
    monkeypatch.setattr(warmup.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(warmup.gc, "collect", lambda: calls.append("collect"))
    monkeypatch.setattr(warmup, "_freeze_after_full_collection", lambda: calls.append("first freeze"))
    monkeypatch.setattr(warmup, "_load_dictionaries", lambda: calls.append("dictionaries"))
    monkeypatch.setattr(warmup, "warm", lambda stores, runs: calls.append("warm"))
    clock = FakeClock()
    warmup._warm_then_freeze((), warmup._ScriptRuns(clock=clock, sleep=clock.sleep))
    assert calls == ["first freeze", "dictionaries", "warm", "collect", "freeze"]  # dictionaries when quiet


def test_the_first_freeze_follows_streamlits_own_full_collection(monkeypatch):
    """No collection of its own when a full one (Streamlit's, after the first run) comes in time."""
    frozen = []
    monkeypatch.setattr(warmup.gc, "freeze", lambda: frozen.append(len(warmup.gc.callbacks)))
    before = list(warmup.gc.callbacks)
    streamlit_gc = threading.Timer(0.2, warmup.gc.collect, args=(2,))
    streamlit_gc.start()
    warmup._freeze_after_full_collection(timeout=60)
    streamlit_gc.join()
    assert frozen == [len(before)] and warmup.gc.callbacks == before  # frozen once, callback removed


def test_the_first_freeze_collects_itself_without_a_full_collection(monkeypatch):
    calls = []
    monkeypatch.setattr(warmup.gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(warmup.gc, "collect", lambda: calls.append("collect"))
    warmup._freeze_after_full_collection(timeout=0.01)
    assert calls == ["collect", "freeze"]


def test_the_warm_up_module_does_not_import_the_comment_analysis():
    """cxlib.voices imports scikit-learn (0.8 s): a new server's first tiles must not wait for it."""
    import subprocess

    from tests.conftest import ROOT

    code = "import sys, pages._warmup; print('cxlib.voices' in sys.modules, 'sklearn' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.split() == ["False", "False"]
