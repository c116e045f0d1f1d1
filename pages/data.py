"""Data page: upload, sheet choice, column mapping, validation report, preview, and back to the demo data."""

import streamlit as st

from cxlib.column_view import ORDINAL_CHOICE_KINDS, SCALE_CHOICES, column_overview, rating_items
from cxlib.errors import CxError
from cxlib.export import to_csv_bytes
from cxlib.intake import mapping_overview, rules_overview
from cxlib.mapping_profile import profile_from_tables, profile_json, read_profile
from cxlib.roles import ROLES, TABLES
from cxlib.validation import readable_set_aside
from pages import _state as state
from pages import _warmup as warmup
from pages import _widgets as widgets

state.require_router("data")

FILE_TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt", "dat", "asc", "gz", "zip"]
NOT_MAPPED = "—"


def upload_box(table: str) -> None:
    file = st.file_uploader(state.tr(f"ui.upload.{table}"), type=FILE_TYPES, key=f"upload_{table}")
    if file is not None:
        content = file.getvalue()
        current = state.current_uploads().get(table)
        digest = state.Upload.of(file.name, content).digest
        if (current is None or current.digest != digest or state.is_demo()) and not state.was_rejected(
            table, digest
        ):
            with st.spinner(state.tr("ui.reading")):
                error = state.accept_upload(table, file.name, content)
            if error is None:
                st.rerun()  # everything on screen (sidebar included) now shows the new data
    message = state.rejection(table)
    if message:
        st.error(state.tr("ui.upload_rejected", message=message), icon=":material/error:")


def sheet_choice(table: str, loaded) -> None:
    if len(loaded.sheets) > 1:
        chosen = st.selectbox(
            state.tr("ui.sheet"), loaded.sheets, index=loaded.sheets.index(loaded.sheet), key=f"sheet_{table}"
        )
        if chosen != loaded.sheet:
            error = state.set_choice(table, sheet=chosen, roles=None)
            if error:
                st.error(error.message(state.lang()))
            else:
                st.rerun()


@warmup.fragment
def mapping_editor(table: str, loaded) -> None:
    """The mapping and its form: applying it reruns this section, which reruns the page once with the new
    mapping (the page's other tables are not redrawn first with the old one)."""
    st.dataframe(mapping_overview(loaded, lang=state.lang()), hide_index=True, width="stretch")
    columns = [str(column) for column in loaded.raw.columns]
    with st.expander(state.tr("ui.mapping.edit")), st.form(f"mapping_{table}"):
        chosen: dict[str, object] = {}
        for role in ROLES[table]:
            current = loaded.mapping.matches.get(role.key)
            label = state.tr(f"role.{role.key}")
            if role.kind == "touchpoints":
                default = [c for c in (current.column if current else []) if c in columns]
                chosen[role.key] = st.multiselect(
                    label, columns, default=default, key=f"map_{table}_{role.key}", **state.choice_texts()
                )
                continue
            options = [NOT_MAPPED, *columns]
            index = options.index(current.column) if current and current.column in options else 0
            picked = st.selectbox(label, options, index=index, key=f"map_{table}_{role.key}")
            chosen[role.key] = None if picked == NOT_MAPPED else picked
        if st.form_submit_button(state.tr("ui.mapping.apply"), type="primary"):
            overrides = state.current_choice(table).get("overrides")
            error = state.set_choice(table, sheet=loaded.sheet, roles=chosen, overrides=overrides)
            if error:
                st.error(error.message(state.lang()))
            else:
                st.rerun()


def column_meanings(table: str, loaded) -> None:
    """How each column was understood (role, kind, scale, direction, money period, evidence)."""
    overview = column_overview(loaded.validated, lang=state.lang())
    if not overview.empty:
        st.dataframe(overview, hide_index=True, width="stretch")
    if table == "survey" and not loaded.derived_from:
        scale_choice(table, loaded)
    revenue = loaded.validated.columns.get("revenue")
    if revenue is not None and revenue.period is not None:
        _period_form(table, revenue.period)


@warmup.fragment
def _period_form(table: str, period: str) -> None:
    """What the revenue column covers (per month, year or lifetime), as the user confirms it."""
    periods = ["month", "year", "lifetime"]
    labels = [state.tr(f"period.{name}") for name in periods]
    with st.form(f"period_{table}"):
        label = st.radio(
            state.tr("ui.period.choose"),
            labels,
            index=periods.index(period),
            horizontal=True,
            key=f"period_choice_{table}_{state.lang()}",
        )
        picked = periods[labels.index(label)]
        if st.form_submit_button(state.tr("ui.period.apply")) and picked != period:
            _confirm_meaning(table, "revenue", {"period": picked})


def scale_choice(table: str, loaded) -> None:
    """Let the user correct the scale or direction of one rating item (flows to NPS, journey, drivers)."""
    items = rating_items(loaded.validated)
    if items:
        with st.expander(state.tr("ui.scale.title"), icon=":material/tune:"):
            _scale_form(table, items)


