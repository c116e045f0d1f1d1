"""Questionnaire understanding: which survey columns are rating items, on which scale, in which direction.

A survey export is read the way an analyst reads it with the codebook at hand:

- **Scales per questionnaire, not per column.** Rating candidates (small whole numbers, Likert words)
  that share a question stem (``Q7ART``, ``Q7WIFI`` → ``Q7``) or exactly the same answer set are one
  *family*; the family's pooled answers decide one scale for all of its items.
- **Non-answer codes** are values outside that scale's range that a codebook would call blank or not
  applicable: a top value that behaves unlike a scale point (SFO ``6`` = never used after 1–5: its share
  jumps from item to item, or the counts dip and rise again at the edge), anything above 10 after a 0–10
  scale (SFO ``11`` = blank), a ``0`` below a short 1–k scale (Skytrax ``0`` = not rated), and words such
  as ``BLANK``, "n/a", "don't know", "weiß nicht". They are excluded and counted per item.
- **Likert words** (EN/DE agreement, frequency, satisfaction and quality scales) are read as points 1–5.
- **Kinds**: a rating item, an *outcome* (overall satisfaction, recommend, repurchase, churn: never a
  touchpoint), a 0–10 recommend item (the NPS source), NPS group words, a 0/1 recommend flag, a recommend
  item on another scale, a bipolar item ("too slow … just right … too fast"), coded answers that are not
  ratings (age bands, yes/no codes), free text, a survey weight.
- **Direction**: items whose header says higher means worse (difficulty, effort, waiting, problems) are
  ``higher_worse`` and left out of the journey curve.

Everything is returned as :class:`cxlib.tables.ColumnMeaning` with language-neutral evidence codes
(words for users come from the string table, keys ``evidence.<code>``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from cxlib.column_view import evidence_text  # re-exported: the one way evidence is put in words
from cxlib.messages import Message
from cxlib.tables import ColumnMeaning, Evidence

__all__ = [
    "Family",
    "ItemProfile",
    "Questionnaire",
    "code_only_header",
    "company_reply_word",
    "employee_headers",
    "employee_item",
    "end_label_points",
    "evidence_text",
    "header_anchors",
    "is_nonanswer",
    "labelled_numbers",
    "likert_points",
    "likert_scale",
    "mostly_beyond_scales",
    "names_recommendation",
    "nps_groups",
    "personal_field_word",
    "placeholder_comment",
    "placeholder_comments",
    "profile_column",
    "read_questionnaire",
    "resolve_scale",
    "satisfied_words",
    "stated_scale",
    "unlabelled_ten_point_items",
    "words_of",
]

#: Rating scales an item can have, narrowest first. 0–5/0–7 are not listed: a 0 below a short
#: scale is read as a non-answer code.
SHORT_SCALES: tuple[tuple[int, int], ...] = ((1, 4), (1, 5), (1, 6), (1, 7))
#: Scales on which a recommend item gives an NPS.
NPS_SCALES: tuple[tuple[int, int], ...] = ((0, 10), (1, 10))
#: Codes far outside any scale that questionnaires use for "don't know" / "refused"; -77 and -66 are
#: Unipark/Tivian EFS's "item not shown" and "dropped out before it", -88/-97/-98 the SPSS-style
#: "not applicable" / "refused" / "don't know".
FAR_CODES = frozenset({-99, -98, -97, -88, -77, -66, -9, -1, 77, 88, 97, 98, 99, 999})
#: At most this many rows are looked at to profile a column when a sample is asked for.
SAMPLE_ROWS = 5000
#: A battery (rating items of one question) has at least this many items.
BATTERY_SIZE = 3
#: Items with this many answers must use at least three scale points to count as ratings.
MIN_ANSWERS_FOR_SPREAD = 30


def words_of(text: object) -> str:
    """Lower-case words of a header or cell: umlauts spelled out, accents dropped, camelCase and
    digits split from letters, everything else one space.

    Examples
    --------
    >>> words_of("Q7ALL"), words_of("Q20Age"), words_of("staff_service_rating")
    ('q 7 all', 'q 20 age', 'staff service rating')
    >>> words_of("Weiß nicht"), words_of("HourSpendOnApp")
    ('weiss nicht', 'hour spend on app')
    """
    raw = re.sub(r"(?<=[a-zäöü])(?=[A-ZÄÖÜ])", " ", str(text))
    raw = raw.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    raw = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    raw = re.sub(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])", " ", raw)
    return " ".join(re.split(r"[^a-z0-9]+", raw)).strip()


def has_term(words: str, terms: Iterable[str], *, inner: bool = True) -> str | None:
    """The first term found in ``words``: phrases and short terms as whole words, terms of five or more
    letters also inside a word when ``inner`` (German compounds, glued headers such as ``TIMESFLOWN``).

    Examples
    --------
    >>> has_term("q 5 timesflown", ("times",)), has_term("q 5 timesflown", ("times",), inner=False)
    ('times', None)
    """
    padded, tokens = f" {words} ", words.split()
    for term in terms:
        if " " in term:
            if f" {term} " in padded:
                return term
            continue
        whole = term in tokens or term + "s" in tokens
        if whole or (inner and len(term) >= 5 and any(term in w for w in tokens)):
            return term
    return None


# --- vocabularies (normalised with words_of) ----------------------------------------------------------

NONANSWER_WORDS = frozenset(
    words_of(w)
    for w in (
        "blank", "n/a", "na", "n.a.", "not applicable", "not rated", "no answer", "none", "never used",
        "did not use", "didn't use", "not used", "don't know", "dont know", "do not know", "unknown",
        "refused", "prefer not to say", "prefer not to answer", "no opinion", "can't say", "cannot say",
        "can't judge", "cannot judge", "unable to judge", "does not apply", "not relevant", "no experience",
        "weiß nicht", "weiss nicht", "keine angabe", "k.a.", "ka", "nicht zutreffend", "trifft nicht zu",
        "entfällt", "nicht genutzt", "nicht bewertet", "keine meinung", "unbekannt", "kann ich nicht sagen",
        "kann ich nicht beurteilen", "nicht beurteilbar", "keine erfahrung", "nicht relevant", "-", "?",
    )
)  # fmt: skip
_ALTERNATIVES = re.compile(r"\s*(?:/|\||;|\bor\b|\boder\b)\s*")


def is_nonanswer(text: object) -> bool:
    """Whether an answer says "no answer" (blank, don't know, not applicable), also as a pair of such
    words ("Don't know / N/A", "weiß nicht oder keine Angabe").

    Examples
    --------
    >>> is_nonanswer("Weiß nicht / keine Angabe"), is_nonanswer("N/A"), is_nonanswer("Teils/teils")
    (True, True, False)
    """
    raw = str(text).strip().lower()
    if words_of(raw) in NONANSWER_WORDS or raw in NONANSWER_WORDS:
        return True
    parts = [part for part in _ALTERNATIVES.split(raw) if part.strip()]
    return len(parts) > 1 and all(words_of(part) in NONANSWER_WORDS for part in parts)


# --- Likert answer words: the scales they come from -------------------------------------------------------
#
# Answer words are read as points of a known answer scale, worst answer = 1, never one word at a time:
# "Somewhat agree" is 4 of 5 on Qualtrics' 5-point agreement scale and 5 of 7 on the 7-point one. Bipolar
# scales (dissatisfied … satisfied, disagree … agree, unlikely … likely, unimportant … important) are
# built from their poles and a ladder of strength words (extremely/strongly > very > plain/moderately >
# somewhat/slightly; DE äußerst/voll und ganz > sehr > ziemlich > eher/etwas), with and without a middle
# answer, so that every published 4- to 7-point variant is one of them; unipolar ("not at all … extremely
# satisfied", Rohrmann's "gar nicht … sehr") and the ordered lists of quality, school grades and frequency
# are written out. Sources of the anchors: Qualtrics' and SurveyMonkey's answer presets, Vagias (2006)
# "Likert-type scale response anchors", Artino et al. (2014, Med Teach 36:463) for uni- and bipolar
# anchors, Rohrmann (1978) for German intensity words, the German school grades (sehr gut … ungenügend).

#: What the answers of a scale are about. Satisfaction, agreement and quality rate an experience (a
#: touchpoint can be rated on them); the others are ordered, read as points, but say something else.
RATED_DIMENSIONS = ("satisfaction", "agreement", "quality")
ORDINAL_DIMENSIONS = ("likelihood", "importance", "frequency")

#: Strength words of bipolar scales, by class: strongest (S), very (V), plain or moderate (B), weak (W).
_STRENGTH = {
    "S": ("extremely", "completely", "totally", "absolutely", "fully", "entirely", "strongly", "perfectly",
          "äußerst", "völlig", "vollkommen", "voll und ganz", "voll", "absolut", "höchst", "überaus",
          "extrem"),
    "V": ("very", "sehr"),
    "B": ("", "moderately", "mostly", "quite", "fairly", "generally", "ziemlich", "überwiegend",
          "weitgehend"),
    "W": ("somewhat", "slightly", "a little", "a bit", "mildly", "rather", "partly", "partially", "eher",
          "etwas", "leicht"),
}  # fmt: skip
#: Middle answers every bipolar scale may have.
_MIDDLE = ("neutral", "neither", "neither nor", "undecided", "weder noch", "teils teils", "mittel",
           "unentschieden")  # fmt: skip
#: Bipolar scales: dimension, positive and negative templates ({a} = a strength word), negative words
#: without a template by class, and middle answers.
_BIPOLAR = (
    ("satisfaction", ("{a} satisfied",), ("{a} dissatisfied", "{a} unsatisfied"),
     {"S": ("not at all satisfied", "not satisfied at all"), "B": ("not satisfied",)},
     ("neither satisfied nor dissatisfied", "neither satisfied nor unsatisfied",
      "neither dissatisfied nor satisfied")),
    ("satisfaction", ("{a} zufrieden",), ("{a} unzufrieden",),
     {"S": ("überhaupt nicht zufrieden", "gar nicht zufrieden", "ganz und gar nicht zufrieden"),
      "B": ("nicht zufrieden",), "W": ("eher nicht zufrieden",)},
     ("weder zufrieden noch unzufrieden", "teils zufrieden teils unzufrieden")),
    ("agreement", ("{a} agree", "agree {a}"), ("{a} disagree", "disagree {a}"), {},
     ("neither agree nor disagree", "neither agree or disagree", "neither disagree nor agree")),
    ("agreement", ("stimme {a} zu", "trifft {a} zu"),
     ("stimme {a} nicht zu", "trifft {a} nicht zu", "lehne {a} ab"),
     {"S": ("stimme überhaupt nicht zu", "stimme gar nicht zu", "stimme ganz und gar nicht zu",
            "trifft überhaupt nicht zu", "trifft gar nicht zu", "trifft ganz und gar nicht zu")},
     ("stimme teilweise zu", "trifft teilweise zu", "trifft teils teils zu",
      "weder zustimmung noch ablehnung")),
    ("likelihood", ("{a} likely",), ("{a} unlikely",),
     {"S": ("not at all likely", "not likely at all"), "B": ("not likely",)},
     ("neither likely nor unlikely", "neither unlikely nor likely")),
    ("likelihood", ("{a} wahrscheinlich",), ("{a} unwahrscheinlich",),
     {"S": ("überhaupt nicht wahrscheinlich", "gar nicht wahrscheinlich"), "B": ("nicht wahrscheinlich",),
      "W": ("eher nicht wahrscheinlich",)},
     ("weder wahrscheinlich noch unwahrscheinlich",)),
    ("importance", ("{a} important",), ("{a} unimportant",),
     {"S": ("not at all important", "not important at all"), "B": ("not important",)},
     ("neither important nor unimportant",)),
    ("importance", ("{a} wichtig",), ("{a} unwichtig",),
     {"S": ("überhaupt nicht wichtig", "gar nicht wichtig"), "B": ("nicht wichtig",),
      "W": ("eher nicht wichtig", "weniger wichtig")},
     ("weder wichtig noch unwichtig",)),
)  # fmt: skip
#: Unipolar scales (none … extreme), five points: dimension, template, strength words per point.
_UNIPOLAR_EN = (("not at all", "not"), ("slightly", "a little", "somewhat"), ("moderately", "fairly"),
                ("very", "quite"), ("extremely", "completely", "absolutely"))  # fmt: skip
_UNIPOLAR_DE = (("gar nicht", "überhaupt nicht", "nicht"), ("wenig", "kaum", "etwas"),
                ("mittelmäßig", "teils teils", "teilweise", "einigermaßen"), ("ziemlich", "überwiegend"),
                ("sehr", "völlig", "äußerst", "außerordentlich", "voll und ganz"))  # fmt: skip
_UNIPOLAR = (
    ("satisfaction", "{a} satisfied", _UNIPOLAR_EN), ("importance", "{a} important", _UNIPOLAR_EN),
    ("likelihood", "{a} likely", _UNIPOLAR_EN), ("satisfaction", "{a} zufrieden", _UNIPOLAR_DE),
    ("importance", "{a} wichtig", _UNIPOLAR_DE), ("likelihood", "{a} wahrscheinlich", _UNIPOLAR_DE),
    ("agreement", "trifft {a} zu", _UNIPOLAR_DE), ("agreement", "stimme {a} zu", _UNIPOLAR_DE),
)  # fmt: skip
# Ordered lists, worst first, most common first among lists of one length.
_VERY_POOR = ("very poor", "terrible", "very bad", "awful", "extremely poor")
_POOR = ("poor", "bad")
_FAIR = ("fair", "average", "ok", "okay", "acceptable", "neutral", "neither good nor bad")
_EXCELLENT = ("excellent", "outstanding", "exceptional")
_SCHLECHT = ("schlecht",)
_MITTEL = ("mittelmäßig", "mittel", "teils teils", "weder gut noch schlecht", "durchschnittlich", "neutral")
_AUSGEZEICHNET = ("ausgezeichnet", "hervorragend", "exzellent")
_LISTS = (
    ("quality", (_POOR, _FAIR, ("good",), ("very good",), _EXCELLENT)),
    ("quality", (_VERY_POOR, _POOR, _FAIR, ("good",), ("very good",))),
    ("quality", (_VERY_POOR, _POOR, _FAIR, ("good",), _EXCELLENT)),
    ("quality", (_VERY_POOR, _POOR, _FAIR, ("good",), ("very good",), _EXCELLENT)),
    ("quality", (_POOR, _FAIR, ("good",), _EXCELLENT)),
    ("quality", (_VERY_POOR, _POOR, ("good",), ("very good",))),
    ("quality", (("far below average", "well below average"), ("below average",), ("average",),
                 ("above average",), ("far above average", "well above average"))),
    ("quality", (("ungenügend", "sehr mangelhaft"), ("mangelhaft",), ("ausreichend",), ("befriedigend",),
                 ("gut",), ("sehr gut",))),
    ("quality", (("sehr schlecht",), _SCHLECHT, _MITTEL, ("gut",), ("sehr gut",))),
    ("quality", (_SCHLECHT, ("weniger gut",), ("gut",), ("sehr gut",), _AUSGEZEICHNET)),
    ("quality", (_SCHLECHT, _MITTEL, ("gut",), ("sehr gut",), _AUSGEZEICHNET)),
    ("quality", (("sehr schlecht",), _SCHLECHT, ("gut",), ("sehr gut",))),
    ("frequency", (("never",), ("rarely", "seldom"), ("sometimes", "occasionally"),
                   ("often", "frequently", "usually", "most of the time"), ("always",))),
    ("frequency", (("never",), ("sometimes",), ("usually",), ("always",))),
    ("frequency", (("never",), ("almost never", "hardly ever"), ("sometimes",), ("almost always",),
                   ("always",))),
    ("frequency", (("never",), ("rarely", "seldom"), ("sometimes", "occasionally"), ("often", "frequently"),
                   ("very often", "very frequently"), ("always",))),
    ("frequency", (("nie", "niemals"), ("selten",), ("manchmal", "gelegentlich"),
                   ("oft", "häufig", "meistens"), ("immer",))),
    ("frequency", (("nie", "niemals"), ("fast nie", "kaum"), ("manchmal",), ("fast immer",), ("immer",))),
    ("frequency", (("nie", "niemals"), ("selten",), ("manchmal", "gelegentlich"), ("oft", "häufig"),
                   ("sehr oft", "sehr häufig"), ("immer",))),
    ("importance", (("unimportant", "not important"), ("of little importance", "low importance"),
                    ("moderately important",), ("important",), ("very important",))),
    ("likelihood", (("definitely will not", "definitely would not", "definitely not"),
                    ("probably will not", "probably would not", "probably not"),
                    ("might or might not", "may or may not", "maybe", "not sure"),
                    ("probably will", "probably would", "probably"),
                    ("definitely will", "definitely would", "definitely"))),
    ("likelihood", (("bestimmt nicht", "sicher nicht", "auf keinen fall"), ("wahrscheinlich nicht",),
                    ("vielleicht",), ("wahrscheinlich",), ("bestimmt", "ganz sicher", "auf jeden fall"))),
)  # fmt: skip


@dataclass(frozen=True)
class LikertScale:
    """One answer scale written as words: its dimension, the words of each point (worst first), whether
    it has a middle answer and whether it runs from one pole to its opposite. ``key`` names it (kept in
    the evidence, so validation reads the same scale the questionnaire chose)."""

    key: str
    dimension: str
    levels: tuple[frozenset[str], ...]
    midpoint: bool
    bipolar: bool = False

    @property
    def points(self) -> int:
        """The number of answer points (the scale runs 1 … points)."""
        return len(self.levels)

    def point(self, word: str) -> int | None:
        """The point (1 = worst) of a normalised answer word, None when the scale has no such word."""
        return next((i + 1 for i, words in enumerate(self.levels) if word in words), None)


@cache
def _spelled(template: str, strength: str) -> str:
    return words_of(template.format(a=strength))


def _pole_words(strength: str, templates: tuple, extra: dict, end: str | None) -> frozenset[str]:
    """The words of one pole at one strength class; the class ``end`` also takes the plain words
    ("trifft nicht zu", not "moderately" or "ziemlich")."""
    found = {_spelled(t, a) for t in templates for a in _STRENGTH[strength]}
    found |= {_spelled(w, "") for w in extra.get(strength, ())}
    if strength == end:
        found |= {_spelled(t, "") for t in templates} | {_spelled(w, "") for w in extra.get("B", ())}
    return frozenset(found)


def _bipolar_scales() -> list[LikertScale]:
    """Every bipolar scale: each dimension's poles on a ladder of one to three strength classes, with and
    without a middle answer. A ladder of one strong class and at most the weak words ("trifft voll zu,
    trifft eher zu, trifft eher nicht zu, trifft nicht zu"; "sehr wichtig, eher wichtig, teils/teils,
    eher unwichtig, unwichtig") also takes the plain words at its ends."""
    from itertools import combinations

    found = []
    generic_middle = frozenset(words_of(w) for w in _MIDDLE)
    for number, (dimension, positive, negative, extra, middle) in enumerate(_BIPOLAR):
        middle_level = generic_middle | {words_of(w) for w in middle}
        for size in (1, 2, 3):
            for ladder in combinations("SVBW", size):  # strongest first
                end = ladder[0] if ladder in (("S",), ("V",), ("S", "W"), ("V", "W")) else None
                neg = [_pole_words(c, negative, extra, end) for c in ladder]
                pos = [_pole_words(c, positive, {}, end) for c in reversed(ladder)]
                name = f"{dimension}.{number}.{''.join(ladder)}"
                found.append(LikertScale(f"{name}.mid", dimension, (*neg, middle_level, *pos), True, True))
                found.append(LikertScale(name, dimension, (*neg, *pos), False, True))
    return found


def _known_scales() -> tuple[LikertScale, ...]:
    scales = _bipolar_scales()
    for number, (dimension, template, ladder) in enumerate(_UNIPOLAR):
        levels = tuple(frozenset(_spelled(template, a) for a in words) for words in ladder)
        scales.append(LikertScale(f"{dimension}.unipolar.{number}", dimension, levels, True))
    for number, (dimension, lists) in enumerate(_LISTS):
        levels = tuple(frozenset(words_of(w) for w in words) for words in lists)
        scales.append(LikertScale(f"{dimension}.list.{number}", dimension, levels, len(levels) % 2 == 1))
    return tuple(scales)


#: Every known answer scale, and the scales each normalised word belongs to.
LIKERT_SCALES: tuple[LikertScale, ...] = _known_scales()
_SCALE_BY_KEY = {scale.key: scale for scale in LIKERT_SCALES}


def _scales_of_words(scales: Sequence[LikertScale]) -> dict[str, frozenset[int]]:
    """Normalised word -> the positions of the scales that have it."""
    found: dict[str, set[int]] = {}
    for index, scale in enumerate(scales):
        for level in scale.levels:
            for word in level:
                found.setdefault(word, set()).add(index)
    return {word: frozenset(indices) for word, indices in found.items()}


_SCALES_OF_WORD = _scales_of_words(LIKERT_SCALES)
#: Every answer word of a known scale.
LIKERT_WORDS = frozenset(_SCALES_OF_WORD)


def likert_scale(words: Iterable[str]) -> tuple[LikertScale | None, LikertScale | None]:
    """The answer scale of a question from the (normalised) answer words given: the smallest known scale
    that has each of them on a point of its own, two points or more, so that a 7-point question nobody
    answered with its lowest word is still read on 1–7. Among scales of that size, one whose best answer
    was given comes first (customers' ratings lean to the top: an unused answer is rather the worst than
    the best), then the more common one. Also a rival: another scale of that size that would give some
    of the words other points (then the choice is an assumption).

    Examples
    --------
    >>> words = ["moderately satisfied", "slightly dissatisfied", "extremely satisfied"]
    >>> scale, rival = likert_scale([*words, "neither satisfied nor dissatisfied"])
    >>> scale.points, scale.point("slightly dissatisfied"), rival
    (7, 3, None)
    >>> likert_scale(words)[0].points  # no middle answer given: a forced choice without one
    6
    >>> scale, rival = likert_scale(["somewhat agree", "strongly agree", "neither agree nor disagree"])
    >>> scale.points, scale.point("somewhat agree")
    (5, 4)
    >>> scale, rival = likert_scale(["poor", "fair", "good", "very good"])
    >>> (scale.points, scale.point("poor")), (rival.points, rival.point("poor"))
    ((5, 2), (5, 1))
    >>> likert_scale(["agree", "good"]), likert_scale(["neutral", "neither"])
    ((None, None), (None, None))
    """
    needed = set(words)
    if not needed or not needed <= LIKERT_WORDS:
        return None, None
    shared = frozenset.intersection(*(_SCALES_OF_WORD[word] for word in needed))
    ranked = [LIKERT_SCALES[i] for i in sorted(shared, key=lambda i: (LIKERT_SCALES[i].points, i))]
    ranked = [scale for scale in ranked if _distinct_points(scale, needed) >= 2]
    if not ranked:
        return None, None
    smallest = [scale for scale in ranked if scale.points == ranked[0].points]
    chosen = next((scale for scale in smallest if scale.levels[-1] & needed), smallest[0])
    ranked = [chosen, *(scale for scale in ranked if scale is not chosen)]
    for other in ranked[1:]:
        if other.points != chosen.points:
            break
        if any(other.point(word) != chosen.point(word) for word in needed):
            return chosen, other
    return chosen, None


def _distinct_points(scale: LikertScale, words: set[str]) -> int:
    """How many points the words fall on; 0 when two of them share a point (each answer offered is its
    own point: "strongly agree" and "agree" are never one)."""
    points = {scale.point(word) for word in words}
    return len(points) if len(points) == len(words) else 0


def _goodness(word: str) -> float | None:
    """Where a normalised answer word stands on the smallest scale that has it, 0 (worst) to 1 (best)."""
    indices = _SCALES_OF_WORD.get(word)
    if not indices:
        return None
    scale = LIKERT_SCALES[min(indices, key=lambda i: (LIKERT_SCALES[i].points, i))]
    return (scale.point(word) - 1) / (scale.points - 1)  # type: ignore[operator]


def _side(text: str) -> float | None:
    """How good a short answer is, 0 (worst) to 1 (best), also for a pair of words ("neutral or
    dissatisfied": the better of the two); None when a word is not an answer word."""
    parts = [words_of(part) for part in _ALTERNATIVES.split(text.strip().lower()) if part.strip()]
    goodness = [_goodness(part) for part in parts]
    return None if not goodness or None in goodness else max(goodness)  # type: ignore[type-var]


def satisfied_words(cells: dict[str, int]) -> dict[str, int]:
    """A yes/no outcome written as two satisfaction words (Kaggle's airline survey: "satisfied" and
    "neutral or dissatisfied"; "zufrieden" / "unzufrieden"): each cell as written -> 1 (satisfied) or 0.
    Empty unless the column has exactly two answers (besides non-answers), one satisfied and one neutral
    or dissatisfied.

    Examples
    --------
    >>> satisfied_words({"satisfied": 40, "neutral or dissatisfied": 60, "n/a": 2})
    {'satisfied': 1, 'neutral or dissatisfied': 0}
    >>> satisfied_words({"Zufrieden": 5, "Unzufrieden": 3}), satisfied_words({"good": 5, "bad": 3})
    ({'Zufrieden': 1, 'Unzufrieden': 0}, {})
    """
    answers = [cell for cell in cells if not is_nonanswer(cell)]
    if len(answers) != 2 or not all(has_term(words_of(c), ("satisf", "zufrieden")) for c in answers):
        return {}
    sides = {cell: _side(cell) for cell in answers}
    if None in sides.values():
        return {}
    best, worst = sorted(answers, key=lambda cell: sides[cell], reverse=True)
    if sides[best] < 0.75 or sides[worst] > 0.5:  # type: ignore[operator]
        return {}
    return {best: 1, worst: 0}


#: NPS group words -> group.
NPS_GROUP_WORDS: dict[str, str] = {
    words_of(word): group
    for group, words in (
        ("promoter", ("promoter", "promoters", "promotor", "promotoren", "promotorin", "fuersprecher")),
        ("passive", ("passive", "passives", "passiv", "passiver", "neutral", "indifferent")),
        ("detractor", ("detractor", "detractors", "detraktor", "detraktoren", "kritiker")),
    )
    for word in words
}
#: The whole-number score an NPS group word stands for (promoters 9–10, passives 7–8, detractors 0–6):
#: the NPS of these scores equals the NPS of the groups.
GROUP_SCORES = {"promoter": 10.0, "passive": 8.0, "detractor": 3.0}

_BIPOLAR_MARKERS = ("too ", "zu ", "just right", "about right", "genau richtig", "gerade richtig")
_BIPOLAR_MIDDLE = (words_of(w) for w in ("just right", "about right", "genau richtig", "gerade richtig"))
_BIPOLAR_MIDDLE = frozenset(_BIPOLAR_MIDDLE)

_YES_NO = {
    "yes": 1, "no": 0, "ja": 1, "nein": 0, "true": 1, "false": 0, "y": 1, "n": 0, "wahr": 1, "falsch": 0,
}  # fmt: skip

_RECOMMEND_WORDS = (
    "recommend", "recommended", "recommendation", "nps", "netpro", "net promoter", "promoter",
    "empfehl", "weiterempfehl", "likely to recommend", "ltr",
)  # fmt: skip


def names_recommendation(header: object) -> bool:
    """Whether a header names the recommendation question ("Likelihood to recommend", "NPS",
    "Weiterempfehlung"), not just a score or rating.

    Examples
    --------
    >>> names_recommendation("NPS"), names_recommendation("Weiterempfehlung"), names_recommendation("Score")
    (True, True, False)
    """
    return has_term(words_of(header), _RECOMMEND_WORDS) is not None


_OUTCOME_WORDS = (
    "overall", "all", "gesamt", "insgesamt", "total", "satisfaction", "zufriedenheit", "csat", "repurchase",
    "buy again", "purchase again", "wiederkauf", "wieder kaufen", "loyalty", "loyal", "treue", "churn",
    "churned", "exited", "attrition", "kuendigung", "complain", "complaint", "beschwerde", "retention",
)  # fmt: skip
# Header words of columns that are not ratings even when their values are small whole numbers.
_NOT_RATING_WORDS = (
    "age", "alter", "gender", "sex", "geschlecht", "income", "einkommen", "salary", "gehalt", "weight",
    "gewicht", "lang", "language", "sprache", "day", "days", "tag", "tage", "hour", "hours", "stunden",
    "month", "monat", "year", "jahr", "week", "woche", "zip", "plz", "postal", "county", "country",
    "region", "state", "city", "tenure", "number", "num", "count", "anzahl", "times", "amount", "betrag",
    "credit", "balance", "products", "device", "address", "coupon", "cashback", "distance", "tier",
    "segment", "strata", "stratum", "peak", "index", "id", "nr", "code", "flag", "education", "bildung",
    "children", "kinder", "household", "haushalt", "married", "marital", "familienstand", "dependents",
    # survey metadata: time taken, fieldwork wave, interviewer, page reached, weights, ranks, status
    "duration", "dauer", "seconds", "sekunden", "sek", "sec", "minutes", "minuten", "min", "wave", "welle",
    "interviewer", "lastpage", "quarter", "quartal", "weekday", "wochentag", "wgt", "weighting",
    "gewichtung", "factor", "faktor", "rank", "ranking", "rang", "rangplatz", "platz", "version", "modus",
    "panel", "quota", "serial", "lfdn",
    # how many came (Kaggle's restaurant survey 'GroupSize' 1–10), not how good it was
    "group size", "party size", "family size", "gruppengroesse", "personenzahl", "anzahl personen",
    # readers' votes on a review (Amazon's helpful votes, Yelp's useful/funny/cool, likes; Amazon Fine Food
    # Reviews' HelpfulnessNumerator/HelpfulnessDenominator: votes found helpful of votes cast)
    "votes", "vote", "upvotes", "likes", "thumbs", "numerator", "denominator",
)  # fmt: skip
# Long not-a-rating words that may also stand inside a glued or compound header ("Q5TIMESFLOWN",
# "Haushaltseinkommen"); the others count only as whole words ("Statement 3" is no "state").
_INNER_NOT_RATING = frozenset(
    {"times", "number", "count", "anzahl", "income", "einkommen", "gender", "geschlecht", "weight", "gewicht",
     "language", "sprache", "tenure", "credit", "balance", "products", "device", "address", "coupon",
     "cashback", "distance", "stunden", "household", "haushalt", "marital", "education", "children",
     "dependents", "strata", "gewichtung", "wochentag", "weekday", "lastpage", "interviewer", "rangplatz"}
)  # fmt: skip


def _not_rating_word(words: str) -> str | None:
    """A header word that marks a coded fact (age band, count, weight), not a rating.

    Examples
    --------
    >>> _not_rating_word("q 5 timesflown"), _not_rating_word("statement 3"), _not_rating_word("q 20 age")
    ('times', None, 'age')
    """
    whole = has_term(words, tuple(w for w in _NOT_RATING_WORDS if w not in _INNER_NOT_RATING), inner=False)
    return whole or has_term(words, tuple(_INNER_NOT_RATING))


#: Words that say how much effort or difficulty an answer measures (the Customer Effort Score's "How much
#: effort did you personally have to put forth", "Wie aufwändig …", "Wie schwer fiel es Ihnen …"): a higher
#: answer is more effort, also when the header asks to rate it ("Rate the effort", "Bewertung: wie viel
#: Mühe …"). Only an ease or satisfaction word turns them around.
_EFFORT_WORDS = (
    "difficult", "difficulty", "difficulties", "effort", "hard", "complicated", "cumbersome", "schwierig",
    "schwierigkeit", "aufwand", "aufwendig", "aufwaendig", "anstrengend", "anstrengung", "muehe", "muehsam",
    "umstaendlich", "kompliziert", "wie schwer", "schwer fiel", "fiel schwer", "ihnen schwer",
    "schwer gefallen", "customer effort", "ces",
)  # fmt: skip
#: A statement that says something bad ("The staff were rude", "The prices were too high"): agreeing
#: with it is the worse answer.
_BAD_STATEMENT_WORDS = (
    "rude", "impolite", "unfriendly", "unhelpful", "noisy", "dirty", "slow", "overpriced", "too long",
    "too high", "too expensive", "too slow", "too late", "too loud", "unfreundlich", "unhoeflich",
    "schmutzig", "dreckig", "langsam", "ueberteuert", "zu lang", "zu lange", "zu teuer", "zu hoch",
    "zu langsam", "zu spaet", "zu laut",
)  # fmt: skip
_HIGHER_WORSE_WORDS = (
    *_EFFORT_WORDS, "wait", "waiting", "problem", "problems", "issue", "issues", "wartezeit", "warten",
    "probleme", "aerger", *_BAD_STATEMENT_WORDS,
)  # fmt: skip
#: Words that only say an answer is a rating, without saying which end is good.
_RATE_WORDS = ("rating", "rate", "bewertung")
_HIGHER_BETTER_WORDS = (
    "satisf", "zufrieden", *_RATE_WORDS, "how good", "wie gut", "ease", "easy", "einfach", "problemlos",
    "muehelos", "effortless", "no problem", "ohne probleme", "reibungslos", "unkompliziert", "uncomplicated",
)  # fmt: skip
RATING_WORDS = (
    "rating", "rate", "bewertung", "score", "zufriedenheit", "satisfaction", "csat", "note", "stars", "star",
    "sterne", "stern",
)  # fmt: skip
TITLE_WORDS = ("title", "titel", "subject", "betreff", "headline", "ueberschrift")
COMMENT_WORDS = (
    "comment", "comments", "kommentar", "feedback", "review", "text", "content", "remarks", "anmerkung",
    "bemerkung", "freitext", "verbatim", "why", "warum", "begruendung", "like best", "like least",
    "improve", "verbessern",
)  # fmt: skip

#: Header words of the company's answer to a review (app store consoles, review sites, hotel portals):
#: the company's voice, never a customer comment. A reply word alone, or a party word with an answer word.
_REPLY_WORDS = ("reply", "replies", "replied", "replying", "erwiderung")
_REPLY_PARTY = (
    "developer", "owner", "management", "company", "business", "merchant", "seller", "vendor", "host",
    "hotel", "shop", "store", "brand", "haendler", "verkaeufer", "unternehmen", "anbieter", "betreiber",
    "gastgeber", "entwickler", "firma", "inhaber",
)  # fmt: skip
_REPLY_ANSWER = ("response", "answer", "antwort", "stellungnahme", "rueckmeldung")


def company_reply_word(header: object) -> str | None:
    """The header word that marks a column as the company's reply to a review, or None.

    Examples
    --------
    >>> company_reply_word("Developer Reply Text"), company_reply_word("Antwort des Händlers")
    ('reply', 'antwort')
    >>> company_reply_word("Open-Ended Response"), company_reply_word("Comment about the shop")
    (None, None)
    """
    words = words_of(header)
    found = has_term(words, _REPLY_WORDS)
    if found is None and has_term(words, _REPLY_PARTY):
        found = has_term(words, _REPLY_ANSWER)
    return found


#: Header words of a form's contact fields (Jotform's "Full Name", "Street Address", Google Forms'
#: "Your name", "Vor- und Nachname", "Anschrift"): personal data, never the customers' comment.
_PERSONAL_WORDS = (
    "name", "full name", "first name", "last name", "surname", "vorname", "nachname", "familienname",
    "address", "street", "adresse", "anschrift", "strasse", "phone", "telephone", "telefon",
    "telefonnummer", "mobile", "handy", "email", "e mail", "mail",
)  # fmt: skip


def personal_field_word(header: object) -> str | None:
    """The header word that marks a short header as a form's contact field, or None; a question that
    asks for a comment ("Name one thing we could improve") is none.

    Examples
    --------
    >>> personal_field_word("Vor- und Nachname"), personal_field_word("Street Address")
    ('nachname', 'address')
    >>> personal_field_word("Name one thing we could improve"), personal_field_word("Anything else?")
    (None, None)
    """
    words = words_of(header)
    if len(words.split()) > 4 or has_term(words, COMMENT_WORDS):
        return None
    return has_term(words, _PERSONAL_WORDS, inner=False) or has_term(
        words, ("nachname", "vorname", "adresse", "strasse", "telefon")
    )


#: What review and survey tools (and customers) write in a comment field that says nothing: Booking.com's
#: "No Negative" / "No Positive", "nothing", "no comment", "keine Anmerkungen".
_PLACEHOLDER_COMMENTS = frozenset(
    words_of(w)
    for w in (
        "no negative", "no positive", "nothing", "nothing really", "nothing at all", "nothing to add",
        "nothing else", "nothing to say", "nothing to report", "nothing to mention", "no comment",
        "no comments", "no further comments", "no remarks", "none", "nope", "nil", "null", "nan", "x", "xx",
        "xxx", "no", "nein", "nichts", "gar nichts", "nix", "keine", "keiner", "kein kommentar",
        "keine kommentare", "keine anmerkung", "keine anmerkungen", "keine bemerkung", "keine bemerkungen",
        "nichts hinzuzufuegen", "nichts zu bemerken", "nichts weiter", "ohne", "entfaellt",
    )
)  # fmt: skip


#: Longer cells are never a placeholder (the longest non-answer phrase has 25 characters; two joined by
#: "/" fit).
PLACEHOLDER_MAX_CHARS = 40


def placeholder_comments(values: pd.Series) -> pd.Series:
    """:func:`placeholder_comment` of every cell as a bool mask (missing cells: False), asked once per
    distinct short cell: on 100,000 comments it costs milliseconds, not the seconds of asking per row.

    Examples
    --------
    >>> placeholder_comments(pd.Series(["No Negative", None, "Great staff", "....", "n/a"])).tolist()
    [True, False, False, True, True]
    """
    text = values.astype("string").str.strip()
    lettered = text.str.contains(r"[^\W\d_]", regex=True).fillna(True).astype(bool)
    found = (~lettered).copy()
    short = (lettered & (text.str.len() <= PLACEHOLDER_MAX_CHARS)).fillna(False).astype(bool)
    if short.any():
        said = {cell: placeholder_comment(cell) for cell in pd.unique(text[short])}
        found[short] = text[short].map(said).astype(bool)
    return found & values.notna()


def placeholder_comment(text: object) -> bool:
    """Whether a comment cell says nothing: a non-answer ("n/a", "-", "k.A."), a placeholder a tool or a
    customer writes into an open field ("No Negative", "Nothing", "keine Anmerkungen"), or no letters.

    Examples
    --------
    >>> [placeholder_comment(t) for t in ("No Negative", " Nothing ", "-", "...", "n/a", "Nothing broke!")]
    [True, True, True, True, True, False]
    """
    raw = str(text).strip()
    if not any(ch.isalpha() for ch in raw):
        return True
    words = words_of(raw)
    return words in _PLACEHOLDER_COMMENTS or is_nonanswer(raw)


# --- profiles -----------------------------------------------------------------------------------------


@dataclass
class ItemProfile:
    """What the values and header of one column look like.

    ``counts`` holds the whole-number answers (value -> count) of a rating candidate; ``codes_found``
    the non-answer words and their counts; ``likert`` the Likert words (normalised, with their counts,
    ``spellings`` as written) and ``likert_scale`` the answer scale they come from (``likert_rival``:
    another scale of that size that reads them otherwise, see :func:`likert_scale`); ``groups`` the
    NPS group words; ``labels`` the words of answers written as a number with a label
    ("10 - Extremely likely", "1 = sehr gut"), by number; ``end_labels`` the pole words that stand for
    the ends of a numbered scale ("Very dissatisfied", 2, 3, 4, "Very satisfied"): normalised word -> point.
    """

    column: str
    words: str
    n: int
    distinct: int
    counts: dict[int, int] = field(default_factory=dict)
    codes_found: dict[str, int] = field(default_factory=dict)
    likert: dict[str, int] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)
    likert_scale: LikertScale | None = None
    likert_rival: LikertScale | None = None
    labels: dict[int, str] = field(default_factory=dict)
    end_labels: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    yes_no: bool = False
    bipolar: bool = False
    numeric: bool = False
    integer: bool = False
    mean_length: float = 0.0
    unique_share: float = 0.0
    wordy_share: float = 1.0
    other: int = 0
    satisfied_words: dict[str, int] = field(default_factory=dict)
    said_share: float = 1.0
    #: Answers with a fractional part (8.3, 7,5) and the range and finest step of all numbers, when the
    #: fractional ones have at most one decimal place (see :func:`_decimal_rating`).
    fractional: int = 0
    number_range: tuple[float, float] | None = None

    @property
    def is_candidate(self) -> bool:
        """A rating candidate: whole numbers in 0–11 (plus far codes) or Likert words, two or more answers."""
        answers = set(self.counts) - FAR_CODES
        if self.likert and not self.counts:
            return len(self.likert) >= 2 and self.other <= 0.05 * max(self.n, 1)
        # a question named as the recommendation may have more answers in words it does not know ("Sehr
        # gern" for 10): its numbers still give the NPS, the words are counted as unreadable
        recommend = has_term(self.words, _RECOMMEND_WORDS) is not None
        other_share = 0.2 if recommend else 0.05
        whole = self.integer or (recommend and bool(self.counts) and not self.likert and not self.groups)
        return (
            whole
            and len(answers) >= 2
            and min(answers) >= 0
            and max(answers) <= 11
            and self.other <= other_share * max(self.n, 1)
        )

    @property
    def is_binary(self) -> bool:
        """Only two answers, 0 and 1 (or yes/no words); 0.0–1.0 in tenths is no flag."""
        return self.yes_no or (set(self.counts) <= {0, 1} and len(self.counts) == 2 and not self.fractional)

    @property
    def is_free_text(self) -> bool:
        """Long, mostly unique text."""
        long_unique = self.mean_length >= 15 and self.unique_share >= 0.5 and self.n >= 1
        return not self.numeric and long_unique and self.wordy_share >= 0.5


def profile_column(values: pd.Series, header: object, *, sample: int | None = SAMPLE_ROWS) -> ItemProfile:
    """The profile of one column from at most ``sample`` rows (None: every row).

    Examples
    --------
    >>> p = profile_column(pd.Series(["4", "5", "6", "0", "BLANK", None]), "Q7ART")
    >>> p.counts, p.codes_found, p.is_candidate
    ({0: 1, 4: 1, 5: 1, 6: 1}, {'blank': 1}, True)
    >>> profile_column(pd.Series(["stimme voll zu", "stimme eher zu", "weiß nicht"]), "Q1").likert
    {'stimme voll zu': 1, 'stimme eher zu': 1}
    """
    column = values if sample is None else values.iloc[:sample]
    profile = ItemProfile(str(header), words_of(header), 0, 0)
    if pd.api.types.is_datetime64_any_dtype(column):
        profile.n = int(column.notna().sum())
        profile.other = profile.n
        return profile
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_numeric_dtype(column):
        numbers = column.to_numpy(dtype="float64", na_value=np.nan)
        numbers = numbers[np.isfinite(numbers)]
        profile.n = int(numbers.size)
        profile.numeric = True
        distinct, counts = np.unique(numbers, return_counts=True)
        profile.distinct = int(distinct.size)
        profile.integer = bool(numbers.size) and bool((distinct == np.round(distinct)).all())
        if profile.integer and profile.distinct <= 15:
            profile.counts = {int(k): int(v) for k, v in zip(distinct, counts, strict=True)}
        if numbers.size and not profile.integer:
            profile.fractional = int(counts[distinct != np.round(distinct)].sum())
            _note_number_range(profile, distinct.tolist())
        return profile
    cells: Counter[str] = Counter()
    for cell, count in _value_counts(column).items():
        if cell is None or (isinstance(cell, float) and cell != cell):
            continue
        text = str(cell).strip()
        if text:
            cells[text] += count
    profile.n = sum(cells.values())
    profile.distinct = len(cells)
    if not profile.n:
        return profile
    if profile.distinct > 40:
        # what customers wrote, without the "No Negative" / "-" a review tool fills empty fields with
        said = {
            text: count
            for text, count in cells.items()
            if len(text) > PLACEHOLDER_MAX_CHARS or not placeholder_comment(text)
        } or cells
        written = sum(said.values())
        profile.mean_length = sum(len(text) * count for text, count in said.items()) / written
        profile.unique_share = len(said) / written
        profile.said_share = written / profile.n
        head = list(cells)[:300]
        profile.wordy_share = sum(bool(_TWO_WORDS.search(text)) for text in head) / len(head)
        profile.numeric = sum(_is_number(text) for text in head) > 0.95 * len(head)
        if profile.numeric:  # many distinct numbers written as text: perhaps scores in tenths (7.3, 8,5)
            _note_written_decimals(profile, cells)
        profile.other = profile.n
        return profile
    _classify_cells(profile, cells)
    profile.satisfied_words = satisfied_words(cells)
    return profile


def _value_counts(column: pd.Series) -> dict:
    """Distinct cells and their counts (Arrow's C++ counting for Arrow strings, else a Counter)."""
    chunks = getattr(column.array, "_pa_array", None)
    if chunks is not None:
        import pyarrow.compute as pc

        counted = pc.value_counts(chunks)
        return dict(zip(counted.field(0).to_pylist(), counted.field(1).to_pylist(), strict=True))
    return Counter(column.to_numpy(dtype=object, na_value=None))


#: An answer written as a scale point with its label: "10 - Extremely likely", "0 = gar nicht", "1 (gut)".
_LABELLED_NUMBER = re.compile(r"^\s*(-?\d{1,2})\s*(?:-|–|—|=|:|\.|\)|\()\s*([^\d\s].*?)\)?\s*$")
#: The same with only a space between ("10 Extremely likely") or the label first ("Extremely likely 10",
#: "Äußerst wahrscheinlich (10)"): read only when the label is an answer word of a known scale.
_SPACED_NUMBER = re.compile(r"^\s*(-?\d{1,2})\s+([^\d\s].*?)\s*$")
_NUMBER_AFTER_LABEL = re.compile(r"^\s*([^\d\s][^\d]*?)\s*(?:-|–|—|=|:|\(|\s)\s*(\d{1,2})\s*\)?\s*$")


def _labelled_number(text: str) -> tuple[int, str] | None:
    """The scale point and label of an answer written as both, or None.

    Examples
    --------
    >>> _labelled_number("10 - Extremely likely"), _labelled_number("Äußerst wahrscheinlich (10)")
    ((10, 'Extremely likely'), (10, 'Äußerst wahrscheinlich'))
    >>> _labelled_number("3 Tage"), _labelled_number("Filiale 3"), _labelled_number("9 = weiß nicht")
    (None, None, None)
    """
    match = _LABELLED_NUMBER.match(text)
    if match is not None:
        number, label = match.group(1), match.group(2)
    else:
        match = _SPACED_NUMBER.match(text)
        if match is not None:
            number, label = match.group(1), match.group(2)
        elif (match := _NUMBER_AFTER_LABEL.match(text)) is not None:
            label, number = match.group(1), match.group(2)
        else:
            return None
        if _anchor_point(label.strip(" -–—=:(")) is None:
            return None
    label = label.strip()
    return None if is_nonanswer(label) else (int(number), label)


def labelled_numbers(values: pd.Series) -> pd.Series:
    """Answers written as a number with its label read as the number (as text, typed later with the
    other cells); other cells unchanged.

    Examples
    --------
    >>> labelled_numbers(pd.Series(["10 - Extremely likely", "7", "0 = not at all", None, "n/a"])).tolist()
    ['10', '7', '0', nan, 'n/a']
    """

    def number(cell: object) -> object:
        found = _labelled_number(cell) if isinstance(cell, str) else None
        return cell if found is None else str(found[0])

    return values.astype(object).map(number, na_action="ignore")


#: Two words of letters apart: what free text has and an e-mail address, an ID code or a date has not.
_TWO_WORDS = re.compile(r"[^\W\d_]{2,}[^\w@]*\s[^\w@]*[^\W\d_]{2,}")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def _classify_cells(profile: ItemProfile, counts: dict[str, int]) -> None:
    """Sort the few distinct cells of a column into numbers, non-answer codes, Likert and group words."""
    numbers: Counter[int] = Counter()
    fractional = 0
    decimals: list[float] = []
    lengths = 0.0
    yes_no = 0
    bipolar = middle = 0
    spelled: dict[str, int] = {}
    for cell, count in counts.items():
        count = int(count)
        lengths += len(str(cell)) * count
        try:
            number = float(str(cell).replace(",", "."))
        except ValueError:
            number = None
        labelled = _labelled_number(str(cell)) if number is None else None
        if labelled is not None:
            number = float(labelled[0])
            profile.labels.setdefault(labelled[0], labelled[1])
        if number is not None and np.isfinite(number):
            if number == round(number):
                numbers[int(number)] += count
            else:
                fractional += count
                decimals.append(number)
            continue
        word = words_of(cell)
        raw = str(cell).strip().lower()
        if word in NPS_GROUP_WORDS and word != "neutral":
            profile.groups[word] = profile.groups.get(word, 0) + count
        elif word in LIKERT_WORDS:
            profile.likert[word] = profile.likert.get(word, 0) + count
            if count > spelled.get(word, 0):  # the spelling most answers have
                profile.spellings[word], spelled[word] = str(cell).strip(), count
        elif is_nonanswer(raw):
            profile.codes_found[word or raw] = profile.codes_found.get(word or raw, 0) + count
        elif word in _YES_NO:
            yes_no += count
        else:
            if word in _BIPOLAR_MIDDLE:
                middle += count
            if any(raw.startswith(marker) or marker in f" {raw}" for marker in _BIPOLAR_MARKERS):
                bipolar += count
            profile.other += count
    if "neutral" in profile.likert and profile.groups:  # "neutral" next to promoter words is a passive
        profile.groups["neutral"] = profile.likert.pop("neutral")
    _read_end_labels(profile, numbers)
    _read_likert_scale(profile)
    profile.counts = dict(sorted(numbers.items()))
    profile.other += fractional
    if fractional:
        profile.fractional = fractional
        _note_number_range(profile, [*decimals, *numbers])
    profile.numeric = bool(numbers) and profile.other == 0 and not profile.likert and not profile.groups
    profile.integer = profile.numeric and fractional == 0
    profile.mean_length = lengths / max(profile.n, 1)
    profile.unique_share = profile.distinct / max(profile.n, 1)
    profile.wordy_share = sum(bool(_TWO_WORDS.search(str(c))) for c in counts) / max(len(counts), 1)
    profile.yes_no = yes_no > 0 and yes_no + sum(profile.codes_found.values()) == profile.n
    profile.bipolar = middle > 0 and bipolar + middle >= 0.5 * profile.n


def _note_written_decimals(profile: ItemProfile, cells: Counter[str]) -> None:
    """The fractional answers and number range of a column of many distinct numbers written as text,
    when every cell is a number (decimal point or comma)."""
    numbers = {}
    for text in cells:
        try:
            numbers[text] = float(text.replace(",", "."))
        except ValueError:
            return
    profile.fractional = sum(cells[text] for text, number in numbers.items() if number != round(number))
    if profile.fractional:
        _note_number_range(profile, list(numbers.values()))


def _note_number_range(profile: ItemProfile, values: list[float]) -> None:
    """Keep the range of a column's numbers when its fractional answers have one decimal place at most
    (8.3, 7.5: a score on a decimal scale), not when they are measurements or shares (0.83, 12.75)."""
    if all(abs(value * 10 - round(value * 10)) < 1e-6 for value in values):
        profile.number_range = (float(min(values)), float(max(values)))


def _read_end_labels(profile: ItemProfile, numbers: Counter[int]) -> None:
    """Pole words beside whole numbers are the scale's ends, as survey tools export a scale labelled only
    at its ends: "Very dissatisfied", 2, 3, 4, "Very satisfied" is 1–5, "Not at all likely", 1 … 9,
    "Extremely likely" is 0–10. The worst word is the point below the lowest number, the best word the
    point above the highest; the words' counts move to those numbers. Nothing changes unless every word
    is the worst or best answer of its scale and lies beyond the numbers on its own side."""
    answers = [value for value in numbers if value not in FAR_CODES]
    if not answers or not 1 <= len(profile.likert) <= 2 or profile.groups:
        return
    low, high = min(answers), max(answers)
    points: dict[str, int] = {}
    for word in profile.likert:
        goodness = _goodness(word)
        if goodness == 0.0 and low >= 1:
            points[word] = low - 1
        elif goodness == 1.0 and high <= 10:
            points[word] = high + 1
        else:
            return
    if len(set(points.values())) != len(points):
        return
    for word, point in points.items():
        numbers[point] += profile.likert.pop(word)
        profile.labels.setdefault(point, profile.spellings.pop(word, word))
    profile.end_labels = points


def _read_likert_scale(profile: ItemProfile) -> None:
    """The answer scale of the column's Likert words. Words that can also mean "not applicable" ("trifft
    nicht zu" next to satisfaction words) are non-answers when the scale is found without them; words
    that fit no one scale together (mixed scales, a lone word) are other answers, not points."""
    if not profile.likert:
        return
    scale, rival = likert_scale(profile.likert)
    if scale is None:
        codes = {word: count for word, count in profile.likert.items() if is_nonanswer(word)}
        rest = [word for word in profile.likert if word not in codes]
        scale, rival = likert_scale(rest) if codes else (None, None)
        if scale is not None:
            for word, count in codes.items():
                profile.codes_found[word] = profile.codes_found.get(word, 0) + count
                del profile.likert[word]
    if scale is None:
        profile.other += sum(profile.likert.values())
        profile.likert, profile.spellings = {}, {}
        return
    profile.likert_scale, profile.likert_rival = scale, rival


# --- families and scales --------------------------------------------------------------------------------


@dataclass
class Family:
    """Rating candidates that share one scale: their columns, the scale and the non-answer codes."""

    columns: list[str]
    scale: tuple[int, int] | None
    codes: tuple[int, ...]
    evidence: list[Evidence]
    answers: int = 0


_CODE_ONLY = re.compile(r"^\s*[A-Za-z]{1,4}_?\d{1,4}(?:[_.\-]?\d{1,3})*[A-Za-z]?\s*$")


def code_only_header(header: object) -> bool:
    """Whether a header is only a question code (``NP01``, ``Q12``, ``F3_1``, ``v_12``) that says nothing
    about the question.

    Examples
    --------
    >>> [code_only_header(h) for h in ("NP01", "Q12", "F3_1", "v_12", "Q7ALL", "NPS", "Score 1")]
    [True, True, True, True, False, False, False]
    """
    return bool(_CODE_ONLY.match(str(header)))


def unlabelled_ten_point_items(meanings: dict[str, ColumnMeaning]) -> list[str]:
    """0–10 items under a bare question code in a survey without any recommend question: each could be
    the NPS question, which only the questionnaire can tell (never guessed; named in a note)."""
    sources = ("nps_score", "nps_group", "recommend_rating", "recommend_flag")
    if any(m.kind in sources for m in meanings.values()):
        return []
    return [
        column
        for column, meaning in meanings.items()
        if meaning.kind in ("rating", "outcome") and meaning.scale == (0, 10) and code_only_header(column)
    ]


def _stem(header: str) -> str | None:
    """The question stem of a coded header: ``Q7ART`` -> ``q7``, ``F12_3`` -> ``f12``; None otherwise."""
    match = re.match(r"^\s*([A-Za-z]{1,3}\d{1,3})(?=[A-Za-z_\-.\s]|$)", header)
    return match.group(1).lower() if match else None


def resolve_scale(
    pooled: dict[int, int], items: Sequence[dict[int, int]] = ()
) -> tuple[tuple[int, int] | None, tuple[int, ...], list[Evidence]]:
    """The scale of a family from its pooled answers (value -> count), and its non-answer codes.

    Parameters
    ----------
    pooled : dict
        Whole-number answer -> count over all items of the family.
    items : sequence of dict
        The same per item (for the test whether a top value behaves like a scale point).

    Returns
    -------
    scale : (low, high) or None when the answers fit no rating scale (fewer than four points)
    codes : the values read as non-answer codes
    evidence : why

    Examples
    --------
    >>> resolve_scale({0: 20, 1: 10, 2: 40, 3: 90, 4: 100, 5: 70, 6: 120})[:2]
    ((1, 5), (0, 6))
    >>> resolve_scale({0: 24, 5: 205, 8: 601, 10: 770, 11: 159})[:2]
    ((0, 10), (11,))
    >>> resolve_scale({0: 29, 1: 625, 2: 353, 3: 419, 4: 473, 5: 362})[:2]
    ((1, 5), (0,))
    >>> resolve_scale({1: 8, 2: 16, 3: 40, 4: 30})[:2]
    ((1, 4), ())
    >>> resolve_scale({0: 3, 1: 50, 2: 40, 3: 6})[:2]
    (None, (0,))
    """
    counts = {v: c for v, c in pooled.items() if c > 0}
    codes = sorted(v for v in counts if v in FAR_CODES or v < 0)
    evidence: list[Evidence] = []
    if codes:
        evidence.append(Evidence("far_codes", {"codes": codes}))
    values = sorted(v for v in counts if v not in codes)
    if len(values) < 2:
        return None, tuple(codes), evidence
    if _count_shape(counts, values):  # helpful votes, "useful"/"funny"/"cool": counts, not a scale
        evidence.append(
            Evidence("count_values", {"share": round(counts[0] / sum(counts[v] for v in values), 2)})
        )
        return None, tuple(codes), evidence
    while values and values[-1] > 10:
        codes.append(values.pop())
    if mostly_beyond_scales(counts):  # NPS figures (−25, 31, 48), counts, amounts: no answers
        return None, (), [*evidence, _beyond_scales_evidence(counts)]
    if codes and codes[-1] > 10:
        evidence.append(Evidence("code_above_scale", {"codes": [c for c in codes if c > 10]}))
    if not values:
        return None, tuple(sorted(codes)), evidence
    gap = _codes_after_gap(values)
    if gap:
        codes += gap
        values = values[: -len(gap)]
        evidence.append(Evidence("code_after_gap", {"codes": gap, "high": values[-1]}))
    low, high = values[0], values[-1]
    if high >= 8:
        scale = (0, 10) if low == 0 else (1, 10)
        evidence.append(Evidence("integer_range", {"low": scale[0], "high": scale[1]}))
        return scale, tuple(sorted(codes)), evidence
    if low == 0 and high >= 3:
        codes.append(0)
        evidence.append(Evidence("zero_below_scale", {"count": counts[0]}))
        low = min((v for v in values if v > 0), default=1)
    if high in (6, 8) and high - 1 - max(low, 1) + 1 >= 4 and _top_is_code(counts, items, high):
        codes.append(high)
        evidence.append(Evidence("top_code", {"value": high, "count": counts[high]}))
        high -= 1
    if high < 4:  # 1–3 answers are codes (yes/no/unsure, bands), not a rating scale
        return None, tuple(sorted(codes)), evidence
    for scale in SHORT_SCALES:
        if scale[0] <= max(low, 1) and high <= scale[1]:
            evidence.append(Evidence("integer_range", {"low": scale[0], "high": scale[1]}))
            return scale, tuple(sorted(codes)), evidence
    return None, tuple(sorted(codes)), evidence


def mostly_beyond_scales(counts: dict[int, int]) -> bool:
    """Whether most answers lie off every rating scale (below 0 or above 10) and take three or more
    different values there: a non-answer code is one or two values ("11 = blank", −77), while NPS
    figures of a monthly report (−25, 12, 31 …) or amounts spread everywhere.

    >>> mostly_beyond_scales({-25: 1, 12: 1, 31: 1, 48: 1, 7: 1, 3: 1})
    True
    >>> mostly_beyond_scales({1: 40, 2: 60, 3: 80, 11: 200}), mostly_beyond_scales({-99: 5, 1: 9, 5: 3})
    (False, False)
    """
    off = {value: count for value, count in counts.items() if value < 0 or value > 10}
    return len(off) >= 3 and sum(off.values()) > sum(counts.values()) - sum(off.values())


def _beyond_scales_evidence(counts: dict[int, int]) -> Evidence:
    off = sum(count for value, count in counts.items() if value < 0 or value > 10)
    return Evidence("values_beyond_scales", {"share": round(off / sum(counts.values()), 2)})


def _count_shape(counts: dict[int, int], values: list[int]) -> bool:
    """Whether whole numbers look like counts (votes a review got, times something happened) rather than
    answers on a scale: 0, 1 and 2 occur, the most frequent value is 0 or 1, a fifth or more are 0, and
    the frequencies fall from there upwards, as counts of rare events do. Ratings lean to the top of
    their scale, and a "not applicable" 0 is a small share of the answers (a 1–5 item with a quarter 0s
    whose answers still fall from 1 to 5 is read as counts too: then no figure rather than a doubtful
    one).

    Examples
    --------
    >>> _count_shape({0: 300, 1: 360, 2: 220, 3: 90, 4: 25, 5: 4, 7: 1}, [0, 1, 2, 3, 4, 5, 7])
    True
    >>> _count_shape({0: 96, 1: 350, 2: 500, 3: 800, 4: 900, 5: 600}, [0, 1, 2, 3, 4, 5])
    False
    """
    if values[:3] != [0, 1, 2]:  # counts run 0, 1, 2, … without gaps at the start
        return False
    if set(range(11)) <= set(values):  # every point of 0–10 used: an 11-point scale, however unhappy
        return False
    frequencies = [counts[v] for v in values]
    mode = frequencies.index(max(frequencies))
    if mode > 1 or frequencies[0] < 0.2 * sum(frequencies) or frequencies[-1] > 0.5 * frequencies[mode]:
        return False
    falling = frequencies[mode:]
    return all(later <= 1.1 * earlier + 2 for earlier, later in itertools.pairwise(falling))


def _codes_after_gap(values: list[int]) -> list[int]:
    """Top answers (8, 9, 10) that stand apart from a short scale, two or more unused points above it: a
    "don't know" 9 after 1–5 answers, never a point of a 1–10 scale that nobody rated 6, 7 or 8.

    Examples
    --------
    >>> _codes_after_gap([1, 2, 3, 4, 5, 9]), _codes_after_gap([1, 2, 3, 4, 8, 9])
    ([9], [8, 9])
    >>> _codes_after_gap([1, 5, 9])  # too few answers below to call it a scale
    []
    >>> _codes_after_gap([0, 1, 2, 3, 4, 5, 6, 7, 9, 10])
    []
    """
    for cut in range(len(values) - 1, 0, -1):
        rest, top = values[:cut], values[cut:]
        if top[0] - rest[-1] >= 3 and len(rest) >= 3 and rest[-1] <= 7 and top[0] >= 8:
            return top
    return []


def _top_is_code(counts: dict[int, int], items: Sequence[dict[int, int]], top: int) -> bool:
    """Whether the top value behaves unlike a scale point: the pooled counts fall towards it and jump
    at it, or its share varies across items far more than the share of the point below it."""
    below, two_below = counts.get(top - 1, 0), counts.get(top - 2, 0)
    if counts[top] > below and below < two_below:
        return True
    if len(items) < 2:
        return False

    def spread(value: int) -> float:
        shares = [item.get(value, 0) / max(sum(item.values()), 1) for item in items if item]
        return max(shares) / max(min(shares), 1e-3)

    top_spread, below_spread = spread(top), spread(top - 1)
    return top_spread >= 10 and top_spread >= 3 * below_spread


def _affixes(header: str) -> list[str]:
    """Keys that tie items of one question together: the stem (``Q7``), and the first and last word of
    a header of several words (``o_booking`` -> ``o_*``; ``catering_rating`` -> ``*_rating``)."""
    keys = []
    stem = _stem(header)
    if stem:
        keys.append("stem:" + stem)
    parts = [part.lower() for part in re.split(r"[_\s\-.:/]+", header.strip()) if part]
    if len(parts) >= 2:
        keys += ["prefix:" + parts[0], "suffix:" + parts[-1]]
    return keys


def _families(profiles: dict[str, ItemProfile]) -> list[list[str]]:
    """Rating candidates grouped by question stem and by identical answer sets (union of both).

    Stem siblings join only when the smaller answer set (without 0) has at least three values and
    shares three quarters of them with the other (``Q7ALL`` 1–5 joins ``Q7ART`` 0–6; a yes/no code
    ``Q5FIRSTTIME`` does not join ``Q5TIMESFLOWN``); identical answer sets join when they have at
    least four values.
    """
    candidates = [c for c, p in profiles.items() if p.is_candidate and p.counts and not p.is_binary]
    parent = {c: c for c in candidates}

    def find(c: str) -> str:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    by_stem: dict[str, list[str]] = {}
    by_answers: dict[frozenset, list[str]] = {}
    for column in candidates:
        stem = _stem(column)
        if stem:
            by_stem.setdefault(stem, []).append(column)
        answers = frozenset(profiles[column].counts)
        if len(answers) >= 4:
            by_answers.setdefault(answers, []).append(column)
    for group in by_answers.values():
        for other in group[1:]:
            parent[find(other)] = find(group[0])
    for group in by_stem.values():
        for a in group:
            for b in group:
                small, large = sorted((set(profiles[a].counts) - {0}, set(profiles[b].counts) - {0}), key=len)
                if a < b and len(small) >= 3 and len(small & large) >= 0.75 * len(small):
                    parent[find(b)] = find(a)
    families: dict[str, list[str]] = {}
    for column in candidates:
        families.setdefault(find(column), []).append(column)
    return list(families.values())


# --- the questionnaire ----------------------------------------------------------------------------------


@dataclass
class Questionnaire:
    """What every column of a survey means: ``meanings`` keyed by source header, plus the families."""

    meanings: dict[str, ColumnMeaning]
    families: list[Family]
    profiles: dict[str, ItemProfile]

    def of_kind(self, *kinds: str) -> list[str]:
        """Columns of the given kinds, in file order."""
        return [c for c, m in self.meanings.items() if m.kind in kinds]


def read_questionnaire(frame: pd.DataFrame, *, sample: int | None = SAMPLE_ROWS) -> Questionnaire:
    """Profile every column, group rating candidates into families and decide each column's meaning.

    Parameters
    ----------
    frame : DataFrame
        The survey sheet as read (original headers).
    sample : int or None
        Rows looked at per column (None: all, for exact non-answer counts).

    Examples
    --------
    >>> sheet = pd.DataFrame({"Q7ART": ["4", "5", "6", "0", "3"] * 20,
    ...                       "Q7WIFI": ["2", "6", "6", "4", "5"] * 20,
    ...                       "Q7FOOD": ["3", "1", "6", "0", "4"] * 20,
    ...                       "Q7ALL": ["4", "BLANK", "3", "5", "4"] * 20,
    ...                       "NETPRO": ["10", "11", "0", "3", "8"] * 20})
    >>> q = read_questionnaire(sheet)
    >>> [(c, m.kind, m.scale, m.missing_codes) for c, m in q.meanings.items()]
    [('Q7ART', 'rating', (1, 5), (0, 6)), ('Q7WIFI', 'rating', (1, 5), (0, 6)),
     ('Q7FOOD', 'rating', (1, 5), (0, 6)), ('Q7ALL', 'outcome', (1, 5), (0, 6, 'blank')),
     ('NETPRO', 'nps_score', (0, 10), (11,))]
    """
    labels = frame.attrs.get("question_labels") or {}  # from the workbook's codebook sheet, if any
    rows = frame if sample is None else frame.iloc[:sample]
    rows = rows.copy(deep=False)
    rows.attrs = {}  # the reader's attrs would be deep-copied with every column taken out
    profiles = {str(c): profile_column(rows.iloc[:, i], c, sample=None) for i, c in enumerate(rows.columns)}
    families: list[Family] = []
    family_of: dict[str, Family] = {}
    for members in _families(profiles):
        pooled: Counter[int] = Counter()
        for column in members:
            pooled.update(profiles[column].counts)
        scale, codes, evidence = None, (), []
        if sum(pooled.values()) >= MIN_ANSWERS_FOR_SPREAD:  # fewer: codes cannot be told from typos
            scale, codes, evidence = resolve_scale(dict(pooled), [profiles[c].counts for c in members])
        if len(members) > 1:
            evidence.insert(0, Evidence("shared_scale", {"items": len(members)}))
        family = Family(members, scale, codes, evidence, sum(pooled.values()))
        families.append(family)
        family_of.update(dict.fromkeys(members, family))
    pooled = _pool_likert_scales(profiles)
    meanings = {
        column: _meaning(profile, family_of.get(column), pooled=pooled.get(column, 0))
        for column, profile in profiles.items()
    }
    _mark_batteries(meanings, families)
    _nps_group_columns(meanings)
    _nps_from_labels(meanings, labels)
    _nps_from_plain_score(meanings)
    _employee_items(meanings)
    return Questionnaire(meanings, families, profiles)


#: Header words of a staff file (IBM's HR attrition set: JobSatisfaction, OverTime, EmployeeNumber; the HR
#: analytics set: salary, promotion_last_5years, Work_accident; a German Mitarbeiterbefragung).
_EMPLOYEE_WORDS = (
    "employee", "mitarbeiter", "job", "salary", "gehalt", "overtime", "over time", "ueberstunden",
    "promotion", "befoerderung", "attrition", "work life", "worklife", "work accident", "arbeitsunfall",
    "personalnummer", "arbeitsplatz", "vorgesetzte", "vorgesetzter", "years at company",
    "betriebszugehoerigkeit", "last evaluation", "montly hours", "monthly hours",
)  # fmt: skip
_CUSTOMER_WORDS = ("customer", "kunde", "kunden", "client", "guest", "gast", "passenger", "patient")
#: A customer company's size in a B2B survey ("Number of employees"), not the respondent's job.
_HEADCOUNT_WORDS = ("employees", "number of employees", "mitarbeiterzahl", "anzahl mitarbeiter", "headcount")
_EMPLOYEE_SIGNS = 3  # distinct staff words: one "job" or "salary" is a customer's occupation or income


def employee_headers(headers: Iterable[object]) -> list[str]:
    """The headers that show a staff file (an employee survey or HR table uploaded as the customer
    survey): empty unless three distinct staff words occur and no header names customers.

    Examples
    --------
    >>> employee_headers(["EmployeeNumber", "JobSatisfaction", "OverTime", "Age"])
    ['EmployeeNumber', 'JobSatisfaction', 'OverTime']
    >>> employee_headers(["Customer ID", "Job", "EstimatedSalary", "Number of employees"])
    []
    >>> employee_headers(["Company", "Job title", "Number of employees", "Promotion e-mails"])
    []
    """
    found: dict[str, str] = {}
    for header in headers:
        words = words_of(header)
        if has_term(words, _CUSTOMER_WORDS):
            return []
        if has_term(words, _HEADCOUNT_WORDS, inner=False):
            continue
        term = has_term(words, _EMPLOYEE_WORDS)
        if term is not None:
            found[str(header)] = term
    return list(found) if len(set(found.values())) >= _EMPLOYEE_SIGNS else []


def _employee_items(meanings: dict[str, ColumnMeaning]) -> None:
    """In a staff file, the ratings, scores and texts are employees' answers about their work: no
    touchpoint, satisfaction, recommendation or comment of customers (evidence ``employee_survey``, naming
    the staff headers)."""
    staff = employee_headers(meanings)
    if not staff:
        return
    shown = ", ".join(staff[:4])
    for meaning in meanings.values():
        if meaning.kind in ("rating", "outcome", "nps_score", "nps_group", "recommend_rating", "number"):
            meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints", "comment")))
            meaning.evidence.append(Evidence("employee_survey", {"columns": shown}))
        elif meaning.kind == "free_text":
            meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "comment")))
            meaning.evidence.append(Evidence("employee_survey", {"columns": shown}))


