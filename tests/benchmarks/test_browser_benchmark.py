"""The browser benchmark's pieces that run without a browser: Streamlit's floor app (the same controls
and labels as the app, so browser.py drives both with one set of steps) and the printed table."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cxlib.i18n import LANGUAGE_NAMES, LANGUAGES, t

ROOT = Path(__file__).resolve().parents[2]
FLOOR = ROOT / "benchmarks" / "streamlit_floor.py"


@pytest.fixture(scope="module")
def browser_benchmark():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location("browser_benchmark", ROOT / "benchmarks" / "browser.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return module


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_floor_app_carries_the_apps_labels(language):
    floor = AppTest.from_file(str(FLOOR), default_timeout=30)
    floor.session_state["floor_lang"] = language
    floor.run()
    assert not floor.exception
    assert [title.value for title in floor.title] == [t("ui.summary.title", language)]
    assert len(floor.metric) == 5
    assert [expander.label for expander in floor.expander] == [t("ui.filters", language)]
    assert floor.multiselect[0].label == t("ui.filter.regions", language)
    assert floor.radio[0].options == [LANGUAGE_NAMES[code] for code in LANGUAGES[::-1]]  # as the app offers


def test_the_floor_app_draws_a_chosen_region_as_a_filter_chip():
    floor = AppTest.from_file(str(FLOOR), default_timeout=30)
    floor.run()
    floor.multiselect[0].set_value(["Nord"]).run()
    assert [caption.value for caption in floor.caption] == [f"{t('ui.filter.regions', 'en')}: Nord"]


def test_the_table_prints_the_floor_beside_each_figure(browser_benchmark):
    steps = {
        step: {"median_s": 1.0, "runs_s": [1.0], "target_s": target}
        | {"floor_median_s": 0.77, "floor_runs_s": [0.77]}
        for step, target in browser_benchmark.TARGETS.items()
    }
    steps["page switch"]["runs_s"], steps["page switch"]["median_s"] = [None], None
    table = browser_benchmark.format_table({"runs": 1, "steps": steps})
    assert "floor (s)" in table
    assert "n/a" in table  # a step that could not be driven
    assert table.count("0.77") == 2 * len(steps)  # each floor median and its one run
