"""pdf_summary: one A4 page with KPIs, personas, weakest touchpoints, findings; Unicode font or fallback."""

import re
import zlib

import pytest

from cxlib.report import DEJAVU_FONT, pdf_summary, summary_lines

PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def _document(findings=3):
    return {
        "kpis": {"customers": 1234, "nps": {"score": -5.0}, "churn_rate": {"value": 0.18}, "retention": 0.82},
        "personas": {"personas": [{"name": "Jürgen Groß", "share": 0.22, "nps": -18.0}]},
        "journey": {"touchpoints": [
            {"touchpoint": t, "phase": "loyalty", "mean": m} for t, m in
            [("Lieferung", 44.0), ("Rechnung", 70.0), ("Service", 60.0), ("Website", 80.0)]
        ]},
        "findings": [{"text": f"Finding {i}: NPS fell 9 points (+12 → +3) – within noise.", "value": 1.0,
                      "source": "x"} for i in range(findings)],
    }  # fmt: skip


def test_summary_lines_in_german():
    lines = summary_lines(_document(findings=1), lang="de")
    assert lines[:6] == [
        ("title", "Bericht Kundenzentrierung"),
        ("heading", "Kennzahlen"),
        ("text", "Kunden: 1.234"),
        ("text", "NPS (alle Antworten): −5"),
        ("text", "Abwanderungsquote: 18,0 %"),
        ("text", "Kundenbindungsrate: 82,0 %"),
    ]
    assert ("text", "Jürgen Groß: 22 % der Kunden, NPS −18") in lines
    weakest = [text for kind, text in lines if "/100" in text]
    assert weakest == ["Lieferung (Kundenbindung): 44/100", "Service (Kundenbindung): 60/100",
                       "Rechnung (Kundenbindung): 70/100"]  # fmt: skip
    assert lines[-1] == ("text", "• Finding 0: NPS fell 9 points (+12 → +3) – within noise.")


@pytest.mark.skipif(not __import__("os").path.exists(DEJAVU_FONT), reason="DejaVu Sans not installed")
def test_one_page_with_the_unicode_font():
    pdf = pdf_summary(_document(), lang="de")
    assert pdf.startswith(b"%PDF-")
    assert len(PAGE.findall(pdf)) == 1
    assert b"DejaVuSans" in pdf  # the TrueType font is embedded (umlauts, "–", "→")


def test_fallback_font_keeps_the_text_readable():
    pdf = pdf_summary(_document(), lang="en", font_path=None, compress=False)
    assert len(PAGE.findall(pdf)) == 1
    assert b"/Helvetica" in pdf
    # core-font text stands in the content stream as a PDF string (parentheses escaped)
    assert "(· Finding 2: NPS fell 9 points \\(+12 -> +3\\) - within noise.) Tj".encode("latin-1") in pdf


def test_far_too_much_text_still_gives_one_page():
    pdf = pdf_summary(_document(findings=80), lang="en", font_path=None, compress=False)
    assert len(PAGE.findall(pdf)) == 1
    assert b"Finding 0:" in pdf and b"Finding 79:" not in pdf


def test_journey_picture_is_placed():
    # a 2 x 1 pixel PNG (red, white)
    raw = b"\x00\xff\x00\x00\xff\xff\xff"
    header = (2).to_bytes(4, "big") + (1).to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    png = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw))
        + _chunk(b"IEND", b"")
    )
    pdf = pdf_summary(_document(), lang="en", journey_png=png, font_path=None, compress=False)
    assert len(PAGE.findall(pdf)) == 1
    assert b"/Subtype /Image" in pdf


def _chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
