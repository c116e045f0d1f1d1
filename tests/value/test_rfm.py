"""RFM: scores by fifths without splitting ties, and the named segments."""

import pandas as pd

from cxlib.i18n import t
from cxlib.value.rfm import SEGMENTS, rfm_scores, rfm_segment, segment_table


def test_every_grid_cell_has_a_named_segment_in_both_languages():
    r, f = zip(*[(r, f) for r in range(1, 6) for f in range(1, 6)], strict=True)
    segments = set(rfm_segment(list(r), list(f)))
    assert segments == set(SEGMENTS)
    for segment in SEGMENTS:
        assert (
            t(f"value.segment.{segment}", "en") != t(f"value.segment.{segment}", "de")
            or segment == "champions"
        )


def test_known_cells():
    assert list(rfm_segment([5, 5, 1, 1, 2, 3, 4], [5, 1, 1, 5, 3, 3, 1])) == [
        "champions", "new", "lost", "cant_lose", "at_risk", "need_attention", "promising",
    ]  # fmt: skip


def test_ties_share_one_score_and_one_time_buyers_score_lowest():
    summary = pd.DataFrame(
        {
            "days_since_last": [5, 5, 50, 400, 400, 400],
            "purchases": [1, 1, 1, 1, 4, 9],
            "revenue": [10.0, 10, 20, 30, 40, 500],
        }
    )
    scores = rfm_scores(summary)
    assert scores["f"].tolist() == [1, 1, 1, 1, 4, 5]
    assert scores["r"].tolist() == [4, 4, 3, 1, 1, 1]  # 5 needs 80 % strictly worse customers
    assert scores.loc[5, "segment"] == "cant_lose"


def test_segment_table_counts_customers_and_revenue():
    summary = pd.DataFrame({"days_since_last": [1, 300], "purchases": [9, 1], "revenue": [900.0, 10.0]})
    table = segment_table(rfm_scores(summary), summary, pd.Series([100.0, 1.0]))
    assert table["customers"].sum() == 2
    assert table["revenue"].sum() == 910.0
    assert list(table.index) == [s for s in SEGMENTS if s in table.index]
