"""Charts as pictures to take away: any Altair chart as PNG or SVG (rendered by vl-convert, no browser)."""

from __future__ import annotations

__all__ = ["REPORT_CHART_WIDTH", "chart_png", "chart_svg", "journey_png", "persona_png"]


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


def persona_png(document: dict, *, lang: str = "en") -> bytes | None:
    """The personas side by side as a PNG for the PDF's persona page: each persona's NPS as a bar (red
    below zero), labelled with its share of the customers; None without personas or NPS."""
    import altair as alt
    import pandas as pd

    from cxlib.i18n import format_number, format_percent, t

    personas = [p for p in (document.get("personas") or {}).get("personas") or [] if p.get("nps") is not None]
    if not personas:
        return None
    persona, nps = t("export.col.persona", lang), t("export.col.nps", lang)
    table = pd.DataFrame({
        persona: [f"{p.get('name')} ({format_percent(p.get('share'), lang, decimals=0)})" for p in personas],
        nps: [float(p["nps"]) for p in personas],
        "label": [format_number(p["nps"], lang, signed=True) for p in personas],
    })  # fmt: skip
    base = alt.Chart(table).encode(
        y=alt.Y(f"{persona}:N", sort=None, title=None, axis=alt.Axis(labelFontSize=13, labelLimit=320)),
        x=alt.X(f"{nps}:Q", title=nps, scale=alt.Scale(domain=[-100, 100])),
    )
    colour = alt.condition(alt.datum[nps] < 0, alt.value("#c0392b"), alt.value("#1f4e79"))
    bars = base.mark_bar(height=22).encode(color=colour)
    right = base.mark_text(align="left", dx=4, fontSize=13).encode(text="label:N")
    left = base.mark_text(align="right", dx=-4, fontSize=13).encode(text="label:N")
    labels = right.transform_filter(alt.datum[nps] >= 0) + left.transform_filter(alt.datum[nps] < 0)
    chart = (bars + labels).properties(
        width=REPORT_CHART_WIDTH - 320, height=40 * len(table), title=t("report.persona_chart", lang)
    )
    return chart_png(chart)
