"""cxlib.examples.quoted_examples: the cell values a rule's message shows, for every rule alike."""

import pandas as pd

from cxlib.examples import EXAMPLE_CHARS, quoted_examples


def test_distinct_values_in_file_order_up_to_the_limit():
    cells = pd.Series(["b", "a", "b", "c", "d"])
    assert quoted_examples(cells, cells != "x", limit=3) == "“b”, “a”, “c”"


def test_long_cells_are_cut_and_numbers_shown_as_written():
    cells = pd.Series(["x" * 100, 12.5])
    shown = quoted_examples(cells, pd.Series([True, True]))
    assert shown == f"“{'x' * EXAMPLE_CHARS}”, “12.5”"
