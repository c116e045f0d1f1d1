"""Names the analysis itself uses for columns, and how a source header that collides with one is renamed.

A validated table names mapped columns by role key (``customer_id``, ``revenue`` …) and keeps every
other column under its original header. A header that happens to equal an internal name (a text
column literally called ``satisfaction``, ``date``, ``persona`` or ``reason``) would then be mistaken
for the analysis' own column. :func:`safe_names` gives such columns a suffix, by construction, and the
rename is recorded so the Data page and the CLI can say so.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable

from cxlib.roles import ROLES

SUFFIX = " (original)"

#: Column names used inside the analysis frames (validation, personas, journey, KPIs, exports).
INTERNAL_COLUMNS: frozenset[str] = frozenset(
    {
        "row",
        "reason",
        "persona",
        "label",
        "phase",
        "position",
        "mean",
        "native_mean",
        "scale_min",
        "scale_max",
        "group",
        "n",
        "sd",
        "count",
        "ci_low",
        "ci_high",
        "bottom_box",
        "na_excluded",
        "pain_point",
        "pain_reason",
        "quadrant",
        "quadrant_label",
        "x",
        "y",
        "clv",
        "name",
        "text",
        "value",
        "share",
        "month",
        "period",
        "order",
        "ratio",
        "__journey_group__",
    }
)


@functools.lru_cache(maxsize=1)
def reserved_names() -> frozenset[str]:
    """Every name a source column must not keep: role keys of all tables and internal column names.

    Translated role labels ("Kommentar", "Alter") are ordinary headers people use; they are not
    reserved (the property test in ``tests/customers`` feeds them through every page).

    Examples
    --------
    >>> {"satisfaction", "date", "persona", "reason"} <= reserved_names(), "Kunden-ID" in reserved_names()
    (True, False)
    """
    keys = {role.key for roles in ROLES.values() for role in roles}
    return frozenset(keys | INTERNAL_COLUMNS)


def safe_names(columns: Iterable[object], *, keep: Collection[object] = ()) -> dict[object, str]:
    """Old header -> new name for the columns in ``columns`` that collide with a reserved name.

    ``keep`` are columns that will be renamed to a role key anyway (they are left alone). New names
    never collide with a reserved name, with each other, or with another source header.

    Examples
    --------
    >>> safe_names(["customer_id", "satisfaction", "reason", "Ort"], keep=["customer_id"])
    {'satisfaction': 'satisfaction (original)', 'reason': 'reason (original)'}
    >>> safe_names(["date", "date (original)"])
    {'date': 'date (original 2)'}
    """
    reserved = reserved_names()
    columns = list(columns)
    taken = {str(column) for column in columns} | set(reserved)
    renamed: dict[object, str] = {}
    for column in columns:
        if column in keep or str(column) not in reserved:
            continue
        candidate, number = f"{column}{SUFFIX}", 2
        while candidate in taken:
            candidate = f"{column} (original {number})"
            number += 1
        taken.add(candidate)
        renamed[column] = candidate
    return renamed
