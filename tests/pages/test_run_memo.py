"""The run memo (pages/_state.run_memo): one script run builds the key of the tables in use once, and a
change of the visitor's files or mapping during that run is seen at once (never a stale table)."""

from __future__ import annotations

import threading

import pytest

from pages import _state as state


@pytest.fixture
def builds(monkeypatch):
    """Counts how often this test's thread builds the tables' key (a script thread an earlier AppTest
    left running may build its own meanwhile)."""
    counted = []
    original = state._tables_in_use
    this_thread = threading.get_ident()

    def counting():
        if threading.get_ident() == this_thread:
            counted.append(1)
        return original()

    monkeypatch.setattr(state, "_tables_in_use", counting)
    return counted


def test_a_run_builds_the_tables_key_once(demo_visitor, builds):
    with state.run_memo():
        keys = {state.fingerprint() for _ in range(5)}
        state.loaded_tables()
        state.validated_tables()
    assert len(keys) == 1
    assert len(builds) == 1


def test_outside_a_run_every_call_builds_the_key(demo_visitor, builds):
    state.fingerprint()
    state.fingerprint()
    assert len(builds) == 2


def test_a_nested_run_keeps_the_outer_runs_memo(demo_visitor, builds):
    with state.run_memo():
        state.fingerprint()
        with state.run_memo():  # a fragment drawn inside the page's run
            state.fingerprint()
        state.fingerprint()
    assert len(builds) == 1


def test_an_upload_during_a_run_is_seen_by_the_same_run(demo_visitor):
    content = state.DEMO_FILES["customers"].read_bytes()
    with state.run_memo():
        demo = state.fingerprint()
        assert set(state.loaded_tables()) >= {"customers", "survey"}
        assert state.accept_upload("customers", "kunden.xlsx", content) is None
        assert state.fingerprint() != demo
        assert set(state.loaded_tables()) == {"customers"}
        assert state.current_uploads()["customers"].name == "kunden.xlsx"
        state.use_demo_data()
        assert state.fingerprint() == demo


def test_a_mapping_choice_during_a_run_is_seen_by_the_same_run(demo_visitor):
    content = state.DEMO_FILES["customers"].read_bytes()
    with state.run_memo():
        assert state.accept_upload("customers", "kunden.xlsx", content) is None
        before = state.fingerprint()
        sheet = state.loaded_tables()["customers"].sheet
        assert state.set_choice("customers", sheet=sheet, roles=None) is None  # the sheet, now by hand
        assert state.fingerprint() != before
