"""What a person sees: every page in headless Chromium against `streamlit run`, on the demo data.

Pages are found through the sidebar navigation, so a new page is covered without editing this
file. Screenshots of every page go to var/screenshots/ for a person to look at.
"""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from browser_helpers import open_page, wait_for_run

pytestmark = pytest.mark.e2e

# The map page's map: a component frame (dashboard/map_component).
MAP = '[data-testid="stCustomComponentV1"]'
# ColorBrewer PuOr as in dashboard/maps.py; the map draws it at alpha 235 over a white page.
PUOR = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"]
# English notation that must never show: 1,234.5 or 3.78% or a decimal point in a plain number
# next to a Dutch one. Years (2024) and codes (BU02021815) are not numbers with separators.
ENGLISH_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+\.\d+(?![\w])|(?<![\w.,])\d+\.\d+\s?%")
ENGLISH_MONTH = re.compile(
    r"\b(January|February|March|May|June|July|August|October)\b"  # differ from the Dutch names
)


def _params(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(url).query).items()}


def _pages(page) -> list[tuple[str, str]]:
    """(title, path) of every page in the sidebar navigation."""
    open_page(page, "/")
    links = page.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    out = []
    for i in range(links.count()):
        href = urlparse(links.nth(i).get_attribute("href") or "").path
        out.append((links.nth(i).inner_text().strip(), href))
    return out


def _slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "overzicht"


