"""The four planted personas are recoverable: the contract between cxlib.demo and the persona module.

k-means on standard-scaled [age, log(income), log1p(orders), log1p(revenue)] must find them again
(adjusted Rand index >= 0.95), and the silhouette on a 3,000-row sample must choose exactly k = 4.
"""

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from cxlib.demo import generate_demo


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """k-means on one thread: the cores are shared, and oversubscribed OpenMP threads are far slower."""
    with threadpool_limits(1):
        yield


@pytest.fixture(scope="module")
def data():
    return generate_demo()


@pytest.fixture(scope="module")
def features(data):
    customers = data.customers
    raw = np.column_stack(
        [
            customers["Alter"],
            np.log(customers["Einkommen"]),
            np.log1p(customers["Bestellungen"]),
            np.log1p(customers["Umsatz"]),
        ]
    )
    return StandardScaler().fit_transform(raw)


def test_kmeans_recovers_the_planted_personas(data, features):
    labels = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(features)
    assert adjusted_rand_score(data.persona_truth.to_numpy(), labels) >= 0.95


def test_silhouette_chooses_exactly_four_personas(features):
    sample = features[np.random.default_rng(0).choice(len(features), 3000, replace=False)]
    scores = {
        k: silhouette_score(sample, KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(sample))
        for k in range(2, 9)
    }
    assert max(scores, key=scores.get) == 4


def test_personas_differ_in_demographics_spend_and_satisfaction(data):
    customers = data.customers.assign(persona=data.persona_truth.to_numpy())
    means = customers.groupby("persona")[["Alter", "Einkommen", "Bestellungen", "Umsatz"]].mean()
    # 0 young bargain hunters, 1 affluent families, 2 loyal best agers, 3 occasional price-sensitive buyers
    assert means["Alter"].sort_values().index.tolist() == [0, 1, 3, 2]
    assert means["Einkommen"].idxmax() == 1 and means["Einkommen"].idxmin() == 0
    assert means["Bestellungen"].sort_values().index.tolist() == [3, 2, 1, 0]
    assert means["Umsatz"].idxmin() == 3 and means["Umsatz"].loc[[1, 2]].min() > 2 * means["Umsatz"].loc[0]
    churned = customers.groupby("persona")["Kündigungsdatum"].apply(lambda dates: dates.notna().mean())
    assert churned.sort_values().index.tolist() == [2, 1, 0, 3]  # best agers most loyal, occasional least
    recommend = data.survey.groupby(data.survey["Kundennummer"].map(data.persona_truth))["Weiterempfehlung"]
    promoters = recommend.apply(lambda scores: (scores >= 9).mean())
    detractors = recommend.apply(lambda scores: (scores <= 6).mean())
    nps = 100 * (promoters - detractors)
    assert nps.loc[1] > 30 and nps.loc[2] > 30 and nps.loc[0] < 0 and nps.idxmin() == 3
