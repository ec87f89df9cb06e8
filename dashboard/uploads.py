"""The in-app upload: the same pipeline as the command line, on a temporary copy of the file.

No streamlit here; the page shows the preview and asks for confirmation before commit. Only a
beheerder may check or load a file: enforced here, not only by the page hiding the upload.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dashboard import exports
from data_loaders import access, db, pipeline, settings, templates
from data_loaders.batch import LoadError

TEMPLATE_LABELS = {
    "waarnemingen": "Waarnemingen (eigen enquête)",
    "buurttypes": "Buurttypen (gemeentelijke lijst)",
    "uitgaven": "Leefbaarheidsuitgaven",
    "projecten": "Projecten",
    "doelen": "Doelen en nulmeting",
}


@dataclass(frozen=True)
class Checked:
    results: list[pipeline.LoadResult] | None  # the dry run: what loading would do
    error: str | None

    @property
    def preview(self) -> dict | None:
        """The first file's preview in brief (file, rows, areas, years, source, replaced)."""
        if not self.results:
            return None
        first = self.results[0]
        return {"bestand": first.file, "bron": first.source, "formaat": first.format,
                "regels": first.rows, "gebieden": first.areas, "jaren": list(first.periods),
                "indicatoren": list(first.indicators), "vervangt": first.replaced,
                "waarschuwingen": list(first.warnings)}


def template_csv(kind: str) -> bytes:
    return exports.to_csv_bytes(templates.template_frame(kind))


@contextmanager
def _as_files(files: list[tuple[str, bytes]]) -> Iterator[list[Path]]:
    # Keep only plain file names: an upload's name is shown in the load log and decides the
    # reader by its extension, but must never choose where the file is written.
    with tempfile.TemporaryDirectory(prefix="buurtmonitor-upload-") as folder:
        paths = []
        for number, (name, content) in enumerate(files):
            safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name)[:120] or "upload.csv"
            path = Path(folder) / safe
            if path.exists():
                path = Path(folder) / f"{number}_{safe}"
            path.write_bytes(content)
            paths.append(path)
        yield paths


def check_files(files: list[tuple[str, bytes]], options: dict, *, user: access.User) -> Checked:
    """Read and validate uploaded files and describe what loading them would change.

    This is the command line's dry run: the real load of the whole batch in a transaction that
    is rolled back, so the preview is what loading then does. Only for a beheerder.
    """
    if not user.beheerder:
        return Checked(None, NOT_ALLOWED)
    with _as_files(files) as paths:
        try:
            return Checked(pipeline.preview(settings.db_path(), paths, options), None)
        except (LoadError, db.DatabaseError) as exc:
            return Checked(None, _refusal(exc))


def commit_files(
    files: list[tuple[str, bytes]], options: dict, progress: pipeline.Progress | None = None, *,
    user: access.User,
) -> tuple[list[pipeline.LoadResult] | None, str]:
    """Load the files as one batch in one transaction, recorded as loaded by `user`: all of them,
    or on a refusal (or when the user is no beheerder) none."""
    if not user.beheerder:
        return None, NOT_ALLOWED
    with _as_files(files) as paths:
        try:
            return pipeline.load_paths(settings.db_path(), paths, "upload", options, progress,
                                       by_user=user.name), ""
        except (LoadError, db.DatabaseError) as exc:
            return None, _refusal(exc)


NOT_ALLOWED = ("Alleen een beheerder mag gegevens laden of verwijderen. Er is niets gewijzigd; "
               "vraag de beheerder van de buurtmonitor om dit bestand te laden.")


def check(name: str, content: bytes, options: dict, *, user: access.User) -> Checked:
    """check_files for one file."""
    return check_files([(name, content)], options, user=user)


def commit(
    name: str, content: bytes, options: dict, progress: pipeline.Progress | None = None, *,
    user: access.User,
) -> tuple[pipeline.LoadResult | None, str]:
    """commit_files for one file."""
    results, error = commit_files([(name, content)], options, progress, user=user)
    return (results[0] if results else None), error


def describe(result: pipeline.LoadResult) -> list[str]:
    return pipeline.describe(result)


def _refusal(exc: Exception) -> str:
    # Word for word what the command line prints after "Geweigerd.".
    if isinstance(exc, LoadError):
        return str(exc)
    return f"{exc} Er is niets geladen."
