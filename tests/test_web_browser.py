"""The pages in a real headless Chromium (Debian's chromium driven by playwright, never a
downloaded browser): every page loads under the CSP with no console error, a matrix cell opens
its evidence, search and filters work, a prediction is resolved with the token, screenshots at
1400 and 400 px, and hostile article text runs no script."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_support import ROOT, TOKEN, build_demo, build_hostile, live_server

CHROMIUM = Path(os.environ.get("ALLEGIANCE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: Screenshots go to docs/screenshots/ when ALLEGIANCE_SCREENSHOTS=docs, else to a temporary folder.
SHOTS = ROOT / "docs" / "screenshots"

pytest.importorskip("fastapi", reason="the web extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the browser extra)")
pytestmark = [pytest.mark.network, pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}: apt-get install chromium (browser tests skipped)")]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        try:
            chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        except Exception as exc:  # a broken install must skip with its reason, not fail the suite
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {exc}")
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_demo(tmp_path_factory.mktemp("browser") / "demo.db")
    with live_server(db) as base:
        yield base


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_hostile(tmp_path_factory.mktemp("hostile") / "in")
    with live_server(db) as base:
        yield base


class Watched:
    """A page whose dialogs and console messages are recorded (dialogs dismissed)."""

    def __init__(self, browser: Any, width: int = 1400, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))

    def _console(self, message: Any) -> None:
        if message.type not in ("verbose", "debug"):  # Chromium's own DOM hints come as verbose
            self.console.append(f"{message.type}: {message.text}")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()


PAGES = {"/": "Overview", "/timeline": "Timeline", "/search?q=troops": "Search", "/predictions": "Predictions",
         "/sources": "Sources", "/rejections": "Rejections", "/docs": "API", "/dossier/KAZ": "Kazakhstan",
         "/article/2022-02-kaz-troops": "Article"}


def test_every_page_loads_under_the_csp_without_errors(demo_server: str, watched: Watched) -> None:
    for path, title in PAGES.items():
        response = watched.page.goto(demo_server + path)
        assert response is not None and response.status == 200, path
        assert watched.page.title() == f"{title} · Allegiance"
        header = watched.page.eval_on_selector("header.top", "e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(23, 50, 77)", "the stylesheet did not load"
    assert watched.console == [] and watched.dialogs == [], watched.console


def test_clicking_a_matrix_cell_opens_its_evidence(demo_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(demo_server + "/")
    cell = page.locator("table.matrix a.cell").first
    label = cell.inner_text()
    cell.click()
    page.wait_for_url("**/cell?**")
    assert page.locator("ol.evidence li").count() >= 1
    assert label.split()[0] in page.locator("p.verdict").inner_text()
    page.locator("ol.evidence li a[href^='/article/']").first.click()
    page.wait_for_url("**/article/**")
    assert page.locator(".text a.st").count() >= 1
    page.locator(".text a.st").first.click()  # the script marks the statement's row
    assert page.locator("tr.target").count() == 1
    assert watched.console == []


def test_search_and_filters(demo_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(demo_server + "/search")
    page.fill("input[name=q]", "troops")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/search?q=troops**")
    assert page.locator("ol.hits li.hit").count() >= 1
    assert page.locator("ol.hits mark").first.inner_text().lower() == "troops"
    page.goto(demo_server + "/")
    with page.expect_navigation():
        page.select_option("select[name=issue]", "csto_participation")  # applies itself (app.js)
    assert "issue=csto_participation" in page.url
    assert page.locator("section.issue h2").all_inner_texts() == ["CSTO participation"]
    page.goto(demo_server + "/timeline")
    with page.expect_navigation():
        page.select_option("select[name=actor]", "KAZ")
    actors = page.locator("table.events").first.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert actors and set(actors) == {"Kazakhstan"}
    page.goto(demo_server + "/?since=2022-13")
    assert "bad_date" in page.content()
    assert [m for m in watched.console if "400" not in m] == []


def test_resolving_a_prediction_with_the_token(demo_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(demo_server + "/predictions?status=open")
    form = page.locator("form.resolve").first
    row_id = form.evaluate("f => f.closest('tr').id")
    form.locator("select[name=outcome]").select_option("partly")
    form.locator("input[name=note]").fill("resolved in the browser test")
    form.locator("input[name=token]").fill("wrong")
    form.locator("button").click()
    assert "bad_token" in page.content(), page.locator("main").inner_text()
    page.goto(demo_server + "/predictions?status=open")
    form = page.locator(f"#{row_id} form.resolve")
    form.locator("select[name=outcome]").select_option("partly")
    form.locator("input[name=note]").fill("resolved in the browser test")
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button").click()
    page.wait_for_url("**/predictions?status=resolved**")
    row = page.locator(f"#{row_id}")
    assert "partly" in row.inner_text() and "resolved in the browser test" in row.inner_text()


SCREENS = {"overview": "/", "cell": None, "dossier": "/dossier/KAZ", "article": "/article/2022-02-kaz-troops",
           "search": "/search?q=troops", "timeline": "/timeline", "predictions": "/predictions"}


@pytest.mark.parametrize("width", [1400, 400])
def test_screenshots_and_no_sideways_scroll(demo_server: str, browser: Any, width: int, tmp_path: Path) -> None:
    folder = SHOTS if os.environ.get("ALLEGIANCE_SCREENSHOTS") == "docs" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    w = Watched(browser, width=width, height=900)
    try:
        for name, path in SCREENS.items():
            if path is None:
                w.page.goto(demo_server + "/")
                w.page.locator("table.matrix a.cell").first.click()
                w.page.wait_for_url("**/cell?**")
            else:
                w.page.goto(demo_server + path)
            overflow = w.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            w.page.screenshot(path=str(folder / f"{name}-{width}.png"))
            assert overflow <= 1, f"{name} at {width} px scrolls sideways by {overflow} px"
            shot = folder / f"{name}-{width}.png"
            w.page.screenshot(path=str(shot))
            assert shot.stat().st_size > 5_000
        assert w.console == []
    finally:
        w.close()


HOSTILE_PAGES = ["/", "/timeline", "/predictions", "/sources", "/rejections", "/search?q=alert", "/search?q=script",
                 "/dossier/KAZ", "/dossier/BLR", "/dossier/ARM", "/article/hostile-script", "/article/hostile-url",
                 "/article/" + "hostile-svg%22%3E%3Cscript%3Ealert(%27xss-id%27)%3C%2Fscript%3E"]


def test_hostile_article_text_runs_no_script(hostile_server: str, watched: Watched) -> None:
    page = watched.page
    for path in HOSTILE_PAGES:
        response = page.goto(hostile_server + path)
        assert response is not None and response.status == 200, path
        expected = page.evaluate("document.querySelector('title').textContent")
        page.mouse.move(200, 300)
        for link in page.locator("main a, main mark, main b").all()[:40]:
            link.hover(timeout=2000, force=True)
        page.wait_for_timeout(150)
        assert page.title() == expected and "pwned" not in page.title(), path
        scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
        assert scripts == ["/static/app.js"], (path, scripts)
        assert page.evaluate("document.querySelectorAll('iframe, object, embed, main svg script').length") == 0
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))], path
    assert watched.dialogs == [], watched.dialogs
    assert [m for m in watched.console if "xss" in m.lower() or "content security policy" in m.lower()] == []
    assert watched.console == []


def test_hostile_article_shows_the_payload_as_text(hostile_server: str, watched: Watched, tmp_path: Path) -> None:
    page = watched.page
    page.goto(hostile_server + "/article/hostile-script")
    folder = SHOTS if os.environ.get("ALLEGIANCE_SCREENSHOTS") == "docs" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "hostile-article-1400.png"))
    text = page.locator("div.text").inner_text()
    assert "<script>alert('xss-text')</script>" in text
    assert page.locator("h1 bdi").inner_text().startswith("Kazakhstan <script>")  # ingest dropped the override
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.locator("span.unsafe-url").inner_text() == "javascript:alert('xss-url')"


def test_pages_work_with_javascript_off(demo_server: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1000, "height": 800})
    try:
        page = context.new_page()
        page.goto(demo_server + "/")
        page.select_option("select[name=issue]", "russia_war_in_ukraine")  # no script: nothing submits by itself
        assert "issue=" not in page.url
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**issue=russia_war_in_ukraine**")
        page.locator("table.matrix a.cell").first.click()
        page.wait_for_url("**/cell?**")
        assert page.locator("ol.evidence li").count() >= 1
        page.goto(demo_server + "/search?q=troops")
        assert page.locator("ol.hits li.hit").count() >= 1
    finally:
        context.close()
