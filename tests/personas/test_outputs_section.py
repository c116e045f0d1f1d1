import json

import numpy as np
import pandas as pd
import pytest

from cxlib.personas import PersonaModel, personas_section


def fitted(blobs, comments=True):
    customers = blobs([60, 40], [(25, 20), (60, 70)], spread=2.0)
    survey = pd.DataFrame(
        {
            "response_id": ["r1", "r2", "r3"],
            "customer_id": ["C00000", "C00001", "C00002"],
            "recommend": [10.0, 9.0, 2.0],
            "comment": pd.array(["Sehr „gut“ – danke!", None, None] if comments else [None] * 3, dtype="str"),
        }
    )
    return PersonaModel(n_bootstrap=2).fit(customers, survey)


def test_section_has_the_cli_shape(blobs):
    model = fitted(blobs)
    section = personas_section(model)
    assert list(section) == ["k", "silhouette_by_k", "stability", "personas", "excluded", "assumptions"]
    assert section["k"] == 2
    assert list(section["silhouette_by_k"]) == [str(k) for k in range(2, 9)]
    assert section["silhouette_by_k"]["2"] == round(model.silhouette_by_k_[2], 4)
    assert section["stability"] == round(model.stability_, 4)
    first, second = section["personas"]
    assert list(first) == [
        "name",
        "size",
        "share",
        "description",
        "traits",
        "nps",
        "churn_rate",
        "clv_mean",
        "quote",
    ]
    assert (first["size"], first["share"], second["size"], second["share"]) == (60, 0.6, 40, 0.4)
    assert first["nps"] == round(100 * (2 - 1) / 3, 2)
    assert second["nps"] is None
    assert first["churn_rate"] is None and first["clv_mean"] is None
    assert set(first["traits"][0]) == {"feature", "label", "value", "base_value", "direction"}
    assert json.loads(json.dumps(section)) == section


def test_quote_is_exact_or_null(blobs):
    section = personas_section(fitted(blobs))
    assert [persona["quote"] for persona in section["personas"]] == ["Sehr „gut“ – danke!", None]
    silent = personas_section(fitted(blobs, comments=False))
    assert [persona["quote"] for persona in silent["personas"]] == [None, None]


def test_section_words_follow_the_language_and_numbers_do_not(blobs):
    model = fitted(blobs)
    english, german = personas_section(model, lang="en"), personas_section(model, lang="de")
    assert [p["size"] for p in english["personas"]] == [p["size"] for p in german["personas"]]
    assert [p["name"] for p in english["personas"]] != [p["name"] for p in german["personas"]]
    assert english["personas"][0]["traits"][0]["label"] != german["personas"][0]["traits"][0]["label"]


def test_unfitted_model_is_a_programming_error():
    with pytest.raises(ValueError, match="fitted"):
        personas_section(PersonaModel())


def test_churn_and_clv_appear_when_the_data_has_them():
    rng = np.random.default_rng(1)
    customers = pd.DataFrame(
        {
            "customer_id": [f"c{i:02d}" for i in range(40)],
            "age": np.r_[rng.normal(25, 1, 20), rng.normal(60, 1, 20)],
            "churned": [True] * 5 + [False] * 15 + [True] * 2 + [False] * 18,
            "margin": [100.0] * 40,
        }
    )
    section = personas_section(PersonaModel(n_personas=2, n_bootstrap=0).fit(customers))
    young, old = section["personas"]
    assert (young["churn_rate"], old["churn_rate"]) == (0.25, 0.1)
    # CLV = m·r/(1+d−r) with the persona's own retention, d = 10 %.
    assert young["clv_mean"] == round(100 * 0.75 / (1.1 - 0.75), 2)
    assert old["clv_mean"] == round(100 * 0.9 / (1.1 - 0.9), 2)
