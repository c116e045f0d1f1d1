"""Names, descriptions and quotes: the words that let a meeting talk about a persona."""

import numpy as np
import pandas as pd

from cxlib.persona_names import FIRST_NAMES, LAST_NAMES, PersonaName
from cxlib.personas import PersonaModel, personas_in
from cxlib.personas.wording import STABILITY_SOLID, feature_label, stability_level, trait_label

SIZES, CENTRES = [120, 90, 60], [(25, 20), (45, 60), (70, 35)]


def gendered(blobs):
    customers = blobs(SIZES, CENTRES, spread=2.0)
    customers["gender"] = pd.array(
        ["female"] * 100
        + ["male"] * 20
        + ["male"] * 80
        + ["female"] * 10
        + ["diverse"] * 40
        + ["female"] * 20,
        dtype="str",
    )
    return customers


def test_names_are_unique_and_follow_the_majority_gender(blobs):
    model = PersonaModel(n_bootstrap=0).fit(gendered(blobs))
    assert [persona.gender for persona in model.personas_] == ["female", "male", None]
    assert all(isinstance(persona.name, PersonaName) for persona in model.personas_)  # a code, no words
    english = personas_in(model, "en")
    first = [persona.name.split()[0] for persona in english]
    last = [persona.name.split()[1] for persona in english]
    assert first[0] in FIRST_NAMES["en"]["female"]
    assert first[1] in FIRST_NAMES["en"]["male"]
    assert first[2] in FIRST_NAMES["en"]["neutral"]  # "diverse" is the majority
    assert len(set(first)) == 3 and len(set(last)) == 3
    assert all(name in LAST_NAMES["en"] for name in last)


def test_german_interface_gives_german_names(blobs):
    model = PersonaModel(n_bootstrap=0).fit(gendered(blobs))
    first, last = personas_in(model, "de")[0].name.split()
    assert first in FIRST_NAMES["de"]["female"] and last in LAST_NAMES["de"]
    # the same model in English: the same positions in the English lists
    english_first, english_last = personas_in(model, "en")[0].name.split()
    assert FIRST_NAMES["en"]["female"].index(english_first) == FIRST_NAMES["de"]["female"].index(first)
    assert LAST_NAMES["en"].index(english_last) == LAST_NAMES["de"].index(last)


def test_unknown_gender_gives_a_neutral_name(blobs):
    model = PersonaModel(n_bootstrap=0).fit(blobs(SIZES, CENTRES, spread=2.0))
    assert all(persona.gender is None for persona in model.personas_)
    assert all(
        persona.name.split()[0] in FIRST_NAMES["en"]["neutral"] for persona in personas_in(model, "en")
    )


def test_description_names_the_traits_that_set_a_persona_apart(blobs):
    customers = blobs(SIZES, CENTRES, spread=2.0)
    model = PersonaModel(n_bootstrap=0).fit(customers)
    young, middle, old = personas_in(model, "en")
    assert young.description == "low income, younger"
    assert middle.description == "high income"
    assert old.description == "older"
    german = personas_in(PersonaModel(n_bootstrap=0).fit(customers), "de")
    assert [persona.description for persona in german] == [
        "geringes Einkommen, jünger",
        "hohes Einkommen",
        "älter",
    ]
    members = customers.iloc[:120]
    assert young.traits[1] == {
        "feature": "age",
        "label": "younger",
        "value": members["age"].mean(),
        "base_value": customers["age"].mean(),
        "direction": "lower",
    }


def test_touchpoint_and_extra_traits_are_worded(blobs):
    customers = blobs([100, 100], [(20, 2), (20, 4.5)], spread=0.3, columns=("age", "Spending Score"))
    survey = pd.DataFrame(
        {"customer_id": customers["customer_id"], "Lieferung": np.r_[[1.0] * 100, [5.0] * 100]}
    )
    model = PersonaModel(features=["Spending Score", "Lieferung"], n_bootstrap=0).fit(customers, survey)
    assert sorted(sorted(persona.description.split(", ")) for persona in personas_in(model, "en")) == [
        ["high satisfaction with Lieferung", "high spending score"],
        ["low satisfaction with Lieferung", "low spending score"],
    ]


