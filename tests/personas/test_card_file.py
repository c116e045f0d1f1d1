"""One persona's card as a one-page PDF: what the page shows, no empty section, the quote verbatim."""

import datetime as dt

import pytest

from cxlib.personas import Persona, PersonaModel, personas_in
from cxlib.personas.card_file import persona_card_pdf


def _text_of(pdf: bytes) -> str:
    """The page's text as the PDF's content stream holds it (fpdf2, zlib-compressed)."""
    import re
    import zlib

    text = ""
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, flags=re.S):
        try:
            text += zlib.decompressobj().decompress(stream).decode("latin-1")
        except zlib.error:
            continue
    return text


def _persona(**changes) -> Persona:
    values = dict(
        index=0,
        name="Ulrike Meier",
        gender="female",
        size=1200,
        share=0.3,
        description="older, high income",
        traits=[],
        card={
            "demographics": [("Age", "58 years")],
            "socio_economics": [],
            "buying_behaviour": [("Orders", "12.5")],
            "satisfaction": [],
        },
        nps=12.0,
        churn_rate=0.1,
        clv_mean=900.0,
        quote="Schnelle Lieferung!",
    )
    values.update(changes)
    return Persona(**values)


def test_card_is_a_one_page_pdf_in_both_languages():
    for lang in ("en", "de"):
        pdf = persona_card_pdf(_persona(), lang=lang, made=dt.date(2026, 12, 1))
        assert pdf.startswith(b"%PDF-")
        assert b"/Count 1" in pdf  # one page


def test_card_leaves_out_empty_sections_and_falls_back_without_the_font():
    pdf = persona_card_pdf(_persona(), lang="en", made=dt.date(2026, 12, 1), font_path=None)
    text = _text_of(pdf)
    assert "Demographics" in text and "Buying behaviour" in text
    assert "Socio-economics" not in text and "Satisfaction and value" not in text
    assert "Schnelle Lieferung!" in text
    assert "2026-12-01" in text
    assert b"/Count 1" in pdf


def test_card_of_a_fitted_persona(blobs):
    customers = blobs([60, 40], [(25, 20), (60, 70)], spread=2.0)
    persona = personas_in(PersonaModel(n_bootstrap=0).fit(customers), "de")[0]
    assert persona_card_pdf(persona, lang="de").startswith(b"%PDF-")


def test_bad_arguments_are_programming_errors():
    with pytest.raises(ValueError, match="lang"):
        persona_card_pdf(_persona(), lang="fr")
    with pytest.raises(ValueError, match="Persona in words"):
        persona_card_pdf({"name": "x"}, lang="en")
