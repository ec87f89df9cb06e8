"""Reads area boundaries as published: the CBS/PDOK wijk- en buurtkaart (GeoPackage with layers
buurten, wijken and gemeenten, or an older Shapefile, whole country, RD New), GeoJSON or TopoJSON
(WGS84 or RD New), and a gemeente's own exports with the CBS code in another property.

Turns one file into areas plus WGS84 geometries (original, simplified for display, label point) in a
LoadBatch. Water parts (water = JA) and placeholder areas (water, buitenland) are left out;
`gemeente` keeps only the gemeenten asked for. GeoPackage and Shapefile are read with pyogrio (GDAL)
in chunks, so a national file never sits in memory twice. It never touches the database and builds
no map: display belongs to the dashboard.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyogrio
import pyogrio.raw
import shapely
from pyproj import Transformer

from data_loaders import textio
from data_loaders.batch import AREA_COLUMNS, GEOMETRY_COLUMNS, LoadBatch, LoadError

DEFAULT_SOURCE = "cbs_wijkbuurtkaart"
DEFAULT_TOLERANCE = 0.0001  # degrees: about 7 m east-west and 11 m north-south in the Netherlands
DISPLAY_DECIMALS = 5  # about 1 m
COMPUTED_DECIMALS = 7  # about 1 cm; digits beyond are float noise of decoding or reprojection
MIN_AREA = 1e-12  # square degrees, about 0.01 m²: below this a polygon has collapsed

NL_LON = (3.0, 7.5)
NL_LAT = (50.5, 53.8)
RD_X = (0.0, 300_000.0)
RD_Y = (289_000.0, 629_000.0)

LEVEL_OF_PREFIX = {"BU": "buurt", "WK": "wijk", "GM": "gemeente"}
PREFIX_OF_LEVEL = {level: prefix for prefix, level in LEVEL_OF_PREFIX.items()}
DIGITS = {"buurt": 8, "wijk": 6, "gemeente": 4}
PLURAL = {"buurt": "buurten", "wijk": "wijken", "gemeente": "gemeenten", "gebied": "gebieden"}
PLURAL |= {"feature": "features", "ring": "ringen", "geometrie": "geometrieën",
           "waterdeel": "waterdelen", "plaatshouder": "plaatshouders"}

# (code key, name key, level the key implies), most specific first: CBS buurt layers also carry
# wijkcode and gemeentecode, and the feature's own code must win.
CODE_KEYS: list[tuple[str, str, str | None]] = [
    ("statcode", "statnaam", None),
    ("buurtcode", "buurtnaam", "buurt"),
    ("bu_code", "bu_naam", "buurt"),
    ("wijkcode", "wijknaam", "wijk"),
    ("wk_code", "wk_naam", "wijk"),
    ("gemeentecode", "gemeentenaam", "gemeente"),
    ("gm_code", "gm_naam", "gemeente"),
    ("code", "naam", None),
]
CODE_KEY_LIST = ", ".join(key for key, _, _ in CODE_KEYS)

_JSON_OBJECT = re.compile(r"\A\ufeff?\s*\{")
# Writers that sort keys put "type" last, after megabytes of arcs or features.
_GEO_MARKER = re.compile(
    r'"type"\s*:\s*"(?:FeatureCollection|Topology)"|\A\ufeff?\s*\{\s*"arcs"\s*:|"features"\s*:\s*\['
)
_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_CODE = re.compile(r"(BU|WK|GM)?([0-9A-Z]+)")
# Since 2022 CBS codes may carry letters after the gemeente number (BU0363AA01, WK0363AA).
_PREFIXED = re.compile(r"GM\d{4}|WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{4}")
OGR_SUFFIXES = {".gpkg", ".shp", ".zip"}
LAYERS = {"gemeente": "gemeenten", "wijk": "wijken", "buurt": "buurten"}
NAME_KEYS = ["statnaam", "buurtnaam", "bu_naam", "wijknaam", "wk_naam", "gemeentenaam", "gm_naam",
             "naam", "name", "cbsnaam", "cbs_naam"]
PLACEHOLDER_NAMES = {"water", "buitenland"}
CHUNK = 2000  # features read from a GeoPackage or Shapefile at a time

Polygons = list[list[np.ndarray]]  # polygons -> rings -> (n, 2) coordinate arrays


class _BadGeometry(Exception):
    """A feature's geometry cannot be used; the message completes 'feature 4 (BU...) ...'."""


@dataclass
class _Feature:
    number: int  # 1-based position in the file, as messages show it
    properties: dict[str, Any]
    geometry: Any
    code: str = ""
    name: str = ""
    level: str = ""

    def label(self) -> str:
        return f"feature {self.number} ({self.code})" if self.code else f"feature {self.number}"


def detect(path: Path, head: str) -> bool:
    """True for a GeoJSON FeatureCollection or TopoJSON Topology (or a .geojson/.topojson name).

    A .geojson or .topojson file is claimed even when broken, so its reader can say what is wrong.
    """
    if path.suffix.lower() in {".geojson", ".topojson", ".gpkg", ".shp"}:
        return True
    if path.suffix.lower() == ".zip":
        return _zip_has_shapefile(path)
    return bool(_JSON_OBJECT.match(head) and _GEO_MARKER.search(head))


