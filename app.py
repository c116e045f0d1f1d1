"""Customer Centricity Dashboard: entry point and router.

Sets up the page, the session defaults, the shared sidebar (language, data status, demo/own data,
presentation mode) and the navigation over the thin pages in ``pages/``.
"""

import streamlit as st

from pages import _slides as slides
from pages import _state as state
from pages import _warmup as warmup
from pages import _widgets as widgets

st.set_page_config(
    page_title="Customer Centricity Dashboard",
    page_icon=":material/diversity_3:",
    layout="wide",
    initial_sidebar_state="expanded",
)
state.init_state()
state.keep_memory_lean()

PAGES = {
    "summary": st.Page(
        "pages/summary.py", title=state.tr("nav.summary"), icon=":material/dashboard:", default=True
    ),
    "overview": st.Page("pages/overview.py", title=state.tr("nav.overview"), icon=":material/speed:"),
    "personas": st.Page("pages/personas.py", title=state.tr("nav.personas"), icon=":material/groups:"),
    "journey": st.Page("pages/journey.py", title=state.tr("nav.journey"), icon=":material/route:"),
    "value": st.Page("pages/value.py", title=state.tr("nav.value"), icon=":material/savings:"),
    "voices": st.Page("pages/voices.py", title=state.tr("nav.voices"), icon=":material/forum:"),
    "data": st.Page("pages/data.py", title=state.tr("nav.data"), icon=":material/upload_file:"),
}
PRESENTATION_STEPS = ("summary", "personas", "journey") + (
    ("value",) if "transactions" in state.current_uploads() else ()
)

with warmup.script_run():  # the demo warm-up waits while any visitor's page is being run
    navigation = st.navigation(
        list(PAGES.values()), position="hidden" if state.is_presenting() else "sidebar"
    )
    intended = state.take_intended_page()
    if intended in PAGES and PAGES[intended].url_path != navigation.url_path:
        st.switch_page(PAGES[intended])
    if state.is_presenting():
        slides.show(PAGES, PRESENTATION_STEPS, navigation)  # a slide per step instead of the page
    else:
        widgets.sidebar()
        navigation.run()
if state.is_demo():
    warmup.warm_up_demo()  # once per process: every page's demo results, computed in the background
