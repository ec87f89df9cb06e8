"""Every page under every level, reference and language, with the buurttype filter varied pairwise.

Each run must end without an exception; under a derived reference no table or download calls a
difference, index, z-score or percentile 'Waarde'; in English no common Dutch UI word is left.
The level x reference runs of one page and language share one AppTest (a rerun with other query
params, as a user switching), so the walk costs a few seconds per page and language.
"""

from __future__ import annotations

import io
import json
import re
from itertools import product
from pathlib import Path

import pandas as pd
import pytest
from app_walk import APP, PAGES, query, record_downloads, seen
from streamlit.testing.v1 import AppTest

LEVELS = ("buurt", "wijk")
REFERENCES = ("waarde", "verschil_gemeente", "verschil_buurttype", "index_nulmeting", "zscore",
              "percentiel")
# Pairwise with level and reference: every filter meets every level and every reference.
FILTERS = ("", "achterstand", "midden,voorstand")
AREA = {"buurt": "BU02020100", "wijk": "WK020203"}  # Markt (a buurt) and a wijk
COMPARED = "BU02020100,BU02020101,WK020203"
# Words a Dutch interface is made of and an English one never shows (data such as area names and
# source titles is taken out first: a buurt is called what it is called).
DUTCH = ("procentpunt", "verbeterd", "verslechterd", "gelijk", "gemiddelde", "waarde", "verschil",
         "onderdrukt", "synthetisch", "gegevens", "betrouwbaarheid", "nulmeting", "selectie",
         "bron", "jaar", "sinds", "inwoners", "kies", "toon", "geen", "niet", "wordt", "worden",
         "gemeente", "buurttype", "gunstig", "ongunstig", "hoger", "lager", "beter", "slechter")
DUTCH_WORD = re.compile(r"\b(" + "|".join(DUTCH) + r")\b")
DERIVED_HEADERS = {"Waarde", "Value"}
WIDGETS = ("selectbox", "multiselect", "radio", "text_input", "toggle", "checkbox", "date_input",
           "number_input", "slider", "select_slider", "button", "text_area", "button_group")


def combinations() -> list[tuple[str, str, str]]:
    """(level, reference, filter): every reference with every filter, the level alternating, so
    that every pair of level, reference and filter occurs (pairwise, not the full product)."""
    return [(LEVELS[(j + k) % len(LEVELS)], reference, chosen)
            for (j, reference), (k, chosen) in product(enumerate(REFERENCES), enumerate(FILTERS))]


def test_the_walk_pairs_every_filter_with_every_level_and_every_reference() -> None:
    runs = combinations()
    assert len(runs) == len(REFERENCES) * len(FILTERS)
    assert set(PAGES) >= {"kaart", "overzicht", "buurtprofiel", "corporaties", "data"}
    assert {(lv, r) for lv, r, _ in runs} == set(product(LEVELS, REFERENCES))
    assert {(lv, f) for lv, _, f in runs} == set(product(LEVELS, FILTERS))
    assert {(r, f) for _, r, f in runs} == set(product(REFERENCES, FILTERS))


@pytest.fixture(scope="module")
def data_texts(demo_db: Path) -> list[str]:
    """Every text the database holds (names, sources, rules, projects), longest first."""
    found: set[str] = set()
    for table in ("areas", "sources", "indicators", "projects", "spending", "goals", "buurttypes",
                  "loads"):
        columns = query(demo_db, "SELECT column_name FROM information_schema.columns WHERE "
                        "table_name = ? AND data_type = 'VARCHAR'", [table])["column_name"]
        for column in columns:
            values = query(demo_db, f'SELECT DISTINCT "{column}" AS v FROM {table}')["v"]
            found |= {str(v) for v in values.dropna() if len(str(v)) >= 4}
            # A rule's label is shown up to its colon (the short name in the sidebar).
            found |= {str(v).split(":")[0] for v in values.dropna() if ":" in str(v)}
    return sorted(found, key=len, reverse=True)


def dutch_left(text: str, data_texts: list[str]) -> list[str]:
    # Markdown's escapes (data shown as literal text, components.plain) are not what a person
    # reads: '\(50150NED\)' is read as '(50150NED)', so the data text is found in it.
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|~$])", r"\1", text)
    for value in data_texts:
        if value in text:
            text = text.replace(value, " ")
    # A Dutch term quoted on purpose ("marked 'synthetisch' in the downloads") is no leak.
    text = re.sub(r"'[^'\n]{1,40}'", " ", text)
    return sorted(set(DUTCH_WORD.findall(text.lower())))


