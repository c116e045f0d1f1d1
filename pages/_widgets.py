"""Small rendering pieces shared by several pages (sidebar, data note). No data logic here."""

from __future__ import annotations

import streamlit as st

from cxlib.i18n import LANGUAGES, format_number
from pages import _state as state

_LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}


def sidebar() -> None:
    """Language switch, what data is in use, and the way back to the demo data."""
    with st.sidebar:
        st.radio(
            state.tr("ui.language"), LANGUAGES[::-1], key=state.LANG, horizontal=True,
            format_func=_LANGUAGE_NAMES.get,
        )
        st.subheader(state.tr("ui.data_in_use"))
        uploads = state.current_uploads()
        if state.is_demo():
            st.info(state.tr("ui.demo_note"), icon=":material/info:")
        else:
            for table, upload in uploads.items():
                st.caption(f"{state.tr(f'table.{table}').capitalize()}: {upload.name}")
            st.button(state.tr("ui.back_to_demo"), on_click=state.use_demo_data, icon=":material/restart_alt:")


def rows_caption(count: int) -> str:
    """"1.234 rows" / "1,234 rows" in the UI language."""
    return state.tr("ui.rows", rows=format_number(count, state.lang()))


def number(value: float | int | None, *, decimals: int = 0) -> str:
    """A number formatted for the UI language."""
    return format_number(value, state.lang(), decimals=decimals)


def plain(text: object) -> str:
    """User text made safe for st.markdown: Markdown and HTML characters escaped, shown as typed."""
    escaped = str(text)
    for char in "\\`*_{}[]()#+-.!|<>~$":
        escaped = escaped.replace(char, f"\\{char}")
    return escaped
