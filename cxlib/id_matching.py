"""Customer IDs written differently in two exports, matched to the customer table's spelling.

A CRM writes ``00012``, the survey tool ``K-00012``; one system ``k00012``, the other ``K00012``. Compared
as written, no answer is linked to its customer: every persona loses its NPS and the survey's customers
all count as unknown. When most IDs of a table match none of the customer IDs as written but do match
in a canonical form (case, spaces and separators ignored; or, failing that, their digits with prefixes
and leading zeros ignored) one-to-one, they are rewritten to the customer table's spelling, and the
table's notes say how many and how. Nothing changes when the IDs already match as written.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cxlib.id_lookup import member_of

__all__ = ["MATCHED_SHARE", "WRITTEN_SHARE", "Respelling", "canonical_ids", "digit_ids", "respelled_ids"]

#: Share of a table's IDs that must match as written for them to be left alone.
WRITTEN_SHARE = 0.5
#: Share of a table's IDs that must match in a canonical form for the respelling to be used.
MATCHED_SHARE = 0.8


@dataclass(frozen=True)
class Respelling:
    """IDs rewritten to the customer table's spelling: the new IDs, how they were matched
    (``"canonical"`` or ``"digits"``), how many matched, of how many, and one example pair."""

    ids: pd.Series
    method: str
    matched: int
    total: int
    example: str


def canonical_ids(ids: pd.Series) -> pd.Series:
    """IDs with case, spaces and separators ignored.

    Examples
    --------
    >>> canonical_ids(pd.Series(["K-00012 ", "k00012", "AB.12/3", None])).tolist()
    ['k00012', 'k00012', 'ab123', <NA>]
    """
    text = ids.astype("string").str.casefold().str.replace(r"[\s\-_./#:]+", "", regex=True)
    return text.mask(text == "", pd.NA)


#: At most this many letters beside an ID's digits ("KD-00012", "CUST12"): more, and the digits are part
#: of a name or an e-mail address ("c2@example.org"), not a number written with a prefix.
PREFIX_LETTERS = 4


def digit_ids(ids: pd.Series) -> pd.Series:
    """IDs as their digits only, leading zeros dropped (no digits, an e-mail address or more than
    :data:`PREFIX_LETTERS` letters: missing).

    Examples
    --------
    >>> digit_ids(pd.Series(["K-00012", "00012", "12", "ABC", None])).tolist()
    ['12', '12', '12', <NA>, <NA>]
    >>> digit_ids(pd.Series(["c2@example.org", "annabell12", "#12"])).tolist()
    [<NA>, <NA>, <NA>]
    """
    text = ids.astype("string")
    letters = text.str.count(r"[^\W\d_]")
    text = text.mask((letters > PREFIX_LETTERS) | text.str.contains("[@#]", regex=True), pd.NA)
    digits = text.str.replace(r"\D+", "", regex=True)
    core = digits.str.lstrip("0")
    zeros = ((digits != "") & (core == "")).fillna(False).astype(bool)  # "000" is 0
    core = core.mask(zeros, "0")
    return core.mask((core == "").fillna(False).astype(bool), pd.NA)


def respelled_ids(ids: pd.Series, known: pd.Series) -> Respelling | None:
    """``ids`` rewritten to the spelling of the customer IDs ``known`` when they match only in a canonical
    form (see the module); None when they match as written or in no form well enough.

    Examples
    --------
    >>> survey = pd.Series(["K-00012", "K-00013", "K-00099", None])
    >>> customers = pd.Series(["00012", "00013", "00014", "00099"])
    >>> found = respelled_ids(survey, customers)
    >>> found.ids.tolist(), found.method, found.matched, found.total
    (['00012', '00013', '00099', None], 'digits', 3, 3)
    >>> respelled_ids(pd.Series(["00012", "x"]), customers) is None
    True
    """
    present = ids.notna()
    total = int(present.sum())
    if not total or member_of(ids, known).sum() >= WRITTEN_SHARE * total:
        return None
    for method, key in (("canonical", canonical_ids), ("digits", digit_ids)):
        lookup = _unique_keys(known.dropna(), key)
        spelled = key(ids).map(lookup)
        matched = int(spelled.notna().sum())
        if matched >= MATCHED_SHARE * total:
            new = ids.astype(object).where(spelled.isna(), spelled.astype(object))
            first = spelled.first_valid_index()
            example = f"{ids[first]} → {spelled[first]}"
            return Respelling(new.where(present, None), method, matched, total, example)
    return None


def _unique_keys(known: pd.Series, key) -> dict[str, str]:
    """Canonical key -> the customer ID written that way, for keys only one customer ID has."""
    keys = pd.DataFrame({"key": key(known), "id": known.astype(str)}).dropna()
    keys = keys.drop_duplicates()
    once = keys[~keys["key"].duplicated(keep=False)]
    return dict(zip(once["key"], once["id"], strict=True))
