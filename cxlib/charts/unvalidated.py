"""Charts that serialise without re-checking their Vega-Lite spec against the JSON schema.

Altair validates the whole spec on every ``to_dict()``, and Streamlit calls ``to_dict()`` each time a
chart is shown: for the charts we build ourselves that is a fixed cost per chart (tens of milliseconds)
on every page rerun, for specs that never change shape. :func:`unvalidated` gives the same chart with
``to_dict(validate=False)`` as its default; ``to_dict(validate=True)`` still validates, and
``tests/charts/test_specs_valid.py`` validates every chart the pages show once.

Altair's "debug mode" also checks every schema object (channel, mark, scale, axis …) against the JSON
schema as it is constructed: a few hundred checks, about 0.1 s of building the pages' charts. Importing
this module switches that off for the process (``alt.utils.schemapi.disable_debug_mode()``); the specs
are the same, and a chart serialised with ``to_dict()`` (Altair's default) is still validated whole.
"""

from __future__ import annotations

from typing import Any, TypeVar

import altair as alt

__all__ = ["unvalidated"]

T = TypeVar("T")

alt.utils.schemapi.disable_debug_mode()  # see the module docstring


class _SkipsValidation:
    """Mixin: ``to_dict()`` does not validate unless asked to, and a shallow ``copy()`` (which
    ``to_dict()`` and ``properties()`` make) copies the built chart instead of constructing it again."""

    def to_dict(self, validate: bool = False, **kwargs: Any) -> dict[str, Any]:
        return super().to_dict(validate=validate, **kwargs)  # type: ignore[misc]

    def copy(self, deep: Any = True, ignore: list[str] | None = None) -> Any:
        if deep is False:
            return _built_copy(self, type(self))
        return super().copy(deep=deep, ignore=ignore)  # type: ignore[misc]


# Module-level classes (not made on the fly), so that such charts pickle like any other.
class Chart(_SkipsValidation, alt.Chart):
    pass


class LayerChart(_SkipsValidation, alt.LayerChart):
    pass


class VConcatChart(_SkipsValidation, alt.VConcatChart):
    pass


class HConcatChart(_SkipsValidation, alt.HConcatChart):
    pass


class ConcatChart(_SkipsValidation, alt.ConcatChart):
    pass


class FacetChart(_SkipsValidation, alt.FacetChart):
    pass


class RepeatChart(_SkipsValidation, alt.RepeatChart):
    pass


_CLASSES: dict[type, type] = {
    alt.Chart: Chart,
    alt.LayerChart: LayerChart,
    alt.VConcatChart: VConcatChart,
    alt.HConcatChart: HConcatChart,
    alt.ConcatChart: ConcatChart,
    alt.FacetChart: FacetChart,
    alt.RepeatChart: RepeatChart,
}


def unvalidated(chart: T) -> T:
    """A shallow copy of ``chart`` (an Altair top-level chart) whose ``to_dict()`` skips schema
    validation; the spec is the same. A copy of a chart of another kind still validates.

    Examples
    --------
    >>> import pandas as pd
    >>> chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    >>> fast = unvalidated(chart)
    >>> fast.to_dict() == chart.to_dict(), isinstance(fast, alt.Chart)
    (True, True)
    >>> type(fast.properties(width=100)) is type(fast)  # derived charts keep it
    True
    """
    return _built_copy(chart, _CLASSES.get(type(chart), type(chart)))


def _built_copy(chart: Any, kind: type) -> Any:
    """A shallow copy of ``chart`` as a ``kind``. ``chart.copy(deep=False)`` would run the constructor
    again, which for a layered chart re-merges the layers' data and parameters (deep copies of every
    layer) although the built chart has them merged already; this copies the built state. Altair routes
    attribute writes into the spec, hence ``object.__setattr__``."""
    copy = object.__new__(kind)
    copy.__dict__.update(chart.__dict__)
    # Its own lists (layers, concatenated charts), as the constructor would make: ``+=`` appends in place.
    kwds = {key: list(value) if isinstance(value, list) else value for key, value in chart._kwds.items()}
    object.__setattr__(copy, "_kwds", kwds)
    return copy
