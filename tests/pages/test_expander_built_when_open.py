"""widgets.expander_built_when_open: a closed expander's content is not built (nothing hidden is sent to
the browser on each rerun); opened, it is, and it stays open across reruns."""

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from pages import _widgets as widgets

    with widgets.expander_built_when_open("More", key="more_open") as opened:
        if opened:
            st.number_input("How many", key="how_many")
    st.caption(f"opened={opened}")


def _run(open_it: bool | None = None) -> AppTest:
    app = AppTest.from_function(_script, default_timeout=30)
    if open_it is not None:
        app.session_state["more_open"] = open_it
    app.run()
    assert not app.exception, app.exception
    return app


def test_a_closed_expander_builds_nothing_inside():
    app = _run()
    assert [e.label for e in app.expander] == ["More"]
    assert not app.number_input
    assert app.caption[0].value == "opened=False"


def test_an_open_expander_builds_its_content_and_keeps_it_across_reruns():
    app = _run(open_it=True)
    app.number_input(key="how_many").set_value(3).run()
    assert app.caption[0].value == "opened=True"
    assert app.number_input(key="how_many").value == 3


def test_closing_it_removes_the_content():
    app = _run(open_it=True)
    app.session_state["more_open"] = False
    app.run()
    assert not app.number_input
