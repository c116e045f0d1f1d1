"""Presentation mode as slides: each story step drawn for one 1280×720 projector screen.

While presenting, app.py draws the slide of the current step here instead of running the page: a page
has controls, tables and explanations that belong on a desk, not on a wall. A slide shows what the
meeting talks about (tiles and the top findings, the persona cards, the journey curve, the value tiles)
at projector type sizes (body ≥ 24 px, chart labels ≥ 16 px), so it fits the screen without scrolling.
"""

from __future__ import annotations

import streamlit as st

from pages import _state as state
from pages import _widgets as widgets

#: The findings a summary slide shows (the most important first); the rest stay on the Summary page.
SLIDE_FINDINGS = 3
#: Persona cards per slide row; more personas than this are shown as two rows of shorter cards.
CARDS_PER_ROW = 4
#: Pixel height of the one chart on a slide (the rest of the 720 px go to the bar, title and a line).
SLIDE_CHART_HEIGHT = 500
#: The value slide's chart sits under a row of tiles.
VALUE_CHART_HEIGHT = 330


def show(pages: dict, steps: tuple[str, ...], current) -> None:
    """The presentation bar and the slide of the step the navigation is on (the first step otherwise)."""
    step = widgets.presentation_bar(pages, steps, current)
    show_slide(step)


def show_slide(step: str) -> None:
    """The slide of one story step ("summary", "personas", "journey" or "value")."""
    if step not in SLIDES:
        raise ValueError(f"no slide for step {step!r}; expected one of {sorted(SLIDES)}")
    widgets.presentation_style()
    SLIDES[step]()


#: Joints of long (German) compound words where a tile label may break: "Abwanderungs-quote".
_JOINTS = ("ungs", "heits", "keits", "ions", "täts", "kunden", "Kunden")
#: Words longer than this get soft hyphens at their joints (a 1280 px slide tile holds about 16 letters).
_LONG_WORD = 12


def soft_hyphens(text: str) -> str:
    """Long compound words with soft hyphens at their joints, so a narrow tile breaks them visibly with
    a hyphen instead of cutting or spilling them ("Kundenbindungsrate" → "Kunden-bindungs-rate").

    Examples
    --------
    >>> soft_hyphens("Abwanderungsquote (letzte 12 Monate)").replace("\u00ad", "-")
    'Abwanderungs-quote (letzte 12 Monate)'
    >>> soft_hyphens("Kundenbindungsrate").replace("\u00ad", "-")
    'Kunden-bindungs-rate'
    >>> soft_hyphens("Churn rate")
    'Churn rate'
    """
    words = []
    for word in text.split(" "):
        if len(word) > _LONG_WORD:
            for joint in _JOINTS:
                at = word.find(joint)
                while at >= 0 and at + len(joint) < len(word) - 2:
                    cut = at + len(joint)
                    word = f"{word[:cut]}\u00ad{word[cut:]}"
                    at = word.find(joint, cut + 1)
        words.append(word)
    return " ".join(words)


def slide_tiles(tiles) -> None:
    """The KPI tiles of a slide: labels that may break at word joints, no help icons."""
    for column, tile in zip(st.columns(len(tiles)), tiles, strict=True):
        column.metric(
            soft_hyphens(tile.label), tile.value, delta=tile.delta, delta_color=tile.delta_color, border=True
        )


def summary_slide() -> None:
    """Headline tiles and the three most important findings."""
    st.title(state.tr("ui.summary.title"))
    slide_tiles(state.kpi_tiles())
    findings = state.findings()[:SLIDE_FINDINGS]
    if findings:
        st.markdown("\n".join(f"- {widgets.plain(finding['text'])}" for finding in findings))


def personas_slide() -> None:
    """One short card per persona: name, size and the one-line description."""
    st.title(state.tr("nav.personas"))
    personas = state.personas()
    if not personas:
        st.info(state.persona_problem() or state.tr("note.personas_need_customers"), icon=":material/info:")
        return
    for start in range(0, len(personas), CARDS_PER_ROW):
        row = personas[start : start + CARDS_PER_ROW]
        for column, persona in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            with column.container(border=True):
                _persona_slide_card(persona, short=len(personas) > CARDS_PER_ROW)


def _persona_slide_card(persona, *, short: bool) -> None:
    in_view = state.persona_sizes_in_view()
    size, share = (persona.size, persona.share) if in_view is None else in_view.get(persona.name, (0, 0.0))
    st.markdown(f"### {widgets.plain(persona.name)}")
    st.markdown(
        state.tr(
            "ui.personas.size" if in_view is None else "ui.personas.size_filtered",
            size=widgets.number(size),
            share=widgets.number(share * 100),
        )
    )
    if not short:
        st.markdown(widgets.plain(persona.description))
        if persona.quote:
            quote = widgets.plain(persona.quote)
            st.markdown(f"*„{quote}“*" if state.lang() == "de" else f"*“{quote}”*")


def journey_slide() -> None:
    """The journey curve across the screen and the touchpoint that hurts most."""
    from cxlib.charts.journey import journey_curve_chart

    st.title(state.tr("nav.journey"))
    result = state.journey_result()
    if result is None:
        st.info(state.journey_problem() or state.tr("journey.page.no_touchpoints"), icon=":material/info:")
        return
    figure = state.cached_chart(journey_curve_chart, result, lang=state.lang())
    widgets.chart(figure, "journey_curve", height=SLIDE_CHART_HEIGHT)
    worst = [pain for pain in result.pain_points if pain["reason"] != "below_average"][:1]
    for pain in worst:
        st.markdown(f"**{widgets.plain(pain['touchpoint'])}**: {widgets.plain(pain['text'])}")


def value_slide() -> None:
    """Buyers, active customers and the expected revenue of the next 12 months, in the chosen currency."""
    st.title(state.tr("value.page.title"))
    section = state.value_section()
    if section is None:
        st.info(state.tr("value.page.no_purchases"), icon=":material/info:")
        return
    figures = value_figures(section)
    for column, (key, value) in zip(st.columns(len(figures)), figures, strict=True):
        column.metric(soft_hyphens(state.tr(key)), value, border=True)
    result = state.value_result()
    if result is not None and "clv" in result.customers and result.customers["clv"].notna().any():
        from cxlib.charts.value import clv_histogram_chart

        figure = state.cached_chart(
            clv_histogram_chart, result.customers["clv"], lang=state.lang(), currency=state.currency()
        )
        widgets.chart(figure, "clv_distribution", height=VALUE_CHART_HEIGHT)


def value_figures(section: dict) -> list[tuple[str, str]]:
    """(label key, value text) of the value slide's tiles from the CLI's ``value`` section."""
    figures = [("value.tile.buyers", widgets.number(section["customers"]))]
    active = section.get("active")
    if active:
        figures.append(("value.tile.active", widgets.number(active["active"])))
    clv = section.get("clv") or {}
    if clv.get("method") == "model" and clv.get("expected_revenue_12m") is not None:
        figures.append(("value.tile.revenue_12m", widgets.money(clv["expected_revenue_12m"])))
    return figures


SLIDES = {
    "summary": summary_slide,
    "personas": personas_slide,
    "journey": journey_slide,
    "value": value_slide,
}
