"""Fixtures shared by the page-state tests."""

import pytest

from pages import _state as state


@pytest.fixture
def demo_visitor():
    """A fresh demo visitor's session (the warm-up's private dict) with its own result stores, outside
    any script run; yields those (results, charts) stores."""
    stores = (state._ResultStore(state.SHARED_RESULTS), state._ResultStore(state.CHART_RESULTS))
    with state.as_demo_visitor("en", stores):
        yield stores
