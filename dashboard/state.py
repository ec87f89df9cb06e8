"""The URL is the state: the only module that reads or writes st.query_params and st.session_state.

Query parameters are parsed into a frozen View with defaults; values that do not exist in the data
fall back to defaults with a Dutch notice. Widgets are bound to View fields through `bind`, whose
callbacks write the new value back into the URL, so a copied address reopens the same view.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

import streamlit as st

from dashboard import i18n

BUURTTYPES = ("achterstand", "midden", "voorstand")
LEVELS = ("buurt", "wijk")
THEMES = ("leefbaarheid", "veiligheid", "contact", "participatie", "context")
LANGUAGES = ("nl", "en")
MAX_COMPARE = 5


@dataclass(frozen=True)
class Options:
    """What the loaded data allows; used to validate a View."""

    gemeenten: tuple[str, ...]
    indicators: Mapping[str, str]  # indicator id -> theme
    periods: Mapping[str, tuple[int, ...]]  # indicator id -> years with data
    rules: tuple[str, ...]
    areas: frozenset[str]
    references: tuple[str, ...]
    default_gemeente: str
    default_indicator: str = "lbm_score"
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class View:
    """Everything a user chose. Field names are the query parameter names."""

    gemeente: str = ""
    buurttype: tuple[str, ...] = BUURTTYPES
    regel: str = ""
    thema: str = "leefbaarheid"
    indicator: str = ""
    jaar: int | None = None
    nulmeting: int | None = None
    niveau: str = "buurt"
    referentie: str = "waarde"
    gebieden: tuple[str, ...] = ()
    buurt: str = ""
    organisatie: str = ""
    taal: str = "nl"
    echt: bool = False  # "Alleen echte cijfers": hide every generated value
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_params(self) -> dict[str, str]:
        """The query string: only fields that differ from an empty View, in a stable order."""
        out: dict[str, str] = {}
        for f in dataclasses.fields(self):
            if f.name == "notices":
                continue
            value = getattr(self, f.name)
            if value in (None, "", ()) or value is False:
                continue
            out[f.name] = ",".join(value) if isinstance(value, tuple) else _text(value)
        return out


def _text(value: object) -> str:
    return "ja" if value is True else str(value)


def _first(raw: object) -> str:
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else ""
    return str(raw or "").strip()


def _as_list(raw: object) -> list[str]:
    text = _first(raw)
    return [part.strip() for part in text.split(",") if part.strip()]


def _as_year(raw: object) -> int | None:
    text = _first(raw)
    return int(text) if text.isdigit() and len(text) == 4 else None


class Notice(str):
    """A notice about the address: its Dutch text, with the template and values it was made of
    (notice()), so the page can say it in its own language (i18n.translate_notice). parse makes
    notices before the language is known. A plain str as far as anything else goes (copies and
    pickles too)."""

    template: str = ""
    values: dict[str, object] = {}  # noqa: RUF012 - replaced per notice, never changed


def notice(template: str, **values: object) -> Notice:
    made = Notice(template.format(**values))
    made.template, made.values = template, values
    return made


# The notices' templates (i18n.EN has them in English).
UNKNOWN_VALUE = ("De waarde '{waarde}' voor '{naam}' bestaat niet; de standaardwaarde "
                 "({standaard}) wordt getoond.")
UNKNOWN_AREAS = ("Niet alle gekozen gebieden bestaan in deze gemeente (of het waren er meer dan "
                 "{n}); de overige worden getoond.")


def parse(params: Mapping[str, object], options: Options) -> View:
    """Turn raw query parameters into a valid View; invalid values fall back with a notice."""
    notices: list[str] = []

    def fallback(name: str, raw: object, default: object, shown: str | None = None) -> object:
        if _first(raw):
            notices.append(notice(UNKNOWN_VALUE, waarde=_first(raw)[:40], naam=name,
                                  standaard=shown if shown is not None else default))
        return default

    gemeente = _first(params.get("gemeente"))
    if gemeente not in options.gemeenten:
        gemeente = str(fallback("gemeente", gemeente, options.default_gemeente))

    types = _as_list(params.get("buurttype"))
    if "buurttype" in params:
        valid = tuple(t for t in BUURTTYPES if t in types)
        if len(valid) != len(types) or not valid:
            fallback("buurttype", params.get("buurttype"), None, "alle buurttypen")
            valid = valid or BUURTTYPES
    else:
        valid = BUURTTYPES

    rules = options.rules
    regel = _first(params.get("regel"))
    if regel not in rules:
        regel = str(fallback("regel", regel, rules[0] if rules else ""))

    indicator = _first(params.get("indicator"))
    if indicator not in options.indicators:
        indicator = str(fallback("indicator", indicator, options.default_indicator))
    thema = _first(params.get("thema"))
    if thema not in THEMES:
        thema = str(fallback("thema", thema, options.indicators.get(indicator, THEMES[0])))
    if options.indicators.get(indicator) != thema:
        # A theme switch without an indicator of that theme: take the theme's first indicator.
        in_theme = [i for i, t in options.indicators.items() if t == thema]
        indicator = in_theme[0] if in_theme else indicator

    years = options.periods.get(indicator, ())
    jaar = _as_year(params.get("jaar"))
    if jaar not in years:
        default_year = years[-1] if years else None
        if jaar is not None or _first(params.get("jaar")):
            fallback("jaar", params.get("jaar"), default_year)
        jaar = default_year
    nulmeting = _as_year(params.get("nulmeting"))
    if nulmeting not in years or (jaar is not None and nulmeting is not None and nulmeting > jaar):
        default_base = years[0] if years else None
        if _first(params.get("nulmeting")):
            fallback("nulmeting", params.get("nulmeting"), default_base)
        nulmeting = default_base

    niveau = _first(params.get("niveau")) or "buurt"
    if niveau not in LEVELS:
        niveau = str(fallback("niveau", niveau, "buurt"))
    referentie = _first(params.get("referentie")) or "waarde"
    if referentie not in options.references:
        referentie = str(fallback("referentie", referentie, "waarde"))

    gebieden_raw = _as_list(params.get("gebieden"))
    gebieden = tuple(dict.fromkeys(c for c in gebieden_raw if c in options.areas))[:MAX_COMPARE]
    if len(gebieden) != len(gebieden_raw):
        notices.append(notice(UNKNOWN_AREAS, n=MAX_COMPARE))
    buurt = _first(params.get("buurt"))
    if buurt and buurt not in options.areas:
        buurt = str(fallback("buurt", buurt, "", "geen"))
    organisatie = _first(params.get("organisatie"))
    first_organisation = options.organisations[0] if options.organisations else ""
    if organisatie not in options.organisations:
        organisatie = str(fallback("organisatie", organisatie, first_organisation))
    taal = _first(params.get("taal")) or "nl"
    if taal not in LANGUAGES:
        taal = str(fallback("taal", taal, "nl"))
    echt = _first(params.get("echt"))
    if echt not in ("", "ja"):
        fallback("echt", echt, False, "alle cijfers")


    return View(
        gemeente=gemeente,
        buurttype=valid,
        regel=regel,
        thema=thema,
        indicator=indicator,
        jaar=jaar,
        nulmeting=nulmeting,
        niveau=niveau,
        referentie=referentie,
        gebieden=gebieden,
        buurt=buurt,
        organisatie=organisatie,
        taal=taal,
        echt=echt == "ja",
        notices=tuple(notices),
    )


# --- Streamlit binding -----------------------------------------------------------------------

_VIEW_KEY = "_view"


def current_view(options: Options) -> View:
    """Parse the URL once per rerun, write back the normalised parameters, remember the View."""
    params = st.query_params.to_dict()
    remembered = st.session_state.get(_VIEW_KEY)
    if not params and remembered is not None:
        # Switching pages clears the address; carry the session's last view over to the new page.
        params = remembered.to_params()
    view = parse(params, options)
    wanted = view.to_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[_VIEW_KEY] = view
    _sync_widgets(view)
    return view


def _widget_key(name: str) -> str:
    return f"w_{name}"


def _sync_widgets(view: View) -> None:
    """Keep widget state equal to the URL, so a pasted or edited address wins over stale widgets."""
    for f in dataclasses.fields(view):
        if f.name == "notices":
            continue
        key = _widget_key(f.name)
        value = getattr(view, f.name)
        # An empty choice shows the widget's placeholder rather than an invalid option.
        st.session_state[key] = _shown(value)


def bind(name: str) -> dict[str, object]:
    """Keyword arguments that bind a widget to a View field: key and an on_change writing the URL.

    On a page with a filter part (a fragment, see set_part), a choice that leaves every other
    widget of the sidebar as it is reruns only that fragment: not the navigation and the sidebar
    again, which doubled the messages of a filter change (issue 22). A widget the fragment draws
    itself (niveau, buurttype: filters.draw_types) reruns it without this: its change starts
    the fragment's run, not a full run that the callback has to replace with a second one.
    """
    key = _widget_key(name)

    def write() -> None:
        set_param(name, st.session_state.get(key))
        part = st.session_state.get(_PART_KEY)
        if part and name in PART_FIELDS and _sidebar_unchanged():
            st.rerun(part)  # from a callback: replaces this interaction's full rerun

    return {"key": key, "on_change": write}


# Choices of the main run's sidebar that may rerun a page's filter part alone; the rest (gemeente,
# taal, echt, regel, thema) change what other widgets offer and always rerun the page. Niveau and
# buurttype are drawn by the filter part itself there (filters.draw_types).
PART_FIELDS = ("indicator", "jaar", "nulmeting", "referentie")
_PART_KEY = "_part"


def set_part(key: str | None) -> None:
    """The key of this page's filter fragment (None on a page without one); app.py, per run."""
    st.session_state[_PART_KEY] = key


