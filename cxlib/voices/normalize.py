"""Comments as theme words: lower-cased lemmas without stop words, German compounds merged.

Steps per comment: split into words (letters only; umlauts and ß kept), lower-case, drop stop words of
the comment's language, reduce each word to its lemma with ``simplemma`` (its dictionaries ship inside
its wheel; nothing is downloaded; see :data:`LOW_MEMORY`), then merge German word families across the file:

- a verb meets its noun: "geliefert" → "liefern" → "lieferung" when "Lieferung" occurs in the file;
- a compound splits into its family and its head when both parts occur: "Lieferzeit" → "lieferung"
  + "zeit", "Versandkosten" → "versand" + "kosten", "Kundenservice" → "kunde" + "service".

So "Lieferzeit", "geliefert" and "Lieferung" meet under "lieferung". The merging only uses words seen
in the same file (or known to the lemmatiser), never a fixed topic list.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import simplemma

from cxlib.voices.stopwords import ENGLISH_STOP_WORDS, GERMAN_STOP_WORDS

MAX_CHARS = 5000  # a comment longer than this is analysed on its first 5,000 characters
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words (letters only; "don't" kept whole) and the punctuation that ends a clause (for negation).
_TOKEN = re.compile(r"[^\W\d_]+(?:'t)?|[.!?;:,()\n]|(?<=\s)[-–](?=\s)", re.UNICODE)
_MIN_LENGTH, _MAX_LENGTH = 2, 40
_LINKS = ("", "s", "n", "es", "en")  # German linking elements (Fugen) between compound parts
_MIN_PART = 4
# simplemma's stream backend keeps a dictionary as its decompressed stream with a sparse index: German in
# 17 MB instead of a 1.1-million-entry dict of 131 MB, ready in 0.44 s instead of 0.66 s (the app's first
# German comments wait for it). A lookup decodes at most 32 records, and ``lemma`` caches its answers.
LOW_MEMORY = True


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (letters only; umlauts and ß kept).

    >>> words("Größe passt, Lieferzeit 3 Tage :-)")
    ['größe', 'passt', 'lieferzeit', 'tage']
    """
    found = _WORD.findall(text[:MAX_CHARS].lower())
    return [word for word in found if _MIN_LENGTH <= len(word) <= _MAX_LENGTH]


def tokenize(text: str) -> list[str]:
    """Words as written and clause-ending punctuation, from the first 5,000 characters.

    >>> tokenize("Nicht gut - leider. Don't!")
    ['Nicht', 'gut', '-', 'leider', '.', "Don't", '!']
    """
    return _TOKEN.findall(text[:MAX_CHARS])


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str, noun: bool = False) -> str:
    """The lower-cased lemma of a lower-cased word.

    German: a word written with a capital (``noun=True``) is looked up as a noun first ("Mail" → "mail",
    not the verb "mailen"), otherwise as written first; the other form is the fallback.

    >>> lemma("lieferungen", "de"), lemma("sizes", "en"), lemma("mail", "de", True)
    ('lieferung', 'size', 'mail')
    """
    if lang == "de":
        first, second = (word.capitalize(), word) if noun else (word, word.capitalize())
        found = simplemma.lemmatize(first, lang="de", low_memory=LOW_MEMORY)
        if found == first and not simplemma.is_known(first, lang="de", low_memory=LOW_MEMORY):
            found = simplemma.lemmatize(second, lang="de", low_memory=LOW_MEMORY)
        return found.lower()
    return simplemma.lemmatize(word, lang="en", low_memory=LOW_MEMORY).lower()


@lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    known = functools.partial(simplemma.is_known, lang="de", low_memory=LOW_MEMORY)
    return known(word.capitalize()) or known(word)


def load_dictionaries() -> None:
    """Load the lemmatiser's German and English dictionaries now rather than at the first comment
    (German takes about 0.4 s); a server can do it before anyone waits for comments.

    >>> load_dictionaries()
    >>> lemma("lieferungen", "de")
    'lieferung'
    """
    for lang in ("de", "en"):
        simplemma.is_known("a", lang=lang, low_memory=LOW_MEMORY)


@dataclass(frozen=True)
class NormalizedComments:
    """Theme words per comment and, per theme word, the form most often written (for labels)."""

    tokens: list[list[str]]
    display: dict[str, str]


def _stop_words(lang: str) -> frozenset[str]:
    return GERMAN_STOP_WORDS if lang == "de" else ENGLISH_STOP_WORDS


def _verb_noun(word: str) -> str | None:
    """The "-ung" noun of a German verb ("liefern" → "lieferung", "zahlen" → "zahlung"), else None."""
    if word.endswith(("rn", "ln")):
        return word[:-1] + "ung"
    return word[:-2] + "ung" if word.endswith("en") else None