def read(path: Path, checksum: str, options: dict) -> LoadBatch:
    """Areas and geometries of one boundary file; raises LoadError naming the file and feature.

    Options: indeling (year; else a 20xx year in the file name), level (buurt/wijk/gemeente; else
    from the codes), tolerance (display simplification in degrees), object (TopoJSON object name),
    bron (source key). Features are numbered from 1 in file order in every message.
    """
    path = Path(path)
    options = options or {}
    warnings: list[str] = []
    indeling = _indeling(path, options, warnings)
    level_option = _level_option(path, options)
    tolerance = _tolerance(path, options)
    keep = _gemeente_option(path, options)
    if path.suffix.lower() in OGR_SUFFIXES:
        return _read_ogr(path, checksum, options, indeling, level_option, tolerance, keep,
                         warnings)
    document = _parse_json(path)

    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection":
        fmt = "geojson"
        features = _geojson_features(path, document)
        arcs: list[np.ndarray] = []
    elif kind == "Topology" or (isinstance(document, dict) and "arcs" in document):
        fmt = "topojson"
        features = _topojson_features(path, document, options.get("object"))
        arcs = _decode_arcs(path, document)
    else:
        found = f"type '{kind}'" if kind else "geen 'type'"
        raise LoadError(
            path,
            f"dit is JSON, maar geen GeoJSON FeatureCollection of TopoJSON Topology ({found}).",
            fix="Exporteer de buurt- of wijkgrenzen als GeoJSON (FeatureCollection) of TopoJSON.",
        )
    if not features:
        raise LoadError(
            path,
            "het bestand bevat geen features (gebieden).",
            fix="Controleer of de export gelukt is en de juiste laag bevat.",
        )

    features = _assign_codes(path, features, level_option, warnings, options.get("codekolom"), keep)
    shapes, singles, dropped = _shapes(path, features, arcs, fmt)
    if dropped:
        warnings.append(
            f"{_count(dropped, 'ring')} door afronding van de coördinaten samengevallen tot minder "
            "dan 4 punten en weggelaten."
        )
    geometries = _geometries(path, document, features, shapes, singles, fmt, tolerance, warnings)
    geometries.insert(1, "indeling", indeling)
    return LoadBatch(
        file=path,
        checksum=checksum,
        format=fmt,
        source=str(options.get("bron") or DEFAULT_SOURCE),
        periods=[indeling],
        areas=_areas(features, indeling),
        geometries=geometries[GEOMETRY_COLUMNS],
        warnings=warnings,
    )


# --- options -------------------------------------------------------------------------------------


def _indeling(path: Path, options: dict, warnings: list[str]) -> int:
    value = options.get("indeling")
    if value is None or str(value).strip() == "":
        years = sorted({int(y) for y in _YEAR_IN_NAME.findall(path.name)})
        if len(years) != 1:
            found = "meerdere jaartallen" if years else "geen jaartal"
            raise LoadError(
                path,
                f"het jaar van de wijk- en buurtindeling is onbekend (de bestandsnaam bevat {found}).",
                fix="Geef het jaar mee met --indeling, bijvoorbeeld --indeling 2024.",
            )
        warnings.append(
            f"Indeling {years[0]} afgeleid uit de bestandsnaam; geef --indeling mee als dat niet klopt."
        )
        return years[0]
    text = str(value).strip()
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise LoadError(
            path,
            f"indeling '{value}' is geen jaartal.",
            fix="Geef het jaar van de indeling mee, bijvoorbeeld --indeling 2024.",
        )
    return int(text)


def _gemeente_option(path: Path, options: dict) -> set[str] | None:
    """--gemeente GM0202,GM0203 (or 0202): only these gemeenten of a national file."""
    value = options.get("gemeente")
    if value is None or str(value).strip() == "":
        return None
    codes = set()
    for part in re.split(r"[,;\s]+", str(value).strip()):
        if not part:
            continue
        code = part.upper() if part.upper().startswith("GM") else "GM" + part.zfill(4)
        if not re.fullmatch(r"GM\d{4}", code):
            raise LoadError(path, f"gemeente '{part}' is geen gemeentecode.",
                            fix="Geef gemeentecodes als GM0202,GM0203.")
        codes.add(code)
    return codes


def _level_option(path: Path, options: dict) -> str | None:
    value = options.get("level")
    if value is None or str(value).strip() == "":
        return None
    level = str(value).strip().lower()
    if level not in DIGITS:
        raise LoadError(
            path,
            f"niveau '{value}' bestaat niet.",
            fix="Kies --level buurt, wijk of gemeente, of laat de optie weg.",
        )
    return level


def _tolerance(path: Path, options: dict) -> float:
    value = options.get("tolerance", DEFAULT_TOLERANCE)
    try:
        tolerance = float(value)
    except (TypeError, ValueError):
        tolerance = -1.0
    if not 0 <= tolerance < 1:
        raise LoadError(
            path,
            f"tolerantie '{value}' is geen bruikbaar getal in graden.",
            fix=f"Laat de optie weg (standaard {DEFAULT_TOLERANCE}) of geef bijvoorbeeld 0.0002.",
        )
    return tolerance


# --- JSON and the two formats --------------------------------------------------------------------


