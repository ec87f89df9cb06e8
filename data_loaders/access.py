"""Who may see and change what: roles from the identity provider's claims and the role mapping
file, turned into rights (settings.Privacy for what a user may read, `beheerder` for loading).

Pure: no streamlit, no database. dashboard/access.py reads the logged-in user and asks this
module what that user may do; the queries enforce it (data_loaders/sql/queries/app_*.sql).
"""

from __future__ import annotations

import dataclasses
import getpass
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from data_loaders import settings

LEZER = "lezer"
BEHEERDER = "beheerder"
ORGANISATIE = "organisatie:"
GEMEENTE = "gemeente:"
GEMEENTE_CODE = re.compile(r"GM\d{4}")
DEFAULT_ROLE_FILE = settings.PROJECT_ROOT / ".streamlit" / "rollen.toml"


class RoleMapError(ValueError):
    """The role mapping file cannot be used; the message says in Dutch what to fix."""


def role_file() -> Path:
    """The role mapping file: BUURTMONITOR_ROLLEN if set, else .streamlit/rollen.toml."""
    return Path(os.environ.get("BUURTMONITOR_ROLLEN") or DEFAULT_ROLE_FILE)


def organisation_key(name: str) -> str:
    """The key of an organisation in roles (organisatie:<key>): its name in lower case, every run
    of other characters than a-z and 0-9 one '-', no '-' at either end. The queries compute the
    same key in SQL: 'Woonstichting Voorbeeld (fictief)' -> 'woonstichting-voorbeeld-fictief'."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def valid_role(role: str) -> bool:
    """lezer, beheerder, organisatie:<key> (a key as organisation_key makes it) or
    gemeente:<CBS code> (GM and four digits)."""
    if role in (LEZER, BEHEERDER):
        return True
    if role.startswith(ORGANISATIE):
        key = role[len(ORGANISATIE):]
        return bool(key) and organisation_key(key) == key
    if role.startswith(GEMEENTE):
        return bool(GEMEENTE_CODE.fullmatch(role[len(GEMEENTE):]))
    return False


@dataclass(frozen=True)
class RoleMap:
    """The role mapping file: roles per user (e-mail or subject) and per group of the provider."""

    users: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # lower-case keys
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    group_claim: str = "groups"
    # A group named like a role (beheerder, organisatie:..., gemeente:GM....) is that role.
    roles_from_groups: bool = True
    default_roles: tuple[str, ...] = (LEZER,)
    login_required: bool = False


def _roles(where: str, value: object) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RoleMapError(f"Rollenbestand, {where}: geef een rol of een lijst van rollen, "
                           'bijvoorbeeld ["lezer"] of ["organisatie:woonstichting-voorbeeld"].')
    bad = [v for v in values if not valid_role(v.strip())]
    if bad:
        raise RoleMapError(
            f"Rollenbestand, {where}: onbekende rol {bad[0]!r}. Geldig zijn: lezer, beheerder, "
            "organisatie:<sleutel> (kleine letters, cijfers en '-') en gemeente:<code> "
            "(bijvoorbeeld gemeente:GM0202).")
    return tuple(v.strip() for v in values)


def parse_role_map(text: str) -> RoleMap:
    """A RoleMap from the TOML text of a role mapping file (see .streamlit/rollen.toml.example)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RoleMapError(f"Het rollenbestand is geen geldige TOML: {exc}.") from exc
    unknown = set(raw) - {"gebruikers", "groepen", "instellingen"}
    if unknown:
        raise RoleMapError(f"Rollenbestand: onbekende sectie [{sorted(unknown)[0]}]; gebruik "
                           "[gebruikers], [groepen] en [instellingen].")
    options = raw.get("instellingen", {})
    users = {str(k).strip().lower(): _roles(f"gebruiker {k!r}", v)
             for k, v in raw.get("gebruikers", {}).items()}
    groups = {str(k): _roles(f"groep {k!r}", v) for k, v in raw.get("groepen", {}).items()}
    default = options.get("standaardrollen", [LEZER])
    return RoleMap(
        users=users, groups=groups,
        group_claim=str(options.get("groepsclaim", "groups")),
        roles_from_groups=bool(options.get("rollen_uit_groepen", True)),
        default_roles=_roles("standaardrollen", default) if default else (),
        login_required=bool(options.get("inloggen_verplicht", False)),
    )


def load_role_map(path: Path | None = None) -> RoleMap:
    """The role mapping file; without one, every logged-in user is a lezer (and roles come only
    from the groups claim)."""
    path = path or role_file()
    if not path.is_file():
        return RoleMap()
    return parse_role_map(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class User:
    """Who is looking and what they may do. `name` is what the load log records."""

    name: str
    roles: frozenset[str]
    logged_in: bool = False
    local: bool = False  # no login configured: the single local user

    @property
    def beheerder(self) -> bool:
        return BEHEERDER in self.roles

    @property
    def organisations(self) -> frozenset[str]:
        return frozenset(r[len(ORGANISATIE):] for r in self.roles if r.startswith(ORGANISATIE))

    @property
    def gemeenten(self) -> frozenset[str]:
        return frozenset(r[len(GEMEENTE):] for r in self.roles if r.startswith(GEMEENTE))


def _claim_values(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, Mapping):
        return [str(v) for v in value]
    return []


def roles_for(claims: Mapping[str, object], role_map: RoleMap) -> frozenset[str]:
    """The roles of a logged-in user with these ID-token claims: from the mapping file by e-mail
    (or subject), by each group in the groups claim, and groups named like a role. A user with no
    role at all gets the default roles (lezer, unless the file says otherwise)."""
    found: set[str] = set()
    for key in ("email", "sub", "preferred_username"):
        value = claims.get(key)
        if isinstance(value, str) and value.strip().lower() in role_map.users:
            found.update(role_map.users[value.strip().lower()])
    for group in _claim_values(claims.get(role_map.group_claim)):
        found.update(role_map.groups.get(group, ()))
        if role_map.roles_from_groups and valid_role(group):
            found.add(group)
    return frozenset(found or role_map.default_roles)


def logged_in_user(claims: Mapping[str, object], role_map: RoleMap) -> User:
    name = next((str(claims[k]) for k in ("email", "preferred_username", "name", "sub")
                 if claims.get(k)), "onbekend")
    return User(name=name, roles=roles_for(claims, role_map), logged_in=True)


def anonymous_user() -> User:
    """A visitor who has not logged in (login configured): what is not confidential."""
    return User(name="", roles=frozenset({LEZER}))


def os_user() -> str:
    """The operating-system account, recorded for loads from the command line."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in a bare container
        return "onbekend"


def local_user() -> User:
    """The single user when no login is configured: loads data as today (beheerder) and sees
    confidential data only when BUURTMONITOR_TOON_VERTROUWELIJK=1 (privacy.show_confidential)."""
    return User(name=f"lokaal ({os_user()})", roles=frozenset({LEZER, BEHEERDER}), local=True)


def privacy_for(user: User, base: settings.Privacy) -> settings.Privacy:
    """The privacy every query of this user's session reads: the base thresholds with the user's
    rights. Only the local user keeps base.show_confidential; a logged-in user's rights come from
    their roles alone, so the environment variable never opens confidential data to everyone."""
    return dataclasses.replace(
        base,
        show_confidential=base.show_confidential if user.local else False,
        organisations=user.organisations,
        gemeenten=user.gemeenten,
    )
