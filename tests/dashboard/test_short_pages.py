"""Every page is short (house style: about 150 lines): a page is the outline of what it shows;
sections that grow move to a dashboard module of their own (overview_sections.py and the like)."""

from __future__ import annotations

from pathlib import Path

import pytest

VIEWS = Path(__file__).resolve().parents[2] / "dashboard" / "views"
MAX_LINES = 150


@pytest.mark.parametrize("path", sorted(VIEWS.glob("*.py")), ids=lambda p: p.name)
def test_no_page_exceeds_150_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, (
        f"{path.name} heeft {lines} regels (hoogstens {MAX_LINES}): verplaats een sectie naar "
        "een eigen module onder dashboard/, zoals overview_sections.py"
    )


def test_the_pages_are_found() -> None:
    assert len(list(VIEWS.glob("*.py"))) >= 9
