"""Chart specs are cached by the content of their inputs (issue 15): a rerun without changes builds no
chart; a change of an input (here the language) builds it again."""

import functools

import pytest

import cxlib.charts.journey as journey_charts
from pages import _state as state
from tests.conftest import charts, open_page


@pytest.fixture
def counted_curve(monkeypatch):
    """Count the calls of the journey curve builder (the page and the chart cache look it up by name)."""
    calls = []
    original = journey_charts.journey_curve_chart

    @functools.wraps(original)
    def counting(*args, **kwargs):
        calls.append(kwargs.get("lang"))
        return original(*args, **kwargs)

    monkeypatch.setattr(journey_charts, "journey_curve_chart", counting)
    state._shared_charts.clear()
    return calls


def test_a_rerun_builds_no_chart_and_a_language_switch_builds_it_again(app, counted_curve):
    open_page(app, "journey")
    assert counted_curve == ["en"]
    app.run()
    assert not app.exception
    assert counted_curve == ["en"], "a rerun without changes rebuilt the journey curve"
    app.session_state[state.LANG] = "de"
    app.run()
    assert counted_curve == ["en", "de"]


def test_the_cached_chart_is_the_one_the_builder_makes(app, counted_curve):
    """The cache hands back the same chart the builder makes for these inputs."""
    page = open_page(app, "journey")
    specs = [element.proto.spec for element in charts(page)]
    assert counted_curve == ["en"] and len(specs) == 2  # the curve and the driver ranking
    page.run()
    assert [element.proto.spec for element in charts(page)] == specs


@pytest.fixture
def charting_visitor(monkeypatch, demo_visitor):
    """A demo visitor's session with fresh stores, outside any script run; counts hashed frames."""
    import cxlib.digest

    hashed = []
    original = cxlib.digest._feed_frame

    def counting(hasher, frame):
        hashed.append(len(frame))
        original(hasher, frame)

    monkeypatch.setattr(cxlib.digest, "_feed_frame", counting)
    return hashed


def test_a_chart_of_a_derived_result_is_keyed_by_its_provenance_not_its_frames(charting_visitor):
    result = state.journey_result()
    charting_visitor.clear()
    first = state.cached_chart(journey_charts.journey_curve_chart, result, lang="en")
    again = state.cached_chart(journey_charts.journey_curve_chart, state.journey_result(), lang="en")
    assert again is first
    assert charting_visitor == [], "the journey's frames were hashed again"


def test_an_equal_copy_is_keyed_by_its_content(charting_visitor):
    import copy

    result = state.journey_result()
    first = state.cached_chart(journey_charts.journey_curve_chart, result, lang="en")
    twin = copy.deepcopy(result)  # not a result of the store: keyed by what it holds
    charting_visitor.clear()
    other = state.cached_chart(journey_charts.journey_curve_chart, twin, lang="en")
    assert charting_visitor, "a value from elsewhere must be keyed by its content"
    assert other is not first and other.to_dict() == first.to_dict()


def test_a_results_identity_is_forgotten_with_the_result():
    import gc

    class Result:
        pass

    result = Result()
    state._remember_provenance(result, "key-of-result")
    identity = id(result)
    assert state._keyed_by_provenance(result).cache_digest() == "key-of-result"
    del result
    gc.collect()
    assert identity not in state._PROVENANCE
