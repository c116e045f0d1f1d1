import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from cxlib.errors import CxError
from cxlib.messages import Message
from cxlib.personas import PersonaModel, persona_map_frame, persona_notes, personas_in, personas_section

THREE = ([120, 90, 60], [(25, 20), (45, 60), (70, 35)])


def fit_three(blobs, **options):
    customers = blobs(*THREE, spread=2.0)
    return customers, PersonaModel(n_bootstrap=2, **options).fit(customers)


def test_constructor_stores_options_and_learns_nothing():
    model = PersonaModel(n_personas=4, features=["age"], k_range=(2, 5), sample_size=500, random_state=3)
    assert (model.n_personas, model.features, model.k_range, model.sample_size, model.random_state) == (
        4,
        ["age"],
        (2, 5),
        500,
        3,
    )
    assert not [name for name in vars(model) if name.endswith("_")]


def test_fit_returns_self_and_sets_learned_attributes(blobs):
    customers = blobs(*THREE, spread=2.0)
    model = PersonaModel(n_bootstrap=1)
    assert model.fit(customers) is model
    for name in (
        "labels_",
        "k_",
        "silhouette_by_k_",
        "stability_",
        "features_",
        "notes_",
        "personas_",
        "embedding_",
    ):
        assert hasattr(model, name)


def test_auto_k_recovers_planted_blobs_ordered_by_size(blobs):
    _, model = fit_three(blobs)
    assert model.k_ == 3
    assert sorted(model.silhouette_by_k_) == list(range(2, 9))
    assert max(model.silhouette_by_k_, key=model.silhouette_by_k_.get) == 3
    truth = np.repeat([0, 1, 2], [120, 90, 60])
    assert adjusted_rand_score(truth, model.labels_) == 1.0
    # Largest persona first: the planted sizes 120, 90, 60 are blobs 0, 1, 2.
    assert [persona.size for persona in model.personas_] == [120, 90, 60]
    assert (model.labels_.to_numpy() == truth).all()
    assert [round(persona.share, 4) for persona in model.personas_] == [0.4444, 0.3333, 0.2222]


def test_preference_for_three_to_six_when_scores_are_close():
    model = PersonaModel()
    assert model._choose_k({2: 0.50, 3: 0.49, 4: 0.40}) == 3
    assert model._choose_k({2: 0.50, 3: 0.45, 4: 0.40}) == 2
    assert model._choose_k({2: 0.30, 3: 0.41, 4: 0.42, 5: 0.425, 8: 0.43}) == 5


def test_n_personas_overrides_automatic_k_but_scores_stay_visible(blobs):
    _, model = fit_three(blobs, n_personas=5)
    assert model.k_ == 5
    assert len(model.personas_) == 5
    assert max(model.silhouette_by_k_, key=model.silhouette_by_k_.get) == 3


def test_stability_is_high_on_clean_blobs_and_lower_on_noise(blobs):
    _, model = fit_three(blobs)
    assert 0.95 <= model.stability_ <= 1.0
    rng = np.random.default_rng(5)
    noise = pd.DataFrame(
        {
            "customer_id": [f"N{i:04d}" for i in range(400)],
            "age": rng.uniform(20, 80, 400),
            "income": rng.uniform(10, 90, 400),
        }
    )
    noisy = PersonaModel(n_personas=6, n_bootstrap=4).fit(noise)
    assert -1.0 <= noisy.stability_ < model.stability_
    assert PersonaModel(n_bootstrap=0).fit(noise).stability_ is None


def test_identical_results_across_reruns_and_row_shuffles(blobs):
    customers = blobs([150, 100, 80], [(30, 30), (40, 40), (50, 30)], spread=4.0, seed=2)
    first = PersonaModel(n_bootstrap=2).fit(customers)
    again = PersonaModel(n_bootstrap=2).fit(customers)
    shuffled = PersonaModel(n_bootstrap=2).fit(customers.sample(frac=1, random_state=9))
    for other in (again, shuffled):
        pd.testing.assert_series_equal(first.labels_, other.labels_)
        assert first.silhouette_by_k_ == other.silhouette_by_k_
        assert first.stability_ == other.stability_
        assert first.personas_ == other.personas_
        pd.testing.assert_frame_equal(first.embedding_, other.embedding_)


