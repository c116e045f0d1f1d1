"""The ``voices`` section of the analysis document (CLI JSON), and the call that builds everything.

Keys (issue 14): ``comments`` ({count, languages}), ``themes`` (list of {label, terms, share,
mean_recommend, sentiment, examples}), ``detractor_themes``, ``sentiment`` ({mean,
agreement_with_rating}) and ``follow_up`` ({count}). Additional keys: ``theme_selection`` (how the
number of themes was chosen), ``touchpoints`` and ``personas`` (themes × outcomes) and ``notes``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from cxlib.i18n import format_number, t
from cxlib.voices.core import VoicesResult, analyze_voices
from cxlib.voices.follow_up import follow_up_list
from cxlib.voices.language import is_read
from cxlib.voices.outcomes import detractor_themes, themes_at_weakest_touchpoints, themes_per_persona

TERMS_SHOWN = 8


@dataclass(frozen=True)
class Voices:
    """The analysis of the comments with its follow-up list and outcome tables."""

    result: VoicesResult
    follow_up: pd.DataFrame | None
    detractor_themes: list[dict] | None
    touchpoint_themes: list[dict]
    persona_themes: list[dict]


def build_voices(
    survey: pd.DataFrame | None,
    *,
    touchpoints: list[str] | None = None,
    persona_of: pd.Series | None = None,
    clv: pd.Series | None = None,
    random_state: int = 0,
) -> Voices | None:
    """Everything about the comments; None when the survey has no comment column."""
    if survey is None or "comment" not in survey.columns:
        return None
    result = analyze_voices(survey, touchpoints=touchpoints, random_state=random_state)
    return voices_of_result(result, persona_of=persona_of, clv=clv)


@dataclass(frozen=True)
class CommentOutcomes:
    """What the analysed comments say about outcomes, whoever the personas are."""

    detractor_themes: list[dict] | None
    touchpoint_themes: list[dict]


def comment_outcomes(result: VoicesResult) -> CommentOutcomes:
    """The themes of detractors against promoters, and at the weakest touchpoints (no persona needed)."""
    return CommentOutcomes(detractor_themes(result), themes_at_weakest_touchpoints(result))


def voices_of_result(
    result: VoicesResult,
    *,
    persona_of: pd.Series | None = None,
    clv: pd.Series | None = None,
    outcomes: CommentOutcomes | None = None,
) -> Voices:
    """The follow-up list and outcome tables of analysed comments (cheap: no text is analysed again).

    The analysis itself knows nothing of personas, so the persona names (words) can change, with the
    language, without analysing the comments again; ``outcomes`` (from :func:`comment_outcomes`) can be
    kept across persona choices too.
    """
    outcomes = comment_outcomes(result) if outcomes is None else outcomes
    return Voices(
        result=result,
        follow_up=follow_up_list(result, persona_of=persona_of, clv=clv),
        detractor_themes=outcomes.detractor_themes,
        touchpoint_themes=outcomes.touchpoint_themes,
        persona_themes=themes_per_persona(result, persona_of),
    )


def unread_languages_note(result: VoicesResult, lang: str = "en") -> str | None:
    """The note on comments written in a language the app does not read, or None when there are none.

    >>> import pandas as pd
    >>> result = analyze_voices(pd.DataFrame({"comment": ["Le prix est trop élevé", "Zu teuer"]}))
    >>> "(French 1)" in unread_languages_note(result, "en")
    True
    """
    unread = {code: count for code, count in result.languages.items() if not is_read(code)}
    if not unread:
        return None
    languages = ", ".join(
        f"{t(f'voices.language.{code}', lang)} {format_number(count, lang)}" for code, count in unread.items()
    )
    return t(
        "voices.note.unread_languages",
        lang,
        count=format_number(sum(unread.values()), lang),
        languages=languages,
    )


def _number(value: float | None, digits: int = 3) -> float | None:
    return None if value is None or not np.isfinite(value) else round(float(value), digits)


def voices_section(voices: Voices, *, lang: str = "en") -> dict:
    """The JSON-ready ``voices`` section (see the module docstring for its keys)."""
    result = voices.result
    comments = result.comments
    notes = []
    if comments.empty:
        notes.append(t("voices.note.no_comments", lang))
    elif not result.themes:
        notes.append(t("voices.note.too_few_for_themes", lang))
    if (unread := unread_languages_note(result, lang)) is not None:
        notes.append(unread)
    if voices.detractor_themes is None and not comments.empty:
        notes.append(t("voices.note.no_nps_groups", lang))
    from_text = comments["sentiment_source"] == "text"
    return {
        "comments": {
            "count": len(comments),
            "languages": result.languages,
            "rows_without_comment": result.rows_without_comment,
        },
        "themes": [
            {
                "label": theme.label,
                "terms": theme.terms[:TERMS_SHOWN],
                "share": theme.share,
                "n": theme.n,
                "mean_recommend": theme.mean_recommend,
                "mean_satisfaction": theme.mean_satisfaction,
                "sentiment": theme.sentiment,
                "examples": theme.examples,
            }
            for theme in result.themes
        ],
        "theme_selection": {"method": "npmi_coherence", "k": result.k, "coherence": result.coherence},
        "detractor_themes": voices.detractor_themes,
        "sentiment": {
            "mean": _number(comments["sentiment"].mean()) if len(comments) else None,
            "from_text": int(from_text.sum()),
            "from_rating": int((comments["sentiment_source"] == "rating").sum()),
            "agreement_with_rating": result.agreement,
        },
        "follow_up": {"count": None if voices.follow_up is None else len(voices.follow_up)},
        "touchpoints": voices.touchpoint_themes,
        "personas": voices.persona_themes,
        "notes": notes,
    }
