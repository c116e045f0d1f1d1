"""The PDF report, 2–4 A4 pages a manager forwards as it is.

Page 1: title, when it was made, the data period, the source files and the filters; the headline figures
as tiles; the key figures in detail and the findings. Page 2: the journey curve and the weakest
touchpoints, the customer value and voices-of-the-customer summaries (when those sections exist).
Page 3: the personas as cards with their quotes. Sections that are missing are left out (a survey alone,
customers alone). German text has German number formats.

The PDF uses the DejaVu Sans TrueType font when the system has it (umlauts, "–", "→", "±"); without it,
it falls back to the core Helvetica font with the text transliterated to Latin-1.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from datetime import date

from cxlib.i18n import format_number, format_percent, t
from cxlib.report.facts import (
    check_lang,
    currency_of,
    findings_of,
    meta_lines,
    money,
    period_nps_figures,
    tiles,
    value_lines,
    voices_lines,
)

__all__ = ["DEJAVU_FONT", "MAX_PDF_PAGES", "PDF_TOUCHPOINTS", "pdf_summary", "summary_lines"]

#: The Unicode font used for PDFs when present (Debian/Ubuntu package fonts-dejavu-core).
DEJAVU_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#: Weakest touchpoints listed in the PDF.
PDF_TOUCHPOINTS = 3
MAX_PDF_PAGES = 4
#: Latin-1 stand-ins for the characters core PDF fonts cannot show.
_LATIN1 = str.maketrans(
    {"−": "-", "–": "-", "—": "-", "→": "->", "„": '"', "“": '"', "”": '"', "’": "'", "…": "...", "•": "·"}
)
#: A tile's label and value are separated by this in the (kind, text) lines.
TILE_SEPARATOR = ": "


def summary_lines(
    document: dict, *, lang: str = "en", made_on: date | None = None, filters: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The content of the PDF report as (kind, text) pairs.

    Kinds: "title", "heading", "tile" ("label: value", drawn as a box), "text", "card" (a persona's
    name line), "quote", "page" (start a new page) and "picture" (the journey chart goes here). Page 1:
    title, when it was made (with ``made_on``), data period, sources, filters, tiles, key figures and
    findings; page 2: the journey, customer value and voices; page 3: the personas with their quotes.

    Examples
    --------
    >>> document = {"kpis": {"customers": 1234, "nps": {"score": 12.4, "n": 300}}, "findings": []}
    >>> summary_lines(document, lang="de")[:4]
    [('title', 'Bericht Kundenzentrierung'), ('heading', 'Auf einen Blick'), ('tile', 'Kunden: 1.234'), \
('tile', 'NPS (alle Antworten): +12')]
    """
    check_lang(lang)
    lines: list[tuple[str, str]] = [("title", t("export.title", lang))]
    if made_on is not None:
        lines += [("text", line) for line in meta_lines(document, lang, made_on, filters)]
    currency = currency_of(document)
    shown = tiles(document, lang)
    if shown:
        lines.append(("heading", t("report.tiles", lang)))
        lines += [("tile", f"{tile.label}{TILE_SEPARATOR}{tile.text(lang, currency)}") for tile in shown]
    lines += _kpi_lines(document, lang)
    findings = findings_of(document, lang)
    if findings:
        lines.append(("heading", t("export.pdf.findings", lang)))
        lines += [("text", "• " + finding["text"]) for finding in findings]
    second_page = _journey_lines(document, lang) + _section(
        "report.value.title", value_lines(document, lang), lang
    )
    second_page += _section("report.voices.title", voices_lines(document, lang), lang)
    if second_page:
        lines += [("page", ""), *second_page]
    lines += _persona_lines(document, lang)
    return lines


def _section(title_key: str, texts: list[str], lang: str) -> list[tuple[str, str]]:
    return [("heading", t(title_key, lang)), *(("text", "• " + text) for text in texts)] if texts else []


def _kpi_lines(document: dict, lang: str) -> list[tuple[str, str]]:
    kpis = document.get("kpis") or {}
    nps, churn, clv = kpis.get("nps") or {}, kpis.get("churn_rate") or {}, kpis.get("clv") or {}
    currency = currency_of(document)

    def signed(value: float) -> str:
        return format_number(value, lang, signed=True)

    lines = [("heading", t("export.pdf.kpis", lang))]
    comparison = (kpis.get("comparisons") or {}).get("nps")
    lines.append(("text", f"{t('export.kpi.customers', lang)}: {format_number(kpis.get('customers'), lang)}"))
    for figure in period_nps_figures(comparison, lang):
        value = signed(figure.value) if figure.kind == "nps" else format_number(figure.value, lang)
        lines.append(("text", f"{figure.label}: {value}"))
    if comparison and comparison.get("difference") is not None:
        change = format_number(comparison["difference"], lang, decimals=1, signed=True)
        lines.append(("text", f"{t('export.kpi.nps_change', lang, months=comparison['months'])}: {change}"))
    figures = [
        ("export.kpi.nps", nps.get("score"), signed),
        ("export.kpi.churn", churn.get("value"), lambda value: format_percent(value, lang)),
        ("export.kpi.retention", kpis.get("retention"), lambda value: format_percent(value, lang)),
        ("export.kpi.clv_mean", clv.get("mean"), lambda value: money(value, lang, currency)),
    ]
    lines += [
        ("text", f"{t(key, lang)}: {shown(value)}") for key, value, shown in figures if value is not None
    ]
    return lines


