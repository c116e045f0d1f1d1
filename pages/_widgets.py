"""Small rendering pieces shared by several pages (sidebar, data note). No data logic here."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import streamlit as st

from cxlib.i18n import CURRENCIES, LANGUAGE_NAMES, LANGUAGES, format_money, format_number
from pages import _state as state
from pages import _warmup as warmup


def sidebar() -> None:
    """Language switch, what data is in use, and the way back to the demo data."""
    with st.sidebar:
        st.radio(
            state.tr("ui.language"),
            LANGUAGES[::-1],
            index=LANGUAGES[::-1].index(state.lang()),
            horizontal=True,
            format_func=LANGUAGE_NAMES.get,
            key="language_choice",
            on_change=_language_changed,
        )
        st.subheader(state.tr("ui.data_in_use"))
        uploads = state.current_uploads()
        if state.is_demo():
            st.info(state.tr("ui.demo_note"), icon=":material/info:")
        else:
            for table, upload in uploads.items():
                st.caption(f"{state.tr(f'table.{table}').capitalize()}: {upload.name}")
            st.button(
                state.tr("ui.back_to_demo"), on_click=state.use_demo_data, icon=":material/restart_alt:"
            )
        _currency_choice()
        st.divider()
        st.button(
            state.tr("ui.presentation"),
            on_click=state.start_presenting,
            help=state.tr("ui.presentation_help"),
            icon=":material/co_present:",
        )


def _language_changed() -> None:
    state.set_lang(st.session_state["language_choice"])


def _currency_choice() -> None:
    """The currency written on every money figure (a label only: amounts are not converted)."""
    chosen = state.currency()
    options = list(CURRENCIES) if chosen in CURRENCIES else [chosen, *CURRENCIES]
    st.selectbox(
        state.tr("charts.currency"),
        options,
        index=options.index(chosen),
        key="currency_choice",
        help=state.tr("charts.currency_help"),
        on_change=_currency_changed,
        **state.choice_texts(many=False),
    )


def _currency_changed() -> None:
    state.set_currency(st.session_state["currency_choice"])


def money_columns(*keys: str) -> dict:
    """``column_config`` for a table's money columns (named by their string-table keys): the currency in
    the header, the numbers in the browser's locale, so they stay sortable numbers."""
    from cxlib.i18n import CURRENCY_SYMBOLS

    symbol = CURRENCY_SYMBOLS.get(state.currency(), state.currency())
    return {
        state.tr(key): st.column_config.NumberColumn(
            state.tr("charts.money_axis", title=state.tr(key), symbol=symbol), format="localized"
        )
        for key in keys
    }


def money(value: float | int | None, *, decimals: int = 0) -> str:
    """A money amount in the UI language and the chosen currency ("1.234 €" / "€1,234")."""
    return format_money(value, state.lang(), currency=state.currency(), decimals=decimals)


def rows_caption(count: int) -> str:
    """ "1.234 rows" / "1,234 rows" in the UI language."""
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


def filter_bar() -> None:
    """The shared filters: the period (presets, dates, comparison) at the top of the page, region, segment
    and persona in the sidebar; they apply on every page and live in the URL.

    The persona filter is drawn at the end of the page (:func:`persona_filter`): offering persona names
    needs the persona model, and a page's first tiles should not wait for it. Its value is known now all
    the same (the widget's state, or the current filters)."""
    from cxlib.filters import Filters

    options = state.filter_options()
    current = state.current_filters()
    if state.is_presenting():
        period = (current.start, current.end, current.preset, current.comparison)
    else:
        period = _period_bar(options.get("date_range"), current)
    panel = st.sidebar.expander(
        state.tr("ui.filters"), icon=":material/filter_alt:", expanded=current.selects_customers
    )
    with panel:
        chosen = {
            name: tuple(
                st.multiselect(
                    state.tr(f"ui.filter.{name}"),
                    options[name],
                    default=[v for v in getattr(current, name) if v in options[name]],
                    key=f"filter_{name}",
                    **state.choice_texts(),
                )
            )
            for name in ("regions", "segments")
            if options.get(name)
        }
    state.defer_persona_filter(panel)
    start, end, preset, comparison = period
    personas = _chosen_personas(current)
    wanted = Filters(start=start, end=end, preset=preset, comparison=comparison, personas=personas, **chosen)
    if wanted != current:
        state.set_filters(wanted)
    state.filters_to_url(wanted)
    if wanted.restricts or wanted.comparison != "previous":
        _active_filters(wanted)


