"""The reader's locale inside a chart, and the helpers every chart module shares for readable labels.

Vega formats axis labels and ``format=`` tooltips itself, in English by default; :func:`localized` gives a
chart the German number and time locale (decimal comma, "1.234", month names), so "0,5" and "März" appear
without pre-formatting each value. :func:`wrapped_labels` turns long names (survey questions used as
touchpoints) into short, distinct, multi-line axis labels, and :func:`label_expr` hands them to Vega.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

import altair as alt

from cxlib.charts.unvalidated import unvalidated

__all__ = ["LOCALES", "label_expr", "localized", "wrapped_labels"]

_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
#: d3 number and time locales by UI language (currency symbols are added by the money formatter).
LOCALES: dict[str, dict] = {
    "de": {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
        "time": {
            "dateTime": "%A, der %e. %B %Y, %X",
            "date": "%d.%m.%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
            "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
            "months": _MONTHS,
            "shortMonths": [month[:3] if month != "März" else "Mrz" for month in _MONTHS],
        },
    },
}


def localized(chart, lang: str):
    """The chart with the reader's number and time locale (English is Vega's default: no locale set).

    The result serialises without schema validation (:func:`cxlib.charts.unvalidated.unvalidated`): every
    chart the pages show passes through here, and Streamlit serialises it on each rerun.

    Examples
    --------
    >>> import pandas as pd
    >>> import altair as alt
    >>> chart = alt.Chart(pd.DataFrame({"x": [0.5]})).mark_bar().encode(x="x:Q")
    >>> localized(chart, "de").to_dict()["config"]["locale"]["number"]["decimal"]
    ','
    >>> "locale" in localized(chart, "en").to_dict().get("config", {})
    False
    """
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    locale = LOCALES.get(lang)
    copy = unvalidated(chart)
    if locale is None:
        return copy
    # ``chart.configure(locale=…)`` would replace the whole config (axis sizes, view …): set only the locale.
    config = copy.config.copy(deep=True) if copy.config is not alt.Undefined else alt.Config()
    config.locale = locale
    copy.config = config
    return copy


def _wrap(name: str, width: int, max_lines: int) -> list[str]:
    words = re.sub(r"\s+", " ", str(name)).strip().split(" ") or [""]
    lines: list[str] = []
    for word in words:
        while len(word) > width + 4:  # a very long word is split with a hyphen (a little over fits)
            lines.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        if lines and len(lines[-1]) + 1 + len(word) <= width and not lines[-1].endswith("-"):
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip(" -") + "…"
    return lines


def _shared_words(names: list[str]) -> int:
    """How many leading words all names share (a battery's question stem), keeping two words of each."""
    if len(names) < 2:
        return 0
    split = [str(name).split() for name in names]
    shared = 0
    while all(len(words) > shared + 2 for words in split) and len({words[shared] for words in split}) == 1:
        shared += 1
    return shared


def wrapped_labels(names: Sequence[str], *, width: int = 14, max_lines: int = 2) -> dict[str, list[str]]:
    """Short axis labels: each name wrapped into at most ``max_lines`` lines of ``width`` characters.

    Words every name starts with (a battery's question stem, "How satisfied were you with …") are left
    out. A name too long for that is cut with "…"; names that would end up with the same label get " (2)",
    " (3)" … so every label stays distinct (the full name belongs in the tooltip).

    Examples
    --------
    >>> wrapped_labels(["Website", "Wie zufrieden waren Sie mit der Lieferung?"])["Website"]
    ['Website']
    >>> wrapped_labels(["Wie zufrieden waren Sie mit der Lieferung?"])
    {'Wie zufrieden waren Sie mit der Lieferung?': ['Wie zufrieden', 'waren Sie mit…']}
    >>> labels = wrapped_labels(["How satisfied: delivery time", "How satisfied: delivery cost"], width=10)
    >>> labels["How satisfied: delivery time"] != labels["How satisfied: delivery cost"]
    True
    """
    if width < 4 or max_lines < 1:
        raise ValueError(f"width must be at least 4 and max_lines at least 1, got {width}, {max_lines}")
    unique = list(dict.fromkeys(names))
    shared = _shared_words(unique)
    labels = {name: _wrap(" ".join(str(name).split()[shared:]), width, max_lines) for name in unique}
    groups: dict[tuple[str, ...], list[str]] = {}
    for name, lines in labels.items():
        groups.setdefault(tuple(lines), []).append(name)
    for same in (group for group in groups.values() if len(group) > 1):
        for number, name in enumerate(same, start=1):
            last = labels[name][-1].rstrip("…")
            labels[name][-1] = f"{last[: max(width - 5, 1)].rstrip()}… ({number})"
    return labels


def label_expr(labels: dict[str, list[str]]) -> str:
    """A Vega ``labelExpr`` that shows each axis value as its (multi-line) label from ``labels``.

    Examples
    --------
    >>> label_expr({"A": ["A"], "B c": ["B", "c"]})
    '({"A": ["A"], "B c": ["B", "c"]})[datum.value] || datum.label'
    """
    return f"({json.dumps(labels, ensure_ascii=False)})[datum.value] || datum.label"
