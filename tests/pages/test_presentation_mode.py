"""Presentation mode under AppTest: every step is a slide that renders without an error element, in both
languages, with projector-sized chart labels (the browser test tests/e2e/test_projector.py checks the fit).

Under AppTest a rerun after the first runs the page file itself (Streamlit's legacy pages quirk), not
app.py, which draws the slides; so each slide is run here as a small script of its own, in presentation
mode as the presentation button leaves the session.
"""

import json

import pytest

from cxlib.charts.personas import persona_comparison_chart
from cxlib.i18n import t
from pages import _state as state
from pages import _widgets as widgets
from tests.conftest import ROOT, charts, open_page

STEPS = ("summary", "personas", "journey", "value")
TITLES = {
    "summary": "ui.summary.title",
    "personas": "nav.personas",
    "journey": "nav.journey",
    "value": "value.page.title",
}


def _slide_script(step: str) -> None:
    from pages import _slides as slides
    from pages import _state as state

    state.init_state()
    slides.show_slide(step)


def _present(app, step, language="en", settings=None):
    from streamlit.testing.v1 import AppTest

    slide = AppTest.from_function(_slide_script, args=(step,), default_timeout=120)
    slide.session_state[state.LANG] = language
    slide.session_state[state.PRESENTATION] = True
    if settings:
        slide.session_state[state.KPI_SETTINGS] = settings
    slide.run()
    assert not slide.exception, slide.exception
    return slide


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("step", STEPS)
def test_every_step_renders_as_a_slide(app, step, language):
    page = _present(app, step, language)
    assert not page.error
    assert page.title[0].value == t(TITLES[step], language)
    assert not page.expander and not page.dataframe, "a slide has no controls or tables"


def test_summary_slide_shows_the_tiles_and_the_top_findings(app):
    page = _present(app, "summary")
    assert len(page.metric) == 5
    findings = [element.value for element in page.markdown if element.value.startswith("- ")]
    assert len(findings) == 1
    assert findings[0].count("\n- ") == 2  # the three most important findings


def test_personas_slide_shows_every_persona(app):
    """One card per persona of the demo (the names the Personas page shows), each with its size."""
    page = _present(app, "personas")
    cards = [element.value[4:] for element in page.markdown if element.value.startswith("### ")]
    listed = {element.value for element in open_page(app, "personas").subheader}
    assert len(cards) >= 2
    assert set(cards) <= listed
    sizes = [element.value for element in page.markdown if " customers · " in element.value]
    assert len(sizes) == len(cards)


def test_journey_slide_chart_has_projector_sized_labels(app):
    page = _present(app, "journey")
    (chart,) = charts(page)
    spec = json.loads(chart.proto.spec)
    assert spec["config"]["axis"]["labelFontSize"] >= 16
    assert spec["config"]["text"]["fontSize"] >= 16
    assert spec["config"]["legend"]["labelFontSize"] >= 16


def test_value_slide_shows_money_in_the_chosen_currency(app):
    page = _present(app, "value", settings={"currency": "USD"})
    revenue = next(m for m in page.metric if m.label == t("value.tile.revenue_12m", "en"))
    assert revenue.value.startswith("$")
    assert len(charts(page)) == 1


def test_the_first_run_of_app_py_in_presentation_mode_shows_the_bar_and_the_summary_slide():
    from streamlit.testing.v1 import AppTest

    session = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    session.session_state[state.PRESENTATION] = True
    session.run()
    assert not session.exception, session.exception
    labels = [button.label for button in session.button]
    assert t("ui.present.next", "en") in labels and t("ui.present.exit", "en") in labels
    back = next(button for button in session.button if button.label == t("ui.present.back", "en"))
    assert back.disabled
    assert session.title[0].value == t("ui.summary.title", "en")
    assert session.caption[0].value == t("ui.present.step", "en", step=1, steps=4)
    assert not session.sidebar.button


def test_a_step_height_object_gets_a_roomy_default():
    """Regression: the comparison heatmap's height is a step object, which once crashed presenting."""
    import pandas as pd

    comparison = pd.DataFrame(
        {"metric": ["age"], "label": ["Age"], "A": [30.0], "B": [50.0], "All customers": [40.0]}
    )
    assert widgets._presentation_height(persona_comparison_chart(comparison, lang="en")) == 380 + 160
