"""The only module with st.cache_resource / st.cache_data: cached reads through data_loaders.db.
What a wrapper puts together from its reads is done by the pure dashboard/assemble*.py modules.

Cached functions take small hashable arguments (and the database file's version, so a load that
swaps in a new file is picked up); they never read module globals. Privacy thresholds are applied
in the observations query itself, so nothing downstream can see a suppressed value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import importlib
import inspect
import io
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import assemble, assemble_profile, assemble_trends, drawn, profiles, state, tables
from data_loaders import aggregates as build_time
from data_loaders import db, reads, settings
from data_loaders import map_shapes as shape_store
from metrics import aggregate


class _OnFirstUse:
    """A module imported when one of its names is first used. The briefing (Typst, the map
    pictures) and the map (pydeck, shapely) are needed by a few pages only; imported here at the
    top they cost every page's first opening their imports (about 0,1 s)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


if TYPE_CHECKING:
    from dashboard import assemble_corporation, assemble_map, briefing, maps
else:
    briefing, maps = _OnFirstUse("dashboard.briefing"), _OnFirstUse("dashboard.maps")
    assemble_map = _OnFirstUse("dashboard.assemble_map")
    assemble_corporation = _OnFirstUse("dashboard.assemble_corporation")

Version = tuple[str, int, int]


def database_version() -> Version:
    """(path, inode, mtime) of the database; raises db.DatabaseMissing when there is none."""
    path = settings.db_path()
    if not path.is_file():
        raise db.DatabaseMissing(
            f"De database {path} bestaat nog niet. Bouw hem met 'make db' "
            "(of start de app met 'make run', dat bouwt hem vanzelf)."
        )
    inode, mtime = db.file_version(path)
    return str(path), inode, mtime


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _fresh(value):
    """What a shared resource hands out: its frames as shallow copies. Under pandas'
    copy-on-write a change to a copy (a new column, a changed cell) then never reaches the
    shared frame or another caller's, and no data is copied until someone changes it."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    if type(value) is tuple:
        if all(type(v) in _PLAIN for v in value):
            return value  # immutable throughout (the country's 14.000 area codes: every rerun)
        return tuple(_fresh(v) for v in value)
    if type(value) is dict:
        if all(type(v) in _PLAIN for v in value.values()):
            return dict(value)  # texts and numbers: a plain copy is enough
        return {k: _fresh(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        frames = {f.name: _fresh(getattr(value, f.name)) for f in dataclasses.fields(value)
                  if isinstance(getattr(value, f.name), (pd.DataFrame, pd.Series))}
        return dataclasses.replace(value, **frames) if frames else value
    return value


def _on_first_call(decorator):
    """A Streamlit cache made when its function is first called, not when this module is imported.

    Making one reads and hashes the function's source (inspect.getsource); a page calls a few of
    the caches here, so every page's first opening paid for all of them. Streamlit finds a
    cache by that source hash, so two threads that both make it still share one cache.

    Arguments are handed to the cache by name: Streamlit looks up the name of every positional
    argument in the function's signature, built anew for each argument of each call (about 80
    signatures, a few milliseconds, in every map filter change). The key is the same: Streamlit
    hashes (name, value) pairs in the order given, and names the positional ones so as well.
    """
    def wrap(function):
        made = []
        names = [p.name for p in inspect.signature(function).parameters.values()
                 if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]

        @functools.wraps(function)
        def call(*args, **kwargs):
            if not made:
                made.append(decorator(function))
            if len(args) <= len(names) and not kwargs.keys() & set(names[:len(args)]):
                return made[0](**dict(zip(names[:len(args)], args, strict=True)), **kwargs)
            return made[0](*args, **kwargs)

        def clear(*args, **kwargs):
            if made:
                made[0].clear(*args, **kwargs)

        call.clear = clear
        return call
    return wrap


def _cache_data(**options):
    return _on_first_call(st.cache_data(**options))


def _cache_resource(**options):
    return _on_first_call(st.cache_resource(**options))


def _shared(**cache):
    """st.cache_resource whose frames are read-only by construction: shared between reruns and
    sessions without a copy, handed out as shallow copies (see _fresh)."""
    def wrap(function):
        cached = _cache_resource(**cache)(function)

        @functools.wraps(function)
        def handed_out(*args, **kwargs):
            return _fresh(cached(*args, **kwargs))

        handed_out.clear = cached.clear
        return handed_out
    return wrap


@_cache_resource(max_entries=2)
def _connection(version: Version):
    # One read-only connection per database file version; each query uses its own cursor.
    return db.connect(Path(version[0]), read_only=True)


def _query(version: Version, name: str, params: dict | None = None) -> pd.DataFrame:
    return db.query(_connection(version), name, params)


# The small lookup tables every rerun reads are shared too (a copy per call cost about a
# millisecond each on every rerun). Callers select and derive from them; none changes them.
@_shared(max_entries=8, show_spinner=False)
def gemeenten(version: Version) -> pd.DataFrame:
    """The gemeente picker's list, as the load stored it (reads.gemeenten)."""
    return reads.gemeenten(_connection(version))


@_shared(max_entries=8, show_spinner=False)
def catalogue(version: Version) -> pd.DataFrame:
    return _query(version, "app_catalogue")


@_shared(max_entries=8, show_spinner=False)
def sources(version: Version) -> pd.DataFrame:
    return _query(version, "app_sources")


@_shared(max_entries=8, show_spinner=False)
def sources_by_key(version: Version) -> pd.DataFrame:
    """sources() indexed by key. Shared: do not change it."""
    return sources(version).set_index("key", drop=False)


# Resources, not data, for the frames that are large at national scale (buurttypes 130.000
# rows, geometries tens of megabytes): cache_data hands out a fresh copy on every call (and kept
# a pickled one besides), 40 MB and tens of milliseconds per call. Shared: do not change them.
@_shared(max_entries=16, show_spinner=False)
def areas(version: Version, gemeente: str) -> pd.DataFrame:
    return _query(version, "app_areas", {"gemeente": gemeente})


@_shared(max_entries=16, show_spinner=False)
def area_index(version: Version, gemeente: str) -> tuple[pd.DataFrame, frozenset[str]]:
    """The areas indexed by code and the set of codes (shared, not copied: do not change them)."""
    frame = _query(version, "app_areas", {"gemeente": gemeente}).set_index("code", drop=False)
    return frame, frozenset(frame["code"].tolist())


@_shared(max_entries=16, show_spinner=False)
def periods(version: Version, gemeente: str, real_only: bool = False) -> pd.DataFrame:
    """Years with observations per indicator, as the load stored them (reads.periods)."""
    return reads.periods(_connection(version), gemeente, real_only)


@_shared(max_entries=16, show_spinner=False)
def rules(version: Version, gemeente: str) -> pd.DataFrame:
    return _query(version, "app_rules", {"gemeente": gemeente})


