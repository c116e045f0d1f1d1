import pandas as pd

from cxlib.parsing import parse_flags


def test_german_and_english_flags():
    flags, bad = parse_flags(pd.Series(["Ja", "nein", "yes", "NO", "1", "0", 1, 0, "wahr", "abgewandert"]))
    assert flags.tolist() == [True, False, True, False, True, False, True, False, True, True]
    assert not bad.any()


def test_unknown_flags_are_counted():
    flags, bad = parse_flags(pd.Series(["vielleicht", "", None]))
    assert flags.isna().all()
    assert bad.tolist() == [True, False, False]
