import numpy as np
import pandas as pd
import pytest

from cxlib.charts.personas import (
    MAX_POINTS,
    PERSONA_COLOURS,
    persona_comparison_chart,
    persona_map_chart,
    persona_size_chart,
    silhouette_chart,
)
from cxlib.personas import PersonaModel, persona_comparison, persona_map_frame, personas_in


def _rows(spec):
    return spec["datasets"][spec["data"]["name"]]


@pytest.fixture(scope="module")
def fitted():
    rng = np.random.default_rng(0)
    sizes, centres = [150, 100, 50], [(25, 20_000), (45, 60_000), (70, 35_000)]
    parts = [
        rng.normal(centre, (2, 2_000), size=(size, 2)) for size, centre in zip(sizes, centres, strict=True)
    ]
    values = np.vstack(parts)
    customers = pd.DataFrame(
        {
            "customer_id": [f"C{i:04d}" for i in range(300)],
            "age": values[:, 0],
            "income": values[:, 1],
            "churned": rng.random(300) < 0.2,
        }
    )
    return customers, PersonaModel(n_bootstrap=0).fit(customers)


def test_silhouette_bars_highlight_the_chosen_k(fitted):
    _, model = fitted
    spec = silhouette_chart(model.silhouette_by_k_, model.k_, lang="de").to_dict()
    assert spec["mark"]["type"] == "bar"
    assert (spec["encoding"]["x"]["field"], spec["encoding"]["y"]["field"]) == ("k", "score")
    rows = _rows(spec)
    assert [row["k"] for row in rows] == list(range(2, 9))
    assert [row["chosen"] for row in rows].count("gewählt") == 1
    assert next(row["k"] for row in rows if row["chosen"] == "gewählt") == 3
    assert rows[1]["score_text"] == f"{model.silhouette_by_k_[3]:.3f}".replace(".", ",")
    assert spec["title"]["text"] == "Wie klar trennen k Personas die Kunden?"
    assert spec["encoding"]["x"]["title"] == "Anzahl Personas (k)"
    assert "replace(" in spec["encoding"]["y"]["axis"]["labelExpr"]  # decimal comma
    with pytest.raises(ValueError):
        silhouette_chart(model.silhouette_by_k_, 12, lang="de")


def test_map_draws_all_points_when_few_and_colours_by_persona(fitted):
    _, model = fitted
    spec = persona_map_chart(persona_map_frame(model, "en"), lang="en").to_dict()
    assert spec["mark"]["type"] == "circle"
    assert len(_rows(spec)) == 300
    assert spec["title"]["subtitle"] == (
        "Each dot is a customer; the closer two dots, the more alike the customers; all 300 customers"
    )
    assert spec["title"]["text"] == "Customers who are alike sit together"
    assert spec["encoding"]["x"]["title"] is None and spec["encoding"]["y"]["title"] is None
    colour = spec["encoding"]["color"]
    assert colour["field"] == "persona"
    assert colour["scale"]["domain"] == [persona.name for persona in personas_in(model, "en")]
    assert colour["scale"]["range"] == list(PERSONA_COLOURS[:3])


def test_map_samples_large_tables_with_a_fixed_seed():
    n = 12_000
    rng = np.random.default_rng(1)
    embedding = pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(n)],
            "x": rng.normal(size=n),
            "y": rng.normal(size=n),
            "persona": np.where(np.arange(n) % 3, "A B", "C D"),
        }
    )
    first = persona_map_chart(embedding, lang="de").to_dict()
    again = persona_map_chart(embedding, lang="de").to_dict()
    rows = _rows(first)
    assert len(rows) == MAX_POINTS
    assert rows == _rows(again)
    assert len({row["customer_id"] for row in rows}) == MAX_POINTS
    assert first["title"]["subtitle"] == (
        "Jeder Punkt ist ein Kunde; je näher zwei Punkte, desto ähnlicher die Kunden; eine "
        "Zufallsstichprobe von 5.000 der 12.000 Kunden"
    )
    assert persona_map_chart(embedding, lang="de", seed=1).to_dict()["datasets"] != first["datasets"]
    with pytest.raises(ValueError):
        persona_map_chart(embedding, max_points=MAX_POINTS + 1)


def test_size_bars_are_sorted_by_size(fitted):
    _, model = fitted
    spec = persona_size_chart(personas_in(model, "en"), lang="en").to_dict()
    assert spec["mark"]["type"] == "bar"
    rows = _rows(spec)
    assert [row["size"] for row in rows] == [150, 100, 50]
    assert [row["share_text"] for row in rows] == ["50.0%", "33.3%", "16.7%"]
    assert spec["encoding"]["y"]["sort"] == [persona.name for persona in personas_in(model, "en")]
    assert spec["title"]["text"] == "Size of each persona"


def test_comparison_heatmap_scales_each_row_to_its_largest_difference(fitted):
    customers, model = fitted
    comparison = persona_comparison(model, customers)
    spec = persona_comparison_chart(comparison, lang="en").to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rect", "text"]
    rows = _rows(spec)
    names = [persona.name for persona in personas_in(model, "en")]
    assert {row["label"] for row in rows} == {"Age", "Income", "Churn rate"}
    assert len(rows) == 3 * 3
    age = {row["persona"]: row for row in rows if row["label"] == "Age"}
    ages = comparison.set_index("metric").loc["age"]
    differences = np.array([ages[name] - ages["All customers"] for name in names])
    expected = np.round(differences / np.abs(differences).max(), 4)
    assert [age[name]["relative"] for name in names] == expected.tolist()
    assert max(abs(row["relative"]) for row in rows) == 1.0
    assert age[names[2]]["value_text"] == f"{ages[names[2]]:.1f}"
    churn = next(row for row in rows if row["label"] == "Churn rate")
    assert churn["value_text"].endswith("%")
    # higher churn is worse: a persona above the base is coloured like "below" (never "good" blue)
    rates = comparison.set_index("metric").loc["churn_rate"]
    churn_rows = {row["persona"]: row for row in rows if row["label"] == "Churn rate"}
    for name in names:
        if rates[name] > rates["All customers"]:
            assert churn_rows[name]["relative"] < 0
    assert spec["title"]["text"] == "Personas compared with all customers"


def test_unknown_language_is_a_programming_error(fitted):
    _, model = fitted
    with pytest.raises(ValueError, match="lang"):
        persona_size_chart(personas_in(model, "en"), lang="fr")