def test_constant_column_is_dropped_with_a_note(blobs):
    customers = blobs(*THREE, spread=2.0)
    customers["tenure"] = 12.0
    model = PersonaModel(features=["age", "income", "tenure"], n_bootstrap=0).fit(customers)
    assert model.features_ == ["age", "income"]
    assert model.notes_ == [Message("persona.note.constant", feature="tenure")]  # a code, no words
    assert persona_notes(model, "en") == ["“tenure” has the same value for every customer and was left out."]


def test_empty_column_is_dropped_with_a_note(blobs):
    customers = blobs(*THREE, spread=2.0)
    customers["orders"] = np.nan
    model = PersonaModel(features=["age", "income", "orders"], n_bootstrap=0).fit(customers)
    assert model.features_ == ["age", "income"]
    assert persona_notes(model, "de") == ["„orders“ enthält keine Werte und wurde weggelassen."]


def test_missing_values_are_imputed_and_counted(blobs):
    customers = blobs(*THREE, spread=2.0)
    customers.loc[[0, 5, 130], "income"] = np.nan
    customers["region"] = pd.array(["Nord"] * 200 + [None] * 10 + ["Süd"] * 60, dtype="str")
    model = PersonaModel(features=["age", "income", "region"], n_bootstrap=0).fit(customers)
    assert model.features_ == ["age", "income", "region"]
    assert persona_notes(model, "en") == [
        "“income”: 3 missing values were filled with the median.",
        "“region”: 10 missing values were filled with the most common value.",
    ]
    assert model.labels_.notna().all() and len(model.labels_) == 270


def test_categorical_feature_is_one_hot_and_described(blobs):
    customers = blobs([100, 100], [(30, 50), (45, 50)], spread=3.0, seed=4)
    customers["region"] = pd.array(["Nord"] * 100 + ["Süd"] * 100, dtype="str")
    model = PersonaModel(features=["age", "region"], n_personas=2, n_bootstrap=0).fit(customers)
    assert adjusted_rand_score(np.repeat([0, 1], 100), model.labels_) > 0.95
    traits = {persona.index: persona.traits for persona in personas_in(model, "en")}
    region = {
        index: next(trait for trait in found if trait["feature"] == "region")
        for index, found in traits.items()
    }
    assert sorted(trait["label"] for trait in region.values()) == [
        "Region: mostly Nord",
        "Region: mostly Süd",
    ]
    region_of = customers.set_index("customer_id")["region"].loc[model.labels_.index]
    for index, trait in region.items():
        category = trait["label"].removeprefix("Region: mostly ")
        assert trait["value"] == (region_of[model.labels_ == index] == category).mean() > 0.95
        assert trait["base_value"] == 0.5


def test_few_distinct_profiles_cap_k_with_a_note():
    customers = pd.DataFrame({"customer_id": [f"c{i}" for i in range(30)], "age": [20.0, 50.0, 80.0] * 10})
    model = PersonaModel(n_bootstrap=0).fit(customers)
    assert max(model.silhouette_by_k_) == 3
    assert model.k_ in (2, 3)
    assert persona_notes(model, "en") == [
        "The data has only 3 distinct customer profiles, so at most 3 personas were tried."
    ]


def test_embedding_holds_every_customer_with_persona_names(blobs):
    customers, model = fit_three(blobs)
    embedding = model.embedding_
    assert list(embedding.columns) == ["customer_id", "x", "y", "persona"]
    assert len(embedding) == len(customers)
    assert embedding["persona"].tolist() == model.labels_.tolist()  # language-neutral: the index
    named = persona_map_frame(model, "en")
    names = dict(zip(range(3), [persona.name for persona in personas_in(model, "en")], strict=True))
    assert named["persona"].tolist() == [names[label] for label in model.labels_]
    assert embedding["x"].var() > embedding["y"].var() > 0