PERSONA_FILTER_KEY = "filter_personas"


def _chosen_personas(current) -> tuple[str, ...]:
    """The personas filtered on: the persona filter's state (set by the visitor before this run), else
    the current filters; only names of the current personas (a filter on none of them filters nothing:
    e.g. a link from before the number of personas changed)."""
    chosen = st.session_state.get(PERSONA_FILTER_KEY, current.personas)
    if not chosen:
        return ()
    offered = set(state.persona_filter_options())
    return tuple(name for name in chosen if name in offered)


def persona_filter() -> None:
    """The persona filter, drawn into this run's filter panel (called last by every filtered page)."""
    panel = state.take_persona_filter_panel()
    if panel is None:
        return
    offered = state.persona_filter_options()
    if not offered:
        return
    current = state.current_filters()
    with panel:
        st.multiselect(
            state.tr("ui.filter.personas"),
            offered,
            default=[name for name in current.personas if name in offered],
            key=PERSONA_FILTER_KEY,
            **state.choice_texts(),
        )


_PERIOD_CHOICES = ("all", "last_quarter", "last_12_months", "year_to_date", "custom")


def _period_bar(date_range, current) -> tuple:
    """The period row at the top of the page: a preset, the dates, and what to compare with.

    Returns (start, end, preset, comparison) as the filters keep them (no dates: the whole range).
    """
    from cxlib.periods import COMPARISONS, preset_window

    # keyed by language: a selectbox's translated options are a new widget after a language switch
    language = state.lang()
    preset_key, comparison_key = f"filter_preset_{language}", f"filter_comparison_{language}"
    preset_column, dates_column, comparison_column = st.columns([2, 3, 2])
    start_comparison = (
        {} if comparison_key in st.session_state else {"index": COMPARISONS.index(current.comparison)}
    )
    comparison = comparison_column.selectbox(
        state.tr("period.comparison"),
        COMPARISONS,
        format_func=state.labeller("period.comparison."),
        key=comparison_key,
        **start_comparison,
    )
    if not date_range:
        return None, None, None, comparison
    first, last = date_range
    selected = current.preset or ("custom" if current.has_period else "all")
    preset = preset_column.selectbox(
        state.tr("period.label"),
        _PERIOD_CHOICES,
        format_func=state.labeller("period.preset."),
        key=preset_key,
        on_change=_preset_changed,
        args=(preset_key, first, last),
        **({} if preset_key in st.session_state else {"index": _PERIOD_CHOICES.index(selected)}),
    )
    shown = (current.start or first, current.end or last)
    dates = dates_column.date_input(
        state.tr("ui.filter.period"),
        min_value=first,
        max_value=last,
        key="filter_period",
        on_change=_dates_changed,
        args=(preset_key,),
        format="DD.MM.YYYY" if state.lang() == "de" else "YYYY-MM-DD",
        **({} if "filter_period" in st.session_state else {"value": shown}),
    )
    if preset == "all":
        return None, None, None, comparison
    if preset != "custom":
        start, end = preset_window(preset, first=first, last=last)
        return start, end, preset, comparison
    start, end = dates if isinstance(dates, tuple) and len(dates) == 2 else (current.start, current.end)
    if (start, end) == (first, last):
        start, end = None, None  # the whole range is no restriction
    return start, end, None, comparison


def _preset_changed(preset_key: str, first, last) -> None:
    """A preset chosen: the date field shows its dates."""
    from cxlib.periods import preset_window

    preset = st.session_state.get(preset_key)
    if preset in (None, "custom"):
        return
    st.session_state["filter_period"] = preset_window(preset, first=first, last=last) or (first, last)


def _dates_changed(preset_key: str) -> None:
    """Dates chosen by hand: the period is a custom one."""
    st.session_state[preset_key] = "custom"


_DRILL_HEADERS = {
    "response_id": "journey.drill.col.respondent",
    "customer_id": "journey.drill.col.customer",
    "response_date": "journey.drill.col.date",
    "rating": "journey.drill.col.rating",
    "score": "journey.drill.col.score",
    "comment": "journey.drill.col.comment",
    "recommend": "role.recommend",
    "group": "drill.col.group",
}


