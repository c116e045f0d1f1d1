"""The string table: both languages carry the same keys and the same template fields."""

import string

import pytest

from cxlib.i18n import STRINGS, format_date, format_number, format_percent, t


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_both_languages():
    missing_in_de = sorted(set(STRINGS["en"]) - set(STRINGS["de"]))
    missing_in_en = sorted(set(STRINGS["de"]) - set(STRINGS["en"]))
    assert missing_in_de == [], f"keys only in English: {missing_in_de}"
    assert missing_in_en == [], f"keys only in German: {missing_in_en}"


@pytest.mark.parametrize("key", sorted(STRINGS["en"]))
def test_both_languages_use_the_same_fields(key):
    assert _fields(STRINGS["en"][key]) == _fields(STRINGS["de"].get(key, STRINGS["en"][key]))


def test_no_text_is_empty():
    empty = [
        (lang, key) for lang, table in STRINGS.items() for key, text in table.items() if not text.strip()
    ]
    assert empty == []


def test_lookup_falls_back_to_english_then_key():
    assert t("error.empty_file", "fr", file="x") == t("error.empty_file", "en", file="x")
    assert t("does.not.exist", "de") == "does.not.exist"


def test_german_formats():
    assert format_number(1234567.891, "de", decimals=2) == "1.234.567,89"
    assert format_number(-18, "de", signed=True) == "−18"
    assert format_percent(0.5, "de", decimals=0) == "50 %"
    from datetime import date

    assert format_date(date(2026, 11, 22), "de") == "22.11.2026"
