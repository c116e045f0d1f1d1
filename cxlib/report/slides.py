"""The analysis as a PowerPoint deck (python-pptx): one slide per story point, the format managers take
into meetings.

Slides, in order (a slide without content is left out): title (date made, data period, source files,
filters), key figures, findings, personas, customer journey (with the curve when its PNG is given),
pain points and key drivers, customer value (with transactions) and voices of the customer (with
comments). Every figure comes from the analysis document, with the same period and
rounding as the app's tiles and the other reports.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from cxlib.i18n import format_date, format_number, format_percent, t
from cxlib.report.facts import (
    check_lang,
    currency_of,
    data_period,
    meta_lines,
    money,
    value_lines,
    voices_lines,
)

__all__ = ["MAX_BULLETS", "MAX_PERSONAS", "data_period", "slide_deck"]

SLIDE_WIDTH_EMU = 12_192_000  # 16:9, 33.867 cm
SLIDE_HEIGHT_EMU = 6_858_000
MAX_BULLETS = 8
MAX_PERSONAS = 6


def slide_deck(
    document: dict,
    *,
    lang: str = "en",
    journey_png: bytes | None = None,
    made_on: date | None = None,
    filters: Sequence[str] = (),
) -> bytes:
    """The analysis document as a 16:9 .pptx file.

    Parameters
    ----------
    document : dict
        The analysis document (``cxlib.analysis``): ``inputs``, ``kpis``, ``personas``, ``journey``,
        ``findings``.
    lang : {"en", "de"}
        Language of the slides.
    journey_png : bytes, optional
        The journey curve as PNG, shown on the journey slide.
    made_on : date, optional
        The date printed on the title slide (default: today).
    filters : sequence of str
        The filters in force, as the reader should see them (e.g. "Region: Nord"); none = all data.

    Returns
    -------
    bytes
        The .pptx file.

    Examples
    --------
    >>> from pptx import Presentation
    >>> deck = slide_deck({"kpis": {"customers": 12}, "findings": []}, made_on=date(2026, 12, 1))
    >>> [slide.shapes.title.text for slide in Presentation(io.BytesIO(deck)).slides]
    ['Customer centricity report', 'Key figures']
    """
    from pptx import Presentation
    from pptx.util import Emu

    check_lang(lang)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(SLIDE_WIDTH_EMU), Emu(SLIDE_HEIGHT_EMU)
    _title_slide(deck, document, lang, made_on or date.today(), filters)
    _bullet_slide(deck, t("slides.kpis", lang), _kpi_lines(document, lang))
    _bullet_slide(deck, t("slides.findings", lang), [f["text"] for f in document.get("findings") or []])
    _persona_slide(deck, document, lang)
    _journey_slide(deck, document, lang, journey_png)
    _bullet_slide(deck, t("slides.pain_points", lang), _pain_point_lines(document, lang))
    _bullet_slide(deck, t("report.value.title", lang), value_lines(document, lang))
    _bullet_slide(deck, t("report.voices.title", lang), voices_lines(document, lang))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


# --- slide builders -------------------------------------------------------------------------------


def _title_slide(deck, document: dict, lang: str, made_on: date, filters: Sequence[str]) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    slide.shapes.title.text = t("export.title", lang)
    lines = meta_lines(document, lang, made_on, filters)
    slide.placeholders[1].text = "\n".join(lines)


def _bullet_slide(deck, title: str, lines: Sequence[str]):
    """A title-and-content slide with up to MAX_BULLETS lines; None (no slide) without lines."""
    from pptx.util import Pt

    if not lines:
        return None
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    for index, line in enumerate(lines[:MAX_BULLETS]):
        paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(20 if len(lines) <= 5 else 16)
    return slide


def _persona_slide(deck, document: dict, lang: str) -> None:
    personas = ((document.get("personas") or {}).get("personas") or [])[:MAX_PERSONAS]
    lines = []
    for persona in personas:
        line = t(
            "slides.persona_line",
            lang,
            name=persona.get("name"),
            share=format_percent(persona.get("share"), lang, decimals=0),
            description=persona.get("description") or "",
        )
        if persona.get("quote"):
            line += f" — “{persona['quote']}”" if lang == "en" else f" – „{persona['quote']}“"
        lines.append(line)
    _bullet_slide(deck, t("slides.personas", lang), lines)


def _journey_slide(deck, document: dict, lang: str, journey_png: bytes | None) -> None:
    from pptx.util import Emu

    touchpoints = [
        tp for tp in (document.get("journey") or {}).get("touchpoints") or [] if tp.get("mean") is not None
    ]
    if not touchpoints:
        return
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    slide.shapes.title.text = t("slides.journey", lang)
    top, margin = Emu(1_500_000), Emu(500_000)
    if journey_png is not None:
        width = Emu(SLIDE_WIDTH_EMU - 2 * margin)
        slide.shapes.add_picture(io.BytesIO(journey_png), margin, top, width=width)
        return
    box = slide.shapes.add_textbox(margin, top, Emu(SLIDE_WIDTH_EMU - 2 * margin), Emu(4_500_000))
    frame = box.text_frame
    for index, tp in enumerate(touchpoints):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = f"{tp['touchpoint']}: {format_number(tp['mean'], lang)}/100"


# --- the words on the slides ----------------------------------------------------------------------


def _kpi_lines(document: dict, lang: str) -> list[str]:
    kpis = document.get("kpis") or {}
    lines = []
    if kpis.get("customers") is not None:
        lines.append(f"{t('export.kpi.customers', lang)}: {format_number(kpis['customers'], lang)}")
    comparison = (kpis.get("comparisons") or {}).get("nps")
    if comparison and comparison.get("current") is not None:
        window = " – ".join(format_date(date.fromisoformat(day), lang) for day in comparison["window"])
        line = t("slides.nps_period", lang, months=comparison["months"], window=window,
                 score=format_number(comparison["current"], lang, signed=True))  # fmt: skip
        if comparison.get("difference") is not None:
            delta = format_number(comparison["difference"], lang, decimals=1, signed=True)
            line += " " + t("slides.change", lang, months=comparison["months"], delta=delta)
        lines.append(line)
    nps = kpis.get("nps") or {}
    if nps.get("score") is not None:
        lines.append(f"{t('export.kpi.nps', lang)}: {format_number(nps['score'], lang, signed=True)}")
    churn = kpis.get("churn_rate") or {}
    if churn.get("value") is not None:
        lines.append(f"{t('export.kpi.churn', lang)}: {format_percent(churn['value'], lang)}")
    if kpis.get("retention") is not None:
        lines.append(f"{t('export.kpi.retention', lang)}: {format_percent(kpis['retention'], lang)}")
    clv = kpis.get("clv") or {}
    if clv.get("mean") is not None:
        lines.append(f"{t('export.kpi.clv_mean', lang)}: {money(clv['mean'], lang, currency_of(document))}")
    return lines


def _pain_point_lines(document: dict, lang: str) -> list[str]:
    journey = document.get("journey") or {}
    means = {tp["touchpoint"]: tp.get("mean") for tp in journey.get("touchpoints") or []}
    lines = [
        t(
            "slides.pain_line",
            lang,
            touchpoint=point["touchpoint"],
            reason=t(f"slides.reason.{point['reason']}", lang),
            mean=format_number(means.get(point["touchpoint"]), lang),
        )
        for point in journey.get("pain_points") or []
    ]
    drivers = [d for d in journey.get("drivers") or [] if d.get("importance") is not None][:3]
    for driver in drivers:
        r = format_number(driver["importance"], lang, decimals=2)
        lines.append(t("slides.driver_line", lang, touchpoint=driver["touchpoint"], r=r))
    return lines