def employee_item(meaning: ColumnMeaning) -> bool:
    """Whether a column is an employee's answer in a staff file (see :func:`employee_headers`)."""
    return any(e.code == "employee_survey" for e in meaning.evidence)


def _nps_from_labels(meanings: dict[str, ColumnMeaning], labels: dict[str, str]) -> None:
    """A survey whose headers are codes (``NP01``) and whose workbook has a codebook sheet: the one
    0–10 item whose question text there names the recommendation is the NPS question (evidence
    ``label_names_recommendation``, quoting the text). Nothing is taken when the texts name none, or
    several."""
    sources = ("nps_score", "nps_group", "recommend_rating", "recommend_flag")
    if not labels or any(m.kind in sources for m in meanings.values()):
        return
    named = [
        column
        for column, meaning in meanings.items()
        if meaning.kind in ("rating", "outcome")
        and meaning.scale in NPS_SCALES
        and names_recommendation(labels.get(column, ""))
    ]
    if len(named) != 1:
        return
    meaning = meanings[named[0]]
    meaning.kind, meaning.direction = "nps_score", None
    meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
    meaning.evidence.append(Evidence("label_names_recommendation", {"label": labels[named[0]]}))


_GROUP_WORDS = ("group", "gruppe", "category", "kategorie", "segment", "class", "klasse", "type", "typ")


