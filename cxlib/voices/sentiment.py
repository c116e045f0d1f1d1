"""Tone of each comment from a polarity lexicon, with negation; the rating fills in where words are silent.

Lexicons (licences and provenance in ``cxlib/voices/data/README.md``): German from textblob-de
(Apache-2.0 file header; MIT package), English from VADER (MIT). Per comment:

1. split into clauses at punctuation; look each word up (as written, then as its lemma);
2. a negation ("nicht", "kein", "not", "never", "n't" …) up to three words before a polar word flips its
   sign ("nicht gut" → negative, "not bad" → positive); in German a "nicht" up to four words after the
   polar word in the same clause does too ("Ich empfehle den Shop nicht"), unless it negates the word
   after it ("gut und nicht zu teuer");
3. "zu" / "too" directly before a polar word marks an excess and makes it negative ("zu hoch");
4. the comment's score is the mean polarity of its polar words, from −1 to +1.

A comment without a single polar word has no text score; its rating, rescaled to −1…+1, is used as
fallback (``source == "rating"``), or it stays empty when there is no rating either. The agreement with
the rating (Spearman) is computed on text scores only, so the fallback cannot inflate it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from cxlib.voices.normalize import lemma, tokenize
from cxlib.voices.stopwords import EXCESS_WORDS, NEGATIONS

DATA = Path(__file__).parent / "data"
_BREAKS = frozenset([*".!?;:,()\n-–", "aber", "but", "jedoch", "however", "although", "obwohl"])
_NEGATION_WINDOW = 3
_MODIFIERS = frozenset(["zu", "so", "sehr", "besonders", "ganz", "mehr", "wirklich"])


@lru_cache(maxsize=2)
def lexicon(lang: str) -> dict[str, float]:
    """The polarity lexicon of ``lang`` ("de" or "en"): word → polarity in −1…+1.

    >>> lexicon("de")["gut"], lexicon("en")["bad"]
    (1.0, -0.625)
    """
    if lang not in ("de", "en"):
        raise ValueError(f"lang must be 'de' or 'en', got {lang!r}")
    table: dict[str, float] = {}
    with (DATA / f"{lang}_polarity.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, value = line.rstrip("\n").split("\t")
            table[word] = float(value)
    return table


class _PolarityCache(dict):
    """Lower-cased word → polarity (as written, else as its lemma; None when not polar) for one language."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.table = lexicon(lang)

    def __missing__(self, word: str) -> float | None:
        value = self.table.get(word)
        if value is None and word not in NEGATIONS:
            value = self.table.get(lemma(word, self.lang))
        self[word] = value = value or None
        return value


@lru_cache(maxsize=2)
def _polarities(lang: str) -> _PolarityCache:
    return _PolarityCache(lang)


def _is_negation(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def text_score(text: str, lang: str) -> float:
    """Mean polarity of the polar words of ``text`` after negation; NaN when it has none.

    >>> text_score("Das Kleid ist gut", "de"), text_score("Das Kleid ist nicht gut", "de")
    (1.0, -1.0)
    >>> text_score("not bad at all", "en") > 0, text_score("Die Versandkosten sind zu hoch", "de") < 0
    (True, True)
    >>> text_score("Paket am Dienstag", "de")
    nan
    """
    return token_score([token.lower() for token in tokenize(text)], lang)


def token_score(tokens: list[str], lang: str) -> float:
    """:func:`text_score` of a comment given as its lower-cased tokens (see ``normalize.tokenize``)."""
    if lang not in ("de", "en"):
        raise ValueError(f"lang must be 'de' or 'en', got {lang!r}")
    polarity = _polarities(lang)
    total, count = 0.0, 0
    clause: list[str] = []  # words of the current clause so far
    for position, token in enumerate(tokens):
        if token in _BREAKS:
            clause = []
            continue
        value = polarity[token]
        if value is not None:
            before = clause[-_NEGATION_WINDOW:]
            if any(map(_is_negation, before)) or (
                lang == "de" and _nicht_follows(tokens, position, polarity)
            ):
                value = -value
            elif before and before[-1] in EXCESS_WORDS:
                value = -abs(value)
            total += value
            count += 1
        clause.append(token)
    return total / count if count else float("nan")


def _nicht_follows(tokens: list[str], position: int, polarity: _PolarityCache) -> bool:
    """A German "nicht" later in the same clause (up to four words on) that negates the verb before it
    ("Ich empfehle den Shop nicht"), not a word after it ("gut und nicht zu teuer")."""
    for offset, token in enumerate(tokens[position + 1 : position + 5], start=position + 1):
        if token in _BREAKS:
            return False
        if token == "nicht":
            following = tokens[offset + 1] if offset + 1 < len(tokens) else "."
            return following in _BREAKS or (following not in _MODIFIERS and polarity[following] is None)
    return False


@dataclass(frozen=True)
class SentimentScores:
    """Per comment: the score (−1…+1, NaN when unknown) and where it came from ("text"/"rating"/"")."""

    score: np.ndarray
    source: np.ndarray


def rescale_rating(rating: pd.Series) -> pd.Series:
    """A rating rescaled to −1…+1 over its observed range (0–10 recommend: 0 → −1, 5 → 0, 10 → +1).

    A 0–10 recommend score is rescaled over 0–10 whatever was observed; other ratings over their
    observed minimum and maximum (the assumption: both ends of the scale were used at least once).

    >>> rescale_rating(pd.Series([0, 5, 10])).tolist()
    [-1.0, 0.0, 1.0]
    """
    values = pd.to_numeric(rating, errors="coerce").astype("float64")
    low, high = values.min(), values.max()
    if not np.isfinite(low) or high == low:
        return pd.Series(np.nan, index=rating.index)
    if low >= 0 and high <= 10 and high > 5:
        low, high = 0.0, 10.0
    return (values - low) / (high - low) * 2 - 1


def score_comments(
    texts: Sequence[str],
    languages: Sequence[str],
    rating: pd.Series | None,
    *,
    lowered: Sequence[list[str]] | None = None,
) -> SentimentScores:
    """Text scores per comment, with the rescaled rating where the text has no polar word.

    ``lowered`` are the comments' lower-cased tokens when already split (the texts are then not read).
    """
    if lowered is None:
        lowered = [[token.lower() for token in tokenize(text)] for text in texts]
    text = np.array([token_score(tokens, lang) for tokens, lang in zip(lowered, languages, strict=True)])
    source = np.where(np.isnan(text), "", "text").astype(object)
    score = text.copy()
    if rating is not None:
        fallback = rescale_rating(rating).to_numpy(dtype="float64")
        use = np.isnan(score) & ~np.isnan(fallback)
        score[use] = fallback[use]
        source[use] = "rating"
    return SentimentScores(score, source)


def agreement_with_rating(scores: SentimentScores, rating: pd.Series | None) -> dict:
    """Spearman correlation of the text scores with the rating, on comments scored from text.

    Returns ``{"spearman": rho or None, "n": pairs, "p_value": p or None}``.
    """
    if rating is None:
        return {"spearman": None, "n": 0, "p_value": None}
    values = pd.to_numeric(rating, errors="coerce").to_numpy(dtype="float64")
    use = (scores.source == "text") & ~np.isnan(values)
    n = int(use.sum())
    if n < 3 or np.unique(values[use]).size < 2 or np.unique(scores.score[use]).size < 2:
        return {"spearman": None, "n": n, "p_value": None}
    rho, p_value = spearmanr(scores.score[use], values[use])
    return {"spearman": round(float(rho), 3), "n": n, "p_value": float(p_value)}
