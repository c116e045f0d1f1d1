"""Session isolation: two visitors' uploads never meet; caches of uploads are per session and bounded."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def _customers(prefix: str, n: int, region: str) -> bytes:
    frame = pd.DataFrame(
        {
            "Kunden-ID": [f"{prefix}-{i:03d}" for i in range(n)],
            "Region": [region] * n,
            "Alter": [20 + i for i in range(n)],
        }
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


def _session() -> AppTest:
    session = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    session.run()
    session.switch_page("pages/data.py").run()
    return session


def _shown_ids(session) -> set[str]:
    preview = session.dataframe[-1].value  # the data preview of the customers tab
    return set(preview["customer_id"])


def test_two_sessions_never_see_each_others_upload():
    anna, ben = _session(), _session()
    anna.file_uploader(key="upload_customers").set_value(("anna.xlsx", _customers("ANNA", 11, "Nord"), "x"))
    anna.run()
    ben.file_uploader(key="upload_customers").set_value(("ben.xlsx", _customers("BEN", 23, "Süd"), "x"))
    ben.run()
    anna.run()  # Anna reruns after Ben's upload: still only her own data
    assert not anna.exception and not ben.exception
    assert _shown_ids(anna) == {f"ANNA-{i:03d}" for i in range(11)}
    assert _shown_ids(ben) == {f"BEN-{i:03d}" for i in range(23)}
    assert anna.session_state["uploads"]["customers"].name == "anna.xlsx"
    assert ben.session_state["uploads"]["customers"].name == "ben.xlsx"
    anna.switch_page("pages/overview.py").run()
    ben.switch_page("pages/overview.py").run()
    assert anna.metric[0].value == "11" and ben.metric[0].value == "23"


def _cache_decorators(path: Path) -> dict[str, dict[str, str]]:
    """Function name -> keyword arguments of its st.cache_data decorator."""
    found = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Call) and ast.unparse(decorator.func) in (
                "st.cache_data",
                "st.cache_resource",
            ):
                found[node.name] = {kw.arg: ast.unparse(kw.value) for kw in decorator.keywords}
    return found


def test_caches_of_uploaded_data_are_session_scoped_and_bounded():
    decorators = {}
    for path in [*sorted((ROOT / "pages").glob("*.py")), ROOT / "app.py"]:
        decorators.update(_cache_decorators(path))
    assert decorators, "expected the caches in pages/_state.py"
    for name, options in decorators.items():
        assert "max_entries" in options and int(options["max_entries"]) <= 16, name
        # The demo files, the results and charts computed from them, the demo warm-up (its thread and the
        # count of script runs it waits for) and the allocator keeper are the same for everyone (one per
        # process); every other cache sees uploads and must be the visitor's own.
        shared = ("_shared_results", "_shared_charts", "_memory_keeper", "_script_runs", "_warm_up_thread")
        if name not in shared:
            assert options.get("scope") == "'session'", name


def test_an_upload_over_the_memory_budget_is_refused_with_a_message(monkeypatch):
    from pages import _state as state

    monkeypatch.setattr(state, "UPLOAD_BUDGET_MB", 0)
    session = _session()
    session.file_uploader(key="upload_customers").set_value(("gross.xlsx", _customers("X", 50, "Nord"), "x"))
    session.run()
    assert not session.exception
    assert any("MB" in error.value and "gross.xlsx" in error.value for error in session.error)
    assert session.session_state["data_source"] == "demo"  # the demo data stays in use