def drill_table(table):
    """A drill-down table with headers, codes, numbers and dates in the UI language."""
    import pandas as pd

    from cxlib.i18n import format_date

    language = state.lang()
    shown = {}
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_datetime64_any_dtype(values) or column == "response_date":
            values = [format_date(value, language) for value in values]
        elif column in ("rating", "score"):
            values = [format_number(value, language, decimals=1) for value in values]
        elif column in ("revenue", "clv"):
            values = [format_number(value, language, decimals=2) for value in values]
        elif column == "recommend":
            values = [format_number(value, language) for value in values]
        elif column == "group":
            values = [state.tr(f"drill.group.{value}") for value in values]
        shown[state.tr(_DRILL_HEADERS.get(column, f"role.{column}"))] = list(values)
    return pd.DataFrame(shown)


def csv_download(table, *, label: str, file_name: str, key: str) -> None:
    """A CSV download of a shown table, as the reader's spreadsheet opens it (German: ``;`` and ``,``)."""
    german = state.lang() == "de"
    data = table.to_csv(index=False, sep=";" if german else ",", decimal="," if german else ".")
    st.download_button(
        label,
        data=data.encode("utf-8-sig"),
        file_name=file_name,
        mime="text/csv",
        icon=":material/download:",
        key=key,
    )


@contextlib.contextmanager
def expander_built_when_open(label: str, *, key: str, icon: str | None = None) -> Iterator[bool]:
    """An expander whose content is built only while it is open: the ``with`` gives whether it is.

    Opening or closing it reruns the script (or the fragment it sits in). A closed expander's content
    would otherwise be sent and drawn on every rerun, hidden: tables, charts and inputs that cost the
    browser a tenth of a second or more each on every click elsewhere on the page.
    """
    panel = st.expander(label, icon=icon, key=key, on_change="rerun")
    with panel:
        yield bool(panel.open)


@warmup.fragment
def people_behind_tiles() -> None:
    """From the NPS and churn tiles to the people they counted: the respondents of the NPS window
    (detractors first, with comments) or the customers lost in the churn window."""
    title, icon = state.tr("drill.tiles.title"), ":material/person_search:"
    with expander_built_when_open(title, key="drill_tile_open", icon=icon) as opened:
        if not opened:
            return
        kinds = state.people_behind_kinds()
        if not kinds:
            st.caption(state.tr("drill.tiles.none"))
            return
        kind = st.radio(
            state.tr("drill.tiles.choose"),
            kinds,
            format_func=state.labeller("drill.tiles.kind."),
            horizontal=True,
            key="drill_tile",
        )
        table = state.people_behind(kind)
        st.caption(state.tr(f"drill.tiles.help.{kind}", n=number(len(table))))
        shown = drill_table(table)
        st.dataframe(shown, hide_index=True, width="stretch")
        csv_download(
            shown,
            label=state.tr("journey.drill.download"),
            file_name=state.tr(f"drill.tiles.file.{kind}"),
            key="drill_tile_download",
        )


def _active_filters(filters) -> None:
    """What the page is filtered on, at the top of the page, with one click to clear it."""
    chips = state.filter_chips(filters)
    text, button = st.columns([5, 1], vertical_alignment="center")
    text.info(state.tr("ui.filters.active", filters=" · ".join(chips)), icon=":material/filter_alt:")
    icon = ":material/filter_alt_off:"
    button.button(state.tr("ui.filters.clear"), on_click=state.clear_filters, icon=icon)


def chart(figure, name: str, *, height: int | None = None) -> None:
    """An Altair chart, full width, with PNG and SVG downloads rendered only when clicked.

    ``height`` (pixels) fixes the drawn height, as a slide needs; otherwise the spec's own height is used
    (with room for projector-sized type while presenting).
    """
    if height is None:
        # Streamlit fits title, axes and plot into the spec's height; large type needs room.
        height = _presentation_height(figure) if state.is_presenting() else "content"
    from cxlib.charts.formats import localized  # here: Altair's import (~0.6 s) need not delay the tiles

    st.altair_chart(presentation_chart(localized(figure, state.lang())), width="stretch", height=height)
    if state.is_presenting():
        return
    formats = {"png": "image/png", "svg": "image/svg+xml"}
    with st.popover(state.tr("ui.chart.download"), icon=":material/download:", width="content"):
        for kind, mime in formats.items():
            st.download_button(
                kind.upper(),
                data=lambda kind=kind: _render(figure, kind),
                file_name=f"{name}.{kind}",
                mime=mime,
                on_click="ignore",
                key=f"{kind}_{name}",
                icon=":material/download:",
            )


