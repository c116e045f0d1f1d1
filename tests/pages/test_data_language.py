"""A language switch with the visitor's own data re-runs no loading or validation, and the Data page tells
the same rules and notes in the new language (issue 15)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import open_page

# A repeated customer ID (a rule that sets a row aside), an unreadable age (a rule that repairs a value)
# and a repeated header (a note of the reader); unique to this test, so no other test cached its results.
CUSTOMERS = (
    "Kunden-ID,Alter,Region,Region\n"
    "sprachwechsel-1,34,Nord,a\n"
    "sprachwechsel-2,n/a,Süd,b\n"
    "sprachwechsel-2,41,Süd,c\n"
    "sprachwechsel-3,29,Nord,d\n"
).encode()

#: Module attributes of the loading and validation steps the app runs (patched to count their calls).
LOADING_STEPS = (
    ("pages._state", "read_file"),
    ("pages._state", "prepare_table"),
    ("pages._state", "link_tables"),
    ("cxlib.intake", "validate_table"),
    ("cxlib.validation", "link_to_customers"),
    ("cxlib.value.customers", "with_transaction_customers"),
)


@pytest.fixture
def calls(monkeypatch) -> Counter:
    """How often each loading/validation step ran (by name)."""
    import importlib

    counted: Counter = Counter()
    for module_name, name in LOADING_STEPS:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def counting(*args, _original=original, _name=name, **kwargs):
            counted[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)
    return counted


def _rules_table(page):
    """The Data page's rules table (its first column holds the findings)."""
    return next(frame.value for frame in page.dataframe if len(frame.value.columns) == 3)


def _switch_language(page, lang: str) -> None:
    """What the sidebar's language switch does (AppTest runs a page without app.py's sidebar)."""
    from pages import _state

    page.session_state[_state.LANG] = lang
    page.run()
    assert not page.exception, page.exception


def test_language_switch_reruns_no_loading_and_shows_the_rules_in_german(app, calls):
    page = open_page(app, "data")
    page.file_uploader(key="upload_customers").set_value(("kunden.csv", CUSTOMERS, "text/csv"))
    page.run()
    assert not page.exception and not page.error, page.exception
    assert calls["validate_table"] >= 1 and calls["read_file"] >= 1  # the counting works
    english = _rules_table(page)
    assert english.columns[0] == "What was found"
    findings = english.iloc[:, 0].tolist()
    assert any("Duplicate header" in text for text in findings)
    assert any("repeat a customer ID" in text for text in findings)
    assert any("“Age”" in text for text in findings)  # a role's name inside a rule's message

    calls.clear()
    _switch_language(page, "de")
    assert sum(calls.values()) == 0, dict(calls)
    german = _rules_table(page)
    assert german.columns[0] == "Befund"
    findings = german.iloc[:, 0].tolist()
    assert any("doppelte Überschrift" in text for text in findings)
    assert any(text.startswith("1 Zeilen wiederholen eine Kunden-ID") for text in findings)
    assert any("„Alter“" in text for text in findings)
    assert german.iloc[:, 1].tolist() == english.iloc[:, 1].tolist()  # the same counts
    assert [m.value for m in page.metric[:3]] == ["4", "3", "1"]  # rows read, used, set aside

    _switch_language(page, "en")
    assert sum(calls.values()) == 0, dict(calls)
    assert _rules_table(page).equals(english)


def test_language_switch_with_own_data_keeps_the_other_pages_loaded_tables(app, calls):
    page = open_page(app, "data")
    page.file_uploader(key="upload_customers").set_value(("kunden.csv", CUSTOMERS, "text/csv"))
    page.run()
    open_page(page, "overview")
    calls.clear()
    _switch_language(page, "de")
    assert not page.exception
    assert sum(calls.values()) == 0, dict(calls)
