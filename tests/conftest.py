"""Shared test helpers: the app under AppTest, started on the built-in demo data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def app():
    """A fresh AppTest session of app.py, run once (it opens on the demo data)."""
    from streamlit.testing.v1 import AppTest

    session = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    session.run()
    assert not session.exception, session.exception
    return session


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or a clean skip when it is not there."""
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA


def texts(session) -> str:
    """Every text an AppTest session shows (markdown, captions, alerts, metrics), joined for searching."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
    ):
        parts.extend(str(element.value) for element in getattr(session, kind))
    parts.extend(f"{m.label} {m.value}" for m in session.metric)
    return "\n".join(parts)


def charts(session) -> list:
    """The Vega-Lite (Altair) charts an AppTest session shows."""
    found = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", "") == "vega_lite_chart":
                found.append(child)
            walk(child)

    walk(getattr(session, "_tree", session))  # a whole session or one block of it (a tab, a column)
    return found


def open_page(session, page: str, *, panels: tuple[str, ...] = ()):
    """Switch an AppTest session to ``pages/<page>.py`` with the expanders keyed ``panels`` open (their
    content is built only while open), run it, and insist it raised nothing."""
    for key in panels:
        session.session_state[key] = True
    session.switch_page(f"pages/{page}.py").run()
    assert not session.exception, session.exception
    return session


@pytest.fixture(scope="session")
def demo_document() -> dict:
    """``python -m cxlib analyze`` on the demo files, run once: the CLI's document the app must match."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cxlib",
            "analyze",
            "--customers",
            "sample_data/customers.xlsx",
            "--survey",
            "sample_data/survey.xlsx",
            "--format",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)
