"""Reading a demo workbook back the way the app does (fastexcel, i.e. calamine)."""

import fastexcel
import pandas as pd
import pytest


def _read_sheet(path, sheet: str) -> pd.DataFrame:
    """One sheet as a DataFrame, dates in nanoseconds like the generated tables (calamine gives ms)."""
    frame = fastexcel.read_excel(str(path)).load_sheet(sheet).to_pandas()
    dates = frame.select_dtypes("datetime").columns
    return frame.astype(dict.fromkeys(dates, "datetime64[ns]"))


@pytest.fixture
def read_sheet():
    return _read_sheet
