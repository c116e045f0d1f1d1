"""Personas from data: k-means segments of the customers, named like people and described in words.

A persona (Zielgruppenvertreter) stands for one customer segment. The package has one module per job:

- :mod:`~cxlib.personas.features`: which traits personas use and how they are scaled;
- :mod:`~cxlib.personas.model`: :class:`PersonaModel` (fit, k search, stability), language-neutral;
- :mod:`~cxlib.personas.wording`: names, descriptions, trait labels, card texts and notes in a language;
- :mod:`~cxlib.personas.outputs`: the CLI JSON section, the comparison table, downloads, drill-down;
- :mod:`~cxlib.personas.card_file`: one persona's card as a PDF page or a PNG image.
"""

from cxlib.personas.features import (
    CATEGORY_WEIGHT,
    DEFAULT_ROLES,
    MIN_SURVEY_COVERAGE,
    FeatureName,
    candidate_features,
    default_features,
)
from cxlib.personas.model import CLOSE_SCORE, PersonaModel, PersonaProfile
from cxlib.personas.outputs import (
    assignment_table,
    comparison_display,
    comparison_in_language,
    persona_comparison,
    persona_labels,
    persona_map_frame,
    persona_members,
    personas_section,
)
from cxlib.personas.wording import (
    STABILITY_SOLID,
    Persona,
    persona_notes,
    personas_in,
    stability_level,
)

__all__ = [
    "CATEGORY_WEIGHT",
    "CLOSE_SCORE",
    "DEFAULT_ROLES",
    "MIN_SURVEY_COVERAGE",
    "STABILITY_SOLID",
    "FeatureName",
    "Persona",
    "PersonaModel",
    "PersonaProfile",
    "assignment_table",
    "candidate_features",
    "comparison_display",
    "comparison_in_language",
    "default_features",
    "persona_comparison",
    "persona_labels",
    "persona_map_frame",
    "persona_members",
    "persona_notes",
    "personas_in",
    "personas_section",
    "stability_level",
]
