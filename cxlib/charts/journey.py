"""Charts of the customer journey map: the satisfaction curve over the phases, and the driver quadrant.

Both take a :class:`cxlib.journey.JourneyResult` (a few rows per touchpoint, so they stay far below the
5,000-mark limit; group lines are capped at :data:`MAX_GROUPS`, and the subtitle says so).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cxlib.charts.formats import label_expr, localized, wrapped_labels
from cxlib.i18n import format_number, format_percent, t
from cxlib.journey import QUADRANTS, JourneyResult
from cxlib.phases import PHASES

#: Light band colours behind the touchpoints, one per phase in :data:`cxlib.phases.PHASES` order.
PHASE_COLOURS = ("#dbe9f6", "#e2f0d9", "#fdebd3", "#ece2f0")
PAIN_COLOUR = "#c0392b"
LINE_COLOUR = "#1f4e79"
QUADRANT_COLOURS = ("#c0392b", "#1e8449", "#7f8c8d", "#b7b7b7")
#: At most this many group lines are drawn (the largest groups by answers).
MAX_GROUPS = 8
#: Designed size of the journey curve: a column per touchpoint wide enough for two lines of
#: :data:`LABEL_WIDTH` characters (PNG/SVG exports use it; the app stretches the width to the page).
TOUCHPOINT_WIDTH = 96
MIN_WIDTH = 720
CURVE_HEIGHT = 380
#: Size of the chart's own text (annotations, phase names, values); a chart-level setting, so that
#: presentation mode can enlarge it.
TEXT_PX = 12
#: Characters per line of a touchpoint label (long survey questions wrap into two lines, then "…").
LABEL_WIDTH = 16
#: More touchpoints than this: labels are drawn at an angle so that none is dropped at 1280 px.
UPRIGHT_LABELS = 8
# Group colours without red, which marks pain points.
GROUP_COLOURS = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#9d755d", "#eeca3b", "#72b7b2", "#79706e")


def _check_result(result: JourneyResult, lang: str) -> None:
    if not isinstance(result, JourneyResult):
        raise ValueError(f"expected a JourneyResult, got {type(result).__name__}")
    if lang not in ("en", "de"):
        raise ValueError(f"lang must be 'en' or 'de', got {lang!r}")


def touchpoint_axis(order: list[str], title: str) -> alt.Axis:
    """Every touchpoint labelled: wrapped, distinct labels, never dropped for overlap.

    Examples
    --------
    >>> axis = touchpoint_axis(["Website", "Lieferung"], "Touchpoint").to_dict()
    >>> axis["labelOverlap"], axis["labelAngle"]
    (False, 0)
    """
    labels = wrapped_labels(order, width=LABEL_WIDTH)
    return alt.Axis(
        title=title,
        labelExpr=label_expr(labels),
        labelOverlap=False,
        labelAngle=0 if len(order) <= UPRIGHT_LABELS else -35,
        labelAlign="center" if len(order) <= UPRIGHT_LABELS else "right",
        labelBaseline="top",
        labelLimit=0,
        labelPadding=6,
    )


def _x(order: list[str], lang: str, **kwargs) -> alt.X:
    """The touchpoint axis: nominal, in journey order, also for touchpoints without a value."""
    return alt.X(
        "touchpoint:N",
        sort=order,
        scale=alt.Scale(domain=order),
        axis=touchpoint_axis(order, t("journey.axis.touchpoint", lang)),
        **kwargs,
    )


def _phase_segments(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Runs of consecutive touchpoints in one phase: the first touchpoint and the label of each run."""
    runs = table["phase"].ne(table["phase"].shift()).cumsum()
    first = table.groupby(runs, sort=False).head(1)
    return pd.DataFrame({
        "touchpoint": first["touchpoint"].to_numpy(),
        "phase": first["phase"].to_numpy(),
        "label": [t(f"phase.{phase}", lang) for phase in first["phase"]],
    })  # fmt: skip


