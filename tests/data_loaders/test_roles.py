"""The role rules: roles from the provider's claims and the role mapping file, turned into rights
that the queries enforce (no streamlit needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_loaders import access, db, settings

ROOT = Path(__file__).resolve().parents[2]
ROLE_FILE = """
[gebruikers]
"W.Jansen@Woonstichting.example" = ["organisatie:woonstichting-voorbeeld-fictief"]
"beheer@gemeente.example" = ["beheerder", "gemeente:GM0202"]

[groepen]
"Medewerkers Demohuis" = ["organisatie:corporatie-demohuis-fictief"]

[instellingen]
groepsclaim = "groups"
"""


def test_an_organisation_key_is_its_name_in_lower_case_with_dashes() -> None:
    assert access.organisation_key("Woonstichting Voorbeeld (fictief)") == (
        "woonstichting-voorbeeld-fictief")
    assert access.organisation_key("Gemeente (fictief demobudget)") == "gemeente-fictief-demobudget"


def test_the_queries_compute_the_same_organisation_key_as_python(demo_db: Path) -> None:
    con = db.connect(demo_db)
    try:
        found = con.execute(
            "SELECT DISTINCT organisation, "
            "trim(regexp_replace(lower(organisation), '[^a-z0-9]+', '-', 'g'), '-') AS key "
            "FROM (SELECT organisation FROM spending UNION SELECT organisation FROM projects "
            "UNION SELECT organisation FROM goals)").fetchall()
    finally:
        con.close()
    assert len(found) == 3
    for name, key in found:
        assert key == access.organisation_key(name), name
    # The expression in the query files is the one checked here.
    for name in ("app_spending", "app_projects", "app_goals"):
        assert "trim(regexp_replace(lower(" in db.sql_text(name)


def test_a_user_in_the_mapping_file_gets_the_roles_it_names_whatever_the_case_of_the_email() -> None:
    roles = access.roles_for({"email": "w.jansen@woonstichting.example", "sub": "x1"},
                             access.parse_role_map(ROLE_FILE))
    assert roles == {"organisatie:woonstichting-voorbeeld-fictief"}


def test_a_group_of_the_provider_gives_the_roles_of_that_group() -> None:
    roles = access.roles_for({"email": "a@demohuis.example", "groups": ["Medewerkers Demohuis"]},
                             access.parse_role_map(ROLE_FILE))
    assert roles == {"organisatie:corporatie-demohuis-fictief"}


def test_a_group_named_like_a_role_is_that_role_unless_the_file_turns_that_off() -> None:
    claims = {"email": "b@gemeente.example", "groups": ["beheerder", "gemeente:GM0202", "Iedereen"]}
    assert access.roles_for(claims, access.RoleMap()) == {"beheerder", "gemeente:GM0202"}
    off = access.parse_role_map("[instellingen]\nrollen_uit_groepen = false\n")
    assert access.roles_for(claims, off) == {"lezer"}


def test_a_user_without_any_role_is_a_lezer_who_sees_nothing_confidential() -> None:
    user = access.logged_in_user({"email": "iemand@example.org", "sub": "y"}, access.RoleMap())
    assert user.roles == {"lezer"} and user.name == "iemand@example.org"
    rights = access.privacy_for(user, settings.Privacy(show_confidential=True))
    assert not rights.sees_confidential and not user.beheerder


def test_an_unknown_role_in_the_mapping_file_is_refused_in_dutch_naming_it() -> None:
    with pytest.raises(access.RoleMapError, match="onbekende rol 'admin'.*gemeente:GM0202"):
        access.parse_role_map('[groepen]\n"ICT" = ["admin"]\n')
    with pytest.raises(access.RoleMapError, match="onbekende rol 'gemeente:Arnhem'"):
        access.parse_role_map('[gebruikers]\n"a@b.nl" = "gemeente:Arnhem"\n')
    with pytest.raises(access.RoleMapError, match="geen geldige TOML"):
        access.parse_role_map('[gebruikers\n')


def test_without_a_mapping_file_every_logged_in_user_is_a_lezer(tmp_path: Path) -> None:
    role_map = access.load_role_map(tmp_path / "bestaat-niet.toml")
    assert role_map.default_roles == ("lezer",) and not role_map.login_required


def test_the_example_mapping_file_is_valid_and_names_each_kind_of_role() -> None:
    role_map = access.parse_role_map(
        (ROOT / ".streamlit" / "rollen.toml.example").read_text(encoding="utf-8"))
    roles = {r for found in [*role_map.users.values(), *role_map.groups.values()] for r in found}
    assert "beheerder" in roles and "lezer" in roles
    assert any(r.startswith("organisatie:") for r in roles)
    assert any(r.startswith("gemeente:") for r in roles)


def test_rights_are_the_organisations_and_gemeenten_of_the_roles() -> None:
    user = access.User(name="x", roles=frozenset(
        {"organisatie:corporatie-demohuis-fictief", "gemeente:GM0344", "beheerder"}),
        logged_in=True)
    rights = access.privacy_for(user, settings.Privacy(min_respondents=40))
    assert rights.organisations == {"corporatie-demohuis-fictief"}
    assert rights.gemeenten == {"GM0344"}
    assert rights.min_respondents == 40 and not rights.show_confidential
    assert user.beheerder


def test_only_the_local_user_keeps_the_setting_that_shows_all_confidential_data() -> None:
    everything = settings.Privacy(show_confidential=True)
    local = access.local_user()
    assert local.local and local.beheerder
    assert access.privacy_for(local, everything).show_confidential
    assert not access.privacy_for(local, settings.Privacy()).show_confidential
    visitor = access.anonymous_user()
    assert not access.privacy_for(visitor, everything).sees_confidential


def test_different_rights_make_different_cache_keys() -> None:
    # Every cached read takes the Privacy as an argument: equal rights share, others do not.
    one = access.privacy_for(access.User("a", frozenset({"organisatie:a"}), True), settings.Privacy())
    same = access.privacy_for(access.User("b", frozenset({"organisatie:a"}), True), settings.Privacy())
    other = access.privacy_for(access.User("c", frozenset({"organisatie:b"}), True),
                               settings.Privacy())
    assert one == same and hash(one) == hash(same)
    assert one != other
