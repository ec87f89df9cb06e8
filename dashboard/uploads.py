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
    preview: dict | None
    error: str | None


def template_csv(kind: str) -> bytes:
    return exports.to_csv_bytes(templates.template_frame(kind))


@contextmanager
def _as_file(name: str, content: bytes) -> Iterator[Path]:
    # Keep only a plain file name: the upload's name is shown in the load log and decides the
    # reader by its extension, but must never choose where the file is written.
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name)[:120] or "upload.csv"
    with tempfile.TemporaryDirectory(prefix="buurtmonitor-upload-") as folder:
        path = Path(folder) / safe
        path.write_bytes(content)
        yield path


NOT_ALLOWED = ("Alleen een beheerder mag gegevens laden of verwijderen. Er is niets gewijzigd; "
               "vraag de beheerder van de buurtmonitor om dit bestand te laden.")


def check(name: str, content: bytes, options: dict, *, user: access.User) -> Checked:
    """Read and validate an uploaded file and describe what loading it would change."""
    if not user.beheerder:
        return Checked(None, NOT_ALLOWED)
    with _as_file(name, content) as path:
        try:
            batch = pipeline.read_file(path, options)
            return Checked(pipeline.preview(settings.db_path(), batch), None)
        except (LoadError, db.DatabaseError) as exc:
            return Checked(None, str(exc))


def commit(
    name: str, content: bytes, options: dict, progress: pipeline.Progress | None = None, *,
    user: access.User,
) -> tuple[pipeline.LoadResult | None, str]:
    """Load the file in one transaction, recorded as loaded by `user`; on rejection, or when the
    user is no beheerder, the database is unchanged."""
    if not user.beheerder:
        return None, NOT_ALLOWED
    with _as_file(name, content) as path:
        try:
            results = pipeline.load_paths(settings.db_path(), [path], "upload", options, progress,
                                          by_user=user.name)
            return results[0], ""
        except (LoadError, db.DatabaseError) as exc:
            return None, str(exc)
