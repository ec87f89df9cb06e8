"""Reading tabular files as people download them: encodings, separators, Dutch numbers, CBS markers.

Returns every cell as text (so codes keep their leading zeros) and leaves the meaning of columns to
the format readers. Rejects what cannot be read with a LoadError that says what to fix.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from data_loaders import settings
from data_loaders.batch import LoadError

MAX_LINE_CHARS = 1_000_000
LARGE_TEXT_CHARS = 5_000_000  # above this the Arrow CSV parser is tried first
# CBS writes "." for missing or secret, "x" for secret, "-" for nil/not applicable, "?" unknown.
MISSING_MARKERS = {"", ".", "x", "X", "-", "?", "–"}
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)?([.,]\d+)?$")
# Scientific notation, as R and Python write tiny values (Leefbaarometer: 9.15e-05).
_SCIENTIFIC = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)[eE][+-]?\d+$")


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM) or cp1252; anything else is rejected with its position."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        # cp1252 would "decode" UTF-16 into text with a NUL between every letter.
        raise LoadError(
            path,
            "de tekencodering is UTF-16 (of het is geen tekstbestand); die wordt niet gelezen.",
            row=1,
            fix="Sla het bestand op als 'CSV UTF-8 (door komma's gescheiden)' of als .xlsx.",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            line = raw[: utf8_error.start].count(b"\n") + 1
            raise LoadError(
                path,
                f"de tekencodering is niet te lezen (onbekend teken op regel {line}).",
                row=line,
                fix="Sla het bestand op als CSV in UTF-8 of Windows-1252.",
            ) from utf8_error


def check_size(path: Path) -> None:
    """Reject an empty file or one over the size limit before any of it is read."""
    size = path.stat().st_size
    if size == 0:
        raise LoadError(path, "het bestand is leeg.", fix="Kies het juiste bestand.")
    limit = settings.max_file_mb()
    if size > limit * 2**20:
        raise LoadError(
            path,
            f"het bestand is te groot ({math.ceil(size / 2**20)} MB; maximaal {limit} MB).",
            fix="Splits het bestand, bijvoorbeeld per jaar of per gemeente.",
        )


def read_bytes(path: Path) -> bytes:
    check_size(path)
    return path.read_bytes()


SEPARATORS = (";", ",", "\t")


def sniff_separator(path: Path, text: str) -> str:
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    sep, count = max(counts.items(), key=lambda item: item[1])
    if count == 0:
        other = next((c for c in ("|", ":", "#") if header.count(c) >= 2), None)
        found = f" maar wel '{other}'" if other else ""
        raise LoadError(
            path,
            "de kolommen zijn niet te onderscheiden: de eerste regel bevat geen puntkomma, komma "
            f"of tab{found}.",
            row=1,
            fix="Sla het bestand op als CSV met puntkomma's of komma's tussen de kolommen.",
        )
    return sep


def header_names(head: str) -> list[str]:
    """The normalised column names of the first record of a text, quoted separators respected."""
    text = head.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    sep = max(SEPARATORS, key=first.count)
    try:
        names = next(csv.reader(io.StringIO(text), delimiter=sep), [])
    except csv.Error:
        names = first.split(sep)
    return [normalise_header(n.strip().strip('"')) for n in names]


def xlsx_header(path: Path) -> str:
    """The first row of the first sheet as a ';'-separated line, for detecting the format."""
    _check_xlsx(path)
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            first = next(sheet.iter_rows(max_row=1, values_only=True), ())
        finally:
            book.close()
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise LoadError(path, "dit Excel-bestand is beschadigd of onleesbaar.",
                        fix="Open het in Excel en sla het opnieuw op als .xlsx.") from exc
    return ";".join("" if v is None else str(v).replace(";", " ") for v in first)


def read_table(path: Path) -> pd.DataFrame:
    """A CSV or XLSX file as a frame of stripped text cells, header names normalised."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return _read_xlsx(path)
    raw = read_bytes(path)
    text = decode(path, raw)
    if not text or text.isspace():  # not text.strip(), without copying the text
        raise LoadError(path, "het bestand bevat geen gegevens.", fix="Kies het juiste bestand.")
    check_line_lengths(path, text)
    # The UTF-8 bytes of the text for the Arrow parser: the file itself when it was read as UTF-8
    # (decode() drops a BOM; cp1252 is only tried when UTF-8 fails).
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    utf8 = body if text.isascii() or _is_utf8(body) else None
    sep = sniff_separator(path, text)
    options = {"sep": sep, "dtype": str, "keep_default_na": False, "quotechar": '"',
               "skipinitialspace": False}
    frame = None
    # The C parser is many times faster than the Python one, and for a large file (a national
    # delivery of millions of rows) the multi-threaded Arrow parser again; when a faster parser
    # refuses a file, the next one reads it, so that the message about what is wrong stays the
    # one the Python parser gives.
    engines = ["pyarrow", "c"] if len(text) > LARGE_TEXT_CHARS else ["c"]
    for engine in engines:
        try:
            source = (io.BytesIO(utf8 if utf8 is not None else text.encode("utf-8"))
                      if engine == "pyarrow" else io.StringIO(text))
            frame = pd.read_csv(source, engine=engine, **options)
            break
        except (pd.errors.ParserError, csv.Error, ValueError, ImportError, TypeError):
            frame = None
        except Exception:  # noqa: BLE001 - the Arrow parser has errors of its own
            frame = None
    try:
        if frame is None:
            frame = pd.read_csv(io.StringIO(text), engine="python", **options)
    except (pd.errors.ParserError, csv.Error) as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise LoadError(
            path,
            f"het bestand is geen geldige tabel ({str(exc).splitlines()[0][:120]}).",
            row=int(line.group(1)) if line else None,
            fix="Controleer of alle regels evenveel kolommen hebben en aanhalingstekens sluiten.",
        ) from exc
    return _tidy(frame)


