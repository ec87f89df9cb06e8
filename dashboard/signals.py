"""Signalen on screen: labels, the list as a table, the profile's panel and the import of a file.

The rules and the store live in werkdb (no streamlit there); the Signalen page
(views/signalen.py) lays out the forms. Nothing here caches: the store's reads are indexed and cheap.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from dashboard import components, data, state
from data_loaders import access
from data_loaders.batch import LoadError
from metrics import signals as signal_counts
from werkdb import reads, rules

if TYPE_CHECKING:
    from werkdb import store
# werkdb.store (and with it SQLAlchemy, about 0,2 s of imports) is imported where the store is
# written: pages that only show signals read them through werkdb.reads (sqlite3).

THEMES = {
    "leefbaarheid": "Leefbaarheid", "veiligheid": "Veiligheid",
    "contact": "Contact (sociale samenhang)", "participatie": "Participatie", "anders": "Anders",
}
SOURCE_KINDS = {
    "bewoner": "Bewoner", "corporatie": "Woningcorporatie", "zorg": "Zorg (huisarts, wijkverpleging)",
    "politie": "Politie (wijkagent)", "welzijn": "Welzijn en opbouwwerk", "school": "School",
    "gemeente": "Gemeente", "anders": "Anders",
}
URGENCIES = {"laag": "Laag", "middel": "Middel", "hoog": "Hoog"}
STEPS = {"nieuw": "Nieuw", "besproken": "Besproken", "in onderzoek": "In onderzoek",
         "afgerond": "Afgerond"}
DECISIONS = {"project": "Project", "doorverwezen": "Doorverwezen", "geen actie": "Geen actie"}
RECENT_DAYS = 90  # the profile shows closed signals this long after their last step
PROFILE_ROWS = 20  # the profile lists the newest; the Signalen page has them all
# The history names the store's fields; people read them in Dutch.
FIELDS = {
    "area_code": "gebied", "gemeente_code": "gemeente", "signal_date": "datum", "theme": "thema",
    "source_kind": "soort bron", "description": "omschrijving", "urgency": "urgentie",
    "step": "stap", "step_date": "datum van de stap", "responsible": "verantwoordelijke",
    "decision": "besluit", "reason": "reden", "project_id": "project",
    "archived_at": "gearchiveerd op", "bestand": "bestand",
}
SOURCE_LINE = "Bron: eigen registratie van signalen in de Buurtmonitor"


def open_store() -> store.Store | None:
    """The signal store, or None after showing why it cannot be opened (and what to do)."""
    from werkdb import store

    try:
        return store.open_store()
    except store.StoreError as exc:
        st.error(str(exc), icon=":material/error:")
        return None


def author(user: access.User) -> tuple[str, str]:
    """Who writes and how that is known: (name, mode). Mode 'login': the logged-in user, whose
    name is not asked (nor can it be changed); 'local': no login configured, the name typed once
    per session ('' until then); 'anonymous': login configured but not logged in, who may read
    the signals but not write them."""
    if user.logged_in:
        return rules.LoginName(user.name), "login"
    if user.local:
        return state.author(), "local"
    return "", "anonymous"


def may_see(user: access.User) -> bool:
    """Whether this user sees signals (and their counts) at all: whoever may write them, the local
    user or a logged-in one; a visitor who has not logged in where login is configured does not.
    Downloading the list follows the stricter rule of confidential data (see the page)."""
    return user.local or user.logged_in


def counts(ctx: object) -> pd.DataFrame | None:
    """Open and followed-up signals per area and theme of the gemeente (store.open_counts); None
    when this user may not see them or the store cannot be read (the figures go on without)."""
    found = _mark(ctx)
    if found is None:
        return None
    gemeente = ctx.view.gemeente
    return data.signal_counts(found[0], None if gemeente == "NL" else gemeente, found[1])


def _mark(ctx: object) -> tuple[str, int] | None:
    """(store URL, store.change_mark): what the cached counts are keyed on; None when this user
    sees no signals or the store cannot be read."""
    if not may_see(ctx.user):
        return None
    try:
        url = reads.store_url()
        return url, reads.change_mark(url)
    except reads.StoreError:
        return None


def count_rows(ctx: object) -> tuple[tuple[str, str, int, int], ...] | None:
    """counts(ctx) as hashable rows (area_code, theme, open, afgerond), for a cached briefing."""
    found = counts(ctx)
    if found is None:
        return None
    return tuple((str(a), str(th), int(o), int(f)) for a, th, o, f in found.itertuples(index=False))


def theme_names(themes: tuple[str, ...]) -> str:
    """'veiligheid, contact': the themes' names in lower case, without their explanation in
    brackets (a tooltip line stays short)."""
    return ", ".join(state.t(THEMES.get(theme, theme)).split(" (")[0].lower() for theme in themes)


def map_marks(ctx: object, level: str) -> tuple[tuple[str, int, str], ...] | None:
    """Per area of the map's level with open signals: (code, number, the tooltip's line); None
    when this user sees no signals. Hashable: the map is cached on it."""
    found = _mark(ctx)
    if found is None:
        return None
    per_area = ctx.signal_areas(found[0], found[1], level)
    return tuple(
        (code, int(n), state.t("Open signalen: {n} ({themas})", n=int(n),
                               themas=theme_names(themes)))
        for code, n, themes in per_area[["area_code", "open", "themes"]].itertuples(index=False))


def overview_panel(ctx: object, warnings: pd.DataFrame) -> None:
    """For the overview: buurten where early warnings (`warnings`: data.early_warnings of the
    selection) and open signals point at the same theme; nothing for a user who sees no signals."""
    found = counts(ctx)
    if found is None:
        return
    t = state.t
    st.markdown(f"**{t('Cijfers en signalen wijzen naar dezelfde buurt')}**")
    both = signal_counts.warnings_with_signals(warnings, ctx.catalogue, found, ctx.areas)
    if both.empty:
        st.caption(t("Geen buurt in de selectie heeft zowel vroegsignalering als open signalen op "
                     "hetzelfde thema."))
        return
    names = ctx.catalogue["name"]
    shown = pd.DataFrame({
        t("Buurt"): both["area_code"].map(ctx.areas["name"]).tolist(),
        t("Thema"): [t(THEMES.get(v, v)) for v in both["theme"]],
        t("Open signalen"): both["open"].astype(int).tolist(),
        t("Vroegsignalering"): [", ".join(str(names.get(i, i)) for i in ids)
                                for ids in both["indicators"]],
    })
    st.caption(t("Waar de cijfers verslechteren en bewoners of professionals iets signaleren over "
                 "hetzelfde thema: daar eerst kijken. Open signalen van de buurt en van haar wijk "
                 "als geheel. {bron}, stand {datum}.", bron=t(SOURCE_LINE),
                 datum=f"{dt.date.today():%d-%m-%Y}"))
    components.dataframe(shown)
    state.link_to("views/signalen.py", t("Naar de signalen"), icon=":material/campaign:")


def project_origins(ctx: object, bands: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The trend chart's project bands with, in their tooltip, the signals that started each
    project; and those signals (the newest first) for the list under the chart. Unchanged bands
    and no signals for a user who sees none."""
    if bands.empty or "project_id" not in bands.columns or not may_see(ctx.user):
        return bands, pd.DataFrame(columns=reads.SIGNAL_COLUMNS)
    try:
        linked = reads.signals(reads.store_url(), ctx.view.gemeente if ctx.view.gemeente != "NL"
                               else None, projects=set(bands["project_id"].dropna()))
    except reads.StoreError:
        return bands, pd.DataFrame(columns=reads.SIGNAL_COLUMNS)
    if linked.empty:
        return bands, linked
    t = state.t
    numbers = linked.sort_values("id").groupby("project_id")["id"].agg(
        lambda ids: ", ".join(str(int(i)) for i in ids))
    started = bands["project_id"].map(numbers)
    text = bands["tekst"].where(started.isna(), bands["tekst"] + " · " + started.map(
        lambda n: t("na signaal {nrs}", nrs=n) if "," not in str(n)
        else t("na signalen {nrs}", nrs=n)))
    return bands.assign(tekst=text), linked


