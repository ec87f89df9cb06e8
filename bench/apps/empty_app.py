"""The floor under every Streamlit app's first paint: a title and one choice, nothing else.

streamlit run bench/apps/empty_app.py (bench/browser.py measures its warm first paint).
"""

import streamlit as st

st.set_page_config(page_title="Buurten", layout="wide")
st.sidebar.multiselect("Buurttype", ["achterstand", "midden", "voorstand"],
                       default=["achterstand", "midden", "voorstand"])
st.title("Leefbaarheid per buurt")