def _has_long_line(text: str) -> bool:
    """Whether a line may exceed MAX_LINE_CHARS, without splitting the text.

    A longer line covers at least one whole block of half that length (counted from the start);
    a block that holds a line break is not inside one line. Only when some block has no line
    break do the lines need measuring.
    """
    block = MAX_LINE_CHARS // 2
    return any(text.find("\n", start, start + block) < 0
               for start in range(0, len(text) - block + 1, block))


def _is_utf8(body: bytes) -> bool:
    """Whether decode() read `body` as UTF-8 (and not as cp1252)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_line_lengths(path: Path, text: str) -> None:
    """Reject a line over MAX_LINE_CHARS (a sign of a binary or run-together file), naming it."""
    if len(text) <= MAX_LINE_CHARS or not _has_long_line(text):
        return
    if max(map(len, text.split("\n"))) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise LoadError(
                path,
                f"deze regel is te lang ({len(line):,} tekens; maximaal {MAX_LINE_CHARS:,}).".replace(
                    ",", "."),
                row=number,
                fix="Controleer of het bestand echt een CSV-tabel is.",
            )


def _check_xlsx(path: Path) -> None:
    check_size(path)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise LoadError(path, "dit is geen geldig Excel-bestand (.xlsx).",
                        fix="Open het in Excel en sla het opnieuw op als .xlsx.") from exc
    # A zip bomb packs gigabytes of repeated bytes into a small file: judge what it unpacks to.
    if unpacked > 2 * settings.max_file_mb() * 2**20:
        raise LoadError(path, "het Excel-bestand pakt uit tot een onredelijke omvang.",
                        fix="Sla de gegevens op als CSV en laad die.")


def _read_xlsx(path: Path) -> pd.DataFrame:
    _check_xlsx(path)
    try:
        frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise LoadError(path, "dit Excel-bestand is beschadigd of onleesbaar.",
                        fix="Open het in Excel en sla het opnieuw op als .xlsx.") from exc
    if frame.empty and len(frame.columns) == 0:
        raise LoadError(path, "het eerste werkblad is leeg.", fix="Zet de tabel op het eerste werkblad.")
    return _tidy(frame)


def _arrow_text(cells: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow strings behind a text column without empty (NaN) cells, else None.

    The column-wise functions below work on these directly, with the same Arrow kernels the
    pandas string methods use on them, without pandas' copies and conversions.
    """
    array = cells.array
    if not isinstance(array, pd.arrays.ArrowStringArray):
        return None
    data = array._pa_array  # noqa: SLF001 - the storage of an Arrow-backed string column
    if data.null_count or len(data) == 0:
        return None
    return data