def _parse_json(path: Path) -> Any:
    try:
        text = textio.read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError(
            path,
            f"het bestand is geen UTF-8-tekst (byte {error.start}).",
            fix="Exporteer GeoJSON of TopoJSON opnieuw; die zijn altijd UTF-8.",
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        rest = text[error.pos + 1 :]
        truncated = error.pos >= len(text.rstrip()) or (
            error.msg.startswith("Unterminated string") and '"' not in rest
        )
        if truncated:
            raise LoadError(
                path,
                "het bestand houdt halverwege op (de JSON is niet afgesloten).",
                row=error.lineno,
                fix="Download of exporteer het bestand opnieuw; het is waarschijnlijk afgebroken.",
            ) from None
        raise LoadError(
            path,
            f"dit is geen geldige JSON (fout bij teken {error.colno}: {error.msg}).",
            row=error.lineno,
            fix="Lever een GeoJSON- of TopoJSON-bestand aan, geen CSV of ander formaat.",
        ) from None


def _geojson_features(path: Path, document: dict) -> list[_Feature]:
    items = document.get("features")
    if not isinstance(items, list):
        raise LoadError(path, "de FeatureCollection heeft geen lijst 'features'.")
    features = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise LoadError(path, f"feature {number} is geen GeoJSON-feature (geen object).")
        features.append(_Feature(number, item.get("properties") or {}, item.get("geometry")))
    return features


def _topojson_features(path: Path, topology: dict, object_name: str | None) -> list[_Feature]:
    objects = topology.get("objects")
    if not isinstance(objects, dict) or not objects:
        raise LoadError(path, "de TopoJSON bevat geen objecten ('objects' is leeg).")
    if object_name:
        if object_name not in objects:
            raise LoadError(
                path,
                f"object '{object_name}' staat niet in het bestand.",
                fix=f"Kies een van: {', '.join(objects)}.",
            )
        chosen = objects[object_name]
    elif len(objects) == 1:
        chosen = next(iter(objects.values()))
    else:
        raise LoadError(
            path,
            f"de TopoJSON bevat {len(objects)} objecten ({', '.join(objects)}).",
            fix="Kies er één met --object, bijvoorbeeld --object " + next(iter(objects)) + ".",
        )
    if not isinstance(chosen, dict):
        raise LoadError(path, "het gekozen TopoJSON-object is geen geometrie.")
    members = chosen.get("geometries") if chosen.get("type") == "GeometryCollection" else [chosen]
    if not isinstance(members, list):
        raise LoadError(path, "de GeometryCollection heeft geen lijst 'geometries'.")
    return [
        _Feature(number, (m.get("properties") or {}) if isinstance(m, dict) else {}, m)
        for number, m in enumerate(members, start=1)
    ]


def _decode_arcs(path: Path, topology: dict) -> list[np.ndarray]:
    """Every arc as absolute coordinates: delta-decoded and scaled when the file is quantised."""
    arcs = topology.get("arcs")
    if not isinstance(arcs, list) or not all(isinstance(a, list) for a in arcs):
        raise LoadError(path, "de TopoJSON heeft geen geldige lijst 'arcs' (bogen).")
    sizes = np.array([len(a) for a in arcs], dtype=np.int64)
    positions = [p for arc in arcs for p in arc]
    try:
        coords = _xy_array(positions)
    except _BadGeometry:
        raise LoadError(path, "de bogen (arcs) bevatten iets anders dan getallenparen.") from None
    transform = topology.get("transform")
    if transform is not None:
        try:
            scale = np.asarray(transform["scale"], dtype=float).reshape(2)
            translate = np.asarray(transform["translate"], dtype=float).reshape(2)
        except (KeyError, TypeError, ValueError):
            raise LoadError(path, "de TopoJSON-'transform' mist scale of translate.") from None
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        running = np.cumsum(coords, axis=0)
        before = np.vstack([np.zeros((1, 2)), running])[starts]
        coords = (running - np.repeat(before, sizes, axis=0)) * scale + translate
    return np.split(coords, np.cumsum(sizes)[:-1]) if len(arcs) else []


# --- codes, names, levels ------------------------------------------------------------------------


def _assign_codes(
    path: Path,
    features: list[_Feature],
    level_option: str | None,
    warnings: list[str],
    code_key: str | None = None,
    keep: set[str] | None = None,
) -> list[_Feature]:
    """Give each feature its CBS code, name and level; returns the features to load.

    Water parts and placeholder areas are left out, and with `keep` every gemeente not asked for.
    The code comes from `code_key` when given, else from the first property whose values are all
    CBS codes (the usual CBS names first, then any other, such as cbsCode), else from the usual
    names feature by feature, so that a wrong code is reported with its feature.
    """
    features, water, placeholders = _without_water(features)
    chosen = _choose_code_key(path, features, code_key)
    missing: list[_Feature] = []
    unnamed = 0
    for feature in features:
        found = _code_and_name(feature.properties) if chosen is None else _by_key(feature, *chosen)
        if found is None:
            missing.append(feature)
            continue
        raw, name, implied = found
        code = _normalise_code(raw, implied or level_option)
        if code is None:
            raise LoadError(
                path,
                f"{feature.label()} heeft code '{raw}', en dat is geen CBS-gebiedscode.",
                fix="Gebruik codes als BU02020100 (buurt), WK020201 (wijk) of GM0202 (gemeente), "
                "of noem de eigenschap met de CBS-code met --codekolom.",
            )
        feature.code = code
        feature.level = LEVEL_OF_PREFIX[code[:2]]
        feature.name = name or code
        unnamed += not name
    if missing:
        listed = _listing([str(f.number) for f in missing])
        raise LoadError(
            path,
            f"{_count(len(missing), 'feature')} zonder gebiedscode (feature {listed}).",
            fix=f"Geef elk gebied een code in een van de eigenschappen {CODE_KEY_LIST}, of noem "
            "de eigenschap met de CBS-code met --codekolom.",
        )
    if water:
        warnings.append(f"{_count(water, 'waterdeel')} (water = JA) weggelaten.")
    if placeholders:
        warnings.append(f"{_count(placeholders, 'plaatshouder')} (water, buitenland) weggelaten.")
    if keep is not None:
        features = _only_gemeenten(path, features, keep, warnings)
    if unnamed:
        warnings.append(f"{_count(unnamed, 'gebied')} zonder naam; de code is als naam gebruikt.")
    _check_levels(path, features, level_option)
    _check_duplicates(path, features)
    return features


def _lowered(properties: Any) -> dict[str, Any]:
    if not isinstance(properties, dict):
        return {}
    return {str(key).strip().lower(): value for key, value in properties.items()}


def _without_water(features: list[_Feature]) -> tuple[list[_Feature], int, int]:
    """Leave out water parts (CBS: water = JA) and placeholder areas named Water or Buitenland."""
    kept, water, placeholders = [], 0, 0
    for feature in features:
        props = _lowered(feature.properties)
        if str(props.get("water", "")).strip().upper() in {"JA", "J", "1", "TRUE"}:
            water += 1
            continue
        name = next((str(props[k]).strip() for k in NAME_KEYS if props.get(k) is not None), "")
        if name.casefold() in PLACEHOLDER_NAMES:
            placeholders += 1
            continue
        kept.append(feature)
    return kept, water, placeholders


def _only_gemeenten(path: Path, features: list[_Feature], keep: set[str],
                    warnings: list[str]) -> list[_Feature]:
    kept = [f for f in features if "GM" + f.code[2:6] in keep]
    if not kept:
        raise LoadError(
            path,
            f"geen gebied van {_listing(sorted(keep))} in het bestand.",
            fix="Controleer de gemeentecodes bij --gemeente (bijvoorbeeld GM0202 voor Arnhem).",
        )
    if len(kept) < len(features):
        warnings.append(f"{_count(len(features) - len(kept), 'gebied')} van andere gemeenten dan "
                        f"{_listing(sorted(keep))} weggelaten.")
    return kept


def _choose_code_key(
    path: Path, features: list[_Feature], explicit: str | None
) -> tuple[str, str | None, str | None] | None:
    """(code key, name key, level it implies) as the properties spell them, or None."""
    keys: dict[str, str] = {}  # lowered -> as written, in order of first appearance
    for feature in features:
        if isinstance(feature.properties, dict):
            for key in feature.properties:
                keys.setdefault(str(key).strip().lower(), str(key))
    if explicit:
        wanted = str(explicit).strip().lower()
        if wanted not in keys:
            raise LoadError(
                path,
                f"eigenschap '{explicit}' (--codekolom) staat niet in het bestand.",
                fix=f"Kies een van: {_listing(list(keys.values()), limit=12)}.",
            )
        return keys[wanted], _name_key(keys), None
    usual = {code_key: implied for code_key, _, implied in CODE_KEYS}
    for key in [*usual, *[k for k in keys if k not in usual]]:
        if key not in keys:
            continue
        implied = usual.get(key)
        values = [_lowered(f.properties).get(key) for f in features]
        if all(_normalise_code(v, implied) is not None if key in usual
               else isinstance(v, str) and _PREFIXED.fullmatch(v.strip().upper()) is not None
               for v in values):
            name = next((n for c, n, _ in CODE_KEYS if c == key and n in keys), None)
            return keys[key], keys[name] if name else _name_key(keys), implied
    return None


def _name_key(keys: dict[str, str]) -> str | None:
    return next((keys[k] for k in NAME_KEYS if k in keys), None)


def _by_key(feature: _Feature, code_key: str, name_key: str | None,
            implied: str | None) -> tuple[Any, str, str | None] | None:
    props = feature.properties if isinstance(feature.properties, dict) else {}
    raw = props.get(code_key)
    if raw is None or not str(raw).strip():
        return None
    name = props.get(name_key) if name_key else None
    return raw, (str(name).strip() if name is not None else ""), implied


def _code_and_name(properties: Any) -> tuple[Any, str, str | None] | None:
    if not isinstance(properties, dict):
        return None
    lowered = {str(key).strip().lower(): value for key, value in properties.items()}
    for code_key, name_key, implied in CODE_KEYS:
        raw = lowered.get(code_key)
        if raw is not None and str(raw).strip():
            name = lowered.get(name_key)
            return raw, (str(name).strip() if name is not None else ""), implied
    return None


def _normalise_code(raw: Any, level: str | None) -> str | None:
    """BU/WK/GM plus the right number of digits, or None when `raw` cannot be one."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    match = _CODE.fullmatch(str(raw).strip().upper().replace(" ", ""))
    if match is None:
        return None
    prefix, digits = match.groups()
    if prefix:
        return prefix + digits if _PREFIXED.fullmatch(prefix + digits) else None
    if not digits.isdigit():
        return None
    level = level or {8: "buurt", 6: "wijk", 4: "gemeente"}.get(len(digits))
    if level is None or len(digits) > DIGITS[level]:
        return None
    # A code stored as a JSON number has lost its leading zeros (0202 -> 202).
    return PREFIX_OF_LEVEL[level] + digits.zfill(DIGITS[level])


def _check_levels(path: Path, features: list[_Feature], level_option: str | None) -> None:
    counts = Counter(f.level for f in features)
    if level_option is not None:
        other = next((f for f in features if f.level != level_option), None)
        if other is not None:
            raise LoadError(
                path,
                f"gevraagd niveau is {level_option}, maar {other.label()} is een {other.level}.",
                fix="Kies het juiste --level of laat de optie weg.",
            )
    if len(counts) > 1:
        main = counts.most_common(1)[0][0]
        odd = next(f for f in features if f.level != main)
        parts = _listing([_count(n, level) for level, n in counts.most_common()])
        raise LoadError(
            path,
            f"het bestand mengt niveaus: {parts} (bijvoorbeeld {odd.label()}). "
            "Een bestand bevat één niveau.",
            fix="Lever buurten, wijken en gemeenten in aparte bestanden aan.",
        )


def _check_duplicates(path: Path, features: list[_Feature]) -> None:
    first: dict[str, _Feature] = {}
    pairs: list[tuple[_Feature, _Feature]] = []
    for feature in features:
        if feature.code in first:
            pairs.append((first[feature.code], feature))
        else:
            first[feature.code] = feature
    if pairs:
        one, two = pairs[0]
        more = f" (en nog {len(pairs) - 1} dubbele)" if len(pairs) > 1 else ""
        raise LoadError(
            path,
            f"code {one.code} komt meer dan eens voor: feature {one.number} en feature "
            f"{two.number}{more}.",
            fix="Elk gebied mag één keer in het bestand staan; voeg delen samen tot een MultiPolygon.",
        )


def _areas(features: list[_Feature], indeling: int) -> pd.DataFrame:
    rows = []
    for f in features:
        digits = f.code[2:]
        parent = {"buurt": "WK" + digits[:6], "wijk": "GM" + digits[:4]}.get(f.level)
        rows.append((f.code, f.name, f.level, parent, "GM" + digits[:4], indeling, indeling))
    return pd.DataFrame(rows, columns=AREA_COLUMNS)


# --- geometry ------------------------------------------------------------------------------------


def _shapes(
    path: Path, features: list[_Feature], arcs: list[np.ndarray], fmt: str
) -> tuple[list[Polygons], list[bool], int]:
    """Each feature's polygons as coordinate arrays, whether it was a single Polygon, rings dropped."""
    shapes: list[Polygons] = []
    singles: list[bool] = []
    dropped = 0
    problems: list[tuple[_Feature, str]] = []
    for feature in features:
        try:
            if fmt == "geojson":
                polygons, single = _geojson_polygons(feature.geometry)
            else:
                polygons, single, lost = _topojson_polygons(feature.geometry, arcs)
                dropped += lost
        except _BadGeometry as error:
            problems.append((feature, str(error)))
            continue
        shapes.append(polygons)
        singles.append(single)
    if problems:
        feature, problem = problems[0]
        more = ""
        if len(problems) > 1:
            more = f" Nog {len(problems) - 1} andere features hebben een onbruikbare geometrie."
        raise LoadError(
            path,
            f"{feature.label()} {problem}.{more}",
            fix="Herstel of verwijder deze features, of exporteer de grenzen opnieuw.",
        )
    return shapes, singles, dropped


def _xy_array(positions: Any) -> np.ndarray:
    try:
        array = np.asarray(positions, dtype=float)
    except (TypeError, ValueError):
        # Mixed 2D and 3D positions make a ragged list; keep x and y.
        try:
            array = np.asarray([p[:2] for p in positions], dtype=float)
        except (TypeError, ValueError, IndexError, KeyError):
            raise _BadGeometry("heeft coördinaten die geen getallenparen zijn") from None
    if array.ndim != 2 or array.shape[1] < 2:
        if array.size == 0:
            return np.empty((0, 2))
        raise _BadGeometry("heeft coördinaten die geen getallenparen zijn")
    if not np.isfinite(array[:, :2]).all():
        raise _BadGeometry("heeft coördinaten die geen getal zijn")
    return array[:, :2]


def _geojson_polygons(geometry: Any) -> tuple[Polygons, bool]:
    if geometry is None:
        raise _BadGeometry("heeft geen geometrie")
    if not isinstance(geometry, dict):
        raise _BadGeometry("heeft een geometrie die geen GeoJSON-object is")
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        polygons = [p for m in geometry.get("geometries") or [] for p in _geojson_polygons(m)[0]]
        if not polygons:
            raise _BadGeometry("heeft een lege geometrie")
        return polygons, False
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        raw, single = [coordinates], True
    elif kind == "MultiPolygon":
        raw, single = coordinates, False
    else:
        raise _BadGeometry(f"is een {kind}, geen vlak (Polygon of MultiPolygon)")
    if not isinstance(raw, list) or not raw or not all(isinstance(p, list) and p for p in raw):
        raise _BadGeometry("heeft een lege geometrie")
    polygons = []
    for polygon in raw:
        rings = [_xy_array(ring) for ring in polygon]
        for ring in rings:
            if len(ring) < 4:
                raise _BadGeometry("heeft een ring met minder dan 4 punten")
            if not (ring[0] == ring[-1]).all():
                raise _BadGeometry(
                    "heeft een ring die niet sluit (eerste punt is niet het laatste)"
                )
        polygons.append(rings)
    return polygons, single


def _topojson_polygons(geometry: Any, arcs: list[np.ndarray]) -> tuple[Polygons, bool, int]:
    if not isinstance(geometry, dict) or geometry.get("type") is None:
        raise _BadGeometry("heeft geen geometrie")
    kind = geometry["type"]
    if kind == "GeometryCollection":
        polygons, dropped = [], 0
        for member in geometry.get("geometries") or []:
            more, _, lost = _topojson_polygons(member, arcs)
            polygons += more
            dropped += lost
        return polygons, False, dropped
    if kind == "Polygon":
        raw, single = [geometry.get("arcs")], True
    elif kind == "MultiPolygon":
        raw, single = geometry.get("arcs"), False
    else:
        raise _BadGeometry(f"is een {kind}, geen vlak (Polygon of MultiPolygon)")
    if not isinstance(raw, list) or not raw or not all(isinstance(p, list) and p for p in raw):
        raise _BadGeometry("heeft een lege geometrie")
    polygons, dropped = [], 0
    for polygon in raw:
        rings = [_topojson_ring(ring, arcs) for ring in polygon]
        # Quantisation can collapse a small ring to a line or point; such a ring has no area.
        kept = [ring for ring in rings if len(ring) >= 4]
        dropped += len(rings) - len(kept)
        if len(rings[0]) >= 4:
            polygons.append(kept)
    return polygons, single, dropped


def _topojson_ring(indexes: Any, arcs: list[np.ndarray]) -> np.ndarray:
    if not isinstance(indexes, list) or not indexes:
        raise _BadGeometry("heeft een lege ring")
    parts = []
    for index in indexes:
        if not isinstance(index, int) or isinstance(index, bool):
            raise _BadGeometry(f"verwijst naar boog '{index}', en dat is geen geheel getal")
        try:
            # A negative index ~i means arc i walked backwards.
            part = arcs[index] if index >= 0 else arcs[~index][::-1]
        except IndexError:
            raise _BadGeometry(f"verwijst naar boog {index}, die niet bestaat") from None
        parts.append(part if not parts else part[1:])
    ring = np.concatenate(parts)
    if len(ring) and not (ring[0] == ring[-1]).all():
        raise _BadGeometry("heeft een ring die niet sluit (eerste punt is niet het laatste)")
    return ring


def _geometries(
    path: Path,
    document: dict,
    features: list[_Feature],
    shapes: list[Polygons],
    singles: list[bool],
    fmt: str,
    tolerance: float,
    warnings: list[str],
) -> pd.DataFrame:
    """Reproject, check, simplify: one row per feature that still has an area."""
    rings = [ring for polygons in shapes for polygon in polygons for ring in polygon]
    coords = np.concatenate(rings) if rings else np.empty((0, 2))
    ring_offsets = _offsets([len(r) for r in rings])
    polygon_offsets = _offsets([len(p) for polygons in shapes for p in polygons])
    geometry_offsets = _offsets([len(polygons) for polygons in shapes])
    per_feature = [sum(len(r) for p in polygons for r in p) for polygons in shapes]

    computed = fmt == "topojson"
    if _is_rd(path, document, coords):
        lon, lat = _rd_to_wgs84().transform(coords[:, 0], coords[:, 1])
        coords = np.column_stack([lon, lat])
        computed = True
    if computed:
        coords = np.round(coords, COMPUTED_DECIMALS)
    _check_inside_nl(path, features, coords, per_feature)

    geoms = shapely.from_ragged_array(
        shapely.GeometryType.MULTIPOLYGON, coords, (ring_offsets, polygon_offsets, geometry_offsets)
    )
    single = np.asarray(singles, dtype=bool) & (np.diff(geometry_offsets) == 1)
    geoms[single] = shapely.get_geometry(geoms[single], 0)
    return _finish(path, features, geoms, tolerance, warnings)


def _finish(path: Path, features: list[_Feature], geoms: np.ndarray, tolerance: float,
            warnings: list[str]) -> pd.DataFrame:
    """Check, repair for display, simplify (WGS84 geometries, one per feature)."""
    valid = shapely.is_valid(geoms)
    repaired = geoms.copy()
    repaired[~valid] = shapely.make_valid(geoms[~valid], method="structure", keep_collapsed=False)
    has_area = shapely.area(repaired) > MIN_AREA
    _warn_collapsed(features, has_area, warnings)
    if (~valid & has_area).any():
        warnings.append(
            f"{_count(int((~valid & has_area).sum()), 'geometrie')} ongeldig (bijvoorbeeld randen "
            "die elkaar snijden): de kaartversie is gerepareerd, het origineel ongewijzigd bewaard."
        )
    if not has_area.any():
        raise LoadError(path, "geen enkel gebied in het bestand heeft een oppervlakte.")

    kept, repaired = geoms[has_area], repaired[has_area]
    display = _display(repaired, tolerance)
    label_points = shapely.point_on_surface(repaired)
    return pd.DataFrame(
        {
            "area_code": [f.code for f, keep in zip(features, has_area, strict=True) if keep],
            "geometry": shapely.to_geojson(kept),
            "geometry_display": shapely.to_geojson(display),
            "centroid_lon": np.round(shapely.get_x(label_points), 6),
            "centroid_lat": np.round(shapely.get_y(label_points), 6),
        }
    )


# --- GeoPackage and Shapefile (CBS/PDOK wijk- en buurtkaart) ------------------------------------


def _zip_has_shapefile(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return any(n.lower().endswith(".shp") for n in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return False


def _ogr_layers(path: Path, options: dict, level_option: str | None) -> list[str]:
    """The layers to read: the one asked for, else buurten/wijken/gemeenten, else the only one."""
    try:
        available = [str(name) for name, _ in pyogrio.list_layers(path)]
    except pyogrio.errors.DataSourceError as error:
        raise LoadError(path, f"het bestand is geen leesbare GeoPackage of Shapefile ({error}).",
                        fix="Download het bestand opnieuw; een Shapefile hoort met .shx, .dbf "
                        "en .prj in één zip-bestand.") from None
    wanted = options.get("object")
    if wanted:
        if wanted not in available:
            raise LoadError(path, f"laag '{wanted}' staat niet in het bestand.",
                            fix=f"Kies een van: {', '.join(available)}.")
        return [str(wanted)]
    if level_option and LAYERS[level_option] in available:
        return [LAYERS[level_option]]
    known = [layer for layer in LAYERS.values() if layer in available]
    if known:
        return known
    if len(available) == 1:
        return available
    raise LoadError(path, f"het bestand bevat {len(available)} lagen ({', '.join(available)}).",
                    fix="Kies er één met --object, bijvoorbeeld --object " + available[0] + ".")


def _read_ogr(path: Path, checksum: str, options: dict, indeling: int, level_option: str | None,
              tolerance: float, keep: set[str] | None, warnings: list[str]) -> LoadBatch:
    """A GeoPackage or Shapefile as CBS/PDOK publish it, layer by layer, in chunks."""
    progress = options.get("progress")
    layers = _ogr_layers(path, options, level_option)
    areas, geometries = [], []
    features_seen: list[_Feature] = []
    for number, layer in enumerate(layers):
        features, geoms = _ogr_layer(path, layer, options, keep, progress, number, len(layers))
        level = None if layer not in LAYERS.values() else next(
            lvl for lvl, name in LAYERS.items() if name == layer)
        features_kept = _assign_codes(path, features, level or level_option, warnings,
                                      options.get("codekolom"), keep)
        features_seen += features_kept
        if not features_kept:
            continue
        wanted = {id(f) for f in features_kept}
        geoms = np.asarray([g for f, g in zip(features, geoms, strict=True) if id(f) in wanted],
                           dtype=object)
        _check_inside_nl_geoms(path, features_kept, geoms)
        frame = _finish(path, features_kept, geoms, tolerance, warnings)
        areas.append(_areas(features_kept, indeling))
        geometries.append(frame)
    if not geometries:
        raise LoadError(path, "het bestand bevat geen gebieden om te laden.",
                        fix="Controleer de laag en --gemeente.")
    area_frame = pd.concat(areas, ignore_index=True)
    _check_duplicates_across(path, area_frame)
    area_frame = pd.concat([area_frame, _named_gemeenten(features_seen, area_frame, indeling)],
                           ignore_index=True)
    frame = pd.concat(geometries, ignore_index=True)
    frame.insert(1, "indeling", indeling)
    return LoadBatch(
        file=path, checksum=checksum, format="gpkg" if path.suffix.lower() == ".gpkg" else "shapefile",
        source=str(options.get("bron") or DEFAULT_SOURCE), periods=[indeling], areas=area_frame,
        geometries=frame[GEOMETRY_COLUMNS], warnings=warnings,
    )


def _ogr_layer(path: Path, layer: str, options: dict, keep: set[str] | None, progress: Any,
               number: int, layers: int) -> tuple[list[_Feature], np.ndarray]:
    """One layer's features (properties only) and WGS84 geometries, read CHUNK at a time."""
    info = pyogrio.read_info(path, layer=layer)
    fields = [str(f) for f in info["fields"]]
    lowered = {f.lower(): f for f in fields}
    where = None
    gemeente_field = next((lowered[k] for k in ("gemeentecode", "gm_code") if k in lowered), None)
    if keep and gemeente_field:
        # Codes were checked to be GM plus four digits, so quoting them here is safe.
        where = f'"{gemeente_field}" IN ({", ".join(repr(c) for c in sorted(keep))})'
    crs = info.get("crs")
    bounds = info.get("total_bounds")
    if not crs and bounds is not None and RD_X[0] <= bounds[0] and bounds[2] <= RD_X[1] \
            and RD_Y[0] <= bounds[1] and bounds[3] <= RD_Y[1]:
        crs = "EPSG:28992"  # a Shapefile without .prj: these numbers can only be RD New metres
    transform = _to_wgs84(path, crs)
    total = int(info.get("features") or 0)
    features: list[_Feature] = []
    parts: list[np.ndarray] = []
    skip = 0
    while True:
        _, _, wkb, data = pyogrio.raw.read(path, layer=layer, where=where, skip_features=skip,
                                           max_features=CHUNK, force_2d=True)
        if wkb is None or len(wkb) == 0:
            break
        geoms = shapely.from_wkb(wkb)
        if transform is not None:
            geoms = shapely.transform(geoms, transform)
        parts.append(geoms)
        for offset in range(len(wkb)):
            properties = {name: _plain(column[offset]) for name, column in
                          zip(fields, data, strict=True)}
            features.append(_Feature(skip + offset + 1, properties, None))
        skip += len(wkb)
        if progress:
            share = min(skip / total, 1.0) if total else 1.0
            progress(0.7 * (number + share) / layers, f"laag {layer}: {skip:,} gebieden gelezen"
                     .replace(",", "."))
        if len(wkb) < CHUNK:
            break
    geoms = np.concatenate(parts) if parts else np.empty(0, dtype=object)
    empty = [f for f, g in zip(features, geoms, strict=True) if g is None or shapely.is_empty(g)]
    if empty:
        raise LoadError(path, f"{empty[0].label()} in laag {layer} heeft geen geometrie.",
                        fix="Herstel of verwijder deze features, of download het bestand opnieuw.")
    kinds = shapely.get_type_id(geoms)
    odd = ~np.isin(kinds, [shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON])
    if odd.any():
        bad = features[int(np.argmax(odd))]
        raise LoadError(path, f"{bad.label()} in laag {layer} is geen vlak (Polygon of "
                        "MultiPolygon).", fix="Kies de laag met de buurt-, wijk- of gemeentevlakken.")
    return features, geoms


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def _to_wgs84(path: Path, crs: str | None) -> Any:
    if not crs or crs in {"EPSG:4326", "OGC:CRS84", "EPSG:4258"}:
        return None
    try:
        transformer = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    except Exception:  # pyproj raises several kinds for an unknown system
        raise LoadError(path, f"het coördinatenstelsel {crs} wordt niet ondersteund.",
                        fix="Exporteer naar WGS84 (EPSG:4326) of RD New (EPSG:28992).") from None

    def apply(xy: np.ndarray) -> np.ndarray:
        lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
        return np.round(np.column_stack([lon, lat]), COMPUTED_DECIMALS)

    return apply


def _check_inside_nl_geoms(path: Path, features: list[_Feature], geoms: np.ndarray) -> None:
    bounds = shapely.bounds(geoms)
    outside = ((bounds[:, 0] < NL_LON[0]) | (bounds[:, 2] > NL_LON[1])
               | (bounds[:, 1] < NL_LAT[0]) | (bounds[:, 3] > NL_LAT[1]))
    if outside.any():
        feature = features[int(np.argmax(outside))]
        raise LoadError(path, f"{feature.label()} valt buiten Nederland; controleer het "
                        "coördinatenstelsel.",
                        fix="Lever WGS84 (EPSG:4326) of RD New (EPSG:28992) aan, met een .prj bij "
                        "een Shapefile.")


def _named_gemeenten(features: list[_Feature], areas: pd.DataFrame, indeling: int) -> pd.DataFrame:
    """Gemeente rows named as the file names them (gemeentenaam, GM_NAAM) when the file has no
    gemeente layer: a gemeente merged away before today's CBS list keeps its name."""
    names: dict[str, str] = {}
    for feature in features:
        props = _lowered(feature.properties)
        name = props.get("gemeentenaam", props.get("gm_naam"))
        if name is not None and str(name).strip():
            names.setdefault("GM" + feature.code[2:6], str(name).strip())
    rows = [(code, name, "gemeente", None, code, indeling, indeling)
            for code, name in sorted(names.items()) if code not in set(areas["code"])]
    return pd.DataFrame(rows, columns=AREA_COLUMNS)


def _check_duplicates_across(path: Path, areas: pd.DataFrame) -> None:
    twice = areas[areas["code"].duplicated()]
    if not twice.empty:
        raise LoadError(path, f"code {twice['code'].iloc[0]} staat in meer dan één laag.",
                        fix="Kies één laag met --object.")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else PLURAL[noun]}"


def _listing(items: list[str], limit: int = 5) -> str:
    """'a, b en c', or the first `limit` and 'en nog n'."""
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" en nog {len(items) - limit}"
    return " en ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]


def _offsets(sizes: list[int]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)]).astype(np.int64)