def _nps_group_columns(meanings: dict[str, ColumnMeaning]) -> None:
    """A column named as the NPS group ("Q1_NPS_GROUP", "NPS Kategorie") is never the 0–10 answer: coded
    as numbers (Qualtrics: 1 = detractor, 2 = passive, 3 = promoter) it is left out of the NPS and the
    journey, and the column it is named after ("Q1") is the NPS question when it is on 0–10."""
    for column, meaning in meanings.items():
        words = words_of(column)
        if meaning.kind == "nps_group" or not (has_term(words, ("nps",)) and has_term(words, _GROUP_WORDS)):
            continue
        meaning.kind, meaning.scale, meaning.direction = "coded", None, None
        meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
        meaning.evidence.append(Evidence("nps_group_codes", {}))
        stem = re.split(r"[\s_\-.]*nps", column, maxsplit=1, flags=re.IGNORECASE)[0]
        source = meanings.get(stem)
        if (
            stem
            and source is not None
            and source.kind in ("rating", "outcome")
            and source.scale in NPS_SCALES
        ):
            source.kind, source.direction = "nps_score", None
            source.excluded_from = tuple(dict.fromkeys((*source.excluded_from, "touchpoints")))
            source.evidence.append(Evidence("nps_group_sibling", {"column": column}))


