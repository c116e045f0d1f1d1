"""The journey's phase editor as a table: one row per touchpoint a user can rename, re-phase, reorder,
include or exclude, give a "not applicable" code, and give an owner (the department responsible).

:func:`editor_table` turns a :class:`~cxlib.journey.JourneySpec` into that table and :func:`spec_from_table`
turns the edited table back into a spec, so the page only shows the table.
"""

from __future__ import annotations

import pandas as pd

from cxlib.journey import JourneySpec
from cxlib.phases import PHASES

EDITOR_COLUMNS = ("touchpoint", "name", "phase", "order", "include", "na_code", "owner")
#: Columns an edited table must have (tables edited before owners existed have no ``owner``).
REQUIRED_COLUMNS = EDITOR_COLUMNS[:-1]


def editor_table(spec: JourneySpec, available: list[str] | None = None) -> pd.DataFrame:
    """One editable row per touchpoint: the spec's touchpoints first (included), then other columns.

    Examples
    --------
    >>> phases = {"Web": "information", "Kasse": "purchase"}
    >>> spec = JourneySpec(("Web", "Kasse"), phases, renames={"Kasse": "Checkout"})
    >>> editor_table(spec, ["Web", "Kasse", "Hotline"]).values.tolist()
    [['Web', 'Web', 'information', 1, True, None, ''], ['Kasse', 'Checkout', 'purchase', 2, True, None, ''], \
['Hotline', 'Hotline', 'information', 3, False, None, '']]
    """
    from cxlib.phases import guess_phase

    extra = [name for name in (available or []) if name not in spec.touchpoints]
    rows = []
    for order, touchpoint in enumerate([*spec.touchpoints, *extra], start=1):
        codes = spec.na_codes.get(touchpoint, ())
        rows.append(
            {
                "touchpoint": touchpoint,
                "name": spec.display_name(touchpoint),
                "phase": spec.phases.get(touchpoint) or guess_phase(touchpoint) or "information",
                "order": order,
                "include": touchpoint in spec.touchpoints,
                "na_code": float(codes[0]) if codes else None,
                "owner": spec.owners.get(touchpoint, ""),
            }
        )
    return pd.DataFrame(rows, columns=list(EDITOR_COLUMNS))


def spec_from_table(table: pd.DataFrame) -> JourneySpec:
    """The spec a user's edited table describes (included rows, sorted by ``order``).

    Examples
    --------
    >>> table = pd.DataFrame({"touchpoint": ["Web", "Kasse"], "name": ["Website", "Kasse"],
    ...                       "phase": ["information", "purchase"], "order": [2, 1], "include": [True, True],
    ...                       "na_code": [0.0, None]})
    >>> spec = spec_from_table(table)
    >>> spec.touchpoints, spec.renames, spec.na_codes
    (('Kasse', 'Web'), {'Web': 'Website'}, {'Web': (0.0,)})
    >>> spec_from_table(table.assign(owner=["Marketing", None])).owners
    {'Web': 'Marketing'}
    """
    _check_table(table)
    chosen = table[table["include"].fillna(False).astype(bool)].copy()
    chosen["order"] = pd.to_numeric(chosen["order"], errors="coerce")
    chosen = chosen.sort_values("order", kind="stable", na_position="last")
    touchpoints = tuple(chosen["touchpoint"].astype(str))
    phases = {
        str(row.touchpoint): (row.phase if row.phase in PHASES else "information")
        for row in chosen.itertuples()
    }
    renames = {
        str(row.touchpoint): str(row.name).strip()
        for row in chosen.itertuples()
        if isinstance(row.name, str) and row.name.strip() and row.name.strip() != row.touchpoint
    }
    na_codes = {
        str(row.touchpoint): (float(row.na_code),) for row in chosen.itertuples() if pd.notna(row.na_code)
    }
    owners = {}
    if "owner" in chosen.columns:
        owners = {
            str(row.touchpoint): row.owner.strip()
            for row in chosen.itertuples()
            if isinstance(row.owner, str) and row.owner.strip()
        }
    return JourneySpec(touchpoints, phases, na_codes=na_codes, renames=renames, owners=owners)


def owners_of(table: pd.DataFrame | None) -> dict[str, str]:
    """Touchpoint -> owner of every row of an editor table that has one (for the mapping profile).

    Examples
    --------
    >>> owners_of(pd.DataFrame({"touchpoint": ["Web", "Kasse"], "owner": [" Marketing", ""]}))
    {'Web': 'Marketing'}
    """
    if table is None or "owner" not in table.columns:
        return {}
    return {
        str(touchpoint): owner.strip()
        for touchpoint, owner in zip(table["touchpoint"], table["owner"], strict=True)
        if isinstance(owner, str) and owner.strip()
    }


def with_owners(table: pd.DataFrame, owners: dict[str, str]) -> pd.DataFrame:
    """The editor table with the given owners filled in where a row has none (e.g. from a profile).

    Examples
    --------
    >>> table = pd.DataFrame({"touchpoint": ["Web", "Kasse"], "owner": ["", "Vertrieb"]})
    >>> with_owners(table, {"Web": "Marketing", "Kasse": "Finanzen"})["owner"].tolist()
    ['Marketing', 'Vertrieb']
    """
    if not owners:
        return table
    current = table["owner"] if "owner" in table.columns else pd.Series("", index=table.index)
    filled = [
        owner if isinstance(owner, str) and owner.strip() else owners.get(str(touchpoint), "")
        for touchpoint, owner in zip(table["touchpoint"], current, strict=True)
    ]
    return table.assign(owner=filled)


def _check_table(table: pd.DataFrame) -> None:
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        raise ValueError(f"editor table lacks the columns {missing}")
