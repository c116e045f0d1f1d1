"""No module-level mutable state in cxlib/ and pages/: constants are UPPER_CASE and never changed."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "cxlib").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])
MUTATORS = {
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "popitem",
    "clear",
    "update",
    "add",
    "discard",
    "setdefault",
    "sort",
    "reverse",
    "__setitem__",
}
MUTABLE_CALLS = {"list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray"}


def _is_mutable(value: ast.expr) -> bool:
    if isinstance(value, ast.List | ast.Dict | ast.Set | ast.ListComp | ast.DictComp | ast.SetComp):
        return True
    return (
        isinstance(value, ast.Call)
        and getattr(value.func, "id", getattr(value.func, "attr", "")) in MUTABLE_CALLS
    )


def _module_mutables(tree: ast.Module) -> dict[str, int]:
    names = {}
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        value = getattr(node, "value", None)
        if value is not None and _is_mutable(value):
            names.update({target.id: node.lineno for target in targets if isinstance(target, ast.Name)})
    return names


def _mutations(tree: ast.Module, names: set[str]) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"global {', '.join(node.names)} (line {node.lineno})")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in MUTATORS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in names
        ):
            found.append(f"{node.func.value.id}.{node.func.attr}() (line {node.lineno})")
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AugAssign | ast.AnnAssign)
            else []
        )
        for target in targets:
            if (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Name)
                and target.value.id in names
            ):
                found.append(f"{target.value.id}[...] = (line {node.lineno})")
    return found


def test_module_level_containers_are_upper_case_constants_never_mutated():
    problems = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        mutables = _module_mutables(tree)
        for name, line in mutables.items():
            if name != "__all__" and name.lstrip("_") != name.lstrip("_").upper():
                problems.append(f"{path.relative_to(ROOT)}:{line} {name} is a mutable module-level container")
        problems += [f"{path.relative_to(ROOT)}: {what}" for what in _mutations(tree, set(mutables))]
    assert problems == []


def test_the_scanner_finds_mutated_state():
    tree = ast.parse("CACHE = {}\nseen = []\ndef f(x):\n    CACHE[x] = 1\n    seen.append(x)\n")
    mutables = _module_mutables(tree)
    assert mutables == {"CACHE": 1, "seen": 2}
    assert _mutations(tree, set(mutables)) == ["CACHE[...] = (line 4)", "seen.append() (line 5)"]
