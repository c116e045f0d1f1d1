"""Missing-value codes are read as missing (and can be counted); gender spellings are normalised."""

from __future__ import annotations

import pandas as pd

from cxlib.parsing import marked_missing, normalize_gender, parse_numbers


def test_missing_codes_of_issue_12():
    codes = ["?", "unknown", "n/a", "NA", "-", "BLANK", "k.A.", "weiß nicht", "Weiss nicht"]
    assert marked_missing(pd.Series([*codes, "3", "Berlin", None])).tolist() == [True] * len(codes) + [
        False,
        False,
        False,
    ]


def test_numbers_with_missing_codes_are_counted_not_unreadable():
    numbers, bad, marked = parse_numbers(pd.Series(["4", "BLANK", "weiß nicht", "5"]))
    assert numbers.tolist()[0] == 4 and numbers.isna().sum() == 2
    assert not bad.any()
    assert marked.tolist() == [False, True, True, False]


def test_gender_spellings_of_real_exports():
    values = pd.Series(["F", "Femal", "Female", "w", "weiblich", "M", "Male", "m", "männlich", "divers"])
    assert normalize_gender(values).tolist() == ["female"] * 5 + ["male"] * 4 + ["diverse"]


def test_unknown_gender_is_missing():
    assert normalize_gender(pd.Series(["U", "unknown", "Female"])).tolist() == [pd.NA, pd.NA, "female"]
