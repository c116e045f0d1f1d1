"""One persona's card as a one-page PDF, to forward or print for a meeting.

The page holds what the card on the Personas page shows: the name, how many customers the persona stands
for, the description, the quote (exactly as written) and the card's sections (a section without content
is left out), with the date it was made. It uses the DejaVu Sans TrueType font when the system has it
(umlauts, „quotes“, "−"); without it, the core Helvetica font with the text transliterated to Latin-1.
"""

from __future__ import annotations

import datetime as dt
import os

from cxlib.i18n import format_date, format_number, format_percent, t
from cxlib.personas.wording import Persona

__all__ = ["DEJAVU_FONT", "persona_card_pdf"]

#: The Unicode font used when present (Debian/Ubuntu package fonts-dejavu-core).
DEJAVU_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
_LATIN1 = str.maketrans(
    {"−": "-", "–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "’": "'", "…": "...", "·": "-"}
)


def persona_card_pdf(
    persona: Persona,
    *,
    lang: str = "en",
    made: dt.date | None = None,
    font_path: str | None = DEJAVU_FONT,
) -> bytes:
    """The persona's card as a one-page A4 PDF (bytes).

    Parameters
    ----------
    persona : Persona
        A persona in words (:func:`cxlib.personas.personas_in`).
    lang : {"en", "de"}
    made : date, optional
        The date printed at the foot (default today).
    font_path : str or None
        A TrueType font with the characters of both languages; None or a missing file falls back to
        Helvetica with Latin-1 text.

    Examples
    --------
    >>> card = Persona(0, "Ulrike Meier", "female", 1200, 0.3, "older, high income", [],
    ...                {"demographics": [("Age", "58 years")], "socio_economics": []}, 12.0, 0.1, 900.0,
    ...                "Schnelle Lieferung!")
    >>> persona_card_pdf(card, lang="de", made=dt.date(2026, 12, 1))[:5]
    b'%PDF-'
    """
    from fpdf import FPDF

    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    if not isinstance(persona, Persona):
        raise ValueError(f"persona must be a Persona in words, got {type(persona).__name__}")
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    unicode_font = font_path is not None and os.path.exists(font_path)
    if unicode_font:
        pdf.add_font("body", "", font_path)
        bold = font_path.replace(".ttf", "-Bold.ttf")
        pdf.add_font("body", "B", bold if os.path.exists(bold) else font_path)
    family = "body" if unicode_font else "helvetica"

    def write(text: str, *, size: int = 11, style: str = "", gap: float = 2.0) -> None:
        shown = (
            text if unicode_font else text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")
        )
        pdf.set_font(family, style, size)
        pdf.multi_cell(0, size * 0.5, shown, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_title(persona.name if unicode_font else persona.name.translate(_LATIN1))
    write(persona.name, size=22, style="B")
    share = format_percent(persona.share, lang)
    write(t("persona.card_file.size", lang, size=format_number(persona.size, lang), share=share), size=11)
    write(persona.description, size=13, style="B", gap=4)
    if persona.quote:
        write(t("persona.card_file.quote", lang), size=12, style="B", gap=1)
        write(f"„{persona.quote}“" if lang == "de" else f"“{persona.quote}”", size=11, gap=4)
    for section, items in persona.card.items():
        if not items:
            continue  # a section without content is left out, never printed empty
        write(t(f"persona.section.{section}", lang), size=12, style="B", gap=1)
        for label, value in items:
            write(f"{label}: {value}", size=11, gap=0.5)
        pdf.ln(3)
    write(t("persona.card_file.made", lang, date=format_date(made or dt.date.today(), lang)), size=8)
    return bytes(pdf.output())
