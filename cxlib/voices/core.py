"""Voice of the customer: one call from a survey's comments to themes, tone and the comment table.

:func:`analyze_voices` detects each comment's language, finds themes, scores the tone and returns a
:class:`VoicesResult` whose ``comments`` table (one row per non-empty comment, the text exactly as
written) carries everything the outcome comparisons, the follow-up list, the persona lines and the page
need.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from cxlib.voices.language import detect_languages, is_read
from cxlib.voices.normalize import normalize, tokenize
from cxlib.voices.sentiment import agreement_with_rating, score_comments
from cxlib.voices.themes import K_RANGE, ThemeModel, fit_themes

MAX_EXAMPLES = 3
_EXAMPLE_CHARS = 400  # examples are chosen among comments up to this length when there are enough


@dataclass(frozen=True)
class Theme:
    """One theme: label, top words, share of comments, mean scores, tone and verbatim examples."""

    index: int
    label: str
    terms: list[str]
    n: int
    share: float
    mean_recommend: float | None
    mean_satisfaction: float | None
    sentiment: float | None
    examples: list[str]


@dataclass(frozen=True)
class VoicesResult:
    """Everything computed from the comments.

    ``comments`` has, per non-empty comment: ``row`` (position in the survey), ``text`` (exactly as
    written), ``language``, ``theme`` (index or -1), ``theme_label``, ``theme_weight``, ``sentiment``
    (−1…+1), ``sentiment_source`` ("text", "rating" or ""), and when the survey has them
    ``customer_id``, ``response_date``, ``recommend``, ``satisfaction`` and the touchpoint columns.
    """

    comments: pd.DataFrame
    themes: list[Theme]
    agreement: dict
    k: int | None
    coherence: dict[int, float] = field(default_factory=dict)
    rows_without_comment: int = 0
    touchpoints: list[str] = field(default_factory=list)

    @property
    def languages(self) -> dict[str, int]:
        """Number of comments per language."""
        counts = self.comments["language"].value_counts()
        return {str(lang): int(counts[lang]) for lang in sorted(counts.index)}


def comment_texts(survey: pd.DataFrame) -> pd.Series:
    """The survey's non-empty comments (exact text; whitespace-only counts as empty), indexed by row."""
    if "comment" not in survey.columns:
        return pd.Series([], dtype="str")
    values = survey["comment"].reset_index(drop=True)
    text = values.astype("str").where(values.notna(), "")
    return text[text.str.strip() != ""]


def _rating(frame: pd.DataFrame) -> pd.Series | None:
    for column in ("recommend", "satisfaction"):
        if column in frame.columns and pd.to_numeric(frame[column], errors="coerce").notna().any():
            return pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return None


def _mean(values: pd.Series) -> float | None:
    values = pd.to_numeric(values, errors="coerce").dropna()
    return round(float(values.mean()), 2) if len(values) else None


def _examples(members: pd.DataFrame) -> list[str]:
    """Up to three distinct comments that weigh most on the theme, preferring readable lengths."""
    ranked = members.assign(long=members["text"].str.len() > _EXAMPLE_CHARS).sort_values(
        ["long", "theme_weight", "row"], ascending=[True, False, True]
    )
    return list(dict.fromkeys(ranked["text"]))[:MAX_EXAMPLES]


def _themes(comments: pd.DataFrame, model: ThemeModel) -> list[Theme]:
    themes = []
    for index, label in enumerate(model.labels):
        members = comments[comments["theme"] == index]
        themes.append(
            Theme(
                index=index,
                label=label,
                terms=model.terms[index],
                n=len(members),
                share=round(len(members) / len(comments), 4) if len(comments) else 0.0,
                mean_recommend=_mean(members["recommend"]) if "recommend" in members else None,
                mean_satisfaction=_mean(members["satisfaction"]) if "satisfaction" in members else None,
                sentiment=_mean(members["sentiment"]),
                examples=_examples(members),
            )
        )
    # A theme no comment belongs to most is a word list, not a theme.
    return sorted((theme for theme in themes if theme.n), key=lambda theme: (-theme.n, theme.index))