def _is_rd(path: Path, document: dict, coords: np.ndarray) -> bool:
    crs = document.get("crs")
    if crs is not None:
        text = json.dumps(crs)
        if "28992" in text:
            return True
        # ETRS89 (4258) lies within a metre of WGS84: close enough for buurt boundaries.
        if re.search(r"4326|CRS84|4258", text):
            return False
        named = crs.get("properties", {}).get("name", text) if isinstance(crs, dict) else text
        raise LoadError(
            path,
            f"het coördinatenstelsel {named} wordt niet ondersteund.",
            fix="Exporteer naar WGS84 (EPSG:4326) of RD New (EPSG:28992).",
        )
    if not len(coords):
        return False
    x, y = coords[:, 0], coords[:, 1]
    return bool(
        x.min() >= RD_X[0] and x.max() <= RD_X[1] and y.min() >= RD_Y[0] and y.max() <= RD_Y[1]
    )


@lru_cache(maxsize=1)
def _rd_to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def _check_inside_nl(
    path: Path, features: list[_Feature], coords: np.ndarray, per_feature: list[int]
) -> None:
    lon, lat = coords[:, 0], coords[:, 1]
    outside = ~((lon >= NL_LON[0]) & (lon <= NL_LON[1]) & (lat >= NL_LAT[0]) & (lat <= NL_LAT[1]))
    if not outside.any():
        return
    first = int(np.argmax(outside))
    feature = features[int(np.searchsorted(np.cumsum(per_feature), first, side="right"))]
    x, y = coords[first]
    swapped = NL_LON[0] <= y <= NL_LON[1] and NL_LAT[0] <= x <= NL_LAT[1]
    raise LoadError(
        path,
        f"{feature.label()} valt buiten Nederland; controleer het coördinatenstelsel "
        f"(eerste punt erbuiten, in WGS84: {x:.5f}, {y:.5f}).",
        fix=(
            "Lengte- en breedtegraad lijken verwisseld: GeoJSON zet de lengtegraad (x) eerst."
            if swapped
            else "Lever WGS84 (EPSG:4326) of RD New (EPSG:28992) aan en vermeld het stelsel in 'crs'."
        ),
    )


