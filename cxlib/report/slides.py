"""The analysis as a PowerPoint deck (python-pptx): one slide per story point, the format managers take
into meetings.

Slides, in order (a slide without content is left out): title (date made, data period, source files,
filters), the headline figures as tiles, key figures, findings, personas, customer journey (with the
curve when its PNG is given), pain points and key drivers, customer value (with transactions) and voices
of the customer (with comments). Every figure comes from the analysis document, with the same period and
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
    tiles,
    value_lines,
    voices_lines,
)

__all__ = ["MAX_BULLETS", "MAX_PERSONAS", "data_period", "slide_deck"]

SLIDE_WIDTH_EMU = 12_192_000  # 16:9, 33.867 cm
SLIDE_HEIGHT_EMU = 6_858_000
MAX_BULLETS = 8
MAX_PERSONAS = 6
MARGIN_EMU = 500_000
TITLE_TOP_EMU, TITLE_HEIGHT_EMU = 300_000, 1_000_000
BODY_TOP_EMU = 1_450_000


def _place(shape, *, top: int, height: int) -> None:
    """Stretch a layout placeholder across the 16:9 slide (the default template's layouts are 4:3)."""
    from pptx.util import Emu

    shape.left, shape.width = Emu(MARGIN_EMU), Emu(SLIDE_WIDTH_EMU - 2 * MARGIN_EMU)
    shape.top, shape.height = Emu(top), Emu(height)


def _set_title(
    slide, text: str, *, top: int = TITLE_TOP_EMU, height: int = TITLE_HEIGHT_EMU, points: int = 32
):
    """The slide's title, across the slide, at a size that keeps long titles on one or two lines."""
    from pptx.util import Pt

    title = slide.shapes.title
    title.text = text
    _place(title, top=top, height=height)
    title.text_frame.paragraphs[0].font.size = Pt(points)


def _body_height() -> int:
    return SLIDE_HEIGHT_EMU - BODY_TOP_EMU - MARGIN_EMU


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
    ['Customer centricity report', 'At a glance', 'Key figures']
    """
    from pptx import Presentation
    from pptx.util import Emu

    check_lang(lang)
    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(SLIDE_WIDTH_EMU), Emu(SLIDE_HEIGHT_EMU)
    _title_slide(deck, document, lang, made_on or date.today(), filters)
    _tile_slide(deck, document, lang)
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
    _set_title(slide, t("export.title", lang), top=1_600_000, height=1_400_000, points=40)
    _place(slide.placeholders[1], top=3_200_000, height=2_800_000)
    lines = meta_lines(document, lang, made_on, filters)
    slide.placeholders[1].text = "\n".join(lines)


TILE_COLUMNS, TILE_GAP_EMU, TILE_HEIGHT_EMU = 3, 200_000, 1_900_000
_ACCENT, _TILE_FILL, _LABEL_GREY = (0x1F, 0x4E, 0x79), (0xF5, 0xF8, 0xFB), (0x50, 0x50, 0x50)


def _tile_slide(deck, document: dict, lang: str) -> None:
    """The headline figures as tiles, as the app's Overview shows them (same labels, period, rounding)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Emu, Pt

    shown = tiles(document, lang)
    if not shown:
        return
    slide = deck.slides.add_slide(deck.slide_layouts[5])  # title only
    _set_title(slide, t("report.tiles", lang))
    currency = currency_of(document)
    width = (SLIDE_WIDTH_EMU - 2 * MARGIN_EMU - (TILE_COLUMNS - 1) * TILE_GAP_EMU) // TILE_COLUMNS
    for index, tile in enumerate(shown[: 2 * TILE_COLUMNS]):
        row, column = divmod(index, TILE_COLUMNS)
        left = MARGIN_EMU + column * (width + TILE_GAP_EMU)
        top = BODY_TOP_EMU + row * (TILE_HEIGHT_EMU + TILE_GAP_EMU)
        box = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Emu(left), Emu(top), Emu(width), Emu(TILE_HEIGHT_EMU)
        )
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor(*_TILE_FILL)
        box.line.color.rgb = RGBColor(*_ACCENT)
        frame = box.text_frame
        frame.word_wrap = True
        label, value = frame.paragraphs[0], frame.add_paragraph()
        label.text, value.text = tile.label, tile.text(lang, currency)
        label.font.size, label.font.color.rgb = Pt(14), RGBColor(*_LABEL_GREY)
        value.font.size, value.font.bold, value.font.color.rgb = Pt(40), True, RGBColor(*_ACCENT)


def _bullet_slide(deck, title: str, lines: Sequence[str]):
    """A title-and-content slide with up to MAX_BULLETS lines; None (no slide) without lines."""
    from pptx.util import Pt

    if not lines:
        return None
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    _set_title(slide, title)
    _place(slide.placeholders[1], top=BODY_TOP_EMU, height=_body_height())
    body = slide.placeholders[1].text_frame
    for index, line in enumerate(lines[:MAX_BULLETS]):
        paragraph = body.paragraphs[0] if index == 0 else body.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(22 if len(lines) <= 5 else 18)
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
            nps=format_number(persona.get("nps"), lang, signed=persona.get("nps") is not None),
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
    _set_title(slide, t("slides.journey", lang))
    top, margin = BODY_TOP_EMU, MARGIN_EMU
    if journey_png is not None:  # as large as fits below the title, centred
        pixels_wide, pixels_high = (
            int.from_bytes(journey_png[16:20], "big"),
            int.from_bytes(journey_png[20:24], "big"),
        )
        width = SLIDE_WIDTH_EMU - 2 * margin
        height = width * pixels_high // max(pixels_wide, 1)
        if height > _body_height():
            width, height = width * _body_height() // height, _body_height()
        left = (SLIDE_WIDTH_EMU - width) // 2
        slide.shapes.add_picture(io.BytesIO(journey_png), Emu(left), Emu(top), Emu(width), Emu(height))
        return
    box = slide.shapes.add_textbox(
        Emu(margin), Emu(top), Emu(SLIDE_WIDTH_EMU - 2 * margin), Emu(_body_height())
    )
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
