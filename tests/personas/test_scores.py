"""The persona model's cluster scores equal scikit-learn's, bit for bit, on varied data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, pairwise_distances, silhouette_score

from cxlib.personas.scores import adjusted_rand, silhouette, wide_distances


def _distances(points: np.ndarray) -> np.ndarray:
    distances = pairwise_distances(points).astype(np.float32)
    np.fill_diagonal(distances, 0.0)
    return distances


@pytest.mark.parametrize("seed", range(4))
def test_silhouette_equals_sklearn_for_every_k_of_a_k_search(seed):
    rng = np.random.default_rng(seed)
    points = np.vstack([rng.normal(center, 1.0, (150, 5)) for center in (0, 3, 8)])
    points[:10] *= 1e-3  # a few tiny distances beside large ones
    distances = _distances(points)
    wide = wide_distances(distances)
    for k in range(2, 9):
        labels = KMeans(n_clusters=k, n_init=1, random_state=seed).fit(points).labels_
        expected = silhouette_score(distances, labels, metric="precomputed")
        assert silhouette(distances, labels, wide=wide) == expected
        assert silhouette(distances, labels) == expected


def test_silhouette_of_single_members_and_gaps_in_the_labels_equals_sklearn():
    points = np.array([[0.0, 0.0], [0.0, 1.0], [4.0, 4.0], [9.0, 0.0], [9.0, 1.0], [9.5, 0.5]])
    distances = _distances(points)
    labels = np.array([3, 3, 7, 12, 12, 12])  # a one-member cluster scores 0, labels need not be 0..k-1
    assert silhouette(distances, labels) == silhouette_score(distances, labels, metric="precomputed")


def test_silhouette_refuses_what_it_cannot_score():
    distances = _distances(np.arange(4.0).reshape(-1, 1))
    with pytest.raises(ValueError, match="distinct labels"):
        silhouette(distances, np.zeros(4, dtype=int))
    with pytest.raises(ValueError, match="one entry per row"):
        silhouette(distances, np.array([0, 1]))
    with pytest.raises(ValueError, match="float32"):
        wide_distances(distances.astype(np.float64))


@pytest.mark.parametrize("seed", range(4))
def test_adjusted_rand_equals_sklearn(seed):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 5, 20_000)
    nearly = labels.copy()
    nearly[:300] = rng.integers(0, 6, 300)
    for other in (nearly, rng.integers(0, 3, 20_000), (labels + 1) % 5, labels):
        assert adjusted_rand(labels, other) == adjusted_rand_score(labels, other)


def test_adjusted_rand_of_edge_cases():
    assert adjusted_rand(np.array([], dtype=int), np.array([], dtype=int)) == 1.0
    assert adjusted_rand(np.array([0, 0]), np.array([1, 1])) == adjusted_rand_score([0, 0], [1, 1])
    with pytest.raises(ValueError, match="same length"):
        adjusted_rand(np.array([0, 1]), np.array([0]))
    with pytest.raises(ValueError, match="non-negative"):
        adjusted_rand(np.array([0, -1]), np.array([0, 1]))
