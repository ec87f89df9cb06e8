"""Test helper: run a page in AppTest and collect everything a person can see or download, as text.

Tables, chart data, map data and tooltips, texts, metrics, and the bytes of every download
(captured by RecordingStorage, which replaces AppTest's in-memory media storage).
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
    deferred: dict[str, str] = {}  # a file written on click: its placeholder id -> its url

    def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):  # noqa: ANN001
        file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
        RecordingStorage.files[file_id] = bytes(self.get_file(file_id).content)
        RecordingStorage.names[file_id] = filename or ""
        return file_id


def record_downloads(monkeypatch) -> None:  # noqa: ANN001
    RecordingStorage.files, RecordingStorage.names, RecordingStorage.deferred = {}, {}, {}
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)
    add_deferred = MediaFileManager.add_deferred

    def written_at_once(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        # A file written on click (the Excel files) is written now, as a click would.
        file_id = add_deferred(self, *args, **kwargs)
        RecordingStorage.deferred[file_id] = self.execute_deferred(file_id)
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", written_at_once)


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
        url = proto.url or RecordingStorage.deferred[proto.deferred_file_id]
        file_id = url.rsplit("/", 1)[1].split(".")[0]
        out.downloads[proto.label + ":" + url.rsplit("/", 1)[1]] = RecordingStorage.files[file_id]
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
