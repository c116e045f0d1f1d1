"""Every chart the pages show has a Vega-Lite spec that passes Altair's JSON-schema validation.

The pages serialise charts without validating them (:mod:`cxlib.charts.unvalidated`, a per-rerun cost);
this is where each kind of chart is validated, once, on the sample files in both languages.
"""

from pathlib import Path

import altair as alt
import pytest

from cxlib.analysis import default_journey, fit_personas, load_files, survey_touchpoints, value_result
from cxlib.charts.formats import localized
from cxlib.charts.journey import driver_quadrant_chart, driver_ranking_chart, journey_curve_chart
from cxlib.charts.personas import (
    persona_comparison_chart,
    persona_map_chart,
    persona_size_chart,
    silhouette_chart,
)
from cxlib.charts.unvalidated import unvalidated
from cxlib.charts.value import (
    clv_histogram_chart,
    cumulative_check_chart,
    frequency_check_chart,
    rfm_grid_chart,
)
from cxlib.charts.voices import difference_chart, monthly_sentiment, sentiment_time_chart, theme_chart
from cxlib.overview import overview_charts
from cxlib.personas import persona_comparison, persona_map_frame, personas_in
from cxlib.voices.section import build_voices

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data"


@pytest.fixture(scope="module")
def results() -> dict:
    loaded = load_files(
        {table: str(SAMPLE / f"{table}.xlsx") for table in ("customers", "survey", "transactions")}
    )
    tables = {table: item.validated for table, item in loaded.items()}
    customers = tables["customers"].data
    survey, touchpoints = survey_touchpoints(tables["survey"])
    model = fit_personas(customers, survey, touchpoints)
    return {
        "customers": customers,
        "survey": survey,
        "model": model,
        "journey": default_journey(survey, touchpoints),
        "value": value_result(tables),
        "voices": build_voices(survey, touchpoints=touchpoints),
    }


def _charts(results: dict, lang: str) -> dict:
    customers, survey, model = results["customers"], results["survey"], results["model"]
    journey, value, voices = results["journey"], results["value"], results["voices"]
    charts = dict(overview_charts(customers, survey, lang=lang))
    charts["journey_curve"] = journey_curve_chart(journey, lang=lang)
    charts["driver_quadrant"] = driver_quadrant_chart(journey, lang=lang)
    charts["driver_ranking"] = driver_ranking_chart(journey, lang=lang)
    charts["silhouette"] = silhouette_chart(model.silhouette_by_k_, model.k_, lang=lang)
    charts["persona_map"] = persona_map_chart(persona_map_frame(model, lang), lang=lang)
    charts["persona_sizes"] = persona_size_chart(personas_in(model, lang), lang=lang)
    comparison = persona_comparison(model, customers, survey, lang=lang)
    charts["persona_comparison"] = persona_comparison_chart(comparison, lang=lang)
    charts["rfm_grid"] = rfm_grid_chart(value.customers, value_column="clv", lang=lang)
    charts["clv_histogram"] = clv_histogram_chart(value.customers["clv"], lang=lang)
    if value.holdout is not None:
        charts["frequency_check"] = frequency_check_chart(value.holdout.by_frequency, lang=lang)
        charts["cumulative_check"] = cumulative_check_chart(
            value.holdout.cumulative, value.calibration_end, lang=lang
        )
    charts["voices_themes"] = theme_chart(voices.result.themes, lang=lang)
    if voices.detractor_themes:
        charts["voices_detractor_themes"] = difference_chart(voices.detractor_themes, lang=lang)
    charts["voices_sentiment_time"] = sentiment_time_chart(
        monthly_sentiment(voices.result.comments), lang=lang
    )
    return charts


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_page_chart_has_a_valid_spec(results, lang):
    charts = _charts(results, lang)
    assert {"journey_curve", "persona_comparison", "rfm_grid", "voices_themes"} <= set(charts)
    assert len(charts) >= 15
    for name, chart in charts.items():
        shown = localized(chart, lang)  # as pages/_widgets.chart hands it to Streamlit
        spec = shown.to_dict(validate=True)  # raises SchemaValidationError on an invalid spec
        assert spec == shown.to_dict(), name  # what the page sends is the validated spec


def test_unvalidated_charts_skip_only_the_validation():
    broken = alt.Chart().mark_bar().encode(x="x:Q")
    broken.width = "very wide"  # not a valid width (attributes are not checked when set)
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        broken.to_dict()
    fast = unvalidated(broken)
    assert fast.to_dict()["width"] == "very wide"
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        fast.to_dict(validate=True)
    original = alt.layer(alt.Chart().mark_bar(), alt.Chart().mark_rule())
    layered = unvalidated(original)
    assert isinstance(layered, alt.LayerChart) and layered.to_dict() == original.to_dict()
    layered += alt.Chart().mark_point()  # the copy has its own layers
    assert (len(layered.layer), len(original.layer)) == (3, 2)


def test_charts_are_the_same_without_altairs_check_at_construction(results):
    """Importing the charts switches off Altair's per-object check as charts are built (debug mode): the
    specs are exactly those built with it, and they still pass validation whole."""
    assert alt.utils.schemapi.DEBUG_MODE is False
    for lang in ("en", "de"):
        with alt.utils.schemapi.debug_mode(True):
            checked = {name: localized(c, lang).to_dict() for name, c in _charts(results, lang).items()}
        built = {name: localized(c, lang).to_dict() for name, c in _charts(results, lang).items()}
        assert built == checked


def test_an_invalid_chart_still_fails_when_it_is_serialised():
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        alt.Chart().mark_bar(size="large").to_dict()  # not checked when built, refused when serialised
