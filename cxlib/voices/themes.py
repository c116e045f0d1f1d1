"""Themes in comments: TF-IDF + NMF, the number of themes chosen by topic coherence (NPMI).

The comments' theme words (:mod:`cxlib.voices.normalize`) are weighted by TF-IDF (words in fewer than
``min_df`` comments or in more than half of them are left out) and factorised by non-negative matrix
factorisation. For every k in a small range (default 3–10) NMF is fitted on up to 3,000 comments, and
the k whose themes are most *coherent* wins: the mean normalised pointwise mutual information (NPMI) of
each theme's five top words (the words a reader sees in its label and list), over which comments
contain them together (Bouma 2009; Röder et al. 2015).
Ties go to the smaller k. The chosen model then weighs every comment (``transform``); each comment
belongs to the theme with its largest weight (comments without a single theme word belong to none).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.extmath import randomized_svd

K_RANGE = (3, 10)
SELECTION_SAMPLE = 3000
TOP_TERMS = 5


def _identity(tokens: list[str]) -> list[str]:
    return tokens


@dataclass(frozen=True)
class ThemeModel:
    """Fitted themes.

    Attributes
    ----------
    k : int
        Number of themes.
    terms : list of list of str
        Each theme's top words (normalised forms), strongest first.
    labels : list of str
        Each theme's readable label: its two or three strongest words as written most often.
    assignment : ndarray of int
        Per comment the theme index, or -1 for a comment without theme words.
    weight : ndarray of float
        Per comment its weight on its theme (0 when unassigned).
    coherence : dict
        Mean NPMI per k tried (the selection criterion).
    """

    k: int
    terms: list[list[str]]
    labels: list[str]
    assignment: np.ndarray
    weight: np.ndarray
    coherence: dict[int, float]


def _matrix(tokens: list[list[str]], min_df: int) -> tuple[sparse.csr_matrix, np.ndarray] | None:
    vectorizer = TfidfVectorizer(
        analyzer=_identity, min_df=min_df, max_df=0.5, sublinear_tf=True, max_features=3000, dtype=np.float64
    )
    try:
        matrix = vectorizer.fit_transform(tokens)
    except ValueError:  # no word left after the frequency limits
        return None
    return matrix.tocsr(), vectorizer.get_feature_names_out()


def npmi_coherence(binary: sparse.csc_matrix, top: np.ndarray) -> float:
    """Mean NPMI over the pairs of ``top`` word columns of a binary comment × word matrix.

    >>> m = sparse.csc_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]]))
    >>> round(npmi_coherence(m, np.array([0, 1])), 3), round(npmi_coherence(m, np.array([0, 2])), 3)
    (1.0, -1.0)
    """
    n = binary.shape[0]
    columns = binary[:, top]
    together = (columns.T @ columns).toarray().astype(np.float64)
    single = np.diag(together) / n
    scores = []
    for i in range(len(top)):
        for j in range(i + 1, len(top)):
            joint = together[i, j] / n
            if joint == 0:
                scores.append(-1.0)
            elif joint == 1:
                scores.append(1.0)
            else:
                scores.append(np.log(joint / (single[i] * single[j])) / -np.log(joint))
    return float(np.mean(scores)) if scores else 0.0


class _SvdStart:
    """NNDSVDa starting points for every k from one truncated SVD (Boutsidis & Gallopoulos 2008).

    scikit-learn's ``init="nndsvda"`` computes a fresh randomized SVD for every k; the leading singular
    vectors are the same for every k, so one SVD for the largest k serves the whole range.
    """

    def __init__(self, matrix: sparse.csr_matrix, k_max: int, random_state: int) -> None:
        self.u, self.s, self.v = randomized_svd(matrix, k_max, random_state=random_state)
        self.mean = float(matrix.mean())

    def start(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        u, s, v = self.u, self.s, self.v
        W, H = np.zeros((u.shape[0], k)), np.zeros((k, v.shape[1]))
        W[:, 0], H[0] = np.sqrt(s[0]) * np.abs(u[:, 0]), np.sqrt(s[0]) * np.abs(v[0])
        for j in range(1, k):
            x, y = u[:, j], v[j]
            parts = []
            for a, b in ((np.maximum(x, 0), np.maximum(y, 0)), (-np.minimum(x, 0), -np.minimum(y, 0))):
                na, nb = np.linalg.norm(a), np.linalg.norm(b)
                parts.append((na * nb, a / na if na else a, b / nb if nb else b))
            sigma, a, b = max(parts, key=lambda part: part[0])
            scale = np.sqrt(s[j] * sigma)
            W[:, j], H[j] = scale * a, scale * b
        W[W < 1e-12], H[H < 1e-12] = self.mean, self.mean
        return W, H


def _fit(matrix: sparse.csr_matrix, k: int, start: _SvdStart, random_state: int) -> tuple[NMF, np.ndarray]:
    model = NMF(n_components=k, init="custom", max_iter=300, random_state=random_state, tol=1e-3)
    W, H = start.start(k)
    return model, model.fit_transform(matrix, W=W, H=H)


def _coherence(model: NMF, binary: sparse.csc_matrix) -> float:
    tops = np.argsort(-model.components_, axis=1)[:, :TOP_TERMS]
    return float(np.mean([npmi_coherence(binary, top) for top in tops]))


def _label(terms: list[str], weights: np.ndarray, display: dict[str, str]) -> str:
    """Two or three strongest words; the third only when it weighs at least a third of the first."""
    count = 3 if len(terms) >= 3 and weights[2] >= weights[0] / 3 else min(2, len(terms))
    return " · ".join(display.get(term, term) for term in terms[:count])


def fit_themes(
    tokens: list[list[str]],
    *,
    display: dict[str, str] | None = None,
    k_range: tuple[int, int] = K_RANGE,
    random_state: int = 0,
) -> ThemeModel | None:
    """Themes of comments given as theme words; None when there are too few words for two themes.

    Parameters
    ----------
    tokens : list of list of str
        Theme words per comment (:func:`cxlib.voices.normalize.normalize`).
    display : dict, optional
        Written form per word, for the labels.
    k_range : (int, int)
        Smallest and largest number of themes tried (inclusive).
    random_state : int
        Seed for the comment sample used to choose k and for NMF.
    """
    low, high = k_range
    if not 2 <= low <= high:
        raise ValueError(f"k_range must satisfy 2 <= low <= high, got {k_range}")
    display = display or {}
    min_df = max(3, int(0.002 * len(tokens)))
    built = _matrix(tokens, min_df) if len(tokens) >= 10 else None
    if built is None:
        return None
    matrix, vocabulary = built
    used = np.flatnonzero(matrix.getnnz(axis=1) > 0)
    high = min(high, matrix.shape[1] - 1, max(2, len(used) // 10))
    if high < 2:
        return None
    low = min(low, high)
    rng = np.random.default_rng(random_state)
    sample = rng.choice(used, size=min(len(used), SELECTION_SAMPLE), replace=False)
    sample_matrix = matrix[np.sort(sample)]
    binary = (sample_matrix > 0).astype(np.float64).tocsc()
    start = _SvdStart(sample_matrix, high, random_state)
    coherence, fits = {}, {}
    for k in range(low, high + 1):
        fits[k] = _fit(sample_matrix, k, start, random_state)
        coherence[k] = round(_coherence(fits[k][0], binary), 4)
    best = max(coherence, key=lambda k: (coherence[k], -k))
    model = fits[best][0]
    if len(sample) == len(used):  # the sample holds every comment with words: its weights are final
        weights = np.zeros((matrix.shape[0], best))
        weights[np.sort(sample)] = fits[best][1]
    else:  # the themes found on the sample, every comment's weights on them
        weights = model.transform(matrix)
    order = np.argsort(-model.components_, axis=1)[:, :TOP_TERMS]
    terms = [[str(vocabulary[i]) for i in row] for row in order]
    labels = [
        _label(row_terms, model.components_[index, order[index]], display)
        for index, row_terms in enumerate(terms)
    ]
    assignment = np.where(weights.max(axis=1) > 0, weights.argmax(axis=1), -1)
    weight = np.where(assignment >= 0, weights.max(axis=1), 0.0)
    return ThemeModel(best, terms, labels, assignment, weight, coherence)
