"""Customer Effort Score items: "How easy was it …" (high = good) is a rating; "How much effort …",
"How would you rate the effort …" and their German forms (high = more effort = worse) are never drawn
as satisfaction on the journey."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.survey.conftest import analyze_survey, ratings

N = 150
EFFORT_ITEMS = (
    "How would you rate the effort it took to resolve your issue?",
    "Please rate how much effort you had to put forth to handle your request",
    "Wie aufwändig war es, Ihr Anliegen zu klären?",
    "Wie anstrengend war der Kontakt mit unserem Kundenservice?",
    "Wie schwer fiel es Ihnen, die Bestellung abzuschließen?",
    "Bewertung: Wie viel Mühe hat Ihnen die Rücksendung gemacht?",
)


@pytest.mark.parametrize("effort", EFFORT_ITEMS)
def test_an_effort_item_is_never_drawn_as_satisfaction(rng, effort):
    """Before: a header with a rating word ("rate", "Bewertung") or a German effort word the app did not
    know ("aufwändig", "anstrengend", "wie schwer") was read as higher = better, so 1–5 effort (5 = a
    lot of effort) was drawn as a touchpoint where 5 looked like the best score."""
    easy = "How easy was it to get your issue resolved?"
    frame = pd.DataFrame(
        {
            "How likely are you to recommend us?": ratings(rng, N, 0, 10, centre=7),
            "How satisfied were you with the following? [Website]": ratings(rng, N, 1, 5, centre=3.8),
            "How satisfied were you with the following? [Delivery]": ratings(rng, N, 1, 5, centre=3.1),
            easy: ratings(rng, N, 1, 7, centre=5.2),
            effort: ratings(rng, N, 1, 5, centre=2.2),
        }
    )
    loaded, document = analyze_survey(frame)
    meaning = loaded.validated.columns[effort]
    assert meaning.direction == "higher_worse" and "touchpoints" in meaning.excluded_from
    means = {tp["touchpoint"]: tp["native_mean"] for tp in document["journey"]["touchpoints"]}
    assert effort not in means
    assert means[easy] == pytest.approx(round(frame[easy].mean(), 3))  # ease: high = good, on the curve
    assert loaded.validated.columns[easy].direction == "higher_better"
    assert any(effort in note for note in loaded.validated.report.note_texts())
