"""Personas page for managers: named personas with cards and quotes, how solid they are in plain words,
the customer map, a formatted comparison, two personas side by side, a card to download, and the
customers (and comments) behind each persona.

The persona controls and everything they drive sit in one ``st.fragment``: choosing another number of
personas reruns this part of the page only.
"""

import math

import pandas as pd
import streamlit as st

from cxlib.charts.personas import (
    persona_comparison_chart,
    persona_map_chart,
    persona_size_chart,
    silhouette_chart,
)
from cxlib.export import to_csv_bytes
from cxlib.i18n import format_date, format_number
from cxlib.personas import (
    STABILITY_SOLID,
    assignment_table,
    comparison_display,
    persona_notes,
    stability_level,
)
from cxlib.personas.card_file import persona_card_pdf
from cxlib.personas.wording import feature_label
from pages import _state as state
from pages import _warmup as warmup
from pages import _widgets as widgets

state.require_router("personas")

AUTOMATIC = 0
# Points the customer map draws (a random sample beyond, which its subtitle names): 2,000 dots show the
# same groups as 4,000, and every rerun that redraws the map (a filter, a language) pays per dot.
MAP_POINTS = 2000


def _number(value: float, decimals: int = 0, *, language: str | None = None) -> str:
    return format_number(value, language or state.lang(), decimals=decimals)


def _stability(model) -> None:
    """ "Solid" or "shaky" in words, the figure in the tooltip, a warning when shaky."""
    level = stability_level(model.stability_)
    if level is None:
        st.caption(state.tr("ui.personas.stability_unknown"))
        return
    figures = {"stability": _number(model.stability_, 2), "threshold": _number(STABILITY_SOLID, 1)}
    st.markdown(state.tr(f"ui.personas.{level}"), help=state.tr("ui.personas.stability_help", **figures))
    if level == "shaky":
        st.warning(state.tr("ui.personas.shaky_warning", **figures), icon=":material/warning:")


def _apply_choice() -> None:
    """The chosen number of personas and features, read from the widgets when the button is clicked."""
    k = st.session_state.get("persona_k_choice", AUTOMATIC)
    features = st.session_state.get("persona_feature_choice")
    state.set_persona_choice(k or None, list(features) if features else None)


def _controls(model) -> None:
    """Number of personas and features; applying them (in the button's callback, before the rerun) reruns
    this fragment only, or the whole page when a persona filter is on (the filter panel names personas)."""
    language = state.lang()
    title, icon = state.tr("ui.personas.controls"), ":material/tune:"
    with widgets.expander_built_when_open(title, key="persona_controls_open", icon=icon) as opened:
        if not opened:
            return
        chosen_k, chosen_features = state.persona_choice()
        options = state.persona_feature_options()
        score = model.silhouette_by_k_.get(model.k_)
        automatic = state.tr("ui.personas.k_auto")  # bound now: Streamlit may format outside a run
        st.select_slider(
            state.tr("ui.personas.k"),
            [AUTOMATIC, *range(2, 9)],
            value=chosen_k or AUTOMATIC,
            format_func=lambda v: automatic if v == AUTOMATIC else str(v),
            key="persona_k_choice",
            help=state.tr("ui.personas.separation_help", k=model.k_, score=_number(score, 2)),
        )
        st.multiselect(
            state.tr("ui.personas.features"),
            options,
            default=[f for f in (chosen_features or model.features_) if f in options],
            format_func=lambda feature: feature_label(feature, language),
            **state.choice_texts(),
            key="persona_feature_choice",
        )
        applied = st.button(
            state.tr("ui.personas.apply"),
            type="primary",
            on_click=_apply_choice,
        )
        if applied and state.current_filters().personas:
            st.rerun()  # the whole page: the filter panel offers the new personas
        silhouette = state.cached_chart(silhouette_chart, model.silhouette_by_k_, model.k_, lang=language)
        widgets.chart(silhouette, "silhouette_by_k")


def _side_by_side(personas, display: pd.DataFrame) -> None:
    """Two chosen personas next to each other: words, quote, their figures against all customers, and
    each card as a PDF."""
    st.subheader(state.tr("ui.personas.side_by_side"))
    indices = list(range(len(personas)))
    chosen = st.multiselect(
        state.tr("ui.personas.pick_two"),
        indices,
        default=indices[:2],
        max_selections=2,
        format_func=lambda index: personas[index].name,
        **state.choice_texts(),
        key=f"persona_pair_{len(personas)}",
    )
    if len(chosen) < 2:
        st.caption(state.tr("ui.personas.pick_two_hint"))
        return
    language = state.lang()
    for column, index in zip(st.columns(2), chosen, strict=True):
        persona = personas[index]
        with column.container(border=True):
            st.markdown(f"**{widgets.plain(persona.name)}**")
            st.markdown(widgets.plain(persona.description))
            if persona.quote:
                quoted = f"„{persona.quote}“" if language == "de" else f"“{persona.quote}”"
                st.markdown(f"*{widgets.plain(quoted)}*")
            st.download_button(
                state.tr("ui.personas.card_download", name=persona.name),
                data=lambda persona=persona: persona_card_pdf(persona, lang=language),
                file_name=f"persona_{index + 1}.pdf",
                mime="application/pdf",
                on_click="ignore",
                icon=":material/picture_as_pdf:",
                key=f"persona_card_{index}",
            )
    names = [personas[index].name for index in chosen]
    st.dataframe(display[[display.columns[0], *names, display.columns[-1]]], hide_index=True, width="stretch")


