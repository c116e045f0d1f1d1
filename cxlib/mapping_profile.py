"""Mapping profiles: the column roles, money period, scales and directions a user confirmed, as a small
JSON file that is loaded again with next month's export (Data page) or given to the CLI (``--mapping``).

The file::

    {"format": "cx-mapping-profile", "version": 1,
     "tables": {"customers": {"sheet": "Kunden",
                              "roles": {"customer_id": "Kundennummer", "revenue": "MonthlyCharges"},
                              "columns": {"revenue": {"period": "month"}}}}}

``roles`` maps role key -> source column (a list for ``touchpoints``); ``columns`` maps a role key or
column to the meanings the user confirmed (``period``; ``scale`` and ``direction`` for survey items).
An optional ``"journey": {"owners": {"Lieferung": "Logistik"}}`` keeps the department that owns each
touchpoint (entered in the Journey page's phase editor); profiles without it load as before.
``--role TABLE.ROLE=COLUMN`` corrects one role on top of the automatic mapping or a profile.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from cxlib.errors import CxError
from cxlib.roles import ROLES, TABLES

FORMAT = "cx-mapping-profile"
VERSION = 1
_MEANING_KEYS = ("period", "scale", "direction")
_PERIODS = ("month", "year", "lifetime")

__all__ = [
    "FORMAT",
    "VERSION",
    "journey_owners",
    "parse_role_options",
    "profile_from_tables",
    "profile_json",
    "read_profile",
    "with_journey_owners",
]


def profile_from_tables(loaded: Mapping[str, object], *, owners: Mapping[str, str] | None = None) -> dict:
    """The profile of loaded tables (:class:`cxlib.intake.LoadedTable` per table name).

    Roles come from the mapping in use; ``columns`` keeps, per column, the money period, scale and
    direction the analysis used (changed by the user or inferred and thereby confirmed by saving).
    A table made from another one (the survey from the customer table's answer columns) is not a file
    of its own and is left out.
    """
    from cxlib.customer_columns import ROW_NUMBER_COLUMN

    tables = {}
    for name, item in loaded.items():
        if getattr(item, "derived_from", None):
            continue
        roles = {
            role: column
            for role, column in item.mapping.as_dict().items()  # type: ignore[attr-defined]
            if column != ROW_NUMBER_COLUMN
        }
        columns = {}
        for column, meaning in item.validated.columns.items():  # type: ignore[attr-defined]
            chosen = {key: getattr(meaning, key) for key in _MEANING_KEYS if getattr(meaning, key)}
            if "scale" in chosen:
                chosen["scale"] = list(chosen["scale"])
            if any(e.code == "user_ordinal" for e in meaning.evidence):  # marked by hand as ordered answers
                chosen["kind"] = "ordinal"
            if chosen:
                columns[str(column)] = chosen
        tables[name] = {"sheet": item.sheet, "roles": roles, "columns": columns}  # type: ignore[attr-defined]
    return with_journey_owners({"format": FORMAT, "version": VERSION, "tables": tables}, owners)


def with_journey_owners(profile: Mapping, owners: Mapping[str, str] | None) -> dict:
    """The profile with the touchpoint owners (touchpoint -> department); empty owners are left out.

    Examples
    --------
    >>> profile = with_journey_owners({"tables": {}}, {"Lieferung": " Logistik ", "Web": ""})
    >>> profile["journey"], journey_owners(profile)
    ({'owners': {'Lieferung': 'Logistik'}}, {'Lieferung': 'Logistik'})
    >>> "journey" in with_journey_owners({"tables": {}}, None)
    False
    """
    cleaned = {
        str(tp): str(owner).strip() for tp, owner in (owners or {}).items() if str(owner or "").strip()
    }
    result = {key: value for key, value in profile.items() if key != "journey"}
    if cleaned:
        result["journey"] = {"owners": cleaned}
    return result


def journey_owners(profile: Mapping | None) -> dict[str, str]:
    """Touchpoint -> owner saved in a profile (empty for profiles without owners)."""
    journey = (profile or {}).get("journey") or {}
    return dict(journey.get("owners") or {})


def profile_json(profile: Mapping) -> bytes:
    """The profile as UTF-8 JSON bytes (for the download button and ``--mapping`` files)."""
    return json.dumps(profile, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def _bad(file: str, reason: str) -> CxError:
    return CxError("error.bad_profile", file=file, reason=reason)


def read_profile(source: str | os.PathLike | bytes, *, filename: str | None = None) -> dict:
    """Read and check a profile (path or bytes); :class:`CxError` ``error.bad_profile`` when unusable.

    Examples
    --------
    >>> profile = read_profile(b'{"format": "cx-mapping-profile", "version": 1, "tables": '
    ...                        b'{"customers": {"roles": {"customer_id": "Nr"}}}}')
    >>> profile["tables"]["customers"]["roles"]
    {'customer_id': 'Nr'}
    >>> read_profile(b'{"tables": {"kunden": {}}}', filename="p.json")
    Traceback (most recent call last):
    ...
    cxlib.errors.CxError: The mapping profile “p.json” cannot be used: unknown table 'kunden'
    """
    if isinstance(source, bytes):
        file, raw = filename or "profile.json", source
    else:
        file = filename or Path(source).name
        try:
            raw = Path(source).read_bytes()
        except OSError:
            raise CxError("error.file_not_found", file=file) from None
    try:
        profile = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _bad(file, "not JSON") from None
    if not isinstance(profile, dict) or not isinstance(profile.get("tables"), dict):
        raise _bad(file, 'no "tables"')
    for table, spec in profile["tables"].items():
        _check_table_spec(file, table, spec)
    _check_journey(file, profile.get("journey"))
    profile.setdefault("format", FORMAT)
    profile.setdefault("version", VERSION)
    return profile


def _check_journey(file: str, journey: object) -> None:
    if journey is None:
        return
    owners = journey.get("owners", {}) if isinstance(journey, dict) else None
    if not isinstance(owners, dict) or not all(
        isinstance(tp, str) and isinstance(owner, str) for tp, owner in owners.items()
    ):
        raise _bad(file, '"journey.owners" is not an object of touchpoint names and departments')


def _check_table_spec(file: str, table: str, spec: object) -> None:
    if table not in TABLES or not isinstance(spec, dict):
        raise _bad(file, f"unknown table {table!r}")
    known = {role.key for role in ROLES[table]}  # type: ignore[index]
    roles = spec.get("roles", {})
    if not isinstance(roles, dict) or not set(roles) <= known:
        raise _bad(file, f"unknown roles in {table}: {sorted(set(roles) - known)}")
    columns = spec.get("columns", {})
    if not isinstance(columns, dict):
        raise _bad(file, f'"columns" of {table} is not an object')
    for column, meaning in columns.items():
        period = meaning.get("period") if isinstance(meaning, dict) else None
        if not isinstance(meaning, dict) or (period is not None and period not in _PERIODS):
            raise _bad(file, f"column {column!r} of {table}")


def parse_role_options(options: Iterable[str]) -> dict[str, dict[str, str | None]]:
    """``TABLE.ROLE=COLUMN`` options as table -> {role: column}; an empty column unmaps the role.

    Examples
    --------
    >>> parse_role_options(["customers.revenue=MonthlyCharges", "customers.income="])
    {'customers': {'revenue': 'MonthlyCharges', 'income': None}}
    """
    corrections: dict[str, dict[str, str | None]] = {}
    for option in options:
        target, sep, column = option.partition("=")
        table, dot, role = target.strip().partition(".")
        if not sep or not dot or table not in TABLES:
            raise CxError("error.bad_role_option", option=option)
        if role not in {r.key for r in ROLES[table]}:  # type: ignore[index]
            raise CxError("error.unknown_role", role=role, table=table)
        corrections.setdefault(table, {})[role] = column.strip() or None
    return corrections


def table_choice(
    profile: Mapping | None, corrections: Mapping[str, Mapping[str, str | None]] | None, table: str
) -> dict:
    """What one table is loaded with: ``{"sheet_hint", "roles", "corrections", "overrides"}`` (keys
    optional; the profile's sheet is a hint, used when next month's file has that sheet).

    Examples
    --------
    >>> choice = table_choice({"tables": {"customers": {"roles": {"customer_id": "Nr"},
    ...                                   "columns": {"revenue": {"period": "month"}}}}},
    ...                       {"customers": {"age": "Jahre"}}, "customers")
    >>> choice["roles"], choice["overrides"], choice["corrections"]
    ({'customer_id': 'Nr'}, {'revenue': {'period': 'month'}}, {'age': 'Jahre'})
    """
    choice: dict = {}
    spec = (profile or {}).get("tables", {}).get(table) or {}
    if spec.get("sheet"):
        choice["sheet_hint"] = spec["sheet"]
    if spec.get("roles"):
        choice["roles"] = dict(spec["roles"])
    if spec.get("columns"):
        choice["overrides"] = {column: dict(meaning) for column, meaning in spec["columns"].items()}
    if corrections and corrections.get(table):
        choice["corrections"] = dict(corrections[table])
    return choice
