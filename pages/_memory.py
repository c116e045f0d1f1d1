"""Memory of one small server shared by every visitor: the allocator is set up once, freed memory goes back
to the system, and a visitor who has left is released completely.

Why the last part is needed: when a browser tab closes, Streamlit drops the session's session-scoped caches
(our results of the visitor's own files) but keeps the session itself for ``server.disconnectedSessionTTL``
seconds (120) so that a network blip can reconnect to it. When that time is up, Streamlit 1.67 forgets
the session lazily (only when another session is stored) and never shuts it down, so the session state,
the uploaded files in Streamlit's upload store and the tables behind its dataframes stayed in memory for
good (measured: 30k-row uploads still held after the TTL; at 100k rows RSS grew by ~100 MB per departed
visitor and never came back).

So each session registers its departure (the release hook of a session-scoped resource, which Streamlit
calls on the event loop when the websocket closes), and the keeper thread closes the sessions that have
been gone for :data:`RELEASE_AFTER_SECONDS` through the runtime, on its event loop, as Streamlit's own
logout path does. A tab reopened within that time still finds its session.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
import time
import weakref

import streamlit as st

from cxlib.memory import configure_allocator, release_free_memory

TRIM_EVERY_SECONDS = 15.0
# Shorter than Streamlit's disconnectedSessionTTL (120 s, .streamlit/config.toml), so the session is still
# stored when it is closed (closing is what frees its uploaded files); long enough for the browser's own
# reconnect after a network blip or a laptop lid closed for a moment.
RELEASE_AFTER_SECONDS = 60.0


class _MemoryKeeper:
    """Configures the allocator once per process; every few seconds, from a background thread, closes
    the sessions of visitors who have left and hands freed memory back to the system (even when nobody
    reruns)."""

    def __init__(self) -> None:
        configure_allocator()
        self._departed: dict[str, tuple[float, asyncio.AbstractEventLoop, weakref.ref | None]] = {}
        self._lock = threading.Lock()
        self._collect = False
        self._thread = threading.Thread(target=self._keep_forever, name="memory-keeper", daemon=True)
        self._thread.start()

    def note_departure(self, session_id: str) -> None:
        """Remember that a session's websocket closed (called on the server's event loop)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not a disconnect on the server's loop (e.g. AppTest, a shutdown)
            return
        session = _app_session(session_id)  # still active while Streamlit releases its caches
        with self._lock:
            self._departed[session_id] = (time.monotonic(), loop, session and weakref.ref(session))

    def _keep_forever(self) -> None:
        while True:
            time.sleep(TRIM_EVERY_SECONDS)
            self.keep_once()

    def keep_once(self) -> None:
        """Close the sessions gone long enough, collect what the last closings left, trim the heap."""
        if self._collect:  # sessions closed on the last tick: their reference cycles are garbage now
            self._collect = False
            gc.collect()
        self._collect = self._release_departed() > 0
        release_free_memory()

    def _release_departed(self) -> int:
        now = time.monotonic()
        with self._lock:
            due = [
                (session_id, loop, session)
                for session_id, (since, loop, session) in self._departed.items()
                if now - since >= RELEASE_AFTER_SECONDS
            ]
            for session_id, _, _ in due:
                del self._departed[session_id]
        for session_id, loop, session in due:
            with contextlib.suppress(RuntimeError):  # the server is stopping
                loop.call_soon_threadsafe(_close_if_departed, session_id, session)
        return len(due)


def _app_session(session_id: str):
    from streamlit.runtime import Runtime

    return Runtime.instance().get_app_session(session_id) if Runtime.exists() else None


def _close_if_departed(session_id: str, session: weakref.ref | None) -> None:
    """Shut a session down unless its visitor came back (runs on the server's event loop)."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return
    runtime = Runtime.instance()
    if runtime.is_active_session(session_id):
        return
    runtime.close_session(session_id)  # uploaded files, dataframe sources, media, the stored session
    runtime.uploaded_file_mgr.remove_session_files(session_id)  # also when Streamlit forgot the session
    app_session = None if session is None else session()
    if app_session is not None:
        # Streamlit's message loop keeps the last session it flushed in a local variable until the next
        # visitor comes; without its state (widgets, uploads, the pages' tables) that costs nothing.
        state = app_session.session_state
        state.clear()  # keeps the widgets' metadata, whose callbacks hold the pages' globals:
        getattr(getattr(state, "_new_widget_state", None), "widget_metadata", {}).clear()


@st.cache_resource(max_entries=1, show_spinner=False)
def _memory_keeper() -> _MemoryKeeper:
    return _MemoryKeeper()


def _on_session_end(session_id: str) -> None:
    _memory_keeper().note_departure(session_id)  # the process's one keeper (a resource cache, no global)


@st.cache_resource(max_entries=1, scope="session", show_spinner=False, on_release=_on_session_end)
def _session_watch() -> str:
    """This session's id; Streamlit releases it (calling :func:`_on_session_end`) when the tab closes."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    return "" if context is None else context.session_id


def keep_memory_lean() -> None:
    """Called by app.py on every run: the keeper starts once per process, and this session is watched."""
    _memory_keeper()
    _session_watch()