#: Headers that name an answer without saying its question: NPS tools (Delighted, Wootric, AskNicely)
#: export the 0–10 recommend answer as "Score".
_PLAIN_SCORE_HEADERS = frozenset({"score", "rating", "bewertung", "punkte", "punktzahl", "wertung"})


def _nps_from_plain_score(meanings: dict[str, ColumnMeaning]) -> None:
    """A survey without a recommend question whose one 0–10 item (0 answered) has a plain header
    ("Score") is read as the NPS question, as an assumption shown with the NPS (evidence
    ``nps_from_plain_score``): an 11-point 0–10 answer under no other name is how NPS tools export it."""
    if any(
        m.kind in ("nps_score", "nps_group", "recommend_rating", "recommend_flag") for m in meanings.values()
    ):
        return
    ten = [c for c, m in meanings.items() if m.kind in ("rating", "outcome") and m.scale == (0, 10)]
    if len(ten) != 1 or words_of(ten[0]) not in _PLAIN_SCORE_HEADERS:
        return
    meaning = meanings[ten[0]]
    meaning.kind, meaning.direction = "nps_score", None
    meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
    meaning.evidence.append(Evidence("nps_from_plain_score", {"column": ten[0]}))


def _question_key(header: str) -> str | None:
    """What ties the items of one question together: the stem (``Q2_1`` -> ``q2``), or the question text
    before " - " of a survey tool's battery header ("How satisfied are you … - Website")."""
    stem = _stem(header)
    if stem:
        return "stem:" + stem
    question, dash, item = header.rpartition(" - ")
    return "text:" + words_of(question) if dash and words_of(question) and words_of(item) else None