def _phase_bands(table: pd.DataFrame, order: list[str], lang: str) -> alt.LayerChart:
    """One light rectangle per touchpoint coloured by phase, and the phase name at the start of each run."""
    phase_names = [t(f"phase.{phase}", lang) for phase in PHASES]
    bands = pd.DataFrame({
        "touchpoint": table["touchpoint"],
        "phase_label": [t(f"phase.{phase}", lang) for phase in table["phase"]],
    })  # fmt: skip
    rect = (
        alt.Chart(bands)
        .mark_rect(opacity=0.8)
        .encode(
            x=_x(order, lang),
            color=alt.Color(
                "phase_label:N",
                scale=alt.Scale(domain=phase_names, range=list(PHASE_COLOURS)),
                title=t("journey.axis.phase", lang),
                legend=None,
            ),
        )
    )
    labels = (
        alt.Chart(_phase_segments(table, lang))
        .mark_text(align="left", baseline="top", dx=4, dy=4, fontWeight="bold", color="#444444")
        .encode(x=_x(order, lang, bandPosition=0), y=alt.YValue(0), text=alt.Text("label:N"))
    )
    return alt.layer(rect, labels)


def _y(lang: str, field: str = "mean") -> alt.Y:
    return alt.Y(f"{field}:Q", scale=alt.Scale(domain=[0, 100]), title=t("journey.axis.satisfaction", lang))


def _tooltip(lang: str) -> list[alt.Tooltip]:
    """The full touchpoint name and its figures, formatted for the reader (see :func:`_tooltip_texts`)."""
    return [
        alt.Tooltip("touchpoint:N", title=t("journey.col.touchpoint", lang)),
        alt.Tooltip("phase_label:N", title=t("journey.col.phase", lang)),
        alt.Tooltip("mean_text:N", title=t("journey.col.mean", lang)),
        alt.Tooltip("native_text:N", title=t("journey.col.native_mean", lang)),
        alt.Tooltip("ci_text:N", title=t("journey.col.ci", lang)),
        alt.Tooltip("n_text:N", title=t("journey.col.n", lang)),
        alt.Tooltip("bottom_text:N", title=t("journey.col.bottom_box", lang)),
        alt.Tooltip("pain_reason:N", title=t("journey.col.pain", lang)),
    ]


