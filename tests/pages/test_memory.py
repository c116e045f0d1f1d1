"""The release of departed visitors' sessions (pages/_memory.py), without a server: which sessions the
keeper hands to the event loop for closing, and when."""

from __future__ import annotations

import threading
import time

from pages import _memory


class _Loop:
    """Stands in for the server's event loop: records what would be called on it."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def call_soon_threadsafe(self, function, *args) -> None:
        self.calls.append((function, *args))


def _keeper() -> _memory._MemoryKeeper:
    keeper = object.__new__(_memory._MemoryKeeper)  # no allocator set-up, no background thread
    keeper._departed, keeper._lock, keeper._collect = {}, threading.Lock(), False
    return keeper


def test_only_sessions_gone_longer_than_the_grace_are_closed_and_each_once():
    keeper, loop = _keeper(), _Loop()
    now = time.monotonic()
    keeper._departed["gone"] = (now - _memory.RELEASE_AFTER_SECONDS - 1, loop, None)
    keeper._departed["just_left"] = (now, loop, None)
    assert keeper._release_departed() == 1
    assert loop.calls == [(_memory._close_if_departed, "gone", None)]
    assert list(keeper._departed) == ["just_left"]
    assert keeper._release_departed() == 0  # nothing is closed twice


def test_a_departure_outside_the_servers_event_loop_is_not_recorded():
    keeper = _keeper()
    # e.g. AppTest, or a shutdown: Streamlit frees those itself. A thread of its own has no running loop
    # (the test session's main thread may have one: Playwright's browser fixture keeps its loop running).
    thread = threading.Thread(target=keeper.note_departure, args=("session",))
    thread.start()
    thread.join()
    assert keeper._departed == {}


def test_the_grace_is_shorter_than_streamlits_reconnect_window():
    import tomllib

    from tests.e2e.conftest import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    reconnect_window = config["server"]["disconnectedSessionTTL"]
    assert reconnect_window > _memory.RELEASE_AFTER_SECONDS + _memory.TRIM_EVERY_SECONDS
