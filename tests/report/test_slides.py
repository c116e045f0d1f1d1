"""The PowerPoint deck: it opens with python-pptx, has one slide per story point, and shows the same
numbers as the tiles and the other reports; the CLI writes it with ``report --pptx``."""

from __future__ import annotations

import io
from datetime import date

from pptx import Presentation

from cxlib.cli import main
from cxlib.i18n import format_number, t
from cxlib.report.facts import day
from cxlib.slides import slide_deck


def _slides(content: bytes) -> list[tuple[str, str]]:
    deck = Presentation(io.BytesIO(content))
    found = []
    for slide in deck.slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        pictures = sum(shape.shape_type == 13 for shape in slide.shapes)  # MSO_SHAPE_TYPE.PICTURE
        found.append((slide.shapes.title.text, "\n".join(texts) + ("\n[picture]" if pictures else "")))
    return found


def test_one_slide_per_story_point_on_the_demo(demo_document):
    slides = _slides(
        slide_deck(demo_document, lang="de", made_on=date(2026, 12, 1), filters=["Regionen: Nord"])
    )
    titles = [title for title, _ in slides]
    assert titles == [
        t("export.title", "de"),
        t("report.tiles", "de"),
        t("slides.kpis", "de"),
        t("slides.findings", "de"),
        t("slides.personas", "de"),
        t("slides.journey", "de"),
        t("slides.pain_points", "de"),
        t("report.voices.title", "de"),  # the demo survey has comments; no transactions, so no value slide
    ]
    text = "\n".join(body for _, body in slides)
    follow_up = demo_document["voices"]["follow_up"]["count"]
    assert f"{format_number(follow_up, 'de')} Kunden auf der Rückrufliste" in dict(slides)["Kundenstimmen"]
    assert "Erstellt am 01.12.2026" in text and "Regionen: Nord" in text and "customers.xlsx" in text
    nps = demo_document["kpis"]["comparisons"]["nps"]
    assert format_number(nps["current"], "de", signed=True) in text  # the tile's figure
    assert format_number(nps["difference"], "de", decimals=1, signed=True) in text
    for persona in demo_document["personas"]["personas"]:
        assert persona["name"] in text


def test_the_cli_writes_the_deck_with_the_journey_picture(tmp_path, capsys):
    deck = tmp_path / "folien.pptx"
    code = main(
        [
            "report",
            "--customers",
            "sample_data/customers.xlsx",
            "--survey",
            "sample_data/survey.xlsx",
            "--out",
            str(tmp_path / "bericht.xlsx"),
            "--pptx",
            str(deck),
        ]
    )
    assert code == 0, capsys.readouterr().err
    slides = dict(_slides(deck.read_bytes()))
    assert "[picture]" in slides[t("slides.journey", "en")]


def test_a_document_without_sections_still_gives_a_deck():
    slides = _slides(slide_deck({"kpis": {"customers": 3}}, lang="en", made_on=date(2026, 1, 2)))
    assert [title for title, _ in slides] == [
        t("export.title", "en"),
        t("report.tiles", "en"),
        t("slides.kpis", "en"),
    ]


def test_value_and_voices_slides_when_those_sections_exist():
    document = {"kpis": {"customers": 3, "clv": {"mean": 592.13}}, "currency": "CHF",
                "value": {"revenue": 4556001.02}, "voices": {"comments": {"count": 1844}}}  # fmt: skip
    slides = dict(_slides(slide_deck(document, lang="de", made_on=date(2026, 1, 2))))
    assert list(slides) == [t("export.title", "de"), "Auf einen Blick", t("slides.kpis", "de"), "Kundenwert",
                            "Kundenstimmen"]  # fmt: skip
    assert "Ø" not in slides["Kennzahlen"] and "592 CHF" in slides["Kennzahlen"]
    assert "Umsatz: 4.556.001 CHF" in slides["Kundenwert"]
    assert "1.844 Kommentare" in slides["Kundenstimmen"]


def test_every_shape_fits_on_the_16_9_slide(demo_document):
    deck = Presentation(io.BytesIO(slide_deck(demo_document, lang="en", journey_png=_wide_png())))
    width, height = deck.slide_width, deck.slide_height
    assert width * 9 == height * 16
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= width and shape.top + shape.height <= height, shape.name
        title = slide.shapes.title
        assert title.width > width * 0.8  # the title spans the slide, not the 4:3 template's box


def _wide_png() -> bytes:
    """A 1800 x 900 one-colour PNG (only its header's size matters for the layout)."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (1800).to_bytes(4, "big") + (900).to_bytes(4, "big") + b"\x08\x00\x00\x00\x00"
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff" * 1800 for _ in range(900)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_the_tiles_slide_shows_the_overview_s_tiles(demo_document):
    deck = Presentation(io.BytesIO(slide_deck(demo_document, lang="de")))
    slide = deck.slides[1]
    boxes = [shape.text_frame.text for shape in slide.shapes if shape.shape_type == 1]
    comparison = demo_document["kpis"]["comparisons"]["nps"]
    nps = format_number(comparison["current"], "de", signed=True)
    assert boxes[0] == f"Kunden\n{format_number(demo_document['kpis']['customers'], 'de')}"
    start, end = (day(iso, "de") for iso in comparison["window"])
    assert boxes[1] == f"NPS (letzte 3 Monate, {start} – {end})\n{nps}"
    assert len(boxes) == 5 and boxes[-1].endswith(" EUR")
