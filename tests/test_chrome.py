import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import SHARED, load_gold, needs_shared

from allegiance.ingest.chrome import remove_chrome

# Chrome labels seen on news pages and site builders (short generic labels, not article text).
KNOWN_CHROME = {
    "top of page", "bottom of page", "comments", "skip to main content", "read more", "support us",
    "breaking", "top", "publication date", "posted by", "rate this article", "rate count", "leave a reply",
    "доступність посилання", "топ новини", "читайте також:", "photo: getty images", "photo: istock", "image",
    "world", "check your bmi",
}


def test_team_written_page_loses_its_chrome_and_keeps_its_body():
    page = "\n".join([
        "top of page", "Skip to main content", "Menu", "Kazakhstan turns down a request",
        "Share on Facebook", "14:23 / 24.07.2023", "12345",
        "Kazakhstan declined to send troops, officials said.", "Photo: Reuters",
        "Kazakhstan turns down a request", "The decision surprised nobody in Astana.",
        "Source: example.org", "", "Comments", "Great article!", "bottom of page",
    ])
    clean = remove_chrome(page)
    assert clean.text.split("\n") == [
        "Kazakhstan turns down a request", "Kazakhstan declined to send troops, officials said.",
        "The decision surprised nobody in Astana.", "Source: example.org",
    ]
    assert "Great article!" in clean.removed


def test_archive_date_prefix_becomes_metadata():
    clean = remove_chrome(" date 2023-09-08 Cuba arrests recruiters\nBody line here.")
    assert clean.archive_date == "2023-09-08"
    assert clean.text.startswith("Cuba arrests recruiters")


def test_comment_header_early_in_the_page_does_not_cut_the_body():
    page = "Comments\n" + "\n".join(f"Body sentence number {i}." for i in range(10))
    assert remove_chrome(page).text.count("Body sentence") == 10


def test_indented_reader_thread_at_the_end_is_dropped():
    body = [f"Paragraph {i} of the article says something." for i in range(6)]
    page = "\n".join(body + ["  1. First reader comment here.", "    • A reply to it."])
    assert remove_chrome(page).text == "\n".join(body)


def _articles():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (SHARED / "corpus" / "dev" / "articles").glob("*.txt")}
    texts["seed"] = (SHARED / "corpus" / "seed" / "articles" / "seed.txt").read_text(encoding="utf-8")
    gold = load_gold(SHARED / "corpus" / "dev" / "gold.jsonl")
    gold.update(load_gold(SHARED / "corpus" / "seed" / "gold.jsonl"))
    return texts, gold


@needs_shared
def test_seed_and_dev_articles_keep_every_body_sentence_and_lose_known_chrome():
    texts, gold = _articles()
    lost, left = [], []
    for doc_id, text in texts.items():
        clean = remove_chrome(text).text
        for field in ("stances", "events", "quantities", "predictions"):
            for item in gold[doc_id][field]:
                if item["evidence"] not in clean:
                    lost.append((doc_id, item["evidence"][:60]))
        left += [(doc_id, line) for line in clean.split("\n") if line.strip().casefold() in KNOWN_CHROME]
    assert not lost, lost
    assert not left, left

_lines = st.lists(st.one_of(st.sampled_from(["Comments", "top of page", "Share on Facebook", "", "12345", "Menu"]),
                            st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
                                    max_size=60)), max_size=30)


@given(_lines)
def test_kept_lines_are_input_lines_in_order(lines):
    page = "\n".join(lines)
    kept = [line for line in remove_chrome(page).text.split("\n") if line.strip()]
    source = iter(line.rstrip() for line in lines)
    assert all(any(line == candidate for candidate in source) for line in kept)  # a subsequence, verbatim


def test_a_widget_prompt_standing_alone_is_chrome_but_a_sentence_about_it_is_not():
    body = "The ministry said the new rules would take effect in March."
    page = "\n".join(["Calculate your pension", body, "Join our channel", "Check your eligibility",
                      "Officials urged citizens to check your documents before travelling, the agency wrote."])
    kept = remove_chrome(page).text
    assert body in kept and "Officials urged citizens" in kept
    assert "Calculate your" not in kept and "Join our" not in kept and "Check your eligibility" not in kept


def test_a_related_list_after_its_label_is_chrome_up_to_the_first_sentence():
    page = "\n".join(["Kazakhstan turns down a request", "Kazakhstan declined to send troops, officials said.",
                      "Read also:", "Armenia freezes its CSTO role", "Uzbek court jails a volunteer",
                      "The decision surprised nobody in Astana.", "Читайте також: Лукашенко визнав участь",
                      "Related", "Ministry: 300 soldiers returned", "", "Officials added that talks would go on",
                      "Latest news", "Kyrgyz parliament backs new law", "The vote was close."])
    kept = remove_chrome(page).text.split("\n")
    assert "Armenia freezes its CSTO role" not in kept and "Uzbek court jails a volunteer" not in kept
    assert "Ministry: 300 soldiers returned" not in kept and not any("Лукашенко" in x for x in kept)
    assert "The decision surprised nobody in Astana." in kept
    # a navigation label is no related list (a title follows it), and the last line may be a cut sentence
    assert "Kyrgyz parliament backs new law" in kept and "The vote was close." in kept
    assert "Officials added that talks would go on" in kept


def test_line_keys_are_the_edge_patterns():
    """``_key`` strips the ends by ``str.isalnum`` as ``_EDGE.sub`` does with ``[\\W_]``: the same
    class for every code point, and the same key for lines of every shape."""
    import random
    import re
    import sys

    from allegiance.ingest.chrome import _EDGE, _key

    edge = re.compile(r"[\W_]")
    assert all(bool(edge.match(c)) != c.isalnum() for c in map(chr, range(sys.maxunicode + 1)))
    rng = random.Random(3)
    alphabet = "aZ9_ -–.,:;!?()«»\"'’\t\n\u00a0ßİΣσ١٢*#@…\u200b\u0301"
    lines = ["", " ", "___", "— Share —", "Read also:", "  Comments (12)  ", "ß", "İstanbul!", "--a--", "a"]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(12))) for _ in range(5000)]
    for line in lines:
        assert _key(line) == _EDGE.sub("", line.strip().casefold()), repr(line)


def test_a_most_read_list_goes_to_the_last_line():
    text = ("Банки Киргизии прекратили обслуживание карт, сообщил Национальный банк.\n"
            "Самое читаемое\nЦБ сохранил ключевую ставку\nМинфин разместил облигации на 50 млрд рублей")
    assert remove_chrome(text).text == "Банки Киргизии прекратили обслуживание карт, сообщил Национальный банк."


def test_the_last_line_right_after_a_list_label_stays():
    text = "Банки прекратили обслуживание карт.\nЧитайте также\nА в Бишкеке тем временем"
    assert remove_chrome(text).text.endswith("А в Бишкеке тем временем")


@pytest.mark.parametrize("line", ["Copyright © 2025 Interfax. All rights reserved.", "Follow Meduza on Telegram",
                                  "This article was originally published by Radio Free Europe/Radio Liberty."])
def test_the_pages_own_notes_are_chrome(line):
    assert remove_chrome(f"Armenia's Foreign Ministry said it would not attend.\n{line}").text \
        == "Armenia's Foreign Ministry said it would not attend."
