"""The acceptance criteria on the demo shop: planted personas recovered, k = 4, stable under shuffles."""

from datetime import date

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from cxlib.churn import churn_rate
from cxlib.clv import customer_lifetime_value
from cxlib.demo import TOUCHPOINTS
from cxlib.nps import net_promoter_score
from cxlib.personas import PersonaModel, default_features, personas_in


def test_default_features_on_the_demo_are_the_planted_traits(demo_small):
    customers, survey, _ = demo_small
    # Tenure derived from signup dates is a candidate, not a default; a third of the customers never
    # answered the survey, so satisfaction and recommend stay out of the defaults.
    assert default_features(customers, survey) == ["age", "income", "orders", "revenue"]


def test_planted_personas_are_recovered_with_automatic_k(demo_default):
    customers, survey, truth = demo_default
    model = PersonaModel().fit(customers, survey, touchpoints=list(TOUCHPOINTS))
    assert model.k_ == 4
    assert max(model.silhouette_by_k_, key=model.silhouette_by_k_.get) == 4
    assert adjusted_rand_score(truth.loc[model.labels_.index], model.labels_) >= 0.9
    assert model.stability_ >= 0.95
    # The planted shares are 35/25/22/18 %.
    assert [round(persona.share, 2) for persona in model.personas_] == [0.35, 0.25, 0.21, 0.19]


def test_same_personas_after_shuffling_customers_and_survey(demo_small):
    customers, survey, truth = demo_small
    first = PersonaModel(n_bootstrap=2).fit(customers, survey)
    shuffled = PersonaModel(n_bootstrap=2).fit(
        customers.sample(frac=1, random_state=1), survey.sample(frac=1, random_state=2)
    )
    pd.testing.assert_series_equal(first.labels_, shuffled.labels_)
    assert first.personas_ == shuffled.personas_
    assert first.stability_ == shuffled.stability_
    assert adjusted_rand_score(truth.loc[first.labels_.index], first.labels_) >= 0.9


def test_persona_nps_churn_and_clv_are_those_of_its_members(demo_small):
    customers, survey, _ = demo_small
    model = PersonaModel(n_bootstrap=0).fit(customers, survey)
    as_of = date(2026, 9, 30)  # the demo's reference date: its latest signup and survey date
    for persona in model.personas_:
        ids = model.labels_.index[model.labels_ == persona.index]
        members = customers[customers["customer_id"].isin(ids)]
        answers = survey.loc[survey["customer_id"].isin(ids), "recommend"]
        churn = churn_rate(members, as_of=as_of)
        assert persona.nps == net_promoter_score(answers.to_numpy()).score
        assert persona.churn_rate == churn.value
        assert persona.clv_mean == customer_lifetime_value(members, retention=churn.retention).mean
    # The planted high earners are the most valuable persona, the occasional buyers the least.
    by_clv = sorted(personas_in(model, "en"), key=lambda persona: persona.clv_mean)
    assert by_clv[0].description.startswith("few orders") or "low spend" in by_clv[0].description
    assert np.isfinite([persona.nps for persona in model.personas_]).all()


def test_cards_follow_the_handbook_structure(demo_small):
    customers, survey, _ = demo_small
    model = PersonaModel(n_bootstrap=0).fit(customers, survey)
    card = personas_in(model, "de")[0].card
    assert list(card) == ["demographics", "socio_economics", "buying_behaviour", "satisfaction"]
    assert [label for label, _ in card["demographics"]] == ["Alter", "Geschlecht", "Region"]
    assert [label for label, _ in card["socio_economics"]] == ["Einkommen"]
    assert [label for label, _ in card["buying_behaviour"]] == [
        "Bestellungen",
        "Umsatz",
        "Marge",
        "Akquisitionskosten",
        "Kundendauer (Monate)",
    ]
    assert [label for label, _ in card["satisfaction"]] == [
        "Zufriedenheit (Mittel)",
        "Weiterempfehlung (Mittel, 0–10)",
        "NPS",
        "Abwanderungsquote",
        "Durchschnittlicher Kundenertragswert",
    ]
    members = customers[customers["customer_id"].isin(model.labels_.index[model.labels_ == 0])]
    assert dict(card["demographics"])["Alter"] == f"{members['age'].mean():.0f} Jahre"
