"""Which language each comment is written in, decided per comment.

Mixed files are normal (an English answer in a German survey), so the decision is per comment: the
share of its words that are German function words against the share that are English ones, with
umlauts and ß as extra German evidence. A comment with no evidence either way (a single product word,
an emoji) takes the language of the majority of the file.

The app reads German and English only (:data:`LANGUAGES`). A comment with at least
:data:`MIN_OTHER_WORDS` function words of French, Spanish, Italian, Dutch or Portuguese, more than it has
German or English ones, gets that language's code (:data:`OTHER_LANGUAGES`): it is counted, never
scored or themed with a German or English dictionary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cxlib.voices.normalize import tokenize
from cxlib.voices.stopwords import ENGLISH_FUNCTION_WORDS, GERMAN_FUNCTION_WORDS, OTHER_FUNCTION_WORDS

LANGUAGES = ("de", "en")
OTHER_LANGUAGES = tuple(sorted(OTHER_FUNCTION_WORDS))
MIN_OTHER_WORDS = 2
# A comment of this many words with one such word and no German or English one is in that language too.
MIN_WORDS_FOR_ONE = 4

_GERMAN_LETTERS = re.compile(r"[äöüß]", re.IGNORECASE)


def _evidence(text: str, lowered: list[str]) -> tuple[int, str | None]:
    """German minus English evidence (positive: German), and the other language the comment is written
    in when its function words outnumber both."""
    german = sum(word in GERMAN_FUNCTION_WORDS for word in lowered)
    english = sum(word in ENGLISH_FUNCTION_WORDS for word in lowered)
    german += 1 if _GERMAN_LETTERS.search(text[:5000]) else 0
    other, count = max(
        ((code, sum(word in words for word in lowered)) for code, words in OTHER_FUNCTION_WORDS.items()),
        key=lambda pair: pair[1],
    )
    alone = count == 1 and not german and not english and len(lowered) >= MIN_WORDS_FOR_ONE
    written_in = other if (count >= MIN_OTHER_WORDS and count > max(german, english)) or alone else None
    return german - english, written_in


def is_read(language: str) -> bool:
    """Whether the app reads comments in ``language`` (tone, themes): German and English.

    >>> is_read("de"), is_read("fr")
    (True, False)
    """
    return language in LANGUAGES


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
        ``"de"`` or ``"en"`` per text, or one of :data:`OTHER_LANGUAGES` for a text written in it; texts
        without evidence take the majority of German and English.

    Examples
    --------
    >>> detect_languages(["Die Lieferung war zu spät", "The dress is too small", "Top!",
    ...                   "La livraison était trop lente"])
    ['de', 'en', 'de', 'fr']
    """
    if lowered is None:
        lowered = [[token.lower() for token in tokenize(text)] for text in texts]
    evidence = [_evidence(text, words) for text, words in zip(texts, lowered, strict=True)]
    german = sum(score > 0 for score, other in evidence if other is None)
    english = sum(score < 0 for score, other in evidence if other is None)
    majority = "en" if english > german else "de"
    return [other or ("de" if score > 0 else "en" if score < 0 else majority) for score, other in evidence]
