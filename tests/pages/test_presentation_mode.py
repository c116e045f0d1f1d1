"""Presentation mode under AppTest: every step renders without an error element, in both languages.

The presentation button's callback does not rerun under AppTest (Streamlit's legacy pages quirk), so the
tests switch the mode on through the session state the button sets, as the real browser does.
"""

import pytest

from pages import _state as state
from tests.conftest import charts, open_page

STEPS = ("summary", "personas", "journey")


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("step", STEPS)
def test_every_step_renders(app, step, language):
    app.session_state[state.LANG] = language
    app.session_state[state.PRESENTATION] = True
    page = open_page(app, step)
    assert not page.error
    assert charts(page), f"the {step} step shows no chart"


def test_personas_step_shows_the_comparison_heatmap(app):
    """Regression: the comparison heatmap's height is a step object, which once crashed this step."""
    app.session_state[state.PRESENTATION] = True
    page = open_page(app, "personas")
    specs = [chart.proto.spec for chart in charts(page)]
    assert any('"rect"' in spec for spec in specs)
