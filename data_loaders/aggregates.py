"""Build-time aggregates: what no user choice changes, computed by metrics/ and stored while loading.

Per gemeente and privacy setting: the gemeente figure and buurttype averages of every indicator,
the early warnings and improvements with their reasons, and the expected values with their
residuals. The assembling functions take a `fetch(indicators)` that reads observations, so the
load (`refresh`, inside its transaction) and the app (for a setting that is not stored) compute
them the same way, one indicator at a time. No streamlit, no words for the screen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from data_loaders import db, settings, stored_views
from data_loaders.reads import observations, real  # noqa: F401  (the one reading door)
from metrics import aggregate, early_warning, expected, references

Fetch = Callable[[tuple[str, ...]], pd.DataFrame]
KEY_COLUMNS = ("min_respondents", "min_inhabitants", "real_only")
TABLES = ("runs", "gemeente", "peers", "signals", "expected")
SIGNAL_COLUMNS = [*early_warning.COLUMNS, "source", "synthetic"]


def stacked(parts: list) -> pd.DataFrame:
    """The parts one below the other (the empty ones left out; an empty frame if all are)."""
    full = [p for p in parts if p is not None and not p.empty]
    if full:
        return pd.concat(full, ignore_index=True)
    return next((p for p in parts if p is not None), pd.DataFrame())


def one_by_one(fetch: Fetch, indicators: Iterable[str]) -> Iterator[tuple[str, pd.DataFrame]]:
    """(indicator, its observations) in turn: one indicator of a gemeente in memory at a time."""
    for ind in indicators:
        yield ind, fetch((ind,))


def reference_tables(
    fetch: Fetch, *, areas: pd.DataFrame, buurttypes: pd.DataFrame, weights: pd.DataFrame,
    catalogue: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """metrics.references.reference_tables of every indicator of the catalogue (indexed by id):
    the gemeente figures, and the buurttype averages (None without buurttypes)."""
    gemeente_parts, peer_parts = [], []
    for _, obs in one_by_one(fetch, catalogue.index):
        found, peers = references.reference_tables(obs, areas=areas, buurttypes=buurttypes,
                                                   weights=weights, catalogue=catalogue)
        gemeente_parts.append(found)
        peer_parts.append(peers)
    return stacked(gemeente_parts), (None if buurttypes.empty else stacked(peer_parts))


def _signals(fetch: Fetch, catalogue: pd.DataFrame, periods: pd.DataFrame,
             finder, one_go: bool = False) -> pd.DataFrame:
    """`finder(obs, catalogue, latest year)` over every outcome, one indicator at a time, with
    each value's source and marker."""
    outcomes = list(catalogue.index[catalogue["result"] == "outcome"])
    known = periods.set_index("indicator_id")["last_period"]
    known = known[known.index.isin(outcomes)]
    empty = pd.DataFrame(columns=SIGNAL_COLUMNS)
    if known.empty:
        return empty
    latest = int(known.max())  # the latest year of any outcome: signals are about now
    parts = []
    wanted = [i for i in outcomes if i in known]
    for _, obs in ([("", fetch(tuple(wanted)))] if one_go else one_by_one(fetch, wanted)):
        found = finder(obs, catalogue, latest)
        meta = obs.drop_duplicates(["area_code", "indicator_id", "period"])[
            ["area_code", "indicator_id", "period", "source", "synthetic"]]
        parts.append(found.merge(meta, on=["area_code", "indicator_id", "period"], how="left"))
    found = stacked(parts)
    return empty if found.empty else found.reset_index(drop=True)


def early_warnings(fetch: Fetch, catalogue: pd.DataFrame, periods: pd.DataFrame,
                   one_go: bool = False) -> pd.DataFrame:
    """Early warnings (not 'laag') of every buurt in the latest year, firmest first
    (metrics.early_warning.early_warnings), with each value's source and marker. `one_go`:
    every outcome in one call (when they fit in memory) instead of one indicator at a time."""
    found = _signals(fetch, catalogue, periods, early_warning.early_warnings, one_go)
    found = found[found["severity"] != "laag"] if not found.empty else found
    return early_warning.in_order(found) if not found.empty else found.reset_index(drop=True)


def improvements(fetch: Fetch, catalogue: pd.DataFrame, periods: pd.DataFrame,
                 one_go: bool = False) -> pd.DataFrame:
    """Tested improvements of every buurt in the latest year (metrics.early_warning.improvements),
    with each value's source and marker."""
    return _signals(fetch, catalogue, periods, early_warning.improvements, one_go)


