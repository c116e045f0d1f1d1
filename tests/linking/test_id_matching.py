"""Customer IDs written differently in two exports (cxlib.id_matching, applied when tables are linked).

Before: a survey whose customer numbers read "K-00012" against the CRM's "00012", or "K00012" against
"k00012", linked no answer: all 150 answers were "unknown customers" and every persona's NPS was empty.
Now they are matched one-to-one, the survey's notes say how many and how, and the persona NPS equals the
one of a survey whose IDs were written the same way. Files are written to ``tmp_path``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cxlib.analysis import analyze_loaded, load_files
from cxlib.id_matching import respelled_ids

N, ANSWERS = 200, 150


def _write(tmp_path, customer_ids, survey_ids) -> dict[str, str]:
    rng = np.random.default_rng(31)
    customers = pd.DataFrame(
        {"Kundennummer": customer_ids, "Alter": rng.integers(18, 80, N), "Region": rng.choice(["N", "S"], N)}
    )
    survey = pd.DataFrame(
        {
            "Kundennummer": survey_ids,
            "Weiterempfehlung": rng.integers(0, 11, ANSWERS),
            "Lieferung": rng.integers(1, 6, ANSWERS),
            "Beratung": rng.integers(1, 6, ANSWERS),
        }
    )
    paths = {"customers": tmp_path / "kunden.csv", "survey": tmp_path / "umfrage.csv"}
    customers.to_csv(paths["customers"], index=False)
    survey.to_csv(paths["survey"], index=False)
    return {table: str(path) for table, path in paths.items()}


def _persona_nps(paths: dict[str, str]) -> tuple[list, dict]:
    loaded = load_files(paths)
    document = analyze_loaded(loaded).document
    return [persona["nps"] for persona in document["personas"]["personas"]], loaded


NUMBERS = np.arange(1, N + 1)
ANSWERED = np.random.default_rng(7).choice(NUMBERS, ANSWERS, replace=False)


@pytest.mark.parametrize(
    ("customer_ids", "survey_ids", "how"),
    [
        ([f"{i:05d}" for i in NUMBERS], [f"K-{i:05d}" for i in ANSWERED], "by their digits"),
        ([f"k{i:05d}" for i in NUMBERS], [f"K{i:05d} " for i in ANSWERED], "ignoring case"),
    ],
)
def test_ids_written_differently_are_linked_as_if_written_alike(tmp_path, customer_ids, survey_ids, how):
    alike = _write(tmp_path, customer_ids, [customer_ids[i - 1] for i in ANSWERED])
    expected, _ = _persona_nps(alike)
    written = _write(tmp_path, customer_ids, survey_ids)

    nps, loaded = _persona_nps(written)

    assert nps and nps == expected and all(value is not None for value in nps)
    report = loaded["survey"].validated.report
    assert [rule.rule for rule in report.rules if rule.rule == "unknown_customer" and rule.rows] == []
    note = report.note_texts("en")[-1]
    assert note.startswith(f"{ANSWERS} of {ANSWERS} customer IDs") and how in note
    assert "anders geschrieben" in report.note_texts("de")[-1]


def test_ids_that_match_as_written_are_left_alone():
    assert respelled_ids(pd.Series(["a1", "a2", "x"]), pd.Series(["a1", "a2", "a3"])) is None


def test_ambiguous_keys_are_not_matched():
    # "A-1" and "B-1" share the digits 1: the survey's "1" could be either, so it stays unlinked
    found = respelled_ids(
        pd.Series(["1", "2", "3", "4", "5"]), pd.Series(["A-1", "B-1", "C-2", "C-3", "C-4", "C-5"])
    )
    assert found is not None and found.matched == 4
    assert found.ids.tolist() == ["1", "C-2", "C-3", "C-4", "C-5"]


def test_too_few_matches_change_nothing():
    assert respelled_ids(pd.Series(["K-1", "Z-9", "Q-7"]), pd.Series(["0001", "0002", "0003"])) is None
