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