def expected_fits(
    fetch: Fetch, *, catalogue: pd.DataFrame, periods: pd.DataFrame, areas: pd.DataFrame,
    weights: pd.DataFrame,
) -> tuple[pd.DataFrame, str | None]:
    """metrics.expected.expected_all one outcome indicator at a time (each with the status
    score), and the status score's id."""
    present = set(periods["indicator_id"])
    status_ids = tuple(s for s in expected.STATUS_INDICATORS if s in present)[:1]
    status = fetch(status_ids)
    parts, status_id = [], None
    for ind in catalogue.index[(catalogue["result"] == "outcome") & catalogue.index.isin(present)]:
        own = fetch((ind,)) if ind not in status_ids else None
        fits, status_id = expected.expected_all(
            pd.concat([own, status], ignore_index=True), areas=areas,
            catalogue=catalogue.loc[[ind]], weights=weights)
        parts.append(fits)
    return stacked(parts), status_id


def headline_ids(catalogue: pd.DataFrame) -> tuple[str, ...]:
    """The overview's indicators (catalogue 'headline') and the inhabitants."""
    return tuple(dict.fromkeys([*catalogue.index[catalogue["headline"].astype(bool)], "inwoners"]))


@dataclasses.dataclass(frozen=True)
class Computed:
    """Every stored aggregate of one gemeente and privacy setting."""

    gemeente: pd.DataFrame
    peers: dict[str, pd.DataFrame]  # per buurttype rule
    warnings: pd.DataFrame
    improvements: pd.DataFrame
    expected: pd.DataFrame
    status_id: str | None
    with_expected: bool = True  # False: not fitted at load time (many gemeenten at once)


def computed(con, gemeente: str, privacy: settings.Privacy, *, cursor: bool = True) -> Computed:
    """Every aggregate of one gemeente from scratch, read through `con`.

    One gemeente's observations fit in memory at once (a national set is never stored whole), so
    each rule runs over all indicators in one go: the results are per indicator, so they equal
    the app's one-indicator-at-a-time computation (tests/data_loaders/test_aggregates.py).
    """
    def read(name: str, **params) -> pd.DataFrame:
        return db.query(con, name, params or None, cursor=cursor)

    catalogue = read("app_catalogue").set_index("id", drop=False)
    area_rows = read("app_areas", gemeente=gemeente)
    periods = read("app_periods", gemeente=gemeente, real_only=False)
    everything = observations(con, gemeente, catalogue.index, privacy, cursor=cursor)

    def fetch(indicators: tuple[str, ...]) -> pd.DataFrame:
        return everything[everything["indicator_id"].isin(indicators)].reset_index(drop=True)

    weights = aggregate.population_weights(fetch(("inwoners",)))
    gemeente_frame, peers = pd.DataFrame(), {}
    for rule in read("app_rules", gemeente=gemeente)["rule"].tolist() or [""]:
        types = read("app_buurttypes", gemeente=gemeente, rule=rule)
        gemeente_frame, peer = references.reference_tables(
            everything, areas=area_rows, buurttypes=types, weights=weights, catalogue=catalogue)
        if peer is not None:
            peers[rule] = peer
    outcomes = catalogue.index[catalogue["result"] == "outcome"]
    fits, status_id = expected.expected_all(
        fetch((*outcomes, *expected.STATUS_INDICATORS)), areas=area_rows, catalogue=catalogue,
        weights=weights)
    return Computed(
        gemeente=gemeente_frame, peers=peers,
        warnings=early_warnings(fetch, catalogue, periods, one_go=True),
        improvements=improvements(fetch, catalogue, periods, one_go=True),
        expected=fits, status_id=status_id,
    )


# Beyond this many gemeenten a load computes them together, one indicator at a time over all of
# them (a national load changes hundreds). The expected values are then left to the app: one fit
# per gemeente and indicator would take minutes of a national load; the app fits one gemeente's
# in about a second when it is first asked.
MANY = 3


