"""Streamlit's own floor for ``benchmarks/browser.py``: the app's controls with none of its analysis.

The same sidebar (language radio, filter expander with the regions multiselect), the same navigation
titles, five KPI tiles per page and the Personas page's controls (slider and button), all labelled from
the app's string table, so that ``browser.py`` drives this app with the very steps it times on the real
one. What a step takes here is what Streamlit and Chromium need on this machine before the app computes
or draws anything of its own. Run it as ``streamlit run benchmarks/streamlit_floor.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cxlib.i18n import LANGUAGE_NAMES, LANGUAGES, t  # noqa: E402

REGIONS = ["Nord", "Süd", "West", "Ost"]


def _language() -> str:
    return st.session_state.get("floor_lang", "en")


def _tiles() -> None:
    for number, column in enumerate(st.columns(5)):
        column.metric(f"KPI {number + 1}", f"{40 + number}", delta=f"{number - 2}")


def _summary() -> None:
    st.title(t("ui.summary.title", _language()))
    _tiles()


def _overview() -> None:
    st.title(t("nav.overview", _language()))
    _tiles()


def _personas() -> None:
    language = _language()
    st.title(t("nav.personas", language))
    _tiles()
    with st.expander(t("ui.personas.controls", language)):
        st.select_slider(t("ui.personas.k", language), [0, *range(2, 9)], value=0, key="floor_k")
        st.button(t("ui.personas.apply", language), type="primary")


def _sidebar() -> None:
    language = _language()
    st.sidebar.radio(
        "Language",
        LANGUAGES[::-1],  # the app's order
        index=LANGUAGES[::-1].index("en"),
        key="floor_lang",
        horizontal=True,
        format_func=LANGUAGE_NAMES.get,
    )
    with st.sidebar.expander(t("ui.filters", language)):
        chosen = st.multiselect(t("ui.filter.regions", language), REGIONS, key="floor_regions")
    if chosen:
        st.caption(f"{t('ui.filter.regions', language)}: {', '.join(chosen)}")


st.set_page_config(page_title="Streamlit floor", layout="wide", initial_sidebar_state="expanded")
_sidebar()
st.navigation(
    [
        st.Page(_summary, title=t("nav.summary", _language()), url_path="summary", default=True),
        st.Page(_overview, title=t("nav.overview", _language()), url_path="overview"),
        st.Page(_personas, title=t("nav.personas", _language()), url_path="personas"),
    ]
).run()
