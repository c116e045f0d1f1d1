"""Every evidence code the survey understanding can give has words in English and German."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cxlib.i18n import STRINGS

ROOT = Path(__file__).resolve().parents[2]
CODES = sorted(
    {
        code
        for module in ("cxlib/scales.py", "cxlib/validation.py")
        for code in re.findall(r'Evidence\(\s*"([a-z_]+)"', (ROOT / module).read_text(encoding="utf-8"))
    }
)


def test_codes_were_found():
    assert {"zero_below_scale", "top_code", "nps_group_words", "row_numbers_as_ids"} <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_every_evidence_code_has_words_in_both_languages(code):
    assert f"evidence.{code}" in STRINGS["en"] and f"evidence.{code}" in STRINGS["de"]
