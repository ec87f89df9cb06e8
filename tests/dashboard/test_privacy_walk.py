"""No value below the privacy thresholds reaches a person: every page and every download is walked
on a database whose suppressed values were replaced by a number that cannot occur naturally."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_walk import copy_database, download_text, query, record_downloads, run, seen

from data_loaders import settings

SENTINEL = 9876.54321  # no indicator of the demo data comes near it (checked below)
# As it could appear: raw in chart or map data, or in Dutch notation with any number of decimals.
LEAK = re.compile(r"9\.?876(?!\d)")
PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*,\d+) ?%")
SMALL_AREAS = ["BU02020529", "BU02021269"]  # 10 and 25 inhabitants in 2024
FEW_RESPONDENTS = "BU02020103"  # 15 survey values from fewer than 30 respondents in 2024
HIDDEN = """
    UPDATE observations SET value = $s, ci_low = $s, ci_high = $s
    WHERE (n < $min_n AND indicator_id IN (SELECT id FROM indicators WHERE kind = 'subjectief'))
       OR (indicator_id <> 'inwoners' AND area_code IN (
           SELECT area_code FROM observations WHERE indicator_id = 'inwoners'
           GROUP BY area_code HAVING arg_max(value, period) < $min_inhabitants))
"""
WALK = [
    ("overzicht", {}),
    ("overzicht", {"niveau": "wijk"}),
    ("kaart", {"indicator": "onveilig_buurt"}),
    ("kaart", {"indicator": "onveilig_buurt", "niveau": "wijk"}),
    ("kaart", {"indicator": "onveilig_buurt", "referentie": "zscore"}),
    ("kaart", {"indicator": "rapportcijfer_buurt", "referentie": "index_nulmeting"}),
    ("kaart", {"indicator": "lbm_score", "referentie": "verschil_buurttype"}),
    ("trends", {"indicator": "onveilig_buurt", "gebieden": ",".join(SMALL_AREAS + [FEW_RESPONDENTS])}),
    ("trends", {"indicator": "lbm_score", "gebieden": ",".join(SMALL_AREAS)}),
    ("buurtprofiel", {"buurt": SMALL_AREAS[0]}),
    ("buurtprofiel", {"buurt": SMALL_AREAS[1]}),
    ("buurtprofiel", {"buurt": FEW_RESPONDENTS}),
    ("buurtprofiel", {"buurt": "WK020201"}),
    ("vergelijken", {"gebieden": ",".join(SMALL_AREAS + [FEW_RESPONDENTS])}),
    ("corporaties", {}),
    # With the spending shown: the map, the change (with margins) and the need score per buurt.
    ("corporaties", {"vertrouwelijk": "ja", "indicator": "onveilig_buurt", "thema": "veiligheid"}),
    ("corporaties", {"vertrouwelijk": "ja", "indicator": "lbm_score",
                     "organisatie": "Gemeente (fictief demobudget)"}),
    ("briefing", {}),
    ("briefing", {"buurt": SMALL_AREAS[0]}),
    ("briefing", {"buurt": FEW_RESPONDENTS}),
    ("data", {}),
]


@pytest.fixture(scope="module")
def sentinel_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    privacy = settings.Privacy()
    target = copy_database(demo_db, tmp_path_factory.mktemp("privacy") / "demo.duckdb", (
        HIDDEN, {"s": SENTINEL, "min_n": privacy.min_respondents,
                 "min_inhabitants": privacy.min_inhabitants}))
    return target


def test_the_sentinel_marks_only_the_values_below_the_thresholds(sentinel_db, demo_db):
    natural = query(demo_db, "SELECT count(*) AS n FROM observations WHERE value BETWEEN 9876 AND "
                    "9877.99 OR ci_low BETWEEN 9876 AND 9877.99 OR ci_high BETWEEN 9876 AND 9877.99")
    assert natural["n"].iloc[0] == 0
    marked = query(sentinel_db, "SELECT area_code, count(*) AS n FROM observations WHERE value = ? "
                   "AND period = 2024 GROUP BY area_code", [SENTINEL]).set_index("area_code")["n"]
    assert marked[FEW_RESPONDENTS] == 15
    assert set(SMALL_AREAS) <= set(marked.index)


@pytest.mark.parametrize(("page", "params"), WALK,
                         ids=[f"{p}-{'-'.join(v.values()) or 'standaard'}"[:60] for p, v in WALK])
def test_no_page_or_download_shows_a_value_below_the_privacy_thresholds(
        sentinel_db, monkeypatch, page, params):
    monkeypatch.setenv("BUURTMONITOR_DB", str(sentinel_db))
    for name in ("BUURTMONITOR_MIN_RESPONDENTEN", "BUURTMONITOR_MIN_INWONERS"):
        monkeypatch.delenv(name, raising=False)
    record_downloads(monkeypatch)
    params = dict(params)
    if params.pop("vertrouwelijk", None):
        monkeypatch.setenv("BUURTMONITOR_TOON_VERTROUWELIJK", "1")
    at = run(page, **params)
    assert not at.exception, at.exception
    shown = seen(at)
    if page != "data":
        assert shown.downloads, "de pagina biedt downloads aan"
    for kind, text in shown.texts:
        found = LEAK.search(text)
        assert not found, f"{kind}: …{text[max(0, found.start() - 200):found.end() + 80]}…"
    for name, data in shown.downloads.items():
        text = download_text(name, data)
        found = LEAK.search(text)
        assert not found, f"{name}: …{text[max(0, found.start() - 200):found.end() + 80]}…"
    if params.get("niveau") == "wijk" and "referentie" not in params:
        # A hidden value averaged into its wijk would not show its digits, but would push a
        # percentage far over 100.
        percentages = [float(m.replace(".", "").replace(",", "."))
                       for m in PERCENT.findall(shown.all_text())]
        assert percentages and max(percentages) <= 100



# Confidential rows reach only whom they belong to. Each organisation's confidential rows carry a
# marker that cannot occur naturally: a word in its spending categories, project and project
# output, and a number as the target of its goal. Every page and download is walked for each role,
# each page right after a user of the whole gemeente (who may see all of it) warmed the caches
# with it in this same process.
OVERLAP_BUURT = "BU02021053"  # Geitenkamp: spending of every organisation, goals and projects
ORGANISATIONS = {  # key -> (name, text marker, number marker as it could appear, goal target)
    "woonstichting-voorbeeld-fictief": ("Woonstichting Voorbeeld (fictief)", "zegelwoonstichting",
                                        r"97\.?531[,.]1", 97531.1357),
    "corporatie-demohuis-fictief": ("Corporatie Demohuis (fictief)", "zegeldemohuis",
                                    r"86\.?420[,.]2", 86420.2468),
    "gemeente-fictief-demobudget": ("Gemeente (fictief demobudget)", "zegelgemeentebudget",
                                    r"75\.?319[,.]3", 75319.3579),
}
MARK = """
    UPDATE spending SET category = category || ' ' || $marker WHERE organisation = $name;
    INSERT INTO projects VALUES ('P-' || $marker, 'Project ' || $marker, $name,
        $buurt, DATE '2022-01-01', DATE '2024-12-31', 50000, 'contact', $marker || ' output',
        'eigen_uitgaven', false, true, NULL);
    INSERT INTO goals VALUES ('GM0202', 'onveilig_buurt', 2018, 30, $target, $year, $name,
        'eigen_uitgaven', false, NULL);
    INSERT INTO goals VALUES ($buurt, 'onveilig_buurt', 2018, 30, $target, $year, $name,
        'eigen_uitgaven', false, NULL);
