"""Persona outputs: the CLI JSON section, the comparison table, downloads and the drill-down, in words.

Everything here takes a fitted, language-neutral :class:`~cxlib.personas.model.PersonaModel` and the
reader's language, and renders at the edge (:mod:`cxlib.personas.wording`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from cxlib.churn import churn_reference_date
from cxlib.i18n import format_number, format_percent, t
from cxlib.messages import Message
from cxlib.personas.features import (
    DEFAULT_ROLES,
    SURVEY_DEFAULTS,
    check_tables,
    customer_dates,
    is_numeric,
)
from cxlib.personas.model import (
    PersonaModel,
    _latest_comments,
    _persona_metrics,
    _survey_labels,
    check_fitted,
    metric_label,
)
from cxlib.personas.wording import _text as _label_text
from cxlib.personas.wording import feature_label, persona_names_in, personas_in
from cxlib.tables import without_attrs

__all__ = [
    "Words",
    "assignment_table",
    "comparison_display",
    "comparison_in_language",
    "persona_comparison",
    "persona_labels",
    "persona_map_frame",
    "persona_members",
    "personas_section",
]


def _check_lang(lang: str) -> None:
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')


def _names_of(model: PersonaModel, indices: pd.Series, lang: str) -> pd.Series:
    """Persona indices as names in ``lang`` (same index, name ``persona``)."""
    names = np.array(persona_names_in(model, lang), dtype=object)
    return pd.Series(pd.array(names[indices.to_numpy()], dtype="str"), index=indices.index, name="persona")


def persona_labels(model: PersonaModel, lang: str = "en") -> pd.Series:
    """The persona name (in ``lang``) of every fitted customer, indexed by ``customer_id``.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> persona_labels(model, "en").nunique(), persona_labels(model, "de").index.tolist() == list("abcdef")
    (2, True)
    """
    check_fitted(model)
    _check_lang(lang)
    return _names_of(model, model.labels_, lang)


def persona_map_frame(model: PersonaModel, lang: str = "en") -> pd.DataFrame:
    """``embedding_`` with the persona names in ``lang`` (for the map chart)."""
    check_fitted(model)
    frame = model.embedding_.copy()
    frame["persona"] = _names_of(model, frame["persona"], lang).to_numpy()
    return frame


def _json_number(value: float | None, digits: int = 4) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


class Words(Message):
    """Words already made in each language (``en``, ``de``); :meth:`text` picks the reader's. They let a
    language-neutral document (``lang=None``) carry persona names and descriptions like any Message.

    Examples
    --------
    >>> Words(en="older", de="älter").text("de")
    'älter'
    """

    def __init__(self, **texts: str) -> None:
        super().__init__("persona.words", **texts)

    def text(self, lang: str = "en") -> str:
        return self.params[lang]


def _neutral_section(model: PersonaModel) -> dict:
    """The section with every word as :class:`Words` (both languages), for ``lang=None``."""
    english, german = personas_section(model, lang="en"), personas_section(model, lang="de")
    for en, de in zip(english["personas"], german["personas"], strict=True):
        en["name"] = Words(en=en["name"], de=de["name"])
        en["description"] = Words(en=en["description"], de=de["description"])
        for trait_en, trait_de in zip(en["traits"], de["traits"], strict=True):
            trait_en["label"] = Words(en=trait_en["label"], de=trait_de["label"])
    return english


def personas_section(model: PersonaModel, *, lang: str | None = "en") -> dict:
    """The CLI's ``personas`` JSON: k, silhouette per k, stability and one object per persona (names,
    descriptions and trait labels in ``lang``).

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> section = personas_section(PersonaModel(n_bootstrap=1, k_range=(2, 3)).fit(customers))
    >>> section["k"], sorted(section), sorted(section["personas"][0])
    (2, ['assumptions', 'excluded', 'k', 'personas', 'silhouette_by_k', 'stability'], ['churn_rate', \
'clv_mean', 'description', 'name', 'nps', 'quote', 'share', 'size', 'traits'])
    """
    check_fitted(model)
    if lang is None:  # a language-neutral document: words rendered later (cxlib.document_text)
        return _neutral_section(model)
    _check_lang(lang)
    return {
        "k": int(model.k_),
        "silhouette_by_k": {str(k): _json_number(score) for k, score in model.silhouette_by_k_.items()},
        "stability": _json_number(model.stability_),
        "personas": [
            {
                "name": persona.name,
                "size": int(persona.size),
                "share": _json_number(persona.share),
                "description": persona.description,
                "traits": [
                    {
                        **trait,
                        "value": _json_number(trait["value"]),
                        "base_value": _json_number(trait["base_value"]),
                    }
                    for trait in persona.traits
                ],
                "nps": _json_number(persona.nps, 2),
                "churn_rate": _json_number(persona.churn_rate),
                "clv_mean": _json_number(persona.clv_mean, 2),
                "quote": persona.quote,
            }
            for persona in personas_in(model, lang)
        ],
        "excluded": [{"column": str(column), "code": code} for column, code in model.excluded_.items()],
        "assumptions": list(getattr(model, "assumptions_", [])),
    }


def persona_comparison(
    model: PersonaModel, customers: pd.DataFrame, survey: pd.DataFrame | None = None, *, lang: str = "en"
) -> pd.DataFrame:
    """Each persona against all customers, one row per metric (numbers, not formatted).

    Columns: ``metric`` (key), ``label`` (in ``lang``), one column per persona name, and
    the whole base (``persona.whole_base``). Rows: size, share, the mean of every numeric feature and
    card trait, NPS, churn rate, average CLV (rows without any value are left out).

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> table = persona_comparison(model, customers)
    >>> table["metric"].tolist(), table.iloc[:, -1].tolist()
    (['size', 'share', 'age'], [6.0, 1.0, 41.0])
    """
    check_fitted(model)
    _check_lang(lang)
    check_tables(customers, survey)
    survey = without_attrs(survey)
    frame = model._customer_frame(customers, survey)
    labels = model._frame_labels(frame)
    as_of = churn_reference_date(customer_dates(frame), survey)
    groups = [frame.loc[labels == persona.index] for persona in model.personas_] + [frame]
    answer_labels = _survey_labels(survey, frame, labels)
    answers = [
        survey[answer_labels == persona.index] if survey is not None else None for persona in model.personas_
    ] + [survey[answer_labels >= 0] if survey is not None else None]
    numeric = [
        column
        for column in dict.fromkeys(
            [*DEFAULT_ROLES, "margin", "acquisition_cost", *SURVEY_DEFAULTS, *model.features_]
        )
        if column in frame.columns and is_numeric(frame[column])
    ]
    rows = [
        ("size", [float(len(group)) for group in groups]),
        ("share", [len(group) / len(frame) for group in groups]),
    ]
    for column in numeric:
        rows.append((column, [float(group[column].mean()) for group in groups]))
    metrics = [
        _persona_metrics(group, group_answers, as_of)
        for group, group_answers in zip(groups, answers, strict=True)
    ]
    for key in ("nps", "churn_rate", "clv_mean"):
        rows.append((key, [metric[key] for metric in metrics]))
    tenure_derived = "tenure" not in customers.columns
    labels = [_comparison_label(key, lang, tenure_derived=tenure_derived) for key, _ in rows]
    names = _comparison_names(model, lang)
    table = pd.DataFrame(
        [[key, label, *values] for (key, values), label in zip(rows, labels, strict=True)],
        columns=["metric", "label", *names],
    )
    table[names] = table[names].astype(float)
    return table[table[names].notna().any(axis=1)].reset_index(drop=True)


def _comparison_label(key: str, lang: str, *, tenure_derived: bool) -> str:
    if key in ("size", "share", "nps", "churn_rate", "clv_mean"):
        return t(f"persona.metric.{key}", lang)
    return _label_text(metric_label(key, tenure_derived=tenure_derived), lang)


def _comparison_names(model: PersonaModel, lang: str) -> list[str]:
    return [*persona_names_in(model, lang), t("persona.whole_base", lang)]


def comparison_in_language(
    table: pd.DataFrame, model: PersonaModel, customers: pd.DataFrame, *, lang: str
) -> pd.DataFrame:
    """A :func:`persona_comparison` table of ``model`` and ``customers`` (made in any language) with its
    labels and persona names in ``lang``: the same numbers, so a language switch computes no comparison
    again.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> english = persona_comparison(model, customers)
    >>> german = comparison_in_language(english, model, customers, lang="de")
    >>> german.equals(persona_comparison(model, customers, lang="de"))
    True
    """
    check_fitted(model)
    _check_lang(lang)
    tenure_derived = "tenure" not in customers.columns
    translated = table.copy()
    translated["label"] = [_comparison_label(k, lang, tenure_derived=tenure_derived) for k in table["metric"]]
    translated.columns = ["metric", "label", *_comparison_names(model, lang)]
    return translated


def assignment_table(model: PersonaModel, customers: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """Customers with their persona, for download: ``customer_id``, ``persona`` (name in ``lang``), then
    the original columns, in the order given.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> table = assignment_table(model, customers)
    >>> list(table.columns), table["persona"].nunique()
    (['customer_id', 'persona', 'age'], 2)
    """
    check_fitted(model)
    names = _names_of(model, model.predict(customers), lang)
    table = customers.reset_index(drop=True).copy()
    table.insert(1 if table.columns[0] == "customer_id" else 0, "persona", names.to_numpy())
    if table.columns[0] != "customer_id":
        table = table[
            ["customer_id", "persona", *[c for c in table.columns if c not in ("customer_id", "persona")]]
        ]
    return table


#: Rows of the comparison shown as percentages, as signed whole numbers, and as whole numbers.
_PERCENT_ROWS = frozenset({"share", "churn_rate"})
_SIGNED_ROWS = frozenset({"nps"})
_WHOLE_ROWS = frozenset({"size"})


def _formatted(metric: str, value: float, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if metric in _PERCENT_ROWS:
        return format_percent(value, lang)
    if metric in _SIGNED_ROWS:
        return format_number(value, lang, signed=round(value) != 0)  # "0", never "+0"
    decimals = 0 if metric in _WHOLE_ROWS or abs(value) >= 100 else 1
    return format_number(value, lang, decimals=decimals)


def comparison_display(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The comparison table for readers: a "Measure" column and every value formatted in ``lang``
    (percent for shares and churn, signed NPS, whole numbers from 100 on, else one decimal).

    Examples
    --------
    >>> table = pd.DataFrame({"metric": ["size", "share", "nps"], "label": ["Customers", "Share", "NPS"],
    ...                       "A": [1200.0, 0.3493, 12.4]})
    >>> comparison_display(table, "de").to_dict("list")
    {'Kennzahl': ['Customers', 'Share', 'NPS'], 'A': ['1.200', '34,9 %', '+12']}
    """
    _check_lang(lang)
    values = [column for column in table.columns if column not in ("metric", "label")]
    shown = pd.DataFrame({t("persona.comparison.measure", lang): table["label"].astype("str").to_numpy()})
    for column in values:
        shown[column] = [
            _formatted(metric, value, lang)
            for metric, value in zip(table["metric"], table[column], strict=True)
        ]
    return shown


