import numpy as np
import pandas as pd
import pytest

from cxlib.personas import (
    PersonaModel,
    assignment_table,
    comparison_display,
    persona_comparison,
    persona_members,
    personas_in,
)


@pytest.fixture
def fitted(blobs):
    customers = blobs([60, 40], [(25, 20), (60, 70)], spread=2.0)
    customers["churned"] = [True] * 6 + [False] * 54 + [True] * 8 + [False] * 32
    survey = pd.DataFrame(
        {"customer_id": ["C00000", "C00061", "C00062", "unknown"], "recommend": [10.0, 3.0, 9.0, 0.0]}
    )
    return customers, survey, PersonaModel(n_bootstrap=0).fit(customers, survey)


def test_one_row_per_metric_against_the_whole_base(fitted):
    customers, survey, model = fitted
    table = persona_comparison(model, customers, survey)
    young, old = (persona.name for persona in personas_in(model, "en"))
    assert list(table.columns) == ["metric", "label", young, old, "All customers"]
    assert table["metric"].tolist() == ["size", "share", "age", "income", "recommend", "nps", "churn_rate"]
    rows = table.set_index("metric")
    assert rows.loc["size"].iloc[1:].tolist() == [60.0, 40.0, 100.0]
    assert rows.loc["share"].iloc[1:].tolist() == [0.6, 0.4, 1.0]
    assert rows.loc["age", young] == pytest.approx(customers["age"][:60].mean())
    assert rows.loc["age", "All customers"] == pytest.approx(customers["age"].mean())
    assert rows.loc["churn_rate"].iloc[1:].tolist() == [0.1, 0.2, 0.14]
    # NPS of linked answers only: the unknown customer's 0 does not count.
    assert rows.loc["nps"].iloc[1:].tolist() == [100.0, 0.0, pytest.approx(100 / 3)]
    assert rows.loc["nps", "label"] == "NPS"


def test_labels_follow_the_language(blobs):
    customers = blobs([30, 20], [(25, 20), (60, 70)], spread=2.0)
    model = PersonaModel(n_bootstrap=0).fit(customers)
    table = persona_comparison(model, customers, lang="de")
    assert table["label"].tolist() == ["Kunden", "Anteil an allen Kunden", "Alter", "Einkommen"]
    assert table.columns[-1] == "Alle Kunden"


def test_assignment_table_lists_every_customer_with_its_persona(fitted):
    customers, _, model = fitted
    shuffled = customers.sample(frac=1, random_state=3)
    table = assignment_table(model, shuffled, lang="en")
    assert list(table.columns) == ["customer_id", "persona", "age", "income", "churned"]
    assert table["customer_id"].tolist() == shuffled["customer_id"].tolist()
    names = np.array([persona.name for persona in personas_in(model, "en")])
    expected = names[model.labels_.loc[table["customer_id"]].to_numpy()]
    assert table["persona"].tolist() == expected.tolist()
    pd.testing.assert_series_equal(table["age"], shuffled["age"].reset_index(drop=True))

    german = assignment_table(model, shuffled, lang="de")
    assert german["persona"].tolist() == [
        dict(zip(names, [p.name for p in personas_in(model, "de")], strict=True))[name]
        for name in table["persona"]
    ]


def test_display_formats_every_row_in_the_language(fitted):
    customers, survey, model = fitted
    table = persona_comparison(model, customers, survey, lang="de")
    shown = comparison_display(table, "de").set_index("Kennzahl")
    assert shown.loc["Kunden"].tolist() == ["60", "40", "100"]
    assert shown.loc["Anteil an allen Kunden"].tolist() == ["60,0 %", "40,0 %", "100,0 %"]
    assert shown.loc["Abwanderungsquote"].tolist() == ["10,0 %", "20,0 %", "14,0 %"]
    assert shown.loc["NPS"].tolist() == ["+100", "0", "+33"]
    assert "label" not in comparison_display(table, "en").columns


def test_members_of_a_persona_with_their_latest_comment(fitted):
    customers, _, model = fitted
    survey = pd.DataFrame(
        {
            "customer_id": ["C00000", "C00000", "C00061", "C00001"],
            "response_date": pd.to_datetime(["2026-01-01", "2026-03-01", "2026-02-01", "2026-02-01"]),
            "comment": pd.array(["alt", "neu", "Zu teuer", None], dtype="str"),
        }
    )
    young = persona_members(model, customers, survey, 0, lang="en")
    assert list(young.columns) == [
        "Customer ID",
        "Persona",
        "Age",
        "Income",
        "Churned (yes/no)",
        "Latest comment",
        "Date of the comment",
    ]
    assert young["Customer ID"].tolist() == sorted(customers["customer_id"][:60])
    assert young["Persona"].unique().tolist() == [personas_in(model, "en")[0].name]
    comments = young.set_index("Customer ID")["Latest comment"]
    assert comments["C00000"] == "neu" and pd.isna(comments["C00001"])
    old = persona_members(model, customers, survey, 1, lang="de")
    assert "Letzter Kommentar" in old.columns and "Kundennummer" in old.columns
    assert old.set_index("Kundennummer").loc["C00061", "Letzter Kommentar"] == "Zu teuer"
    assert len(old) == 40


def test_members_follow_the_customers_given(fitted):
    customers, _, model = fitted
    some = customers.iloc[[0, 1, 70]]
    assert persona_members(model, some, None, 0)["Customer ID"].tolist() == ["C00000", "C00001"]
    assert persona_members(model, some, None, 1)["Customer ID"].tolist() == ["C00070"]
    with pytest.raises(ValueError, match="persona"):
        persona_members(model, some, None, 2)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_comparison_relabelled_is_the_comparison_made_in_that_language(demo_small, language):
    """A language switch relabels the kept numbers instead of comparing again: same table either way."""
    from cxlib.personas import comparison_in_language

    customers, survey = demo_small[:2]
    model = PersonaModel(n_bootstrap=0).fit(customers, survey)
    other = "de" if language == "en" else "en"
    made_elsewhere = persona_comparison(model, customers, survey, lang=other)
    relabelled = comparison_in_language(made_elsewhere, model, customers, lang=language)
    pd.testing.assert_frame_equal(relabelled, persona_comparison(model, customers, survey, lang=language))
    assert relabelled is not made_elsewhere and list(made_elsewhere.columns) != list(relabelled.columns)


def test_a_derived_tenure_is_labelled_as_such_after_relabelling(blobs):
    from cxlib.personas import comparison_in_language

    customers = blobs([30, 30], [(25, 20), (60, 70)], columns=("age", "tenure"))
    model = PersonaModel(n_bootstrap=0).fit(customers)
    relabelled = comparison_in_language(persona_comparison(model, customers), model, customers, lang="de")
    pd.testing.assert_frame_equal(relabelled, persona_comparison(model, customers, lang="de"))