@_shared(max_entries=16, show_spinner=False)
def rule_caption(version: Version, gemeente: str, rule: str, taal: str = "nl") -> str:
    """Which rule and which years made the buurttype labels, with its source (a sentence)."""
    return assemble.rule_caption(rules(version, gemeente), sources_by_key(version)["attribution"],
                                 rule, taal)


@_shared(max_entries=8, show_spinner=False)
def gemeente_names(version: Version) -> dict[str, str]:
    """Name per gemeente code, in the order of gemeenten(). Shared: do not change it."""
    return assemble.gemeente_names(gemeenten(version))


@_shared(max_entries=16, show_spinner=False)
def buurttypes(version: Version, gemeente: str, rule: str) -> pd.DataFrame:
    return _query(version, "app_buurttypes", {"gemeente": gemeente, "rule": rule})


def _fetch(
    version: Version, gemeente: str, indicators: tuple[str, ...], privacy: settings.Privacy,
    area_codes: tuple[str, ...] = (), periods: tuple[int, ...] = (),
) -> pd.DataFrame:
    """Observations straight from the database (data_loaders.reads: suppression applied in the
    query, generated rows dropped for real_only), not cached: for work that goes through a
    national set one indicator at a time. `periods`: only these years (all when empty)."""
    return reads.observations(_connection(version), gemeente, indicators, privacy, area_codes,
                              periods=periods)


# A resource, not data: the frame is shared between reruns and sessions without a copy (at
# national scale hundreds of thousands of rows per indicator; copying them cost seconds per
# rerun). pandas' copy-on-write keeps every derived frame separate; callers must not change this
# frame itself in place. Pages ask for one or a few indicators; every indicator of a national set
# at once would not fit the memory budget (see reference_tables and expected_fits).
@_shared(max_entries=32, show_spinner=False)
def observations(
    version: Version, gemeente: str, indicators: tuple[str, ...], privacy: settings.Privacy
) -> pd.DataFrame:
    return _fetch(version, gemeente, indicators, privacy)


