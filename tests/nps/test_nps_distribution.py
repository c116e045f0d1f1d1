import pytest

from cxlib.nps import nps_distribution


def test_counts_every_score_with_its_group():
    table = nps_distribution([0, 6, 6, 7, 8, 9, 10, 10, 10, float("nan")])
    assert table["score"].tolist() == list(range(11))
    assert table["count"].tolist() == [1, 0, 0, 0, 0, 0, 2, 1, 1, 1, 3]
    assert table["group"].tolist() == ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2


def test_empty_input_gives_eleven_zero_rows():
    table = nps_distribution([])
    assert len(table) == 11
    assert table["count"].sum() == 0


def test_out_of_range_scores_are_a_programmer_error():
    with pytest.raises(ValueError, match=r"0\.\.10"):
        nps_distribution([12])
