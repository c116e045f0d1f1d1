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
