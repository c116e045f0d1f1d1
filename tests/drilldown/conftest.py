"""The demo files as validated tables, read once for the drill-down tests."""

import pytest

from cxlib.analysis import load_files
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def demo_tables():
    files = {name: ROOT / "sample_data" / f"{name}.xlsx" for name in ("customers", "survey")}
    return {name: item.validated.data for name, item in load_files(files).items()}
