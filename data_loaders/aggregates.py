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

from data_loaders import db, map_shapes, settings, stored_views
from data_loaders.reads import observations, real  # noqa: F401  (the one reading door)
from metrics import aggregate, early_warning, expected, references

Fetch = Callable[[tuple[str, ...]], pd.DataFrame]
KEY_COLUMNS = ("min_respondents", "min_inhabitants", "real_only")
TABLES = ("runs", "gemeente", "peers", "signals", "expected", "parts", "part_sources")
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


def expected_values(fetch: Fetch, *, catalogue: pd.DataFrame, areas: pd.DataFrame,
                    weights: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """metrics.expected.expected_all of every outcome at once (one gemeente's fit in memory),
    and the status score's id."""
    outcomes = catalogue.index[catalogue["result"] == "outcome"]
    return expected.expected_all(fetch((*outcomes, *expected.STATUS_INDICATORS)), areas=areas,
                                 catalogue=catalogue, weights=weights)


@dataclasses.dataclass(frozen=True)
class Computed:
    """Every stored aggregate of one gemeente and privacy setting."""

    gemeente: pd.DataFrame
    peers: dict[str, pd.DataFrame]  # per buurttype rule
    warnings: pd.DataFrame
    improvements: pd.DataFrame
    expected: pd.DataFrame
    status_id: str | None
    with_expected: bool = True  # False: not fitted at load time (databases built before)


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
    fits, status_id = expected_values(fetch, catalogue=catalogue, areas=area_rows, weights=weights)
    return Computed(
        gemeente=gemeente_frame, peers=peers,
        warnings=early_warnings(fetch, catalogue, periods, one_go=True),
        improvements=improvements(fetch, catalogue, periods, one_go=True),
        expected=fits, status_id=status_id,
    )


NATION = "NL"  # the scope 'Nederland': every wijk and buurt as if one gemeente (app_areas.sql)
# The net of agg_many_signal_series.sql is cast wider than the test it feeds: a statistic above
# this many standard errors (the two-sided 5 % test needs 1,96).
Z_NEAR = 1.9


def _split(frame: pd.DataFrame, codes: list[str], keep: bool) -> dict[str, pd.DataFrame]:
    """frame per gemeente_code (the column kept or dropped); an empty frame for a code without
    rows."""
    parts = {code: part.reset_index(drop=True)
             for code, part in frame.groupby("gemeente_code", sort=False)} if not frame.empty else {}
    empty = frame.iloc[0:0].reset_index(drop=True)
    out = {code: parts.get(code, empty) for code in codes}
    return out if keep else {code: part.drop(columns="gemeente_code") for code, part in out.items()}


def _signals_many(series: pd.DataFrame, catalogue: pd.DataFrame,
                  codes: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Early warnings and improvements (with gemeente_code, source and marker) of the series the
    database found worth judging (agg_many_signal_series.sql), judged by metrics.early_warning in
    each gemeente's latest year. The country ('NL') has its buurten's and wijken's: those judged
    in the same year as the country's latest, and the others judged again in that year."""
    found: dict[str, list[pd.DataFrame]] = {"warnings": [], "improvements": []}
    empty = pd.DataFrame(columns=[*SIGNAL_COLUMNS, "gemeente_code"])
    if series.empty:
        return empty, empty
    series = series.assign(period=series["period"].astype(int))
    nation = series["group_code"] == NATION
    for part in (series[nation], series[~nation]):
        for year, rows in part.groupby("latest"):
            home = rows[["area_code", "group_code", "is_gemeente", "nation_latest"]
                        ].drop_duplicates("area_code")
            obs = rows[["area_code", "indicator_id", "period", "value", "n", "ci_low", "ci_high",
                        "suppressed", "synthetic", "source"]].reset_index(drop=True)
            meta = obs[["area_code", "indicator_id", "period", "source", "synthetic"]]
            for finder, key in ((early_warning.early_warnings, "warnings"),
                                (early_warning.improvements, "improvements")):
                judged = finder(obs, catalogue, int(year))
                judged = judged.merge(meta, on=["area_code", "indicator_id", "period"],
                                      how="left").merge(home, on="area_code")
                if NATION in codes and year == judged["nation_latest"].max():
                    # the country's latest year: the gemeente's judgement is the country's too
                    same = judged[(judged["group_code"] != NATION)
                                  & ~judged["is_gemeente"].astype(bool)]
                    found[key].append(same.assign(group_code=NATION))
                found[key].append(judged)
    out = []
    for key in ("warnings", "improvements"):
        frame = stacked(found[key]).rename(columns={"group_code": "gemeente_code"})
        if frame.empty:
            frame = empty
        frame = frame[frame["gemeente_code"].isin(codes)][[*SIGNAL_COLUMNS, "gemeente_code"]]
        out.append(frame.reset_index(drop=True))
    return out[0], out[1]


@dataclasses.dataclass(frozen=True)
class Together:
    """The aggregates of several gemeenten in one frame per table, each row with its
    gemeente_code, rows of one gemeente in the order computed() gives them."""

    gemeente: pd.DataFrame
    peers: dict[str, pd.DataFrame]  # per buurttype rule: only gemeenten with that rule
    warnings: pd.DataFrame
    improvements: pd.DataFrame
    rules: pd.DataFrame  # group_code, rule: the rules each gemeente has
    expected: pd.DataFrame  # expected versus observed (metrics.expected.expected_all)
    status: dict[str, str]  # the status score each gemeente's expected values rest on


def _expected_many(read, run) -> dict[str, str]:
    """metrics.expected.expected_all of every group in agg_rows, by the database, left in a table
    of this connection (agg_many_expected.sql; none without a status score), and each group's
    status score."""
    present = read("agg_many_status", status_ids=list(expected.STATUS_INDICATORS))
    have = present.groupby("group_code")["indicator_id"].agg(set)
    status = {code: next(s for s in expected.STATUS_INDICATORS if s in ids)
              for code, ids in have.items()}
    if status:
        run("agg_many_expected", groups=list(status), statuses=list(status.values()),
            min_buurten=expected.MIN_BUURTEN, band=expected.BAND, better=expected.BETTER,
            worse=expected.WORSE, higher=expected.HIGHER, lower=expected.LOWER,
            as_expected=expected.AS_EXPECTED)
    return status


def computed_together(con, gemeenten: list[str], privacy: settings.Privacy, *,
                      cursor: bool = False, with_parts: bool = False,
                      frames: bool = True) -> Together:
    """The aggregates of several gemeenten (and of the country, 'NL') at once, without expected
    values: the gemeente figures and buurttype averages computed by the database in one pass
    over all of them (data_loaders/sql/queries/agg_*.sql, the rules of metrics.aggregate), the
    early warnings and improvements judged by metrics.early_warning on the few series the
    database found worth judging. With 'NL' every gemeente is read (the country rests on all of
    them), but only those asked for are returned. The gemeente figures, buurttype averages and
    expected values are left in tables of this connection that store_found copies into the
    agg_* tables (refresh: never through pandas); `frames` reads them into the result too.
    `with_parts` (refresh): the overview's parts are left there as well (parts_together)."""
    codes = sorted(set(gemeenten))
    target = con.cursor() if cursor else con  # one connection: agg_rows is its own table
    scope = {"gemeenten": codes}

    def read(name: str, **params) -> pd.DataFrame:
        return db.query(target, name, {**scope, **params}, cursor=False)

    def run(name: str, **params) -> None:
        db.execute(target, name, {**scope, **params})

    db.execute(target, "agg_prepare_areas", scope)
    db.execute(target, "agg_prepare_gemeenten", scope)  # agg_rows holds whole-number keys of
    db.execute(target, "agg_prepare_indicators")  # the gemeente, indicator and source
    db.execute(target, "agg_prepare_sources")
    db.execute(target, "agg_prepare_rows", {
        "min_respondents": int(privacy.min_respondents),
        "min_inhabitants": int(privacy.min_inhabitants), "real_only": bool(privacy.real_only)})
    try:
        catalogue = db.query(target, "app_catalogue", cursor=False).set_index("id", drop=False)
        # These two take the gemeenten asked for from agg_gemeenten (agg_prepare_gemeenten.sql).
        db.execute(target, "agg_many_gemeente", {"basis_own": aggregate.BASIS_OWN,
                                                 "basis_derived": aggregate.BASIS_DERIVED})
        rules = read("agg_many_rules")
        db.execute(target, "agg_prepare_peers_found")
        for rule in sorted(set(rules["rule"])):
            db.execute(target, "agg_many_peers", {"rule": rule})
        series = read("agg_many_signal_series", z_near=Z_NEAR)
        target.execute("DROP TABLE IF EXISTS agg_expected_found")
        status = _expected_many(read, run)
        if with_parts:
            parts_together(target, codes, rules, catalogue)
        if not series.empty:
            series = series.merge(db.query(target, "agg_sources_of", {
                "areas": sorted(set(series["area_code"])),
                "indicators": sorted(set(series["indicator_id"]))}, cursor=False),
                on=["area_code", "indicator_id", "period"], how="left")
    finally:
        for table in ("agg_rows", "agg_areas", "agg_gemeenten", "agg_indicators", "agg_sources"):
            target.execute(f"DROP TABLE IF EXISTS {table}")  # noqa: S608 (this module's names)
    gemeente_all, peers_all, fits = pd.DataFrame(), {}, pd.DataFrame()
    if frames:
        gemeente_all = db.query(target, "agg_read_gemeente_found", cursor=False)
        peers_all = {rule: db.query(target, "agg_read_peers_found", {"rule": rule}, cursor=False)
                     for rule in sorted(set(rules["rule"]))}
        fits = (db.query(target, "agg_read_expected_found", cursor=False) if status
                else pd.DataFrame(columns=["gemeente_code", *EXPECTED_COLUMNS]))
        for frame in (gemeente_all, *peers_all.values(), fits):
            if not frame.empty:
                frame["period"] = frame["period"].astype(int)
        if not with_parts:  # nothing left to store from them
            drop_found(target)
    warnings, improvements = _signals_many(series, catalogue, codes)
    warnings = warnings[warnings["severity"] != "laag"]
    if not warnings.empty:  # early_warning.in_order within each gemeente
        order = warnings["severity"].map({s: i for i, s in enumerate(early_warning.SEVERITY_ORDER)})
        warnings = warnings.assign(_order=order).sort_values(
            ["gemeente_code", "_order", "area_code", "indicator_id", "rule"], kind="stable"
        ).drop(columns="_order")
    improvements = improvements.sort_values(["gemeente_code", "area_code", "indicator_id"],
                                            kind="stable")
    return Together(gemeente=gemeente_all, peers=peers_all,
                    warnings=warnings.reset_index(drop=True),
                    improvements=improvements.reset_index(drop=True), rules=rules,
                    expected=fits, status=status)


def _nothing() -> Together:
    """computed_together over no observations at all (its tables empty, no status score): what
    'Alleen echte cijfers' leaves of a database without a real value."""
    return Together(gemeente=pd.DataFrame(), peers={}, warnings=pd.DataFrame(),
                    improvements=pd.DataFrame(), rules=pd.DataFrame(columns=["group_code", "rule"]),
                    expected=pd.DataFrame(), status={})


def computed_many(con, gemeenten: list[str], privacy: settings.Privacy, *,
                  cursor: bool = False) -> dict[str, Computed]:
    """computed_together split per gemeente: for each the same tables as computed() of it alone
    (tests/data_loaders/test_aggregates.py)."""
    codes = sorted(set(gemeenten))
    found = computed_together(con, codes, privacy, cursor=cursor)
    has_rule = found.rules.groupby("group_code")["rule"].agg(set)
    gemeente = _split(found.gemeente, codes, keep=True)
    peers = {rule: _split(frame, codes, keep=True) for rule, frame in found.peers.items()}
    warnings = _split(found.warnings, codes, keep=False)
    improvements = _split(found.improvements, codes, keep=False)
    fits = _split(found.expected, codes, keep=False)
    return {code: Computed(
        gemeente=gemeente[code],
        peers={rule: peers[rule][code] for rule in peers if rule in has_rule.get(code, set())},
        warnings=warnings[code], improvements=improvements[code],
        expected=fits[code] if not fits[code].empty else pd.DataFrame(),
        status_id=found.status.get(code)) for code in codes}


def stored_privacies() -> tuple[settings.Privacy, ...]:
    """The privacy settings stored at load time: the configured thresholds, with and without
    'Alleen echte cijfers'. (What a user may see of confidential sources plays no part here.)"""
    base = settings.privacy()
    return (dataclasses.replace(base, real_only=False), dataclasses.replace(base, real_only=True))


def _key(privacy: settings.Privacy) -> dict:
    return {"min_respondents": int(privacy.min_respondents),
            "min_inhabitants": int(privacy.min_inhabitants), "real_only": bool(privacy.real_only)}


def _stored_rows(frame: pd.DataFrame | None, key: dict, columns: list[str],
                 **extra) -> pd.DataFrame:
    """Rows of several gemeenten (with gemeente_code) for an agg_* table: the privacy key, the
    extra columns and each row's place within its gemeente."""
    if frame is None or frame.empty:
        return pd.DataFrame()
    out = frame.reset_index(drop=True)
    out = out.assign(**key, position=out.groupby("gemeente_code", sort=False).cumcount(),
                     **extra)
    return out[[c for c in ["gemeente_code", *key, *extra, "position", *columns]
                if c in out.columns]]


EXPECTED_COLUMNS = ["area_code", "status", "observed", "expected", "residual", "residual_se",
                    "verdict", "indicator_id", "period", "buurten_used"]


def refresh(con, gemeenten: Iterable[str],
            privacies: Iterable[settings.Privacy] | None = None) -> None:
    """Compute and store the aggregates of these gemeenten and of the country ('NL', which every
    change touches), inside the open write session (their old rows are removed first, so a
    reload leaves no stale aggregate)."""
    changed = sorted(set(gemeenten) - {NATION})
    if not changed:
        return
    codes = [*changed, NATION]  # the country rests on every gemeente: it changes with each
    stored_views.refresh(con, codes)  # the gemeente list and years (stored_views.py)
    map_shapes.refresh(con)  # the map's shapes of new or changed boundaries (map_shapes.py)
    for table in TABLES:
        db.execute(con, f"agg_delete_{table}", {"gemeenten": codes})
    # Without generated values in the database 'Alleen echte cijfers' leaves every value in:
    # the same tables, computed once per threshold setting (half of a real national load).
    # Without real values it leaves none: empty tables, nothing to compute (a synthetic set).
    generated, measured = (bool(flag) for flag in con.execute(
        "SELECT coalesce(bool_or(synthetic), false), coalesce(bool_or(NOT synthetic), false) "
        "FROM observations").fetchone())
    done: dict[tuple, Together] = {}
    held = None  # whose tables the connection holds (computed_together, parts_together)
    # Every table here is read back in an order of its own (ORDER BY, or a position), never in
    # the order it was written: DuckDB may then write in parallel without keeping one (the rows
    # of agg_prepare_rows.sql alone are written about 0,2 s faster nationally).
    con.execute("SET preserve_insertion_order = false")
    try:
        for privacy in privacies or stored_privacies():
            key = _key(privacy)
            same_as = (key["min_respondents"], key["min_inhabitants"],
                       key["real_only"] if generated else None)
            empty = privacy.real_only and not measured  # nothing real to compute: empty tables
            if empty:
                found = _nothing()
            else:
                if same_as not in done or same_as != held:
                    done[same_as] = computed_together(con, codes, privacy, with_parts=True,
                                                      frames=False)
                    held = same_as
                found = done[same_as]
            now = pd.Timestamp.now(tz="UTC").tz_localize(None)
            rows = {
                "signals": stacked([
                    _stored_rows(found.warnings, key, SIGNAL_COLUMNS, signal="verslechterd"),
                    _stored_rows(found.improvements, key, SIGNAL_COLUMNS, signal="verbeterd")]),
                "runs": pd.DataFrame([{
                    "gemeente_code": code, **key, "status_id": found.status.get(code),
                    "with_expected": True, "computed_at": now} for code in codes]),
            }
            for table, frame in rows.items():  # one insert per table (hundreds of gemeenten)
                if not frame.empty:
                    db.insert_frame(con, f"agg_{table}", frame)
            if not empty:  # the tables found last: this key's, or the same as this key's
                store_found(con, key, with_expected=bool(found.status))
    finally:
        con.execute("RESET preserve_insertion_order")
    drop_found(con)


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


def stored_expected_of(con, gemeente: str, privacy: settings.Privacy,
                       areas: Iterable[str]) -> pd.DataFrame:
    """stored_expected's rows of these areas only, in the same order (empty without them)."""
    found = _stored(con, "expected_of", gemeente, privacy,
                    areas=list(areas)).drop(columns="gemeente_code")
    return found if not found.empty else pd.DataFrame()


# --- the overview's parts per buurttype (metrics.aggregate.group_parts), stored per rule ---

UNLABELLED = "zonder buurttype"  # the group of the buurten without a label under the rule


def headline_ids(catalogue: pd.DataFrame) -> tuple[str, ...]:
    """The overview's indicators (indexed catalogue): the headline indicators and 'inwoners'."""
    return tuple(dict.fromkeys([*catalogue.index[catalogue["headline"].astype(bool)],
                                "inwoners"]))


def part_pairs(rules: pd.DataFrame, codes: list[str]) -> list[tuple[str, str]]:
    """(gemeente, rule) whose parts are stored: each gemeente's (and the country's) rules, as
    agg_many_rules lists them, and '' (no labels at all) for one without any rule."""
    have = rules.groupby("group_code")["rule"].agg(sorted) if not rules.empty else {}
    return [(code, rule) for code in codes for rule in (list(have.get(code, [])) or [""])]


def parts_together(target, codes: list[str], rules: pd.DataFrame,
                   catalogue: pd.DataFrame) -> None:
    """metrics.aggregate.group_parts of the overview's indicators for every (gemeente, rule) of
    part_pairs, by the database from agg_rows (agg_prepare_parts.sql; called by
    computed_together while agg_rows exists): each buurt in the group of its latest label under
    the rule, UNLABELLED without one. Left in two tables of this connection (parts and sources,
    with gemeente_code, buurttype_rule and each row's place; agg_found_parts.sql) that
    store_found copies under a privacy key: nationally 145.000 and 277.000 rows that need not
    pass through Python."""
    pairs = part_pairs(rules, codes)
    db.execute(target, "agg_prepare_parts", {
        "gemeenten": codes, "rules": sorted({rule for _, rule in pairs}),
        "indicators": list(headline_ids(catalogue)), "unlabelled": UNLABELLED})
    scope = {"groups": [code for code, _ in pairs], "rules": [rule for _, rule in pairs]}
    try:
        db.execute(target, "agg_found_parts", scope)
        db.execute(target, "agg_found_part_sources", scope)
    finally:
        target.execute("DROP TABLE IF EXISTS agg_part_rows")


# The tables computed_together and store_found leave on a connection (drop_found drops them).
FOUND = ("agg_gemeente_found", "agg_peers_found", "agg_expected_found", "agg_parts_found",
         "agg_part_sources_found", "agg_ranks")


def store_found(con, key: dict, *, with_expected: bool) -> None:
    """Store the tables found last on this connection (computed_together with its parts) under a
    privacy key, straight from table to table; the expected values only `with_expected` (there
    are none without a status score).

    Each store must insert exactly the rows of its table, or the load stops (and is rolled back)
    with a message: once a table made from the schema's columns (CREATE TABLE ... AS SELECT ...
    LIMIT 0) let only 6.336 of 634.656 national buurttype averages through, silently, while the
    tests on small databases passed."""
    db.execute(con, "agg_prepare_ranks")  # the sort keys' ranks of the stores below
    for table in ("gemeente", "peers", "parts", "part_sources", "expected"):
        if table == "expected" and not with_expected:
            continue
        # A name of this module's own (never a value), so it can be written into the text.
        found = int(con.execute(f"SELECT count(*) FROM agg_{table}_found").fetchall()[0][0])  # noqa: S608
        stored = db.execute_counted(con, f"agg_store_{table}", key)
        if stored != found:
            raise db.DatabaseError(
                f"De opgeslagen aggregaten ({table}) zijn onvolledig: {stored} van de {found} "
                "berekende rijen kwamen in de database. Er is niets geladen; de database is "
                "zoals hij was. Probeer het opnieuw; gebeurt het weer, meld het dan met deze "
                "melding.")


def drop_found(con) -> None:
    for table in FOUND:
        con.execute(f"DROP TABLE IF EXISTS {table}")


def stored_parts(con, gemeente: str, rule: str, privacy: settings.Privacy
                 ) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The stored group_parts (parts, sources) of the overview under one buurttype rule, in
    group_parts' columns and types; None when not stored (another privacy setting, a rule the
    gemeente lacks, or a database built before these tables)."""
    try:
        parts = _stored(con, "parts", gemeente, privacy, rule=rule)
        if parts.empty:
            return None
        sources = _stored(con, "part_sources", gemeente, privacy, rule=rule)
    except db.DatabaseError:
        return None
    parts = parts.astype({"period": "int64", "rows": "int64", "ok": "int64",
                          "ok_n_count": "int64", "hw": "int64", "hw_n_count": "int64",
                          "ok_syn": bool, "hw_syn": bool, "any_suppressed": bool,
                          "is_sum": bool})
    sources = sources.astype({"period": "int64", "count": "int64"})
    return parts, sources
