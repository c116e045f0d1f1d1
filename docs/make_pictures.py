"""Make the README's pictures of the reports from the demo files: the PDF's first two pages, the slide
deck and the Excel workbook's first sheets, as PNG files in docs/.

    python docs/make_pictures.py [--lang en|de]

The PDF pages are rendered by pypdfium2 (a test dependency, requirements-dev.txt) or, without it, by
``pdftoppm`` (Debian package poppler-utils). PowerPoint cannot be rendered without an office suite, so the
slides are drawn from the .pptx itself: every text box and picture at its place on the slide, in the
DejaVu Sans font; it shows what the deck holds and how it is laid out, not PowerPoint's exact rendering.
This is a script for the documentation only; the app and the CLI never need a renderer.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SAMPLES = ROOT / "sample_data"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
EMU_PER_INCH = 914_400


def render_pdf_pages(pdf: bytes, *, pages: int, dpi: int = 110) -> list:
    """The first ``pages`` pages of ``pdf`` as PIL images (pypdfium2, else pdftoppm)."""
    from PIL import Image

    try:
        import pypdfium2
    except ImportError:
        pypdfium2 = None
    if pypdfium2 is not None:
        document = pypdfium2.PdfDocument(pdf)
        count = min(pages, len(document))
        return [document[index].render(scale=dpi / 72).to_pil().convert("RGB") for index in range(count)]
    if shutil.which("pdftoppm") is None:
        sys.exit("Needs pypdfium2 (requirements-dev.txt) or pdftoppm (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-l", str(pages), str(source), str(Path(folder) / "page")],
            check=True,
        )
        return [Image.open(path).convert("RGB") for path in sorted(Path(folder).glob("page*.png"))]


def draw_slide(slide, *, width_emu: int, height_emu: int, pixels_wide: int = 960):
    """One slide as a PIL image: its text frames (wrapped to their boxes) and its pictures in place."""
    from PIL import Image, ImageDraw, ImageFont

    scale = pixels_wide / width_emu
    image = Image.new("RGB", (pixels_wide, round(height_emu * scale)), "white")
    draw = ImageDraw.Draw(image)
    for shape in slide.shapes:
        left, top = round((shape.left or 0) * scale), round((shape.top or 0) * scale)
        box_width = round((shape.width or width_emu) * scale)
        if shape.shape_type == 13:  # picture
            picture = Image.open(io.BytesIO(shape.image.blob)).convert("RGB")
            size = (box_width, round((shape.height or 0) * scale))
            image.paste(picture.resize(size, Image.LANCZOS), (left, top))
            continue
        if shape.shape_type == 1:  # a tile: its outline and fill
            bottom = top + round((shape.height or 0) * scale)
            draw.rectangle((left, top, left + box_width, bottom), fill=(245, 248, 251), outline=(31, 78, 121))
            left, top, box_width = left + 8, top + 8, box_width - 16
        if not shape.has_text_frame:
            continue
        is_title = shape == slide.shapes.title
        y = top
        for paragraph in shape.text_frame.paragraphs:
            if not paragraph.text:
                continue
            points = paragraph.font.size.pt if paragraph.font.size else (40 if is_title else 24)
            if paragraph.runs and paragraph.runs[0].font.size:
                points = paragraph.runs[0].font.size.pt
            pixels = max(9, round(points / 72 * EMU_PER_INCH * scale))
            bold = is_title or bool(paragraph.font.bold)
            font = ImageFont.truetype(BOLD_FONT if bold else FONT, pixels)
            characters = max(10, int(box_width / (pixels * 0.55)))
            plain = is_title or shape.shape_type == 1 or slide.slide_layout.name == "Title Slide"
            bullet = "" if plain else "• "
            for index, line in enumerate(textwrap.wrap(paragraph.text, characters)):
                draw.text((left, y), (bullet if index == 0 else "  " * bool(bullet)) + line,
                          fill=(31, 78, 121) if bold else (30, 30, 30), font=font)  # fmt: skip
                y += round(pixels * 1.25)
            y += round(pixels * 0.3)
    return image


def _shown(cell) -> str:
    """A cell's value roughly as Excel shows it under the report's number format."""
    value, pattern = cell.value, cell.number_format or "General"
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        places = re.search(r"\.(0+)", pattern)
        decimals = len(places.group(1)) if places else 0
        sign = "+" if pattern.startswith("+") else ""
        percent = "%" in pattern
        text = f"{value * 100 if percent else value:{sign},.{decimals}f}" + ("%" if percent else "")
        return text + (" EUR" if "EUR" in pattern else "")
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return str(value)


def draw_sheet(sheet, *, rows: int = 18, columns: int = 5, pixels_wide: int = 960):
    """One worksheet's top-left cells as a PIL image: a grid with the header row in bold, values as the
    report's number formats show them (Excel's own rendering needs Excel)."""
    from PIL import Image, ImageDraw, ImageFont

    font, bold = ImageFont.truetype(FONT, 13), ImageFont.truetype(BOLD_FONT, 13)
    grid = [[_shown(cell) for cell in row[:columns]] for row in sheet.iter_rows(max_row=rows)]
    widths = [max((len(row[c]) if c < len(row) else 0) for row in grid) for c in range(columns)]
    scale = pixels_wide / max(sum(min(w, 60) + 2 for w in widths), 1)
    lefts = [sum(min(w, 60) + 2 for w in widths[:c]) * scale for c in range(columns + 1)]
    image = Image.new("RGB", (pixels_wide, 26 * rows + 40), "white")
    draw = ImageDraw.Draw(image)
    draw.text((8, 8), sheet.title, font=bold, fill=(29, 78, 137))
    for r, row in enumerate(grid):
        top = 34 + 26 * r
        for c, text in enumerate(row):
            draw.rectangle((lefts[c], top, lefts[c + 1], top + 26), outline=(210, 210, 210))
            room = int((lefts[c + 1] - lefts[c]) / 7.5)
            shown = text if len(text) <= room else text[: max(room - 1, 1)] + "…"
            draw.text((lefts[c] + 4, top + 5), shown, font=bold if r == 0 else font, fill=(17, 24, 39))
    return image


def contact_sheet(images, *, columns: int, gap: int = 16):
    """The images in a grid on a light grey background, each with a thin border."""
    from PIL import Image, ImageDraw

    width, height = images[0].size
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (columns * (width + gap) + gap, rows * (height + gap) + gap), (225, 228, 232))
    draw = ImageDraw.Draw(sheet)
    for index, picture in enumerate(images):
        x, y = gap + (index % columns) * (width + gap), gap + (index // columns) * (height + gap)
        sheet.paste(picture.resize((width, height)), (x, y))
        draw.rectangle((x - 1, y - 1, x + width, y + height), outline=(160, 160, 160))
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "de"), default="en")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from openpyxl import load_workbook
    from pptx import Presentation

    from cxlib.report import report_from_files, write_reports

    files = {name: str(SAMPLES / f"{name}.xlsx") for name in ("customers", "survey", "transactions")}
    data = report_from_files(files, lang=args.lang)
    with tempfile.TemporaryDirectory() as folder:
        pdf, pptx = Path(folder) / "report.pdf", Path(folder) / "slides.pptx"
        write_reports(data, excel=Path(folder) / "report.xlsx", pdf=pdf, pptx=pptx, lang=args.lang)
        pages = render_pdf_pages(pdf.read_bytes(), pages=2)
        deck = Presentation(str(pptx))
        workbook = load_workbook(Path(folder) / "report.xlsx")
    contact_sheet(pages, columns=2).save(DOCS / "report-pdf.png", optimize=True)
    size = {"width_emu": deck.slide_width, "height_emu": deck.slide_height}
    slides = [draw_slide(slide, **size) for slide in deck.slides]
    contact_sheet(slides[:6], columns=2).save(DOCS / "report-slides.png", optimize=True)
    sheets = [draw_sheet(sheet) for sheet in workbook.worksheets[:4]]
    contact_sheet(sheets, columns=2).save(DOCS / "report-excel.png", optimize=True)
    print(f"wrote {DOCS / 'report-pdf.png'} ({len(pages)} pages) and {DOCS / 'report-slides.png'} "
          f"({min(6, len(slides))} of {len(slides)} slides)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