def _metric_values(page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def _visible_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_every_page_opens_without_an_error_and_is_screenshotted(page, screenshots) -> None:
    pages = _pages(page)
    assert len(pages) >= 4, pages
    problems = []
    for title, path in pages:
        open_page(page, path, settle_ms=2500)  # maps and charts draw a moment after the run
        if page.locator('[data-testid="stException"]').count():
            problems.append(f"{title}: {page.locator('[data-testid=stException]').inner_text()}")
        if not page.locator("h1").count():
            problems.append(f"{title}: geen paginatitel")
        page.screenshot(path=screenshots / f"{_slug(path)}.png", full_page=True)
    assert not problems, "\n".join(problems)


def test_every_page_shows_numbers_and_dates_in_dutch_notation(page) -> None:
    for title, path in _pages(page):
        open_page(page, path)
        text = _visible_text(page)
        assert not ENGLISH_NUMBER.findall(text), (title, ENGLISH_NUMBER.findall(text)[:5])
        assert not ENGLISH_MONTH.findall(text), (title, ENGLISH_MONTH.findall(text)[:5])
        # Table cells are drawn on a canvas and their accessible grid holds raw numbers, so
        # the cells' display text is checked in tests/dashboard/test_dutch_formatting.py.


def _near(pixel: tuple[int, int, int], colours: list[tuple[int, int, int]]) -> bool:
    return any(sum(abs(a - b) for a, b in zip(pixel, c, strict=True)) < 36 for c in colours)


def test_the_map_draws_its_areas_in_the_legend_colours(page, screenshots) -> None:
    image_module = pytest.importorskip("PIL.Image")
    open_page(page, "/kaart", settle_ms=1500)
    chart = page.locator(MAP)
    page.frame_locator(MAP).locator("body[data-drawn]").wait_for()
    colours = []
    for hex_colour in PUOR:
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        colours.append(rgb)
        colours.append(tuple(round(c * 235 / 255 + 20) for c in rgb))  # drawn over white
    share = 0.0
    for _ in range(20):  # the map draws on a later animation frame than the run ends
        png = chart.screenshot(path=screenshots / "kaart-canvas.png")
        pixels = list(image_module.open(io.BytesIO(png)).convert("RGB").getdata())
        share = sum(_near(p, colours) for p in pixels) / len(pixels)
        if share > 0.08:
            break
        page.wait_for_timeout(500)
    assert share > 0.08, f"slechts {share:.1%} van de kaart heeft een legendakleur"
    legend = page.frame_locator(MAP).get_by_label("Legenda").inner_text()  # beside the map
    assert "(gunstig)" in legend and "(ongunstig)" in legend


def _map_point(page, x: float, y: float) -> tuple[float, float]:
    box = page.locator(MAP).bounding_box()
    return box["x"] + box["width"] * x, box["y"] + box["height"] * y


def _hover_an_area(page) -> tuple[str, tuple[float, float]]:
    """Move over the map until the tooltip names an area; its text and the point."""
    tip = page.frame_locator(MAP).locator("#tip")
    for x, y in [(0.45, 0.5), (0.5, 0.45), (0.4, 0.55), (0.55, 0.55), (0.5, 0.6)]:
        point = _map_point(page, x, y)
        page.mouse.move(*point)
        page.wait_for_timeout(300)
        if tip.is_visible():
            return tip.inner_text(), point
    return "", point


def test_the_map_tooltip_names_the_area_and_a_click_opens_its_profile(page) -> None:
    open_page(page, "/kaart", settle_ms=1500)
    page.frame_locator(MAP).locator("body[data-drawn]").wait_for()
    text, point = _hover_an_area(page)
    lines = text.splitlines()
    assert len(lines) >= 3, text  # name, value, buurttype (and the source)
    assert re.search(r"\d,\d", lines[1]), lines  # the value in Dutch notation
    page.mouse.click(*point)
    page.wait_for_url(re.compile(r"/buurtprofiel\?.*buurt=BU"), timeout=30_000)
    wait_for_run(page)
    assert page.locator("h1").first.inner_text().startswith("Buurtprofiel")


def test_the_map_draws_again_after_a_visit_to_another_page(page) -> None:
    # The shapes went with the first run; a new map frame finds them kept in the app's window.
    open_page(page, "/kaart", settle_ms=1500)
    page.frame_locator(MAP).locator("body[data-drawn]").wait_for()
    page.get_by_role("link", name="Trends").click()
    page.wait_for_url(re.compile(r"/trends\?"))
    wait_for_run(page)
    page.get_by_role("link", name="Kaart").click()
    page.wait_for_url(re.compile(r"/kaart\?"))
    wait_for_run(page)
    page.frame_locator(MAP).locator("body[data-drawn]").wait_for(timeout=30_000)
    text, _ = _hover_an_area(page)
    assert len(text.splitlines()) >= 3, text


def test_a_filter_change_recolours_the_map_without_sending_its_shapes_again(page) -> None:
    image_module = pytest.importorskip("PIL.Image")
    frames: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(
        data if isinstance(data, bytes) else str(data).encode())))
    open_page(page, "/kaart?regel=inkomen_gemeente_kwintiel", settle_ms=1500)
    page.frame_locator(MAP).locator("body[data-drawn]").wait_for()
    assert any(b'"shapes":' in frame for frame in frames)  # the first run brings them

    def grey_share() -> float:
        png = page.locator(MAP).screenshot()
        pixels = list(image_module.open(io.BytesIO(png)).convert("RGB").getdata())
        return sum(_near(p, [(215, 215, 215), (218, 218, 218)]) for p in pixels) / len(pixels)

    before = grey_share()
    frames.clear()
    page.get_by_role("button", name="Remove voorstandsbuurten").click()
    page.wait_for_url(re.compile(r"buurttype=achterstand(%2C|,)midden(&|$)"))
    wait_for_run(page, settle_ms=1200)
    after = grey_share()
    assert after > before + 0.01, (before, after)  # the voorstandsbuurten turn grey
    assert frames and not any(b'"shapes":' in frame for frame in frames)  # not sent again
    assert page.locator(MAP).count() == 1


