"""Every page in German (AppTest, demo data): no English word of the app's own, no dot-decimal number,
no internal key, no Streamlit default English placeholder.

The English vocabulary is taken from the string table itself: words that occur in some English text and
in no German text (so "NPS", "Persona" or "Touchpoint", which German uses too, are allowed). File names
(the demo files are called customers.xlsx …) are not words of the UI and are ignored.
"""

from __future__ import annotations

import json
import re

import pytest

from cxlib.i18n import STRINGS

PAGES = ("summary", "overview", "personas", "journey", "value", "voices", "data")
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
FILE_NAME = re.compile(r"\S+\.(?:xlsx|xlsm|xls|ods|csv|txt|json|pdf|pptx|zip|gz)\b", re.IGNORECASE)
# 3.5 or 12.75 (a dot decimal), but not 1.234 (German thousands) and not 01.02.2026 (a German date)
DOT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])")
INTERNAL_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b")
STREAMLIT_DEFAULTS = {"Choose options", "Choose an option", "Select all", "No results"}
URL = re.compile(r"https?://\S+")


def _english_only_words() -> set[str]:
    def words(texts) -> set[str]:
        return {w.lower() for text in texts for w in WORD.findall(re.sub(r"\{[^}]*\}", " ", text))}

    return words(STRINGS["en"].values()) - words(STRINGS["de"].values())


ENGLISH = _english_only_words()


def _nodes(session):
    def walk(node):
        for child in getattr(node, "children", {}).values():
            yield child
            yield from walk(child)

    yield from walk(session._tree)


def _shown_texts(session) -> list[tuple[str, str]]:
    """(where, text) for every text the page shows: elements, widget labels/options/help, table headers."""
    found = []
    for node in _nodes(session):
        kind = getattr(node, "type", type(node).__name__)
        for attribute in ("value", "label", "help", "placeholder", "body", "delta"):
            value = getattr(node, attribute, None) if attribute != "value" or kind in _TEXT_KINDS else None
            if isinstance(value, str) and value:
                found.append((f"{kind}.{attribute}", value))
        options = getattr(node, "options", None)
        if isinstance(options, list | tuple):
            found.extend((f"{kind}.option", str(option)) for option in options)
        if kind == "arrow_data_frame":
            found.extend(_table_texts(node))
    return found


def _table_texts(node) -> list[tuple[str, str]]:
    """A table's headers and text cells (first rows), and a marker for float columns shown unformatted."""
    frame = node.value
    config = json.loads(node.proto.columns or "{}")
    found = [("table.header", str(column)) for column in frame.columns]
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object:
            found.extend(("table.cell", str(v)) for v in values.head(30) if isinstance(v, str))
        elif values.dtype.kind == "f" and values.notna().any():
            formatted = _column_format(config, column, list(frame.columns).index(column))
            if formatted != "localized" and not (values.dropna() % 1 == 0).all():
                found.append(("table.float", f"column {column!r} shows floats as {values.dropna().iloc[0]}"))
    return found


def _column_format(config: dict, column, position: int) -> str | None:
    entry = config.get(str(column)) or config.get(f"_pos:{position}") or {}
    return (entry.get("type_config") or {}).get("format")


_TEXT_KINDS = {"markdown", "caption", "title", "header", "subheader", "alert", "text", "metric", "exception"}


def _problems(texts: list[tuple[str, str]]) -> list[str]:
    problems = []
    for where, text in texts:
        clean = URL.sub(" ", FILE_NAME.sub(" ", text))
        english = sorted({w for w in WORD.findall(clean) if w.lower() in ENGLISH})
        if english:
            problems.append(f"{where}: English {english} in {text[:120]!r}")
        if match := DOT_DECIMAL.search(clean):
            problems.append(f"{where}: dot decimal {match.group()!r} in {text[:120]!r}")
        if where.endswith(".placeholder") and text in STREAMLIT_DEFAULTS:
            problems.append(f"{where}: Streamlit's English default {text!r}")
        if where == "table.float":
            problems.append(f"{where}: {text}, not in the German number format")
    return problems


def _widget_problems(session) -> list[str]:
    """Streamlit's own English words: an empty placeholder shows "Choose options", select-all "Select all";
    a chart without a German number locale shows dot decimals on its axes and tooltips."""
    problems = []
    for node in _nodes(session):
        kind = getattr(node, "type", "")
        empty = kind == "multiselect" or (kind == "selectbox" and node.value is None)
        if empty and not node.proto.placeholder:  # the placeholder shows only while nothing is chosen
            problems.append(f"{kind} {node.proto.label!r}: no German placeholder (Streamlit shows English)")
        if kind == "multiselect" and node.proto.select_all:
            problems.append(f'multiselect {node.proto.label!r}: Streamlit\'s English "Select all"')
        if kind == "vega_lite_chart":
            locale = json.loads(node.proto.spec).get("config", {}).get("locale", {})
            if locale.get("number", {}).get("decimal") != ",":
                problems.append("chart without the German number locale (dot decimals on axes/tooltips)")
    return problems


@pytest.fixture(scope="module")
def german_app():
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    session = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    session.session_state["lang"] = "de"
    session.run()
    assert not session.exception, session.exception
    return session


@pytest.mark.parametrize("page", PAGES)
def test_page_speaks_german_only(german_app, page):
    german_app.switch_page(f"pages/{page}.py").run()
    assert not german_app.exception, german_app.exception
    problems = _problems(_shown_texts(german_app)) + _widget_problems(german_app)
    assert not problems, "\n".join(problems)


def test_the_vocabulary_is_meaningful():
    # the check would pass vacuously on an empty list: the table has hundreds of English-only words
    assert len(ENGLISH) > 200
    assert {"customers", "journey", "because"} & ENGLISH
    assert "kunden" not in ENGLISH