def chart_tabs(charts: dict, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
    """Charts in tabs, one tab per group (label key, chart names), two charts of a tab side by side.

    A chart in a tab that is not shown is not drawn until its tab is opened (Streamlit draws a chart
    once it has a width), so a page with many charts arrives as fast as one with a tab's worth.
    """
    shown = [(label, [name for name in names if name in charts]) for label, names in groups]
    shown = [(label, names) for label, names in shown if names]
    if not shown:
        return
    tabs = st.tabs([state.tr(label) for label, _ in shown]) if len(shown) > 1 else [st.container()]
    for tab, (_, names) in zip(tabs, shown, strict=True):
        with tab:
            for column, name in zip(st.columns(len(names)), names, strict=True):
                with column:
                    chart(charts[name], name)


def _presentation_height(figure) -> int:
    """Pixel height for a chart shown with projector-sized type.

    A spec's height may be a number, absent, or a step object (``{"step": 20}`` on heatmaps, whose
    height follows their rows): only a number can be enlarged, the others get a roomy default.
    """
    spec_height = figure.to_dict().get("height")
    base = spec_height if isinstance(spec_height, int | float) else 380
    return int(base) + 160


def _render(figure, kind: str) -> bytes:
    from cxlib.report import chart_png, chart_svg

    return chart_png(figure) if kind == "png" else chart_svg(figure).encode("utf-8")


def kpi_tiles(tiles) -> None:
    """One st.metric per KPI tile, side by side, with formula and inputs in the help text."""
    for column, tile in zip(st.columns(len(tiles)), tiles, strict=True):
        column.metric(
            tile.label,
            tile.value,
            delta=tile.delta,
            delta_color=tile.delta_color,
            help=tile.help,
            border=True,
        )


# Static styling for presentation mode only (no user data is ever put into HTML). Sizes are for a
# 1280×720 projector: body type and tile labels 24 px and wrapped (never cut with "…"), one screen per step.
_PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpander"],
[data-testid="stDownloadButton"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important; }
[data-testid="stHeader"] { height: 0 !important; min-height: 0 !important; }
.stMainBlockContainer { max-width: 100% !important; padding: 0.75rem 2.5rem 0.5rem !important; }
.stMainBlockContainer [data-testid="stVerticalBlock"] { gap: 0.6rem !important; }
.stMainBlockContainer p, .stMainBlockContainer li, .stMainBlockContainer button p,
[data-testid="stCaptionContainer"], [data-testid="stAlertContainer"] p {
  font-size: 24px !important; line-height: 1.3 !important; }
.stMainBlockContainer li { margin-bottom: 0.2rem !important; }
h1 { font-size: 40px !important; padding: 0 0 0.25rem 0 !important; }
.stMainBlockContainer h3 { font-size: 30px !important; padding: 0 !important; }
.stMainBlockContainer [data-testid="stMetricValue"], .stMainBlockContainer [data-testid="stMetricValue"] * {
  font-size: 44px !important; line-height: 1.15 !important; overflow: visible !important; }
[data-testid="stMetric"] { padding: 0.5rem 0.6rem !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important; }
[data-testid="stMetricLabel"] { width: 100% !important; max-width: 100% !important; }
[data-testid="stMetricLabel"] p { font-size: 24px !important; line-height: 1.2 !important;
  word-break: normal !important; overflow-wrap: normal !important; hyphens: manual !important; }
.stMainBlockContainer [data-testid="stMetricDelta"], .stMainBlockContainer [data-testid="stMetricDelta"] * {
  font-size: 24px !important; line-height: 1.2 !important; white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; height: auto !important; }
[data-testid="stMetricDelta"] { border-radius: 0.5rem !important; }
.stMainBlockContainer button p { white-space: nowrap !important; }
[data-testid="stTooltipIcon"] { display: none !important; }
</style>
"""


def presentation_style() -> None:
    """The projector styling of a slide (static CSS, no user data)."""
    st.html(_PRESENTATION_CSS)


def presentation_bar(pages: dict, steps: tuple[str, ...], current) -> str:
    """Presentation mode: large type, no sidebar or controls, and Back/Next through the story pages.

    Returns the step shown: the page the navigation is on, or the first step for a page outside the story.
    """
    names = [name for name, page in pages.items() if page.url_path == current.url_path]
    position = steps.index(names[0]) if names and names[0] in steps else 0
    back, title, forward, leave = st.columns([1.6, 4.4, 1.6, 3], vertical_alignment="center")
    if back.button(state.tr("ui.present.back"), disabled=position == 0, icon=":material/arrow_back:"):
        st.switch_page(pages[steps[position - 1]])
    title.caption(state.tr("ui.present.step", step=position + 1, steps=len(steps)))
    if forward.button(
        state.tr("ui.present.next"), disabled=position == len(steps) - 1, icon=":material/arrow_forward:"
    ):
        st.switch_page(pages[steps[position + 1]])
    leave.button(state.tr("ui.present.exit"), on_click=state.stop_presenting, icon=":material/close:")
    return steps[position]


def presentation_chart(figure):
    """Charts with projector-sized fonts while presenting; unchanged otherwise."""
    if not state.is_presenting():
        return figure
    return (
        figure.configure_axis(labelFontSize=PRESENTATION_LABEL_PX, titleFontSize=20)
        .configure_title(fontSize=26, subtitleFontSize=18)
        .configure_legend(labelFontSize=PRESENTATION_LABEL_PX, titleFontSize=18)
        .configure_text(fontSize=PRESENTATION_LABEL_PX)
    )


#: Chart label size while presenting (axis, legend and text marks): readable from the back of a room.
PRESENTATION_LABEL_PX = 18


def persona_cards(
    personas,
    *,
    compact: bool = False,
    value_lines: dict[str, str] | None = None,
    psychographics: dict | None = None,
) -> None:
    """Persona profile cards side by side (at most four per row): name, share, description, quote, card;
    ``value_lines`` adds a line per persona name (expected CLV and P(active) from the purchase model);
    ``psychographics`` (persona name → :class:`cxlib.voices.personas.PsychographicLine` list) adds the
    *Needs* and *Worries* lines from the comments."""
    per_row = 4
    for start in range(0, len(personas), per_row):
        for column, persona in zip(st.columns(per_row), personas[start : start + per_row], strict=False):
            with column.container(border=True):
                _persona_card(persona, compact=compact, value_line=(value_lines or {}).get(persona.name))
                if psychographics and not compact:
                    _psychographic_lines(psychographics.get(persona.name, []))


def _psychographic_lines(lines) -> None:
    """*Needs* / *Worries*: the theme, then its quote, both as plain text."""
    for line in lines:
        st.markdown(f"**{plain(state.tr(f'persona.card.{line.kind}'))}**")
        st.text(line.theme)
        st.text(f"„{line.quote}“" if state.lang() == "de" else f"“{line.quote}”")


def _persona_card(persona, *, compact: bool, value_line: str | None = None) -> None:
    st.subheader(plain(persona.name))
    in_view = state.persona_sizes_in_view()  # with a filter on: the persona within the filtered customers
    size, share = (persona.size, persona.share) if in_view is None else in_view.get(persona.name, (0, 0.0))
    st.caption(
        state.tr(
            "ui.personas.size" if in_view is None else "ui.personas.size_filtered",
            size=number(size),
            share=format_number(share * 100, state.lang(), decimals=0),
        )
    )
    if value_line:
        st.caption(plain(value_line))
    st.markdown(f"**{plain(persona.description)}**")
    if persona.quote:
        st.markdown(f"> „{plain(persona.quote)}“" if state.lang() == "de" else f"> “{plain(persona.quote)}”")
    if compact:
        return
    for section, items in persona.card.items():
        if not items:
            continue  # a section without content is left out, never shown empty
        st.markdown(f"**{plain(state.tr(f'persona.section.{section}'))}**")
        st.markdown("  \n".join(f"{plain(label)}: {plain(value)}" for label, value in items))


def report_downloads() -> None:
    """The take-away files (Excel report, PDF one-pager, slide deck), built only when clicked."""
    workbook, one_pager, deck = state.report_makers()
    files = (
        (
            "excel",
            workbook,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "table_view",
        ),
        ("pdf", one_pager, "application/pdf", "picture_as_pdf"),
        (
            "pptx",
            deck,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "slideshow",
        ),
    )
    for column, (kind, make, mime, icon) in zip(st.columns([2, 2, 2, 3])[:3], files, strict=True):
        column.download_button(
            state.tr(f"ui.summary.download_{kind}"),
            data=make,
            file_name=state.tr(f"ui.summary.{kind}_file"),
            mime=mime,
            on_click="ignore",
            icon=f":material/{icon}:",
            key=f"download_report_{kind}",
        )