def _pool_likert_scales(profiles: dict[str, ItemProfile]) -> dict[str, int]:
    """Items of one question answered in words are read on one scale, that of their pooled words (an
    item nobody rated "Extremely satisfied" is on its battery's 1–7 all the same). Returns the number of
    items pooled, per column."""
    questions: dict[str, list[str]] = {}
    for column, profile in profiles.items():
        key = _question_key(column) if profile.likert_scale is not None and not profile.counts else None
        if key:
            questions.setdefault(key, []).append(column)
    pooled: dict[str, int] = {}
    for members in questions.values():
        words = {word for column in members for word in profiles[column].likert}
        scale, rival = likert_scale(words) if len(members) > 1 else (None, None)
        if scale is None:
            continue
        for column in members:
            profiles[column].likert_scale, profiles[column].likert_rival = scale, rival
            pooled[column] = len(members)
    return pooled


def _meaning(profile: ItemProfile, family: Family | None, *, pooled: int = 0) -> ColumnMeaning:
    """The kind, scale, codes and direction of one column (``pooled``: items whose answer words were read
    together, see :func:`_pool_likert_scales`)."""
    words = profile.words
    recommend = has_term(words, _RECOMMEND_WORDS)
    if profile.groups and sum(profile.groups.values()) >= 0.8 * (
        profile.n - sum(profile.codes_found.values())
    ):
        found = Counter(NPS_GROUP_WORDS[w] for w, c in profile.groups.items() for _ in range(min(c, 1)))
        return _with_codes(
            ColumnMeaning(
                profile.column,
                "nps_group",
                evidence=[Evidence("nps_group_words", {g: found.get(g, 0) for g in GROUP_SCORES})],
            ),
            profile,
        )
    if profile.satisfied_words and _outcome_word(profile.column, words):  # the share satisfied
        named = {point: cell for cell, point in profile.satisfied_words.items()}
        meaning = ColumnMeaning(
            profile.column, "outcome", scale=(0, 1), direction="higher_better",
            excluded_from=("touchpoints",),
            evidence=[Evidence("satisfied_words", {"yes": named[1], "no": named[0]})],
        )  # fmt: skip
        return _with_codes(meaning, profile)
    if profile.is_binary and not recommend and _satisfied_flag(profile, words):  # "HighSatisfaction" 0/1
        meaning = ColumnMeaning(
            profile.column, "outcome", scale=(0, 1), direction="higher_better",
            excluded_from=("touchpoints",), evidence=[Evidence("satisfied_flag", {})],
        )  # fmt: skip
        return _with_codes(meaning, profile)
    if profile.is_binary:
        kind = "recommend_flag" if recommend else "flag"
        evidence = [Evidence("binary_values", {})]
        if recommend:
            evidence.append(Evidence("header_word", {"word": recommend}))
        return ColumnMeaning(profile.column, kind, scale=(0, 1), evidence=evidence)
    if profile.bipolar:
        return ColumnMeaning(
            profile.column, "bipolar", direction="bipolar", excluded_from=("touchpoints",),
            evidence=[Evidence("bipolar_words", {})],
        )  # fmt: skip
    if profile.likert_scale is not None and not profile.counts and profile.is_candidate:
        return _likert_meaning(profile, recommend, pooled)
    family = _with_stated_scale(profile, family)
    if family is not None and family.scale is not None:
        meaning = ColumnMeaning(
            profile.column, "rating", scale=family.scale, missing_codes=family.codes,
            evidence=list(family.evidence),
        )  # fmt: skip
        meaning.missing_count = sum(profile.counts.get(code, 0) for code in family.codes)
        meaning = _with_codes(meaning, profile)
        valid = [v for v in profile.counts if v not in family.codes]
        answers = sum(c for v, c in profile.counts.items() if v not in family.codes)
        if len(valid) < 2 or (answers >= MIN_ANSWERS_FOR_SPREAD and len(valid) < 3):
            meaning.kind = "coded"
            meaning.evidence.append(Evidence("too_few_points", {"points": len(valid)}))
            return meaning
        labelled = _ordinal_labels(profile)  # "1 - Never" … "5 - Always": how often, not how satisfied
        if labelled is not None:
            return _ordinal(meaning, labelled)
        return _classify_rating(meaning, profile, recommend)
    if family is not None and family.answers < MIN_ANSWERS_FOR_SPREAD:  # too few answers to tell
        meaning = ColumnMeaning(profile.column, "rating", evidence=[Evidence("few_answers", {})])
        meaning.scale = _long_scale_of(profile)
        if meaning.scale is not None:
            meaning.evidence.append(Evidence("answers_beyond_short_scales", {"high": max(profile.counts)}))
        return _classify_rating(_with_codes(meaning, profile), profile, recommend)
    if family is not None:
        counted = [e for e in family.evidence if e.code == "count_values"]
        return ColumnMeaning(profile.column, "coded", evidence=[*counted, Evidence("no_rating_scale", {})])
    decimal = _decimal_rating(profile, recommend)
    if decimal is not None:
        return decimal
    if profile.is_free_text:
        length = {"mean_length": round(profile.mean_length), "unique_share": round(profile.unique_share, 2)}
        meaning = ColumnMeaning(profile.column, "free_text", evidence=[Evidence("long_unique_text", length)])
        reply = company_reply_word(profile.column)
        if reply:  # the company's answer to a review is not what the customer wrote
            meaning.excluded_from = ("comment",)
            meaning.evidence.append(Evidence("company_reply", {"word": reply}))
        elif personal := personal_field_word(profile.column):  # a form's "Full Name": no voice
            meaning.excluded_from = ("comment",)
            meaning.evidence.append(Evidence("personal_field", {"word": personal}))
        return meaning
    if profile.numeric:
        meaning = ColumnMeaning(profile.column, "number")
        if mostly_beyond_scales(profile.counts):  # say why a column named "NPS" gives no NPS
            meaning.evidence.append(_beyond_scales_evidence(profile.counts))
        return meaning
    return ColumnMeaning(profile.column, "category")


