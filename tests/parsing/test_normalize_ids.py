import pandas as pd

from cxlib.parsing import normalize_ids


def test_numbers_and_zero_padded_text_match():
    assert (
        normalize_ids(pd.Series([1, 2, 10])).tolist()
        == normalize_ids(pd.Series(["0001", "002", "10"])).tolist()
    )


def test_float_ids_from_excel_and_zero():
    assert normalize_ids(pd.Series([17.0, 0.0])).tolist() == ["17", "0"]
    assert normalize_ids(pd.Series(["000"])).tolist() == ["0"]


def test_text_ids_are_kept_as_written():
    assert normalize_ids(pd.Series(["K-0001", " AB12 "])).tolist() == ["K-0001", "AB12"]