def origins_table(frame: pd.DataFrame, labels: dict[str, str],
                  projects: dict[str, str]) -> pd.DataFrame:
    """The signals that started projects, for the list under a trend chart."""
    t = state.t
    return pd.DataFrame({
        t("Project"): [f"{p} · {projects.get(p, '')}".rstrip(" ·") for p in frame["project_id"]],
        t("Nr."): frame["id"].astype(int).tolist(),
        t("Datum"): [f"{d:%d-%m-%Y}" for d in frame["signal_date"]],
        t("Gebied"): [labels.get(c, c) for c in frame["area_code"]],
        t("Thema"): [t(THEMES[v]) for v in frame["theme"]],
        t("Bron"): [t(SOURCE_KINDS[v]) for v in frame["source_kind"]],
        t("Omschrijving"): frame["description"].tolist(),
        t("Stap"): [t(STEPS[v]) for v in frame["step"]],
    })


def table(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The signals as a table with Dutch column names (in the session's language)."""
    t = state.t
    return pd.DataFrame({
        t("Nr."): frame["id"].astype(int),
        t("Datum"): [f"{d:%d-%m-%Y}" for d in frame["signal_date"]],
        t("Gebied"): [labels.get(c, c) for c in frame["area_code"]],
        t("Omschrijving"): frame["description"].tolist(),
        t("Thema"): [t(THEMES[v]) for v in frame["theme"]],
        t("Bron"): [t(SOURCE_KINDS[v]) for v in frame["source_kind"]],
        t("Urgentie"): [t(URGENCIES[v]) for v in frame["urgency"]],
        t("Stap"): [t(STEPS[v]) for v in frame["step"]],
        t("Sinds"): [f"{d:%d-%m-%Y}" for d in frame["step_date"]],
        t("Verantwoordelijke"): frame["responsible"].fillna("–").tolist(),
        t("Besluit"): [t(DECISIONS[v]) if isinstance(v, str) else "–" for v in frame["decision"]],
        t("Project"): frame["project_id"].fillna("–").tolist(),
    })


def history_table(frame: pd.DataFrame) -> pd.DataFrame:
    t = state.t
    return pd.DataFrame({
        t("Versie"): frame["version"].astype(int),
        t("Wanneer (UTC)"): [f"{w:%d-%m-%Y %H:%M}" for w in pd.to_datetime(frame["changed_at"])],
        t("Door"): frame["changed_by"].tolist(),
        t("Wat"): frame["action"].tolist(),
        t("Wijzigingen"): ["; ".join(f"{FIELDS.get(k, k)}: {_shown(old)} → {_shown(new)}"
                                     for k, (old, new) in changes.items())
                           for changes in frame["changes"]],
    })


def _shown(value: object) -> str:
    return "–" if value in (None, "") else str(value)[:80]


def profile_panel(ctx: object, related: list[str]) -> None:
    """Open and recent signals of an area (a wijk: also of its buurten), for the buurtprofiel."""
    t = state.t
    if not may_see(ctx.user):
        return
    st.subheader(t("Signalen uit de buurt"))
    try:
        frame = reads.signals(reads.store_url(), ctx.view.gemeente, areas=related)
    except reads.StoreError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    since = dt.date.today() - dt.timedelta(days=RECENT_DAYS)
    shown = frame[(frame["step"] != "afgerond") | (frame["step_date"] >= since)]
    if shown.empty:
        st.caption(t("Geen open of recente signalen voor dit gebied."))
    else:
        st.caption(t("{open} open en {recent} recent afgeronde signalen van bewoners en "
                     "professionals. {bron}, stand {datum}.",
                     open=int((shown["step"] != "afgerond").sum()),
                     recent=int((shown["step"] == "afgerond").sum()), bron=t(SOURCE_LINE),
                     datum=f"{dt.date.today():%d-%m-%Y}"))
        if len(shown) > PROFILE_ROWS:
            st.caption(t("De {n} nieuwste staan hieronder; alle op de pagina Signalen.",
                         n=PROFILE_ROWS))
        components.dataframe(table(shown.head(PROFILE_ROWS), ctx.area_choices()[1]))
    state.link_to("views/signalen.py", t("Signaal vastleggen of opvolgen"),
                  icon=":material/campaign:")


def import_file(opened: store.Store, name: str, content: bytes, who: str,
                known_areas: set[str], known_projects: set[str]) -> tuple[int, str]:
    """Import an uploaded template (all or nothing): (number imported, '' or the Dutch error)."""
    from werkdb import importer, store

    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name)[:120] or "signalen.csv"
    with tempfile.TemporaryDirectory(prefix="buurtmonitor-signalen-") as folder:
        path = Path(folder) / safe
        path.write_bytes(content)
        try:
            ids = importer.load(opened, path, who, known_areas=known_areas,
                                known_projects=known_projects)
        except (LoadError, rules.SignalRefused, store.StoreError) as exc:
            return 0, str(exc)
    return len(ids), ""
