"""The rules of a signaal, as pure functions: what may be written, which step may follow, when it is
archived. No database, no streamlit: store.py and importer.py call these before anything is written.

Signalen concern buurten, never persons: free text that looks like an e-mail address, a phone
number, a postcode with a house number, a BSN (11-proof) or a date of birth is refused with a
Dutch message saying why and what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping

THEMES = ("leefbaarheid", "veiligheid", "contact", "participatie", "anders")
SOURCE_KINDS = (
    "bewoner",
    "corporatie",
    "zorg",
    "politie",
    "welzijn",
    "school",
    "gemeente",
    "anders",
)
URGENCIES = ("laag", "middel", "hoog")
STEPS = ("nieuw", "besproken", "in onderzoek", "afgerond")
# Forward only. A signal is discussed by the core group before anything else; after discussion
# it can be closed at once (e.g. 'geen actie') or investigated first.
NEXT_STEPS = {
    "nieuw": ("besproken",),
    "besproken": ("in onderzoek", "afgerond"),
    "in onderzoek": ("afgerond",),
    "afgerond": (),
}
DECISIONS = ("project", "doorverwezen", "geen actie")
STEP_FIELDS = ("step", "step_date", "responsible", "decision", "reason", "project_id")
MAX_TEXT = 600
MAX_NAME = 80
ARCHIVE_DAYS = 365

PRIVACY_HINT = (
    "Signalen gaan over buurten, nooit over personen: schrijf geen namen, e-mailadressen, "
    "telefoonnummers, adressen met huisnummer, BSN's of geboortedata. Beschrijf wat er in de "
    "buurt speelt, niet wie het betreft."
)


class SignalRefused(ValueError):
    """A signal or change that is not saved, with a Dutch message saying why and what to do."""

    def __init__(self, message: str, field: str | None = None) -> None:
        self.field = field
        super().__init__(message)


class LoginName(str):
    """The name of a logged-in user as the identity provider gave it (often an e-mail address).

    It is who changed a signal, recorded in the history, not what the signal says: the privacy
    check on free text does not apply to it, as it does to a name typed in local mode.
    """


def author_name(who: str) -> str:
    """Who writes, as the history records it: a login name as given (cut to MAX_NAME), a typed
    name checked like any free text."""
    if isinstance(who, LoginName):
        name = str(who).strip()[:MAX_NAME]
        if not name:
            raise SignalRefused("Uw inlog geeft geen naam; log opnieuw in.", "Uw naam")
        return name
    return check_text("Uw naam", who, required=True, max_chars=MAX_NAME)


# --- privacy --------------------------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Dutch numbers (06-12345678, 026 123 45 67, +31 6 1234 5678) and other international ones.
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?|0)(?:\d[\s./-]{0,2}){8}\d(?!\d)"
    r"|(?<![\d+])\+\s?\d{2,3}[\s.-]?(?:\d[\s./-]{0,2}){6,11}\d(?!\d)"
)
_POSTCODE = r"(?:[1-9]\d{3}\s?[A-Z]{2}|[1-9]\d{3}[a-z]{2})(?![A-Za-z])"
_POSTCODE_WITH_NUMBER = re.compile(
    rf"(?<![\dA-Za-z]){_POSTCODE}[\s,]*(?:nr\.?|nummer|huisnummer)?\s*\d{{1,5}}(?!\d)"
    rf"|(?<![\d.,])\d{{1,5}}(?:[-\s]?[a-zA-Z])?\s*[,;]?\s+{_POSTCODE}"
    rf"|(?<![\d.,])\d{{1,5}}(?:[-\s]?[a-zA-Z])?\s*[,;]\s*{_POSTCODE}"
)
_BSN_LIKE = re.compile(
    r"(?<![\d.,-])(\d{4}[.\s]?\d{2}[.\s]?\d{3}|\d{3}[.\s]\d{3}[.\s]\d{3})(?![\d,]|\.\d)"
)
_MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_WRITTEN_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+(\d{4})(?!\d)",
    re.IGNORECASE,
)
_BIRTH_WORD = re.compile(
    r"\b(geboren|geb\.|geboortedatum|geboortedag|geboortejaar|geb\.\s?datum|verjaardag)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# A full date this many years back is read as a date of birth: a signal is about now.
BIRTH_DATE_YEARS = 16


def _is_bsn(digits: str) -> bool:
    """The 11-proof of a burgerservicenummer (weights 9..2 and -1)."""
    if len(digits) != 9 or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _full_dates(text: str, today: dt.date) -> list[tuple[re.Match[str], dt.date]]:
    found = []
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if 2000 + year <= today.year else 1900
        found.append((match, (year, month, day)))
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        found.append((match, (year, month, day)))
    for match in _WRITTEN_DATE.finditer(text):
        found.append(
            (match, (int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1))))
        )
    dates = []
    for match, (year, month, day) in found:
        try:
            dates.append((match, dt.date(year, month, day)))
        except ValueError:
            continue
    return dates


def _looks_like_birth_date(text: str, today: dt.date) -> bool:
    for word in _BIRTH_WORD.finditer(text):
        near = text[max(0, word.start() - 40) : word.end() + 40]
        if _YEAR.search(near) or _full_dates(near, today):
            return True
    old = (
        today.replace(year=today.year - BIRTH_DATE_YEARS)
        if not (today.month == 2 and today.day == 29)
        else dt.date(today.year - BIRTH_DATE_YEARS, 2, 28)
    )
    return any(date <= old for _, date in _full_dates(text, today))


def _shown(found: str) -> str:
    """A hint of where the problem is, without repeating the personal data itself."""
    return f"'{found.strip()[:3]}…'"


def privacy_problems(text: str, today: dt.date | None = None) -> list[str]:
    """What in `text` could identify a person (Dutch, one phrase per kind); empty when none."""
    today = today or dt.date.today()
    problems = []
    if match := _EMAIL.search(text):
        problems.append(f"een e-mailadres ({_shown(match.group())})")
    if match := _PHONE.search(text):
        problems.append(f"een telefoonnummer ({_shown(match.group())})")
    if match := _POSTCODE_WITH_NUMBER.search(text):
        problems.append(f"een postcode met huisnummer ({_shown(match.group())})")
    for match in _BSN_LIKE.finditer(text):
        if _is_bsn(re.sub(r"\D", "", match.group())):
            problems.append(f"een nummer dat op een BSN lijkt ({_shown(match.group())})")
            break
    if _looks_like_birth_date(text, today):
        problems.append(
            "iets dat op een geboortedatum lijkt (noem hooguit een jaar of een "
            "leeftijdsgroep, zoals 'ouderen')"
        )
    return problems


def check_text(
    label: str,
    text: str,
    *,
    required: bool,
    max_chars: int = MAX_TEXT,
    today: dt.date | None = None,
) -> str:
    """The text stripped, or SignalRefused saying what is wrong with it."""
    text = (text or "").strip()
    if required and not text:
        raise SignalRefused(f"{label} is leeg; vul het in.", label)
    if len(text) > max_chars:
        raise SignalRefused(
            f"{label} is te lang ({len(text)} tekens; maximaal {max_chars}). Vat het korter samen.",
            label,
        )
    problems = privacy_problems(text, today)
    if problems:
        raise SignalRefused(
            f"{label} is niet opgeslagen: de tekst bevat "
            + " en ".join(problems)
            + ". "
            + PRIVACY_HINT,
            label,
        )
    return text


# --- a new signal ----------------------------------------------------------------------------


def _choice(label: str, value: object, allowed: tuple[str, ...]) -> str:
    text = str(value or "").strip().lower()
    if text not in allowed:
        raise SignalRefused(
            f"{label} '{str(value or '')[:30]}' bestaat niet. Kies uit: "
            + ", ".join(allowed)
            + ".",
            label,
        )
    return text


def _date(label: str, value: object, today: dt.date, not_before: dt.date | None = None) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        value = _parse_date(label, str(value or "").strip())
    if value > today:
        raise SignalRefused(f"{label} ({value:%d-%m-%Y}) ligt in de toekomst.", label)
    if not_before is not None and value < not_before:
        raise SignalRefused(
            f"{label} ({value:%d-%m-%Y}) ligt vóór de datum van het signaal "
            f"({not_before:%d-%m-%Y}).",
            label,
        )
    if value.year < 2000:
        raise SignalRefused(f"{label} ({value:%d-%m-%Y}) is te oud; kies een datum na 2000.", label)
    return value


def _parse_date(label: str, text: str) -> dt.date:
    """JJJJ-MM-DD (also with a time, as Excel writes it) or DD-MM-JJJJ."""
    for pattern in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise SignalRefused(f"{label} '{text[:20]}' is geen datum. Schrijf JJJJ-MM-DD.", label)


def new_signal(
    values: Mapping[str, object], today: dt.date, known_areas: Collection[str] | None = None
) -> dict[str, object]:
    """A checked new signal (step 'nieuw'), or SignalRefused naming the field and the fix.

    values: area_code, signal_date, theme, source_kind, description, urgency.
    """
    area = str(values.get("area_code") or "").strip().upper()
    if not area:
        raise SignalRefused("Kies de buurt of wijk waar het signaal over gaat.", "Gebied")
    if not re.fullmatch(r"(BU\d{8}|WK\d{6})", area):
        raise SignalRefused(
            f"Gebied '{area[:20]}' is geen buurt- of wijkcode (BU + 8 cijfers of WK + 6 cijfers).",
            "Gebied",
        )
    if known_areas is not None and area not in known_areas:
        raise SignalRefused(f"Gebied '{area}' is in deze gemeente niet bekend.", "Gebied")
    return {
        "gemeente_code": "GM" + area[2:6],
        "area_code": area,
        "signal_date": _date("Datum", values.get("signal_date"), today),
        "theme": _choice("Thema", values.get("theme"), THEMES),
        "source_kind": _choice("Soort bron", values.get("source_kind"), SOURCE_KINDS),
        "description": check_text(
            "Omschrijving", str(values.get("description") or ""), required=True, today=today
        ),
        "urgency": _choice("Urgentie", values.get("urgency"), URGENCIES),
    }


def edited_content(values: Mapping[str, object], today: dt.date) -> dict[str, object]:
    """Checked changes to what a signal says (theme, source, description, urgency)."""
    checks = {
        "theme": lambda v: _choice("Thema", v, THEMES),
        "source_kind": lambda v: _choice("Soort bron", v, SOURCE_KINDS),
        "urgency": lambda v: _choice("Urgentie", v, URGENCIES),
        "description": lambda v: check_text(
            "Omschrijving", str(v or ""), required=True, today=today
        ),
    }
    unknown = set(values) - set(checks)
    if unknown:
        raise SignalRefused(
            "Alleen thema, soort bron, omschrijving en urgentie kunnen worden "
            "gewijzigd; de stappen gaan via 'Opvolgen'."
        )
    return {name: checks[name](value) for name, value in values.items()}


# --- steps -----------------------------------------------------------------------------------


def next_step(
    current: Mapping[str, object],
    step: str,
    step_date: object,
    responsible: str,
    today: dt.date,
    *,
    decision: str | None = None,
    reason: str | None = None,
    project_id: str | None = None,
    known_projects: Collection[str] | None = None,
) -> dict[str, object]:
    """The checked changes that move a signal to its next step, or SignalRefused.

    current: the signal as stored (step, signal_date). Every step needs a date and who is
    responsible; 'afgerond' also a decision and a reason, and 'project' the project it became.
    """
    now = str(current["step"])
    step = (step or "").strip().lower()
    if step not in NEXT_STEPS.get(now, ()):
        allowed = NEXT_STEPS.get(now, ())
        what = ("naar " + " of ".join(f"'{s}'" for s in allowed)) if allowed else "niet verder"
        raise SignalRefused(
            f"Een signaal in stap '{now}' kan {what}, niet naar '{step}'. De stappen zijn: "
            + " → ".join(STEPS)
            + ".",
            "Stap",
        )
    return step_state(
        current["signal_date"],
        step,
        step_date,
        responsible,
        today,
        decision=decision,
        reason=reason,
        project_id=project_id or current.get("project_id"),
        known_projects=known_projects,
    )


def step_state(
    signal_date: dt.date,
    step: str,
    step_date: object,
    responsible: str,
    today: dt.date,
    *,
    decision: str | None = None,
    reason: str | None = None,
    project_id: str | None = None,
    known_projects: Collection[str] | None = None,
) -> dict[str, object]:
    """The checked fields of a signal in `step` (also for an import that starts further on)."""
    step = _choice("Stap", step, STEPS)
    changes: dict[str, object] = {
        "step": step,
        "step_date": _date("Datum van de stap", step_date, today, not_before=signal_date),
        "responsible": check_text(
            "Verantwoordelijke",
            responsible,
            required=step != "nieuw",
            max_chars=MAX_NAME,
            today=today,
        )
        or None,
        "reason": check_text("Reden", reason or "", required=step == "afgerond", today=today)
        or None,
        "decision": None,
        "project_id": (project_id or "").strip() or None,
    }
    if step == "afgerond":
        changes["decision"] = _choice("Besluit", decision, DECISIONS)
    elif (decision or "").strip():
        raise SignalRefused("Een besluit hoort bij de stap 'afgerond'.", "Besluit")
    if changes["decision"] == "project" or changes["project_id"]:
        changes["project_id"] = checked_project(project_id, known_projects)
    return changes


def checked_project(project_id: str | None, known_projects: Collection[str] | None) -> str:
    """A project id from the project register, or SignalRefused."""
    project = (project_id or "").strip()
    if not project:
        raise SignalRefused(
            "Bij het besluit 'project' hoort het project uit het projectregister. "
            "Kies het project (of laad het eerst met het sjabloon 'projecten').",
            "Project",
        )
    if known_projects is not None and project not in known_projects:
        raise SignalRefused(
            f"Project '{project[:40]}' staat niet in het projectregister van deze gemeente.",
            "Project",
        )
    return project


# --- archiving and history -------------------------------------------------------------------


def archive_cutoff(today: dt.date, days: int = ARCHIVE_DAYS) -> dt.date:
    """Signals closed ('afgerond') on or before this date leave the views. Open ones never do:
    a signal nobody followed up must not disappear by waiting."""
    return today - dt.timedelta(days=days)


def changed(old: Mapping[str, object], new: Mapping[str, object]) -> dict[str, list[object]]:
    """field -> [old, new] for the fields whose value differs (the history's 'what changed')."""
    return {
        name: [_plain(old.get(name)), _plain(value)]
        for name, value in new.items()
        if _plain(old.get(name)) != _plain(value)
    }


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value
