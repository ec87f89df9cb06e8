"""What a summary of a selection leads with: which changes and which gaps are worth a sentence.

Pure rules for the briefing's kernboodschap; the wording lives with the page. No I/O.
"""

from __future__ import annotations

import pandas as pd

from metrics.change import IMPROVED, WORSENED

# A gap with the reference worth a sentence: at least a tenth of the reference's value. Smaller
# gaps between averages of many buurten are within what survey margins and yearly noise give.
MIN_RELATIVE_GAP = 0.10
FAVOURABLE = "gunstiger"
UNFAVOURABLE = "ongunstiger"


def notable_changes(changes: pd.DataFrame, max_items: int = 3) -> pd.DataFrame:
    """The changes to lead with: improvements and declines, tested ones before indicative ones.

    changes: indicator_id, verdict (metrics.change verdicts), indicatief (bool), size (the
    change in the favourable direction made comparable between indicators, e.g. divided by the
    spread over buurten; larger is better). Only 'verbeterd' and 'verslechterd' count; 'geen
    wezenlijke verandering', 'veranderd' (neutral indicators) and 'onbekend' never lead.
    Returns the same columns, at most `max_items` per verdict: tested changes first, then by
    size (largest improvement, largest decline).
    """
    moved = changes[changes["verdict"].isin([IMPROVED, WORSENED])]
    parts = []
    for verdict, ascending in ((IMPROVED, False), (WORSENED, True)):
        part = moved[moved["verdict"] == verdict].assign(
            _tested=lambda f: ~f["indicatief"].astype(bool),
            _size=lambda f: pd.to_numeric(f["size"], errors="coerce").fillna(0.0),
        )
        part = part.sort_values(["_tested", "_size"], ascending=[False, ascending], kind="stable")
        parts.append(part.head(max_items).drop(columns=["_tested", "_size"]))
    return pd.concat(parts, ignore_index=True)


def gap_verdict(value: float | None, reference: float | None, direction: str,
                min_relative_gap: float = MIN_RELATIVE_GAP) -> str:
    """'gunstiger' / 'ongunstiger' when `value` differs from `reference` by at least
    `min_relative_gap` of the reference, in the indicator's good / bad direction; '' otherwise.

    direction: 'hoger_beter' or 'lager_beter' (anything else, e.g. 'neutraal', gives ''). A
    missing value or reference, or a reference of 0 (no relative size), gives ''.
    """
    if value is None or reference is None or pd.isna(value) or pd.isna(reference):
        return ""
    if reference == 0 or direction not in ("hoger_beter", "lager_beter"):
        return ""
    gap = (float(value) - float(reference)) / abs(float(reference))
    if abs(gap) < min_relative_gap:
        return ""
    higher = gap > 0
    return FAVOURABLE if higher == (direction == "hoger_beter") else UNFAVOURABLE
