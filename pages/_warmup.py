"""The demo data's results for every page, computed once per server process, in the background.

A fresh server computes what the first visitor's first page needs while that visitor waits. Everything
the other pages need from the demo data (the persona comparison, voices, customer value, the overview
charts, the journey page's drill-down, in both languages) is then computed by one background thread, in
the quiet gaps between visitors' script runs, into the same shared stores and under the same keys a visitor's
page asks for (``state.as_demo_visitor``). So nobody waits for a page's first computation. A step starts
only once no visitor's script or fragment has run for a second (:data:`QUIET_SECONDS`), so a visitor
who keeps clicking does not share the interpreter with the warm-up. A visitor who clicks while a step
is under way does not share it either: the step stands aside at its next call into ``cxlib`` until that
visitor's run has ended (:meth:`_ScriptRuns.making_way`).

When it is done, the objects alive at that point (imported modules, the demo results) are moved out of
the garbage collector's sight with :func:`gc.freeze`: Streamlit collects all generations after every
script run (``runner.postScriptGC``), and scanning this long-lived heap took 0.1–0.2 s of every rerun.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, TypeVar

import streamlit as st

import cxlib
from cxlib.errors import CxError
from cxlib.i18n import LANGUAGES
from pages import _state as state

T = TypeVar("T")
_LOG = logging.getLogger(__name__)
# How often the thread looks whether a visitor's script run has ended before it takes its next step.
POLL_SECONDS = 0.05
# How long no visitor's script (or fragment) may have run before the thread takes a step: a visitor who
# clicks again within this gap finds the interpreter free instead of shared with a warm-up step.
QUIET_SECONDS = 1.0
# At most this long a step stands aside for one visitor's run: the step may hold something that run
# waits for (a lock, a module being imported), and then the wait ends here instead of never.
MAKE_WAY_SECONDS = 1.0
MAKE_WAY_POLL_SECONDS = 0.005
# A browser loading the app's files (a new visitor, before any script run) sends its requests this close
# together; the warm-up stands aside from the first until none has come for this long.
REQUEST_GAP_SECONDS = 0.3
# How long the warm-up waits for Streamlit's collection after the first visitor's run before it
# collects itself (it comes within milliseconds of the run's end).
FULL_COLLECTION_SECONDS = 2.0
_CXLIB = os.path.dirname(cxlib.__file__) + os.sep
_IMPORT_MACHINERY = "<frozen importlib"


class _ScriptRuns:
    """How many visitors' script runs are in progress right now (all sessions of this process), when the
    last one ended, and when the server last began to answer an HTTP request (a new visitor's browser
    loads about a hundred files before its first script run; each waits for the interpreter too)."""

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self._count = 0
        self._started = 0  # runs started so far: numbers the run in progress
        self._made_way_for = (0, 0)  # the run and burst a step stood aside for as long as it may
        self._clock, self._sleep = clock, sleep
        self._last_end = clock()
        self._last_request = -float("inf")
        self._bursts = 0  # bursts of requests so far: numbers the one in progress
        self._lock = threading.Lock()

    def request_started(self) -> None:
        """The server begins to answer an HTTP request (called from the request handler's thread)."""
        now = self._clock()
        with self._lock:
            if now - self._last_request >= REQUEST_GAP_SECONDS:
                self._bursts += 1
            self._last_request = now

    def _busy(self) -> bool:
        return bool(self._count) or self._clock() - self._last_request < REQUEST_GAP_SECONDS

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        with self._lock:
            self._count += 1
            self._started += 1
        try:
            yield
        finally:
            with self._lock:
                self._count -= 1
                self._last_end = self._clock()

    def wait_until_none(self) -> None:
        while self._count:
            self._sleep(POLL_SECONDS)

    def wait_until_quiet(self, seconds: float = QUIET_SECONDS) -> None:
        """Return once no run is in progress, none has ended for ``seconds`` and no request has begun for
        as long."""
        while self._count or self._clock() - max(self._last_end, self._last_request) < seconds:
            self._sleep(POLL_SECONDS)

    def make_way(self, *, needed: Callable[[], bool]) -> None:
        """Wait while a visitor's run is in progress or their browser loads files, at most
        :data:`MAKE_WAY_SECONDS` per run or burst of requests, and not while ``needed()``: a visitor
        waits for what this thread computes."""
        visit = (self._started, self._bursts)
        if not self._busy() or self._made_way_for == visit:
            return
        deadline = self._clock() + MAKE_WAY_SECONDS
        while self._busy() and not needed():
            if self._clock() >= deadline:
                self._made_way_for = visit  # it may be waiting for this thread: go on beside it
                return
            self._sleep(MAKE_WAY_POLL_SECONDS)

    @contextlib.contextmanager
    def making_way(self, *, needed: Callable[[], bool]) -> Iterator[None]:
        """Inside, the calling thread stands aside (:meth:`make_way`) whenever it calls a ``cxlib``
        function while a visitor's run is in progress, except while it imports a module (the visitor's
        run may import the same one).

        A trace function sees every call of this thread only; a step then takes up to half as long
        again, in the background. Two threads that share the interpreter each run at half speed, so
        without this a visitor's click that lands in a step would wait up to twice as long.
        """

        def trace(frame: FrameType, event: str, arg: Any) -> None:
            if frame.f_code.co_filename.startswith(_CXLIB) and self._busy() and not _importing(frame):
                self.make_way(needed=needed)

        sys.settrace(trace)
        try:
            yield
        finally:
            sys.settrace(None)


def _importing(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code.co_filename.startswith(_IMPORT_MACHINERY):
            return True
        frame = frame.f_back
    return False


@st.cache_resource(max_entries=1, show_spinner=False)
def _script_runs() -> _ScriptRuns:
    return _ScriptRuns()


@contextlib.contextmanager
def script_run() -> Iterator[None]:
    """Wrap a visitor's script run (app.py) or fragment run: the warm-up keeps out of its way, and the
    run builds the keys of the tables in use once (``state.run_memo``)."""
    with _script_runs().running(), state.run_memo():
        yield


def fragment(function: Callable[..., T]) -> Callable[..., T]:
    """``st.fragment`` whose reruns the warm-up waits for like a whole script run (a fragment's rerun
    does not run app.py)."""

    @functools.wraps(function)
    def marked(*args, **kwargs) -> T:
        with script_run():
            return function(*args, **kwargs)

    return st.fragment(marked)


def _steps() -> list[tuple[str, Callable[[], object]]]:
    """What the pages ask of the demo data on their first view, most visited first."""
    steps: list[Callable[[], object]] = [
        state.kpi_tiles,
        state.findings,
        state.period_caption,
        state.personas,
        state.journey_result,
        state.filter_options,
        state.persona_filter_options,
        state.overview_charts,
        state.persona_sizes_in_view,
        state.persona_feature_options,
        state.persona_map_frame,
        state.persona_comparison_in_view,
        state.persona_psychographics,
        state.persona_value_lines,
        state.value_section,
        state.voices,
    ]
    named = [(step.__name__, step) for step in steps]
    # The drill-downs a page opens on: the people behind the NPS and the churn tile, the first persona.
    named += [
        (f"people_behind({kind})", functools.partial(state.people_behind, kind)) for kind in state.DRILL_KINDS
    ]
    named.append(("persona_members_in_view(0)", functools.partial(state.persona_members_in_view, 0)))
    return named


def warm(stores: tuple, runs: _ScriptRuns | None = None) -> int:
    """Compute every step as a new demo visitor in each language would, into ``stores`` (the shared
    results and charts), each step only in a quiet gap between visitors' runs and standing aside for a
    run that starts during it; returns the steps that failed."""
    failed = 0
    making_way = contextlib.nullcontext() if runs is None else runs.making_way(needed=_needed(stores))
    with making_way:
        for language in LANGUAGES:
            failed += _warm_language(language, stores, runs)
    return failed


def _needed(stores: tuple) -> Callable[[], bool]:
    return lambda: any(store.waiters for store in stores)


def _warm_language(language: str, stores: tuple, runs: _ScriptRuns | None) -> int:
    failed = 0
    with state.as_demo_visitor(language, stores):
        for name, step in _steps():
            if runs is not None:
                runs.wait_until_quiet()
            try:
                step()
            except CxError:  # a result the demo cannot give is stored as such; nothing to warm
                pass
            except Exception as error:  # the page computes it again and shows the problem there
                failed += 1
                _LOG.warning("warm-up step %s failed: %s: %s", name, type(error).__name__, error)
    return failed


def _warm_then_freeze(stores: tuple, runs: _ScriptRuns) -> None:
    started = time.perf_counter()
    runs.wait_until_none()
    # First, while the first visitor's browser draws the page: what lives now (modules, the demo's
    # first results) out of the collector's sight, so that the visitors' runs until the end of the
    # warm-up do not each scan it again (0.2–0.3 s per run); then, in a quiet gap (a second visitor may
    # be loading the app's files right now), the lemmatiser's dictionaries: 0.4 s of simplemma's own
    # loop, in which no call into cxlib lets the warm-up stand aside.
    _freeze_after_full_collection()
    runs.wait_until_quiet()
    _load_dictionaries()
    warm(stores, runs)
    runs.wait_until_quiet()  # a full collection holds the interpreter for about 0.2 s: not mid-click
    _collect_and_freeze()
    _LOG.info(
        "demo warm after %.1f s; %d objects frozen", time.perf_counter() - started, gc.get_freeze_count()
    )


def _load_dictionaries() -> None:
    # Imported here: cxlib.voices imports scikit-learn (0.8 s), which the first tiles do not need.
    from cxlib.voices.normalize import load_dictionaries

    load_dictionaries()


def _collect_and_freeze() -> None:
    gc.collect()
    gc.freeze()  # what lives now lives as long as the process: no full collection scans it again


def _freeze_after_full_collection(timeout: float = FULL_COLLECTION_SECONDS) -> None:
    """Freeze the heap right after the next full collection: the one Streamlit runs after the first
    visitor's script (``runner.postScriptGC``). The heap is clean then, so freezing needs no collection
    of its own, which would hold the interpreter for another 0.2 s while the first page's last messages
    and the next visitor's files wait to be sent. Without a full collection within ``timeout``, collect."""
    collected = threading.Event()

    def after(phase: str, info: dict) -> None:
        if phase == "stop" and info.get("generation") == 2:
            collected.set()

    gc.callbacks.append(after)
    try:
        if not collected.wait(timeout):
            gc.collect()
    finally:
        gc.callbacks.remove(after)
    gc.freeze()


def _watch_requests(runs: _ScriptRuns) -> None:
    """Tell ``runs`` whenever the server begins to answer an HTTP request (static files, health, the
    websocket's opening): Streamlit's server is a Starlette application, whose entry every request passes.
    Only a time is noted; the request itself is untouched. Without Starlette, nothing is watched."""
    try:
        from starlette.applications import Starlette
    except ImportError:  # another server: the warm-up still stands aside for script runs
        return
    original = Starlette.__call__
    if getattr(original, "_tells_runs", None) is runs:
        return

    @functools.wraps(original)
    async def noted(app, scope, receive, send) -> None:
        if scope.get("type") in ("http", "websocket"):
            runs.request_started()
        await original(app, scope, receive, send)

    noted._tells_runs = runs  # type: ignore[attr-defined]
    Starlette.__call__ = noted  # type: ignore[method-assign]


@st.cache_resource(max_entries=1, show_spinner=False)
def _warm_up_thread(_stores: tuple) -> threading.Thread:
    runs = _script_runs()
    _watch_requests(runs)
    thread = threading.Thread(
        target=_warm_then_freeze, args=(_stores, runs), name="demo-warm-up", daemon=True
    )
    thread.start()
    return thread


def warm_up_demo() -> None:
    """Start the warm-up once per server process (not under AppTest, which has no server runtime)."""
    from streamlit import runtime

    if runtime.exists():
        _warm_up_thread(state.shared_stores())