def computed_many(con, gemeenten: list[str], privacy: settings.Privacy, *,
                  cursor: bool = False) -> dict[str, Computed]:
    """computed() of several gemeenten at once, without expected values: each indicator read once
    for all of them (memory: one indicator of the country at most) and each rule run once; the
    results are per gemeente, so they equal computed() of each (tests/data_loaders)."""
    codes = sorted(set(gemeenten))

    def read(name: str, **params) -> pd.DataFrame:
        return db.query(con, name, {"gemeenten": codes, **params}, cursor=cursor)

    catalogue = db.query(con, "app_catalogue", cursor=cursor).set_index("id", drop=False)
    area_rows = read("agg_areas")
    rules = read("agg_rules")
    types = {rule: read("agg_buurttypes", rule=rule) for rule in sorted(set(rules["rule"]))}
    latest = read("agg_latest_outcome").set_index("gemeente_code")["latest"]

    def fetch(indicators: tuple[str, ...]) -> pd.DataFrame:
        frame = read("agg_observations", indicators=list(indicators),
                     min_respondents=privacy.min_respondents,
                     min_inhabitants=privacy.min_inhabitants)
        frame["period"] = frame["period"].astype(int)
        return real(frame, privacy)

    weights = aggregate.population_weights(fetch(("inwoners",)))
    gemeente_parts, peer_parts = [], {rule: [] for rule in types}
    warning_parts, improvement_parts = [], []
    outcomes = set(catalogue.index[catalogue["result"] == "outcome"])
    for ind in catalogue.index:
        obs = fetch((ind,))
        for n, (rule, rule_types) in enumerate([*types.items()] or [("", pd.DataFrame())]):
            found, peers = references.reference_tables(
                obs.drop(columns="gemeente_code"), areas=area_rows, buurttypes=rule_types,
                weights=weights, catalogue=catalogue)
            if n == 0:
                gemeente_parts.append(found)
            if peers is not None:
                peer_parts[rule].append(peers)
        if ind not in outcomes or obs.empty:
            continue
        meta = obs.drop_duplicates(["area_code", "indicator_id", "period"])[
            ["area_code", "gemeente_code", "indicator_id", "period", "source", "synthetic"]]
        for year, members in latest.groupby(latest).groups.items():
            part = obs[obs["gemeente_code"].isin(members)].drop(columns="gemeente_code")
            for finder, parts in ((early_warning.early_warnings, warning_parts),
                                  (early_warning.improvements, improvement_parts)):
                found = finder(part, catalogue, int(year))
                parts.append(found.merge(meta, on=["area_code", "indicator_id", "period"],
                                         how="left"))
    gemeente_all = stacked(gemeente_parts)
    peers_all = {rule: stacked(parts) for rule, parts in peer_parts.items()}
    warnings_all, improvements_all = stacked(warning_parts), stacked(improvement_parts)
    has_rule = rules.groupby("gemeente_code")["rule"].agg(set)
    no_signals = pd.DataFrame(columns=[*SIGNAL_COLUMNS, "gemeente_code"])
    warnings_all = no_signals if warnings_all.empty else warnings_all
    improvements_all = no_signals if improvements_all.empty else improvements_all
    out = {}
    for code in codes:
        def own(frame: pd.DataFrame, code: str = code) -> pd.DataFrame:
            if frame.empty:
                return frame
            return frame[frame["gemeente_code"] == code].reset_index(drop=True)

        warnings = own(warnings_all)
        warnings = warnings[warnings["severity"] != "laag"].drop(columns="gemeente_code")
        out[code] = Computed(
            gemeente=own(gemeente_all),
            peers={rule: own(frame) for rule, frame in peers_all.items()
                   if rule in has_rule.get(code, set())},
            warnings=(early_warning.in_order(warnings) if not warnings.empty
                      else warnings.reset_index(drop=True)),
            improvements=own(improvements_all).drop(columns="gemeente_code"),
            expected=pd.DataFrame(), status_id=None, with_expected=False)
    return out


def stored_privacies() -> tuple[settings.Privacy, ...]:
    """The privacy settings stored at load time: the configured thresholds, with and without
    'Alleen echte cijfers'. (What a user may see of confidential sources plays no part here.)"""
    base = settings.privacy()
    return (dataclasses.replace(base, real_only=False), dataclasses.replace(base, real_only=True))


def _key(privacy: settings.Privacy) -> dict:
    return {"min_respondents": int(privacy.min_respondents),
            "min_inhabitants": int(privacy.min_inhabitants), "real_only": bool(privacy.real_only)}


