"""A signal store with many signals for the benchmark: the profile reruns with them in the store.

Seeded and reproducible; written through werkdb's own checks and import path (never raw SQL).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from werkdb import rules, store

COUNT = 10_000
TODAY = dt.date(2026, 1, 1)


def seed(path: Path, buurten: list[str], count: int = COUNT, seed: int = 24) -> int:
    """Write `count` synthetic signals spread over `buurten` into a fresh SQLite store."""
    for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        old.unlink(missing_ok=True)
    pick = random.Random(seed)
    rows = []
    for i in range(count):
        signal = rules.new_signal(
            {
                "area_code": pick.choice(buurten),
                "signal_date": TODAY - dt.timedelta(days=pick.randint(0, 700)),
                "theme": pick.choice(rules.THEMES),
                "source_kind": pick.choice(rules.SOURCE_KINDS),
                "urgency": pick.choice(rules.URGENCIES),
                "description": f"Synthetisch signaal {i} voor de prestatiemeting",
            },
            TODAY,
        )
        if pick.random() < 0.5:  # half of them followed up
            signal.update(rules.step_state(signal["signal_date"], "besproken",
                                           signal["signal_date"], "kerngroep", TODAY))
        rows.append(signal)
    opened = store.open_store(f"sqlite:///{path}")
    store.migrate(opened.engine)  # the file is new even when this process opened it before
    try:
        return len(store.import_checked(opened, rows, "prestatiemeting", "synthetisch"))
    finally:
        opened.engine.dispose()
