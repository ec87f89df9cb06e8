"""What every page needs for one rerun: the View from the URL plus the cached frames it selects.

Built once per rerun by app.py (through data.py and state.py) and handed to pages via
state.context(). Holds no business logic beyond looking things up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from dashboard import data, i18n, state, tables
from dashboard.asks import Asks
from dashboard.tables import THEME_LABELS, TYPE_LABELS, TYPE_PLURAL  # noqa: F401  (for pages)
from data_loaders import access, settings
from metrics import selection


@dataclass(frozen=True)
class Context(Asks):
    version: data.Version
    view: state.View
    options: state.Options
    catalogue: pd.DataFrame  # indexed by indicator id
    sources: pd.DataFrame  # indexed by source key
    areas: pd.DataFrame  # indexed by code
    rules: pd.DataFrame
    privacy: settings.Privacy  # thresholds and what this user may see (data_loaders.access)
    gemeente_names: dict[str, str]
    user: access.User

    @property
    def indicator(self) -> pd.Series:
        return self.catalogue.loc[self.view.indicator]

    @property
    def gemeente_name(self) -> str:
        return str(self.areas.loc[self.view.gemeente, "name"])

    def scope(self) -> tables.Scope:
        """Every indicator of the gemeente (for pages that show all of them)."""
        v = self.view
        return data._scope(self.version, v.gemeente, v.regel, self.privacy, v.taal)

    def area_scope(self, code: str) -> tables.Scope:
        """The scope with only this area's rows (and, for a wijk, its buurten's)."""
        v = self.view
        return data.area_scope(self.version, v.gemeente, v.regel, self.privacy, code, v.taal)

    def area_choices(self) -> tuple[pd.DataFrame, dict[str, str]]:
        """The buurten and wijken to pick from (wijken first, by name) and their labels."""
        return (data.area_choices(self.version, self.view.gemeente),
                data.area_labels(self.version, self.view.gemeente, state.t("{naam} (wijk)"),
                                 state.t("{naam} (buurt in {wijk})")))

    def profile(self, code: str) -> pd.DataFrame:
        v = self.view
        return data.profile(
            self.version, v.gemeente, v.regel, self.privacy, code, v.nulmeting, v.taal
        )

    def comparison(self, codes: tuple[str, ...]) -> pd.DataFrame:
        v = self.view
        return data.comparison(
            self.version, v.gemeente, v.regel, self.privacy, tuple(codes), v.taal
        )

    def spending(self) -> pd.DataFrame:
        """Spending the app may show (none of a confidential source unless configured)."""
        return data.spending(self.version, self.view.gemeente, self.privacy)

    def projects(self) -> pd.DataFrame:
        return data.projects(self.version, self.view.gemeente, self.privacy)

    def goals(self) -> pd.DataFrame:
        return data.goals(self.version, self.view.gemeente, self.privacy)

    def types_in(self, period: int | None) -> pd.Series:
        """Buurttype per buurt code in a year (the nearest labelled year if that one is missing)."""
        return data.types_in(self.version, self.view.gemeente, self.view.regel, period)

    def rule_caption(self) -> str:
        """Which rule and which year made the labels, for wherever the filter shows."""
        return data.rule_caption(self.version, self.view.gemeente, self.view.regel,
                                 self.view.taal)

    def source_line(self, source_key: str) -> str:
        if source_key in self.sources.index:
            row = self.sources.loc[source_key]
            return i18n.translate_source(str(row["attribution"]), self.view.taal)
        return source_key


def current() -> Context:
    """This rerun's Context. In a fragment's rerun after a choice changed the address, built
    again from the address (the main run's Context describes the view before the choice)."""
    ctx = state.context()
    if state.describes_url(ctx.view):
        return ctx
    ctx = build(ctx.user)
    state.set_context(ctx)
    return ctx


def build(user: access.User) -> Context:
    """Read the URL and the cached frames for this rerun (raises db.DatabaseError on trouble)."""
    version = data.database_version()
    gemeenten = data.gemeenten(version)
    if gemeenten.empty:
        raise data.db.DatabaseError(
            "De database bevat nog geen gemeente met buurten. Laad gegevens op de pagina "
            "'Over de data' of bouw de demo met 'make db'."
        )
    names = data.gemeente_names(version)
    raw_gemeente = state.raw_param("gemeente")
    gemeente = raw_gemeente if raw_gemeente in names else selection.most_data(gemeenten)
    rules = data.rules(version, gemeente)
    areas, _ = data.area_index(version, gemeente)
    # "Alleen echte cijfers" is read before the view is parsed: it decides which indicators exist.
    privacy = replace(access.privacy_for(user, settings.privacy()),
                      real_only=state.raw_param("echt") == "ja")
    options = data.options(version, gemeente, privacy)
    view = state.current_view(options)
    return Context(
        version=version,
        view=view,
        options=options,
        catalogue=data.catalogue_in(version, view.taal),  # CBS's English names for 'en'
        sources=data.sources_by_key(version),
        areas=areas,
        rules=rules,
        privacy=privacy,
        gemeente_names=names,
        user=user,
    )
