"""The benchmark's signal store: seeded, reproducible, spread over the gemeente's buurten."""

from __future__ import annotations

from bench import signals
from werkdb import store


def test_the_seeded_store_holds_the_signals_asked_for_and_is_the_same_each_time(tmp_path) -> None:
    buurten = ["BU02020100", "BU02020101", "BU02020200"]
    path = tmp_path / "werkdb.sqlite"
    frames = []
    for _ in range(2):
        assert signals.seed(path, buurten, count=40) == 40
        opened = store.open_store(f"sqlite:///{path}")
        frames.append(store.signals(opened, "GM0202").sort_values("id"))
        opened.engine.dispose()
    first, second = frames
    assert set(first["area_code"]) == set(buurten)
    assert set(first["step"]) == {"nieuw", "besproken"}
    assert first[["area_code", "signal_date", "theme"]].equals(
        second[["area_code", "signal_date", "theme"]])