def _runs(frames: list[bytes]) -> int:
    """How many script runs the received messages started (one new_session message each)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    started = 0
    for frame in frames:
        msg = ForwardMsg()
        msg.ParseFromString(frame)
        started += msg.WhichOneof("type") == "new_session"
    return started


def test_a_buurttype_change_on_the_map_reruns_only_its_part_and_the_link_follows(page) -> None:
    # The map part is a fragment: a buurttype change sends its messages only, a theme change
    # (which changes the indicators to choose from) the whole page's.
    frames: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda data: frames.append(
        data if isinstance(data, bytes) else str(data).encode())))
    open_page(page, "/kaart?regel=inkomen_gemeente_kwintiel", settle_ms=1500)
    page.frame_locator(MAP).locator("body[data-drawn]").wait_for()
    frames.clear()
    page.get_by_role("button", name="Remove voorstandsbuurten").click()
    page.wait_for_url(re.compile(r"buurttype=achterstand(%2C|,)midden(&|$)"))
    wait_for_run(page)
    part = len(frames)
    # One run: the filter is the fragment's own widget, so no full run is started and replaced.
    assert _runs(frames) == 1, _runs(frames)
    link = page.locator('[data-testid="stSidebar"] input[readonly]').input_value()
    assert _params(link)["buurttype"] == "achterstand,midden"
    frames.clear()
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name="Thema").click()
    page.keyboard.type("Veiligheid")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"thema=veiligheid"))
    wait_for_run(page)
    whole = len(frames)
    assert 0 < part < 0.75 * whole, (part, whole)
    assert page.frame_locator(MAP).locator("body[data-drawn]").count() == 1


def test_removing_a_buurttype_in_the_sidebar_updates_the_url_and_the_figures(page) -> None:
    # The income rule has voorstandsbuurten; the demo's default, the gemeente's own list, has none.
    open_page(page, "/?regel=inkomen_gemeente_kwintiel")
    assert _params(page.url)["buurttype"] == "achterstand,midden,voorstand"
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=30_000)
    before = _metric_values(page)
    page.get_by_role("button", name="Remove voorstandsbuurten").click()
    page.wait_for_url(re.compile(r"buurttype=achterstand(%2C|,)midden(&|$)"))
    wait_for_run(page)
    # On a busy machine the rerun may still be drawing: wait for all figures to be back.
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length === n",
        arg=len(before), timeout=60_000,
    )
    wait_for_run(page)
    after = _metric_values(page)
    assert len(after) == len(before), _visible_text(page)[:2000]
    assert after != before, "de kerncijfers veranderen als voorstandsbuurten wegvallen"
    assert "Selectie: achterstandsbuurten, middenstandsbuurten." in _visible_text(page)


def test_opening_a_copied_url_reproduces_the_view(page, browser, app_url) -> None:
    open_page(page, "/?buurttype=achterstand&niveau=wijk&thema=veiligheid")
    page.get_by_role("link", name="Trends").click()
    page.wait_for_url(re.compile(r"/trends\?"))
    wait_for_run(page)
    copied = page.url
    heading = page.locator("h1").inner_text()
    assert _params(copied)["buurttype"] == "achterstand"
    assert _params(copied)["thema"] == "veiligheid"

    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    try:
        fresh = other.new_page()
        fresh.goto(copied)
        fresh.wait_for_selector('[data-testid="stSidebarNav"]')
        wait_for_run(fresh)
        assert fresh.locator("h1").inner_text() == heading
        assert _params(fresh.url) == _params(copied)
        sidebar = fresh.locator('[data-testid="stSidebar"]')
        # On a busy machine the sidebar may still be drawing its widgets: wait for the tag.
        tag = sidebar.locator('[data-testid="stMultiSelect"] [data-tag]')
        tag.first.wait_for(timeout=30_000)
        tags = tag.all_inner_texts()
        assert tags == ["achterstandsbuurten"]
        assert sidebar.get_by_role("radio", name="Wijken").is_checked()
        assert sidebar.get_by_role("combobox", name="Thema").input_value() == "Veiligheid"
    finally:
        other.close()


def test_the_niveau_can_be_changed_with_the_keyboard_alone(page) -> None:
    open_page(page, "/kaart")
    assert _params(page.url)["niveau"] == "buurt"
    page.locator("body").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        group = page.evaluate(
            "() => document.activeElement.closest('[data-testid=\"stRadio\"]')?.innerText ?? ''"
        )
        if group.startswith("Niveau"):
            break
    else:
        pytest.fail("de Niveau-keuze is niet met Tab te bereiken")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"niveau=wijk"))
    wait_for_run(page)
    assert page.get_by_role("radio", name="Wijken").is_checked()
    assert "per wijk" in _visible_text(page)


def test_a_csv_download_arrives_with_bom_and_semicolons(page) -> None:
    open_page(page, "/kaart")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    content = open(download.path(), "rb").read()
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 met BOM, zodat Excel het goed opent"
    header = content[3:].split(b"\r\n", 1)[0].decode("utf-8")
    assert header.split(";")[:2] == ["Code", "Naam"]
    assert len(content.splitlines()) > 20


def test_the_briefing_pdf_arrives(page) -> None:
    paths = [path for _, path in _pages(page)]
    if "/briefing" not in paths:
        pytest.skip("De pagina 'briefing' bestaat (nog) niet in de navigatie")
    open_page(page, "/briefing")
    button = page.get_by_role("button", name=re.compile("PDF"))
    with page.expect_download(timeout=90_000) as download_info:
        button.first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert open(download.path(), "rb").read(5) == b"%PDF-"