def _journey_lines(document: dict, lang: str) -> list[tuple[str, str]]:
    touchpoints = [
        tp for tp in (document.get("journey") or {}).get("touchpoints") or [] if tp.get("mean") is not None
    ]
    if not touchpoints:
        return []
    lines = [("heading", t("slides.journey", lang)), ("picture", "journey")]
    lines.append(("heading", t("export.pdf.touchpoints", lang)))
    lines += [
        ("text", t("export.pdf.touchpoint_line", lang, touchpoint=tp["touchpoint"],
                   phase=t(f"phase.{tp.get('phase')}", lang), mean=format_number(tp["mean"], lang)))
        for tp in sorted(touchpoints, key=lambda tp: tp["mean"])[:PDF_TOUCHPOINTS]
    ]  # fmt: skip
    return lines


def _persona_lines(document: dict, lang: str) -> list[tuple[str, str]]:
    personas = (document.get("personas") or {}).get("personas") or []
    if not personas:
        return []
    currency = currency_of(document)
    lines = [("page", ""), ("heading", t("export.pdf.personas", lang)), ("picture", "personas")]
    for p in personas:
        nps = format_number(p.get("nps"), lang, signed=p.get("nps") is not None)
        share = format_percent(p.get("share"), lang, decimals=0)
        lines.append(("card", t("export.pdf.persona_line", lang, name=p.get("name"), share=share, nps=nps)))
        if p.get("churn_rate") is not None or p.get("clv_mean") is not None:
            churn, clv = format_percent(p.get("churn_rate"), lang), money(p.get("clv_mean"), lang, currency)
            lines.append(("text", t("report.persona.figures", lang, churn=churn, clv=clv)))
        if p.get("description"):
            lines.append(("text", str(p["description"])))
        if p.get("quote"):
            lines.append(("quote", f"“{p['quote']}”" if lang == "en" else f"„{p['quote']}“"))
    return lines


# --- drawing -----------------------------------------------------------------------------------------

_SIZES = {"title": 16.0, "heading": 11.5, "text": 9.5, "quote": 9.5, "card": 10.5}
_BOTTOM = 287.0  # mm: A4 height minus the bottom margin
_TILES_PER_ROW, _TILE_HEIGHT, _TILE_GAP = 3, 19.0, 3.0
_ACCENT = (31, 78, 121)


class _Writer:
    """Lays the (kind, text) lines out on at most MAX_PDF_PAGES pages."""

    def __init__(self, pdf, family: str, unicode_font: bool, pictures: dict[str, bytes | None]):
        self.pdf, self.family, self.unicode_font, self.pictures = pdf, family, unicode_font, pictures
        self.full = False

    def text_of(self, text: str) -> str:
        if self.unicode_font:
            return text
        return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    def new_page(self) -> bool:
        """Start a page; False (and stop writing) when the page limit is reached."""
        if self.pdf.page_no() >= MAX_PDF_PAGES:
            self.full = True
            return False
        self.pdf.add_page()
        return True

    def room_for(self, height: float) -> bool:
        return self.pdf.get_y() + height <= _BOTTOM or self.new_page()

    def write(self, kind: str, text: str) -> None:
        pdf = self.pdf
        if kind == "page":
            self.new_page()
            return
        if kind == "picture":
            picture = self.pictures.get(text)
            if picture is not None and self.room_for(40):
                _place_picture(pdf, picture)
            return
        size = _SIZES[kind]
        pdf.set_font(self.family, "B" if kind in ("title", "heading", "card") else "", size)
        text, height = self.text_of(text), size * 0.5
        needed = len(pdf.multi_cell(0, height, text, dry_run=True, output="LINES")) * height
        if not self.room_for(needed + (2 if kind in ("heading", "card") else 0)):
            return
        if kind in ("heading", "card"):
            pdf.ln(2)
        if kind == "heading":
            pdf.set_text_color(*_ACCENT)
        if kind == "card":
            pdf.set_fill_color(235, 241, 247)
        if kind == "quote":
            pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT", fill=kind == "card", align="L")
        pdf.set_text_color(0, 0, 0)

    def tiles(self, texts: Sequence[str]) -> None:
        """The headline figures as boxes, three to a row: the label small, the value large."""
        pdf = self.pdf
        width = (pdf.w - pdf.l_margin - pdf.r_margin - (_TILES_PER_ROW - 1) * _TILE_GAP) / _TILES_PER_ROW
        for start in range(0, len(texts), _TILES_PER_ROW):
            if not self.room_for(_TILE_HEIGHT + _TILE_GAP):
                return
            top = pdf.get_y() + 1
            for index, text in enumerate(texts[start : start + _TILES_PER_ROW]):
                label, _, value = text.rpartition(TILE_SEPARATOR)
                left = pdf.l_margin + index * (width + _TILE_GAP)
                pdf.set_draw_color(*_ACCENT)
                pdf.set_fill_color(245, 248, 251)
                pdf.rect(left, top, width, _TILE_HEIGHT, style="DF")
                pdf.set_xy(left + 2, top + 1.5)
                pdf.set_font(self.family, "", 7.5)
                pdf.set_text_color(80, 80, 80)
                pdf.multi_cell(width - 4, 3.4, self.text_of(label), align="L")
                pdf.set_xy(left + 2, top + _TILE_HEIGHT - 8.5)
                pdf.set_font(self.family, "B", 15)
                pdf.set_text_color(*_ACCENT)
                pdf.cell(width - 4, 7, self.text_of(value))
            pdf.set_text_color(0, 0, 0)
            pdf.set_xy(pdf.l_margin, top + _TILE_HEIGHT + _TILE_GAP)


