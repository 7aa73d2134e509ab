"""HTML extraction reads the page once: the metadata the store keeps and the main text equal what
trafilatura's ``bare_extraction(..., with_metadata=True)`` gives with htmldate's fast date search,
without its categories, tags and licence and without a second parse or copy of the tree. Pages are
written here by the team."""

from __future__ import annotations

import pytest
import trafilatura
from tests.conftest import SAMPLES

from allegiance.errors import ExtractionError
from allegiance.ingest.html import extract_page

BODY = ("<p>Kazakhstan will not send troops to support the operation, the foreign ministry said on "
        "Tuesday in a statement read to reporters in the capital.</p>"
        "<p>The ministry added that the country keeps to its obligations under the charter and calls for "
        "talks between the parties, as it has done since the first weeks of the war.</p>"
        "<p>Officials repeated the position at a briefing later in the week and said that nothing had changed.</p>")

PAGES = {
    "meta and json-ld": f"""<html lang="en"><head><title>Astana keeps out | Steppe Herald</title>
        <meta property="og:title" content="Astana keeps out of the war">
        <meta name="author" content="Aliya Serikova"><link rel="canonical" href="https://herald.example/2023/03/14/astana">
        <script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2023-03-14T09:00:00Z",
        "author": {{"@type": "Person", "name": "Aliya Serikova"}}, "publisher": {{"name": "Steppe Herald"}}}}</script>
        </head><body><article>{BODY}</article>
        <div class="tags"><a href="/tag/kazakhstan/">Kazakhstan</a></div></body></html>""",
    "byline and dateline": f"""<html><head><title>No troops, says Astana</title></head><body>
        <div class="byline">By Marat Ospanov</div><time datetime="2022-11-02">2 November 2022</time>
        <main>{BODY}</main><footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>
        </footer></body></html>""",
    "date in the text only": f"""<html><head><title>Briefing</title></head><body><div class="post">
        <p class="meta">Posted on 5 April 2024</p>{BODY}</div></body></html>""",
    "relative canonical": f"""<html><head><title>Neutral</title><link rel="canonical" href="/news/neutral-1">
        <meta property="og:url" content="https://news.example/news/neutral-1"></head><body>{BODY}</body></html>""",
}


def _reference(html: str, url: str | None) -> dict:
    from trafilatura.settings import set_date_params

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=True,
                                      include_images=False, include_links=False,
                                      date_extraction_params=set_date_params(False))
    assert doc is not None
    return doc.as_dict()


@pytest.mark.parametrize("name", sorted(PAGES) + ["sample"])
@pytest.mark.parametrize("url", [None, "https://given.example/story"])
def test_fields_equal_trafilaturas_bare_extraction_with_metadata(name, url):
    html = (SAMPLES / "2022-03-unga-vote.html").read_text(encoding="utf-8") if name == "sample" else PAGES[name]
    ref, page = _reference(html, url), extract_page(html, url=url)
    assert page.text == ref["text"].strip()
    assert (page.title, page.author, page.published) == (ref["title"], ref["author"], ref["date"])
    assert page.canonical_url == (ref["url"] or url)
    from urllib.parse import urlsplit

    canonical = ref["url"] or url
    assert page.site == (ref["sitename"] or ref["hostname"] or (urlsplit(canonical).hostname if canonical else None))


def test_categories_tags_and_licence_are_not_extracted(monkeypatch):
    import trafilatura.metadata as tm

    def forbidden(*_args, **_kwargs):
        raise AssertionError("not needed by the store")

    monkeypatch.setattr(tm, "extract_catstags", forbidden)
    monkeypatch.setattr(tm, "extract_license", forbidden)
    page = extract_page(PAGES["meta and json-ld"])
    assert page.author == "Aliya Serikova" and page.published == "2023-03-14"


def test_the_page_is_parsed_once(monkeypatch):
    import trafilatura.utils as tu

    calls = []
    real = tu.load_html

    def counting(content, *args, **kwargs):
        calls.append(type(content).__name__)
        return real(content, *args, **kwargs)

    monkeypatch.setattr(tu, "load_html", counting)
    extract_page(PAGES["byline and dateline"])
    assert calls.count("str") == 1