#: Customer columns shown in the drill-down (when the table has them), after the ID.
MEMBER_COLUMNS = ("age", "gender", "region", "segment", "income", "orders", "revenue", "tenure", "churned")


def persona_members(
    model: PersonaModel,
    customers: pd.DataFrame,
    survey: pd.DataFrame | None,
    persona: int,
    *,
    lang: str = "en",
) -> pd.DataFrame:
    """The customers of one persona among ``customers`` (e.g. the filtered ones), with their key
    columns, the features the personas use, and their latest comment (exact text) and its date.

    Columns carry readers' headers in ``lang``; rows are in ``customer_id`` order. Customers the model
    was not fitted on are assigned by :meth:`PersonaModel.predict`.

    Examples
    --------
    >>> customers = pd.DataFrame({"customer_id": list("abcdef"), "age": [20.0, 21, 22, 60, 61, 62]})
    >>> model = PersonaModel(n_bootstrap=0, k_range=(2, 2)).fit(customers)
    >>> survey = pd.DataFrame({"customer_id": ["a", "d"], "comment": ["Schnell", "Zu teuer"]})
    >>> persona_members(model, customers, survey, 0, lang="en").columns.tolist()
    ['Customer ID', 'Persona', 'Age', 'Latest comment']
    """
    check_fitted(model)
    _check_lang(lang)
    if not isinstance(persona, (int, np.integer)) or not 0 <= persona < model.k_:
        raise ValueError(f"persona must be an index in 0..{model.k_ - 1}, got {persona!r}")
    ids = customers["customer_id"].astype("str")
    known = model.labels_.reindex(ids.to_numpy())
    if known.isna().any():
        known = model.predict(customers).set_axis(known.index)
    members = customers.loc[(known.to_numpy() == persona)].copy()
    members["customer_id"] = members["customer_id"].astype("str")
    members = members.sort_values("customer_id", kind="stable")
    columns = list(dict.fromkeys([c for c in (*MEMBER_COLUMNS, *model.features_) if c in members.columns]))
    table = pd.DataFrame({"customer_id": members["customer_id"].to_numpy()})
    table["persona"] = persona_names_in(model, lang)[persona]
    for column in columns:
        table[column] = members[column].to_numpy()
    comments = _latest_comment_rows(survey)
    if comments is not None:
        joined = comments.reindex(table["customer_id"].to_numpy())
        table["comment"] = joined["comment"].to_numpy()
        if "response_date" in joined.columns:
            table["comment_date"] = joined["response_date"].to_numpy()
    headers = {
        "customer_id": t("persona.members.customer_id", lang),
        "persona": t("persona.column.persona", lang),
        "comment": t("persona.members.comment", lang),
        "comment_date": t("persona.members.comment_date", lang),
    }
    return table.rename(columns={c: headers.get(c) or feature_label(str(c), lang) for c in table.columns})


def _latest_comment_rows(survey: pd.DataFrame | None) -> pd.DataFrame | None:
    """Per customer: the latest non-empty comment and (when known) its date; None without comments."""
    latest = _latest_comments(survey)
    if survey is None or "comment" not in survey.columns:
        return None
    rows = pd.DataFrame({"comment": latest})
    if "response_date" in survey.columns and len(latest):
        text = survey["comment"]
        usable = survey[text.notna() & (text.astype("str").str.strip() != "") & survey["customer_id"].notna()]
        dates = usable.groupby(usable["customer_id"].astype("str"))["response_date"].max()
        rows["response_date"] = dates.reindex(rows.index).to_numpy()
    return rows