def test_predict_assigns_new_customers_to_the_nearest_persona(blobs):
    customers, model = fit_three(blobs)
    new = pd.DataFrame(
        {"customer_id": ["new-b", "new-a", "new-c"], "age": [45.0, 26.0, 69.0], "income": [61.0, 19.0, 36.0]}
    )
    predicted = model.predict(new)
    assert predicted.index.tolist() == ["new-b", "new-a", "new-c"]
    assert predicted.tolist() == [1, 0, 2]
    refit = model.predict(customers)
    assert refit.loc[model.labels_.index].tolist() == model.labels_.tolist()


def test_predict_before_fit_is_a_programming_error():
    with pytest.raises(ValueError, match="not fitted"):
        PersonaModel().predict(pd.DataFrame({"customer_id": ["a"], "age": [1.0]}))


def test_unknown_feature_is_a_programming_error(blobs):
    with pytest.raises(ValueError, match="unknown or unusable features"):
        PersonaModel(features=["age", "shoe size"]).fit(blobs(*THREE))


def test_too_few_customers_is_a_user_error():
    customers = pd.DataFrame({"customer_id": ["a", "b"], "age": [20.0, 30.0]})
    with pytest.raises(CxError) as error:
        PersonaModel().fit(customers)
    assert error.value.key == "persona.error.too_few_customers"
    assert (
        error.value.message("de")
        == "Für Personas werden mindestens 3 Kunden mit Daten benötigt; die Kundentabelle hat 2."
    )


def test_only_constant_features_is_a_user_error():
    customers = pd.DataFrame({"customer_id": list("abcd"), "age": [30.0] * 4})
    with pytest.raises(CxError) as error:
        PersonaModel(features=["age"]).fit(customers)
    assert error.value.key == "persona.error.no_features"


@pytest.mark.parametrize(
    "options",
    [
        {"k_range": (1, 4)},
        {"k_range": (5, 3)},
        {"n_personas": 1},
        {"n_personas": 25},
        {"sample_size": 5},
        {"n_bootstrap": -1},
        {"features": "age"},
        {"features": []},
    ],
)
def test_impossible_options_are_programming_errors(options, blobs):
    with pytest.raises(ValueError):
        PersonaModel(**options).fit(blobs(*THREE))


def test_the_fit_takes_no_language_and_words_refuse_an_unknown_one(blobs):
    with pytest.raises(TypeError):
        PersonaModel(lang="de")
    model = PersonaModel(n_bootstrap=0).fit(blobs(*THREE))
    with pytest.raises(ValueError):
        personas_section(model, lang="fr")
    with pytest.raises(ValueError):
        personas_in(model, "fr")


def test_duplicate_customer_ids_are_a_programming_error():
    customers = pd.DataFrame({"customer_id": ["a", "a", "b"], "age": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match="unique"):
        PersonaModel().fit(customers)


def test_predict_uses_survey_features_from_a_new_survey_or_from_fit(blobs):
    customers = blobs([50, 50], [(30, 0), (30, 0)], spread=0.2)
    survey = pd.DataFrame(
        {"customer_id": customers["customer_id"], "Lieferung": np.r_[[1.0] * 50, [5.0] * 50]}
    )
    model = PersonaModel(features=["age", "Lieferung"], n_personas=2, n_bootstrap=0)
    model.fit(customers, survey, touchpoints=["Lieferung"])
    unhappy = next(persona.index for persona in model.personas_ if persona.traits[0]["direction"] == "lower")
    assert [persona.traits[0]["feature"] for persona in model.personas_] == ["Lieferung", "Lieferung"]
    new = pd.DataFrame({"customer_id": ["x", "y"], "age": [30.0, 30.0], "income": [0.0, 0.0]})
    new_survey = pd.DataFrame({"customer_id": ["x", "y"], "Lieferung": [1.0, 5.0]})
    predicted = model.predict(new, new_survey)
    assert predicted["x"] == unhappy and predicted["y"] != unhappy
    # Known customers without a new survey keep the ratings seen in fit.
    assert model.predict(customers.iloc[[0, 99]]).tolist() == [unhappy, predicted["y"]]
