import pandas as pd

from cxlib.parsing import normalize_gender


def test_german_english_and_abbreviations():
    values = pd.Series(["weiblich", "männlich", "divers", "W", "m", "Male", "Female", "Frau", "Herr"])
    assert normalize_gender(values).tolist() == [
        "female",
        "male",
        "diverse",
        "female",
        "male",
        "male",
        "female",
        "female",
        "male",
    ]


def test_unknown_values_are_kept_and_missing_markers_cleared():
    assert normalize_gender(pd.Series(["Team", "k.A.", None])).tolist() == ["Team", pd.NA, pd.NA]
