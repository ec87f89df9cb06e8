"""What a page asks the context for: each question answered by one cached function of data.py.

The context (dashboard.context.Context) inherits these. A page says what it wants to see
(`ctx.map_view(labels)`, `ctx.area_header(code)`); the database version, the gemeente, the
buurttype rule, the privacy and the language are added here, from the context itself, so no
page builds a cache key and an argument added to a cached function is added in one place.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import data


class Asks:
    """Mixin for Context: needs its version, view and privacy."""

    # --- areas to pick ---
    def area_codes(self) -> tuple[str, ...]:
        """The buurt and wijk codes to pick from (wijken first, by name), as plain text."""
        return data.area_codes(self.version, self.view.gemeente)

    def area_labels(self, wijk_template: str, buurt_template: str) -> dict[str, str]:
        return data.area_labels(self.version, self.view.gemeente, wijk_template, buurt_template)

    def catalogue_nl(self) -> pd.DataFrame:
        """The catalogue with its Dutch names (to map stored Dutch sentences to the language)."""
        return data.catalogue_in(self.version)

    def loads(self) -> pd.DataFrame:
        return data.loads(self.version)

    def table_key(self, name: str, *parts: object) -> tuple:
        """The name of a shared table's content, for a replayed table or its downloads: `name`
        and the page's own parts, plus everything of the context the table depends on."""
        v = self.view
        return (name, self.version, v.gemeente, v.regel, self.privacy, v.taal, *parts)

    # --- the overview ---
    def selection_values(self, buurttype: tuple[str, ...]) -> tuple[pd.DataFrame, list[str]]:
        """The headline figures of the buurten of these buurttypes, and those buurten."""
        v = self.view
        return data.selection_values(self.version, v.gemeente, v.regel, self.privacy, buurttype)

    def selection_changes(self, buurttype: tuple[str, ...]) -> dict:
        """The tested change of each headline figure of this selection since the nulmeting."""
        v = self.view
        return data.selection_changes(self.version, v.gemeente, v.regel, self.privacy, buurttype,
                                      v.nulmeting)

    def gemeente_values(self) -> pd.DataFrame:
        return data.gemeente_values(self.version, self.view.gemeente, self.privacy)

    def in_filter(self, level: str) -> pd.Series:
        """Which areas of a level fall inside the buurttype filter (area code -> bool)."""
        v = self.view
        return data.in_filter(self.version, v.gemeente, v.regel, level, v.buurttype)

    def early_warnings(self) -> pd.DataFrame:
        return data.early_warnings(self.version, self.view.gemeente, self.privacy)

    def improvements(self) -> pd.DataFrame:
        return data.improvements(self.version, self.view.gemeente, self.privacy)

    # --- one area ---
    def area_header(self, code: str):
        v = self.view
        return data.area_header(self.version, v.gemeente, v.regel, self.privacy, code)

    def area_types_now(self, code: str) -> pd.Series:
        """The buurttype of this area (a wijk: of its buurten) in the rule's latest year."""
        v = self.view
        return data.area_types_now(self.version, v.gemeente, v.regel, code)

    def area_warnings(self, code: str) -> pd.DataFrame:
        v = self.view
        return data.area_warnings(self.version, v.gemeente, v.regel, self.privacy, code, v.taal)

    def area_expected(self, code: str) -> tuple[pd.DataFrame, str | None]:
        v = self.view
        return data.area_expected(self.version, v.gemeente, v.regel, self.privacy, code, v.taal)

    def area_decomposition(self, code: str):
        v = self.view
        return data.area_decomposition(self.version, v.gemeente, v.regel, self.privacy, code,
                                       v.nulmeting)

    def profile_tables(self, code: str, buurttype: tuple[str, ...]):
        """The profile's tables per theme under the sidebar's reference, and its download.
        `buurttype`: the filter where the reference ranks within it, else ()."""
        v = self.view
        return data.profile_tables(self.version, v.gemeente, v.regel, self.privacy, code,
                                   v.nulmeting, v.taal, v.referentie, tuple(buurttype))

    # --- the map and the trends ---
    def map_view(self, signals: tuple | None = None) -> dict | None:
        """What the map page shows beside the map for the current view: legend, classes, table
        (None without boundaries). `signals`: open signals per area (signals.map_marks)."""
        v = self.view
        return data.map_view(self.version, v.gemeente, v.regel, self.privacy, v.indicator,
                             v.niveau, v.referentie, v.nulmeting, v.jaar, v.buurttype, None,
                             v.taal, False, signals, deck=False)

    def map_layers(self, labels: bool, signals: tuple | None = None,
                   signal_layer: bool = False) -> dict | None:
        """What the map component draws for the current view (shapes, texts, paint)."""
        v = self.view
        return data.map_layers(self.version, v.gemeente, v.regel, self.privacy, v.indicator,
                               v.niveau, v.referentie, v.nulmeting, v.jaar, v.buurttype, v.buurt,
                               v.taal, labels, signals, signal_layer)

    def trend_averages(self):
        v = self.view
        return data.trend_averages(self.version, v.gemeente, v.regel, self.privacy, v.indicator,
                                   v.referentie, v.nulmeting, v.taal)

    def trend_level(self, prefix: str, buurttype: tuple[str, ...] | None):
        """Every area of one level (BU or WK) under the reference; `buurttype` only where the
        reference ranks within the filter, else None."""
        v = self.view
        return data.trend_level(self.version, v.gemeente, v.regel, self.privacy, v.indicator,
                                prefix, v.referentie, v.nulmeting, buurttype, v.taal)

    def trend_areas(self, buurttype: tuple[str, ...] | None):
        """The chosen buurten's and wijken's rows under the reference, per code, and the
        legend; `buurttype` only where the reference ranks within the filter, else None."""
        v = self.view
        return data.trend_areas(self.version, v.gemeente, v.regel, self.privacy, v.indicator,
                                tuple(v.gebieden), v.referentie, v.nulmeting, buurttype, v.taal)

    def trend_rows(self) -> pd.DataFrame:
        """The chosen indicator's rows of every buurt and wijk."""
        v = self.view
        return data.trend_base(self.version, v.gemeente, v.regel, self.privacy,
                               v.indicator)["ind"]

    # --- the briefing ---
    def briefing_content(self, brief, today: dt.date, signals: tuple | None = None):
        """`signals`: the open and followed-up signal counts this user may see (or None)."""
        return data.briefing_content(self.version, self.privacy, brief, today, signals)

    def briefing_pdf(self, brief, today: dt.date,
                     signals: tuple | None = None) -> bytes:
        return data.briefing_pdf(self.version, self.privacy, brief, today, signals)

    # --- the corporation's page ---
    def corporation_frames(self, organisation: str) -> dict:
        """The Corporaties page's frames of one organisation (what this user may see)."""
        v = self.view
        return data.corporation_frames(self.version, v.gemeente, v.regel, self.privacy,
                                       organisation, v.taal)

    def chart_spec(self, key: tuple, build) -> dict:
        """The Vega-Lite spec of the chart `build()` makes, once per `key` (made with
        table_key, which names everything of the context the chart depends on)."""
        return data.chart_spec(key, build)

    # --- the corporation's pictures (spending per buurt against change and need) ---
    def _spending_args(self, organisation: str) -> tuple:
        v = self.view
        return (self.version, v.gemeente, v.regel, self.privacy, organisation, v.indicator,
                v.nulmeting, v.jaar)

    def spending_picture(self, organisation: str):
        """One organisation's spending per buurt beside change and need (None: none seen)."""
        return data.spending_picture(*self._spending_args(organisation), self.view.taal)

    def spending_tables(self, organisation: str) -> dict:
        return data.spending_tables(*self._spending_args(organisation), self.view.taal)

    def spending_map(self, organisation: str):
        """The spending map's deck and legend under the current buurttype filter."""
        return data.spending_map(*self._spending_args(organisation), self.view.buurttype,
                                 self.view.taal)

    def spending_key(self, organisation: str, name: str) -> tuple:
        """The name of a table or chart of the corporation's pictures (see table_key)."""
        v = self.view
        return self.table_key(name, organisation, v.indicator, v.nulmeting, v.jaar)

    def organisation_briefing_pdf(self, brief, today: dt.date) -> bytes:
        return data.organisation_briefing_pdf(self.version, self.privacy, brief, today)

    # --- signals ---
    def signal_areas(self, url: str, mark: int, level: str) -> pd.DataFrame:
        """Open signals per area of a level, read again only when the store changed (`mark`)."""
        return data.signal_areas(self.version, url, self.view.gemeente, mark, level)
