"""Streamlit UI helpers shared by pages (no data logic: that lives in geo/)."""