class _Families:
    """German word families of one file: verb → noun ("liefern" → "lieferung"), compounds → parts."""

    def __init__(self, counts: Counter) -> None:
        self.counts = counts
        self.cache: dict[str, list[str]] = {}

    def family(self, word: str) -> str | None:
        """The family word for a stem or a word ("liefer", "liefern" → "lieferung"), if seen."""
        stem = word[:-2] if word.endswith("en") else word[:-1] if word.endswith(("rn", "ln")) else word
        for candidate in (stem + "ung", word, stem):
            if len(candidate) >= _MIN_PART and self.counts.get(candidate, 0) > 0:
                return candidate
        return None

    def split(self, word: str) -> list[str]:
        """``word`` as its family words: a verb as its noun, a compound as family + head."""
        if word in self.cache:
            return self.cache[word]
        result = [word]
        noun = _verb_noun(word)
        if noun is not None and self.counts.get(noun, 0) > 0:
            result = [noun]
        elif len(word) >= 2 * _MIN_PART:
            result = self._compound(word) or result
        self.cache[word] = result
        return result

    def _compound(self, word: str) -> list[str] | None:
        for cut in range(len(word) - _MIN_PART + 1, _MIN_PART - 1, -1):  # longest head first
            head = word[cut:]
            if not (self.counts.get(head, 0) > 0 or _known(head)):
                continue
            for link in _LINKS:
                left = word[:cut]
                if link and not left.endswith(link):
                    continue
                left = left[: len(left) - len(link)] if link else left
                family = self.family(left) if len(left) >= _MIN_PART else None
                if family is not None:
                    return [family, lemma(head, "de")]
        return None


def _theme_word(original: str, lang: str) -> str | None:
    """The lemma of a written word, or None for a stop word or a word too short or too long."""
    word = original.lower()
    stop = _stop_words(lang)
    if not (_MIN_LENGTH <= len(word) <= _MAX_LENGTH) or word in stop:
        return None
    base = lemma(word, lang, original[:1].isupper())
    return None if base in stop or len(base) < _MIN_LENGTH else base


class _WordCache(dict):
    """Written word → theme word (or None) for one language, computed once per distinct word."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, original: str) -> str | None:
        value = self[original] = _theme_word(original, self.lang)
        return value


def normalize(
    texts: Sequence[str], languages: Sequence[str], *, tokens: Sequence[list[str]] | None = None
) -> NormalizedComments:
    """Theme words of every comment (see the module docstring for the steps).

    Parameters
    ----------
    texts : sequence of str
        The comments exactly as written.
    languages : sequence of str
        ``"de"`` or ``"en"`` per comment (:func:`cxlib.voices.language.detect_languages`).
    tokens : sequence of list of str, optional
        :func:`tokenize` of every text, when already done (the texts are then not read again).

    Examples
    --------
    >>> result = normalize(
    ...     ["Die Lieferung kam spät", "Lieferzeit viel zu lang", "Wurde schnell geliefert"], ["de"] * 3
    ... )
    >>> result.tokens
    [['lieferung', 'kommen', 'spät'], ['lieferung', 'zeit', 'lang'], ['schnell', 'lieferung']]
    >>> result.display["lieferung"]
    'Lieferung'
    """
    if len(texts) != len(languages):
        raise ValueError(f"texts and languages differ in length ({len(texts)} != {len(languages)})")
    caches = {lang: _WordCache(lang) for lang in set(languages)}
    written = {lang: Counter() for lang in caches}
    lemmas: list[tuple[list[str], str]] = []
    if tokens is None:
        tokens = [tokenize(text) for text in texts]
    for found, lang in zip(tokens, languages, strict=True):
        written[lang].update(found)
        lemmas.append(([base for base in map(caches[lang].__getitem__, found) if base is not None], lang))
    surface: dict[str, Counter] = {}
    for lang, counts in written.items():
        for original, count in counts.items():
            base = caches[lang][original]
            if base is not None:
                surface.setdefault(base, Counter())[original] += count
    german = Counter(base for row, lang in lemmas if lang == "de" for base in row)
    families = _Families(german)
    merged = []
    for row, lang in lemmas:
        if lang == "de":
            merged.append([part for base in row for part in families.split(base)])
        else:
            merged.append(row)
    return NormalizedComments(merged, _display_forms(surface, merged))


def _display_forms(surface: dict[str, Counter], tokens: list[list[str]]) -> dict[str, str]:
    """Per theme word how to show it: its most frequent written form when that is the word itself
    ("Lieferung"); else capitalised when most of its written forms were ("Tagen" → "Tag"); a family
    word never written as such (a compound's head or a verb's noun) is a German noun, so capitalised.
    """
    display = {}
    for base, forms in surface.items():
        form = forms.most_common(1)[0][0]
        if form.isupper() and len(form) > 3:  # shouted text ("CHECK"); short acronyms ("TSA") stay
            display[base] = base
        elif form.lower() == base:
            display[base] = form
        else:
            capitals = sum(count for written, count in forms.items() if written[:1].isupper())
            display[base] = base.capitalize() if capitals > forms.total() / 2 else base
    for row in tokens:
        for token in row:
            display.setdefault(token, token.capitalize())
    return display
