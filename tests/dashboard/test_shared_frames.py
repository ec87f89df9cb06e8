"""Shared frames are read-only by construction: what one caller changes in a frame the cache
handed out never reaches the cache, the next caller or another session (issue 21)."""

from __future__ import annotations

import logging

import pytest

from dashboard import data
from data_loaders import settings

pytestmark = pytest.mark.usefixtures("app_env")
GEMEENTE = "GM0202"


@pytest.fixture(autouse=True)
def quiet():
    logging.getLogger("streamlit").setLevel(logging.ERROR)  # "no runtime" notes of the caches


def test_a_changed_frame_does_not_change_what_the_cache_hands_out_next() -> None:
    version = data.database_version()
    first = data.areas(version, GEMEENTE)
    names = first["name"].tolist()
    first["name"] = "VERANDERD"
    first.loc[first.index[0], "level"] = "VERANDERD"
    first["extra"] = 1
    again = data.areas(version, GEMEENTE)
    assert again["name"].tolist() == names
    assert "VERANDERD" not in set(again["level"]) and "extra" not in again.columns


def test_frames_inside_a_shared_tuple_or_dict_are_protected_too() -> None:
    version = data.database_version()
    privacy = settings.privacy()
    rule = str(data.rules(version, GEMEENTE)["rule"].iloc[0])
    gemeente, peers = data.reference_tables(version, GEMEENTE, rule, privacy)
    rows = len(gemeente)
    gemeente.drop(gemeente.index, inplace=True)
    peers["value"] = -1.0
    again, peers_again = data.reference_tables(version, GEMEENTE, rule, privacy)
    assert len(again) == rows > 0
    assert (peers_again["value"] != -1.0).any()
    base = data.trend_base(version, GEMEENTE, rule, privacy, "lbm_score")
    size = len(base["ind"])
    base["ind"]["value"] = None
    assert data.trend_base(version, GEMEENTE, rule, privacy, "lbm_score")["ind"]["value"].notna().sum() > 0
    assert len(data.trend_base(version, GEMEENTE, rule, privacy, "lbm_score")["ind"]) == size
