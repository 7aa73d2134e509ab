"""The document that flows through the analysis components, and its layers."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..kb.langdata import every_language_data, language_data, pack_data

__all__ = ["Doc", "Mention", "Sentence", "Statement", "TimeExpression", "INVISIBLE", "reading_text", "split_sentences",
           "visible_text", "sentence_rules", "STATEMENT_KINDS"]

STATEMENT_KINDS = ("stance", "event", "quantity", "prediction", "claim")


@dataclasses.dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Mention:
    """A span of the text that names an entity; ``entity_id`` is ``None`` for an unlinked name."""

    start: int
    end: int
    text: str
    entity_id: str | None
    type: str
    kind: str
    confidence: float
    canonical: str


@dataclasses.dataclass(frozen=True)
class TimeExpression:
    """A time expression and, when it can be resolved against the publication date, its value
    (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""

    start: int
    end: int
    text: str
    value: str | None


@dataclasses.dataclass(frozen=True)
class Statement:
    """The unit of knowledge: one claim the article makes, anchored to its evidence span.

    ``kind`` is one of :data:`STATEMENT_KINDS`. ``subject`` and ``object`` are entity ids where the
    entity is in the knowledge base, else names. ``predicate`` is the stance label, the PLOVER event
    type, the unit of a quantity, or the topic of a claim. ``start``/``end`` delimit the evidence.
    """

    kind: str
    start: int
    end: int
    subject: str | None = None
    predicate: str = ""
    object: str | None = None
    issue: str | None = None
    polarity: str = "positive"
    modality: str = "asserted"
    speaker: str | None = None
    time: str | None = None
    value: float | None = None
    unit: str | None = None
    topics: tuple[str, ...] = ()
    confidence: float = 0.5
    extractor: str = ""
    cue: str = ""
    #: how the clause holds it (frames.FACTUALITY), and the spans of the subject's and the speaker's mentions
    factuality: str = ""
    subject_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None


@dataclasses.dataclass
class Doc:
    """One article under analysis. Layers are tuples of frozen records with character offsets."""

    id: str
    text: str
    language: str | None = None
    published: str | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    statements: tuple[Statement, ...] = ()
    genre: str | None = None
    #: office holders named only by a title before a state's genitive («глава МИД Украины»), read by
    #: speaker resolution alone (the title's state stays the actor of events and stances)
    titles: tuple[Mention, ...] = ()

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def add(self, statements: list[Statement]) -> None:
        self.statements = tuple(sorted(self.statements + tuple(statements), key=lambda s: (s.start, s.kind)))

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def moved_to(self, text: str, origin: list[int]) -> None:
        """Put every layer's offsets onto ``text``, the text this one was read from by
        :func:`visible_text` (``origin`` its offsets), and make it the document's text again."""
        for field in dataclasses.fields(self):  # every layer: a tuple of records with offsets
            layer = getattr(self, field.name)
            if isinstance(layer, tuple):
                setattr(self, field.name, tuple(_moved(r, origin) for r in layer))
        self.text = text


#: a full stop before a capital, or before an opening quote and a capital (French "« La", German "„Wir")
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)]*\s+(?=(?:[\"“(]|[«„] ?)?[A-ZА-ЯЁІЇЄҐÄÖÜÉÈÀÂÎÔÇ0-9])|\n+")


@functools.lru_cache(maxsize=64)
def sentence_rules(language: str | None, folders: tuple[Path, ...] | None = None) -> tuple[frozenset[str], bool]:
    """The abbreviations after which a full stop does not end a sentence, and whether a number with a
    dot is an ordinal ("am 24. Februar"), from ``lang/<code>/sentences.toml``. A language without
    its own list takes every language's abbreviations."""
    own = language_data("sentences", language, folders) if language else {}
    if own.get("abbreviations"):
        words = own["abbreviations"]
    else:
        pooled = every_language_data("sentences", folders).values()
        words = [w for data in pooled for w in data.get("abbreviations", [])]
    return frozenset(str(w).casefold().rstrip(".") for w in words), bool(own.get("ordinal_dot"))


#: characters a page puts inside words that no reader sees: the soft hyphen of hyphenating CMSs, zero-width
#: spaces and joiners, the word joiner, and the direction marks pasted beside numbers and names. Every
#: tokeniser and lexicon would split "Ukr\u00adaine" at them, so the analysis reads the text without
#: them and its spans are moved back onto the text as stored (:func:`visible_text`, :meth:`Doc.moved_to`).
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
_INVISIBLE = re.compile("[" + INVISIBLE + "]")


def visible_text(text: str) -> tuple[str, list[int]] | None:
    """``text`` without its :data:`INVISIBLE` characters, and for each offset of that text (and its
    end) the offset of the same character in ``text``; None where ``text`` holds none of them."""
    if _INVISIBLE.search(text) is None:
        return None
    kept = [i for i, c in enumerate(text) if c not in INVISIBLE]
    kept.append(len(text))
    return "".join(text[i] for i in kept[:-1]), kept


def _moved(record: Any, origin: list[int]) -> Any:
    """``record`` with its ``start``/``end`` and ``*_span`` offsets moved through ``origin``: a start
    to its character, an end to just after its last character (so a span never takes in an invisible
    character beside it, and keeps those inside it)."""
    def span(start: int, end: int) -> tuple[int, int]:
        return origin[start], origin[end - 1] + 1 if end > start else origin[end]

    changes: dict[str, Any] = {}
    if hasattr(record, "start") and hasattr(record, "end"):
        changes["start"], changes["end"] = span(record.start, record.end)
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if field.name.endswith("_span") and value is not None:
            changes[field.name] = span(*value)
    return dataclasses.replace(record, **changes) if changes else record


@functools.lru_cache(maxsize=64)
def _apostrophe_reading(language: str | None,
                        folders: tuple[Path, ...] | None) -> tuple[tuple[str, ...], re.Pattern[str]] | None:
    """The characters ``lang/<code>/sentences.toml`` lists as other spellings of the language's
    apostrophe (``apostrophes``), and the pattern of one of them between two letters; None where it
    lists none."""
    listed = language_data("sentences", language, folders).get("apostrophes", []) if language else []
    chars = tuple(c for c in listed if isinstance(c, str) and len(c) == 1 and c != _APOSTROPHE)
    if not chars:
        return None
    return chars, re.compile(r"(?<=[^\W\d_])[" + "".join(re.escape(c) for c in chars) + r"](?=[^\W\d_])")


#: the apostrophe every reading of a word knows: the lexicons' ' and the typographic ’ are both read
#: by every tokeniser, other spellings are read as this one
_APOSTROPHE = "\u2019"


_MIXED_SCRIPTS = re.compile(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]")
_LETTERS = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=16)
def _homoglyphs(folders: tuple[Path, ...] | None) -> tuple[dict[int, str], dict[int, str]]:
    """(Latin letter → its Cyrillic look-alike, Cyrillic → Latin), from ``languages.toml`` ``homoglyphs``."""
    pairs = [p for p in pack_data("languages.toml", folders).get("homoglyphs", [])
             if isinstance(p, list) and len(p) == 2 and all(isinstance(c, str) and len(c) == 1 for c in p)]
    return {ord(lat): cyr for lat, cyr in pairs}, {ord(cyr): lat for lat, cyr in pairs}


def _one_script(word: str, folders: tuple[Path, ...] | None) -> str:
    """``word`` in one script where the letters of the other all have look-alikes in it
    (:func:`_homoglyphs`): the script of a letter that has no look-alike («и» in «Poccии», "k" in
    "Ukrаine"), else the script of most of its letters; else as it is."""
    to_cyrillic, to_latin = _homoglyphs(folders)
    cyrillic = [c for c in word if "\u0400" <= c <= "\u04ff"]
    latin = [c for c in word if c.isascii()]
    can_be_cyrillic = all(ord(c) in to_cyrillic for c in latin)
    can_be_latin = all(ord(c) in to_latin for c in cyrillic)
    if can_be_cyrillic and can_be_latin:  # every letter has a look-alike: the script of most of them
        can_be_cyrillic, can_be_latin = len(cyrillic) > len(latin), len(latin) > len(cyrillic)
    if can_be_cyrillic and not can_be_latin:
        return word.translate(to_cyrillic)
    if can_be_latin and not can_be_cyrillic:
        return word.translate(to_latin)
    return word


def _unmixed(text: str, folders: tuple[Path, ...] | None) -> str:
    """``text`` with each word that mixes Latin and Cyrillic letters read in one script (:func:`_one_script`)."""
    if _MIXED_SCRIPTS.search(text) is None:
        return text
    out, last = [], 0
    for match in _LETTERS.finditer(text):
        word = match.group(0)
        if _MIXED_SCRIPTS.search(word) is not None:
            fixed = _one_script(word, folders)
            if fixed != word:
                out += [text[last:match.start()], fixed]
                last = match.end()
    return "".join(out) + text[last:] if out else text


def reading_text(text: str, language: str | None, folders: tuple[Path, ...] | None = None) -> str:
    """``text`` as the lexicons read it: words that mix Latin and Cyrillic look-alike letters in one
    script («Укрaина» with a Latin a, :func:`_one_script`), and the other spellings of the language's
    apostrophe inside a word (Ukrainian «пʼять» with the modifier letter ʼ, «п`ять» with a backtick)
    written as ’, which every tokeniser and lexicon reads as «п'ять». One character for one, so every
    offset, and so every evidence span cut from the stored text, stays the same."""
    text = _unmixed(text, folders)
    reading = _apostrophe_reading(language, folders)
    if reading is None or not any(c in text for c in reading[0]):
        return text
    return reading[1].sub(_APOSTROPHE, text)


def _last_word(text: str, start: int, end: int) -> str:
    """What ``re.search(r"(\\S+)$", text[start:end])`` finds (the run of non-space characters that
    ends the span, or before its final line break), or "": read backwards from the end, where the
    search tried every position of the span."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > start and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


#: the longest sentence analysed whole, in characters (four times the longest of the dev and seed
#: articles); a longer run with no sentence end (a page that is one long sentence, a list run
#: together) is read in pieces of at most this many, cut at a clause mark or a space
#: (:func:`_pieces`): the frame rules compare each word of a sentence with the others, so one
#: sentence of 200 000 characters took past the analysis time limit and the article was lost
MAX_SENTENCE_CHARS = 2000

_CLAUSE_END = re.compile(r"[,;:](?=\s)")
_SPACE = re.compile(r"\s")


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """The end of the last match of ``pattern`` in ``text[start:end]``, or None."""
    found = None
    for match in pattern.finditer(text, start, end):
        found = match.end()
    return found


def _pieces(text: str, start: int, end: int) -> list[Sentence]:
    """The span ``start``-``end`` of ``text`` as sentences of at most :data:`MAX_SENTENCE_CHARS`
    characters, each cut after the last ``,``, ``;`` or ``:`` before a space in its second half,
    else at its last space there, else where the limit falls; no piece starts or ends with a space."""
    pieces: list[Sentence] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit, half = start + MAX_SENTENCE_CHARS, start + MAX_SENTENCE_CHARS // 2
        cut = _last(_CLAUSE_END, text, half, limit) or _last(_SPACE, text, half, limit) or limit
        if text[start:cut].strip():
            pieces.append(Sentence(start, start + len(text[start:cut].rstrip())))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append(Sentence(start, end))
    return pieces


def split_sentences(text: str, language: str | None = None,
                    folders: tuple[Path, ...] | None = None) -> tuple[Sentence, ...]:
    """Sentences as character spans: line breaks always end one; so do ., ! and ? before a capital,
    except after the language's abbreviations and single initials; a sentence longer than
    :data:`MAX_SENTENCE_CHARS` is read in pieces (:func:`_pieces`)."""
    abbreviations, ordinal_dot = sentence_rules(language, folders)
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        last = _last_word(text, start, match.start()).rstrip(".").lower()
        if "\n" not in match.group(0) and (last in abbreviations or (len(last) == 1 and last.isalpha())
                                           or (ordinal_dot and len(last) <= 2 and last.isdigit()
                                               and match.group(0).startswith(". "))):
            continue
        end = match.start() + len(match.group(0).rstrip())
        if text[start:end].strip():
            s = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            sentences.append(Sentence(s, end))
        start = match.end()
    if text[start:].strip():
        s = start + (len(text[start:]) - len(text[start:].lstrip()))
        sentences.append(Sentence(s, len(text.rstrip())))
    if any(s.end - s.start > MAX_SENTENCE_CHARS for s in sentences):
        sentences = [p for s in sentences for p in (_pieces(text, s.start, s.end)
                                                    if s.end - s.start > MAX_SENTENCE_CHARS else [s])]
    return tuple(sentences)
