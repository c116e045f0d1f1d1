"""A scale or direction the user confirms (Data page, mapping profile, ``--mapping``) is what the
analysis uses: a recommend item declared 1–5 gives no NPS, a touchpoint's scale changes its 0–100
mean, and an item where higher is worse leaves the journey curve."""

from __future__ import annotations

import pandas as pd
import pytest

from cxlib.analysis import analyze_loaded
from cxlib.column_view import rating_items
from cxlib.intake import prepare_table

FRAME = pd.DataFrame(
    {
        "Nr": [f"r{i}" for i in range(60)],
        "Empfehlung": [(i * 7) % 11 for i in range(60)],
        "Beratung": [1 + i % 5 for i in range(60)],
        "Lieferung": [1 + (i * 3) % 5 for i in range(60)],
        "Kasse": [1 + (i * 2) % 5 for i in range(60)],
    }
)


def _analyse(overrides=None):
    loaded = prepare_table({"Umfrage": FRAME}, table="survey", file="umfrage.csv", overrides=overrides)
    return loaded, analyze_loaded({"survey": loaded}).document


def _mean(document, touchpoint):
    return next(tp for tp in document["journey"]["touchpoints"] if tp["touchpoint"] == touchpoint)["mean"]


def test_the_automatic_reading_first():
    loaded, document = _analyse()
    assert document["kpis"]["nps"] is not None
    assert set(rating_items(loaded.validated)) >= {"Empfehlung", "Beratung", "Lieferung", "Kasse"}


def test_a_recommend_item_declared_1_to_5_gives_no_nps():
    loaded, document = _analyse({"Empfehlung": {"scale": [1, 5]}})
    assert document["kpis"]["nps"] is None
    assert "recommend" not in loaded.validated.report.mapping  # shown as its mean, never as an NPS


def test_a_scale_changes_the_touchpoint_mean():
    _, automatic = _analyse()
    _, wider = _analyse({"Beratung": {"scale": [1, 7]}})
    assert _mean(automatic, "Beratung") == pytest.approx(50.0)  # mean 3 on 1–5
    assert _mean(wider, "Beratung") == pytest.approx(100 / 3, abs=0.01)  # mean 3 on 1–7


def test_higher_is_worse_leaves_the_curve_and_says_so():
    loaded, document = _analyse({"Kasse": {"direction": "higher_worse"}})
    assert "Kasse" not in [tp["touchpoint"] for tp in document["journey"]["touchpoints"]]
    codes = [e.code for e in loaded.validated.columns["Kasse"].evidence]
    assert "user_direction" in codes


def test_the_data_page_applies_a_scale_to_every_page(app):
    """The Data page's form: "Beratung" declared 1–7 moves its journey mean from 50 to 33."""
    from tests.conftest import open_page

    page = open_page(app, "data")
    content = FRAME.to_csv(index=False).encode()
    page.file_uploader(key="upload_survey").set_value(("umfrage.csv", content, "x"))
    page.run()
    page.selectbox(key="scale_column_survey_en").set_value("Beratung").run()
    page.selectbox(key="scale_value_survey_en_Beratung").set_value((1, 7))
    page.button[[b.label for b in page.button].index("Apply scale and direction")].click().run()
    assert not page.exception and not page.error
    choice = page.session_state["choices"]["survey"]
    assert choice["overrides"]["Beratung"] == {"scale": [1, 7], "direction": "higher_better"}


def test_the_data_page_shows_the_chosen_items_own_scale(app):
    """Choosing an item shows its own scale and direction: applying them unchanged changes nothing (a form
    alone kept the first item's 0–10 for every item, and applying it would have rescaled a 1–5 item)."""
    from tests.conftest import open_page

    page = open_page(app, "data")
    page.file_uploader(key="upload_survey").set_value(
        ("umfrage.csv", FRAME.to_csv(index=False).encode(), "x")
    )
    page.run()
    shown = {}
    for column in ("Empfehlung", "Beratung"):
        page.selectbox(key="scale_column_survey_en").set_value(column).run()
        assert not page.exception, page.exception
        shown[column] = page.selectbox(key=f"scale_value_survey_en_{column}").value
    assert shown == {"Empfehlung": (0, 10), "Beratung": (1, 5)}
    page.button[[b.label for b in page.button].index("Apply scale and direction")].click().run()
    assert not page.exception and not page.error
    choice = page.session_state["choices"]["survey"]
    assert choice["overrides"]["Beratung"] == {"scale": [1, 5], "direction": "higher_better"}
