"""Cache keys are complete by construction: changing any input changes every result that depends on it
(and only those), and the journey per persona always follows the persona choice.

A probe script runs inside a real Streamlit session (AppTest) on the demo data, applies one change to
the session's inputs, and reports the key of every derived result in ``pages/_state.py``.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest


def _probe(change: str) -> None:
    """Runs as the app script: apply ``change`` to the session, then report the derived keys."""
    import datetime as dt
    import json

    import streamlit as st

    from cxlib.filters import Filters
    from pages import _state as state

    state.init_state()
    state.set_journey_options(by_persona=True)
    if change == "language":
        state.set_lang("de")
    elif change == "filters":
        state.set_filters(Filters(start=dt.date(2026, 1, 1)))
    elif change == "kpi_settings":
        state.set_kpi_settings(discount_rate=0.2)
    elif change == "persona_choice":
        state.set_persona_choice(2, None)
    elif change == "journey_table":
        table = state.journey_editor_table().copy()
        table.loc[len(table) - 1, "phase"] = "activation"  # beyond repr()'s view of a long table
        state.set_journey_editor_table(table)
    elif change == "journey_outcome":
        state.set_journey_options(outcome="satisfaction")
    keys = {
        "tables": state._tables().key,
        "personas": state._persona_model().key,
        "filtered": state._filtered().key,
        "tiles": state._derive(state._tiles_of, state._comparison_frames(), state.period_settings()).key,
        "journey": state._journey().key,
        "document": state._document().key,
    }
    groups = sorted(state.journey_result().by_group["group"].dropna().unique().tolist())
    personas = sorted(p.name for p in state.personas())
    st.text(json.dumps({"keys": keys, "groups": groups, "personas": personas}))


def _run(change: str) -> dict:
    session = AppTest.from_function(_probe, args=(change,), default_timeout=120)
    session.run()
    assert not session.exception, session.exception
    return json.loads(session.text[0].value)


@pytest.fixture(scope="module")
def baseline() -> dict:
    return _run("none")


# input changed -> the results that must change with it (all others must keep their key)
DEPENDS = {
    # the persona model is language-neutral (no refit); journey and document follow the persona names
    "language": {"journey", "document"},
    "filters": {"filtered", "tiles", "journey", "document"},
    "kpi_settings": {"tiles", "document"},
    "persona_choice": {"personas", "journey", "document"},
    "journey_table": {"journey", "document"},
    "journey_outcome": {"journey", "document"},
}


@pytest.mark.parametrize("change", sorted(DEPENDS))
def test_each_input_changes_exactly_its_dependent_results(baseline, change):
    changed = _run(change)
    moved = {name for name, key in changed["keys"].items() if key != baseline["keys"][name]}
    assert moved == DEPENDS[change]


def test_journey_per_persona_follows_the_persona_choice(baseline):
    """Regression: the Journey page once kept the old four personas after two were chosen."""
    assert baseline["groups"] == baseline["personas"] and len(baseline["personas"]) == 4
    two = _run("persona_choice")
    assert len(two["personas"]) == 2
    assert two["groups"] == two["personas"]