def _text_series(data: pa.ChunkedArray | pa.Array, like: pd.Series) -> pd.Series:
    """Arrow strings as a text column of the same kind and index as `like`."""
    array = like.array._from_pyarrow_array(data)  # noqa: SLF001 - keeps the column's dtype
    return pd.Series(array, index=like.index, name=like.name, copy=False)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame.columns = [normalise_header(c) for c in frame.columns]
    columns = [_arrow_text(frame[c]) for c in frame.columns]
    if (columns and len(set(frame.columns)) == len(frame.columns)
            and all(c is not None for c in columns)):
        # The same as below (strip every cell, drop empty rows), on the Arrow strings directly.
        stripped = [pc.utf8_trim_whitespace(c) for c in columns]
        filled = None
        for column in stripped:
            here = pc.not_equal(column, "")
            filled = here if filled is None else pc.or_(filled, here)
        tidy = pd.DataFrame({name: _text_series(column, frame[name])
                             for name, column in zip(frame.columns, stripped, strict=True)},
                            index=frame.index)
        if filled is None or pc.all(filled).as_py():
            return tidy.reset_index(drop=True)
        return tidy[np.asarray(filled, dtype=bool)].reset_index(drop=True)
    for column in frame.columns:
        frame[column] = frame[column].astype(str).str.strip()
    # Fully empty trailing lines are common in exports.
    return frame[(frame != "").any(axis=1)].reset_index(drop=True)


def normalise_header(name: object) -> str:
    """Collapse any whitespace (including non-breaking spaces) to one space."""
    return re.sub(r"\s+", " ", str(name).replace("\ufeff", "")).strip()


def parse_number(path: Path, text: str, row: int, column: str) -> float | None:
    """A cell as a number: decimal comma or point, thousands separators; CBS markers are missing."""
    cell = text.strip().rstrip("*")
    if cell in MISSING_MARKERS:
        return None
    compact = cell.replace(" ", "").replace("\u00a0", "")
    if _SCIENTIFIC.match(compact):
        return float(compact.replace(",", "."))
    if not _NUMBER.match(compact) or compact in {"+", "-"}:
        raise LoadError(
            path,
            f"'{cell[:40]}' is geen getal.",
            row=row,
            column=column,
            fix="Vul een getal in (komma of punt als decimaalteken), of laat de cel leeg.",
        )
    if "," in compact and "." in compact:
        # The last separator is the decimal one: 1.234,5 or 1,234.5.
        if compact.rfind(",") > compact.rfind("."):
            compact = compact.replace(".", "").replace(",", ".")
        else:
            compact = compact.replace(",", "")
    elif "," in compact:
        compact = compact.replace(",", ".")
    elif compact.count(".") > 1:
        compact = compact.replace(".", "")  # 1.234.567: only thousands dots
    # A single dot is a decimal point (1.234 = 1,234): CBS exports never group thousands.
    return float(compact)


_PLAIN_NUMBER = r"[+-]?\d+(?:\.\d+)?"


def parse_numbers(path: Path, cells: pd.Series, column: str) -> pd.Series:
    """parse_number for a whole column at once (float, NaN = missing); same rules and errors.

    Plain numbers (digits with at most one decimal point) are converted in one go; every other
    cell goes through parse_number, so a bad cell is reported with its own line as before.
    """
    data = _arrow_text(cells)
    if data is not None:
        return _parse_numbers_arrow(path, data, cells.index, column)
    text = cells.astype(str).str.strip()
    missing = text.isin(MISSING_MARKERS)
    plain = text.str.fullmatch(_PLAIN_NUMBER).fillna(False).astype(bool) & ~missing
    values = np.full(len(text), np.nan)
    values[plain.to_numpy()] = text[plain].astype("float64").to_numpy()
    rest = (~plain & ~missing).to_numpy()
    if rest.any():
        positions = rest.nonzero()[0]
        parsed = [parse_number(path, str(text.iloc[i]), int(i) + 2, column) for i in positions]
        values[positions] = [np.nan if v is None else v for v in parsed]
    return pd.Series(values, index=cells.index)


