"""Charts as pictures to take away: any Altair chart as PNG or SVG (rendered by vl-convert, no browser)."""

from __future__ import annotations

__all__ = ["REPORT_CHART_WIDTH", "chart_png", "chart_svg", "journey_png"]


def chart_png(chart, *, scale: float = 2) -> bytes:
    """An Altair chart as PNG bytes (rendered by vl-convert, no browser needed).

    Examples
    --------
    >>> import altair as alt
    >>> import pandas as pd
    >>> chart = alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x", y="y")
    >>> chart_png(chart)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_dict(), scale=scale)


def chart_svg(chart) -> str:
    """An Altair chart as SVG text.

    Examples
    --------
    >>> import altair as alt
    >>> import pandas as pd
    >>> chart = alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x", y="y")
    >>> chart_svg(chart).startswith("<svg")
    True
    """
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


#: The journey curve's width in the reports (px before scaling): wide enough for every touchpoint label.
REPORT_CHART_WIDTH = 900


def journey_png(journey, *, lang: str = "en", width: int = REPORT_CHART_WIDTH) -> bytes:
    """The journey curve of a :class:`cxlib.journey.JourneyResult` as the PNG the PDF and the slides show,
    drawn at ``width`` pixels so no touchpoint label is squeezed."""
    from cxlib.charts.journey import journey_curve_chart

    return chart_png(journey_curve_chart(journey, lang=lang).properties(width=width))
