"""Human names for personas, so that a meeting can talk about "Ulrike Meier" instead of "cluster 2".

German names for the German interface, English names for the English one. The first name follows the
persona's (majority) gender; a neutral first name is used when the gender is unknown or "diverse".
Names are drawn deterministically (seeded by the model's seed and the persona's position) and never repeat
a first or a last name within one set of personas.

The draw is language-neutral: :func:`persona_name_codes` picks positions in the name lists (both
languages' lists have the same lengths and no repeated name), and a :class:`PersonaName` is rendered in
a language only when shown, so a language switch needs no refit and gives each persona the name it has
always had in that language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["FIRST_NAMES", "LAST_NAMES", "MAX_PERSONAS", "PersonaName", "persona_name_codes", "persona_names"]

FIRST_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "de": {
        "female": (
            "Ulrike", "Sabine", "Petra", "Claudia", "Andrea", "Katrin", "Susanne", "Monika", "Birgit",
            "Anja", "Julia", "Lena", "Miriam", "Nadine", "Stefanie", "Heike", "Ingrid", "Jutta", "Karin",
            "Lisa", "Marlene", "Nicole", "Renate", "Silke", "Tanja", "Ute", "Vanessa", "Yvonne", "Greta",
            "Hannah", "Frieda", "Elke",
        ),
        "male": (
            "Uwe", "Thomas", "Michael", "Andreas", "Stefan", "Jürgen", "Klaus", "Frank", "Markus",
            "Matthias", "Tobias", "Jonas", "Lukas", "Felix", "Dieter", "Holger", "Jens", "Karl", "Lars",
            "Martin", "Norbert", "Oliver", "Peter", "Ralf", "Sven", "Torsten", "Volker", "Wolfgang",
            "Bernd", "Henrik", "Moritz", "Günter",
        ),
        "neutral": (
            "Kim", "Alex", "Robin", "Luca", "Charlie", "Sascha", "Toni", "Kai", "Jo", "Eike", "Micha",
            "Chris", "Sam", "Noah", "Mika", "Janne", "Lou", "Ari", "Elia", "Maxi",
        ),
    },
    "en": {
        "female": (
            "Emily", "Sarah", "Jessica", "Laura", "Rachel", "Hannah", "Olivia", "Grace", "Megan",
            "Charlotte", "Amelia", "Sophie", "Lucy", "Chloe", "Emma", "Alice", "Rebecca", "Victoria",
            "Natalie", "Claire", "Helen", "Karen", "Linda", "Margaret", "Susan", "Julia", "Fiona",
            "Abigail", "Ruth", "Diana", "Holly", "Ellen",
        ),
        "male": (
            "James", "John", "David", "Michael", "Robert", "William", "Daniel", "Thomas", "George",
            "Oliver", "Harry", "Jack", "Henry", "Edward", "Samuel", "Benjamin", "Joseph", "Matthew",
            "Andrew", "Peter", "Richard", "Steven", "Paul", "Mark", "Brian", "Kevin", "Gary", "Simon",
            "Adam", "Patrick", "Owen", "Nathan",
        ),
        "neutral": (
            "Alex", "Jordan", "Taylor", "Casey", "Morgan", "Riley", "Jamie", "Avery", "Quinn", "Sam",
            "Robin", "Charlie", "Drew", "Jesse", "Skyler", "Rowan", "Hayden", "Emerson", "Reese", "Kendall",
        ),
    },
}  # fmt: skip

LAST_NAMES: dict[str, tuple[str, ...]] = {
    "de": (
        "Meier", "Hoffmann", "Schmidt", "Müller", "Schneider", "Fischer", "Weber", "Wagner", "Becker",
        "Schulz", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Lehmann",
        "Köhler", "Herrmann", "Walter", "König", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang",
        "Scholz", "Möller", "Vogel",
    ),
    "en": (
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
        "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker",
        "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans",
        "Turner", "Parker", "Collins",
    ),
}  # fmt: skip

#: More personas than this cannot get distinct names from the neutral list.
MAX_PERSONAS = min(len(names["neutral"]) for names in FIRST_NAMES.values())


@dataclass(frozen=True, order=True)
class PersonaName:
    """A persona's name as positions in the name lists: ``group`` ("female", "male", "neutral"),
    ``first`` and ``last``; :meth:`text` gives the name in a language.

    Examples
    --------
    >>> code = PersonaName("female", 0, 0)
    >>> code.text("de"), code.text("en")
    ('Ulrike Meier', 'Emily Smith')
    """

    group: str
    first: int
    last: int

    def text(self, lang: str = "en") -> str:
        """ "First Last" in ``lang`` ("en" or "de")."""
        if lang not in FIRST_NAMES:
            raise ValueError(f'lang must be "en" or "de", got {lang!r}')
        return f"{FIRST_NAMES[lang][self.group][self.first]} {LAST_NAMES[lang][self.last]}"


def _check_genders(genders: Sequence[str | None], lang: str) -> None:
    """ValueError for an unknown language or more personas than distinct names."""
    if lang not in FIRST_NAMES:
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    if len(genders) > MAX_PERSONAS:
        raise ValueError(f"at most {MAX_PERSONAS} personas can be named, got {len(genders)}")


def persona_name_codes(genders: Sequence[str | None], *, seed: int = 0) -> list[PersonaName]:
    """A distinct name code for each persona, the first name following its gender (see
    :func:`persona_names`); the same codes give the same names as before in either language.

    Examples
    --------
    >>> codes = persona_name_codes(["female", "male", None], seed=0)
    >>> [code.text("de") for code in codes] == persona_names(["female", "male", None], lang="de", seed=0)
    True
    """
    _check_genders(genders, "en")
    used_first: set[tuple[str, int]] = set()
    used_last: set[int] = set()
    codes = []
    for position, gender in enumerate(genders):
        rng = np.random.default_rng([seed, position])
        group = gender if gender in ("female", "male") else "neutral"
        first_pool = [i for i in range(len(FIRST_NAMES["en"][group])) if (group, i) not in used_first]
        last_pool = [i for i in range(len(LAST_NAMES["en"])) if i not in used_last]
        first = first_pool[int(rng.integers(len(first_pool)))]
        last = last_pool[int(rng.integers(len(last_pool)))]
        used_first.add((group, first))
        used_last.add(last)
        codes.append(PersonaName(group, first, last))
    return codes


def persona_names(genders: Sequence[str | None], *, lang: str = "en", seed: int = 0) -> list[str]:
    """A distinct "First Last" name for each persona, the first name following its gender.

    Parameters
    ----------
    genders : sequence of str or None
        The gender of each persona, in persona order: "female", "male", or anything else (None,
        "diverse") for a gender-neutral first name.
    lang : {"en", "de"}
        English or German names.
    seed : int, default 0
        Seed of the draw; the persona's position is mixed in, so the same call gives the same names.

    Returns
    -------
    list of str
        One name per persona; no first name and no last name occurs twice.

    Examples
    --------
    >>> names = persona_names(["female", "male", None], lang="de", seed=0)
    >>> len(set(names)), all(len(name.split()) == 2 for name in names)
    (3, True)
    >>> names[0].split()[0] in FIRST_NAMES["de"]["female"]
    True
    >>> persona_names(["female", "male", None], lang="de", seed=0) == names
    True
    """
    _check_genders(genders, lang)
    return [code.text(lang) for code in persona_name_codes(genders, seed=seed)]