def pdf_summary(
    document: dict,
    *,
    lang: str = "en",
    journey_png: bytes | None = None,
    persona_png: bytes | None = None,
    made_on: date | None = None,
    filters: Sequence[str] = (),
    font_path: str | None = DEJAVU_FONT,
    compress: bool = True,
) -> bytes:
    """The PDF report, 1–4 A4 pages: tiles, key figures and findings (with when it was made, the data
    period, the sources and the filters), the journey with its chart, customer value and voices, and the
    personas as cards with their quotes.

    Parameters
    ----------
    document : dict
        The analysis document; money is shown in ``document["currency"]`` (default EUR).
    lang : {"en", "de"}
        Language of the headings and findings.
    journey_png : bytes, optional
        The journey chart as PNG (:func:`cxlib.report.images.journey_png`), on the journey page.
    persona_png : bytes, optional
        The personas' chart as PNG (:func:`cxlib.report.images.persona_png`), on the persona page.
    made_on : date, optional
        The date printed under the title (default: today).
    filters : sequence of str
        The filters in force, as the reader should see them.
    font_path : str or None
        A TrueType font with the characters of both languages; ``None`` or a missing file falls back to
        Helvetica with the text transliterated to Latin-1 ("−" -> "-", "→" -> "->").
    compress : bool
        Compress the page content (off only to inspect the PDF in tests).

    Returns
    -------
    bytes
        The PDF; what would run past the fourth page is left out (it is all in the Excel report).

    Examples
    --------
    >>> pdf = pdf_summary({"kpis": {"customers": 10}}, lang="de")
    >>> pdf[:5], pdf.count(b"/Type /Page\\n")
    (b'%PDF-', 1)
    """
    from fpdf import FPDF

    check_lang(lang)
    pdf = FPDF(format="A4")
    pdf.set_compression(compress)
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 12, 15)
    unicode_font = font_path is not None and os.path.exists(font_path)
    if unicode_font:
        pdf.add_font("body", "", font_path)
        bold = font_path.replace(".ttf", "-Bold.ttf")
        pdf.add_font("body", "B", bold if os.path.exists(bold) else font_path)
        family = "body"
    else:
        family = "Helvetica"
    writer = _Writer(pdf, family, unicode_font, {"journey": journey_png, "personas": persona_png})
    pdf.set_title(writer.text_of(t("export.title", lang)))
    pdf.add_page()
    lines = summary_lines(document, lang=lang, made_on=made_on or date.today(), filters=filters)
    index = 0
    while index < len(lines) and not writer.full:
        kind, text = lines[index]
        if kind == "tile":
            run = [text for _, text in _run_of(lines, index, "tile")]
            writer.tiles(run)
            index += len(run)
            continue
        writer.write(kind, text)
        index += 1
    return bytes(pdf.output())


def _run_of(lines: Sequence[tuple[str, str]], start: int, kind: str) -> list[tuple[str, str]]:
    run = []
    for line in lines[start:]:
        if line[0] != kind:
            break
        run.append(line)
    return run


def _place_picture(pdf, png: bytes) -> None:
    """The chart at text width, at most 95 mm high and never past the page's end."""
    pixels_wide, pixels_high = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    height = width * pixels_high / max(pixels_wide, 1)
    room = min(95.0, _BOTTOM - pdf.get_y() - 4)
    if height > room:
        width, height = width * room / height, room
    pdf.ln(2)
    pdf.image(io.BytesIO(png), x=pdf.l_margin, y=pdf.get_y(), w=width, h=height)
    pdf.set_y(pdf.get_y() + height + 2)
