"""Persona words: names, descriptions, trait labels, card texts and notes, made in a language at the edge.

The model (:mod:`cxlib.personas.model`) is language-neutral; the functions here render what it learned
for a reader, so a language switch re-renders and never refits. :class:`Persona` is a persona in words
(its name, description, trait labels and card texts in one language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from cxlib.customer_columns import readable_header
from cxlib.i18n import t
from cxlib.messages import render
from cxlib.personas.features import DEFAULT_ROLES, LOG_ROLES, SURVEY_DEFAULTS, FeatureName
from cxlib.personas.model import PersonaModel, PersonaProfile, check_fitted

__all__ = [
    "STABILITY_SOLID",
    "Persona",
    "feature_label",
    "persona_in",
    "persona_names_in",
    "persona_notes",
    "personas_in",
    "stability_level",
    "trait_label",
]

#: Stability (mean adjusted Rand index of bootstrap refits) from which the personas count as solid.
#: Below 0.6 the refits agree on fewer than about two thirds of the pairs of customers beyond chance
#: (Hubert & Arabie's ARI): a persona may split or merge when a few customers change, so it is shown as
#: shaky with a warning. The demo's planted personas reach about 0.9.
STABILITY_SOLID = 0.6


@dataclass(frozen=True)
class Persona:
    """One persona in words: who it is, how many customers it stands for, and what sets it apart.

    ``traits`` lists the traits of the description, strongest first, each as a dict with ``feature``,
    ``label`` (the words), ``value`` (persona mean, or share for a category), ``base_value`` (all
    customers) and ``direction`` ("higher"/"lower"). ``card`` maps the sections ``demographics``,
    ``socio_economics``, ``buying_behaviour`` and ``satisfaction`` to (label, formatted value) pairs.
    ``quote`` is a member's survey comment exactly as written, or None when no member commented.
    """

    index: int
    name: str
    gender: str | None
    size: int
    share: float
    description: str
    traits: list[dict] = field(hash=False)
    card: dict[str, list[tuple[str, str]]] = field(hash=False)
    nps: float | None
    churn_rate: float | None
    clv_mean: float | None
    quote: str | None


def feature_label(feature: str, lang: str) -> str:
    """A column's name for readers: its role's name, else a readable header.

    Examples
    --------
    >>> feature_label("income", "de"), feature_label("spending_score", "en")
    ('Einkommen', 'spending score')
    """
    key = f"role.{feature}"
    label = t(key, lang)
    return readable_header(feature, lang=lang) if label == key else label


def trait_label(trait: dict, lang: str) -> str:
    """The words for one trait of a profile, e.g. "younger" or "low satisfaction with Lieferung".

    Examples
    --------
    >>> trait_label({"feature": "age", "direction": "lower", "category": None}, "de")
    'jünger'
    """
    feature, direction, category = trait["feature"], trait["direction"], trait.get("category")
    if category is not None:
        if feature == "gender" and category in ("female", "male", "diverse"):
            return t(f"persona.trait.gender.{category}", lang)
        return t("persona.trait.category", lang, name=feature_label(feature, lang), value=category)
    if feature in DEFAULT_ROLES or feature in SURVEY_DEFAULTS or feature in LOG_ROLES:
        return t(f"persona.trait.{feature}.{direction}", lang)
    if trait.get("touchpoint"):
        return t(f"persona.trait.touchpoint.{direction}", lang, name=feature)
    name = feature_label(feature, lang)
    counted = re.match(r"(?:number of|num|no of|count of|anzahl(?: der)?) (.+)", name, flags=re.IGNORECASE)
    if counted and (lang != "en" or counted.group(1).endswith("s")):  # "many orders", never "many address"
        return t(f"persona.trait.count.{direction}", lang, name=counted.group(1))
    return t(f"persona.trait.numeric.{direction}", lang, name=name)


def _text(value: Any, lang: str) -> str:
    """A label or value of a card or note: feature names, messages, numbers, notes with ``text``."""
    if isinstance(value, FeatureName):
        return feature_label(value.feature, lang)
    if hasattr(value, "text") and not isinstance(value, str):
        return value.text(lang)
    return render(value, lang)


def persona_in(profile: PersonaProfile, lang: str) -> Persona:
    """``profile`` in words in ``lang``: name, description, trait labels and card texts."""
    if lang not in ("en", "de"):
        raise ValueError(f'lang must be "en" or "de", got {lang!r}')
    traits = [
        {
            "feature": trait["feature"],
            "label": trait_label(trait, lang),
            "value": trait["value"],
            "base_value": trait["base_value"],
            "direction": trait["direction"],
        }
        for trait in profile.traits
    ]
    description = ", ".join(trait["label"] for trait in traits) or t("persona.description.average", lang)
    card = {
        section: [(_text(label, lang), _text(value, lang)) for label, value in items]
        for section, items in profile.card.items()
    }
    return Persona(
        index=profile.index,
        name=profile.name.text(lang),
        gender=profile.gender,
        size=profile.size,
        share=profile.share,
        description=description,
        traits=traits,
        card=card,
        nps=profile.nps,
        churn_rate=profile.churn_rate,
        clv_mean=profile.clv_mean,
        quote=profile.quote,
    )


def personas_in(model: PersonaModel, lang: str) -> list[Persona]:
    """Every persona of a fitted model in words, largest first."""
    check_fitted(model)
    return [persona_in(profile, lang) for profile in model.personas_]


def persona_names_in(model: PersonaModel, lang: str) -> list[str]:
    """The persona names in ``lang``, in persona order."""
    check_fitted(model)
    return [profile.name.text(lang) for profile in model.personas_]


def persona_notes(model: PersonaModel, lang: str) -> list[str]:
    """The model's notes (imputed values, columns left out, assumptions) in ``lang``."""
    check_fitted(model)
    return [_text(note, lang) for note in model.notes_]


def stability_level(stability: float | None) -> str | None:
    """ "solid" from :data:`STABILITY_SOLID` on, else "shaky"; None when not measured.

    Examples
    --------
    >>> stability_level(0.91), stability_level(0.52), stability_level(None)
    ('solid', 'shaky', None)
    """
    if stability is None or stability != stability:
        return None
    return "solid" if stability >= STABILITY_SOLID else "shaky"