#: Header words of a score that averages many ratings (a hotel's "Average_Score"), not one answer.
_AVERAGE_WORDS = ("average", "avg", "mean", "durchschnitt", "durchschnittlich", "mittelwert", "schnitt")


def _decimal_rating(profile: ItemProfile, recommend: str | None) -> ColumnMeaning | None:
    """A score on a decimal scale (Booking.com's ``Reviewer_Score`` 2.5–10, half stars 3.5): numbers
    with one decimal place at most, within 0–10, under a rating word, read as a rating on 0–10 / 1–10
    (or 0–5 / 1–5 when no answer passes 5), the scale stated. Never an NPS: that needs whole-number
    answers to the recommend question. A header that says it is an average ("Average_Score") is a
    number, not a customer's answer. None when the column is no such score."""
    span = profile.number_range
    written = profile.numeric and profile.other == profile.n  # many distinct numbers, all read as such
    if not profile.fractional or span is None or not (written or profile.other in (0, profile.fractional)):
        return None
    words = profile.words
    if span[0] < 0 or not 1 < span[1] <= 10 or profile.likert or profile.groups:
        return None
    if not has_term(words, RATING_WORDS) or _not_rating_word(words):
        return None
    average = has_term(words, _AVERAGE_WORDS)
    if average:
        evidence = [Evidence("average_score", {"word": average})]
        return ColumnMeaning(profile.column, "number", evidence=evidence)
    scale = (0 if span[0] < 1 else 1, 5 if span[1] <= 5 else 10)
    evidence = [Evidence("decimal_scale", {"low": scale[0], "high": scale[1]})]
    meaning = _with_codes(ColumnMeaning(profile.column, "rating", scale=scale, evidence=evidence), profile)
    if recommend:  # decimals are no answers to the 0–10 recommend question: summarised, no NPS
        meaning.kind, meaning.excluded_from = "recommend_rating", ("touchpoints",)
        meaning.evidence.append(Evidence("decimal_not_nps", {"word": recommend}))
        return meaning
    return _classify_rating(meaning, profile, None)