"""
ROLE_WALK = [
    ("overzicht", {}),
    ("kaart", {}),
    ("buurtprofiel", {"buurt": OVERLAP_BUURT}),
    ("vergelijken", {"gebieden": f"{OVERLAP_BUURT},BU02020100"}),
    ("trends", {"gebieden": OVERLAP_BUURT}),
    *[("corporaties", {"organisatie": name}) for name, *_ in ORGANISATIONS.values()],
    # The corporation's briefing (PDF, made on request) with its spending pictures.
    ("corporaties", {"organisatie": ORGANISATIONS["woonstichting-voorbeeld-fictief"][0],
                     "briefing": "ja"}),
    ("briefing", {}),
    ("briefing", {"buurt": OVERLAP_BUURT}),
    ("data", {}),
]
WHOLE_GEMEENTE = ("gemeente GM0202", ["gemeente:GM0202"])
ROLES = {  # who -> (roles in the groups claim, or None: no login configured; keys they may see)
    "woonstichting": (["organisatie:woonstichting-voorbeeld-fictief"],
                      {"woonstichting-voorbeeld-fictief"}),
    "demohuis": (["organisatie:corporatie-demohuis-fictief"], {"corporatie-demohuis-fictief"}),
    "andere gemeente": (["gemeente:GM0344"], set()),
    "beheerder": (["beheerder"], set()),
    "lezer": ([], set()),
    "niet ingelogd": ("uit", set()),
    "lokaal zonder instelling": (None, set()),
}


@pytest.fixture(scope="module")
def marked_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    statements = []
    for year, (name, marker, _, number) in enumerate(ORGANISATIONS.values(), start=2030):
        values = {"name": name, "marker": marker, "buurt": OVERLAP_BUURT, "target": number,
                  "year": year}
        statements += [(sql, {k: v for k, v in values.items() if f"${k}" in sql})
                       for sql in filter(str.strip, MARK.split(";"))]
    target = tmp_path_factory.mktemp("vertrouwelijk") / "demo.duckdb"
    copy_database(demo_db, target, *statements)
    return target


def markers_in(at) -> set[str]:  # noqa: ANN001
    """The organisation keys whose confidential marker appears anywhere on the page or in a
    download."""
    shown = seen(at)
    text = shown.all_text()
    return {key for key, (_, word, number, _) in ORGANISATIONS.items()
            if word in text or re.search(number, text)}


def test_the_markers_are_on_confidential_rows_only(marked_db: Path) -> None:
    found = query(marked_db, """
        SELECT 'uitgaven' AS t, bool_and(confidential) AS c, count(*) AS n FROM spending
        WHERE category LIKE '%zegel%'
        UNION ALL SELECT 'projecten', bool_and(confidential), count(*) FROM projects
        WHERE name LIKE '%zegel%'
        UNION ALL SELECT 'doelen', bool_and(s.confidential), count(*) FROM goals g
        JOIN sources s ON s.key = g.source WHERE g.target_value > 50000""")
    assert found["c"].all() and (found["n"] > 0).all()
    assert query(marked_db, "SELECT count(*) AS n FROM spending WHERE category NOT LIKE '%zegel%'"
                 )["n"].iloc[0] == 0


@pytest.mark.parametrize(("page", "params"), ROLE_WALK,
                         ids=[f"{p}-{'-'.join(v.values()) or 'standaard'}"[:50] for p, v in ROLE_WALK])
def test_no_role_sees_confidential_rows_outside_its_rights_even_after_another_role_warmed_the_caches(
        marked_db, tmp_path, monkeypatch, page, params) -> None:
    from test_access import claims
    from test_access import run_as as access_run_as

    monkeypatch.setenv("BUURTMONITOR_DB", str(marked_db))
    monkeypatch.setenv("BUURTMONITOR_ROLLEN", str(tmp_path / "geen-rollenbestand.toml"))
    monkeypatch.delenv("BUURTMONITOR_TOON_VERTROUWELIJK", raising=False)
    record_downloads(monkeypatch)
    params = dict(params)
    with_briefing = params.pop("briefing", None)

    def run_as(page: str, user: dict | None, **params: str):  # noqa: ANN202
        at = access_run_as(page, user, **params)
        # The toggle (there only for whom may see the spending) makes the PDF and offers it.
        if with_briefing and any(w.key == "uitgaven_briefing" for w in at.toggle):
            at.toggle(key="uitgaven_briefing").set_value(True).run()
            assert not at.exception, at.exception
            assert any(b.proto.label.endswith("(PDF)") for b in at.get("download_button"))
        return at

    whole = markers_in(run_as(page, claims("gemeente@arnhem.example", *WHOLE_GEMEENTE[1]),
                              **params))
    own = {key for key, (name, *_) in ORGANISATIONS.items() if name == params.get("organisatie")}
    if page == "corporaties" and not with_briefing:  # the check can see them: the page of
        # each organisation shows them
        assert whole == own
    if with_briefing:
        # The gemeente's briefing names every organisation's projects (each role sees its own
        # there, as on the briefing page); what this page owes a role is the organisation's own.
        assert own <= whole
        whole = own
    problems = []
    for who, (groups, allowed) in ROLES.items():
        user = (None if groups is None else {"is_logged_in": False} if groups == "uit"
                else claims(f"{who.replace(' ', '.')}@example.org", *groups))
        found = markers_in(run_as(page, user, **params))
        if not found <= allowed:
            problems.append(f"{who} ziet vertrouwelijke gegevens van {sorted(found - allowed)}")
        if allowed & whole != found & whole:
            problems.append(f"{who} mist eigen gegevens: {sorted((allowed & whole) - found)}")
    assert not problems, problems
