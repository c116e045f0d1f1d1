"""Voices of the customer page: themes and tone of the comments, detractor themes, search, follow-up list.

Every piece of customer text (comments, theme labels built from their words, search terms) is shown as
plain text: ``st.text`` or a dataframe, never Markdown or HTML.
"""

import streamlit as st

from cxlib.charts.voices import difference_chart, monthly_sentiment, sentiment_time_chart, theme_chart
from cxlib.i18n import format_number, format_percent
from cxlib.voices.follow_up import follow_up_workbook, readable_follow_up
from cxlib.voices.section import unread_languages_note
from cxlib.voices.tables import readable_table, search_comments
from pages import _state as state
from pages import _widgets as widgets

state.require_router("voices")

SEARCH_ROWS = 200

st.title(state.tr("nav.voices"))
st.caption(state.tr("voices.page.intro"))
widgets.filter_bar()

voices = state.voices()
if voices is None:
    st.info(state.tr("voices.page.no_comment_column"), icon=":material/info:")
    st.stop()
result = voices.result
comments = result.comments
language = state.lang()
if comments.empty:
    st.info(state.tr("voices.page.no_comments"), icon=":material/info:")
    st.stop()


def _headers(rows, *, percent: tuple[str, ...] = ()):
    return readable_table(rows, lang=language, percent=percent)


agreement = result.agreement
tiles = st.columns(4)
tiles[0].metric(state.tr("voices.metric.comments"), widgets.number(len(comments)))
tiles[1].metric(
    state.tr("voices.metric.languages"),
    " · ".join(f"{code.upper()} {widgets.number(count)}" for code, count in result.languages.items()),
)
tiles[2].metric(
    state.tr("voices.metric.sentiment"),
    format_number(comments["sentiment"].mean(), language, decimals=2, signed=True),
    help=state.tr(
        "voices.metric.sentiment_help",
        from_rating=widgets.number(int((comments["sentiment_source"] == "rating").sum())),
        count=widgets.number(len(comments)),
    ),
)
tiles[3].metric(
    state.tr("voices.metric.agreement"),
    format_number(agreement["spearman"], language, decimals=2) if agreement["spearman"] is not None else "–",
    help=state.tr("voices.metric.agreement_help", n=widgets.number(agreement["n"])),
)

if (unread := unread_languages_note(result, language)) is not None:
    st.caption(unread)

st.subheader(state.tr("voices.themes.title"))
if not result.themes:
    st.info(state.tr("voices.page.too_few"), icon=":material/info:")
else:
    st.caption(state.tr("voices.themes.help", k=result.k))
    widgets.chart(theme_chart(result.themes, lang=language), "voices_themes")

    st.subheader(state.tr("voices.detail.title"))
    chosen = st.selectbox(
        state.tr("voices.detail.choose"),
        range(len(result.themes)),
        format_func=lambda position: result.themes[position].label,
        key="voices_theme",
    )
    theme = result.themes[chosen]
    st.caption(
        state.tr(
            "voices.detail.stats",
            n=widgets.number(theme.n),
            share=format_percent(theme.share, language),
            sentiment=format_number(theme.sentiment, language, decimals=2, signed=True),
        )
    )
    st.text(f"{state.tr('voices.detail.terms')}: {', '.join(theme.terms[:8])}")
    st.markdown(f"**{state.tr('voices.detail.examples')}**")
    for example in theme.examples:
        with st.container(border=True):
            st.text(example)

    st.subheader(state.tr("voices.detractors.title"))
    if voices.detractor_themes:
        widgets.chart(difference_chart(voices.detractor_themes, lang=language), "voices_detractor_themes")
        table = [{key: row[key] for key in ("label", "detractor_share", "promoter_share", "p_value")}
                 for row in voices.detractor_themes]  # fmt: skip
        st.dataframe(
            _headers(table, percent=("detractor_share", "promoter_share")),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(state.tr("voices.detractors.none"), icon=":material/info:")

    if voices.touchpoint_themes:
        st.subheader(state.tr("voices.touchpoints.title"))
        st.dataframe(_headers(voices.touchpoint_themes), hide_index=True, width="stretch")
    if voices.persona_themes:
        st.subheader(state.tr("voices.personas.title"))
        st.dataframe(
            _headers(voices.persona_themes, percent=("top_share",)),
            hide_index=True,
            width="stretch",
        )

st.subheader(state.tr("voices.chart.time.title"))
monthly = monthly_sentiment(comments)
if monthly.empty:
    st.caption(state.tr("voices.time.none"))
else:
    widgets.chart(sentiment_time_chart(monthly, lang=language), "voices_sentiment_time")

st.subheader(state.tr("voices.search.title"))
query = st.text_input(state.tr("voices.search.label"), key="voices_search", max_chars=200)
if query.strip():
    count, shown = search_comments(comments, query, limit=SEARCH_ROWS)
    st.text(state.tr("voices.search.found", count=widgets.number(count), query=query.strip()))
    if count > SEARCH_ROWS:
        st.caption(state.tr("voices.search.shown", shown=widgets.number(SEARCH_ROWS)))
    st.dataframe(_headers(shown), hide_index=True, width="stretch")

st.subheader(state.tr("voices.follow_up.title"))
st.caption(state.tr("voices.follow_up.help"))
follow_up = voices.follow_up
if follow_up is None:
    st.info(state.tr("voices.follow_up.none"), icon=":material/info:")
elif follow_up.empty:
    st.info(state.tr("voices.follow_up.empty"), icon=":material/info:")
else:
    st.dataframe(readable_follow_up(follow_up, lang=language), hide_index=True, width="stretch")
    if not state.is_presenting():
        # Deferred download data runs outside the script thread: bind what it needs now.
        st.download_button(
            state.tr("voices.follow_up.download"),
            data=lambda: follow_up_workbook(follow_up, lang=language),
            file_name="follow_up.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
            icon=":material/download:",
            key="voices_follow_up_download",
        )

widgets.persona_filter()  # last: offering persona names needs the persona model, the tiles do not
