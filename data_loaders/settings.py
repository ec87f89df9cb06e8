"""Paths and settings in one place: where the database lives, suppression thresholds, confidentiality.

Every value can be overridden by an environment variable, so tests, the benchmark and a deployment
can point elsewhere without code changes. Nothing here touches the database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = PROJECT_ROOT / "sample_data"
CATALOGUE_FILE = Path(__file__).resolve().parent / "catalogue" / "indicators.csv"
SOURCES_FILE = Path(__file__).resolve().parent / "catalogue" / "sources.csv"
MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"
SQL_DIR = Path(__file__).resolve().parent / "sql"
DEFAULT_DB = PROJECT_ROOT / "var" / "buurtmonitor.duckdb"


def db_path() -> Path:
    """The database file: BUURTMONITOR_DB if set, else var/buurtmonitor.duckdb in the project."""
    return Path(os.environ.get("BUURTMONITOR_DB") or DEFAULT_DB)


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() else default


def max_file_mb() -> int:
    """The largest file a load accepts, in MB (2**20 bytes); the same limit as the upload widget
    (.streamlit/config.toml maxUploadSize). An XLSX may unpack to at most twice this."""
    return _int_env("BUURTMONITOR_MAX_BESTAND_MB", 200)


@dataclass(frozen=True)
class Privacy:
    """Suppression thresholds and confidentiality, applied in the queries every view reads.

    A survey value resting on fewer than `min_respondents` answers, or a value for an area with
    fewer than `min_inhabitants` inhabitants, is never shown or exported. With `real_only` (the
    user's "Alleen echte cijfers" switch) no generated (synthetic) value, spending, project or goal
    is read at all.

    It also holds what the user may see of confidential sources (data_loaders/access.py fills it
    in per user), so every cached result is keyed by those rights: `show_confidential` all of it
    (the local user with all rights), `organisations` the own rows of these organisation keys,
    `gemeenten` every confidential row of these gemeente codes.
    """

    min_respondents: int = 30
    min_inhabitants: int = 50
    show_confidential: bool = False
    real_only: bool = False
    organisations: frozenset[str] = frozenset()
    gemeenten: frozenset[str] = frozenset()

    def confidential_params(self) -> dict[str, object]:
        """The bound parameters of the queries that filter confidential rows (app_spending,
        app_projects, app_goals)."""
        return {"show_confidential": self.show_confidential,
                "organisations": sorted(self.organisations), "gemeenten": sorted(self.gemeenten)}

    @property
    def sees_confidential(self) -> bool:
        """Whether any confidential row may be shown to this user."""
        return self.show_confidential or bool(self.organisations or self.gemeenten)


def privacy() -> Privacy:
    """The thresholds, and in local mode (no login configured) what the local user may see:
    everything confidential with BUURTMONITOR_TOON_VERTROUWELIJK=1, nothing without it."""
    return Privacy(
        min_respondents=_int_env("BUURTMONITOR_MIN_RESPONDENTEN", 30),
        min_inhabitants=_int_env("BUURTMONITOR_MIN_INWONERS", 50),
        show_confidential=os.environ.get("BUURTMONITOR_TOON_VERTROUWELIJK", "") in {"1", "ja", "true"},
    )
