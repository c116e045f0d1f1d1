"""No HTML from user data: pages never render with unsafe_allow_html, and markup in uploads shows as text."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py")])
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert('x')</script>"


def test_unsafe_allow_html_never_appears_in_the_ui():
    offenders = [path.name for path in UI_SOURCES if "unsafe_allow_html" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_st_html_only_renders_the_static_presentation_css():
    calls = []
    for path in UI_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "html"
            ):
                calls.append((path.name, [ast.unparse(arg) for arg in node.args], node.keywords))
    assert calls == [("_widgets.py", ["_PRESENTATION_CSS"], [])]
    widgets = ast.parse((ROOT / "pages" / "_widgets.py").read_text(encoding="utf-8"))
    assigned = [
        node.value
        for node in widgets.body
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", None) == "_PRESENTATION_CSS" for t in node.targets)
    ]
    assert len(assigned) == 1 and isinstance(assigned[0], ast.Constant) and isinstance(assigned[0].value, str)


def _hostile_customers() -> bytes:
    """Markup in every text field and in a header, plus enough rows and spread for personas."""
    n = 24
    frame = pd.DataFrame(
        {
            "Kunden-ID": [f"{IMG}{i}" if i % 2 else f"{SCRIPT}{i}" for i in range(n)],
            "Region": [IMG, SCRIPT, "**bold**", "Nord"] * (n // 4),
            "Segment": [SCRIPT, "[link](javascript:alert(1))", IMG, "B2B"] * (n // 4),
            "Geschlecht": [IMG, "w", "m", SCRIPT] * (n // 4),
            "Alter": [20 + 2 * i for i in range(n)],
            "Umsatz": [100.0 + 37 * (i % 5) + i for i in range(n)],
            f"Notiz {IMG}": [SCRIPT] * n,
        }
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name="<b>Kunden</b>"[:31].replace("/", "-"))
    return buffer.getvalue()


def _hostile_survey() -> bytes:
    n = 24
    frame = pd.DataFrame(
        {
            "Antwort-ID": [f"{SCRIPT}{i}" for i in range(n)],
            "Weiterempfehlung": [i % 11 for i in range(n)],
            "Kommentar": [IMG, SCRIPT, "# heading", "<b>bold</b>"] * (n // 4),
        }
    )
    return frame.to_csv(index=False).encode()


def _markdown_bodies(session) -> list[str]:
    bodies = []
    for kind in (
        "markdown",
        "caption",
        "title",
        "header",
        "subheader",
        "error",
        "warning",
        "info",
        "success",
    ):
        for element in getattr(session, kind):
            proto = element.proto
            assert not getattr(proto, "allow_html", False), f"{kind} renders HTML: {proto.body[:80]}"
            bodies.append(getattr(proto, "body", str(element.value)))
    return bodies


def _check_page(session) -> None:
    assert not session.exception, session.exception
    for body in _markdown_bodies(session):
        # markup typed by the user reaches Markdown only escaped (\<script\>), never as a live tag
        assert not re.search(r"(?<!\\)<(script|img)\b", body), body
    for element in session.get("html"):
        assert "onerror" not in element.proto.body and "<script" not in element.proto.body


@pytest.mark.parametrize(
    "page",
    ["pages/data.py", "pages/overview.py", "pages/personas.py", "pages/journey.py", "pages/summary.py"],
)
def test_markup_in_uploads_is_shown_as_text(app, page):
    app.switch_page("pages/data.py").run()
    app.file_uploader(key="upload_customers").set_value(
        ("<b>kunden</b>.xlsx", _hostile_customers(), "application/octet-stream")
    )
    app.run()
    app.file_uploader(key="upload_survey").set_value((f"{IMG}.csv", _hostile_survey(), "text/csv"))
    app.run()
    assert not app.error, [e.value for e in app.error]
    if page == "pages/data.py":
        # the file name is shown escaped; the values arrive as dataframe cells, i.e. as text
        assert any("\\<b\\>kunden\\</b\\>" in body for body in _markdown_bodies(app))
        cells = pd.concat([frame.value.astype(str) for frame in app.dataframe], ignore_index=True)
        shown = set(cells.to_numpy().ravel())
        assert IMG in shown and SCRIPT in shown
    else:
        app.switch_page(page).run()
    _check_page(app)
