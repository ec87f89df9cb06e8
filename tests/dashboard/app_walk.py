"""Test helper: run a page in AppTest and collect everything a person can see or download, as text.

Tables, chart data, map data and tooltips, texts, metrics, and the bytes of every download
(captured by RecordingStorage, which replaces AppTest's in-memory media storage; a file the app
writes only when its button is clicked is written when the test reads it, see download_id).
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
import pypdf
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
# Every page in dashboard/views/, so a new page is walked without editing this list.
PAGES = {
    ("data" if path.stem == "over_de_data" else path.stem): f"views/{path.name}"
    for path in sorted((Path(__file__).resolve().parents[2] / "dashboard" / "views").glob("*.py"))
}


# Pages whose url_path is not their file name (app.py).
NAMED_OTHERWISE = {"data"}


class RecordingStorage(MemoryMediaFileStorage):
    """Keeps the bytes of every file the app offers, so a test can read a download."""

    files: dict[str, bytes] = {}
    names: dict[str, str] = {}
    # Deferred downloads (made on click) by their id, with the manager that can make them.
    deferred: dict[str, MediaFileManager] = {}

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):  # noqa: ANN001
        file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
        RecordingStorage.files[file_id] = bytes(self.get_file(file_id).content)
        RecordingStorage.names[file_id] = filename or ""
        return file_id


def record_downloads(monkeypatch) -> None:  # noqa: ANN001
    RecordingStorage.files, RecordingStorage.names = {}, {}
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)


_add_deferred = MediaFileManager.add_deferred


def _remember_deferred(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    file_id = _add_deferred(self, *args, **kwargs)
    RecordingStorage.deferred[file_id] = self
    return file_id


# Only remembers which manager holds a deferred download; the app's behaviour is unchanged.
MediaFileManager.add_deferred = _remember_deferred


def download_file(proto) -> str:  # noqa: ANN001
    """The stored file of a download button as '<id>.<extension>' (its id is the key of
    RecordingStorage.files and .names). A download made on click is made now, as a click
    would: its callable runs and the file is stored."""
    url = proto.url
    if not url and proto.deferred_file_id:
        url = RecordingStorage.deferred[proto.deferred_file_id].execute_deferred(
            proto.deferred_file_id)
    return url.rsplit("/", 1)[1]


def download_id(proto) -> str:  # noqa: ANN001
    """The id of a download button's stored file (see download_file)."""
    return download_file(proto).split(".")[0]


def copy_database(source: Path, target: Path, *statements: tuple[str, list]) -> Path:
    """A copy of the database with some rows changed (the test plays a hostile or odd source).

    The build-time aggregates are then computed again, as a load does in its own transaction:
    otherwise the app would read figures of the rows as they were before the change."""
    shutil.copyfile(source, target)
    con = duckdb.connect(str(target))
    try:
        for sql, params in statements:
            con.execute(sql, params)
    finally:
        con.close()
    if statements:
        from data_loaders import aggregates, db

        with db.write_session(target) as session:
            gemeenten = db.query(session, "app_gemeenten", cursor=False)["code"]
            aggregates.refresh(session, gemeenten[gemeenten != "NL"])
    return target


def query(path: Path, sql: str, params: list | dict | None = None):  # noqa: ANN201
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).df()
    finally:
        con.close()


def rows(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    """query() as plain tuples, for tests that compare a few values."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if page in NAMED_OTHERWISE:
        # Before a first run AppTest finds a page by its file name, not by its url_path (it
        # would open the default page instead): register the pages with one plain run first.
        at.run()
    for key, value in params.items():
        at.query_params[key] = value
    if page == "kaart":  # the table under the map (on request) is part of what is checked
        at.session_state["kaart_tabel"] = True
    # The (first) run of the page opens it with these parameters, as a shared link does.
    at.switch_page(PAGES[page]).run()
    return at


@dataclass
class Seen:
    """What one page run showed: visible text per element type, and downloads by file name."""

    texts: list[tuple[str, str]] = field(default_factory=list)  # (element type, text)
    downloads: dict[str, bytes] = field(default_factory=dict)

    def all_text(self) -> str:
        return "\n".join(text for _, text in self.texts) + "\n" + "\n".join(
            download_text(name, data) for name, data in self.downloads.items())

    def of_type(self, kind: str) -> list[str]:
        return [text for k, text in self.texts if k == kind]


def seen(at: AppTest) -> Seen:
    out = Seen()
    _walk(at._tree, out)
    return out


def _walk(node, out: Seen) -> None:  # noqa: ANN001
    kind = getattr(node, "type", "")
    proto = getattr(node, "proto", None)
    if kind == "dataframe":
        out.texts.append((kind, node.value.to_csv(index=False)))
    elif kind == "vega_lite_chart":
        out.texts.append((kind, proto.spec))
        for dataset in proto.datasets:
            frame = pa.ipc.open_stream(dataset.data.data).read_pandas()
            out.texts.append((kind, frame.to_csv(index=False)))
    elif kind == "deck_gl_json_chart":
        out.texts.append((kind, proto.json))
        out.texts.append(("tooltip", proto.tooltip))
    elif kind == "download_button":
        file = download_file(proto)
        out.downloads[proto.label + ":" + file] = RecordingStorage.files[file.split(".")[0]]
    elif proto is not None:
        value = getattr(node, "value", None)
        out.texts.append((kind, value if isinstance(value, str) else str(proto)))
    for child in getattr(node, "children", {}).values():
        _walk(child, out)


def download_text(name: str, data: bytes) -> str:
    if data.startswith(b"%PDF"):
        reader = pypdf.PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() for page in reader.pages)
    if data.startswith(b"PK"):
        return "\n".join(";".join("" if v is None else str(v) for v in row)
                         for row in xlsx_rows(data))
    return data.decode("utf-8-sig")


def xlsx_rows(data: bytes) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]


def xlsx_cells(data: bytes) -> list:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
