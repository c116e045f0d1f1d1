"""Response sheets of form tools (Google Forms, Typeform, Jotform) as they download them.

Each test builds the export the way the tool writes it and checks the app's figure against pandas.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.survey.conftest import analyze_survey, ratings

N = 150


def _nps(values) -> float:
    values = pd.Series(values, dtype=float).dropna()
    return 100 * ((values >= 9).sum() - (values <= 6).sum()) / len(values)


def _google_grid(rng: np.random.Generator, question: str, rows: list[str]) -> dict[str, np.ndarray]:
    """A multiple-choice grid as Google Forms exports it: one column per grid row, "Question [Row]"."""
    return {f"{question} [{row}]": ratings(rng, N, 1, 5, centre=3.5) for row in rows}


@pytest.mark.parametrize(
    ("question", "rows", "phases"),
    [
        (
            "How satisfied were you with the following parts of your purchase?",
            ["Website", "Checkout", "Delivery"],
            ["information", "purchase", "loyalty"],
        ),
        (
            "Wie zufrieden waren Sie mit unserem Kundenservice in folgenden Bereichen?",
            ["Webseite", "Bezahlung", "Lieferung"],
            ["information", "purchase", "loyalty"],
        ),
        (
            "Rate your shopping experience: ",
            ["Website", "Checkout", "Returns"],
            ["information", "purchase", "loyalty"],
        ),
    ],
)
def test_a_grid_rows_phase_comes_from_the_row_not_the_question(rng, question, rows, phases):
    """Before: the phase was guessed from the whole header, so the question's words ("purchase",
    "Kundenservice", "experience") put every row of the grid into one phase: [Website] was in the
    purchase phase, [Webseite] in loyalty."""
    if question.endswith(": "):
        grid = {f"{question}{row}": ratings(rng, N, 1, 5, centre=3.5) for row in rows}
    else:
        grid = _google_grid(rng, question, rows)
    frame = pd.DataFrame({"How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7), **grid})
    _, document = analyze_survey(frame)
    found = {tp["touchpoint"]: tp["phase"] for tp in document["journey"]["touchpoints"]}
    assert found == dict(zip(grid, phases, strict=True))
    means = {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}
    assert means == pytest.approx({column: round(values.mean(), 3) for column, values in grid.items()})
