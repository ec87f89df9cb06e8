"""The signal store, the same tests on SQLite and on PostgreSQL: create, follow up, link to a
project, archive, history, two sessions on one signal, privacy refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from werkdb import store
from werkdb.rules import SignalRefused

TODAY = dt.date(2026, 12, 1)
SIGNAL = {
    "area_code": "BU02020100", "signal_date": "2026-11-02", "theme": "leefbaarheid",
    "source_kind": "corporatie", "urgency": "middel",
    "description": "Meer klachten over zwerfvuil rond de containers aan de rand van het park",
}
PROJECTS = {"P-001", "P-002"}


def _new(signal_store: store.Store, **changes: object) -> int:
    return store.create(signal_store, {**SIGNAL, **changes}, "Fatima (wijkteam)", today=TODAY)


def _closed(signal_store: store.Store, step_date: str = "2026-11-20", **closing: object) -> dict:
    signal_id = _new(signal_store)
    store.follow_up(signal_store, signal_id, 1, "Fatima", step="besproken",
                    step_date="2026-11-05", responsible="kerngroep", today=TODAY)
    return store.follow_up(
        signal_store, signal_id, 2, "Fatima", step="afgerond", step_date=step_date,
        responsible="kerngroep", decision=closing.get("decision", "geen actie"),
        reason="Eenmalig; de corporatie heeft opgeruimd",
        project_id=closing.get("project_id"), known_projects=PROJECTS, today=TODAY)


def test_a_new_signal_is_stored_as_nieuw_with_who_recorded_it(signal_store) -> None:
    signal = store.get(signal_store, _new(signal_store))
    assert (signal["step"], signal["version"], signal["gemeente_code"]) == ("nieuw", 1, "GM0202")
    assert signal["signal_date"] == dt.date(2026, 11, 2)
    assert signal["created_by"] == "Fatima (wijkteam)"
    listed = store.signals(signal_store, "GM0202")
    assert listed["description"].tolist() == [SIGNAL["description"]]
    assert store.signals(signal_store, "GM0344").empty


def test_a_signal_is_followed_through_its_steps_with_date_responsible_decision_and_reason(
        signal_store) -> None:
    signal_id = _new(signal_store)
    store.follow_up(signal_store, signal_id, 1, "Fatima", step="besproken",
                    step_date="2026-11-05", responsible="kerngroep Klarendal", today=TODAY)
    store.follow_up(signal_store, signal_id, 2, "Fatima", step="in onderzoek",
                    step_date="2026-11-09", responsible="opbouwwerker", today=TODAY)
    done = store.follow_up(
        signal_store, signal_id, 3, "Fatima", step="afgerond", step_date="2026-11-30",
        responsible="opbouwwerker", decision="doorverwezen",
        reason="Doorgezet naar de corporatie, die de containers vaker leegt", today=TODAY)
    assert (done["step"], done["decision"], done["responsible"], done["version"]) == (
        "afgerond", "doorverwezen", "opbouwwerker", 4)
    assert done["step_date"] == dt.date(2026, 11, 30)
    assert store.history(signal_store, signal_id)["action"].tolist() == [
        "aangemaakt", "stap", "stap", "stap"]


@pytest.mark.parametrize("step,message", [
    ("afgerond", "kan naar 'besproken', niet naar 'afgerond'"),
    ("nieuw", "niet naar 'nieuw'"),
])
def test_a_step_can_be_neither_skipped_nor_taken_back(signal_store, step, message) -> None:
    signal_id = _new(signal_store)
    with pytest.raises(SignalRefused, match=message):
        store.follow_up(signal_store, signal_id, 1, "Fatima", step=step, step_date="2026-11-05",
                        responsible="kerngroep", decision="geen actie", reason="x", today=TODAY)
    assert store.get(signal_store, signal_id)["version"] == 1


def test_closing_needs_a_decision_and_a_reason(signal_store) -> None:
    signal_id = _new(signal_store)
    store.follow_up(signal_store, signal_id, 1, "Fatima", step="besproken",
                    step_date="2026-11-05", responsible="kerngroep", today=TODAY)
    with pytest.raises(SignalRefused, match="Reden is leeg"):
        store.follow_up(signal_store, signal_id, 2, "Fatima", step="afgerond",
                        step_date="2026-11-06", responsible="kerngroep", decision="geen actie",
                        today=TODAY)
    with pytest.raises(SignalRefused, match="Besluit '' bestaat niet"):
        store.follow_up(signal_store, signal_id, 2, "Fatima", step="afgerond",
                        step_date="2026-11-06", responsible="kerngroep", reason="Besproken",
                        today=TODAY)
    with pytest.raises(SignalRefused, match="ligt vóór de datum van het signaal"):
        store.follow_up(signal_store, signal_id, 2, "Fatima", step="afgerond",
                        step_date="2026-10-01", responsible="kerngroep", reason="Besproken",
                        decision="geen actie", today=TODAY)


def test_a_signal_that_became_a_project_links_to_the_project_register(signal_store) -> None:
    done = _closed(signal_store, decision="project", project_id="P-002")
    assert done["project_id"] == "P-002"
    assert store.signals(signal_store, project_id="P-002")["id"].tolist() == [done["id"]]
    with pytest.raises(SignalRefused, match="niet in het projectregister"):
        _closed(signal_store, decision="project", project_id="P-999")
    with pytest.raises(SignalRefused, match="hoort het project uit het projectregister"):
        _closed(signal_store, decision="project")


def test_a_signal_can_be_linked_to_a_project_later(signal_store) -> None:
    signal_id = _new(signal_store)
    linked = store.link_project(signal_store, signal_id, 1, "P-001", "Sander",
                                known_projects=PROJECTS)
    assert (linked["project_id"], linked["version"], linked["updated_by"]) == ("P-001", 2, "Sander")
    assert store.history(signal_store, signal_id)["changes"].iloc[-1] == {
        "project_id": [None, "P-001"]}


def test_closed_signals_leave_the_views_after_the_archive_period_and_open_ones_stay(
        signal_store) -> None:
    old = _closed(signal_store, step_date="2026-11-20")
    recent = _closed(signal_store, step_date="2026-11-29")
    still_open = _new(signal_store, signal_date="2026-11-01")
    assert store.archive_due(signal_store, today=dt.date(2026, 12, 5), days=10) == 1
    shown = set(store.signals(signal_store, "GM0202")["id"])
    assert shown == {recent["id"], still_open}
    everything = store.signals(signal_store, "GM0202", include_archived=True)
    assert old["id"] in set(everything["id"])
    assert store.history(signal_store, old["id"])["action"].iloc[-1] == "gearchiveerd"
    assert store.archive_due(signal_store, today=dt.date(2026, 12, 5), days=10) == 0


def test_every_change_is_kept_with_who_when_and_what_and_the_history_only_grows(
        signal_store) -> None:
    signal_id = _new(signal_store)
    store.edit(signal_store, signal_id, 1, {"urgency": "hoog"}, "Sander", today=TODAY)
    history = store.history(signal_store, signal_id)
    assert history["version"].tolist() == [1, 2]
    assert history["changed_by"].tolist() == ["Fatima (wijkteam)", "Sander"]
    assert history["changes"].iloc[1] == {"urgency": ["middel", "hoog"]}
    assert history["changed_at"].notna().all()
    for statement in ("UPDATE signal_history SET changed_by = 'iemand anders'",
                      "DELETE FROM signal_history"):
        with pytest.raises(Exception, match="alleen aangevuld"):
            with signal_store.engine.begin() as connection:
                connection.exec_driver_sql(statement)
    assert store.history(signal_store, signal_id)["changed_by"].tolist() == [
        "Fatima (wijkteam)", "Sander"]


def test_a_stale_edit_from_a_second_session_is_refused_and_nothing_is_lost(
        signal_store, backend_url) -> None:
    signal_id = _new(signal_store)
    # Two app servers: each its own engine and pool on the same database.
    other = store.Store(store._engine(backend_url))  # noqa: SLF001
    try:
        seen_by_a = store.get(signal_store, signal_id)["version"]
        seen_by_b = store.get(other, signal_id)["version"]
        store.edit(signal_store, signal_id, seen_by_a, {"urgency": "hoog"}, "Anna", today=TODAY)
        with pytest.raises(store.StaleVersion) as refused:
            store.edit(other, signal_id, seen_by_b,
                       {"description": "Zwerfvuil en een kapotte lantaarnpaal"}, "Bram",
                       today=TODAY)
    finally:
        other.engine.dispose()
    assert "intussen gewijzigd door Anna" in str(refused.value)
    assert "niet opgeslagen" in str(refused.value)
    assert refused.value.attempted == {"description": "Zwerfvuil en een kapotte lantaarnpaal"}
    stored = store.get(signal_store, signal_id)
    assert (stored["urgency"], stored["description"], stored["version"]) == (
        "hoog", SIGNAL["description"], 2)
    assert store.history(signal_store, signal_id)["changed_by"].tolist() == [
        "Fatima (wijkteam)", "Anna"]


@pytest.mark.parametrize("text,secret,why", [
    ("Mevrouw op j.de.vries@voorbeeld.nl klaagt over overlast", "vries@voorbeeld",
     "een e-mailadres"),
    ("Bel de melder terug op 06-12345678", "12345678", "een telefoonnummer"),
    ("Overlast bij Kerkstraat 12, 6828 AB", "6828 AB", "een postcode met huisnummer"),
    ("Gezin met BSN 111222333 heeft schulden", "111222333", "een nummer dat op een BSN lijkt"),
    ("Bewoner geboren op 3 maart 1948 vereenzaamt", "1948", "iets dat op een geboortedatum lijkt"),
])
def test_a_description_that_points_at_a_person_is_refused_with_a_dutch_reason(
        signal_store, text, secret, why) -> None:
    with pytest.raises(SignalRefused) as refused:
        _new(signal_store, description=text)
    message = str(refused.value)
    assert why in message
    assert "Signalen gaan over buurten, nooit over personen" in message
    assert secret not in message  # the message points at the problem without repeating it
    assert store.signals(signal_store, "GM0202").empty


def test_an_unreachable_store_gives_a_dutch_message_saying_what_to_check() -> None:
    with pytest.raises(store.StoreError, match="niet bereikbaar.*Controleer BUURTMONITOR_WERKDB"):
        store.open_store("postgresql+psycopg://postgres@127.0.0.1:1/bestaat_niet")


def test_the_store_address_is_read_from_the_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("BUURTMONITOR_WERKDB", "postgresql://gebruiker@server:5432/buurtmonitor")
    assert store.store_url() == "postgresql+psycopg://gebruiker@server:5432/buurtmonitor"
    monkeypatch.setenv("BUURTMONITOR_WERKDB", str(tmp_path / "signalen.sqlite"))
    assert store.store_url() == f"sqlite:///{tmp_path / 'signalen.sqlite'}"
    monkeypatch.delenv("BUURTMONITOR_WERKDB")
    assert store.store_url().endswith("var/werkdb.sqlite")


def test_the_migrations_go_down_and_up_again_and_upgrading_twice_changes_nothing(
        signal_store) -> None:
    from alembic import command
    from alembic.config import Config

    _new(signal_store)
    config = Config()
    config.set_main_option("script_location", str(store.MIGRATIONS))
    with signal_store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with signal_store.engine.connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            if signal_store.dialect == "postgresql"
            else "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not {"signals", "signal_history"} & tables
    store.migrate(signal_store.engine)
    store.migrate(signal_store.engine)
    assert store.signals(signal_store, "GM0202").empty
    assert store.get(signal_store, _new(signal_store))["id"] == 1


def test_a_logged_in_user_is_recorded_by_their_login_and_a_typed_e_mail_is_refused(
        signal_store) -> None:
    from werkdb.rules import LoginName

    login = LoginName("w.jansen@woonstichting.example")
    signal_id = store.create(signal_store, SIGNAL, login, today=TODAY)
    store.follow_up(signal_store, signal_id, 1, login, step="besproken",
                    step_date="2026-11-05", responsible="kerngroep", today=TODAY)
    assert store.history(signal_store, signal_id)["changed_by"].tolist() == [
        "w.jansen@woonstichting.example"] * 2
    assert store.get(signal_store, signal_id)["updated_by"] == "w.jansen@woonstichting.example"
    with pytest.raises(SignalRefused, match="Uw naam is niet opgeslagen: de tekst bevat een "
                                            "e-mailadres"):
        store.create(signal_store, SIGNAL, "w.jansen@woonstichting.example", today=TODAY)


def test_open_counts_per_area_and_theme_count_open_and_closed_not_archived(signal_store) -> None:
    _new(signal_store)
    _new(signal_store, theme="veiligheid")
    _closed(signal_store)  # leefbaarheid, afgerond on 2026-11-20
    _new(signal_store, area_code="BU03440100")  # another gemeente (Utrecht)
    old = _closed(signal_store, step_date="2026-11-06")
    assert store.archive_due(signal_store, today=TODAY, days=20) == 1  # closed before 11-11
    counts = store.open_counts(signal_store, "GM0202").sort_values("theme")
    assert counts.astype({"open": int, "afgerond": int}).values.tolist() == [
        ["BU02020100", "leefbaarheid", 1, 1], ["BU02020100", "veiligheid", 1, 0]]
    everywhere = store.open_counts(signal_store, None)
    assert sorted(everywhere["area_code"].unique()) == ["BU02020100", "BU03440100"]
    assert old["id"] not in store.signals(signal_store)["id"].tolist()


def test_the_signals_of_some_projects_are_read_together(signal_store) -> None:
    first = _closed(signal_store, decision="project", project_id="P-001")
    second = _new(signal_store)
    store.link_project(signal_store, second, 1, "P-002", "Fatima", known_projects=PROJECTS)
    _new(signal_store)
    linked = store.signals(signal_store, "GM0202", projects={"P-001", "P-002"})
    assert sorted(zip(linked["id"], linked["project_id"], strict=True)) == [
        (first["id"], "P-001"), (second, "P-002")]


def test_head_names_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(store.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [store.HEAD]


def test_a_store_at_the_newest_migration_opens_without_loading_alembic(tmp_path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'werkdb.sqlite'}"
    opened = ("import sys; from werkdb import store; s = store.open_store(sys.argv[1]); "
              "store.change_mark(s); print('alembic' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", opened, url], capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs == [["True"], ["False"]]  # migrated by the first process, not again
