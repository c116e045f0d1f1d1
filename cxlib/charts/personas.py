"""Charts of the personas: silhouette per k, the customer map, persona sizes, personas against the base.

Every builder takes what :class:`cxlib.personas.PersonaModel` learned (or a table built from it) and sends
at most :data:`MAX_POINTS` marks to the browser: the map draws a fixed-seed random sample and says so in
its subtitle. Persona colours follow the Okabe–Ito palette (readable with colour vision deficiencies).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from cxlib.i18n import format_number, format_percent, t
from cxlib.personas.wording import Persona

__all__ = [
    "MAX_POINTS",
    "PERSONA_COLOURS",
    "persona_comparison_chart",
    "persona_map_chart",
    "persona_size_chart",
    "silhouette_chart",
]

MAX_POINTS = 5000
#: Okabe–Ito, strongest tones first; repeats beyond eight personas.
PERSONA_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
CHOSEN_COLOUR = "#0072B2"
OTHER_COLOUR = "#BBBBBB"
# Diverging: below the base orange, equal white-grey, above blue.
DIFFERENCE_RANGE = ("#D55E00", "#F2F2F2", "#0072B2")


def _check_lang(lang: str) -> None:
    """ValueError for a language the string table does not have."""
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def _title(key: str, lang: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(text=t(key, lang), subtitle=subtitle, anchor="start")


def _persona_scale(names: Sequence[str]) -> alt.Scale:
    colours = [PERSONA_COLOURS[i % len(PERSONA_COLOURS)] for i in range(len(names))]
    return alt.Scale(domain=list(names), range=colours)


def _score_axis(title: str, lang: str) -> alt.Axis:
    """Scores with two decimals, German decimal comma in German."""
    if lang == "de":
        return alt.Axis(title=title, format=".2f", labelExpr="replace(format(datum.value, '.2f'), '.', ',')")
    return alt.Axis(title=title, format=".2f")


def silhouette_chart(silhouette_by_k: Mapping[int, float], chosen_k: int, *, lang: str = "en") -> alt.Chart:
    """Bars of the silhouette score per number of personas, the chosen k highlighted.

    Parameters
    ----------
    silhouette_by_k : mapping of int to float
        ``PersonaModel.silhouette_by_k_``.
    chosen_k : int
        ``PersonaModel.k_``.
    lang : {"en", "de"}

    Examples
    --------
    >>> spec = silhouette_chart({2: 0.41, 3: 0.55, 4: 0.48}, 3, lang="en").to_dict()
    >>> spec["mark"]["type"], [row["chosen"] for row in spec["datasets"][spec["data"]["name"]]]
    ('bar', ['not chosen', 'chosen', 'not chosen'])
    """
    _check_lang(lang)
    if not silhouette_by_k or chosen_k not in silhouette_by_k:
        raise ValueError("silhouette_by_k must be non-empty and contain chosen_k")
    chosen, other = t("persona.chart.silhouette.chosen", lang), t("persona.chart.silhouette.other", lang)
    ks = sorted(silhouette_by_k)
    scores = [silhouette_by_k[k] for k in ks]
    data = pd.DataFrame(
        {
            "k": ks,
            "score": scores,
            "chosen": [chosen if k == chosen_k else other for k in ks],
            "score_text": [format_number(score, lang, decimals=3) for score in scores],
        }
    )
    x_title, y_title = t("persona.chart.silhouette.x", lang), t("persona.chart.silhouette.y", lang)
    return (
        alt.Chart(
            data,
            title=_title(
                "persona.chart.silhouette.title", lang, t("persona.chart.silhouette.subtitle", lang)
            ),
        )
        .mark_bar()
        .encode(
            x=alt.X("k:O", title=x_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("score:Q", axis=_score_axis(y_title, lang)),
            color=alt.Color(
                "chosen:N",
                scale=alt.Scale(domain=[chosen, other], range=[CHOSEN_COLOUR, OTHER_COLOUR]),
                legend=None,
            ),
            tooltip=[alt.Tooltip("k:O", title=x_title), alt.Tooltip("score_text:N", title=y_title)],
        )
    )


def persona_map_chart(
    embedding: pd.DataFrame, *, lang: str = "en", max_points: int = MAX_POINTS, seed: int = 0
) -> alt.Chart:
    """Customers as points, coloured by persona: customers who are alike sit together.

    The points are the first two principal components of the scaled traits; the axes carry no titles
    or labels (a component is no unit a reader can use), the subtitle says how to read the map.

    Parameters
    ----------
    embedding : DataFrame
        :func:`cxlib.personas.persona_map_frame` (``customer_id``, ``x``, ``y``, ``persona`` name), all
        customers.
    lang : {"en", "de"}
    max_points : int, default 5000
        At most this many points are drawn: a random sample with ``seed`` (the subtitle says so).
    seed : int, default 0

    Examples
    --------
    >>> embedding = pd.DataFrame({"customer_id": list("abcd"), "x": [0.0, 1, 2, 3], "y": [1.0, 0, 1, 0],
    ...                           "persona": ["Kim Meier", "Kim Meier", "Uwe Koch", "Kim Meier"]})
    >>> spec = persona_map_chart(embedding, lang="en", max_points=3).to_dict()
    >>> spec["mark"]["type"], len(spec["datasets"][spec["data"]["name"]]), spec["title"]["subtitle"]
    ('circle', 3, 'Each dot is a customer; the closer two dots, the more alike the customers; a random \
sample of 3 of 4 customers')
    >>> spec["encoding"]["x"]["title"] is None, spec["usermeta"]["embedOptions"]["renderer"]
    (True, 'canvas')
    """
    _check_lang(lang)
    missing = {"customer_id", "x", "y", "persona"} - set(embedding.columns)
    if missing:
        raise ValueError(f"embedding lacks the columns {sorted(missing)}")
    if not 1 <= max_points <= MAX_POINTS:
        raise ValueError(f"max_points must lie in 1..{MAX_POINTS}, got {max_points}")
    total = len(embedding)
    counts = embedding["persona"].value_counts()
    order = sorted(counts.index, key=lambda name: (-counts[name], name))
    shown = embedding
    if total > max_points:
        rows = np.sort(np.random.default_rng(seed).choice(total, size=max_points, replace=False))
        shown = embedding.iloc[rows]
        subtitle = t(
            "persona.chart.map.subtitle_sample",
            lang,
            shown=format_number(max_points, lang),
            total=format_number(total, lang),
        )
    else:
        subtitle = t("persona.chart.map.subtitle_all", lang, total=format_number(total, lang))
    data = pd.DataFrame(
        {
            "customer_id": shown["customer_id"].astype("str").to_numpy(),
            "x": shown["x"].astype(float).round(4).to_numpy(),
            "y": shown["y"].astype(float).round(4).to_numpy(),
            "persona": shown["persona"].astype("str").to_numpy(),
        }
    )
    persona_title = t("persona.column.persona", lang)
    return (
        alt.Chart(data, title=_title("persona.chart.map.title", lang, subtitle))
        .mark_circle(size=18, opacity=0.6)
        .encode(
            x=alt.X("x:Q", title=None, axis=alt.Axis(labels=False, ticks=False, grid=False)),
            y=alt.Y("y:Q", title=None, axis=alt.Axis(labels=False, ticks=False, grid=False)),
            color=alt.Color(
                "persona:N",
                scale=_persona_scale(order),
                legend=alt.Legend(title=persona_title, orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("customer_id:N", title=t("role.customer_id", lang)),
                alt.Tooltip("persona:N", title=persona_title),
            ],
        )
        # one canvas instead of a node per dot: the browser redraws thousands of dots far faster
        .properties(usermeta={"embedOptions": {"renderer": "canvas"}})
    )


def persona_size_chart(personas: Sequence[Persona], *, lang: str = "en") -> alt.Chart:
    """Horizontal bars of customers per persona, largest first, with the share in the tooltip.

    Examples
    --------
    >>> personas = [Persona(0, "Ulrike Meier", "female", 60, 0.6, "older", [], {}, None, None, None, None),
    ...             Persona(1, "Uwe Hoffmann", "male", 40, 0.4, "younger", [], {}, None, None, None, None)]
    >>> spec = persona_size_chart(personas, lang="de").to_dict()
    >>> [row["share_text"] for row in spec["datasets"][spec["data"]["name"]]]
    ['60,0 %', '40,0 %']
    """
    _check_lang(lang)
    if not personas:
        raise ValueError("personas must not be empty")
    names = [persona.name for persona in personas]
    data = pd.DataFrame(
        {
            "persona": names,
            "size": [int(persona.size) for persona in personas],
            "size_text": [format_number(persona.size, lang) for persona in personas],
            "share_text": [format_percent(persona.share, lang) for persona in personas],
            "description": [persona.description for persona in personas],
        }
    )
    persona_title, size_title = t("persona.column.persona", lang), t("persona.chart.size.x", lang)
    return (
        alt.Chart(data, title=alt.TitleParams(text=t("persona.chart.size.title", lang), anchor="start"))
        .mark_bar()
        .encode(
            y=alt.Y("persona:N", title=None, sort=names),
            x=alt.X("size:Q", title=size_title),
            color=alt.Color("persona:N", scale=_persona_scale(names), legend=None),
            tooltip=[
                alt.Tooltip("persona:N", title=persona_title),
                alt.Tooltip("size_text:N", title=size_title),
                alt.Tooltip("share_text:N", title=t("persona.chart.size.share", lang)),
                alt.Tooltip("description:N", title=" "),
            ],
        )
    )


def _value_text(metric: str, value: float, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    if metric in ("share", "churn_rate"):
        return format_percent(value, lang)
    if metric == "nps":
        return format_number(value, lang, signed=True)
    return format_number(value, lang, decimals=0 if abs(value) >= 100 else 1)


#: Metrics where a higher value is worse: coloured as below the base when above it.
HIGHER_IS_WORSE = frozenset({"churn_rate", "acquisition_cost"})


def persona_comparison_chart(comparison: pd.DataFrame, *, lang: str = "en") -> alt.LayerChart:
    """A heatmap of each persona against all customers: one row per metric, one column per persona.

    The colour is the persona's difference to the whole base, divided by the largest such difference in
    the row (so each row spans −1…1), with the sign turned for :data:`HIGHER_IS_WORSE` metrics (high
    churn is never "good" blue); the text is the persona's own value. Size and share are left out
    (:func:`persona_size_chart` shows them).

    Parameters
    ----------
    comparison : DataFrame
        :func:`cxlib.personas.persona_comparison`: ``metric``, ``label``, one column per persona, and
        the whole base as the last column.
    lang : {"en", "de"}

    Examples
    --------
    >>> comparison = pd.DataFrame({"metric": ["age", "nps"], "label": ["Age", "NPS"],
    ...                            "A": [30.0, 20.0], "B": [50.0, -10.0], "All customers": [40.0, 5.0]})
    >>> spec = persona_comparison_chart(comparison, lang="en").to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rect', 'text']
    >>> [(row["label"], row["persona"], row["relative"]) for row in spec["datasets"][spec["data"]["name"]]]
    [('Age', 'A', -1.0), ('Age', 'B', 1.0), ('NPS', 'A', 1.0), ('NPS', 'B', -1.0)]
    """
    _check_lang(lang)
    if not {"metric", "label"} <= set(comparison.columns) or comparison.shape[1] < 4:
        raise ValueError("comparison must have metric, label, persona columns and the base column")
    personas, base = list(comparison.columns[2:-1]), comparison.columns[-1]
    rows = comparison[~comparison["metric"].isin(["size", "share"])]
    records = []
    for _, row in rows.iterrows():
        differences = np.array([row[name] - row[base] for name in personas], dtype=float)
        largest = np.nanmax(np.abs(differences)) if np.isfinite(differences).any() else 0.0
        sign = -1.0 if row["metric"] in HIGHER_IS_WORSE else 1.0
        for name, difference in zip(personas, differences, strict=True):
            relative = sign * difference / largest if largest > 0 and np.isfinite(difference) else 0.0
            records.append(
                {
                    "label": row["label"],
                    "persona": name,
                    "relative": round(float(relative), 4),
                    "value_text": _value_text(row["metric"], row[name], lang),
                    "base_text": _value_text(row["metric"], row[base], lang),
                }
            )
    data = pd.DataFrame(records, columns=["label", "persona", "relative", "value_text", "base_text"])
    metric_title = t("persona.chart.comparison.metric", lang)
    base_chart = alt.Chart(data).encode(
        x=alt.X(
            "persona:N", title=None, sort=personas, axis=alt.Axis(labelAngle=0, orient="top", labelLimit=115)
        ),
        y=alt.Y("label:N", title=metric_title, sort=list(dict.fromkeys(data["label"]))),
    )
    cells = base_chart.mark_rect().encode(
        color=alt.Color(
            "relative:Q",
            scale=alt.Scale(domain=[-1, 0, 1], range=list(DIFFERENCE_RANGE)),
            legend=alt.Legend(
                title=t("persona.chart.comparison.difference", lang), orient="bottom", titleLimit=400
            ),
        ),
        tooltip=[
            alt.Tooltip("persona:N", title=t("persona.column.persona", lang)),
            alt.Tooltip("label:N", title=metric_title),
            alt.Tooltip("value_text:N", title=t("persona.chart.comparison.value", lang)),
            alt.Tooltip("base_text:N", title=str(base)),
        ],
    )
    text = base_chart.mark_text(fontSize=13).encode(text=alt.Text("value_text:N"))
    title = _title("persona.chart.comparison.title", lang, t("persona.chart.comparison.subtitle", lang))
    # A fixed step per persona and per metric, so that the values fit in their cells.
    # (given to the layer at once: a chained .properties() would rebuild, deep-copying, every layer)
    return alt.layer(cells, text, title=title, width=alt.Step(120), height=alt.Step(26))