@pytest.mark.parametrize("html", ["<html></html>", "<html><body><script>run()</script></body></html>",
                                  "<html><head><title>Only a title</title></head><body> </body></html>"])
def test_a_page_without_main_text_is_an_extraction_error_as_trafilatura_discards_it(html):
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    assert doc is None or not (doc.text or "").strip()
    with pytest.raises(ExtractionError):
        extract_page(html)


FOOTER_YEAR = f"""<html><head><title>About the association</title></head><body><main>{BODY}</main>
    <footer><p>© 2016 Neighbourhood Association, all rights reserved</p></footer></body></html>"""


def test_a_copyright_year_is_not_the_pages_date():
    """htmldate's extensive search read the footer's year as 1 January 2016; the fast one reads no date."""
    assert extract_page(FOOTER_YEAR).published is None


@pytest.mark.parametrize(("markup", "date"), [
    ('<time datetime="2022-11-02">2 November 2022</time>', "2022-11-02"),
    ('<meta property="article:published_time" content="2024-02-27T08:30:00+02:00">', "2024-02-27"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-06-09"}</script>',
     "2021-06-09"),
    ('<p class="meta">Posted on 5 April 2024</p>', "2024-04-05"),
])
def test_dates_in_the_markup_are_still_read(markup, date):
    page = f"<html><head><title>Briefing</title></head><body>{markup}<main>{BODY}</main></body></html>"
    assert extract_page(page).published == date


@pytest.mark.parametrize(("line", "date"), [("14.03.2023", "2023-03-14"), ("5 апреля 2024", "2024-04-05"),
                                            ("12 June 2022, 10:45", "2022-06-12")])
def test_a_date_only_in_the_text_is_read_from_the_texts_dateline(line, date):
    from allegiance.ingest.reader import read_article
    from allegiance.records import RawInput
    from allegiance.settings import Settings

    page = f"<html><head><title>Briefing</title></head><body><main><p>{line}</p>{BODY}</main></body></html>"
    article = read_article(RawInput("page.html", "html", page.encode("utf-8"), declared_encoding="utf-8"), Settings())
    assert (article.published, article.date_source) == (date, "text")


BYLINES = {
    "byline with a time inside": '<div class="byline">By Dana Kowalska <time>3 May</time>and Petro Savchuk</div>',
    "author in the comments": '<div id="comments"><span class="author">Reader One</span></div>'
                              '<p class="author-name">Ilona Marsh</p>',
    "author inside a sidebar": '<aside><div class="sidebar"><a rel="author">Side Writer</a></div></aside>',
    "too long, then short": f'<span class="author">{"word " * 40}</span><div class="byline">Tomas Ruud</div>',
    "generic class": '<div class="post-writer">Written by Oksana Lys</div>',
    "none": '<div class="lede">Nothing here</div>',
}


@pytest.mark.parametrize("name", sorted(BYLINES))
def test_the_author_is_trafilaturas_without_copying_the_tree(name):
    from trafilatura.metadata import extract_author
    from trafilatura.utils import load_html

    from allegiance.ingest.html import _author

    tree = load_html(f"<html><head><title>T</title></head><body>{BYLINES[name]}<main>{BODY}</main></body></html>")
    assert _author(tree) == extract_author(tree)


@pytest.mark.parametrize(("alternative", "literal"), [
    ("author-?name", "author"), ("[Aa]uthor", "uthor"), ("^comments", "comments"), ("writer", "writer"),
    ("a{2}", None), ("(?:x)", None), (r"\d+", None),
])
def test_the_literal_a_regex_alternative_needs(alternative, literal):
    from allegiance.ingest.html import _required_literal

    assert _required_literal(alternative) == literal


MARKUP = """<html><body><div class="AuthorName">A</div><span class="my-authorname x">B</span>
    <p class="byline">C</p><h3 id="zuozhe-1">D</h3><em class="screenname">E</em><b data-component="Byline">F</b>
    <i id="Author">G</i><div class="author-name">H</div><author>I</author><p><rel>me</rel>J</p>
    <a rel="author">K</a><span class="authored">L</span><div class="writers">M</div></body></html>"""