def _sidebar_unchanged() -> bool:
    """Whether the sidebar drawn before this choice still shows the view the new address makes:
    no notice, every filter widget showing its parsed value, and the same indicators and years
    to choose from. Otherwise (e.g. an indicator with other years) the page reruns whole and
    draws the sidebar again."""
    ctx = context()
    old = ctx.view
    new = parse(st.query_params.to_dict(), ctx.options)
    if new.notices or (new.thema, new.regel) != (old.thema, old.regel):
        return False
    periods = ctx.options.periods
    if periods.get(new.indicator, ()) != periods.get(old.indicator, ()):
        return False
    return all(_shown(getattr(new, f)) == st.session_state.get(_widget_key(f))
               for f in PART_FIELDS)


def _shown(value: object) -> object:
    """A View field as its widget holds it (the form _sync_widgets writes)."""
    return list(value) if isinstance(value, tuple) else (None if value == "" else value)


def set_param(name: str, value: object) -> None:
    """Write one field to the URL (lists comma-joined; None or empty removes it)."""
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    if value in (None, "") or value is False:
        if name in st.query_params:
            del st.query_params[name]
        return
    st.query_params[name] = _text(value)


def update(**changes: object) -> None:
    """Change several fields at once (e.g. a map click selects a buurt and opens its profile)."""
    for name, value in changes.items():
        set_param(name, value)


