"""pdf_summary: the PDF report (1–4 A4 pages): figures and findings with when it was made, the data
period, sources and filters; the journey with its chart; the personas with their quotes. Unicode font
or a readable fallback."""

import re
import zlib
from datetime import date

import pytest

from cxlib.report import DEJAVU_FONT, MAX_PDF_PAGES, pdf_summary, summary_lines

PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def _document(findings=3):
    return {
        "inputs": {"customers": {"file": "kunden.xlsx"}, "survey": {"file": "umfrage.csv"}},
        "kpis": {"customers": 1234, "nps": {"score": -5.0}, "churn_rate": {"value": 0.18}, "retention": 0.82,
                 "comparisons": {"nps": {"months": 3, "window": ["2026-07-01", "2026-09-30"],
                                         "previous_window": ["2026-04-01", "2026-06-30"], "current": -1.0,
                                         "previous": 16.5, "n": 300, "difference": -17.5}}},
        "personas": {"personas": [{"name": "Jürgen Groß", "share": 0.22, "nps": -18.0, "churn_rate": 0.3,
                                   "clv_mean": 1500.0,
                                   "description": "älter, hohes Einkommen",
                                   "quote": "Die Lieferung dauert."}]},
        "journey": {"touchpoints": [
            {"touchpoint": t, "phase": "loyalty", "mean": m} for t, m in
            [("Lieferung", 44.0), ("Rechnung", 70.0), ("Service", 60.0), ("Website", 80.0)]
        ]},
        "findings": [{"text": f"Finding {i}: NPS fell 9 points (+12 → +3) – within noise.", "value": 1.0,
                      "source": "x"} for i in range(findings)],
    }  # fmt: skip


def _png() -> bytes:
    """A 2 x 1 pixel PNG (red, white)."""
    raw = b"\x00\xff\x00\x00\xff\xff\xff"
    header = (2).to_bytes(4, "big") + (1).to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw))
        + _chunk(b"IEND", b"")
    )


def test_summary_lines_in_german():
    lines = summary_lines(
        _document(findings=1), lang="de", made_on=date(2026, 12, 1), filters=["Regionen: Nord"]
    )
    assert lines[:5] == [
        ("title", "Bericht Kundenzentrierung"),
        ("text", "Erstellt am 01.12.2026"),
        ("text", "Datenzeitraum: 01.04.2026 – 30.09.2026"),
        ("text", "Quelldateien: kunden.xlsx, umfrage.csv"),
        ("text", "Filter: Regionen: Nord"),
    ]
    assert ("text", "NPS (letzte 3 Monate, 01.07.2026 – 30.09.2026): −1") in lines
    assert ("text", "Abwanderungsquote: 18,0 %") in lines
    assert ("card", "Jürgen Groß: 22 % der Kunden, NPS −18") in lines
    assert ("quote", "„Die Lieferung dauert.“") in lines
    weakest = [text for kind, text in lines if "/100" in text]
    assert weakest == ["Lieferung (Kundenbindung): 44/100", "Service (Kundenbindung): 60/100",
                       "Rechnung (Kundenbindung): 70/100"]  # fmt: skip
    kinds = [kind for kind, _ in lines]
    assert kinds.count("page") == 2 and "picture" in kinds  # journey and personas each start a page


@pytest.mark.skipif(not __import__("os").path.exists(DEJAVU_FONT), reason="DejaVu Sans not installed")
def test_three_pages_with_the_unicode_font_and_the_chart():
    pdf = pdf_summary(_document(), lang="de", journey_png=_png())
    assert pdf.startswith(b"%PDF-")
    assert len(PAGE.findall(pdf)) == 3
    assert b"DejaVuSans" in pdf  # the TrueType font is embedded (umlauts, "–", "→")
    assert b"/Subtype /Image" in pdf


def test_fallback_font_keeps_the_text_readable():
    pdf = pdf_summary(_document(), lang="en", font_path=None, compress=False)
    assert b"/Helvetica" in pdf
    # core-font text stands in the content stream as a PDF string (parentheses escaped)
    assert "(· Finding 2: NPS fell 9 points \\(+12 -> +3\\) - within noise.) Tj".encode("latin-1") in pdf


def test_far_too_much_text_stops_at_four_pages():
    pdf = pdf_summary(_document(findings=400), lang="en", font_path=None, compress=False)
    assert len(PAGE.findall(pdf)) == MAX_PDF_PAGES
    assert b"Finding 0:" in pdf and b"Finding 399:" not in pdf


def test_a_document_with_figures_only_is_one_page():
    pdf = pdf_summary({"kpis": {"customers": 10}}, lang="en", font_path=None)
    assert len(PAGE.findall(pdf)) == 1


def _chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def test_tiles_come_first_with_german_numbers():
    lines = summary_lines(_document(), lang="de")
    shown = [text for kind, text in lines if kind == "tile"]
    assert shown == ["Kunden: 1.234", "NPS (letzte 3 Monate, 01.07.2026 – 30.09.2026): −1",
                     "Abwanderungsquote: 18,0 %", "Kundenbindungsrate: 82,0 %"]  # fmt: skip


@pytest.mark.parametrize(
    "keep",
    [("journey", "findings"),  # a survey alone
     ("kpis", "personas"),  # customers alone
     ()],  # nothing at all
)  # fmt: skip
def test_missing_sections_do_not_break_it(keep):
    document = {key: value for key, value in _document().items() if key in keep}
    pdf = pdf_summary(document, lang="de", journey_png=_png(), persona_png=_png(), font_path=None)
    assert pdf.startswith(b"%PDF-") and 1 <= len(PAGE.findall(pdf)) <= MAX_PDF_PAGES
    kinds = [kind for kind, _ in summary_lines(document, lang="de")]
    assert ("card" in kinds) == ("personas" in keep)
    assert ("picture" in kinds) == ("journey" in keep or "personas" in keep)


def test_value_and_voices_summaries_on_the_journey_page():
    document = {**_document(), "currency": "CHF",
                "value": {"revenue": 4556001.02, "clv": {"mean": 808.13, "total": 3232527.18}},
                "voices": {"comments": {"count": 1844}, "follow_up": {"count": 735}}}  # fmt: skip
    lines = summary_lines(document, lang="de")
    after_break = lines[lines.index(("page", "")) :]
    assert ("heading", "Kundenwert") in after_break and ("heading", "Kundenstimmen") in after_break
    assert ("text", "• Umsatz: 4.556.001 CHF") in lines
    assert ("text", "• 735 Kunden auf der Rückrufliste") in lines
    assert ("text", "Abwanderung 30,0 % · Ø Kundenertragswert 1.500 CHF") in lines


def test_rendered_pages_carry_the_charts():
    """Rendered to pictures (pypdfium2): the journey page and the persona page each show a chart."""
    pdfium = pytest.importorskip("pypdfium2")
    raw = pytest.importorskip("pypdfium2.raw")
    pdf = pdf_summary(_document(), lang="de", journey_png=_png(), persona_png=_png())
    document = pdfium.PdfDocument(pdf)
    assert 2 <= len(document) <= MAX_PDF_PAGES
    with_charts = 0
    for page in document:
        picture = page.render(scale=0.3).to_pil().convert("L")
        assert picture.getextrema()[0] < 128  # something dark (text) is drawn on every page
        images = list(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]))
        with_charts += bool(images)
    assert with_charts >= 2
