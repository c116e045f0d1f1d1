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
        "personas": {"personas": [{"name": "Jürgen Groß", "share": 0.22, "nps": -18.0,
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