def _likert_meaning(profile: ItemProfile, recommend: str | None, pooled: int) -> ColumnMeaning:
    """A question answered in words of a known scale: a rating on 1 … points (satisfaction, agreement,
    quality), or ordered answers that are no judgement of a touchpoint (how often, how important; how
    likely, unless it is the recommend question or an outcome such as buying again)."""
    scale = profile.likert_scale
    assert scale is not None
    evidence = [Evidence("likert_words", _likert_params(profile, scale))]
    if pooled > 1:
        evidence.insert(0, Evidence("shared_scale", {"items": pooled}))
    if scale.bipolar and not scale.midpoint:
        evidence.append(Evidence("likert_no_midpoint", {"points": scale.points}))
    if profile.likert_rival is not None:
        other = _likert_params(profile, profile.likert_rival)["words"]
        evidence.append(Evidence("likert_assumed", {"points": profile.likert_rival.points, "other": other}))
    if scale.points < 3:  # "agree / disagree": two answers are a yes or no, not a rating scale
        evidence.append(Evidence("too_few_points", {"points": scale.points}))
        return _with_codes(ColumnMeaning(profile.column, "coded", evidence=evidence), profile)
    meaning = _with_codes(
        ColumnMeaning(profile.column, "rating", scale=(1, scale.points), evidence=evidence), profile
    )
    if scale.dimension in ("importance", "frequency"):
        return _ordinal(meaning, scale)
    meaning = _classify_rating(meaning, profile, recommend)
    if scale.dimension == "likelihood" and meaning.kind == "rating":
        return _ordinal(meaning, scale)
    return meaning


def _ordinal_labels(profile: ItemProfile) -> LikertScale | None:
    """The frequency or importance scale whose words label the numbers of a column (answers "1 - Never",
    or a header "(1 = nie, 5 = immer)"), or None."""
    labels = [label for _, label in header_anchors(profile.column) + sorted(profile.labels.items())]
    scale, _ = likert_scale({words_of(label) for label in labels}) if len(labels) >= 2 else (None, None)
    return scale if scale is not None and scale.dimension in ("importance", "frequency") else None


def _likert_params(profile: ItemProfile, scale: LikertScale) -> dict:
    """The evidence parameters of answer words read on ``scale``: its kind, range, the words as written
    with their points, and its key (read by validation)."""
    points = sorted((scale.point(word) or 0, profile.spellings.get(word, word)) for word in profile.likert)
    return {
        "scale": Message(f"likert.scale.{scale.dimension}"),
        "low": 1,
        "high": scale.points,
        "words": ", ".join(f"{point} = {text}" for point, text in points),
        "key": scale.key,
    }


def _ordinal(meaning: ColumnMeaning, scale: LikertScale) -> ColumnMeaning:
    """Ordered answers read as points but left out of the journey: they say how often, how important or
    how likely, not how satisfied."""
    meaning.kind, meaning.direction = "ordinal", None
    meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
    meaning.evidence.append(Evidence("ordinal_words", {"scale": Message(f"likert.scale.{scale.dimension}")}))
    return meaning


def _long_scale_of(profile: ItemProfile) -> tuple[int, int] | None:
    """0–10 when a few whole-number answers already go past every short scale (an 8, 9 or 10 cannot
    come from a 1–5 or 1–7 item); otherwise the scale stays unknown."""
    answers = [value for value in profile.counts if value not in FAR_CODES]
    if answers and min(answers) >= 0 and 7 < max(answers) <= 10:
        return (0, 10)
    return None


def _with_codes(meaning: ColumnMeaning, profile: ItemProfile) -> ColumnMeaning:
    """Add the non-answer words found in the column to its codes and count (and say when answers were
    written as numbers with labels)."""
    if profile.end_labels:
        labels = ", ".join(f"{number} = {label}" for number, label in sorted(profile.labels.items()))
        points = dict(profile.end_labels)
        meaning.evidence.append(Evidence("end_labels", {"labels": labels, "points": points}))
    elif profile.labels:
        example = ", ".join(f"{number} = {label}" for number, label in sorted(profile.labels.items())[:2])
        meaning.evidence.append(Evidence("labelled_numbers", {"example": example}))
    if profile.codes_found:
        meaning.missing_codes = (*meaning.missing_codes, *profile.codes_found)
        meaning.missing_count += sum(profile.codes_found.values())
        meaning.evidence.append(Evidence("nonanswer_words", {"words": list(profile.codes_found)}))
    return meaning


def _classify_rating(meaning: ColumnMeaning, profile: ItemProfile, recommend: str | None) -> ColumnMeaning:
    """A rating item is the NPS source, another recommend item, an outcome, coded data, or a touchpoint."""
    words = profile.words
    if recommend:
        meaning.evidence.append(Evidence("header_word", {"word": recommend}))
        meaning.kind = "nps_score" if meaning.scale in NPS_SCALES else "recommend_rating"
        if meaning.scale == (1, 10):  # no 0 answered or offered: read as the NPS question all the same
            meaning.evidence.append(Evidence("nps_from_1_to_10", {}))
        if meaning.kind == "nps_score" and profile.other:  # words it does not know: left out of the NPS
            meaning.evidence.append(Evidence("nps_unreadable_answers", {"count": profile.other}))
        meaning.excluded_from = ("touchpoints",)
        return meaning
    not_rating = _not_rating_word(words)
    if not_rating and not has_term(words, ("satisfaction", "zufriedenheit", "rating", "bewertung")):
        meaning.kind = "coded"
        meaning.excluded_from = ("touchpoints",)
        meaning.evidence.append(Evidence("not_a_rating_word", {"word": not_rating}))
        return meaning
    ordinal = _ordinal_header_word(words)
    if ordinal:  # "How important are the following to you? [Delivery]": a weight, not a satisfaction
        meaning.kind, meaning.direction = "ordinal", None
        meaning.excluded_from = tuple(dict.fromkeys((*meaning.excluded_from, "touchpoints")))
        meaning.evidence.append(Evidence("ordinal_header", {"word": ordinal}))
        return meaning
    anchors = header_anchors(profile.column) + sorted(profile.labels.items())
    if len(anchors) >= 3 and sum(_anchor_point(label) is not None for _, label in anchors) < len(anchors) / 2:
        meaning.kind = "coded"  # "Kanal (1=online, 2=Telefon, 3=Filiale)": the header lists answer codes
        meaning.excluded_from = ("touchpoints",)
        meaning.evidence.append(
            Evidence("value_labels", {"labels": ", ".join(label for _, label in anchors)})
        )
        return meaning
    in_words = any(e.code == "likert_words" for e in meaning.evidence)  # words carry their own direction
    reversed_by = None if in_words else _best_is_lowest(words, anchors, meaning.scale)
    if reversed_by is not None:
        low, high = meaning.scale  # type: ignore[misc]
        meaning.evidence.append(Evidence("reversed_scale", {"best": low, "worst": high, "word": reversed_by}))
    outcome = _outcome_word(profile.column, words)
    if outcome:
        meaning.kind = "outcome"
        meaning.excluded_from = ("touchpoints",)
        meaning.evidence.append(Evidence("outcome_word", {"word": outcome}))
        return meaning
    satisfaction = has_term(words, ("satisfaction", "zufriedenheit", "csat"))
    if satisfaction:  # "Zufriedenheit mit der Beratung": satisfaction with a touchpoint, not overall
        meaning.evidence.append(Evidence("touchpoint_satisfaction", {"word": satisfaction}))
    if worse := _higher_worse_word(words):
        meaning.direction = "higher_worse"
        meaning.excluded_from = ("touchpoints",)
        meaning.evidence.append(Evidence("higher_is_worse_word", {"word": worse}))
    else:
        meaning.direction = "higher_better"
    return meaning


#: Header words of a question that asks how important, how often or how likely, not how satisfied (the
#: importance grid of an importance–performance survey, "Wie oft nutzen Sie …", Starbucks' "How likely
#: you will choose Starbucks for business meetings?"); the recommend question is read before.
_ORDINAL_HEADER_WORDS = (
    "important", "importance", "wichtig", "wichtigkeit", "how often", "how frequently", "frequency",
    "wie oft", "wie haeufig", "haeufigkeit", "how likely", "likelihood", "wie wahrscheinlich",
    "wahrscheinlichkeit",
)  # fmt: skip


def _ordinal_header_word(words: str) -> str | None:
    """The header word that says an item asks how important or how often, unless it also asks how
    satisfied.

    Examples
    --------
    >>> _ordinal_header_word(words_of("Wie wichtig sind Ihnen folgende Punkte? [Lieferung]"))
    'wichtig'
    >>> _ordinal_header_word(words_of("How satisfied are you with the most important features?")) is None
    True
    """
    found = has_term(words, _ORDINAL_HEADER_WORDS)
    satisfied = has_term(words, (*_SATISFIED_WORDS, "satisfaction", "zufriedenheit", "csat"))
    return None if found is None or satisfied else found


def _higher_worse_word(words: str) -> str | None:
    """The header word that says a higher answer is worse (effort, waiting, problems), unless a word
    says the opposite; a mere rating word ("rate", "Bewertung") turns waiting or problems around
    ("Rate the waiting time"), never an amount of effort ("Rate the effort it took").

    Examples
    --------
    >>> _higher_worse_word(words_of("How would you rate the effort it took?"))
    'effort'
    >>> _higher_worse_word(words_of("Wartezeit Bewertung")), _higher_worse_word(words_of("How easy was it?"))
    (None, None)
    """
    worse = has_term(words, _HIGHER_WORSE_WORDS)
    if worse is None:
        return None
    better = tuple(w for w in _HIGHER_BETTER_WORDS if w not in _RATE_WORDS or worse not in _EFFORT_WORDS)
    return None if has_term(words, better) else worse


_ANCHOR = re.compile(r"(?<![\w.,])(\d{1,2})\s*(?:=|:|-|–|\()\s*([^\d=:;,()/]+)")
_ANCHOR_END = re.compile(r"\s+(?:bis|to|through|und|and|-|–)\s*$", re.IGNORECASE)
#: Anchor words that are not answer words but still say which end is good.
_ANCHOR_WORDS = {
    words_of(word): point
    for point, words in (
        (1, ("worst", "the worst", "schlechteste", "am schlechtesten", "ungenuegend", "mangelhaft",
             "completely dissatisfied", "not at all satisfied", "ueberhaupt nicht zufrieden")),
        (2, ("ausreichend",)),
        (5, ("best", "the best", "beste", "am besten", "completely satisfied", "voll und ganz zufrieden",
             "vollkommen zufrieden")),
    )
    for word in words
}  # fmt: skip
_GRADE_WORDS = ("schulnote", "schulnoten", "notenskala", "nach schulnoten", "school grade", "school grades")


def header_anchors(header: object) -> list[tuple[int, str]]:
    """The scale points a header labels (``"(1 = sehr gut, 6 = ungenügend)"``), in header order.

    Examples
    --------
    >>> header_anchors("Beratung (1 = sehr gut bis 6 = ungenügend)")
    [(1, 'sehr gut'), (6, 'ungenügend')]
    >>> header_anchors("Kanal (1=online, 2=Telefon, 3=Filiale)"), header_anchors("Q2_1 Website (0-10)")
    ([(1, 'online'), (2, 'Telefon'), (3, 'Filiale')], [])
    """
    found = []
    for number, label in _ANCHOR.findall(str(header)):
        label = _ANCHOR_END.sub("", label.strip()).strip(" -–.")
        if label and any(ch.isalpha() for ch in label):
            found.append((int(number), label))
    return found


