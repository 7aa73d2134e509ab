"""Hypothesis property tests: decoding, chrome removal, HTML extraction, metadata cleaning, the
whole analysis of an article (no exception, every span inside its text) and the exports.

``make fuzz`` runs this file with ``ALLEGIANCE_FUZZ_FACTOR`` times as many examples per test."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.articles_gen import compose_article

from allegiance import Store, ingest
from allegiance.errors import ExtractionError, InputError
from allegiance.ingest.chrome import remove_chrome
from allegiance.ingest.decode import decode_text, normalise_text
from allegiance.ingest.html import extract_page
from allegiance.ingest.reader import read_article
from allegiance.nlp import Doc
from allegiance.query.export import export_articles
from allegiance.query.tables import statement_rows, write_table
from allegiance.records import ArticleHints, RawInput
from allegiance.sanitize import BIDI_CONTROLS, clean_field
from allegiance.settings import Settings

FUZZ_FACTOR = max(1, int(os.environ.get("ALLEGIANCE_FUZZ_FACTOR", "1")))


def examples(default: int) -> settings:
    return settings(max_examples=FUZZ_FACTOR * default, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
_WORDS = st.lists(st.sampled_from(["Kazakhstan", "refused", "troops", "Astana", "Казахстан", "войска",
                                   "Білорусь", "війни", "said", "talks", "CSTO", "ОДКБ", "\U00017000", "1999",
                                   "3,500", "May", "—", "«", "»", "\u202e", "\x1b[2J", "\u00ad", "e\u0301"]),
                  min_size=1, max_size=40).map(" ".join)


@examples(300)
@given(st.binary(max_size=3000))
def test_decoding_any_bytes_gives_text_or_a_coded_refusal(data):
    try:
        decoded = decode_text(data)
    except InputError as exc:
        assert exc.code in {"empty", "binary", "decode_error"}
        return
    assert isinstance(decoded.text, str) and decoded.replaced >= 0
    assert "\x00" not in decoded.text
    normalise_text(decoded.text).encode("utf-8")  # storable: no lone surrogates


@examples(200)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=20).filter(
    lambda t: sum(ord(c) > 127 for c in t) >= 16), st.integers(min_value=0),
    st.sampled_from([b"\xff", b"\xfe", b"\x80"]))
def test_one_stray_byte_in_mostly_utf8_stays_utf8(text, where, stray):
    data = text.encode("utf-8")
    cut = [i for i in range(len(data) + 1) if i == len(data) or (data[i] & 0xC0) != 0x80]  # character boundaries
    at = cut[where % len(cut)]
    decoded = decode_text(data[:at] + stray + data[at:])
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text == data[:at].decode() + "\ufffd" + data[at:].decode()


_LINES = st.lists(st.one_of(st.sampled_from(["Comments", "top of page", "Share on Facebook", "", "12345", "Menu",
                                             "  1. A reply", "    • more", "Коментарі"]), _ANY_TEXT), max_size=40)


@examples(300)
@given(_LINES)
def test_chrome_removal_keeps_lines_verbatim_and_accounts_for_the_rest(lines):
    page = "\n".join(lines)
    clean = remove_chrome(page)
    kept = [line for line in clean.text.split("\n") if line.strip()]
    source = iter(line.rstrip() for line in page.split("\n"))
    assert all(any(line == candidate for candidate in source) for line in kept)  # a subsequence, verbatim
    assert 0.0 <= clean.dropped_share <= 1.0
    nonblank = sum(1 for line in page.split("\n") if line.strip())
    assert len(kept) + len(clean.removed) <= nonblank + 1  # every line kept, removed, or a duplicate


_PLAIN_LINE = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгдежзиклмн", min_size=3, max_size=9),
                       min_size=6, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")


@examples(200)
@given(st.lists(_PLAIN_LINE, min_size=1, max_size=60, unique=True))
def test_chrome_removal_never_drops_plain_body_lines(lines):
    clean = remove_chrome("\n".join(lines))
    assert clean.text.split("\n") == lines and clean.dropped_share == 0.0


_TAG = st.sampled_from(["p", "div", "article", "span", "h1", "li", "ul", "script", "style", "table", "td", "a",
                        "nav", "footer", "main", "b", "br", "meta", "title"])


@st.composite
def _html(draw):
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        tag = draw(_TAG)
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(st.one_of(_WORDS, _ANY_TEXT)).replace("\x00", ""))
    return "<html><head><title>" + draw(_WORDS) + "</title></head><body>" + "".join(parts)


@examples(150)
@given(_html())
def test_html_extraction_gives_content_or_a_coded_refusal(html):
    try:
        page = extract_page(html)
    except ExtractionError:
        return
    assert page.text.strip()
    try:  # the reader normalises (NFC) first: a borderline page may then have no main text, a coded refusal
        article = read_article(RawInput("x", "html", html.encode("utf-8"), declared_encoding="utf-8",
                                        hints=ArticleHints(title=html[:80], source="\u202eevil\u202c\n")), Settings())
    except InputError as exc:
        assert exc.code in {"no_main_text", "empty"}
        return
    assert article.text and "\n" not in (article.source or "") and "\u202e" not in (article.source or "")


@examples(300)
@given(st.one_of(_ANY_TEXT, _WORDS), st.integers(1, 300))
def test_clean_field_is_one_safe_line(value, limit):
    cleaned = clean_field(value, limit)
    if cleaned is None:
        return
    assert len(cleaned) <= limit and cleaned == cleaned.strip()
    assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in cleaned)
    assert not re.search(r"\s", cleaned.replace(" ", ""))
    assert not any(c in cleaned for c in BIDI_CONTROLS + "\n\r\t\x1b")
    assert clean_field(cleaned, limit) == cleaned  # idempotent
    cleaned.encode("utf-8")


@examples(60)
@given(st.lists(st.one_of(_WORDS, st.integers(0, 10_000).map(
    lambda seed: compose_article(random.Random(seed), random.Random(seed).choice(["en", "ru", "uk"]), 3))),
    min_size=1, max_size=4).map("\n".join), st.sampled_from(["en", "ru", "uk", None]),
    st.sampled_from([None, "2022-03-02", "2024-02-29"]))
def test_whole_analysis_never_raises_and_every_span_is_inside_the_text(pipeline, text, language, published):
    text = normalise_text(text)
    doc = pipeline(Doc("p", text, language, published))
    for item in (*doc.mentions, *doc.statements):
        assert 0 <= item.start < item.end <= len(text)
    for sentence in doc.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


@examples(15)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(["en", "ru", "uk"]), _WORDS), min_size=1,
                max_size=4))
def test_exports_parse_back_whatever_the_articles_hold(tmp_path_factory, items):
    from allegiance.runner import analyze_store

    folder = tmp_path_factory.mktemp("exp")
    records = []
    for n, (seed, language, extra) in enumerate(items):
        text = compose_article(random.Random(seed), language, 4) + "\n" + extra
        records.append(json.dumps({"id": f"a{n}", "text": text, "title": extra, "source": extra[:30]}))
    (folder / "in.jsonl").write_text("\n".join(records), encoding="utf-8")
    with Store(str(folder / "e.db")) as store:
        ingest([str(folder / "in.jsonl")], store, Settings(db=str(folder / "e.db"), progress=False))
        analyze_store(store)
        out = io.StringIO()
        export_articles(store, out)
        exported = [json.loads(line) for line in out.getvalue().splitlines()]
        assert len(exported) == store.count("articles")
        for record in exported:
            for st_ in record.get("statements", []):
                assert 0 <= st_["start"] < st_["end"] <= len(record["text"])
        rows = statement_rows(store)
        table = io.StringIO()
        write_table(rows, "csv", out=table)
        parsed = list(csv.DictReader(io.StringIO(table.getvalue())))
        assert len(parsed) == len(rows)
