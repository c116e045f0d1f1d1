"""Cluster scores the persona model uses, computed as scikit-learn computes them, in fewer steps.

:func:`silhouette` is ``sklearn.metrics.silhouette_score(distances, labels, metric="precomputed")``:
the same float32 steps, but each point's distance sums per cluster come from one matrix product
instead of a Python loop over the rows (and the 2,000 x 2,000 matrix is checked once, not per k).
:func:`adjusted_rand` is ``sklearn.metrics.adjusted_rand_score`` for small integer labels: the same
integer pair counts, from one ``bincount`` instead of sorting every label.
"""

from __future__ import annotations

import numpy as np

__all__ = ["adjusted_rand", "silhouette", "wide_distances"]


def wide_distances(distances: np.ndarray) -> np.ndarray:
    """A float32 distance matrix in float64, the precision :func:`silhouette` sums in.

    ``silhouette_samples`` adds each row's float32 distances per cluster in float64 (``np.bincount``
    with weights); float32 values of a few orders of magnitude add up exactly in float64, in any order.
    """
    if distances.ndim != 2 or distances.shape[0] != distances.shape[1] or distances.dtype != np.float32:
        raise ValueError("distances must be a square float32 matrix")
    return distances.astype(np.float64)


def silhouette(distances: np.ndarray, labels: np.ndarray, *, wide: np.ndarray | None = None) -> float:
    """The mean silhouette coefficient of ``labels`` over a precomputed float32 distance matrix.

    Parameters
    ----------
    distances : ndarray of shape (n, n), float32
        Pairwise distances with a zero diagonal.
    labels : ndarray of shape (n,)
        Cluster labels (any integers); 2 <= distinct labels <= n - 1.
    wide : ndarray, optional
        ``wide_distances(distances)``, when several labelings are scored on the same matrix.

    Examples
    --------
    >>> from sklearn.metrics import pairwise_distances, silhouette_score
    >>> points = np.array([[0.0], [0.1], [0.3], [5.0], [5.2], [9.0]])
    >>> distances = pairwise_distances(points).astype(np.float32)
    >>> labels = np.array([0, 0, 0, 1, 1, 2])
    >>> silhouette(distances, labels) == silhouette_score(distances, labels, metric="precomputed")
    True
    """
    wide = wide_distances(distances) if wide is None else wide
    classes, codes = np.unique(labels, return_inverse=True)
    n = len(codes)
    if wide.shape != (n, n):
        raise ValueError("labels must have one entry per row of distances")
    if not 1 < len(classes) < n:
        raise ValueError(f"{len(classes)} distinct labels: the silhouette needs 2 to n - 1")
    freqs = np.bincount(codes)
    members = np.zeros((n, len(classes)))
    members[np.arange(n), codes] = 1.0
    # sklearn: a float32 row of per-cluster sums, each sum taken in float64
    sums = (wide @ members).astype(distances.dtype)
    rows = np.arange(n)
    intra = sums[rows, codes]
    sums[rows, codes] = np.inf
    sums /= freqs
    inter = sums.min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        intra /= (freqs - 1).take(codes, mode="clip")
    samples = inter - intra
    with np.errstate(divide="ignore", invalid="ignore"):
        samples /= np.maximum(intra, inter)
    return float(np.mean(np.nan_to_num(samples)))


def adjusted_rand(labels: np.ndarray, other: np.ndarray) -> float:
    """The adjusted Rand index of two labelings with small non-negative integer labels.

    Examples
    --------
    >>> from sklearn.metrics import adjusted_rand_score
    >>> a, b = np.array([0, 0, 1, 1, 2, 2]), np.array([1, 1, 0, 0, 0, 2])
    >>> adjusted_rand(a, b) == adjusted_rand_score(a, b), adjusted_rand(a, a)
    (True, 1.0)
    """
    labels, other = np.asarray(labels, dtype=np.int64), np.asarray(other, dtype=np.int64)
    if labels.shape != other.shape or labels.ndim != 1:
        raise ValueError("the two labelings must be 1-d arrays of the same length")
    if len(labels) and min(labels.min(), other.min()) < 0:
        raise ValueError("labels must be non-negative integers")
    if not len(labels):
        return 1.0
    width = int(other.max()) + 1
    height = int(labels.max()) + 1
    contingency = np.bincount(labels * width + other, minlength=height * width).reshape(height, width)
    n = np.int64(len(labels))
    n_c, n_k = contingency.sum(axis=1), contingency.sum(axis=0)
    sum_squares = (contingency**2).sum()
    tp = int(sum_squares - n)
    fp = int((contingency @ n_k).sum() - sum_squares)
    fn = int((contingency.T @ n_c).sum() - sum_squares)
    tn = int(n**2 - fp - fn - sum_squares)
    if fn == 0 and fp == 0:
        return 1.0
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
