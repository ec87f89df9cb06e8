"""Signalen from a spreadsheet (CSV or XLSX template, Dutch headers), all or nothing.

Reads with data_loaders.textio, checks every row with the same rules (and privacy refusals) as the
form, and hands the checked rows to store.import_checked, which writes them in one transaction.
A problem anywhere is a LoadError naming the row and column: then nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

import pandas as pd

from data_loaders import textio
from data_loaders.batch import LoadError
from werkdb import rules, store

REQUIRED = ["gebiedscode", "datum", "thema", "soort_bron", "omschrijving", "urgentie"]
OPTIONAL = ["stap", "stapdatum", "verantwoordelijke", "besluit", "reden", "project_id"]
EXAMPLE = {
    "gebiedscode": "BU02020100",
    "datum": "2026-10-14",
    "thema": "leefbaarheid",
    "soort_bron": "corporatie",
    "omschrijving": "Meer klachten over zwerfvuil rond de containers aan de rand van het park",
    "urgentie": "middel",
    "stap": "besproken",
    "stapdatum": "2026-10-21",
    "verantwoordelijke": "kerngroep wijkteam",
    "besluit": "",
    "reden": "",
    "project_id": "",
}
MAX_ROWS = 5000
# The rules name fields as the form does; the template names its columns.
COLUMN_OF = {
    "Gebied": "gebiedscode",
    "Datum": "datum",
    "Thema": "thema",
    "Soort bron": "soort_bron",
    "Omschrijving": "omschrijving",
    "Urgentie": "urgentie",
    "Stap": "stap",
    "Datum van de stap": "stapdatum",
    "Verantwoordelijke": "verantwoordelijke",
    "Besluit": "besluit",
    "Reden": "reden",
    "Project": "project_id",
}


def template_frame() -> pd.DataFrame:
    """The blank template with one example row (every column, required ones first)."""
    return pd.DataFrame([EXAMPLE], columns=REQUIRED + OPTIONAL)


def read(
    path: Path,
    *,
    today: dt.date | None = None,
    known_areas: Collection[str] | None = None,
    known_projects: Collection[str] | None = None,
) -> list[dict]:
    """Every row of the file, checked; LoadError (row and column named) on the first problem."""
    today = today or dt.date.today()
    frame = textio.read_table(path)
    frame.columns = [c.lower().replace(" ", "_") for c in frame.columns]
    textio.require_columns(path, frame, REQUIRED)
    if frame.empty:
        raise LoadError(
            path,
            "het bestand bevat geen signalen.",
            fix="Vul onder de kopregel per regel één signaal in.",
        )
    if len(frame) > MAX_ROWS:
        raise LoadError(
            path,
            f"het bestand bevat {len(frame)} signalen; maximaal {MAX_ROWS} per keer.",
            fix="Splits het bestand.",
        )
    for column in OPTIONAL:
        if column not in frame.columns:
            frame[column] = ""
    checked = []
    for i, row in enumerate(frame.to_dict("records")):
        try:
            signal = rules.new_signal(
                {
                    "area_code": row["gebiedscode"],
                    "signal_date": row["datum"],
                    "theme": row["thema"],
                    "source_kind": row["soort_bron"],
                    "description": row["omschrijving"],
                    "urgency": row["urgentie"],
                },
                today,
                known_areas,
            )
            step = row["stap"].strip().lower() or "nieuw"
            if step != "nieuw" or any(row[c] for c in OPTIONAL[1:]):
                signal.update(
                    rules.step_state(
                        signal["signal_date"],
                        step,
                        row["stapdatum"] or signal["signal_date"],
                        row["verantwoordelijke"],
                        today,
                        decision=row["besluit"],
                        reason=row["reden"],
                        project_id=row["project_id"],
                        known_projects=known_projects,
                    )
                )
        except rules.SignalRefused as exc:
            raise LoadError(
                path,
                str(exc),
                row=i + 2,
                column=COLUMN_OF.get(exc.field or ""),
                fix="Pas deze regel aan; er is niets geïmporteerd.",
            ) from None
        checked.append(signal)
    return checked


def load(target: store.Store, path: Path, who: str, **known: Collection[str] | None) -> list[int]:
    """Read, check and write a template file in one transaction; returns the new signals' ids."""
    return store.import_checked(target, read(path, **known), who, Path(path).name)