#: A scale written in the header: "(0-10)", "[1–5]", "0 bis 10", "Skala von 1 bis 7", "on a scale of 1 to 10".
_STATED_RANGE = re.compile(
    r"(?:^|(?<=[\s(\[:]))([01])\s*(?:-|–|—|\.\.|bis|to|through)\s*(\d{1,2})(?=$|[\s)\]:,.;?])",
    re.IGNORECASE,
)
_STATED_SCALES = frozenset({(0, 4), (0, 5), (0, 6), (0, 10), (1, 4), (1, 5), (1, 6), (1, 7), (1, 9), (1, 10)})
#: Share of the numeric answers that must lie on the stated scale for the header to be believed.
STATED_SCALE_FIT = 0.8


def stated_scale(header: object) -> tuple[int, int] | None:
    """The answer scale a header states ("Weiterempfehlung (0-10)", "Beratung [1–5]", "Skala 1 bis 7"), or
    its two numbered end labels ("1 = sehr gut … 6 = ungenügend"); None when it states none.

    Only the usual rating scales count (0–4 … 0–10, 1–4 … 1–10), so that "Alter 18-25" or "Q1-5" is no
    scale.

    Examples
    --------
    >>> stated_scale("Wie wahrscheinlich ist eine Weiterempfehlung? (0-10)"), stated_scale("Service [1–5]")
    ((0, 10), (1, 5))
    >>> stated_scale("Skala von 1 bis 7"), stated_scale("Beratung (1 = sehr gut, 6 = ungenügend)")
    ((1, 7), (1, 6))
    >>> stated_scale("Q1-5"), stated_scale("Alter 18-25"), stated_scale("Kanal (1=online, 2=Telefon)")
    (None, None, None)
    """
    text = str(header)
    for low, high in _STATED_RANGE.findall(text):
        if (int(low), int(high)) in _STATED_SCALES:
            return int(low), int(high)
    anchors = header_anchors(text)
    if len(anchors) == 2 and all(_anchor_point(label) is not None for _, label in anchors):
        ends = (min(n for n, _ in anchors), max(n for n, _ in anchors))
        if ends in _STATED_SCALES:
            return ends
    return None


def _with_stated_scale(profile: ItemProfile, family: Family | None) -> Family | None:
    """The column's own one-item family on the scale its header states, when its numeric answers fit that
    scale: answers on it are never non-answer codes (a small sample of 0–10 answers with nobody between 4
    and 7 keeps its 9s and 10s), values off it are. Otherwise ``family`` as it was."""
    scale = stated_scale(profile.column)
    answers = sum(profile.counts.values())
    if scale is None or not answers:
        return family
    low, high = scale
    on_scale = {value: count for value, count in profile.counts.items() if low <= value <= high}
    if sum(on_scale.values()) < STATED_SCALE_FIT * answers or len(on_scale) < 2:
        return family
    if family is not None and family.scale == scale and not any(low <= c <= high for c in family.codes):
        return family
    codes = tuple(sorted(value for value in profile.counts if value not in on_scale))
    evidence = [Evidence("header_scale", {"low": low, "high": high})]
    return Family([profile.column], scale, codes, evidence, answers)


def _anchor_point(label: str) -> float | None:
    words = words_of(label)
    goodness = _goodness(words)
    return _ANCHOR_WORDS.get(words) if goodness is None else 1 + 4 * goodness


def _best_is_lowest(words: str, anchors: list[tuple[int, str]], scale: tuple[int, int] | None) -> str | None:
    """Why the lowest number is the best answer (school grades, "1 = sehr gut … 6 = ungenügend"), or None."""
    if scale is None or scale[0] > 1:
        return None
    rated = sorted(
        (number, point) for number, label in anchors if (point := _anchor_point(label)) is not None
    )
    if len(rated) >= 2 and rated[0][1] > rated[-1][1]:
        return next(label for number, label in anchors if number == rated[0][0])
    grade = has_term(words, _GRADE_WORDS)
    if grade or (scale == (1, 6) and has_term(words, ("note", "noten"), inner=False)):
        return grade or "note"
    return None


_SATISFIED_WORDS = ("satisfied", "zufrieden")
#: Words that turn a satisfaction flag around ("LowSatisfaction", "Unzufrieden", "not satisfied").
_UNSATISFIED_WORDS = (
    "low", "niedrig", "gering", "dissatisfied", "dissatisfaction", "unsatisfied", "unzufrieden",
    "unzufriedenheit", "not", "nicht", "kein", "keine", "no",
)  # fmt: skip


def _satisfied_flag(profile: ItemProfile, words: str) -> bool:
    """Whether a 0/1 column is the customer's satisfaction (Kaggle's restaurant survey 'HighSatisfaction',
    'Satisfied', 'Zufrieden (0/1)'): numbers 0 and 1 under a header naming satisfaction and nothing else,
    no word turning it around. Yes/no words and a 'Churn' or 'Complain' flag stay flags."""
    if set(profile.counts) != {0, 1} or has_term(words, _UNSATISFIED_WORDS, inner=False):
        return False
    found = has_term(words, ("satisfaction", "zufriedenheit", "csat", *_SATISFIED_WORDS))
    plain = " ".join(word for word in words.split() if word not in ("high", "hoch", "hohe"))
    return found is not None and not _satisfaction_with_something(plain)


_SERVICE_OUTCOMES = ("loyalty", "loyal", "treue", "complain", "complaint", "beschwerde", "retention")


#: Words beside "satisfaction" that name no touchpoint: the overall judgement, the customer, the measure.
_NOT_A_TOUCHPOINT = frozenset(
    {"overall", "all", "gesamt", "insgesamt", "total", "general", "generally", "allgemein", "allgemeine",
     "generell", "global", "customer", "customers", "kunden", "kunde", "score", "rating", "index", "level",
     "grad", "wert", "note", "mit", "with", "the", "der", "die", "das", "den", "dem", "des", "of", "your",
     "our", "ihre", "ihr", "ihrer", "unsere", "unserem", "unserer", "unser", "bei", "uns", "and", "und",
     "survey", "umfrage", "question", "frage", "item", "scale", "skala", "sehr", "very", "satisfied",
     "dissatisfied", "zufrieden", "unzufrieden", "how", "wie", "are", "you", "sind", "sie", "csat",
     # the company as a whole ("mit unserem Unternehmen", "with our company today"): the overall judgement
     "company", "firm", "business", "brand", "provider", "unternehmen", "firma", "marke", "anbieter", "als",
     "today", "heute", "were", "waren", "was", "war", "sich"}
)  # fmt: skip
_SATISFACTION_STEMS = ("zufriedenheit", "satisfaction")


def _satisfaction_with_something(header: str) -> bool:
    """Whether a satisfaction header names what it is about ("Zufriedenheit Preis", "Satisfaction opening
    hours", "Preiszufriedenheit"): a touchpoint's rating, not the overall judgement ("Gesamtzufriedenheit",
    "Customer Satisfaction Score", "Kundenzufriedenheit (1-5)"). Answer anchors in brackets are ignored."""
    plain = re.sub(r"\(.*?\)|\[.*?\]|\d+\s*=.*$", " ", header)
    for token in words_of(plain).split():
        for stem in _SATISFACTION_STEMS:
            token = token.replace(stem, " ")
        for part in token.split():
            if len(part) >= 3 and not part.isdigit() and part not in _NOT_A_TOUCHPOINT:
                return True
    return False


def _outcome_word(header: str, words: str) -> str | None:
    """An outcome word in the header, unless it is part of a touchpoint name ("Zufriedenheit Lieferung").
    A satisfaction question about nothing in particular or the company as a whole ("How satisfied are
    you with our company?", "Wie zufrieden sind Sie mit uns?") is the overall judgement.

    Examples
    --------
    >>> header = "Wie zufrieden sind Sie mit unserem Unternehmen?"
    >>> _outcome_word(header, words_of(header))
    'zufrieden'
    >>> header = "How satisfied were you with the following? [Delivery]"
    >>> _outcome_word(header, words_of(header)) is None
    True
    """
    from cxlib.phases import touchpoint_likeness

    found = has_term(words, _OUTCOME_WORDS) or has_term(words, _SATISFIED_WORDS)
    if found is None:
        return None
    if found in ("satisfaction", "zufriedenheit", "csat", *_SATISFIED_WORDS) and (
        touchpoint_likeness(words) >= 1.0 or _satisfaction_with_something(header)
    ):
        return None  # "Zufriedenheit Lieferung", "satisfaction with the waiting time" name a touchpoint
    handled = has_term(words, ("programme", "program", "handling", "bearbeitung"))
    if found in _SERVICE_OUTCOMES and handled and touchpoint_likeness(words) >= 1.0:
        return None  # "complaint handling", "loyalty programme" are touchpoints
    return found


def _mark_batteries(meanings: dict[str, ColumnMeaning], families: list[Family]) -> None:
    """In a questionnaire with rating batteries (three or more rating items sharing a stem, prefix or
    suffix), a rating item outside every family that holds a battery, without a touchpoint or rating word
    in its header, is left out of the journey (it is more likely a coded answer such as a day or a band)."""
    from cxlib.phases import touchpoint_likeness

    affixes: dict[str, list[str]] = {}
    for column, meaning in meanings.items():
        if meaning.kind in ("rating", "outcome"):
            for key in _affixes(column):
                affixes.setdefault(key, []).append(column)
    battery_items = {c for group in affixes.values() if len(group) >= BATTERY_SIZE for c in group}
    if not battery_items:
        return
    with_battery = {c for f in families if battery_items & set(f.columns) for c in f.columns}
    for column, meaning in meanings.items():
        if meaning.kind != "rating" or column in with_battery | battery_items:
            continue  # an item of a battery itself ("The restaurant was clean" among "The …" statements)
        if "touchpoints" in meaning.excluded_from:
            continue
        words = words_of(column)
        if touchpoint_likeness(words) >= 0.5 or has_term(words, RATING_WORDS):
            continue
        meaning.excluded_from = ("touchpoints",)
        meaning.evidence.append(Evidence("not_in_battery", {}))


def _ratings_in(family: Family, meanings: dict[str, ColumnMeaning]) -> int:
    return sum(meanings[c].kind in ("rating", "outcome") for c in family.columns)


# --- reading answers --------------------------------------------------------------------------------------


def likert_points(values: pd.Series, *, scale: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Answer words read as points of their scale (1 = worst); other cells unchanged. Returns the values and
    a mask of the cells that were words.

    Parameters
    ----------
    values : Series
        The answers of one question.
    scale : str, optional
        The key of the :class:`LikertScale` to read them on (as the questionnaire chose it, see the
        ``likert_words`` evidence); by default the scale of the words in ``values`` (:func:`likert_scale`).

    Examples
    --------
    >>> answers = ["Stimme voll und ganz zu", "stimme eher nicht zu", "3", None]
    >>> points, was_word = likert_points(pd.Series(answers))
    >>> points.tolist(), was_word.tolist()
    ([4.0, 2.0, '3', None], [True, True, False, False])
    >>> answers = ["Moderately satisfied", "EXTREMELY DISSATISFIED", " Neither satisfied nor dissatisfied ",
    ...            "slightly satisfied."]
    >>> likert_points(pd.Series(answers))[0].tolist()
    [6.0, 1.0, 4.0, 5.0]
    """
    cells = {cell: words_of(cell) for cell in pd.unique(values.dropna()) if isinstance(cell, str)}
    if scale is None:
        chosen, _ = likert_scale({word for word in cells.values() if word in LIKERT_WORDS})
    elif scale in _SCALE_BY_KEY:
        chosen = _SCALE_BY_KEY[scale]
    else:
        raise ValueError(f"unknown answer scale {scale!r}")
    points = {cell: float(point) for cell, word in cells.items() if chosen and (point := chosen.point(word))}
    was_word = values.map(lambda cell: cell in points if isinstance(cell, str) else False).astype(bool)
    result = values.astype(object).where(~was_word, values.map(points).astype(object))
    return result.where(values.notna(), None), was_word


def end_label_points(values: pd.Series, points: dict[str, int]) -> pd.Series:
    """The pole words of a scale labelled only at its ends read as their points (``points``: normalised
    word -> point, see the ``end_labels`` evidence); other cells unchanged.

    Examples
    --------
    >>> answers = pd.Series(["Very dissatisfied", "3", "very satisfied ", None])
    >>> end_label_points(answers, {"very dissatisfied": 1, "very satisfied": 5}).tolist()
    [1, '3', 5, nan]
    """

    def point(cell: object) -> object:
        return points.get(words_of(cell), cell) if isinstance(cell, str) else cell

    return values.astype(object).map(point, na_action="ignore")


def nps_groups(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """NPS group words read as representative scores (promoter 10, passive 8, detractor 3), so the NPS of
    the scores equals the NPS of the groups. Returns the scores and a mask of unreadable non-empty cells.

    Examples
    --------
    >>> scores, bad = nps_groups(pd.Series(["promotor", "passiv", "Detraktor", "weiß nicht", None]))
    >>> scores.tolist(), bad.tolist()
    ([10.0, 8.0, 3.0, nan, nan], [False, False, False, False, False])
    """
    text = values.astype("string").str.strip()
    words = text.map(lambda cell: words_of(cell) if isinstance(cell, str) else None)
    groups = words.map(lambda w: NPS_GROUP_WORDS.get(w) if isinstance(w, str) else None)
    scores = groups.map(lambda g: GROUP_SCORES.get(g) if isinstance(g, str) else None).astype("float64")
    filled = text.notna() & (text != "")
    nonanswer = text.map(is_nonanswer, na_action="ignore").fillna(False).astype(bool)
    bad = (filled & scores.isna() & ~nonanswer).fillna(False).astype(bool)
    return scores, bad