def go_to(page: str, **changes: object) -> None:
    """Open another page with this view plus `changes` in its address (e.g. a map click)."""
    params = dict(st.session_state[_VIEW_KEY].to_params()) if _VIEW_KEY in st.session_state else {}
    for name, value in changes.items():
        if isinstance(value, list | tuple):
            value = ",".join(str(v) for v in value)
        if value in (None, ""):
            params.pop(name, None)
        else:
            params[name] = str(value)
    st.switch_page(page, query_params=params)


def link_to(page: str, label: str, *, icon: str | None = None, **changes: object) -> None:
    """A link to another page that carries this view (plus `changes`) in its address."""
    params = dict(st.session_state[_VIEW_KEY].to_params()) if _VIEW_KEY in st.session_state else {}
    for name, value in changes.items():
        if value in (None, "", ()):
            params.pop(name, None)  # e.g. the overview's briefing is about no single buurt
        else:
            params[name] = ",".join(value) if isinstance(value, list | tuple) else str(value)
    st.page_link(page, label=label, icon=icon, query_params=params)


def page_url() -> str:
    """The address of the current page without its query string ('' when unknown, e.g. tests)."""
    try:
        return str(st.context.url or "").split("?")[0]
    except Exception:  # noqa: BLE001 - no browser context (AppTest): a relative link will do
        return ""