def survey_with_comments(customers):
    """Two comments from each persona's outer members, one from its most central member."""
    return pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3", "r4", "r5"],
            "customer_id": ["C00000", "C00001", "C00119", "C00120", "C00121"],
            "response_date": pd.to_datetime(["2026-01-01"] * 5),
            "recommend": [9.0, 3.0, 10.0, 7.0, 8.0],
            "comment": pd.array(
                [None, "  ", "Schnelle Lieferung, alles top!  ", "ok", "Zu teuer…"], dtype="str"
            ),
        }
    )


def test_quote_is_the_exact_comment_of_the_most_central_commenting_member(blobs):
    customers = blobs(SIZES, CENTRES, spread=2.0)
    survey = survey_with_comments(customers)
    model = PersonaModel(n_bootstrap=0).fit(customers, survey)
    young, middle, old = model.personas_
    # Persona 0: C00000 has no comment and C00001 only blanks, so C00119's text is the quote, verbatim.
    assert young.quote == "Schnelle Lieferung, alles top!  "
    # Persona 1: the member of C00120 and C00121 closer to the centre.
    scaled = model._transform(customers.set_index("customer_id").loc[["C00120", "C00121"]].reset_index())
    closer = ["ok", "Zu teuer…"][int(np.argmin(np.linalg.norm(scaled - model._centers[1], axis=1)))]
    assert middle.quote == closer
    assert old.quote is None  # nobody in it commented


def test_latest_comment_of_a_customer_is_used():
    customers = pd.DataFrame({"customer_id": ["a", "b", "c", "d"], "age": [20.0, 21.0, 60.0, 61.0]})
    survey = pd.DataFrame(
        {
            "response_id": ["r2", "r1"],
            "customer_id": ["a", "a"],
            "response_date": pd.to_datetime(["2026-02-01", "2026-01-01"]),
            "comment": pd.array(["neuer", "älter"], dtype="str"),
        }
    )
    model = PersonaModel(n_personas=2, k_range=(2, 2), n_bootstrap=0).fit(customers, survey)
    assert sorted(str(persona.quote) for persona in model.personas_) == ["None", "neuer"]


def test_no_survey_means_no_quotes(blobs):
    model = PersonaModel(n_bootstrap=0).fit(blobs(SIZES, CENTRES, spread=2.0))
    assert [persona.quote for persona in model.personas_] == [None, None, None]
    assert [persona.nps for persona in model.personas_] == [None, None, None]


def test_quotes_are_distinct_across_personas(blobs):
    """The same words never speak for two personas: a comment already quoted is skipped."""
    customers = blobs(SIZES, CENTRES, spread=2.0)
    survey = pd.DataFrame(
        {
            "customer_id": ["C00000", "C00001", "C00120", "C00121"],
            "comment": pd.array(["Alles gut", "Lieferung zu spät", "Alles gut", "Alles gut"], dtype="str"),
        }
    )
    model = PersonaModel(n_bootstrap=0).fit(customers, survey)
    quotes = [persona.quote for persona in model.personas_]
    assert quotes[0] in ("Alles gut", "Lieferung zu spät")
    # persona 1 only has "Alles gut": it is its quote unless persona 0 already quotes those words
    assert quotes[1] == (None if quotes[0] == "Alles gut" else "Alles gut")
    known = [quote for quote in quotes if quote is not None]
    assert len(known) == len(set(known))


def test_trait_and_feature_labels_are_made_in_the_language():
    trait = {"feature": "income", "direction": "higher", "category": None}
    assert (trait_label(trait, "en"), trait_label(trait, "de")) == ("high income", "hohes Einkommen")
    region = {"feature": "region", "direction": "higher", "category": "Nord"}
    assert trait_label(region, "de") == "Region: überwiegend Nord"
    assert feature_label("age", "de") == "Alter"


def test_stability_is_solid_from_the_threshold_on():
    assert STABILITY_SOLID == 0.6
    assert [stability_level(value) for value in (0.95, 0.6, 0.59, 0.52, None)] == [
        "solid",
        "solid",
        "shaky",
        "shaky",
        None,
    ]


def test_a_language_switch_changes_words_not_numbers(blobs):
    model = PersonaModel(n_bootstrap=0).fit(gendered(blobs))
    english, german = personas_in(model, "en"), personas_in(model, "de")
    for en, de in zip(english, german, strict=True):
        assert (en.index, en.size, en.share, en.nps, en.quote) == (
            de.index,
            de.size,
            de.share,
            de.nps,
            de.quote,
        )
        assert [t["value"] for t in en.traits] == [t["value"] for t in de.traits]
        assert en.name != de.name
