"""Page chrome removal for scraped text: navigation, share and subscribe lines, datelines,
photo credits, duplicated headlines and captions, reader comment sections.

Whole lines are removed and kept lines are left exactly as written, so every sentence of the
body stays an exact substring of the original text. The lexicon is pack data (``chrome.toml``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path

from ..kb.langdata import pack_data
from ..kb.packs import load_toml

__all__ = ["ChromeLexicon", "CleanText", "load_chrome_lexicon", "remove_chrome", "ARCHIVE_DATE"]

#: The `` date YYYY-MM-DD`` prefix some web archives put before the page text.
ARCHIVE_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:\s+|$)")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"[^\W\d_]+(?:['ʼ’][^\W\d_]+)?")


@dataclasses.dataclass(frozen=True)
class ChromeLexicon:
    labels: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    comment_headers: frozenset[str]
    thread_start: re.Pattern[str]
    date_words: frozenset[str]
    comment_tail_share: float
    max_thread_share: float = 0.3
    flag_share: float = 0.2
    list_labels: frozenset[str] = frozenset()
    list_items: int = 0


@dataclasses.dataclass(frozen=True)
class CleanText:
    """The kept text, the removed non-blank lines, and ``dropped_share``: the share of the input's
    non-blank lines that were removed. ``flagged`` when the removed lines hold more than the
    lexicon's ``flag_share`` of the non-blank characters (chrome lines are short, so characters,
    not lines, say whether body text may have gone): the article then records it."""

    text: str
    removed: tuple[str, ...]
    archive_date: str | None
    dropped_share: float = 0.0
    flagged: bool = False


def _key(line: str) -> str:
    r"""The line case-folded, without the characters that are no letter or digit at its two ends:
    ``_EDGE.sub("", ...)``, whose ``[\W_]`` is exactly ``not str.isalnum()``, but reading only the
    ends (the pattern's end-anchored half was tried at every space of a paragraph)."""
    key = line.strip().casefold()
    start, end = 0, len(key)
    while start < end and not key[start].isalnum():
        start += 1
    while end > start and not key[end - 1].isalnum():
        end -= 1
    return key[start:end]


@functools.lru_cache(maxsize=8)
def load_chrome_lexicon(path: Path | None = None, folders: tuple[Path, ...] | None = None) -> ChromeLexicon:
    """The chrome lexicon of the file ``path``, or else ``chrome.toml`` of every pack folder (the
    bundled pack's first, an added pack's laid over it: arrays extended, ``mode = "replace"``
    replacing)."""
    data = load_toml(path) if path is not None else pack_data("chrome.toml", folders)
    return ChromeLexicon(
        labels=frozenset(_key(x) for x in data.get("labels", [])),
        patterns=tuple(re.compile(p, re.I) for p in data.get("patterns", [])),
        comment_headers=frozenset(_key(x) for x in data.get("comment_headers", [])),
        thread_start=re.compile(data.get("thread_start", r"(?!)")),
        date_words=frozenset(x.casefold() for x in data.get("date_words", [])),
        comment_tail_share=float(data.get("comment_tail_share", 0.5)),
        max_thread_share=float(data.get("max_thread_share", 0.3)),
        flag_share=float(data.get("flag_share", 0.2)),
        list_labels=frozenset(_key(x) for x in data.get("list_labels", [])),
        list_items=int(data.get("list_items", 0)),
    )


def _is_dateline(stripped: str, lexicon: ChromeLexicon) -> bool:
    if len(stripped) > 60 or not any(c.isdigit() for c in stripped):
        return False
    words = _WORD.findall(stripped.casefold())
    return all(w in lexicon.date_words for w in words)


def _is_chrome(line: str, lexicon: ChromeLexicon) -> bool:
    stripped = line.strip()
    key = _key(stripped)
    if not key:
        return not any(c.isalnum() for c in stripped) and bool(stripped) and len(stripped) < 8
    if key in lexicon.labels:
        return True
    if len(stripped) <= 200 and any(p.search(stripped) for p in lexicon.patterns):
        return True
    return _is_dateline(stripped, lexicon)


_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)]*$")


def _headline_like(stripped: str) -> bool:
    """A related-list item: a short line that does not end as a sentence does."""
    return len(stripped) <= 160 and not _SENTENCE_END.search(stripped)


def _comment_tail_start(lines: list[str], lexicon: ChromeLexicon) -> int | None:
    """Index of the line that opens a trailing comment section, if any.

    A comment header ("Comments") in the last part opens one. An indented numbered or bulleted
    line is weaker evidence (articles have indented lists too): it opens one only when the tail
    it would drop is at most ``max_thread_share`` of the non-blank lines, and only the first such
    line of the text counts (a later item of an article's own list is no thread start)."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content:
        return None
    cut = content[int(len(content) * lexicon.comment_tail_share)] if len(content) > 2 else content[-1]
    thread_seen = False
    for n, i in enumerate(content):
        listed = not thread_seen and bool(lexicon.thread_start.match(lines[i]))
        thread_seen = thread_seen or listed
        if i < cut:
            continue
        if _key(lines[i]) in lexicon.comment_headers:
            return i
        if listed and len(content) - n <= lexicon.max_thread_share * len(content):
            return i
    return None


def remove_chrome(text: str, lexicon: ChromeLexicon | None = None) -> CleanText:
    """Drop chrome lines from scraped text; keep body lines verbatim, at most one blank line between."""
    lexicon = lexicon or load_chrome_lexicon()
    lines = text.split("\n")
    archive_date = None
    if lines and (m := ARCHIVE_DATE.match(lines[0])):
        archive_date = m.group(1)
        lines[0] = lines[0][m.end():]
    tail = _comment_tail_start(lines, lexicon)
    removed: list[str] = lines[tail:] if tail is not None else []
    lines = lines[:tail] if tail is not None else lines
    kept: list[str] = []
    seen: set[str] = set()
    list_left = 0  # items still to drop after a "Read also" / "Related" label
    # the last line may be a sentence cut off by the end of the excerpt: never a list item
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            list_left = 0  # a blank line ends a list
            if kept and kept[-1] != "":
                kept.append("")
            continue
        # (the last line is one when an item of its list came before it: no excerpt ends so)
        if list_left and (i != last or list_left < lexicon.list_items) and _headline_like(stripped) \
                and not _is_chrome(line, lexicon):
            list_left -= 1
            removed.append(line)
            continue
        list_left = lexicon.list_items if _key(stripped) in lexicon.list_labels else 0
        if _is_chrome(line, lexicon) or stripped in seen:
            removed.append(line)
            continue
        seen.add(stripped)
        kept.append(line.rstrip())
    while kept and kept[-1] == "":
        kept.pop()
    dropped = tuple(x for x in removed if x.strip())
    total = len(dropped) + sum(1 for line in kept if line.strip())
    share = len(dropped) / total if total else 0.0
    lost = sum(len(x.strip()) for x in dropped)
    chars = lost + sum(len(line.strip()) for line in kept)
    flagged = chars > 0 and lost / chars > lexicon.flag_share
    return CleanText("\n".join(kept), dropped, archive_date, round(share, 4), flagged)