def _tooltip_texts(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The tooltip's numbers as text in the reader's language ("62,5", "1.234", "12 %")."""

    def number(column: str, decimals: int) -> list[str]:
        return [format_number(value, lang, decimals=decimals) for value in table[column]]

    intervals = zip(number("ci_low", 1), number("ci_high", 1), strict=True)
    return table.assign(
        mean_text=number("mean", 1),
        native_text=number("native_mean", 2),
        ci_text=[f"{low} … {high}" for low, high in intervals],
        n_text=number("n", 0),
        bottom_text=[format_percent(value, lang, decimals=0) for value in table["bottom_box"]],
    )


def _worst_label(table: pd.DataFrame, order: list[str], lang: str) -> alt.Chart:
    """The lowest touchpoint always named above its point ("▼ Lieferung 41,2"), whatever the axis shows."""
    rated = table[table["mean"].notna()]
    worst = rated.nsmallest(1, "mean", keep="first")
    note = [f"▼ {name} {format_number(mean, lang, decimals=1)}" for name, mean in zip(
        worst["touchpoint"], worst["mean"], strict=True
    )]  # fmt: skip
    return (
        alt.Chart(worst[["touchpoint", "mean"]].assign(note=note))
        .mark_text(color=PAIN_COLOUR, dy=-18, fontWeight="bold", limit=320)
        .encode(x=_x(order, lang), y=_y(lang), text=alt.Text("note:N"))
    )


def journey_curve_chart(
    result: JourneyResult, *, lang: str = "en", by_group: bool = False, group_title: str | None = None
) -> alt.LayerChart:
    """The customer journey map: satisfaction (0–100) per touchpoint, in journey order, over phase bands.

    Layers: phase bands with their names, 95% intervals as bars, the line and points of the means
    (pain points red and annotated with their reason), and with ``by_group`` one line per group.

    Parameters
    ----------
    result : JourneyResult
        From :func:`cxlib.journey.build_journey`.
    lang : str
        Language of titles, axes, phase names and tooltips.
    by_group : bool
        Add one coloured line per group (needs ``result.by_group``); at most :data:`MAX_GROUPS`.
    group_title : str, optional
        Legend title of the groups (e.g. "Persona"); defaults to the generic "Group".

    Examples
    --------
    >>> from cxlib.journey import JourneySpec, build_journey
    >>> survey = pd.DataFrame({"Website": [5.0, 4.0], "Lieferung": [1.0, 2.0]})
    >>> spec = JourneySpec(("Website", "Lieferung"), {"Website": "information", "Lieferung": "loyalty"})
    >>> chart = journey_curve_chart(build_journey(survey, spec, outcome=None), lang="de")
    >>> chart.to_dict()["title"]["text"]
    'Customer Journey: Zufriedenheit je Touchpoint'
    """
    _check_result(result, lang)
    table = result.touchpoints.assign(
        phase_label=[t(f"phase.{p}", lang) for p in result.touchpoints["phase"]]
    )
    table = _tooltip_texts(table, lang)
    order = table["touchpoint"].tolist()
    base = alt.Chart(table)
    intervals = base.mark_rule(strokeWidth=3, opacity=0.45, color=LINE_COLOUR).encode(
        x=_x(order, lang), y=_y(lang, "ci_low"), y2=alt.Y2("ci_high:Q"), tooltip=_tooltip(lang)
    )
    line = base.mark_line(color=LINE_COLOUR, strokeWidth=2.5).encode(x=_x(order, lang), y=_y(lang))
    points = base.mark_point(filled=True, size=110, opacity=1).encode(
        x=_x(order, lang),
        y=_y(lang),
        color=alt.ColorValue(LINE_COLOUR, condition={"test": "datum.pain_point", "value": PAIN_COLOUR}),
        tooltip=_tooltip(lang),
    )
    labels: dict[str, list[str]] = {}
    for point in result.pain_points:
        labels.setdefault(point["touchpoint"], []).append(point["label"])
    pain = table[table["pain_point"]]
    annotations = (
        alt.Chart(pain.assign(note=[" · ".join(labels[name]) for name in pain["touchpoint"]]))
        .mark_text(color=PAIN_COLOUR, dy=20, limit=240)
        .encode(x=_x(order, lang), y=_y(lang), text=alt.Text("note:N"))
    )
    layers = [_phase_bands(table, order, lang), intervals, line, points, annotations]
    layers.append(_worst_label(table, order, lang))
    subtitle = [t("journey.chart.curve_subtitle", lang)]
    if by_group:
        group_layer, shown_note = _group_lines(result, order, lang, group_title)
        layers.insert(3, group_layer)
        subtitle.append(shown_note)
    # The phase bands and the group lines each have their own colour scale. Everything is given to the
    # layer at once: each chained .resolve_scale() / .properties() / .configure_text() would rebuild the
    # layered chart (a deep copy of every layer), most of the time this chart takes to build.
    chart = alt.layer(
        *layers,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent")),
        title=alt.TitleParams(t("journey.chart.curve_title", lang), subtitle=subtitle),
        width=curve_width(len(order)),
        height=CURVE_HEIGHT,
        config=alt.Config(text=alt.MarkConfig(fontSize=TEXT_PX)),
    )
    return localized(chart, lang)


def curve_width(touchpoints: int) -> int:
    """The designed width of the journey curve for ``touchpoints`` touchpoints (at least 720 px).

    Examples
    --------
    >>> curve_width(5), curve_width(12)
    (720, 1152)
    """
    return max(MIN_WIDTH, TOUCHPOINT_WIDTH * touchpoints)


def _group_lines(result: JourneyResult, order: list[str], lang: str, group_title: str | None):
    if result.by_group is None:
        raise ValueError("by_group=True needs a result built with group=")
    data = result.by_group
    sizes = data.groupby("group", sort=False)["n"].max().sort_values(ascending=False, kind="stable")
    shown = list(sizes.index[:MAX_GROUPS])
    data = data[data["group"].isin(shown)].assign(group=lambda d: d["group"].astype(str))
    title = group_title or t("journey.axis.group", lang)
    layer = (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=1.5, opacity=0.9)
        .encode(
            x=_x(order, lang),
            y=_y(lang),
            color=alt.Color(
                "group:N",
                title=title,
                sort=[str(g) for g in shown],
                scale=alt.Scale(domain=[str(g) for g in shown], range=list(GROUP_COLOURS[: len(shown)])),
            ),
            tooltip=[
                alt.Tooltip("group:N", title=title),
                alt.Tooltip("touchpoint:N", title=t("journey.col.touchpoint", lang)),
                alt.Tooltip("mean:Q", title=t("journey.col.mean", lang), format=".1f"),
                alt.Tooltip("n:Q", title=t("journey.col.n", lang)),
            ],
        )
    )
    note = t("journey.chart.groups_subtitle", lang, shown=len(shown), total=len(sizes))
    return layer, note


def driver_quadrant_chart(result: JourneyResult, *, lang: str = "en") -> alt.LayerChart:
    """Importance × performance: which weak touchpoints cost the most loyalty.

    Points (coloured by quadrant) with touchpoint labels, rule lines at the medians of importance and
    performance, and the four quadrant names in the corners. Without drivers (no outcome column) the
    chart says so instead.

    Examples
    --------
    >>> from cxlib.journey import JourneySpec, build_journey
    >>> survey = pd.DataFrame({"Website": [5.0, 4.0, 2.0] * 5, "Kasse": [1.0, 3.0, 2.0] * 5,
    ...                        "recommend": [9.0, 7.0, 4.0] * 5})
    >>> spec = JourneySpec(("Website", "Kasse"), {"Website": "information", "Kasse": "purchase"})
    >>> chart = driver_quadrant_chart(build_journey(survey, spec))
    >>> chart.to_dict()["title"]["text"]
    'What matters most: importance × performance'
    """
    _check_result(result, lang)
    outcome = _outcome_label(result.outcome, lang)
    title = alt.TitleParams(
        t("journey.chart.drivers_title", lang),
        subtitle=[t("journey.chart.drivers_subtitle", lang, outcome=outcome)],
    )
    drivers = result.drivers[result.drivers["importance"].notna()]
    if drivers.empty:
        message = pd.DataFrame({"text": [t("journey.note.no_outcome", lang)]})
        return alt.layer(
            alt.Chart(message).mark_text(fontSize=14, color="#666666").encode(text=alt.Text("text:N"))
        ).properties(title=title, height=MIN_RANK_HEIGHT)
    x_domain = _padded(drivers["performance"], 0, 100)
    y_domain = _padded(drivers["importance"], -1, 1)
    x = alt.X("performance:Q", scale=alt.Scale(domain=x_domain), title=t("journey.axis.performance", lang))
    y = alt.Y(
        "importance:Q",
        scale=alt.Scale(domain=y_domain),
        title=t("journey.axis.importance", lang, outcome=outcome),
    )
    labels = [t(f"journey.quadrant.{q}", lang) for q in QUADRANTS]
    data = drivers.assign(quadrant_label=[t(f"journey.quadrant.{q}", lang) for q in drivers["quadrant"]])
    base = alt.Chart(data)
    points = base.mark_point(filled=True, size=120).encode(
        x=x,
        y=y,
        color=alt.Color(
            "quadrant_label:N",
            scale=alt.Scale(domain=labels, range=list(QUADRANT_COLOURS)),
            title=None,
            legend=alt.Legend(orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("touchpoint:N", title=t("journey.col.touchpoint", lang)),
            alt.Tooltip(
                "importance:Q", title=t("journey.axis.importance", lang, outcome=outcome), format=".2f"
            ),
            alt.Tooltip("performance:Q", title=t("journey.axis.performance", lang), format=".1f"),
            alt.Tooltip("n:Q", title=t("journey.col.n", lang)),
            alt.Tooltip("quadrant_label:N", title=""),
        ],
    )
    names = base.mark_text(align="left", dx=8, fontSize=11).encode(x=x, y=y, text=alt.Text("touchpoint:N"))
    medians = pd.DataFrame(
        {"performance": [drivers["performance"].median()], "importance": [drivers["importance"].median()]}
    )
    vertical = alt.Chart(medians).mark_rule(strokeDash=[4, 4], color="#888888").encode(x=x)
    horizontal = alt.Chart(medians).mark_rule(strokeDash=[4, 4], color="#888888").encode(y=y)
    corners = pd.DataFrame({
        "label": labels,
        "performance": [x_domain[0], x_domain[1], x_domain[1], x_domain[0]],
        "importance": [y_domain[1], y_domain[1], y_domain[0], y_domain[0]],
        "align": ["left", "right", "right", "left"],
        "baseline": ["top", "top", "bottom", "bottom"],
    })  # fmt: skip
    quadrant_names = [
        alt.Chart(corners.iloc[[i]])
        .mark_text(align=row.align, baseline=row.baseline, dx=6 if row.align == "left" else -6,
                   dy=6 if row.baseline == "top" else -6, fontStyle="italic", color=QUADRANT_COLOURS[i])
        .encode(x=x, y=y, text=alt.Text("label:N"))
        for i, row in enumerate(corners.itertuples())
    ]  # fmt: skip
    # The properties given at once: a chained .properties() would rebuild (deep-copy) every layer.
    layers = [vertical, horizontal, *quadrant_names, points, names]
    chart = alt.layer(*layers, title=title, width=RANK_WIDTH, height=CURVE_HEIGHT)
    return localized(chart, lang)


#: Height of one bar row in :func:`driver_ranking_chart`, and its least plot height.
RANK_STEP = 40
MIN_RANK_HEIGHT = 320
RANK_WIDTH = 720


def has_drivers(result: JourneyResult) -> bool:
    """Whether any touchpoint has an importance (there is an outcome with enough answers)."""
    return bool(result.drivers["importance"].notna().any()) if len(result.drivers) else False


def driver_ranking_chart(result: JourneyResult, *, lang: str = "en") -> alt.LayerChart:
    """What matters most, as ranked bars: importance per touchpoint (strongest first), the bar coloured by
    what to do (the importance × performance quadrant) and the performance written at its end.

    Readable at any width: one row of :data:`RANK_STEP` px per touchpoint (at least
    :data:`MIN_RANK_HEIGHT`), full-length wrapped names, no labels over each other.

    Raises
    ------
    ValueError
        When no touchpoint has an importance (no outcome): check :func:`has_drivers` and show
        ``journey.note.no_outcome`` instead.

    Examples
    --------
    >>> from cxlib.journey import JourneySpec, build_journey
    >>> survey = pd.DataFrame({"Website": [5.0, 4.0, 2.0] * 5, "Kasse": [1.0, 3.0, 2.0] * 5,
    ...                        "recommend": [9.0, 7.0, 4.0] * 5})
    >>> spec = JourneySpec(("Website", "Kasse"), {"Website": "information", "Kasse": "purchase"})
    >>> chart = driver_ranking_chart(build_journey(survey, spec)).to_dict()
    >>> [layer["mark"]["type"] for layer in chart["layer"]], chart["height"]
    (['bar', 'text'], 320)
    """
    _check_result(result, lang)
    if not has_drivers(result):
        raise ValueError("the result has no driver importance (no outcome): check has_drivers() first")
    outcome = _outcome_label(result.outcome, lang)
    drivers = result.drivers[result.drivers["importance"].notna()]
    drivers = drivers.sort_values("importance", ascending=False, kind="stable")
    order = drivers["touchpoint"].tolist()
    data = drivers[["touchpoint", "importance", "performance", "n", "quadrant"]].assign(
        quadrant_label=[t(f"journey.quadrant.{q}", lang) for q in drivers["quadrant"]],
        importance_text=[format_number(v, lang, decimals=2) for v in drivers["importance"]],
        performance_text=[format_number(v, lang, decimals=0) for v in drivers["performance"]],
        n_text=[format_number(v, lang) for v in drivers["n"]],
    )
    data["note"] = [t("charts.drivers.performance_note", lang, value=v) for v in data["performance_text"]]
    labels = [t(f"journey.quadrant.{q}", lang) for q in QUADRANTS]
    importance_title = t("journey.axis.importance", lang, outcome=outcome)
    low = min(0.0, float(drivers["importance"].min()))
    y = alt.Y(
        "touchpoint:N",
        sort=order,
        title=None,
        axis=alt.Axis(
            labelExpr=label_expr(wrapped_labels(order, width=2 * LABEL_WIDTH)),
            labelOverlap=False,
            labelLimit=0,
        ),
    )
    x = alt.X("importance:Q", title=importance_title, scale=alt.Scale(domain=[low, 1.0]))
    tooltip = [
        alt.Tooltip("touchpoint:N", title=t("journey.col.touchpoint", lang)),
        alt.Tooltip("importance_text:N", title=importance_title),
        alt.Tooltip("performance_text:N", title=t("journey.axis.performance", lang)),
        alt.Tooltip("n_text:N", title=t("journey.col.n", lang)),
        alt.Tooltip("quadrant_label:N", title=t("charts.drivers.what_to_do", lang)),
    ]
    base = alt.Chart(data)
    bars = base.mark_bar(height={"band": 0.7}).encode(
        x=x,
        y=y,
        color=alt.Color(
            "quadrant_label:N",
            scale=alt.Scale(domain=labels, range=list(QUADRANT_COLOURS)),
            title=t("charts.drivers.what_to_do", lang),
            legend=alt.Legend(orient="bottom", labelLimit=0, titleLimit=0),
        ),
        tooltip=tooltip,
    )
    notes = base.mark_text(align="left", dx=6, color="#333333").encode(
        x=x, y=y, text=alt.Text("note:N"), tooltip=tooltip
    )
    title = alt.TitleParams(
        t("journey.chart.drivers_title", lang),
        subtitle=[
            t("charts.drivers.subtitle_bars", lang, outcome=outcome),
            t("charts.drivers.subtitle_numbers", lang),
        ],
        anchor="start",
    )
    chart = alt.layer(  # all at once: chained calls would rebuild (deep-copy) every layer each time
        bars,
        notes,
        title=title,
        width=RANK_WIDTH,
        height=max(MIN_RANK_HEIGHT, RANK_STEP * len(order)),
        config=alt.Config(text=alt.MarkConfig(fontSize=TEXT_PX)),
    )
    return localized(chart, lang)


def _padded(values: pd.Series, low: float, high: float) -> list[float]:
    """The range of ``values`` with a margin, kept within [low, high]."""
    lo, hi = float(values.min()), float(values.max())
    margin = max((hi - lo) * 0.15, (high - low) * 0.03)
    return [max(low, lo - margin), min(high, hi + margin)]


def _outcome_label(outcome: str | None, lang: str) -> str:
    if outcome in ("recommend", "satisfaction"):
        return t(f"role.{outcome}", lang)
    return outcome or "–"
