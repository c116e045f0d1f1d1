"""cxlib.voices.section: the outcomes of analysed comments do not depend on the personas, so they can be
kept across persona choices and give the same voices as when computed afresh."""

import pandas as pd

from cxlib.voices.section import comment_outcomes, voices_of_result


def _personas(analysed, k: int) -> pd.Series:
    ids = analysed.comments["customer_id"].astype(str).drop_duplicates()
    return pd.Series([f"Persona {i % k}" for i in range(len(ids))], index=ids.to_numpy())


def test_kept_outcomes_give_the_same_voices_as_fresh_ones(demo_voices):
    personas = _personas(demo_voices, 3)
    kept = comment_outcomes(demo_voices)
    fresh = voices_of_result(demo_voices, persona_of=personas)
    reused = voices_of_result(demo_voices, persona_of=personas, outcomes=kept)
    assert fresh.detractor_themes  # the demo has detractors and promoters who comment
    assert reused.detractor_themes == fresh.detractor_themes
    assert reused.touchpoint_themes == fresh.touchpoint_themes
    assert reused.persona_themes == fresh.persona_themes
    pd.testing.assert_frame_equal(reused.follow_up, fresh.follow_up)


def test_outcomes_do_not_change_with_the_personas(demo_voices):
    two = voices_of_result(demo_voices, persona_of=_personas(demo_voices, 2))
    four = voices_of_result(demo_voices, persona_of=_personas(demo_voices, 4))
    assert two.detractor_themes == four.detractor_themes == comment_outcomes(demo_voices).detractor_themes
    assert len(two.persona_themes) == 2 and len(four.persona_themes) == 4
