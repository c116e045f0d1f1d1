"""Customer Centricity Dashboard: entry point and router.

Sets up the page, the session defaults, the shared sidebar (language, data status, demo/own data)
and the navigation over the thin pages in ``pages/``.
"""

import streamlit as st

from pages import _state as state
from pages import _widgets as widgets

st.set_page_config(
    page_title="Customer Centricity Dashboard",
    page_icon=":material/diversity_3:",
    layout="wide",
    initial_sidebar_state="expanded",
)
state.init_state()

PAGES = [
    st.Page("pages/overview.py", title=state.tr("nav.overview"), icon=":material/speed:", default=True),
    st.Page("pages/data.py", title=state.tr("nav.data"), icon=":material/upload_file:", url_path="data"),
]

navigation = st.navigation(PAGES)
widgets.sidebar()
navigation.run()
