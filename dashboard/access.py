"""Who is looking: login through the organisation's identity provider (st.login, OpenID Connect)
and what the user may see and change, as data_loaders.access decides it.

The only module besides app.py that reads st.user or calls st.login / st.logout. Without an [auth]
section in .streamlit/secrets.toml the app runs in local single-user mode and says so.
"""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from dashboard import state
from data_loaders import access, settings

ERROR_KEY = "rollenfout"


def login_configured() -> bool:
    """Whether .streamlit/secrets.toml has an [auth] section (then st.login is used)."""
    try:
        return bool(st.secrets.get("auth"))
    except FileNotFoundError:  # no secrets file at all (StreamlitSecretNotFoundError)
        return False


def _expired(claims: dict) -> bool:
    # The ID token's expiry: Streamlit keeps its login cookie longer than many providers'
    # tokens are valid, and a session must end when the provider says it does.
    expiry = claims.get("exp")
    return isinstance(expiry, int | float) and expiry < time.time()


def current_user() -> tuple[access.User, str | None]:
    """The user of this session and, if their login cannot be used, a Dutch message why."""
    if not login_configured():
        return access.local_user(), None
    if not st.user.is_logged_in:
        return access.anonymous_user(), None
    claims = st.user.to_dict()
    if _expired(claims):
        return access.anonymous_user(), state.t(
            "Uw inlog is verlopen. Log opnieuw in om meer te zien dan de openbare gegevens.")
    try:
        role_map = access.load_role_map()
    except access.RoleMapError as exc:
        return access.anonymous_user(), state.t(
            "Uw rollen konden niet worden gelezen, dus u ziet alleen de openbare gegevens. "
            "Vraag de beheerder het rollenbestand te herstellen: {fout}", fout=str(exc))
    return access.logged_in_user(claims, role_map), None


def login_required() -> bool:
    """Whether the role mapping file asks every visitor to log in first."""
    try:
        return login_configured() and access.load_role_map().login_required
    except access.RoleMapError:
        return True  # a broken file must not open an instance that asked for login


def gate(user: access.User, problem: str | None) -> None:
    """Stop the run with a login screen when login is required and the user is not logged in."""
    if user.logged_in or not login_required():
        return
    t = state.t
    st.title(t("Buurtmonitor"))
    if problem:
        st.warning(problem, icon=":material/lock_clock:")
    st.info(t("Log in met het account van uw organisatie om de buurtmonitor te gebruiken. Lukte "
              "het inloggen niet of werd het geweigerd? Probeer het opnieuw; blijft het mislukken, "
              "vraag dan de beheerder van de buurtmonitor om toegang."), icon=":material/login:")
    st.button(t("Inloggen"), type="primary", icon=":material/login:", on_click=st.login)
    st.stop()


def sidebar(user: access.User, problem: str | None) -> None:
    """Who is logged in, with the logout button; or the login button; or the local-mode note."""
    t = state.t
    with st.sidebar:
        if problem:
            st.warning(problem, icon=":material/lock_clock:")
        if user.local:
            st.info(t(
                "Geen inlog ingesteld: de app draait in lokale modus voor één gebruiker, die "
                "gegevens mag laden. Vertrouwelijke gegevens (uitgaven) ziet die gebruiker alleen "
                "als de app is gestart met BUURTMONITOR_TOON_VERTROUWELIJK=1; nu: {stand}. Zie de "
                "README voor inloggen met het account van uw organisatie.",
                stand=t("zichtbaar") if settings.privacy().show_confidential else t("verborgen"),
            ), icon=":material/person:")
        elif user.logged_in:
            st.caption(t("Ingelogd als {naam}. Rollen: {rollen}.", naam=user.name,
                         rollen=", ".join(sorted(user.roles))))
            st.button(t("Uitloggen"), icon=":material/logout:", on_click=st.logout)
        else:
            st.caption(t("Niet ingelogd: u ziet de openbare gegevens. Log in voor de "
                         "vertrouwelijke gegevens van uw organisatie. Werd het inloggen geweigerd "
                         "of is het verlopen? Probeer het opnieuw of vraag de beheerder om "
                         "toegang."))
            st.button(t("Inloggen"), icon=":material/login:", on_click=st.login)


def role_overview(organisations: tuple[str, ...]) -> None:
    """For a beheerder: the role mapping in use and the key of each organisation for its role."""
    t = state.t
    st.subheader(t("Rollen"))
    if not login_configured():
        st.caption(t("Er is geen inlog ingesteld, dus er gelden geen rollen (lokale modus)."))
        return
    path = access.role_file()
    try:
        role_map = access.load_role_map(path)
    except access.RoleMapError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    st.caption(t("Rollenbestand: {pad} ({stand}). Groepsclaim: {claim}. Wie nergens voorkomt, "
                 "krijgt: {standaard}.", pad=str(path),
                 stand=t("gevonden") if path.is_file() else t("ontbreekt"),
                 claim=role_map.group_claim, standaard=", ".join(role_map.default_roles) or "–"))
    rows = [(t("gebruiker"), who, ", ".join(roles)) for who, roles in role_map.users.items()]
    rows += [(t("groep"), who, ", ".join(roles)) for who, roles in role_map.groups.items()]
    if rows:
        st.dataframe(pd.DataFrame(rows, columns=[t("Soort"), t("Wie"), t("Rollen")]),
                     hide_index=True)
    if organisations:
        st.dataframe(pd.DataFrame({t("Organisatie"): organisations,
                                   t("Rol"): [access.ORGANISATIE + access.organisation_key(o)
                                              for o in organisations]}), hide_index=True)
