"""Personas on real exports nobody on the team wrote (skipped when ../shared/data is absent)."""

import fastexcel
import pandas as pd
import pytest

from cxlib.personas import (
    PersonaModel,
    candidate_features,
    default_features,
    persona_notes,
    personas_in,
    personas_section,
)


def mall(shared_data):
    raw = pd.read_csv(shared_data / "mall_customers.csv")
    return pd.DataFrame(
        {
            "customer_id": raw["CustomerID"].astype("str"),
            "gender": raw["Genre"].str.lower(),
            "age": raw["Age"].astype(float),
            "income": raw["Annual Income (k$)"].astype(float),
            "Spending Score (1-100)": raw["Spending Score (1-100)"].astype(float),
        }
    )


def ecommerce(shared_data):
    # fastexcel reads the 5,630 rows in well under a second (openpyxl takes about two).
    raw = fastexcel.read_excel(shared_data / "ecommerce_churn.xlsx").load_sheet_by_name("E Comm").to_pandas()
    table = raw.rename(
        columns={
            "CustomerID": "customer_id",
            "Churn": "churned",
            "Tenure": "tenure",
            "Gender": "gender",
            "OrderCount": "orders",
        }
    )
    table["customer_id"] = table["customer_id"].astype(int).astype("str")
    table["churned"] = table["churned"].astype(bool)
    table["gender"] = table["gender"].str.lower()
    return table


def check_personas(model, n_customers):
    assert 2 <= model.k_ <= 8
    assert sum(persona.size for persona in model.personas_) == n_customers
    names = [persona.name for persona in personas_in(model, "en")]
    assert len(set(names)) == len(names)
    assert all(persona.description for persona in personas_in(model, "en"))
    assert 0 < model.stability_ <= 1


def test_mall_customers(shared_data):
    customers = mall(shared_data)
    assert default_features(customers) == ["age", "income", "Spending Score (1-100)"]
    model = PersonaModel(n_bootstrap=3).fit(customers)
    check_personas(model, 200)
    assert model.notes_ == []
    # The classic set has five or six income × spending groups.
    assert model.k_ in (5, 6)
    descriptions = " | ".join(persona.description for persona in personas_in(model, "de"))
    assert "Spending Score: hoch" in descriptions and "hohes Einkommen" in descriptions


def test_ecommerce_churn(shared_data):
    customers = ecommerce(shared_data)
    assert len(candidate_features(customers)) == 18
    model = PersonaModel(n_bootstrap=2).fit(customers)
    check_personas(model, 5630)
    assert model.features_[:2] == ["orders", "tenure"]
    assert "“tenure”: 264 missing values were filled with the median." in persona_notes(model, "en")
    assert all(persona.churn_rate is not None for persona in model.personas_)
    section = personas_section(model)
    assert sum(persona["share"] for persona in section["personas"]) == pytest.approx(1, abs=1e-3)