def share_link(view: View, base: str = "") -> str:
    """The address that reproduces this view (relative when no base is known)."""
    return f"{base}?{urlencode(view.to_params())}"


def language() -> str:
    """The session's language: the view's, or the address's before the view is parsed."""
    view = st.session_state.get(_VIEW_KEY)
    taal = view.taal if view is not None else raw_param("taal")
    return taal if taal in i18n.LANGUAGES else "nl"


def t(text: str, **values: object) -> str:
    """`text` in the session's language (see dashboard.i18n), with `values` filled in."""
    return i18n.translate(text, language(), **values)


def raw_param(name: str) -> str:
    """One query parameter as typed, before validation (the gemeente decides what else is valid)."""
    if not st.query_params and st.session_state.get(_VIEW_KEY) is not None:
        return _first(st.session_state[_VIEW_KEY].to_params().get(name))
    return _first(st.query_params.get(name))


_CONTEXT_KEY = "_context"
_SLOTS_KEY = "_slots"


def set_context(ctx: object) -> None:
    """Hand this rerun's Context to the pages (per session, so sessions never share it)."""
    st.session_state[_CONTEXT_KEY] = ctx


def context():  # -> dashboard.context.Context (not imported here to avoid a cycle)
    return st.session_state[_CONTEXT_KEY]


def describes_url(view: View) -> bool:
    """Whether the address still holds `view`: False once a choice changed it, in a fragment's
    rerun (a full rerun parses the address again and writes back the normalised view)."""
    return st.query_params.to_dict() == view.to_params()


def set_slot(name: str, container: object) -> None:
    """Hand a container of the main run (e.g. a place in the sidebar) to this session's page,
    which fills it from its fragment, in this run and in the fragment's own reruns."""
    st.session_state.setdefault(_SLOTS_KEY, {})[name] = container


def slot(name: str):  # -> a Streamlit container
    return st.session_state[_SLOTS_KEY][name]


# Signalen: who writes (in local mode a name typed once per session) and which version of a
# signal this session opened, so an edit on a version someone else changed since is refused.
_AUTHOR_KEY = "_signal_author"


def author(name: str | None = None) -> str:
    """The name this session writes signals under; `name` sets it (stripped)."""
    if name is not None:
        st.session_state[_AUTHOR_KEY] = name.strip()
    return str(st.session_state.get(_AUTHOR_KEY, ""))


def seen_version(signal_id: int, current: int, *, forget: bool = False) -> int:
    """The version of a signal as this session first saw it (forget=True after a save)."""
    key = f"_signal_seen_{signal_id}"
    if forget:
        st.session_state.pop(key, None)
        return current
    return int(st.session_state.setdefault(key, current))


# What this session's browser already holds (the map component's shapes and texts) and which
# of its messages were handled: each name answers True once per session.
_ONCE_KEY = "_once"


def once(name: str) -> bool:
    """True the first time this session asks about `name`, False every time after."""
    seen = st.session_state.setdefault(_ONCE_KEY, set())
    if name in seen:
        return False
    seen.add(name)
    return True


def widget_value(key: str) -> object:
    """The last value a keyed widget or component sent (None before it sent any)."""
    return st.session_state.get(key)
