"""Ratings on the pages under AppTest: a survey item can be marked as ordered answers (how often, how
important) in the Data page's scale corrections and leaves the journey; a review export's mean rating
is the Overview's survey tile."""

import numpy as np
import pandas as pd

from cxlib.i18n import t
from tests.conftest import open_page

FREQUENCY = "Wie oft kaufen Sie online?"


def _survey_csv(n: int = 120) -> bytes:
    rng = np.random.default_rng(5)
    frame = pd.DataFrame(
        {
            "Nr": range(1, n + 1),
            "Weiterempfehlung": rng.integers(0, 11, n),
            "Website": rng.integers(1, 6, n),
            "Lieferung": rng.integers(1, 6, n),
            "Beratung": rng.integers(1, 6, n),
            FREQUENCY: rng.integers(1, 6, n),
        }
    )
    return frame.to_csv(index=False).encode()


def test_an_item_marked_as_ordered_answers_leaves_the_journey(app):
    page = open_page(app, "data")
    page.file_uploader(key="upload_survey").set_value(("umfrage.csv", _survey_csv(), "text/csv"))
    page.run()
    assert not page.exception, page.exception
    assert not _marked(page)  # a touchpoint, as nothing tells it apart
    page.selectbox(key="scale_column_survey_en").set_value(FREQUENCY).run()
    radio = page.radio(key=f"scale_direction_survey_en_{FREQUENCY}")
    assert t("direction.ordinal", "en") in radio.options
    radio.set_value(t("direction.ordinal", "en"))
    next(b for b in page.button if b.label == t("ui.scale.apply", "en")).click().run()
    assert not page.exception, page.exception
    assert _marked(page) == [FREQUENCY]  # "How each column was understood" says why


def _marked(page) -> list[str]:
    """The columns the column overview shows as marked by hand as ordered answers."""
    said = t("evidence.user_ordinal", "en")
    return [
        str(row.iloc[0])
        for frame in page.dataframe
        for _, row in frame.value.iterrows()
        if any(isinstance(cell, str) and said in cell for cell in row)
    ]


def test_a_review_export_shows_its_mean_rating_on_the_overview(app):
    """A review export without an NPS: the survey tile is the mean star rating on its scale."""
    stars = [5, 4, 1, 5, 3, 4, 5, 2] * 15
    frame = pd.DataFrame(
        {
            "Date": pd.date_range("2025-01-01", periods=len(stars), freq="D").strftime("%Y-%m-%d"),
            "Rating": stars,
            "Review Text": [f"Order {i} arrived, packaging was fine" for i in range(len(stars))],
        }
    )
    page = open_page(app, "data")
    upload = ("reviews.csv", frame.to_csv(index=False).encode(), "text/csv")
    page.file_uploader(key="upload_survey").set_value(upload)
    page.run()
    page = open_page(page, "overview")
    tile = next(m for m in page.metric if m.label == t("kpi.label.satisfaction", "en", low=1, high=5))
    assert tile.value == f"{np.mean(stars):.2f}"