def test_the_author_searches_find_what_trafilaturas_author_xpaths_find():
    from trafilatura.utils import load_html
    from trafilatura.xpaths import AUTHOR_XPATHS

    from allegiance.ingest.html import _author_searches

    tree = load_html(MARKUP)
    searches = _author_searches()
    assert all(test is not None or candidates is not expression
               for (candidates, test), expression in zip(searches, AUTHOR_XPATHS, strict=True))  # none run whole
    for (candidates, test), expression in zip(searches, AUTHOR_XPATHS, strict=True):
        found = [elem for elem in candidates(tree) if test is None or test(elem)]
        assert found == expression(tree) and found


def test_one_walk_finds_every_element_each_author_xpath_finds_in_document_order():
    from trafilatura.utils import load_html
    from trafilatura.xpaths import AUTHOR_XPATHS

    from allegiance.ingest.html import _author_candidates, _author_pass

    found = _author_pass()
    assert found is not None  # trafilatura's expressions are of the shape the walk knows
    for markup in (MARKUP, MARKUP.replace("<author>I</author>", "").replace("<body>", "<body><author>Z</author>"),
                   f"<html><body><div class='byline'>By Ana Lima</div>{BODY}<a rel='author'>X</a></body></html>"):
        tree = load_html(markup)
        pool = _author_candidates(tree, found)
        for test, expression in zip(found[3], AUTHOR_XPATHS, strict=True):
            assert [elem for elem in pool if test(elem)] == expression(tree)


def test_an_author_element_beside_the_root_is_found_as_the_author_xpaths_find_it():
    """The walk sees only the root's elements: beside the root the XPaths run, as before the walk
    (trafilatura's ``extract_author`` copies the root alone and would miss it)."""
    from trafilatura.utils import load_html

    from allegiance.ingest.html import _author

    tree = load_html(f"<html><body><main>{BODY}</main></body></html><author>Rustam Nazarov</author>")
    assert tree.getnext() is not None  # the parser keeps it outside <html>
    assert _author(tree) == "Rustam Nazarov"


def _nested(depth: int) -> str:
    body = "".join(f"<p>Belarus refused to send troops to Ukraine, its foreign ministry said on day {i}.</p>"
                   for i in range(6))
    return f"<html><head><title>Deep page</title></head><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


@pytest.mark.parametrize("depth", [300, 1500])
def test_a_page_nested_deeper_than_libxml2s_default_limit_keeps_its_text(depth):
    # the default parser drops every element below depth 255: the text was lost as "no main text"
    page = extract_page(_nested(depth))
    assert page.title == "Deep page" and "day 5" in page.text and page.text.count("Belarus") == 6


def test_a_shallow_page_after_a_deep_one_is_parsed_as_before():
    extract_page(_nested(400))
    assert extract_page(_nested(20)).text == trafilatura.extract(_nested(20))


def test_a_hostile_page_nested_far_deeper_is_a_rejection_not_a_crash():
    with pytest.raises(ExtractionError):
        extract_page(_nested(50_000))


@pytest.mark.parametrize("bulk", ['<img src="data:image/png;base64,{}">', '<script>var state = "{}";</script>'])
def test_a_page_with_an_inline_value_over_libxml2s_10_mb_limit_keeps_its_text(bulk):
    page = extract_page(_nested(3).replace("<body>", "<body>" + bulk.format("A" * 11_000_000)))
    assert page.title == "Deep page" and page.text.count("Belarus") == 6 and "AAAA" not in page.text


@pytest.mark.parametrize("name", sorted(PAGES) + ["sample"])
def test_without_the_hostname_the_other_fields_are_the_same_and_it_is_read_where_the_site_name_is_empty(name):
    from trafilatura.utils import load_html

    from allegiance.ingest.html import page_metadata

    html = (SAMPLES / "2022-03-unga-vote.html").read_text(encoding="utf-8") if name == "sample" else PAGES[name]
    for url in (None, "https://given.example/story"):
        full, lazy = page_metadata(load_html(html), url), page_metadata(load_html(html), url, hostname=False)
        assert lazy.hostname == (full.hostname if not full.sitename else None)
        assert (lazy.title, lazy.author, lazy.url, lazy.date, lazy.sitename) == (
            full.title, full.author, full.url, full.date, full.sitename)