@_shared(max_entries=16, show_spinner=False)
def population(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """Inhabitants per area and year (metrics.aggregate.population_weights), shared: do not
    change it."""
    return aggregate.population_weights(observations(version, gemeente, ("inwoners",), privacy))


def _one_by_one(
    version: Version, gemeente: str, privacy: settings.Privacy, indicators, with_population=False
):
    """(indicator, its observations) for each indicator in turn, plus the inhabitants' rows when
    asked: only one indicator of the gemeente (or the country) is in memory at a time."""
    people = observations(version, gemeente, ("inwoners",), privacy) if with_population else None
    for ind in indicators:
        if ind == "inwoners":
            yield ind, observations(version, gemeente, ("inwoners",), privacy)
            continue
        obs = _fetch(version, gemeente, (ind,), privacy)
        yield ind, obs if people is None else pd.concat([obs, people], ignore_index=True)


@_shared(max_entries=16, show_spinner=False)
def catalogue_in(version: Version, taal: str = "nl") -> pd.DataFrame:
    """The catalogue indexed by id, with CBS's English names where it has them when taal is
    'en' (ids and units stay as they are). Shared: do not change it."""
    return assemble.catalogue_in(catalogue(version), taal)


@_shared(max_entries=16, show_spinner=False)
def stored(version: Version, gemeente: str, privacy: settings.Privacy
           ) -> tuple[bool, str | None, bool]:
    """Whether the load stored this gemeente's aggregates for this privacy setting
    (data_loaders.aggregates), the status score of its expected values, and whether those
    are stored too."""
    return build_time.stored_run(_connection(version), gemeente, privacy)


def _fetcher(version: Version, gemeente: str, privacy: settings.Privacy):
    """Reads observations of some indicators (the app's own, for what the load did not store)."""
    def fetch(indicators: tuple[str, ...]) -> pd.DataFrame:
        if tuple(indicators) == ("inwoners",):
            return observations(version, gemeente, ("inwoners",), privacy)
        return _fetch(version, gemeente, tuple(indicators), privacy)
    return fetch


@_shared(max_entries=8, show_spinner=False)
def reference_tables(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The gemeente figure and buurttype averages of every indicator (references.reference_tables):
    as stored by the load, else computed one indicator at a time. Small; shared."""
    if stored(version, gemeente, privacy)[0]:
        found, peers = build_time.stored_reference_tables(_connection(version), gemeente, rule,
                                                          privacy)
        # Without buurttypes under this rule there are no peers. rules() lists a rule exactly
        # when buurttypes() has rows for it (the same selection), and is read already: the
        # country's buurttypes themselves are 130.000 rows (0,4 s on a profile's first opening).
        return found, (peers if rule in set(rules(version, gemeente)["rule"]) else None)
    types = buurttypes(version, gemeente, rule)
    return build_time.reference_tables(
        _fetcher(version, gemeente, privacy), areas=areas(version, gemeente), buurttypes=types,
        weights=population(version, gemeente, privacy), catalogue=catalogue_in(version))


@_shared(max_entries=8, show_spinner=False)
def geometries(version: Version, gemeente: str, level: str) -> pd.DataFrame:
    return _query(version, "app_geometries", {"gemeente": gemeente, "level": level})


@_cache_data(max_entries=16, show_spinner=False)
def spending(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """Spending rows; of a confidential source only those the privacy's rights allow (filtered in
    the query, and keyed by those rights: no user's rows reach another through the cache)."""
    return reads.confidential(_connection(version), "app_spending", gemeente, privacy)


@_cache_data(max_entries=16, show_spinner=False)
def projects(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    return reads.confidential(_connection(version), "app_projects", gemeente, privacy)


@_cache_data(max_entries=16, show_spinner=False)
def goals(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    return reads.confidential(_connection(version), "app_goals", gemeente, privacy)


@_cache_data(max_entries=4, show_spinner=False)
def loads(version: Version) -> pd.DataFrame:
    return _query(version, "app_loads")


def _scope(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, taal: str = "nl"
) -> tables.Scope:
    """Every indicator of one gemeente, with its areas, buurttypes, catalogue and sources."""
    cat = catalogue_in(version, taal)
    return tables.Scope(
        obs=observations(version, gemeente, tuple(cat.index), privacy),
        areas=areas(version, gemeente),
        types=buurttypes(version, gemeente, rule),
        catalogue=cat,
        sources=sources_by_key(version),
    )


# The profile page's pieces are resources: handed out without a copy on each rerun (a filter
# change reruns the page but changes none of them). Callers must not change them in place.
@_shared(max_entries=64, show_spinner=False)
def profile(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, code: str,
    nulmeting: int | None, taal: str = "nl",
) -> pd.DataFrame:
    return profiles.profile_rows(area_scope(version, gemeente, rule, privacy, code, taal), code,
                                 nulmeting, refs=reference_tables(version, gemeente, rule, privacy))


@_shared(max_entries=64, show_spinner=False)
def switched(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, code: str,
    reference: str, nulmeting: int | None, buurttype: tuple[str, ...],
) -> pd.Series:
    """profiles.switched_values; nationally one indicator at a time (each is ranked among all
    areas of its level, so every indicator's areas are needed, but never all indicators at
    once)."""
    cat = catalogue_in(version)
    area_rows, types = areas(version, gemeente), buurttypes(version, gemeente, rule)
    if gemeente != "NL":
        # One gemeente's observations fit in memory: every indicator in one pass (the wijk
        # figures computed once, not once per indicator; per indicator the same values).
        return assemble_profile.switched(_fetch(version, gemeente, tuple(cat.index), privacy),
                                         area_rows, types, cat, code, reference, nulmeting,
                                         buurttype)
    return assemble_profile.switched_one_by_one(
        _one_by_one(version, gemeente, privacy, cat.index, with_population=True), area_rows,
        types, cat, code, reference, nulmeting, buurttype)


@_cache_data(max_entries=8, show_spinner=False)
def expected_fits(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy
) -> tuple[pd.DataFrame, str | None]:
    """metrics.expected.expected_all of every outcome indicator (ids and numbers only; the page
    names them in its language): as stored by the load, else computed one at a time."""
    found, status_id, with_expected = stored(version, gemeente, privacy)
    if found and with_expected:
        return build_time.stored_expected(_connection(version), gemeente, privacy), status_id
    return build_time.expected_fits(
        _fetcher(version, gemeente, privacy), catalogue=catalogue_in(version),
        periods=periods(version, gemeente), areas=areas(version, gemeente),
        weights=population(version, gemeente, privacy))


@_shared(max_entries=32, show_spinner=False)
def areas_scope(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
    codes: tuple[str, ...], taal: str = "nl",
) -> tables.Scope:
    """The gemeente's scope with only the observations of these areas and of the buurten of any
    wijk among them, read from the database for just those areas.

    Enough for everything the profile and the comparison show about the areas themselves
    (values, wijk figures from their buurten, warnings, expected values, decomposition); the
    gemeente and buurttype figures come from reference_tables. Shared: do not change it.
    """
    a = areas(version, gemeente)
    keep = assemble.with_buurten(a, codes)
    cat = catalogue_in(version, taal)
    return tables.Scope(
        obs=_fetch(version, gemeente, tuple(cat.index), privacy, keep),
        areas=a, types=area_types(version, gemeente, rule, keep)[0], catalogue=cat,
        sources=sources_by_key(version),
    )


@_shared(max_entries=64, show_spinner=False)
def area_types(version: Version, gemeente: str, rule: str, codes: tuple[str, ...]
               ) -> tuple[pd.DataFrame, int | None]:
    """buurttypes() of these areas only, and the latest year of the rule in the whole gemeente
    (or country), the year tables.types_in(buurttypes(), None) takes. What the profile and the
    comparison use of the buurttypes: each row's type goes by its own area's labels only
    (metrics._frames.nearest_period_lookup). Shared: do not change it."""
    return assemble.area_types(_query(version, "app_area_buurttypes",
                                      {"gemeente": gemeente, "rule": rule, "areas": list(codes)}))


def area_scope(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, code: str,
    taal: str = "nl",
) -> tables.Scope:
    """areas_scope of one area (and, for a wijk, its buurten)."""
    return areas_scope(version, gemeente, rule, privacy, (code,), taal)


# A resource (handed out as a shallow copy): cache_data unpickled a copy on every rerun.
@_shared(max_entries=32, show_spinner=False)
def comparison(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, codes: tuple[str, ...],
    taal: str = "nl",
) -> pd.DataFrame:
    return profiles.comparison(areas_scope(version, gemeente, rule, privacy, codes, taal), codes,
                               refs=reference_tables(version, gemeente, rule, privacy))


@_cache_data(max_entries=16, show_spinner=False)
def briefing_content(
    version: Version, privacy: settings.Privacy, brief: briefing.Brief, today: dt.date,
    signals: tuple[tuple[str, str, int, int], ...] | None = None,
) -> briefing.Briefing:
    """The briefing; `signals`: dashboard.signals.count_rows (None: the user sees no signals)."""
    scope = _scope(version, brief.gemeente, brief.regel, privacy)
    if brief.taal != "nl":  # indicator names in the briefing's language
        scope = dataclasses.replace(scope, catalogue=catalogue_in(version, brief.taal))
    geo = geometries(version, brief.gemeente, "buurt")
    return briefing.build(scope, geo, brief, today,
                          goal_frame=goals(version, brief.gemeente, privacy),
                          project_frame=projects(version, brief.gemeente, privacy),
                          signal_frame=assemble.signal_frame(signals))


@_cache_data(max_entries=16, show_spinner=False)
def briefing_pdf(
    version: Version, privacy: settings.Privacy, brief: briefing.Brief, today: dt.date,
    signals: tuple[tuple[str, str, int, int], ...] | None = None,
) -> bytes:
    return briefing.to_pdf(briefing_content(version, privacy, brief, today, signals))


def fingerprint(frame: pd.DataFrame) -> str:
    """A digest of a frame's whole content (columns, index, types, values), for cache keys.

    Streamlit's own hashing of a frame goes row by row through text columns (5 ms for a profile
    table, paid on every rerun for each table on the page); a digest of the pickled frame gives
    the same distinction in a tenth of that. The pickler keeps no memo, so a text that occurs
    twice as one object and twice as two equal objects gives the same bytes (with a memo the
    same table rebuilt on the next rerun could pickle differently and miss the cache). Different
    content never gives the same bytes.
    """
    digest = hashlib.blake2b(digest_size=20)

    def add(part: object) -> None:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # no memo: equal content, equal bytes
        pickler.dump(part)
        digest.update(buffer.getbuffer())

    # Column by column: the frame as a whole also pickles how pandas happens to group its
    # columns in memory, which differs between two builds of the same table.
    add((list(frame.columns), [str(kind) for kind in frame.dtypes], frame.index))
    for _, column in frame.items():
        add(column.array)
    return digest.hexdigest()


BY_CONTENT = {pd.DataFrame: fingerprint}


def _map_rows(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    level: str, reference: str, nulmeting: int | None, year: int | None,
    buurttype: tuple[str, ...] | None, taal: str, geo: pd.DataFrame,
) -> tuple[pd.DataFrame, object, str]:
    """tables.map_rows of these areas (`geo`: area_code, label point, bounds and whatever else
    the rows should carry), with the tooltip's words in the language.

    With the references stored by the load, only the rows the map shows are read: the
    indicator in `year` (and in the nulmeting for the index), the inhabitants only for wijk
    figures (their buurten's weights); nationally 12.000 rows instead of 257.000. Without them
    every year of the indicator and the inhabitants, from which the references are computed."""
    cat = catalogue_in(version, taal)
    refs = indicator_refs(version, gemeente, rule, privacy, indicator)
    periods = assemble_map.map_periods(refs is not None, indicator, reference, year, nulmeting)
    if periods:
        parts = [_fetch(version, gemeente, (indicator,), privacy, periods=periods)]
        if level == "wijk":
            parts.append(observations(version, gemeente, ("inwoners",), privacy))
        obs = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    else:
        obs = observations(version, gemeente, tuple(dict.fromkeys([indicator, "inwoners"])),
                           privacy)
    scope = tables.Scope(
        obs=obs, areas=areas(version, gemeente),
        types=_types_for(version, gemeente, rule, reference), catalogue=cat,
        sources=sources_by_key(version),
    )
    return assemble_map.map_rows(scope, geo, indicator, level, reference, nulmeting, year,
                                 buurttype, types_in(version, gemeente, rule, year), refs, taal)


# A resource, not data: the frame (with every feature's JSON, megabytes at national scale) is
# handed out without a copy per rerun. Callers must not change it in place.
@_shared(max_entries=16, show_spinner=False)
def map_rows(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    level: str, reference: str, nulmeting: int | None, year: int | None,
    buurttype: tuple[str, ...] | None, taal: str = "nl",
) -> tuple[pd.DataFrame, object, str, list[str]]:
    """The map's areas with values and tooltip texts, a note, and the start of each feature's JSON
    (for the pydeck map: map_view with deck=True; the map page's component needs map_values).

    A map of more than maps.LARGE_MAP areas gets coarser coordinates (maps.coarser).

    Keyed on everything the values depend on, but on the buurttype filter only where the
    reference ranks within it: switching the filter then reuses all of this and only recolours.
    """
    geo = geometries(version, gemeente, level)
    if geo.empty:
        return geo, None, "", []
    geo = assemble_map.map_geometry(geo)
    rows, legend, note = _map_rows(version, gemeente, rule, privacy, indicator, level, reference,
                                   nulmeting, year, buurttype, taal, geo)
    return rows, legend, note, maps.feature_heads(rows).tolist()


@_shared(max_entries=16, show_spinner=False)
def map_values(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    level: str, reference: str, nulmeting: int | None, year: int | None,
    buurttype: tuple[str, ...] | None, taal: str = "nl",
) -> tuple[pd.DataFrame, object, str]:
    """map_rows without the boundaries' text: what the map component's page needs (values,
    tooltip texts, label points and bounds of every area of the level; the shapes themselves
    come from map_outline). Keyed as map_rows. Shared: do not change."""
    geo = map_outline(version, gemeente, level)[0]
    if geo.empty:
        return geo, None, ""
    return _map_rows(version, gemeente, rule, privacy, indicator, level, reference, nulmeting,
                     year, buurttype, taal, geo)


@_shared(max_entries=32, show_spinner=False)
def map_view(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    level: str, reference: str, nulmeting: int | None, year: int | None,
    buurttype: tuple[str, ...], selected: str | None, taal: str = "nl", labels: bool = False,
    signals: tuple[tuple[str, int, str], ...] | None = None, signal_layer: bool = False,
    deck: bool = True,
) -> dict | None:
    """What the map page draws for one view, built once per view (None without boundaries).

    `signals`: the open signals per area (dashboard.signals.map_marks) for the tooltip and, with
    `signal_layer`, a layer marking the areas that have any; None: the user sees no signals.

    The areas with `in_filter`, the legend, class breaks and colours, the deck (whose JSON is
    written once) and the table under the map (areas inside the filter, by name): the map_rows
    of the view recoloured for the buurttype filter. Keyed on the filter, so going back to an
    earlier filter choice redraws nothing. Shared: do not change. The table does not depend on
    `selected` (the kaart page names it by the other arguments).
    """
    ranks = buurttype if reference in tables.SELECTION_REFERENCES else None
    if deck:
        geo, legend, note, heads = map_rows(version, gemeente, rule, privacy, indicator, level,
                                            reference, nulmeting, year, ranks, taal)
    else:  # the map component: no boundary text needed (its shapes come from map_outline)
        geo, legend, note = map_values(version, gemeente, rule, privacy, indicator, level,
                                       reference, nulmeting, year, ranks, taal)
        heads = None
    if geo.empty:
        return None
    return assemble_map.map_view(
        geo, legend, note, heads,
        in_filter(version, gemeente, rule, level, buurttype),
        catalogue_in(version, taal).loc[indicator], reference, year, selected, labels, signals,
        signal_layer, deck)


# The map component (issue 22): shapes once per level, texts once per indicator view, and per
# filter choice only the colour classes (dashboard/map_component/spec.py).
@_shared(max_entries=8, show_spinner=False)
def map_outline(version: Version, gemeente: str, level: str) -> tuple[pd.DataFrame, dict]:
    """The areas of a level that have a boundary (code, label point and bounds, in code order)
    and the map component's shapes of them, as the load stored them (data_loaders.map_shapes;
    what it did not store is encoded now). Shared: do not change."""
    return shape_store.read(_connection(version), gemeente, level, maps.LARGE_MAP)


def map_shapes(version: Version, gemeente: str, level: str) -> dict:
    """The shapes of a level as the map component takes them (map_outline; shared)."""
    return map_outline(version, gemeente, level)[1]


@_cache_resource(max_entries=32, show_spinner=False)
def map_layers(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    level: str, reference: str, nulmeting: int | None, year: int | None,
    buurttype: tuple[str, ...], selected: str | None, taal: str = "nl", labels: bool = False,
    signals: tuple[tuple[str, int, str], ...] | None = None, signal_layer: bool = False,
) -> dict | None:
    """What the map component gets for one view (None without boundaries); see map_view.
    `signals` add a line to the tooltips and, with `signal_layer`, a dot per area that has any."""
    from dashboard.map_component import spec as map_spec

    drawn = map_view(version, gemeente, rule, privacy, indicator, level, reference, nulmeting,
                     year, buurttype, None, taal, False, signals, deck=False)
    if drawn is None:
        return None
    shapes = map_shapes(version, gemeente, level)
    ranks = buurttype if reference in tables.SELECTION_REFERENCES else None
    return {
        "shapes_key": map_spec.key_of(version, gemeente, level), "shapes": shapes,
        "texts_key": map_spec.key_of(version, gemeente, rule, privacy, indicator, level,
                                     reference, nulmeting, year, ranks, taal, signals),
        "texts": map_texts(version, gemeente, rule, privacy, indicator, level, reference,
                           nulmeting, year, ranks, taal, signals),
        "paint": map_spec.paint(drawn["geo"], shapes["codes"], breaks=drawn["breaks"],
                                colours=drawn["colours"], selected=selected, labels=labels,
                                marks=signal_layer),
    }


@_cache_resource(max_entries=32, show_spinner=False)
def map_texts(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    level: str, reference: str, nulmeting: int | None, year: int | None,
    ranks: tuple[str, ...] | None, taal: str = "nl",
    signals: tuple[tuple[str, int, str], ...] | None = None,
) -> dict:
    """The tooltip texts of a map view (map_component.spec.texts of map_values, with the open
    signals), keyed as the browser stores them: built once per view, not again for each filter
    choice (nationally 10.000 areas). `ranks`: the filter where the reference ranks within it,
    else None. Shared: do not change."""
    from dashboard.map_component import spec as map_spec

    geo, _, note = map_values(version, gemeente, rule, privacy, indicator, level, reference,
                              nulmeting, year, ranks, taal)
    if signals is not None:
        geo = maps.with_signals(geo, signals)
    return map_spec.texts(geo, map_shapes(version, gemeente, level)["codes"], note)


@_shared(max_entries=64, show_spinner=False)
def in_filter(
    version: Version, gemeente: str, rule: str, level: str, buurttype: tuple[str, ...]
) -> pd.Series:
    """Which areas of a level fall inside the buurttype filter (see tables.in_filter)."""
    return assemble.in_filter(area_index(version, gemeente)[0],
                              latest_types(version, gemeente, rule), level, buurttype)


@_shared(max_entries=16, show_spinner=False)
def latest_types(version: Version, gemeente: str, rule: str) -> pd.DataFrame:
    """Each buurt's latest buurttype row (what the filter goes by), shared: do not change it.
    Picked by the database (nationally one row per buurt read instead of one per buurt and
    year: 0,7 s CPU of a cold overview)."""
    return _query(version, "app_latest_types", {"gemeente": gemeente, "rule": rule})


# The overview: what does not depend on the buurttype filter is computed once per gemeente, so a
# filter change only recomputes the selection's own averages (and those once per filter choice).
def _headline(version: Version) -> tuple[pd.DataFrame, tuple[str, ...]]:
    cat = catalogue(version).set_index("id", drop=False)
    return cat, build_time.headline_ids(cat)  # the indicators whose parts the load stores


@_cache_data(max_entries=32, show_spinner=False)
def selection_changes(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
    buurttype: tuple[str, ...], nulmeting: int | None,
) -> dict:
    """tables.selection_changes of the selection's headline values: the tested change under
    each overview figure, once per filter choice and nulmeting (about half of every overview
    rerun when computed on the page)."""
    values, _ = selection_values(version, gemeente, rule, privacy, buurttype)
    return tables.selection_changes(values, _headline(version)[0], nulmeting)


@_shared(max_entries=16, show_spinner=False)
def headline_rows(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """The overview's indicators' rows of every area of one gemeente (never the country: see
    selection_parts), shared: do not change it."""
    return _fetch(version, gemeente, _headline(version)[1], privacy)


UNLABELLED = build_time.UNLABELLED  # selection_parts' group of the buurten without a label


@_shared(max_entries=16, show_spinner=False)
def selection_parts(version: Version, gemeente: str, rule: str, privacy: settings.Privacy
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """aggregate.group_parts of the overview's indicators per buurttype (each buurt's latest
    type, which the filter goes by), made once: every filter choice is then a sum of a few rows
    (aggregate.union_mean) instead of a pass over its buurten's rows (nationally 20 s for a new
    choice). As stored by the load (data_loaders.aggregates.parts_together), else computed,
    nationally one indicator at a time. Shared: do not change."""
    found = build_time.stored_parts(_connection(version), gemeente, rule, privacy)
    if found is not None:
        return found
    cat, wanted = _headline(version)
    type_of = assemble.buurt_groups(areas(version, gemeente), latest_types(version, gemeente, rule),
                                    UNLABELLED)
    weights = population(version, gemeente, privacy)
    if gemeente != "NL":  # one gemeente's headline rows fit in memory: one pass
        return aggregate.group_parts(headline_rows(version, gemeente, privacy), weights,
                                     type_of, cat)
    return assemble.selection_parts(
        (obs for _, obs in _one_by_one(version, gemeente, privacy, wanted)), weights, type_of, cat)


@_cache_data(max_entries=32, show_spinner=False)
def selection_values(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
    buurttype: tuple[str, ...],
) -> tuple[pd.DataFrame, list[str]]:
    """The selection's population-weighted headline values per year (aggregate.weighted_mean of
    its buurten, from selection_parts), and its buurten."""
    inside = in_filter(version, gemeente, rule, "buurt", buurttype)  # cached, as the page asks
    parts, sources = selection_parts(version, gemeente, rule, privacy)
    return assemble.selection_values(inside, parts, sources, buurttype, UNLABELLED)


@_cache_data(max_entries=16, show_spinner=False)
def gemeente_values(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """The gemeente's headline figures per year (metrics.aggregate.gemeente_reference)."""
    cat, wanted = _headline(version)
    if stored(version, gemeente, privacy)[0]:
        return assemble.in_headline_order(
            build_time.stored_gemeente(_connection(version), gemeente, privacy), wanted)
    area_rows, weights = areas(version, gemeente), population(version, gemeente, privacy)
    return assemble.gemeente_values(
        (obs for _, obs in _one_by_one(version, gemeente, privacy, wanted)), area_rows, weights,
        cat)


@_cache_data(max_entries=16, show_spinner=False)
def early_warnings(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """Early warnings of every buurt in the latest year, with each value's source and marker
    (as stored by the load, else computed).

    Each buurt's warnings depend on its own values only, so the page filters these to the
    selection instead of recomputing them on every filter change.
    """
    if stored(version, gemeente, privacy)[0]:
        return build_time.stored_signals(_connection(version), gemeente, privacy, "verslechterd")
    return build_time.early_warnings(_fetcher(version, gemeente, privacy),
                                     catalogue_in(version), periods(version, gemeente))


@_cache_data(max_entries=16, show_spinner=False)
def improvements(version: Version, gemeente: str, privacy: settings.Privacy) -> pd.DataFrame:
    """Tested improvements of every buurt in the latest year (early_warning.improvements), with
    each value's source and marker: shown beside the warnings. Stored by the load."""
    if stored(version, gemeente, privacy)[0]:
        return build_time.stored_signals(_connection(version), gemeente, privacy, "verbeterd")
    return build_time.improvements(_fetcher(version, gemeente, privacy),
                                   catalogue_in(version), periods(version, gemeente))


# Trends: what does not depend on the buurttype filter is computed once per gemeente and
# indicator; a chosen area's rows under a reference once per area (trend_area), and every area
# of a level only where the reference ranks the area among them (trend_level, and per filter).
# A filter change then only picks rows. Shared frames: do not change in place.
@_shared(max_entries=16, show_spinner=False)
def trend_base(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str
) -> dict:
    """Buurt and wijk rows of one indicator (every area of the gemeente or the country: the wijk
    figures of all wijken, a second at national scale), the weights, the gemeente and buurttype
    averages. Only for what needs every area: ranking references, and a database without
    stored aggregates."""
    cat = catalogue(version).set_index("id", drop=False)
    # Read, not cached on its own: only the frames derived from it are kept.
    obs_all = _fetch(version, gemeente, tuple(dict.fromkeys([indicator, "inwoners"])), privacy)
    # The gemeente figure and buurttype averages as the load stored them, where it did.
    stored_refs = (reference_tables(version, gemeente, rule, privacy)
                   if stored(version, gemeente, privacy)[0] else None)
    return assemble_trends.trend_base(obs_all, areas(version, gemeente),
                                      buurttypes(version, gemeente, rule), cat, indicator,
                                      stored_refs)


@_shared(max_entries=32, show_spinner=False)
def trend_level(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    prefix: str, reference: str, nulmeting: int | None, buurttype: tuple[str, ...] | None,
    taal: str = "nl",
) -> tuple[pd.DataFrame, object]:
    """Every area of one level (code prefix BU or WK) under the reference, indexed by area code.

    `buurttype` (the filter) only for references that rank within it, else None.
    """
    base = trend_base(version, gemeente, rule, privacy, indicator)
    inside = in_filter(version, gemeente, rule, "buurt", buurttype or ())
    return assemble_trends.trend_level(base, inside, areas(version, gemeente),
                                       buurttypes(version, gemeente, rule),
                                       catalogue_in(version, taal), prefix, reference, nulmeting)


@_shared(max_entries=16, show_spinner=False)
def options(version: Version, gemeente: str, privacy: settings.Privacy) -> state.Options:
    """What the loaded data of one gemeente allows (state.Options), built once. Shared, frozen."""
    return state.Options(**assemble.option_fields(
        gemeenten(version), catalogue_in(version), periods(version, gemeente, privacy.real_only),
        [*spending(version, gemeente, privacy)["organisation"],
         *projects(version, gemeente, privacy)["organisation"]],
        rules(version, gemeente), area_index(version, gemeente)[1]))


@_shared(max_entries=16, show_spinner=False)
def area_choices(version: Version, gemeente: str) -> pd.DataFrame:
    """The buurten and wijken to pick from, wijken first, each by name (indexed by code).
    Shared: do not change it."""
    return assemble.area_choices(area_index(version, gemeente)[0])


# Plain values: _fresh hands the tuple out as it is and the dict of texts as a plain copy
# (about 2 ms nationally), so a caller that changes its labels changes nothing for the next.
@_shared(max_entries=16, show_spinner=False)
def area_codes(version: Version, gemeente: str) -> tuple[str, ...]:
    """The codes of area_choices in their order, as plain text (a picker's options)."""
    return tuple(area_choices(version, gemeente).index.tolist())


@_shared(max_entries=16, show_spinner=False)
def area_labels(version: Version, gemeente: str, wijk_template: str,
                buurt_template: str) -> dict[str, str]:
    """Selectbox text per buurt and wijk (tables.area_labels), once per gemeente and language."""
    return tables.area_labels(area_index(version, gemeente)[0], wijk_template, buurt_template)


@_shared(max_entries=64, show_spinner=False)
def area_header(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                code: str) -> profiles.Header:
    """Name, wijk, buurttype, inhabitants and latest year of one area (profiles.header)."""
    return profiles.header(area_scope(version, gemeente, rule, privacy, code), code,
                           area_types_now(version, gemeente, rule, code))


@_shared(max_entries=64, show_spinner=False)
def area_types_now(version: Version, gemeente: str, rule: str, code: str) -> pd.Series:
    """types_in(version, gemeente, rule, None) of this area and, for a wijk, its buurten: their
    type in the rule's latest year, from their own rows (area_types). Shared: do not change."""
    return assemble.types_now(*area_types(version, gemeente, rule,
                                          assemble.with_buurten(areas(version, gemeente), (code,))))


@_shared(max_entries=64, show_spinner=False)
def area_warnings(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                  code: str, taal: str = "nl") -> pd.DataFrame:
    """Early warnings of one area in its latest year (profiles.warnings_for)."""
    return profiles.warnings_for(area_scope(version, gemeente, rule, privacy, code, taal), code)


@_shared(max_entries=32, show_spinner=False)
def indicator_refs(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The gemeente figure and the buurttype averages (under the rule) of one indicator as the
    load stored them, or None when it stored none for this privacy. Straight from the stored
    tables: reference_tables reads every buurttype to see whether there are any (0,4 s of
    CPU nationally); the rules say so as well. Shared: do not change."""
    if not stored(version, gemeente, privacy)[0]:
        return None
    found, peers = build_time.stored_reference_tables(_connection(version), gemeente, rule,
                                                      privacy)
    return assemble.indicator_refs(found, peers, indicator,
                                   rule in set(rules(version, gemeente)["rule"]))


@_shared(max_entries=16, show_spinner=False)
def trend_refs(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str
) -> dict:
    """The gemeente figure and buurttype averages of one indicator ('gemeente', 'peers': as the
    load stored them, else trend_base's), and 'source': the source named on their lines, the
    most common of the indicator's rows (app_main_source). Reads no observations when stored."""
    found = indicator_refs(version, gemeente, rule, privacy, indicator)
    if found is not None:
        gemeente_rows, peer_rows = found
    else:
        base = trend_base(version, gemeente, rule, privacy, indicator)
        gemeente_rows, peer_rows = base["gemeente"], base["peers"]
    main = _query(version, "app_main_source", {"gemeente": gemeente, "indicator": indicator,
                                                "real_only": bool(privacy.real_only)})
    return {"gemeente": gemeente_rows, "peers": peer_rows,
            "source": str(main["source"].iloc[0]) if not main.empty else ""}


def _types_for(version: Version, gemeente: str, rule: str, reference: str) -> pd.DataFrame:
    """The buurttypes a reference reads (metrics.references.apply_reference, and the filter of
    tables.level_frame): every row for the difference with the buurttype (its type in each
    year), each buurt's latest for the references that rank within the filter (the filter
    goes by it), none for the others. Nationally reading every row costs 0,4 s of CPU."""
    if reference == "verschil_buurttype":
        return buurttypes(version, gemeente, rule)
    if reference in tables.SELECTION_REFERENCES:
        return latest_types(version, gemeente, rule)
    return pd.DataFrame(columns=["area_code", "period", "type", "basis_period", "rule",
                                 "rule_label", "source"])


@_shared(max_entries=32, show_spinner=False)
def trend_averages(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    reference: str, nulmeting: int | None, taal: str = "nl",
) -> tuple[dict[str, pd.DataFrame], object]:
    """The gemeente's line and each buurttype's average line under the reference.

    An average stands in for the gemeente as a whole (compared with the gemeente's figure);
    keyed 'gemeente' and per buurttype. The filter only chooses which lines are shown.
    """
    return assemble_trends.trend_averages(
        trend_refs(version, gemeente, rule, privacy, indicator), gemeente,
        areas(version, gemeente), _types_for(version, gemeente, rule, reference),
        catalogue_in(version, taal), reference, nulmeting)


OWN_ROW_REFERENCES = assemble_trends.OWN_ROW_REFERENCES


@_shared(max_entries=32, show_spinner=False)
def trend_areas(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, indicator: str,
    codes: tuple[str, ...], reference: str, nulmeting: int | None,
    buurttype: tuple[str, ...] | None, taal: str = "nl",
) -> tuple[dict[str, pd.DataFrame], object]:
    """The rows of each of these buurten and wijken under the reference, by period (their rows
    of trend_level), and the legend (None without codes).

    Where the reference does not rank an area among others and the load stored the
    references: read for these areas alone, in one read (a wijk: its own figure, else its
    buurten's average), and compared with the stored references. Else their rows of
    trend_level, which computes every area of the level. `buurttype` as trend_level's."""
    own_rows = (reference in OWN_ROW_REFERENCES and stored(version, gemeente, privacy)[0]
                and not (reference == "index_nulmeting" and nulmeting is None))
    out, legend = {}, None
    if not own_rows:
        for code in codes:
            level, legend = trend_level(version, gemeente, rule, privacy, indicator, code[:2],
                                        reference, nulmeting, buurttype, taal)
            found = level.loc[[code]] if code in level.index else level.iloc[0:0]
            out[code] = found.sort_values("period", kind="stable")
        return out, legend
    area_rows = areas(version, gemeente)
    obs = _fetch(version, gemeente, tuple(dict.fromkeys([indicator, "inwoners"])), privacy,
                 assemble_trends.own_rows_wanted(area_rows, codes)) if codes else pd.DataFrame()
    return assemble_trends.trend_areas(
        obs, codes, area_rows, catalogue_in(version, taal),
        trend_refs(version, gemeente, rule, privacy, indicator),
        _types_for(version, gemeente, rule, reference), indicator, reference, nulmeting)


@_shared(max_entries=32, show_spinner=False)
def types_in(version: Version, gemeente: str, rule: str, period: int | None) -> pd.Series:
    """Buurttype per buurt code in a year (the labels of the nearest labelled year, as
    tables.types_in picks them from buurttypes(); read so: app_buurttypes_in), shared: do not
    change it."""
    found = _query(version, "app_buurttypes_in", {
        "gemeente": gemeente, "rule": rule, "period": None if period is None else int(period)})
    return found.set_index("area_code")["type"] if not found.empty else pd.Series(dtype=str)


@_shared(max_entries=64, show_spinner=False)
def area_expected(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                  code: str, taal: str = "nl") -> tuple[pd.DataFrame, str | None]:
    """Expected against observed for one area (profiles.expected_rows), and the status score."""
    found, status_id, with_expected = stored(version, gemeente, privacy)
    if found and with_expected:  # this area's stored rows (nationally the whole set: 0,7 s)
        fits = build_time.stored_expected_of(_connection(version), gemeente, privacy, (code,))
    else:
        fits, status_id = expected_fits(version, gemeente, rule, privacy)
    return (assemble_profile.expected_rows(fits, code,
                                           area_scope(version, gemeente, rule, privacy, code,
                                                      taal)),
            status_id)


@_shared(max_entries=64, show_spinner=False)
def area_decomposition(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                       code: str, nulmeting: int | None) -> tuple[pd.DataFrame, object, object]:
    """Which Leefbaarometer dimensions moved one area's score (profiles.lbm_decomposition)."""
    return profiles.lbm_decomposition(area_scope(version, gemeente, rule, privacy, code),
                                      code, nulmeting)


@_shared(max_entries=64, show_spinner=False)
def profile_tables(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, code: str,
    nulmeting: int | None, taal: str, reference: str, buurttype: tuple[str, ...],
) -> tuple[tuple[profiles.ThemeTable, ...], pd.DataFrame]:
    """The profile's tables per theme (profiles.theme_tables), with the column of the sidebar's
    reference unless that is 'waarde', and all its indicators as one table to download.
    `buurttype` matters only for references that rank within the filter
    (tables.SELECTION_REFERENCES); pass () otherwise."""
    switch = (switched(version, gemeente, rule, privacy, code, reference, nulmeting, buurttype)
              if reference != "waarde" else None)
    rows = profile(version, gemeente, rule, privacy, code, nulmeting, taal)
    return profiles.theme_tables(
        rows, catalogue_in(version)["result"],
        area_header(version, gemeente, rule, privacy, code).latest_year, nulmeting, switch,
    ), profiles.profile_download(rows)


@_cache_data(max_entries=128, show_spinner=False)
def replayed_as(renderer: str, key: tuple, options: tuple, _frame: pd.DataFrame) -> None:
    """As `replayed`, for a frame that a resource hands out: `key` names its content (the
    resource's arguments and which of its tables), so the frame itself is not hashed."""
    getattr(drawn, renderer)(_frame, **dict(options))


@_cache_data(max_entries=64, show_spinner=False, hash_funcs=BY_CONTENT)
def replayed(renderer: str, frame: pd.DataFrame, options: tuple) -> None:
    """Draw a table or chart once per distinct data and options; later reruns replay the drawn
    element from the cache instead of formatting every cell or validating a chart again.

    `renderer` names a drawing function in dashboard.drawn (called with the frame and the
    options as keywords); it draws with plain st elements only, no widgets.
    """
    getattr(drawn, renderer)(frame, **dict(options))


# --- issue 24: signals beside the figures ---
@_cache_data(max_entries=32, show_spinner=False)
def signal_counts(url: str, gemeente: str | None, mark: int) -> pd.DataFrame:
    """werkdb.store.open_counts of a gemeente (None: of every gemeente), read again only when the
    store changed: `mark` is store.change_mark, one indexed number per rerun instead of every
    signal."""
    from werkdb import reads

    return reads.open_counts(url, gemeente)


@_cache_data(max_entries=32, show_spinner=False)
def signal_areas(version: Version, url: str, gemeente: str, mark: int, level: str) -> pd.DataFrame:
    """metrics.signals.open_per_area of those counts for the map's level (buurt or wijk)."""
    from metrics import signals

    return signals.open_per_area(signal_counts(url, None if gemeente == "NL" else gemeente, mark),
                                 area_index(version, gemeente)[0], level)


# --- issue 25: the corporation's pictures (spending per buurt against change and need) --------
def _corporation_indicators(version: Version) -> tuple[str, ...]:
    """What the Corporaties page reads whatever the chosen indicator: the inhabitants, the
    outcome headline indicators (the development table) and the status scores (the need)."""
    return assemble_corporation.corporation_indicators(catalogue_in(version))


# A resource: read once per organisation and privacy, shared by its frames and every picture (a
# choice of indicator, nulmeting or year reads at most that one indicator besides, a language
# none). Shared: do not change it.
@_shared(max_entries=16, show_spinner=False)
def corporation_base(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                     organisation: str) -> tuple[tables.Scope, pd.Series]:
    """The Corporaties page's scope of one organisation (catalogue in Dutch; _corporation_scope
    gives it in the page's language) and each buurt's buurttype in the rule's latest year
    (tables.types_in(types, None)).

    At national scale only the areas of the gemeenten the organisation spent in (the four digits
    after 'BU' or 'WK' of a CBS code name its gemeente), their buurttypes and their observations
    of _corporation_indicators: its buurten and their comparison. Every indicator of a national
    set at once would not fit the memory budget, and every buurttype of the country cost more
    than the rest of the page."""
    scope_areas = areas(version, gemeente)
    codes: tuple[str, ...] = ()
    if gemeente == "NL":
        scope_areas = assemble_corporation.national_areas(
            scope_areas, spending(version, gemeente, privacy), organisation)
        codes = assemble_corporation.area_codes(scope_areas)
        types, latest = area_types(version, gemeente, rule, codes)
        types_now = assemble_corporation.types_now(types, latest)
    else:
        types, types_now = buurttypes(version, gemeente, rule), types_in(version, gemeente, rule,
                                                                          None)
    return tables.Scope(
        obs=_fetch(version, gemeente, _corporation_indicators(version), privacy, codes),
        areas=scope_areas, types=types, catalogue=catalogue_in(version),
        sources=sources_by_key(version)), types_now


def _corporation_scope(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                       organisation: str, taal: str, indicator: str | None = None
                       ) -> tuple[tables.Scope, pd.Series]:
    """corporation_base with the catalogue in `taal` and the observations of `indicator`
    besides, when it has not got them."""
    scope, types_now = corporation_base(version, gemeente, rule, privacy, organisation)
    scope = dataclasses.replace(scope, catalogue=catalogue_in(version, taal))
    if indicator is None or indicator in _corporation_indicators(version):
        return scope, types_now
    codes = assemble_corporation.area_codes(scope.areas) if gemeente == "NL" else ()
    extra = _fetch(version, gemeente, (indicator,), privacy, codes)
    return dataclasses.replace(scope, obs=assemble.stacked([scope.obs, extra])), types_now


# A resource: the picture, its map deck and tables are handed out without a copy; keyed on the
# privacy (what this user may see), so no user's amounts reach another through the cache.
@_cache_resource(max_entries=32, show_spinner=False)
def spending_picture(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, organisation: str,
    indicator: str, nulmeting: int | None, jaar: int | None, taal: str = "nl",
) -> object:
    """One organisation's spending per buurt beside change and need (spending_views.build; None
    when it spent nothing in the period)."""
    from dashboard import spending_views

    scope, types_now = _corporation_scope(version, gemeente, rule, privacy, organisation, taal,
                                          indicator)
    return spending_views.build(scope, spending(version, gemeente, privacy),
                                projects(version, gemeente, privacy), organisation, indicator,
                                nulmeting, jaar, types_now)


@_cache_resource(max_entries=16, show_spinner=False)
def spending_map_rows(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, organisation: str,
    indicator: str, nulmeting: int | None, jaar: int | None, taal: str = "nl",
) -> tuple[object, pd.DataFrame, list[str]] | None:
    """The spending map's areas with tooltip texts and the start of each feature's JSON: what
    the buurttype filter does not change (a filter change only recolours). The buurten of the
    picture only (at national scale: the gemeenten the organisation spent in), with coarser
    coordinates above maps.LARGE_MAP areas. None without a picture or boundaries."""
    pic = spending_picture(version, gemeente, rule, privacy, organisation, indicator, nulmeting,
                           jaar, taal)
    geo = geometries(version, gemeente, "buurt")
    if pic is None or geo.empty:
        return None
    return assemble_corporation.spending_map_rows(pic, geo, taal)


@_cache_resource(max_entries=32, show_spinner=False)
def spending_map(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, organisation: str,
    indicator: str, nulmeting: int | None, jaar: int | None, buurttype: tuple[str, ...],
    taal: str = "nl",
) -> tuple[object, list] | None:
    """The spending map's deck (its JSON written once) and legend for one buurttype filter."""
    made = spending_map_rows(version, gemeente, rule, privacy, organisation, indicator,
                             nulmeting, jaar, taal)
    if made is None:
        return None
    pic, rows, heads = made
    return assemble_corporation.spending_map(
        pic, rows, heads, corporation_base(version, gemeente, rule, privacy, organisation)[0],
        buurttype, taal)


@_cache_data(max_entries=16, show_spinner=False)
def organisation_briefing(
    version: Version, privacy: settings.Privacy, brief: briefing.Brief, today: dt.date
) -> briefing.Briefing:
    """briefing_content with the spending pictures of brief.organisatie, from only the
    spending this privacy allows (keyed on it)."""
    scope = _scope(version, brief.gemeente, brief.regel, privacy, brief.taal)
    return briefing.build(scope, geometries(version, brief.gemeente, "buurt"), brief,
                          today, goal_frame=goals(version, brief.gemeente, privacy),
                          project_frame=projects(version, brief.gemeente, privacy),
                          spend_frame=spending(version, brief.gemeente, privacy))


@_cache_data(max_entries=16, show_spinner=False)
def organisation_briefing_pdf(
    version: Version, privacy: settings.Privacy, brief: briefing.Brief, today: dt.date
) -> bytes:
    return briefing.to_pdf(organisation_briefing(version, privacy, brief, today))


@_cache_resource(max_entries=32, show_spinner=False)
def corporation_frames(version: Version, gemeente: str, rule: str, privacy: settings.Privacy,
                       organisation: str, taal: str = "nl") -> dict:
    """corporations.page_frames of one organisation, for what this privacy may see. Shared: do
    not change."""
    from dashboard import corporations

    scope, types_now = _corporation_scope(version, gemeente, rule, privacy, organisation, taal)
    return corporations.page_frames(scope, spending(version, gemeente, privacy),
                                    projects(version, gemeente, privacy), organisation, types_now)


@_cache_resource(max_entries=128, show_spinner=False)
def chart_spec(key: tuple, _build) -> dict:
    """The Vega-Lite spec of the Altair chart `_build()` makes (charts.dutch applied), made once
    per `key`, which names everything the chart depends on: building and validating a spec
    costs tens of milliseconds on every rerun otherwise."""
    from dashboard import charts

    return charts.dutch(_build()).to_dict()


@_cache_resource(max_entries=32, show_spinner=False)
def spending_tables(
    version: Version, gemeente: str, rule: str, privacy: settings.Privacy, organisation: str,
    indicator: str, nulmeting: int | None, jaar: int | None, taal: str = "nl",
) -> dict:
    """The three pictures' tables (spending_views.map_table, change_table, need_table) for one
    view, made once. Shared: do not change."""
    pic = spending_picture(version, gemeente, rule, privacy, organisation, indicator, nulmeting,
                           jaar, taal)
    if pic is None:
        return {}
    return assemble_corporation.spending_tables(pic, catalogue_in(version, taal), indicator)
