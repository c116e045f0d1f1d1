"""chart_png / chart_svg: any Altair chart as a downloadable PNG and SVG."""

import altair as alt
import pandas as pd

from cxlib.report import chart_png, chart_svg


def _chart():
    data = pd.DataFrame({"touchpoint": ["Website", "Lieferung"], "mean": [74.0, 54.0]})
    return alt.Chart(data, title="Zufriedenheit je Touchpoint").mark_bar().encode(x="touchpoint", y="mean")


def test_png_has_the_png_signature_and_double_scale():
    small, large = chart_png(_chart(), scale=1), chart_png(_chart())
    assert large.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(small[16:20], "big")
    assert int.from_bytes(large[16:20], "big") == 2 * width


def test_svg_contains_the_title_and_labels():
    svg = chart_svg(_chart())
    assert svg.startswith("<svg")
    assert "Zufriedenheit je Touchpoint" in svg and "Lieferung" in svg


def test_persona_chart_only_with_persona_nps():
    from cxlib.report.images import persona_png

    assert persona_png({}) is None
    assert persona_png({"personas": {"personas": [{"name": "A", "share": 0.5}]}}) is None
    document = {"personas": {"personas": [{"name": "A", "share": 0.6, "nps": 20.0},
                                          {"name": "B", "share": 0.4, "nps": -35.0}]}}  # fmt: skip
    png = persona_png(document, lang="de")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") > int.from_bytes(png[20:24], "big")  # wide, not squeezed


def test_journey_picture_is_drawn_at_the_report_width():
    from cxlib.journey import JourneySpec, build_journey
    from cxlib.report.images import REPORT_CHART_WIDTH, journey_png

    survey = pd.DataFrame({"Website": [5.0, 4.0, 3.0], "Lieferung": [1.0, 2.0, 2.0]})
    spec = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})
    png = journey_png(build_journey(survey, spec, outcome=None), lang="de")
    assert int.from_bytes(png[16:20], "big") >= 2 * REPORT_CHART_WIDTH  # scale 2: every label has room
