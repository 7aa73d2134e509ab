"""rel12: text the HTML extraction leaves out is recorded on the article, never silently lost.

trafilatura may leave out body text that sits three bare ``<div>``s deep after ``<p>`` paragraphs on
a page with no ``<article>``; the pages here are team-written. The page's paragraph-like text runs
(read before the extraction prunes the tree) are compared with the extracted text: where most of
them are missing, the page says how much (``PageContent.dropped_share``) and the article carries the
note ``extraction_dropped_text`` (and a warning is logged).
"""

from __future__ import annotations

from allegiance import ingest
from allegiance.ingest.html import DROPPED_LIMIT, extract_page

PARAS = [
    "The council of ministers met on Tuesday to weigh a further package of support for the armed forces, "
    "officials said after the session ended late in the evening.",
    "Delegates from several neighbouring capitals joined the talks by video link and pressed for a faster "
    "timetable for the deliveries that had been promised in spring.",
    "A spokesman for the defence ministry said the first shipments would leave within weeks, although he "
    "declined to name the systems or the quantities involved.",
    "Opposition members in parliament questioned the cost of the plan and asked the government to publish "
    "the figures before the vote scheduled for next month.",
    "Analysts in the capital expect the decision to be challenged in court, as a similar measure was two "
    "years ago when the budget committee first rejected it.",
]


def _deep_page() -> str:
    """Two paragraphs, then three more in one block three bare ``<div>``s deep (no ``<article>``)."""
    lead = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    deep = "<div><div><div>" + "<br>".join(PARAS[2:]) + "</div></div></div>"
    return f"<html><head><title>Talks on support</title></head><body>{lead}{deep}</body></html>"


def test_the_deep_block_is_lost_by_the_extraction_and_the_page_says_how_much():
    page = extract_page(_deep_page())
    lost = [p for p in PARAS if p not in page.text]
    assert lost  # trafilatura's behaviour this guards against (if it keeps them all, nothing to record)
    share = sum(map(len, lost)) / sum(map(len, PARAS))
    assert share > DROPPED_LIMIT
    assert abs(page.dropped_share - share) < 0.01


def test_a_page_whose_text_is_kept_records_nothing():
    page = extract_page("<html><body>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>")
    assert all(p in page.text for p in PARAS) and page.dropped_share == 0.0


def test_the_article_record_carries_the_note(tmp_path, store, settings, caplog):
    (tmp_path / "deep.html").write_text(_deep_page(), encoding="utf-8")
    ingest([str(tmp_path / "deep.html")], store, settings)
    row = next(store.articles())
    assert row["ingest_note"].startswith("extraction_dropped_text: ")
    assert "% of the page's paragraph text" in row["ingest_note"]
    assert any("left out" in r.getMessage() for r in caplog.records)
