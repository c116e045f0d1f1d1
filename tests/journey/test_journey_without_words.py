"""The journey computed without a language (lang=None) carries messages; rendering it gives exactly the
journey computed in that language."""

import pandas as pd
import pytest

from cxlib.journey import build_journey, default_spec, journey_table
from cxlib.messages import Message

SURVEY = pd.DataFrame(
    {
        "Werbung": [4.0, 5.0, 4.0, 3.0, 0.0, 4.0],
        "Website": [4.0, 4.0, 5.0, 4.0, 4.0, 5.0],
        "Lieferung": [1.0, 2.0, 1.0, 2.0, 1.0, 9.0],
        "recommend": [9.0, 6.0, 8.0, 10.0, 3.0, 7.0],
    }
)


@pytest.fixture
def spec():
    from dataclasses import replace

    spec = default_spec(SURVEY, ["Werbung", "Website", "Lieferung"])
    return replace(spec, na_codes={"Werbung": (0.0,)}, scales={"Lieferung": (1, 5)})


def test_notes_and_pain_points_are_messages(spec):
    neutral = build_journey(SURVEY, spec, lang=None)
    assert neutral.notes and all(isinstance(note, Message) for note in neutral.notes)
    assert all(isinstance(point["text"], Message) for point in neutral.pain_points)
    assert all(isinstance(label, Message) for label in neutral.phases["label"])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_rendering_equals_computing_in_the_language(spec, lang):
    rendered = build_journey(SURVEY, spec, lang=None).rendered(lang)
    direct = build_journey(SURVEY, spec, lang=lang)
    assert rendered.notes == direct.notes
    assert rendered.pain_points == direct.pain_points
    pd.testing.assert_frame_equal(rendered.touchpoints, direct.touchpoints)
    pd.testing.assert_frame_equal(rendered.phases, direct.phases)
    pd.testing.assert_frame_equal(rendered.drivers, direct.drivers)
    pd.testing.assert_frame_equal(journey_table(rendered, lang=lang), journey_table(direct, lang=lang))


def test_german_notes_keep_german_numbers(spec):
    notes = build_journey(SURVEY, spec, lang=None).rendered("de").notes
    # the answer 9 lies outside the given 1–5 scale: said in German, with the scale in German numbers
    assert any("„Lieferung“" in note and "1–5" in note for note in notes), notes