def _warn_collapsed(features: list[_Feature], has_area: np.ndarray, warnings: list[str]) -> None:
    collapsed = [f for f, keep in zip(features, has_area, strict=True) if not keep]
    if collapsed:
        listed = _listing([f"{f.code} {f.name}" for f in collapsed])
        warnings.append(
            f"{_count(len(collapsed), 'gebied')} zonder oppervlakte in dit bestand (door afronding "
            f"ingeklapt tot een lijn of punt): {listed}. Als gebied geladen, maar niet op de kaart."
        )


def _display(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplified, on a 5-decimal grid, valid and polygonal; the (repaired) original if that fails."""
    simplified = shapely.simplify(geoms, tolerance, preserve_topology=True)
    display = shapely.transform(simplified, lambda xy: np.round(xy, DISPLAY_DECIMALS))
    # Rounding can make a ring touch or cross itself; set_precision snaps to the same grid and
    # keeps the result valid, but is slow, so only the few that broke go through it.
    broken = ~shapely.is_valid(display)
    if broken.any():
        snapped = shapely.set_precision(simplified[broken], 10.0**-DISPLAY_DECIMALS)
        display[broken] = shapely.transform(snapped, lambda xy: np.round(xy, DISPLAY_DECIMALS))
    kind = shapely.get_type_id(display)
    usable = (
        ~shapely.is_empty(display)
        & np.isin(kind, [shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON])
        & shapely.is_valid(display)
    )
    return np.where(usable, display, geoms)
