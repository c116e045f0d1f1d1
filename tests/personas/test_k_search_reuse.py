"""A refit with another number of personas reuses the sample's k search, and gives what a fresh fit gives."""

from __future__ import annotations

import gc

import pytest
from sklearn.cluster import KMeans

import cxlib.personas.model as model_module
from cxlib.personas import PersonaModel

THREE = ([120, 90, 60], [(25, 20), (45, 60), (70, 35)])


@pytest.fixture
def counted_fits(monkeypatch):
    """Every k-means fit, by number of clusters; the kept searches start empty."""
    model_module._K_SEARCHES.clear()
    fits: list[int] = []
    original = KMeans.fit

    def counting(self, *args, **kwargs):
        fits.append(self.n_clusters)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(KMeans, "fit", counting)
    yield fits
    model_module._K_SEARCHES.clear()


def _learned(model: PersonaModel) -> tuple:
    return (
        model.k_,
        model.silhouette_by_k_,
        model.stability_,
        model.labels_.tolist(),
        [repr(persona) for persona in model.personas_],
        model.embedding_.to_numpy().tolist(),
        model.notes_,
    )


def test_a_new_number_of_personas_refits_without_searching_again(blobs, counted_fits):
    customers = blobs(*THREE, spread=2.0)
    auto = PersonaModel(n_bootstrap=2).fit(customers)
    searched = len(counted_fits)
    assert sorted(counted_fits[:7]) == list(range(2, 9))  # the search: one fit per k on the sample
    four = PersonaModel(n_personas=4, n_bootstrap=2).fit(customers)
    # only the fit on all customers and the two bootstrap refits: no k is searched again
    assert counted_fits[searched:] == [4, 4, 4]
    assert four.silhouette_by_k_ == auto.silhouette_by_k_
    model_module._K_SEARCHES.clear()
    fresh = PersonaModel(n_personas=4, n_bootstrap=2).fit(customers)
    assert _learned(fresh) == _learned(four)


def test_other_features_a_seed_or_a_k_outside_the_range_search_what_they_need(blobs, counted_fits):
    customers = blobs(*THREE, spread=2.0)
    kept = [PersonaModel(n_bootstrap=0, k_range=(2, 4)).fit(customers)]
    assert sorted(counted_fits[:3]) == [2, 3, 4]
    del counted_fits[:]
    kept.append(PersonaModel(n_bootstrap=0, k_range=(2, 5)).fit(customers))
    assert counted_fits[0] == 5  # only the new k is searched
    assert sorted(kept[-1].silhouette_by_k_) == [2, 3, 4, 5]
    del counted_fits[:]
    kept.append(PersonaModel(n_bootstrap=0, k_range=(2, 4), random_state=1).fit(customers))
    assert sorted(counted_fits[:3]) == [2, 3, 4]  # another seed: another search
    del counted_fits[:]
    kept.append(PersonaModel(n_bootstrap=0, k_range=(2, 4), features=["age"]).fit(customers))
    assert sorted(counted_fits[:3]) == [2, 3, 4]  # other features: other points


def test_a_search_is_kept_only_while_a_fitted_model_holds_it(blobs, counted_fits):
    customers = blobs(*THREE, spread=2.0)
    model = PersonaModel(n_bootstrap=0, k_range=(2, 3)).fit(customers)
    assert len(model_module._K_SEARCHES) == 1
    del model
    gc.collect()
    assert len(model_module._K_SEARCHES) == 0  # dropped with the results it was found for
    del counted_fits[:]
    PersonaModel(n_bootstrap=0, k_range=(2, 3)).fit(customers)
    assert sorted(counted_fits[:2]) == [2, 3]  # searched again
