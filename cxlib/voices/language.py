"""Which language each comment is written in: German or English, decided per comment.

Mixed files are normal (an English answer in a German survey), so the decision is per comment: the
share of its words that are German function words against the share that are English ones, with
umlauts and ß as extra German evidence. A comment with no evidence either way (a single product word,
an emoji) takes the language of the majority of the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cxlib.voices.normalize import tokenize
from cxlib.voices.stopwords import ENGLISH_FUNCTION_WORDS, GERMAN_FUNCTION_WORDS

LANGUAGES = ("de", "en")

_GERMAN_LETTERS = re.compile(r"[äöüß]", re.IGNORECASE)


def _evidence(text: str, lowered: list[str]) -> int:
    """Positive for German evidence, negative for English, 0 for none."""
    german = sum(word in GERMAN_FUNCTION_WORDS for word in lowered)
    english = sum(word in ENGLISH_FUNCTION_WORDS for word in lowered)
    german += 1 if _GERMAN_LETTERS.search(text[:5000]) else 0
    return german - english


def detect_languages(texts: Sequence[str], *, lowered: Sequence[list[str]] | None = None) -> list[str]:
    """The language (``"de"`` or ``"en"``) of every text.

    Parameters
    ----------
    texts : sequence of str
        The comments (empty strings are allowed).
    lowered : sequence of list of str, optional
        The lower-cased :func:`cxlib.voices.normalize.tokenize` of every text, when already done.

    Returns
    -------
    list of str
        ``"de"`` or ``"en"`` per text; texts without evidence take the majority language.

    Examples
    --------
    >>> detect_languages(["Die Lieferung war zu spät", "The dress is too small", "Top!"])
    ['de', 'en', 'de']
    """
    if lowered is None:
        lowered = [[token.lower() for token in tokenize(text)] for text in texts]
    evidence = [_evidence(text, words) for text, words in zip(texts, lowered, strict=True)]
    german = sum(score > 0 for score in evidence)
    english = sum(score < 0 for score in evidence)
    majority = "en" if english > german else "de"
    return ["de" if score > 0 else "en" if score < 0 else majority for score in evidence]
