"""The demo's spending, projects and goals: fictional organisations, confidential spending,
reproducible from the seed, and goals whose nulmeting is the survey's own value."""

from __future__ import annotations

import pandas as pd

from data_loaders import generate_demo, generate_spending, indicator_catalogue

SYNTHETIC = generate_spending.FOLDER


def test_the_committed_files_are_what_the_seeded_generator_writes() -> None:
    frames = generate_spending.generate()
    for kind, frame in frames.items():
        committed = (SYNTHETIC / generate_spending.FILES[kind]).read_text(encoding="utf-8")
        assert committed == generate_spending.to_csv_text(frame), kind


def test_every_organisation_is_plainly_fictional() -> None:
    frames = generate_spending.generate()
    names = set(frames["uitgaven"]["organisatie"]) | set(frames["projecten"]["organisatie"]) \
        | set(frames["doelen"]["organisatie"])
    assert names == {*generate_spending.CORPORATIONS, generate_spending.GEMEENTE}
    assert all("fictief" in name for name in names)


def test_spending_is_marked_synthetic_and_confidential() -> None:
    frames = generate_spending.generate()
    assert set(frames["uitgaven"]["bron"]) == {"synthetisch_uitgaven"}
    assert indicator_catalogue.source_flags("synthetisch_uitgaven") == (True, True)
    assert indicator_catalogue.source_flags("synthetisch_demo") == (True, False)


def test_goals_start_from_the_measured_nulmeting() -> None:
    goals = generate_spending.generate()["doelen"]
    survey = pd.read_csv(generate_demo.OUTPUT_FILE).set_index(["gebiedscode", "indicator", "jaar"])
    for goal in goals.itertuples():
        measured = survey.loc[(goal.gebiedscode, goal.indicator, goal.nulmeting_jaar), "waarde"]
        assert goal.nulmeting_waarde == measured
        assert goal.streefjaar > goal.nulmeting_jaar


def test_one_buurt_has_three_organisations_at_once() -> None:
    projects = generate_spending.generate()["projecten"]
    there = projects[projects["gebiedscodes"].str.contains(generate_spending.OVERLAP_BUURT)]
    assert there["organisatie"].nunique() == 3