def _rows(frame: pd.DataFrame | None, gemeente: str, key: dict, columns: list[str],
          **extra) -> pd.DataFrame:
    if frame is None or frame.empty:
        return pd.DataFrame()
    out = frame.reset_index(drop=True)
    out = out.assign(gemeente_code=gemeente, **key, position=range(len(out)), **extra)
    return out[[c for c in ["gemeente_code", *key, *extra, "position", *columns]
                if c in out.columns]]


def refresh(con, gemeenten: Iterable[str],
            privacies: Iterable[settings.Privacy] | None = None) -> None:
    """Compute and store the aggregates of these gemeenten, inside the open write session
    (their old rows are removed first, so a reload leaves no stale aggregate)."""
    codes = sorted(set(gemeenten))
    if not codes:
        return
    stored_views.refresh(con, codes)  # the gemeente list and years (stored_views.py)
    for table in TABLES:
        db.execute(con, f"agg_delete_{table}", {"gemeenten": codes})
    for privacy in privacies or stored_privacies():
        key = _key(privacy)
        together = (computed_many(con, codes, privacy) if len(codes) > MANY else
                    {code: computed(con, code, privacy, cursor=False) for code in codes})
        # One insert per table for all gemeenten (hundreds in a national load).
        rows: dict[str, list[pd.DataFrame]] = {t: [] for t in TABLES}
        now = pd.Timestamp.now(tz="UTC").tz_localize(None)
        for code, found in together.items():
            rows["gemeente"].append(_rows(found.gemeente, code, key, [
                "indicator_id", "period", "value", "n", "areas_used", "areas_total", "basis",
                "synthetic"]))
            for rule, peers in found.peers.items():
                rows["peers"].append(_rows(peers, code, key, [
                    "type", "indicator_id", "period", "value", "n", "areas_used", "areas_total",
                    "weighted", "synthetic"], buurttype_rule=rule))
            for signal, frame in (("verslechterd", found.warnings),
                                  ("verbeterd", found.improvements)):
                rows["signals"].append(_rows(frame, code, key, SIGNAL_COLUMNS, signal=signal))
            rows["expected"].append(_rows(found.expected, code, key, [
                "area_code", "status", "observed", "expected", "residual", "residual_se",
                "verdict", "indicator_id", "period", "buurten_used"]))
            rows["runs"].append(pd.DataFrame([{
                "gemeente_code": code, **key, "status_id": found.status_id,
                "with_expected": found.with_expected, "computed_at": now}]))
        for table, parts in rows.items():
            full = [p for p in parts if not p.empty]
            if full:
                db.insert_frame(con, f"agg_{table}", pd.concat(full, ignore_index=True))


def stored_run(con, gemeente: str, privacy: settings.Privacy) -> tuple[bool, str | None, bool]:
    """(whether this gemeente's aggregates are stored for this privacy, its status score,
    whether its expected values are stored too)."""
    try:
        found = db.query(con, "agg_run", {"gemeente": gemeente, **_key(privacy)})
    except db.DatabaseError:  # a database built before these tables existed
        return False, None, False
    if found.empty:
        return False, None, False
    status = found["status_id"].iloc[0]
    return True, (None if pd.isna(status) else str(status)), bool(found["with_expected"].iloc[0])


def _stored(con, table: str, gemeente: str, privacy: settings.Privacy,
            **params) -> pd.DataFrame:
    return db.query(con, f"agg_read_{table}", {"gemeente": gemeente, **_key(privacy), **params})


def stored_gemeente(con, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """The stored gemeente figure of every indicator and year."""
    return _stored(con, "gemeente", gemeente, privacy)


def stored_reference_tables(con, gemeente: str, rule: str, privacy: settings.Privacy
                            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored gemeente figures and the buurttype averages under one buurttype rule."""
    return (_stored(con, "gemeente", gemeente, privacy),
            _stored(con, "peers", gemeente, privacy, rule=rule))


def stored_signals(con, gemeente: str, privacy: settings.Privacy, signal: str) -> pd.DataFrame:
    """The stored early warnings ('verslechterd') or improvements ('verbeterd')."""
    found = _stored(con, "signals", gemeente, privacy)
    return found.loc[found["signal"] == signal, SIGNAL_COLUMNS].reset_index(drop=True)


def stored_expected(con, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """The stored expected values and residuals (empty without a status score)."""
    found = _stored(con, "expected", gemeente, privacy).drop(columns="gemeente_code")
    return found if not found.empty else pd.DataFrame()