@warmup.fragment
def _scale_form(table: str, items: dict) -> None:
    """The item choice reruns only this section, so the scale and direction shown are that item's own
    (a form alone would keep the first item's, and applying them would change the wrong scale)."""
    key = f"{table}_{state.lang()}"  # labels change with the language: a widget per language
    column = st.selectbox(state.tr("ui.scale.column"), list(items), key=f"scale_column_{key}")
    meaning = items[column]
    directions = ["higher_better", "higher_worse"]
    if meaning.kind in ORDINAL_CHOICE_KINDS:  # how often / how important: ordered, but no touchpoint
        directions.append("ordinal")
    current = "ordinal" if meaning.kind == "ordinal" else meaning.direction
    key = f"{key}_{column}"  # each item's widgets start from its own scale and direction
    with st.form(f"scale_{table}"):
        scales = list(SCALE_CHOICES)
        scale = st.selectbox(
            state.tr("ui.scale.choose"),
            scales,
            index=scales.index(meaning.scale) if meaning.scale in scales else 1,
            format_func=lambda pair: f"{pair[0]}–{pair[1]}",
            key=f"scale_value_{key}",
        )
        labels = [state.tr(f"direction.{name}") for name in directions]
        label = st.radio(
            state.tr("ui.scale.direction"),
            labels,
            index=directions.index(current) if current in directions else 0,
            horizontal=True,
            key=f"scale_direction_{key}",
        )
        direction = directions[labels.index(label)]
        if st.form_submit_button(state.tr("ui.scale.apply")):
            chosen = {"kind": "ordinal"} if direction == "ordinal" else {"direction": direction}
            _confirm_meaning(table, column, {"scale": list(scale), **chosen})


def _confirm_meaning(table: str, column: str, chosen: dict) -> None:
    error = state.set_column_meaning(table, column, chosen)
    if error:
        st.error(error.message(state.lang()))
    else:
        st.rerun()


def mapping_profile() -> None:
    """Download the confirmed mapping as a small JSON file, or load one saved before."""
    loaded = state.loaded_tables()
    st.subheader(state.tr("ui.profile.title"))
    st.caption(state.tr("ui.profile.help"))
    if loaded:
        st.download_button(
            state.tr("ui.profile.download"),
            profile_json(profile_from_tables(loaded, owners=state.journey_owners())),
            file_name="mapping_profile.json",
            mime="application/json",
            key="download_profile",
        )
    file = st.file_uploader(state.tr("ui.profile.upload"), type=["json"], key="profile_upload")
    if file is None:
        return
    try:
        profile = read_profile(file.getvalue(), filename=file.name)
    except CxError as error:
        st.error(error.message(state.lang()))
        return
    if not state.is_profile_in_use(profile):
        error = state.apply_profile(profile)
        if error:
            st.error(error.message(state.lang()))
        else:
            st.rerun()
    st.success(state.tr("ui.profile.loaded"), icon=":material/check_circle:")


def validation_report(table: str, loaded) -> None:
    report = loaded.validated.report
    read, used, aside = st.columns(3)
    read.metric(state.tr("ui.rows_read"), widgets.number(report.rows_read))
    used.metric(state.tr("ui.rows_used"), widgets.number(report.rows_used))
    aside.metric(state.tr("ui.rows_set_aside"), widgets.number(report.rows_set_aside))
    rules = rules_overview(loaded, lang=state.lang())
    if rules.empty:
        st.success(state.tr("ui.no_problems"), icon=":material/check_circle:")
    else:
        st.dataframe(rules, hide_index=True, width="stretch")
    if not loaded.validated.set_aside.empty:
        validated, language = loaded.validated, state.lang()  # bound now: the data is made on click
        st.download_button(
            state.tr("ui.download_set_aside"),
            lambda: to_csv_bytes(readable_set_aside(validated, lang=language), lang=language),
            file_name=f"{table}_set_aside.csv",
            mime="text/csv",
            key=f"download_aside_{table}",
        )


def table_section(table: str) -> None:
    upload_box(table)
    loaded = state.loaded_tables().get(table)
    if loaded is None:
        st.caption(state.tr("ui.no_table", table=state.tr(f"table.{table}")))
        return
    st.markdown(
        f"**{state.tr('ui.file')}:** {widgets.plain(loaded.file)} · {widgets.rows_caption(len(loaded.raw))}"
    )
    st.subheader(state.tr("ui.mapping.title"))
    if loaded.derived_from:  # made from another table: corrected there, or replaced by an upload
        st.info(state.tr("ui.derived_table", table=state.tr(f"table.{loaded.derived_from}")))
        st.dataframe(mapping_overview(loaded, lang=state.lang()), hide_index=True, width="stretch")
    else:
        sheet_choice(table, loaded)
        mapping_editor(table, loaded)
    st.subheader(state.tr("ui.columns.title"))
    column_meanings(table, loaded)
    st.subheader(state.tr("ui.report.title"))
    validation_report(table, loaded)
    st.subheader(state.tr("ui.preview"))
    st.dataframe(loaded.validated.data.head(100), width="stretch")


st.title(state.tr("nav.data"))
st.caption(state.tr("ui.data_intro"))
if not state.is_demo():
    st.button(state.tr("ui.back_to_demo"), on_click=state.use_demo_data, key="demo_button_page")
# A key keeps the chosen tab when the page above it changes (the "back to demo" button appears after
# the first upload): without it the frontend took the tabs for new ones and jumped back to the first.
tabs = st.tabs([state.tr(f"ui.tab.{table}") for table in TABLES], key=f"data_tabs_{state.lang()}")
for table, tab in zip(TABLES, tabs, strict=True):
    with tab:
        table_section(table)
mapping_profile()
