"""Main text and metadata out of HTML pages, with trafilatura (which uses htmldate for dates).

The page is parsed once. The metadata the store keeps (title, author, date, site, canonical URL)
is read with trafilatura's own metadata functions, in the order and with the fallbacks of
``trafilatura.metadata.extract_metadata``, but without the parts nothing here uses (categories,
tags, licence: a sixth of trafilatura's metadata time), then the main text is extracted from the
same tree with ``bare_extraction``'s own steps (no second parse, no copy of the tree).
``tests/test_ingest_html.py`` checks both against ``bare_extraction(..., with_metadata=True)``
with htmldate's fast date search.

The date is htmldate's without its "extensive" search (``extensive_search=False``): the URL, the
page's meta tags, JSON-LD, ``<abbr>``/``<time>`` elements and date-like attributes and patterns of
the markup, but no free-text scan of the page read with dateparser in every locale it has. On the
850 pages of ``datasets/trafilatura-eval`` with a gold date the extensive search gave 632 right
dates and the fast one 663 (it gave fewer dates, most of those it no longer gives were a copyright
year read as 1 January); it is also most of what ingest cost beyond trafilatura's extraction
(``docs/scale.md``). A page whose only date is in its text is dated by
:func:`~allegiance.ingest.dates.publication_date` from the text's dateline, as scraped text is.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from ..errors import ExtractionError

__all__ = ["PageContent", "extract_page", "page_metadata"]

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class PageContent:
    text: str
    title: str | None
    author: str | None
    published: str | None
    site: str | None
    language: str | None
    canonical_url: str | None
    #: the share of the page's paragraph-like body text (:func:`_body_runs`) that is not in ``text``
    #: where it is over :data:`DROPPED_LIMIT` (the extraction lost text: the article records it), else 0
    dropped_share: float = 0.0


#: the share of the body's paragraph-like text an extraction may leave out before the article records it
#: (``extraction_dropped_text``): trafilatura leaves out teasers and notices, seldom most of the page's prose
DROPPED_LIMIT = 0.5
_RUN_MIN = 80  # characters (whitespace squashed) of a text run that counts as paragraph-like
_NOT_BODY = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
             "select", "textarea", "figcaption", "code", "pre", "title", "head")


def _body_runs(tree: Any) -> list[str]:
    """The paragraph-like text runs of a parsed page, read before extraction prunes the tree: each
    text node of the body of at least :data:`_RUN_MIN` characters (whitespace squashed) outside
    scripts, styles, navigation, headers, footers, asides and forms; what the extraction is compared
    with (:func:`_dropped_share`). The XPath tests the raw length first (no ``normalize-space`` of
    every text node): 0.22 -> 0.16 s over 300 pages of ``datasets/trafilatura-eval``."""
    runs = (" ".join(node.split()) for node in _runs_xpath()(tree, n=_RUN_MIN))
    return [run for run in runs if len(run) >= _RUN_MIN]


@functools.lru_cache(maxsize=1)
def _runs_xpath() -> Any:
    outside = " or ".join(f"ancestor::{name}" for name in _NOT_BODY)
    return etree.XPath(f"/*/body//text()[string-length(.) >= $n][not({outside})]")


def _dropped_share(runs: list[str], text: str) -> float:
    """The share of the characters of ``runs`` whose run is not in the extracted ``text``."""
    total = sum(map(len, runs))
    if not total:
        return 0.0
    squashed = " ".join(text.split())
    return sum(len(run) for run in runs if run not in squashed) / total


@dataclasses.dataclass(frozen=True)
class PageMetadata:
    """The metadata fields of a page, as ``extract_metadata`` gives them (``url`` is the canonical
    URL or the one given; ``hostname`` the URL's domain)."""

    title: str | None
    author: str | None
    url: str | None
    hostname: str | None
    date: str | None
    sitename: str | None


def _trimmed(value: Any) -> Any:
    """``Document.clean_and_trim`` for one value."""
    from trafilatura.utils import line_processing

    if not isinstance(value, str):
        return value
    if len(value) > 10000:
        value = value[:9999] + "…"
    return line_processing(unescape(value))


@functools.lru_cache(maxsize=1)
def _discard_checks() -> tuple[Any, ...] | None:
    """trafilatura's author-discard XPaths (``AUTHOR_DISCARD_XPATHS``) turned into tests of one
    element: is it, or an ancestor of it, one of the elements they remove? ``None`` where an
    expression is not of the shapes known here (another trafilatura): then its own function runs."""

    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    checks = []
    for expression in AUTHOR_DISCARD_XPATHS:
        path = expression.path.strip()
        if path.startswith(".//*["):
            path = "ancestor-or-self::*[" + path[len(".//*["):]
        elif re.fullmatch(r"//\w+(?:\|//\w+)*", path):
            path = path.replace("//", "ancestor-or-self::")
        else:
            return None
        checks.append(etree.XPath(path, namespaces={"re": "http://exslt.org/regular-expressions"}))
    return tuple(checks)


_REGEX_TEST = re.compile(r"re:test\((@[\w-]+)\s*,\s*'([^'\\]*)'\)")


def _required_literal(alternative: str) -> str | None:
    """The longest run of characters every match of a regex alternative (no groups, no escapes)
    contains, or ``None`` where the alternative is of another shape."""
    runs, run = [], ""
    i = 0
    while i < len(alternative):
        char = alternative[i]
        if char in "?*{":  # the character before it may be absent
            runs.append(run[:-1])
            run = ""
            if char == "{":
                i = alternative.find("}", i)
                if i < 0:
                    return None
        elif char == "+":
            runs.append(run)
            run = ""
        elif char == "[":
            runs.append(run)
            run = ""
            i = alternative.find("]", i + 1)
            if i < 0:
                return None
        elif char in ".^$":
            runs.append(run)
            run = ""
        elif char in "\\()|]}":
            return None
        else:
            run += char
        i += 1
    runs.append(run)
    return max(runs, key=len) or None


def _outside_quotes(path: str, opens: str, closes: str) -> tuple[list[tuple[int, str, int]], bool]:
    """The characters of an XPath outside its string literals (the quotes left out), each with its
    position and the bracket depth around it (an opening or closing bracket counts at the depth
    outside it), and whether the brackets balance and every quote closes."""
    out, depth, quote = [], 0, ""
    for i, char in enumerate(path):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in closes:
            depth -= 1
            out.append((i, char, depth))
        else:
            out.append((i, char, depth))
            depth += char in opens
    return out, depth == 0 and not quote


def _union_branches(path: str) -> list[str] | None:
    """The branches of a top-level ``|`` union of an XPath (quotes and brackets respected)."""
    chars, balanced = _outside_quotes(path, "[(", "])")
    branches, start = [], 0
    for i, char, depth in chars:
        if char == "|" and depth == 0:
            branches.append(path[start:i].strip())
            start = i + 1
    branches.append(path[start:].strip())
    return branches if balanced else None


def _one_step(branch: str) -> bool:
    """Is an XPath ``//name[...]...``: one step from the root, its predicates tests of the element?"""
    outside = "".join(char for _i, char, depth in _outside_quotes(branch, "[", "]")[0]
                      if depth == 0 and char not in "[]")
    return re.fullmatch(r"//(?:\*|\w+)", outside.strip()) is not None


@functools.lru_cache(maxsize=1)
def _author_searches() -> tuple[tuple[Any, Any | None], ...]:
    """trafilatura's ``AUTHOR_XPATHS``, each as (candidates, test): an XPath without regular
    expressions that finds every element the expression finds and maybe more (each ``re:test`` of
    an attribute weakened to ``contains`` of a literal each alternative of its pattern needs), and
    the expression's own predicates as a test of one element (``//`` made ``self::``; ``None`` where
    every pattern is plain words, so that ``contains`` is the expression itself). The elements
    found are the candidates that pass the test, in document order, as the expression's own, at a
    fraction of its cost (its regular expressions are Python calls on every element of the page).
    ``(expression, None)`` for an expression of another shape (another trafilatura): it runs whole."""
    namespaces = {"re": "http://exslt.org/regular-expressions"}
    searches: list[tuple[Any, Any | None]] = []
    for expression in _author_expressions():
        path = " ".join(expression.path.split())
        branches = _union_branches(path)
        weakened, exact, literal = path, True, True
        for attribute, pattern in _REGEX_TEST.findall(path):
            alternatives = pattern.split("|")
            literals = [_required_literal(alternative) for alternative in alternatives]
            if not all(literals):
                exact = False
                break
            words = [word or "" for word in literals]
            literal = literal and words == alternatives  # then ``contains`` is the test itself
            needed = [word for word in dict.fromkeys(words) if not any(o != word and o in word for o in words)]
            weaker = " or ".join(f"contains({attribute}, '{word}')" for word in needed)  # "authorName": "author"
            weakened = weakened.replace(f"re:test({attribute}, '{pattern}')", f"({weaker})")
        if (not exact or "re:" in weakened or branches is None or not all(map(_one_step, branches))
                or re.search(r"not\(|position\(|last\(|\[\s*\d", path)):
            searches.append((expression, None))
            continue
        test = None if literal else etree.XPath(" | ".join("self::" + b[2:] for b in branches), namespaces=namespaces)
        searches.append((etree.XPath(weakened), test))
    return tuple(searches)


_LITERAL_ATOMS = re.compile(r"contains\(\s*(@[\w-]+)\s*,\s*'([^']*)'\s*\)|(@?[\w-]+)\s*=\s*'([^']*)'")


def _brackets(branch: str) -> list[str]:
    """The predicates ``[...]`` of one step, outermost, without their brackets."""
    out, start = [], 0
    for i, char, depth in _outside_quotes(branch, "[", "]")[0]:
        if char == "[" and depth == 0:
            start = i + 1
        elif char == "]" and depth == 0:
            out.append(branch[start:i])
    return out


@functools.lru_cache(maxsize=1)
def _author_pass() -> tuple[dict[str, re.Pattern[str]], frozenset[str], frozenset[str], tuple[Any, ...]] | None:
    """What one walk over the page's elements needs to find every element any of the author
    searches finds: for each weakened expression, one of its steps' predicates that is only
    ``or`` of ``@attr='word'``, ``contains(@attr, 'word')`` and ``child='word'`` (an element it
    finds has the attribute with the word in it, or such a child), or a step without predicates
    (``//author``: its name). Returns the words to look for per attribute (one regular expression
    each), the child names, the element names, and each expression's exact test; ``None`` where
    an expression is not of this shape (then each runs as an XPath)."""
    namespaces = {"re": "http://exslt.org/regular-expressions"}
    words: dict[str, set[str]] = {}
    children: set[str] = set()
    names: set[str] = set()
    tests = []
    for (candidates, test), expression in zip(_author_searches(), _author_expressions(), strict=True):
        if candidates is expression:
            return None
        branches = _union_branches(" ".join(candidates.path.split())) or []
        for branch in branches:
            brackets = _brackets(branch)
            if not brackets:
                names.add(branch[2:])
                continue
            for bracket in brackets:
                if re.fullmatch(r"[\sX()]*(?:\bor\b[\sX()]*)*", _LITERAL_ATOMS.sub(" X ", bracket)):
                    for attribute, word, other, value in _LITERAL_ATOMS.findall(bracket):
                        if attribute or other.startswith("@"):
                            words.setdefault((attribute or other)[1:], set()).add(word or value)
                        else:
                            children.add(other)
                    break
            else:
                return None
        path = " ".join(expression.path.split())
        tests.append(test or etree.XPath(" | ".join("self::" + b[2:] for b in _union_branches(path) or []),
                                         namespaces=namespaces))
    patterns = {name: re.compile("|".join(map(re.escape, sorted(found, key=len, reverse=True))))
                for name, found in words.items()}
    return patterns, frozenset(children), frozenset(names), tuple(tests)


def _author_expressions() -> list[Any]:
    from trafilatura.xpaths import AUTHOR_XPATHS

    return list(AUTHOR_XPATHS)


def _author_candidates(tree: Any, found: tuple[dict[str, re.Pattern[str]], frozenset[str], frozenset[str],
                                                 tuple[Any, ...]]) -> list[Any]:
    """Every element of the page any author XPath may find (see :func:`_author_pass`), in
    document order: one walk reading the attributes of each element. ``elem.items()`` gives them
    all in one call, without the attribute object ``elem.attrib`` makes and the six lookups by
    name (an element is kept where one of them holds one of its words, whatever the order of the
    tests; libxml2's HTML parser keeps only the first of a repeated attribute, which ``get``
    reads): 0.25 -> 0.20 CPU-s over the 200 bench pages."""
    patterns, children, names, _tests = found
    pattern_of = patterns.get
    out = []
    for elem in tree.iter(etree.Element):
        for name, value in elem.items():
            pattern = pattern_of(name)
            if pattern is not None and pattern.search(value):
                out.append(elem)
                break
    extra = {e.getparent() for e in tree.iter(*children)} if children else set()
    extra.update(tree.iter(*names) if names else ())
    extra.discard(None)
    if extra - set(out):
        keep = extra | set(out)
        out = [elem for elem in tree.iter(etree.Element) if elem in keep]
    return out


def _author(tree: Any) -> str | None:
    """``trafilatura.metadata.extract_author`` without its copy of the whole tree: its author XPaths
    run on the page itself (as :func:`_author_searches` finds what they find), a found element is
    skipped when the discard XPaths would have removed it or an ancestor, and its text is read from
    a copy of that element alone, pruned as the tree would have been (``tests/test_ingest_html.py``
    checks the answers against trafilatura's)."""
    from copy import deepcopy

    from trafilatura import metadata as tm
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    checks = _discard_checks()
    if checks is None:
        return tm.extract_author(tree)  # type: ignore[no-any-return]
    found = _author_pass()
    alone = tree.getparent() is None and not any(  # an element beside the root: XPath's // sees it, a walk not
        isinstance(other.tag, str) for side in (False, True) for other in tree.itersiblings(preceding=side))
    if found is not None and alone:
        pool = _author_candidates(tree, found)
        searches: Any = [((lambda _tree: pool), test) for test in found[3]]
    else:
        searches = _author_searches()
    for candidates, test in searches:
        for elem in candidates(tree):
            if test is not None and not test(elem):
                continue
            if any(check(elem) for check in checks):
                continue
            content = trim(" ".join(prune_unwanted_nodes(deepcopy(elem), AUTHOR_DISCARD_XPATHS).itertext()))
            if content and 2 < len(content) < 120:
                return tm.normalize_authors(None, content)  # type: ignore[no-any-return]
    return None


def page_metadata(tree: Any, default_url: str | None = None, *, hostname: bool = True) -> PageMetadata:
    """Title, author, URL, hostname, date and site name of a parsed page: the steps of
    ``trafilatura.metadata.extract_metadata`` for these fields, nothing else. With ``hostname``
    false the hostname is only read where the site name is empty, as :func:`extract_page` uses it
    (courlan's domain of the URL: its first call that the fast pattern misses loads the list of
    top-level domains, a few hundredths of a CPU-second of every process)."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception as err:  # bugs in trafilatura's JSON-LD reader, as extract_metadata guards them
        log.warning("error in JSON metadata extraction: %s", err)
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if not meta.author:
        meta.author = _author(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, default_url)
    date_config = set_date_params(False)  # no extensive search: see the module's docstring
    date_config["url"] = meta.url
    meta.date = find_date(tree, **date_config)
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (found := tm.META_URL.match(meta.url)):
        meta.sitename = found[1]
    fields = {name: _trimmed(getattr(meta, name)) for name in ("title", "author", "url", "date", "sitename")}
    if meta.url and (hostname or not fields["sitename"]):  # nothing above reads the hostname
        fields["hostname"] = _trimmed(extract_domain(meta.url, fast=True))
    return PageMetadata(fields["title"], fields["author"], fields["url"], fields.get("hostname", meta.hostname),
                        fields["date"], fields["sitename"])


def _main_text(tree: Any, url: str | None, canonical: str | None) -> str | None:
    """The main text of a parsed page: ``bare_extraction``'s steps after its metadata (the
    extraction sequence on the tree, its size checks, the text of the result) run on the tree
    the metadata was read from, as ``bare_extraction`` itself runs them (no copy of the tree);
    ``None`` where ``bare_extraction`` discards the page."""
    from lxml.etree import strip_tags
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    options = Extractor(output_format="python", comments=False, tables=True, images=False, links=False, url=url)
    try:
        body, text, _comments, comments_text = trafilatura_sequence(tree, options, options.url or canonical)
        if options.max_tree_size and len(body) > options.max_tree_size:
            strip_tags(body, "hi")
            if len(body) > options.max_tree_size:
                raise ValueError("output tree too long")
        if len(text) < options.min_output_size and len(comments_text) < options.min_output_comm_size:
            raise ValueError("text and comments not long enough")
    except (TypeError, ValueError):  # bare_extraction's guard: the page is discarded
        log.warning("discarding data: %s", url)
        return None
    return str(xmltotxt(body, options.formatting))


def _load_html(html: str) -> Any:
    """trafilatura's ``load_html`` (its decoding, repairs and checks), parsed again without
    libxml2's limits where the page reaches one (libxml2 then names ``XML_PARSE_HUGE``): nesting
    deeper than 255 elements, or one text or attribute over 10 MB (an inline image or a script's
    data). The default parser drops everything after the limit, so the page's text would be lost.
    Inputs are capped at ``max_bytes`` before this; nested deeper than 2048, where even that parser
    stops, a page whose text all lies past the limit is rejected saying so."""
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import HTML_PARSER, load_html, repair_faulty_html

    if "html" in html[:50].lower():
        tree = load_html(html)
    else:
        # a fragment (a JSON Lines "html" field: "<p>...</p>"), which load_html's check of the
        # opening may refuse (and log as an error): then it is read as the body of a page
        quiet = logging.getLogger("trafilatura.utils")
        quiet.disabled, was = True, quiet.disabled
        try:
            tree = load_html(html)
        finally:
            quiet.disabled = was
        if tree is None:
            tree = load_html(f"<html><body>{html}</body></html>")
    if tree is None or not any("XML_PARSE_HUGE" in entry.message for entry in HTML_PARSER.error_log):
        return tree
    deep = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                      remove_pis=True, huge_tree=True)
    tree = load_html(fromstring(repair_faulty_html(html, html[:50].lower()), parser=deep))
    if any("Excessive depth" in entry.message for entry in deep.error_log) and (
            tree is None or not "".join(tree.itertext()).strip()):  # nothing before the depth where it stops
        raise ExtractionError("the page nests its elements deeper than the HTML parser reads (2048 deep), "
                              "and its text lies deeper: nothing of it can be read")
    return tree


def extract_page(html: str, url: str | None = None) -> PageContent:
    """Extract the main text (no comments, tables kept) and metadata of one HTML page.

    Raises :class:`ExtractionError` when the page has no main text or cannot be parsed.
    """
    try:
        tree = _load_html(html)
        if tree is None:
            raise ExtractionError("no main text found in the page")
        try:
            meta = page_metadata(tree, url, hostname=False)
        except (TypeError, ValueError):  # bare_extraction's own guard around its metadata step
            log.warning("discarding data: %s", url)
            raise ExtractionError("no main text found in the page") from None
        runs = _body_runs(tree)  # before the extraction prunes the tree
        extracted = _main_text(tree, url, meta.url)
    except ExtractionError:
        raise
    except (etree.LxmlError, ValueError, RecursionError) as exc:  # hostile or broken markup
        raise ExtractionError(f"the HTML could not be parsed: {exc}") from exc
    text = (extracted or "").strip()
    if not text:
        raise ExtractionError("no main text found in the page")
    dropped = _dropped_share(runs, text)
    canonical = meta.url or url
    site = meta.sitename or meta.hostname
    if not site and canonical:
        site = urlsplit(canonical).hostname
    return PageContent(
        text=text,
        title=meta.title or None,
        author=meta.author or None,
        published=meta.date or None,
        site=site or None,
        language=None,
        canonical_url=canonical or None,
        dropped_share=round(dropped, 3) if dropped > DROPPED_LIMIT else 0.0,
    )
