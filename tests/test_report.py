"""The report in its four formats: links to every article and source, names from the packs, a
timeline that a phone can read, and nothing from article metadata that a terminal, a Markdown
viewer or a browser would run. Every article here is written by the team for these tests."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from lxml import html
from tests.conftest import SAMPLES

from allegiance import Settings, Store, ingest
from allegiance.query.report import build_report, http_url, render_report, report_view, terminal_safe
from allegiance.query.report_html import CSP, timeline_chart
from allegiance.runner import analyze_store

ESC_TITLE = "Belarus \x1b[2J\x1b]0;owned\x07 backs Moscow \x9b31m"
RTL_SOURCE = "\u202emoc.sretuer\u202c"
MD_SOURCE = "Minsk Daily\n| injected | row |"

ARTICLES = [
    {"id": "t-blr-url", "url": "https://news.example.org/2023/blr", "title": "Belarus backs the war",
     "source": "Example News", "published": "2023-05-02",
     "text": "Belarus fully supports Russia's war against Ukraine, the foreign ministry in Minsk said on Tuesday. "
             "Officials added that Belarus will send more trains of equipment next year."},
    {"id": "t-geo-js", "url": "javascript:alert(1)", "title": "Georgia holds back", "source": "Tbilisi Wire",
     "published": "2023-06-10",
     "text": "Georgia has taken a neutral stance on the war and will not join the sanctions, the prime minister "
             "said on Saturday."},
    {"id": "t-kgz-bare", "text": "Kyrgyzstan will not take either side in the conflict between Russia and Ukraine, "
                                 "the Kyrgyz foreign ministry said."},
    {"id": "t-hostile", "title": ESC_TITLE, "source": MD_SOURCE, "url": "https://minsk.example.net/a",
     "published": "2023-07-01",
     "text": "Belarus fully supports Russia's war, a commentator on state television said this week."},
    {"id": "t-rtl", "title": "RTL source", "source": RTL_SOURCE, "published": "2023-08-01",
     "text": "Kazakhstan will not allow its territory to be used to circumvent sanctions against Russia, a "
             "deputy foreign minister said."},
    {"id": "t-quote-url", "url": 'https://evil.example/"><script>alert(1)</script>', "title": "<b>Moldova</b>",
     "source": "<img src=x onerror=alert(1)>", "published": "2023-09-01",
     "text": "Moldova strongly condemns Russia's war against Ukraine, President Maia Sandu said in Chisinau."},
    {"id": "t-bike", "title": "Gravel bike review", "source": "Pedal Weekly", "published": "2023-08-02",
     "text": "The new gravel frame is light and stiff. Its wide tyres roll well on rough roads, and the gearing "
             "suits long climbs. We rode it for three weeks across the hills."},
]


@pytest.fixture(scope="module")
def report_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    feed = folder / "team.jsonl"
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    settings = Settings(db=str(folder / "r.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(feed), str(SAMPLES)], store, settings)
        analyze_store(store, settings=settings)
    return settings.db


@pytest.fixture
def store(report_db):
    with Store(report_db, readonly=True) as s:
        yield s


@pytest.fixture
def page(store):
    return render_report(store, "html", today="2026-01-01")


def test_html_report_is_rendered_by_jinja_with_autoescape_and_keeps_the_csp(page):
    tree = html.fromstring(page)
    assert tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
    assert CSP.startswith("default-src 'none';")
    assert not tree.xpath("//script") and not tree.xpath("//@src") and not tree.xpath("//*[@onerror]")
    assert "\x1b" not in page  # ingest drops the whole escape sequence from metadata; the report shows none
    assert "\u202e" not in page and "moc.sretuer" in page  # no bidi override can disguise a source
    assert "<b>Moldova</b>" not in page and "&lt;img src=x" in page
    assert not tree.xpath("//b[text()='Moldova']") and not tree.xpath("//*[@onmouseover]")


def test_every_piece_of_evidence_links_to_its_article_and_source(page):
    tree = html.fromstring(page)
    external = [a for a in tree.xpath("//a[@href]") if not a.get("href").startswith("#")]
    assert external
    for a in external:
        assert a.get("href").startswith(("https://", "http://")), a.get("href")
        assert a.get("rel") == "noopener noreferrer"
    hrefs = {a.get("href") for a in external}
    assert "https://news.example.org/2023/blr" in hrefs  # the article
    assert "https://news.example.org/" in hrefs  # and its source's site
    assert not any("javascript" in h for h in hrefs)
    blr = [p for p in tree.xpath("//p[@class='ev']") if "foreign ministry in Minsk" in p.text_content()]
    assert blr and all(p.xpath(".//a[@href='https://news.example.org/2023/blr']") for p in blr)


def test_http_url_accepts_only_absolute_http_links():
    assert http_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//a.example/", "/local", "http://", None, 42,
                "https://a.example/\u202ex", "https://a.example/ x", "http://[::1",
                'https://evil.example/"><script>alert(1)</script>'):
        assert http_url(bad) is None, bad


def test_heatmap_tooltip_is_text_not_a_python_dict(page):
    tree = html.fromstring(page)
    tips = [t.text_content() for t in tree.xpath("//*[local-name()='g']/*[local-name()='title']")]
    assert tips
    assert all("{" not in t and "}" not in t for t in tips)
    belarus = [t for t in tips if t.startswith("Belarus (BLR), 2023")]
    assert belarus and "support" in belarus[0] and "independent stor" in belarus[0]


def test_evidence_lines_have_no_empty_field_artefacts(store):
    page = render_report(store, "html", today="2026-01-01")
    text = render_report(store, "text", today="2026-01-01")
    lines = [p.text_content() for p in html.fromstring(page).xpath("//p[@class='ev']")]
    lines += [line for line in text.splitlines() if line.startswith("- ")]  # the evidence lines of the text
    for line in lines:
        assert not re.search(r"· *:|· *·|: *“ *”|\[ *\]|\( *\)", line), line
    bare = [line for line in lines if "t-kgz-bare" in line]
    assert bare  # an article with no source, URL or date is still cited by its id


def test_predictions_table_has_an_article_column(page):
    tree = html.fromstring(page)
    table = tree.xpath("//h2[@id='predictions']/following::table[1]")[0]
    header = [th.text_content() for th in table.xpath(".//th")]
    assert "article" in header
    column = header.index("article")
    cells = [tr.xpath("./td")[column].text_content() for tr in table.xpath(".//tr[td]")]
    assert cells and all(cells)


def test_report_has_contents_and_viewport(page):
    tree = html.fromstring(page)
    assert tree.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    targets = [a.get("href")[1:] for a in tree.xpath("//nav//a")]
    assert len(targets) >= 7
    for target in targets:
        assert tree.xpath(f"//*[@id='{target}']"), target


def test_timeline_fits_a_phone_and_is_coloured_by_plover_type(page):
    tree = html.fromstring(page)
    svg = tree.xpath("//h2[@id='timeline']/following::*[local-name()='svg'][1]")[0]
    assert svg.getparent().get("class") == "scroll"  # scrolls inside the page on a narrow screen
    assert svg.get("viewbox") or svg.get("viewBox")
    assert "970" not in (svg.get("width") or "")
    colours = {c.get("fill") for c in svg.xpath(".//*[local-name()='circle']")}
    assert len(colours) > 1
    legend = tree.xpath("//h2[@id='timeline']/following::p[@class='legend'][1]")[0].text_content()
    assert "REJECT" in legend or "DECLARE" in legend
    labels = svg.xpath(".//*[local-name()='text'][@text-anchor='end']")
    for label in labels:  # room on the left for the longest label: nothing is cut off
        assert float(label.get("x")) >= 6.0 * len(label.text_content()), label.text_content()


def test_timeline_ranks_actors_by_event_count_so_rus_ukr_usa_appear():
    def event(actor: str, n: int) -> dict:
        return {"time": f"2023-{n % 12 + 1:02d}-01", "actor": {"id": actor, "name": actor, "label": actor},
                "type": "ASSAULT", "target": "", "text": "x", "article": "a", "title": "", "url": None,
                "source": "", "source_url": None}

    events = [event(f"A{i:02d}", i) for i in range(40)]  # 40 actors before RUS alphabetically, one event each
    events += [event("RUS", i) for i in range(5)] + [event("UKR", i) for i in range(4)]
    events += [event("USA", i) for i in range(3)]
    chart = timeline_chart(events)
    shown = [a["text"] for a in chart["actors"]]
    assert shown[:3] == ["RUS", "UKR", "USA"] and len(shown) == 30 and chart["more_actors"] == 13


def test_matrix_cells_show_state_names(store):
    text = render_report(store, "text", today="2026-01-01")
    assert "BLR Belarus" in text and "KGZ Kyrgyzstan" in text
    with Store(store.path, readonly=True) as again:
        names = build_report(again, today="2026-01-01")["names"]
    assert {names[k] for k in ("ERI", "MLI", "NIC") if k in names} <= {"Eritrea", "Mali", "Nicaragua"}
    page = render_report(store, "html", today="2026-01-01")
    assert "BLR Belarus" in html.fromstring(page).text_content()


def test_report_says_what_share_of_the_corpus_is_on_topic(store):
    report = build_report(store, today="2026-01-01")
    corpus = report["corpus"]
    assert 0 < corpus["on_topic"] < corpus["articles"]  # the bike review is off topic
    line = report_view(report)["topic_line"]
    assert f"{corpus['on_topic']} of {corpus['articles']} articles" in line
    for fmt in ("text", "markdown", "html"):
        assert "on the topics of the packs" in render_report(store, fmt, today="2026-01-01")


def test_issue_names_and_colours_come_from_the_issue_files(store, tmp_path):
    (tmp_path / "manifest.toml").write_text('name = "recolour"\nversion = "1"\nlicence = "CC0"\n', encoding="utf-8")
    (tmp_path / "issues").mkdir()
    (tmp_path / "issues" / "russia_war_in_ukraine.toml").write_text(
        'id = "russia_war_in_ukraine"\nname = "The full-scale invasion"\n'
        '[labels.support]\nname = "backing"\nshort = "BAK"\ncolour = "#123456"\n', encoding="utf-8")
    page = render_report(store, "html", today="2026-01-01", packs=str(tmp_path))
    assert "The full-scale invasion" in page and "#123456" in page and "BAK" in page
    text = render_report(store, "text", today="2026-01-01", packs=str(tmp_path))
    assert "BAK backing" in text and "BAK" in text.split("Stance matrix: The full-scale invasion")[1]


def test_markdown_table_cells_escape_newlines_and_pipes(store):
    md = render_report(store, "markdown", today="2026-01-01")
    sources = md.split("## Sources")[1].strip().splitlines()
    width = sources[0].count(" | ")
    for row in sources[2:]:
        assert row.startswith("| ") and row.endswith(" |")
        assert len(re.findall(r"(?<!\\) \| ", row)) == width, row  # no cell splits into two
    assert any("Minsk Daily \\| injected \\| row \\|" in row for row in sources)


def test_text_and_markdown_reports_are_terminal_safe(store):
    for fmt in ("text", "markdown"):
        out = render_report(store, fmt, today="2026-01-01")
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), fmt
    assert terminal_safe("a\x1b[2Jb\nc\u202ed") == "ab cd"  # the whole escape sequence goes


def test_show_prints_hostile_metadata_without_terminal_escapes(report_db):
    from click.testing import CliRunner

    from allegiance.cli.main import cli

    result = CliRunner().invoke(cli, ["show", "t-hostile", "--db", report_db])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output and "\x07" not in result.output
    assert "Minsk Daily" in result.output


def test_report_shows_the_overdue_predictions_it_counts(store):
    report = build_report(store, today="2035-01-01")  # every horizon has passed
    assert report["overdue"] > 0
    shown = report["predictions"]
    first = shown[:min(report["overdue"], len(shown))]
    assert first and all(p["overdue"] for p in first)
    text = render_report(store, "text", today="2035-01-01")
    assert f"({report['overdue']} overdue, {report['open_predictions']} open" in text


def test_report_of_a_store_with_no_stances_says_so(tmp_path):
    page = tmp_path / "bike.txt"
    page.write_text("The new gravel frame is light and stiff; its tyres roll well on rough roads.", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "b.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(page)], store, settings)
        analyze_store(store, settings=settings)
        for fmt in ("text", "markdown", "html"):
            out = render_report(store, fmt, today="2026-01-01")
            assert "No stance of a state on an issue of the packs was found." in out, fmt
            assert "0 of 1 articles" in out, fmt
        tree = html.fromstring(render_report(store, "html", today="2026-01-01"))
        for a in tree.xpath("//nav//a"):
            assert tree.xpath(f"//*[@id='{a.get('href')[1:]}']"), a.get("href")
        assert json.loads(render_report(store, "json"))["corpus"]["on_topic"] == 0


_MEASURE = """<!DOCTYPE html><html><body><iframe id="f" src="report.html" style="width:390px;height:800px;border:0">
</iframe><pre id="out">pending</pre><script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument;
  var boxes = Array.from(d.querySelectorAll('svg, table')).map(function (s) {
    return [s.getBoundingClientRect().width, s.parentElement.className]; });
  document.getElementById('out').textContent = JSON.stringify(
    {scroll: d.documentElement.scrollWidth, client: d.documentElement.clientWidth, boxes: boxes});
};
</script></body></html>"""


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs a headless Chromium")
def test_html_report_fits_a_phone_in_chromium(page, tmp_path):
    """Laid out by a real browser at 390 px: the page never scrolls sideways; what is wider (the
    timeline, tables) scrolls inside its own container."""
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    (tmp_path / "measure.html").write_text(_MEASURE, encoding="utf-8")
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}/p",
                          "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                          (tmp_path / "measure.html").as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="out">([^<]*)</pre>', dom)
    assert found and found.group(1) != "pending", dom[-2000:]
    measured = json.loads(html.fromstring(found.group(1)).text_content())
    assert measured["scroll"] <= measured["client"] <= 390, measured
    wide = [box for box in measured["boxes"] if box[0] > measured["client"]]
    assert wide and all(cls == "scroll" for _w, cls in wide), measured  # the timeline is wider than a phone
