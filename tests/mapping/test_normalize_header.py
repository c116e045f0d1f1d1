import pytest

from cxlib.mapping import normalize_header


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Kunden-ID", "kunden id"),
        ("CustomerID", "customer id"),
        ("  Annual Income (k$) ", "annual income k"),
        ("Straße", "strasse"),
        ("o_experience", "o experience"),
        ("🙂 Zufriedenheit", "zufriedenheit"),
    ],
)
def test_normalize_header(header, expected):
    assert normalize_header(header) == expected
