"""The benchmark's signal rows: the profile and the map with signals, each beside the same reruns
without signals, marked against the 150 ms target."""

from __future__ import annotations

from bench.__main__ import signal_section


def _times(ms: list[float]) -> dict:
    return {"times_s": [m / 1000 for m in ms], "cpu_s": [m / 2000 for m in ms]}


def test_each_page_is_reported_with_and_without_signals_against_the_target() -> None:
    compared = {
        "zonder": {"buurtprofiel": _times([80, 90, 100]), "kaart": _times([60, 70, 80])},
        "met": {"buurtprofiel": _times([100, 110, 120]), "kaart": _times([150, 160, 170])},
    }
    lines = signal_section(compared, "GM0363", 10_000)
    assert "Met 10.000 signalen in de signalenopslag" in lines[1]
    profile = [line for line in lines if "buurtprofiel" in line and "mediaan" in line]
    assert profile[0].startswith("GM0363: buurtprofiel, zonder signalen, mediaan (ms)")
    assert profile[0].split()[-1] == "90"
    assert profile[1].split()[-4:] == ["110", "<", "150", "GOED"]
    kaart = next(line for line in lines if line.startswith("GM0363: kaart, met signalen"))
    assert kaart.split()[-4:] == ["160", "<", "150", "FOUT"]


def test_a_page_that_failed_is_reported_as_an_error_not_a_number() -> None:
    compared = {"zonder": {"buurtprofiel": {"error": "boem"}, "kaart": _times([1])},
                "met": {"buurtprofiel": _times([1]), "kaart": _times([1])}}
    assert "GM0363: buurtprofiel: fout: boem" in signal_section(compared, "GM0363", 1)
