"""The shared real customer files, one readable row each: the mapping, money and churn figures they must
give, and personas built only on traits that mean something (skipped when ../shared/data is absent).

Figures computed independently with pandas (../shared/data/README.md): bank churners 16.07 % churned
(1,627 of 10,127 "Attrited Customer"); e-commerce churn 948 of 5,630 (``Churn`` = 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from cxlib.analysis import AnalysisSettings, analyze_tables
from cxlib.customer_columns import persona_exclusion
from cxlib.intake import load_table
from cxlib.personas import PersonaModel, personas_in


@dataclass(frozen=True)
class CustomerFile:
    file: str
    sheet: str | None
    roles: dict[str, str]  # role -> column that must be mapped
    churned: tuple[int, int] | None = None  # (churned, customers)
    revenue: tuple[str, str] | None = None  # (column, money period); None: no revenue
    never_revenue: tuple[str, ...] = ()
    excluded: dict[str, str] = field(default_factory=dict)  # column -> why it is no persona feature
    rules: dict[str, int] = field(default_factory=dict)
    derived_age_from: str | None = None


FILES = [
    CustomerFile(
        "bank_churners.csv",
        None,
        {
            "customer_id": "CLIENTNUM",
            "churned": "Attrition_Flag",
            "age": "Customer_Age",
            "tenure": "Months_on_book",
        },
        churned=(1_627, 10_127),
        revenue=("Total_Trans_Amt", "year"),
        never_revenue=("Credit_Limit", "Total_Revolving_Bal", "Avg_Open_To_Buy"),
        excluded={
            "Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_Dependent_count_"
            "Education_Level_Months_Inactive_12_mon_1": "model_score",
            "Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_Dependent_count_"
            "Education_Level_Months_Inactive_12_mon_2": "model_score",
        },
    ),
    CustomerFile(
        "mall_customers.csv",
        None,
        {"customer_id": "CustomerID", "age": "Age", "gender": "Genre", "income": "Annual Income (k$)"},
    ),
    CustomerFile(
        "ecommerce_churn.xlsx",
        "E Comm",
        {"customer_id": "CustomerID", "churned": "Churn", "tenure": "Tenure", "orders": "OrderCount"},
        churned=(948, 5_630),
        never_revenue=("CashbackAmount", "HourSpendOnApp", "OrderAmountHikeFromlastYear"),
    ),
    CustomerFile(
        "kpmg_sprocket_raw.xlsx",
        "CustomerDemographic",
        {"customer_id": "customer_id", "gender": "gender", "tenure": "tenure"},
        excluded={"DOB": "birth_date", "first_name": "personal_data", "last_name": "personal_data"},
        rules={"implausible_value": 1},  # one customer "born" in 1843
        derived_age_from="DOB",
    ),
    CustomerFile(
        "kunden_moebel_nps_de.xlsx", None, {"customer_id": "id", "age": "alter", "gender": "geschlecht"}
    ),
]


@pytest.fixture(scope="module")
def loaded(request):
    from tests.conftest import SHARED_DATA

    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not available")
    cache = {}

    def load(case: CustomerFile):
        if case.file not in cache:
            cache[case.file] = load_table(SHARED_DATA / case.file, table="customers", sheet=case.sheet)
        return cache[case.file]

    return load


@pytest.mark.parametrize("case", FILES, ids=[case.file for case in FILES])
def test_mapping_money_and_rules(loaded, case):
    table = loaded(case).validated
    mapping = table.report.mapping
    assert {role: mapping.get(role) for role in case.roles} == case.roles
    if case.revenue is None:
        assert "revenue" not in mapping
    else:
        assert mapping["revenue"] == case.revenue[0]
        assert table.columns["revenue"].period == case.revenue[1]
    assert not set(case.never_revenue) & {mapping.get("revenue")}
    rules = {rule.rule: rule.rows for rule in table.report.rules}
    assert {rule: rules.get(rule) for rule in case.rules} == case.rules
    if case.derived_age_from:
        assert table.columns["age"].evidence[0].params["header"] == case.derived_age_from


@pytest.mark.parametrize("case", [c for c in FILES if c.churned], ids=[c.file for c in FILES if c.churned])
def test_churn_share(loaded, case):
    document = analyze_tables({"customers": loaded(case).validated}, settings=AnalysisSettings(n_personas=3))
    churn = document["kpis"]["churn_rate"]
    assert (churn["churned"], churn["average_customers"]) == case.churned
    assert churn["value"] == pytest.approx(case.churned[0] / case.churned[1])


@pytest.mark.parametrize("case", FILES, ids=[case.file for case in FILES])
def test_no_persona_feature_is_an_identifier_code_or_coordinate(loaded, case):
    data = loaded(case).validated.data
    model = PersonaModel(n_bootstrap=0, k_range=(3, 5)).fit(data)
    for feature in model.features_:
        assert feature != "customer_id"
        assert persona_exclusion(feature, data[feature]) is None, feature
    assert {column: model.excluded_.get(column) for column in case.excluded} == case.excluded
    words = " ".join(persona.description for persona in personas_in(model, "en"))
    for column in (*case.excluded, "CLIENTNUM", "CustomerID", "customer_id", "Naive_Bayes"):
        assert column not in words