def _titles(spec: object):  # noqa: ANN202
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str | list):
                yield " ".join(value) if isinstance(value, list) else value
            else:
                yield from _titles(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _titles(item)


def value_columns(at) -> set[float]:  # noqa: ANN001
    """The numbers in every table column and CSV download column called 'Waarde' or 'Value'."""
    frames = [frame.value for frame in at.dataframe]
    for name, data in seen(at).downloads.items():
        if name.endswith(".csv"):
            frames.append(pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig"))
    found: set[float] = set()
    for frame in frames:
        for column in DERIVED_HEADERS & set(map(str, frame.columns)):
            numbers = pd.to_numeric(frame[column], errors="coerce").dropna()
            found |= {round(float(v), 4) for v in numbers}
    return found


def params_for(page: str, level: str) -> dict[str, str]:
    if page == "buurtprofiel":
        return {"buurt": AREA[level]}
    if page == "vergelijken":
        return {"gebieden": COMPARED}
    return {}


def opened(page: str, params: dict[str, str]) -> AppTest:
    """The page after a first run: a page registered under another address than its file name
    (over_de_data.py at /data) is found by switch_page only once the navigation has run."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGES[page]).run()
    return at


def visible_text(at) -> str:  # noqa: ANN001
    """The texts a person reads (downloads aside: they stay Dutch and say so)."""
    shown = seen(at)
    # Not the share link (query parameter names are part of the address, not of the language),
    # and of a widget what it shows (label, options, help), not the value it stands for.
    parts = [re.sub(r'value="[^"]*"', "", text) if kind == "html" else text
             for kind, text in shown.texts
             if kind not in {"dataframe", "code", "vega_lite_chart", *WIDGETS}]
    for chart in at.get("vega_lite_chart"):  # its titles, not the names of its data fields
        parts += list(_titles(json.loads(chart.proto.spec)))
    for kind in WIDGETS:
        for widget in at.get(kind):
            proto = widget.proto
            parts += [getattr(proto, "label", ""), getattr(proto, "help", ""),
                      getattr(proto, "placeholder", ""), *getattr(proto, "options", [])]
    for frame in at.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        parts += [(config.get(str(c)) or {}).get("label") or str(c) for c in frame.value.columns]
        parts.extend(set(frame.value.select_dtypes(exclude="number").stack().map(str)))
    return "\n".join(parts)


@pytest.mark.slow  # about three minutes per language
@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_view_renders_and_names_its_numbers(page: str, taal: str, app_env, monkeypatch,
                                                  data_texts: list[str]) -> None:
    record_downloads(monkeypatch)
    at = None
    measured: dict[str, set[float]] = {}
    # First, per level, the measured values with no filter: a column called 'Waarde' under any
    # other reference or filter may only hold some of these.
    runs = [(level, "waarde", "") for level in LEVELS] + combinations()
    for level, reference, chosen in runs:
        params = {"taal": taal, "niveau": level, "referentie": reference, **params_for(page, level)}
        if chosen:
            params["buurttype"] = chosen
        if at is None:
            at = opened(page, params)
        else:
            for key in ("buurttype", "buurt"):
                at.query_params.pop(key, None)
            for key, value in params.items():
                at.query_params[key] = value
            at.run()
        where = f"{page}, {taal}, niveau {level}, {reference}, filter '{chosen or 'alle'}'"
        assert not at.exception, f"{where}: {at.exception}"
        assert at.title, f"{where}: geen titel"
        values = value_columns(at)
        if level not in measured:
            measured[level] = values
        elif reference != "waarde":
            derived = values - measured[level]
            assert not derived, f"{where}: een kolom 'Waarde' met een afgeleide waarde, {sorted(derived)[:5]}"
        if taal == "en":
            left = dutch_left(visible_text(at), data_texts)
            assert not left, f"{where}: Nederlandse woorden in het Engels: {left}"


@pytest.mark.usefixtures("app_env")
def test_the_walk_opens_the_page_it_names() -> None:
    assert opened("data", {}).title[0].value == "Over de data"
    assert opened("kaart", {}).title[0].value.startswith("Kaart")