def _shown(table: pd.DataFrame) -> pd.DataFrame:
    """The drill-down for the screen: numbers and dates in the UI language (the CSV keeps raw values)."""
    language, shown = state.lang(), table.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_float_dtype(values):
            whole = bool(values.dropna().abs().ge(100).all()) or bool((values.dropna() % 1 == 0).all())
            shown[column] = [
                ""
                if value is None or math.isnan(value)
                else _number(value, 0 if whole else 1, language=language)
                for value in values
            ]
        elif pd.api.types.is_bool_dtype(values):
            words = {True: state.tr("ui.personas.yes"), False: state.tr("ui.personas.no")}
            shown[column] = [words.get(value, "") for value in values]
        elif pd.api.types.is_datetime64_any_dtype(values):
            shown[column] = [format_date(value, language) if pd.notna(value) else "" for value in values]
    return shown


def _drill_down(personas) -> None:
    """The customers of one persona in the current (filtered) view, with their latest comment: a table
    built only while its expander is open."""
    title, icon = state.tr("ui.personas.drill"), ":material/person_search:"
    with widgets.expander_built_when_open(title, key="persona_members_open", icon=icon) as opened:
        if opened:
            _members(personas)


def _members(personas) -> None:
    customers, _ = state.filtered_frames()
    if customers is None:
        return
    index = st.selectbox(
        state.tr("ui.personas.drill_pick"),
        list(range(len(personas))),
        format_func=lambda i: personas[i].name,
        key=f"persona_drill_{len(personas)}",
    )
    name, language = personas[index].name, state.lang()
    table = state.persona_members_in_view(index)
    if table.empty:
        st.info(state.tr("ui.personas.drill_empty", name=name), icon=":material/info:")
        return
    st.caption(state.tr("ui.personas.drill_caption", count=_number(len(table)), name=name))
    st.dataframe(_shown(table), hide_index=True, width="stretch", height=320)
    st.download_button(
        state.tr("ui.personas.drill_download"),
        data=lambda: to_csv_bytes(table, lang=language),
        file_name=f"persona_{index + 1}_customers.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
        key="persona_drill_download",
    )


@warmup.fragment
def personas_view() -> None:
    model = state.persona_model()
    if model is None:
        st.info(state.persona_problem() or state.tr("note.personas_need_customers"), icon=":material/info:")
        return
    language, presenting = state.lang(), state.is_presenting()
    st.markdown(state.tr("ui.personas.found", k=model.k_))
    _stability(model)
    if not presenting:
        _controls(model)

    personas = state.personas()
    widgets.persona_cards(
        personas, value_lines=state.persona_value_lines(), psychographics=state.persona_psychographics()
    )
    for note in persona_notes(model, language):
        st.caption(widgets.plain(note))

    left, right = st.columns([3, 2])
    with left:
        st.subheader(state.tr("ui.personas.map"))
        widgets.chart(
            state.cached_chart(
                persona_map_chart, state.persona_map_frame(), lang=language, max_points=MAP_POINTS
            ),
            "persona_map",
        )
        st.caption(state.tr("ui.personas.map_caption"))
    with right:
        st.subheader(state.tr("ui.personas.sizes"))
        widgets.chart(state.cached_chart(persona_size_chart, personas, lang=language), "persona_sizes")

    st.subheader(state.tr("ui.personas.comparison"))
    tables = state.validated_tables()
    comparison = state.persona_comparison_in_view()
    if state.current_filters().restricts:
        st.caption(state.tr("ui.personas.comparison_filtered"))
    widgets.chart(
        state.cached_chart(persona_comparison_chart, comparison, lang=language), "persona_comparison"
    )
    display = comparison_display(comparison, language)
    if presenting:
        return
    title, icon = state.tr("ui.personas.comparison_table"), ":material/table:"
    with widgets.expander_built_when_open(title, key="persona_table_open", icon=icon) as opened:
        if opened:
            st.dataframe(display, hide_index=True, width="stretch")
    if len(personas) >= 2:
        _side_by_side(personas, display)
    _drill_down(personas)
    # Deferred download data runs outside the script thread: bind what it needs now.
    customers = tables["customers"].data
    st.download_button(
        state.tr("ui.personas.download"),
        data=lambda: to_csv_bytes(assignment_table(model, customers, lang=language), lang=language),
        file_name="customers_with_personas.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )


st.title(state.tr("nav.personas"))
widgets.filter_bar()
personas_view()

widgets.persona_filter()  # last: offering persona names needs the persona model, the tiles do not
