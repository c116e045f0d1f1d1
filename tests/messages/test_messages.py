"""Language-neutral messages: equal by value, rendered only at the edge."""

from datetime import date

import numpy as np

from cxlib.errors import CxError
from cxlib.messages import Message, Num, Pct, render, render_all


def test_message_renders_nested_parameters_in_each_language():
    revenue, customers = Message("role.revenue"), Message("table.customers")
    note = Message("error.required_role_missing", role=revenue, table=customers)
    assert note.text("en") != note.text("de")
    assert Message("role.revenue").text("de") in note.text("de")


def test_messages_compare_and_hash_by_value():
    first = Message("x.y", count=np.int64(3), columns=["a", "b"])
    second = Message("x.y", count=3, columns=("a", "b"))
    assert first == second and hash(first) == hash(second)
    assert first != Message("x.y", count=4, columns=("a", "b"))


def test_numbers_dates_and_lists_follow_the_locale():
    assert render(Num(1234.5, decimals=1), "de") == "1.234,5"
    assert render(Pct(0.5), "en") == "50.0%"
    assert render(date(2026, 1, 31), "de") == "31.01.2026"
    assert render_all([1500, "text"], "de") == ["1.500", "text"]


def test_to_dict_is_json_friendly():
    payload = Message("x.y", share=Pct(0.25), when=date(2026, 1, 2), role=Message("role.revenue")).to_dict()
    assert payload == {
        "code": "x.y",
        "params": {"share": 0.25, "when": "2026-01-02", "role": {"code": "role.revenue", "params": {}}},
    }


def test_errors_render_message_parameters():
    revenue, customers = Message("role.revenue"), Message("table.customers")
    error = CxError("error.required_role_missing", role=revenue, table=customers)
    assert Message("role.revenue").text("de") in error.message("de")
