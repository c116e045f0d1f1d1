"""Customer journey page: satisfaction along the touchpoints, pain points with their owners, key drivers,
the respondents behind a touchpoint, and the phase editor (with an owner per touchpoint)."""

import streamlit as st

from cxlib.charts.journey import driver_ranking_chart, has_drivers, journey_curve_chart
from cxlib.journey import journey_table
from cxlib.journey_drilldown import weakest_touchpoint
from cxlib.phases import PHASES
from pages import _state as state
from pages import _warmup as warmup
from pages import _widgets as widgets

state.require_router("journey")

st.title(state.tr("nav.journey"))
st.caption(state.tr("journey.page.intro"))
widgets.filter_bar()


def _options() -> None:
    """Outcome and one line per persona: they drive only the journey section below them."""
    options = state.journey_options()
    left, right = st.columns(2)
    outcome = left.radio(
        state.tr("journey.page.outcome"),
        ["recommend", "satisfaction"],
        horizontal=True,
        index=0 if options.get("outcome", "recommend") == "recommend" else 1,
        format_func=state.labeller("role."),
        key="journey_outcome",
    )
    by_persona = right.toggle(
        state.tr("journey.page.by_persona"),
        value=bool(options.get("by_persona")),
        key="journey_by_persona",
        disabled=state.persona_model() is None,
    )
    if outcome != options.get("outcome") or by_persona != options.get("by_persona"):
        state.set_journey_options(outcome=outcome, by_persona=by_persona)


def _pain_points(result) -> None:
    for pain in result.pain_points:
        name = pain["touchpoint"]
        if pain.get("owner"):
            name = state.tr("journey.touchpoint_owner", touchpoint=name, owner=pain["owner"])
        message = f"**{widgets.plain(name)}**: {widgets.plain(pain['text'])}"
        if pain["reason"] == "below_average":
            st.caption(message)
        else:
            st.warning(message, icon=":material/warning:")


@warmup.fragment
def _journey_section() -> bool:
    """The options and everything they drive, rerun on their own when an option changes."""
    if not state.is_presenting():
        _options()
    result = state.journey_result()
    if result is None:
        st.info(state.journey_problem() or state.tr("journey.page.no_touchpoints"), icon=":material/info:")
        return False
    widgets.chart(
        state.cached_chart(
            journey_curve_chart,
            result,
            lang=state.lang(),
            by_group=result.by_group is not None,
            group_title=state.tr("nav.personas"),
        ),
        "journey_curve",
    )
    _pain_points(result)
    for note in result.notes:
        st.caption(widgets.plain(note))
    st.subheader(state.tr("journey.page.drivers"))
    st.caption(state.tr("journey.page.drivers_help"))
    if has_drivers(result):
        widgets.chart(state.cached_chart(driver_ranking_chart, result, lang=state.lang()), "driver_ranking")
    else:
        st.info(state.tr("journey.note.no_outcome"), icon=":material/info:")
    st.subheader(state.tr("journey.page.table"))
    st.dataframe(journey_table(result, lang=state.lang()), hide_index=True, width="stretch")
    return True


@warmup.fragment
def _drill_down() -> None:
    """A touchpoint's lowest ratings in the current selection, with comments and a CSV download."""
    result = state.journey_result()
    if result is None:
        return
    st.subheader(state.tr("journey.drill.title"))
    st.caption(state.tr("journey.drill.help"))
    names = result.touchpoints["touchpoint"].tolist()
    lowest = weakest_touchpoint(result.touchpoints)
    chosen = st.selectbox(
        state.tr("journey.drill.choose"),
        names,
        index=names.index(lowest) if lowest in names else 0,
        key="drill_touchpoint",
    )
    table, total = state.lowest_ratings(chosen)
    if table is None or table.empty:
        st.info(state.tr("journey.drill.none"), icon=":material/info:")
        return
    st.caption(state.tr("journey.drill.shown", n=widgets.number(len(table)), total=widgets.number(total)))
    shown = widgets.drill_table(table)
    st.dataframe(shown, hide_index=True, width="stretch")
    widgets.csv_download(
        shown,
        label=state.tr("journey.drill.download"),
        file_name=state.tr("journey.drill.file"),
        key="drill_download",
    )


def _phase_editor() -> None:
    """The touchpoints' names, phases, order, codes and owners as an editable table; applied on the
    button (a rerun with the edited table)."""
    st.caption(state.tr("journey.page.editor_help"))
    edited = st.data_editor(
        state.journey_editor_table(),
        hide_index=True,
        width="stretch",
        disabled=["touchpoint"],
        key="journey_editor",
        column_config={
            "touchpoint": st.column_config.TextColumn(state.tr("journey.editor.touchpoint")),
            "name": st.column_config.TextColumn(state.tr("journey.editor.name")),
            "phase": st.column_config.SelectboxColumn(
                state.tr("journey.editor.phase"), options=list(PHASES), required=True
            ),
            "order": st.column_config.NumberColumn(state.tr("journey.editor.order"), min_value=1, step=1),
            "include": st.column_config.CheckboxColumn(state.tr("journey.editor.include")),
            "na_code": st.column_config.NumberColumn(state.tr("journey.editor.na_code")),
            "owner": st.column_config.TextColumn(state.tr("journey.editor.owner")),
        },
    )
    if st.button(state.tr("journey.editor.apply"), type="primary"):
        state.set_journey_editor_table(edited)
        st.rerun()


if _journey_section() and not state.is_presenting():
    title, icon = state.tr("journey.page.editor"), ":material/edit:"
    with widgets.expander_built_when_open(title, key="journey_editor_open", icon=icon) as opened:
        if opened:
            _phase_editor()
    _drill_down()

widgets.persona_filter()  # last: offering persona names needs the persona model, the tiles do not