def _distinct(data: pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """The distinct cells of a column and, per row, which one it holds.

    A column repeats few values (a year, a handful of indicators, codes a few dozen times each):
    the checks run once per distinct cell and are spread over the rows afterwards.
    """
    first = data[0]
    if pc.all(pc.equal(data, first)).as_py():  # one value throughout (a year, an empty column)
        return pa.array([first.as_py()], type=data.type), np.zeros(len(data), dtype=np.intp)
    encoded = pc.dictionary_encode(data).combine_chunks()
    return encoded.dictionary, encoded.indices.to_numpy(zero_copy_only=False)


def _parse_numbers_arrow(path: Path, data: pa.ChunkedArray, index: pd.Index, column: str
                         ) -> pd.Series:
    """parse_numbers on Arrow strings: plain numbers cast in one go, the rest cell by cell."""
    cells, which = _distinct(data)
    text = pc.utf8_trim_whitespace(cells)
    missing = np.asarray(pc.is_in(text, value_set=pa.array(sorted(MISSING_MARKERS),
                                                           type=text.type)), dtype=bool)
    if missing.all():
        return pd.Series(np.full(len(data), np.nan), index=index)
    # A plain number never is a missing marker; RE2's \d is ASCII only, so a plain cell in other
    # digits goes through parse_number below, which reads it as before.
    plain = pc.match_substring_regex(text, _PLAIN_PATTERN)
    numbers = pc.cast(pc.if_else(plain, text, pa.scalar(None, text.type)), pa.float64())
    numbers = numbers.to_numpy(zero_copy_only=False)
    values = numbers[which]
    rest = ~(np.asarray(plain, dtype=bool) | missing)
    if rest.any():
        # Row by row, in file order, so the first bad cell is the one reported.
        positions = rest[which].nonzero()[0]
        words = text.to_pylist()
        parsed = [parse_number(path, words[which[i]], int(i) + 2, column) for i in positions]
        values[positions] = [np.nan if v is None else v for v in parsed]
    return pd.Series(values, index=index)


_PLAIN_PATTERN = f"^({_PLAIN_NUMBER})$"
# Since 2022 CBS codes may carry letters after the gemeente number: WK0363AA, BU0363AA01.
CODE_REGEX = r"GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}"
_CODE_PATTERN = f"^({CODE_REGEX})$"


def normalise_codes(path: Path, cells: pd.Series, column: str) -> pd.Series:
    """normalise_code for a whole column at once; the first bad cell is reported as before."""
    data = _arrow_text(cells)
    if data is not None:
        distinct, which = _distinct(data)
        code = pc.replace_substring(pc.utf8_upper(pc.utf8_trim_whitespace(distinct)), " ", "")
        if pc.all(pc.match_substring_regex(code, _CODE_PATTERN)).as_py():
            if pc.all(pc.equal(code, distinct)).as_py():
                return _text_series(data, cells)  # already written as codes
            return _text_series(code.take(pa.array(which)), cells)
        # Some cells need a prefix or are wrong: the way below names the first bad one.
    code = cells.astype(str).str.strip().str.upper().str.replace(" ", "", regex=False)
    good = code.str.fullmatch(CODE_REGEX).fillna(False).astype(bool)
    if not good.all():
        code = code.copy()
        for i in (~good).to_numpy().nonzero()[0]:
            code.iloc[i] = normalise_code(path, str(cells.iloc[i]), int(i) + 2, column)
    return code


def normalise_code(path: Path, text: str, row: int, column: str) -> str:
    """An area code with its CBS prefix: GM0202, WK020201, BU02020100 (prefix added if missing)."""
    code = text.strip().upper().replace(" ", "")
    if re.fullmatch(CODE_REGEX, code):
        return code
    if code.isdigit():
        prefix = {4: "GM", 6: "WK", 8: "BU"}.get(len(code))
        if prefix:
            return prefix + code
    raise LoadError(
        path,
        f"'{text.strip()[:30]}' is geen geldige gebiedscode.",
        row=row,
        column=column,
        fix="Gebruik CBS-codes als GM0202 (gemeente), WK020201 (wijk) of BU02020100 (buurt).",
    )


def level_of(code: str) -> str:
    return {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}[code[:2]]


def parent_of(code: str) -> str | None:
    if code.startswith("BU"):
        return "WK" + code[2:8]
    if code.startswith("WK"):
        return "GM" + code[2:6]
    return None


def gemeente_of(code: str) -> str:
    return "GM" + code[2:6]


def require_columns(path: Path, frame: pd.DataFrame, required: list[str]) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise LoadError(
            path,
            "verplichte kolom(men) ontbreken: " + ", ".join(f"'{m}'" for m in missing)
            + ". Gevonden: " + ", ".join(f"'{c}'" for c in list(frame.columns)[:15]) + ".",
            row=1,
            fix="Gebruik het sjabloon (te downloaden op de pagina 'Over de data') of controleer "
            "het scheidingsteken.",
        )
