import pandas as pd
import pytest

from cxlib.errors import CxError
from cxlib.mapping import mapping_from_dict


def test_manual_mapping_and_unmapped_columns():
    sheet = pd.DataFrame({"Nr": ["1"], "Jahre": [30], "Farbe": ["rot"]})
    mapping = mapping_from_dict(sheet, "customers", {"customer_id": "Nr", "age": "Jahre", "gender": None})
    assert mapping.as_dict() == {"customer_id": "Nr", "age": "Jahre"}
    assert mapping.unmapped == ["Farbe"]
    assert all(match.method == "manual" for match in mapping.matches.values())


def test_unknown_role_and_column_are_user_errors():
    sheet = pd.DataFrame({"Nr": ["1"]})
    with pytest.raises(CxError) as role_error:
        mapping_from_dict(sheet, "customers", {"shoe_size": "Nr"})
    assert role_error.value.key == "error.unknown_role"
    with pytest.raises(CxError) as column_error:
        mapping_from_dict(sheet, "customers", {"customer_id": "Kundennummer"})
    assert "Kundennummer" in column_error.value.message("de")
