"""The PowerPoint deck: it opens with python-pptx, has one slide per story point, and shows the same
numbers as the tiles and the other reports; the CLI writes it with ``report --pptx``."""

from __future__ import annotations

import io
from datetime import date

from pptx import Presentation

from cxlib.cli import main
from cxlib.i18n import format_number, t
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
        t("slides.kpis", "de"),
        t("slides.findings", "de"),
        t("slides.personas", "de"),
        t("slides.journey", "de"),
        t("slides.pain_points", "de"),
    ]
    text = "\n".join(body for _, body in slides)
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
    assert [title for title, _ in slides] == [t("export.title", "en"), t("slides.kpis", "en")]