def analyze_voices(
    survey: pd.DataFrame,
    *,
    touchpoints: list[str] | None = None,
    k_range: tuple[int, int] = K_RANGE,
    random_state: int = 0,
) -> VoicesResult:
    """Themes, tone and the comment table of a validated survey (wide shape, ``comment`` role column).

    Parameters
    ----------
    survey : DataFrame
        Columns named by role: ``comment`` (required for a result with rows), optionally
        ``recommend``, ``satisfaction``, ``customer_id``, ``response_date`` and the touchpoints.
    touchpoints : list of str, optional
        Touchpoint rating columns carried into the comment table (for themes × touchpoints).
    k_range : (int, int)
        Range of theme counts tried (chosen by NPMI coherence, see :mod:`cxlib.voices.themes`).
    random_state : int
        Seed for NMF and for the sample used to choose the number of themes.

    Examples
    --------
    >>> survey = pd.DataFrame({"comment": ["Lieferung kam spät", None, "  ", "Super Qualität!"],
    ...                        "recommend": [3, 9, 8, 10]})
    >>> result = analyze_voices(survey)
    >>> len(result.comments), result.rows_without_comment, result.languages
    (2, 2, {'de': 2})
    >>> result.comments[["sentiment", "sentiment_source"]].round(2).values.tolist()
    [[-0.4, 'rating'], [0.85, 'text']]
    """
    if not isinstance(survey, pd.DataFrame):
        raise ValueError(f"survey must be a DataFrame, got {type(survey).__name__}")
    touchpoints = [column for column in (touchpoints or []) if column in survey.columns]
    texts = comment_texts(survey)
    frame = survey.reset_index(drop=True).loc[texts.index]
    carried = [c for c in ("customer_id", "response_date", "recommend", "satisfaction") if c in frame]
    comments = pd.DataFrame({"row": texts.index.to_numpy(), "text": texts.to_numpy()})
    for column in [*carried, *touchpoints]:
        comments[column] = frame[column].to_numpy()
    text = comments["text"].tolist()
    tokens = [tokenize(body) for body in text]  # each comment is read once
    lowered = [[token.lower() for token in row] for row in tokens]
    languages = detect_languages(text, lowered=lowered)
    comments["language"] = languages
    # A comment in a language the app cannot read has no words for themes or text tone (its rating,
    # when there is one, still gives its tone); it is counted under its language.
    read = [is_read(lang) for lang in languages]
    lowered = [words if ok else [] for words, ok in zip(lowered, read, strict=True)]
    tokens = [words if ok else [] for words, ok in zip(tokens, read, strict=True)]
    readable = [lang if ok else "en" for lang, ok in zip(languages, read, strict=True)]
    rating = _rating(comments)
    scores = score_comments(text, readable, rating, lowered=lowered)
    comments["sentiment"] = scores.score
    comments["sentiment_source"] = scores.source
    normalized = normalize(text, readable, tokens=tokens)
    model = fit_themes(
        normalized.tokens, display=normalized.display, k_range=k_range, random_state=random_state
    )
    if model is None:
        comments["theme"], comments["theme_weight"], comments["theme_label"] = -1, 0.0, None
        themes: list[Theme] = []
    else:
        comments["theme"] = model.assignment
        comments["theme_weight"] = model.weight
        labels = np.array([*model.labels, None], dtype=object)
        comments["theme_label"] = labels[model.assignment]
        themes = _themes(comments, model)
    return VoicesResult(
        comments=comments,
        themes=themes,
        agreement=agreement_with_rating(scores, rating),
        k=None if model is None else model.k,
        coherence={} if model is None else model.coherence,
        rows_without_comment=len(survey) - len(comments),
        touchpoints=touchpoints,
    )
