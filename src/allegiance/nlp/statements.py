"""The statements component: stances, events, predictions and claims over one document, with
times resolved (quantities are their own component)."""

from __future__ import annotations

import bisect
import dataclasses

from ..kb.knowledge import KnowledgeBase, load_knowledge_base
from .actors import ActorResolver
from .claims import find_claims, topics_of
from .doc import Doc, Statement, TimeExpression
from .frames import FrameBuilder
from .lexicons import Lexicons, load_lexicons
from .modality import SentenceModality
from .registry import DEFAULT_COMPONENTS, create

__all__ = ["StatementExtractor"]


class StatementExtractor:
    name = "statements"
    requires: tuple[str, ...] = ("sentences", "mentions", "times")
    provides: tuple[str, ...] = ("statements",)

    def __init__(self, kb: KnowledgeBase | None = None, lexicons: Lexicons | None = None,
                 components: tuple[str, ...] = DEFAULT_COMPONENTS, parse: bool = False) -> None:
        self.kb = kb or load_knowledge_base()
        self.lex = lexicons or load_lexicons()
        self.components = components
        self.parse = parse
        self.finders = [create(name) for name in components]

    def warm(self, languages: tuple[str, ...] = ()) -> None:
        """Read every language's frame lexicons (the English one is a large generated file) and the
        issues."""
        from ..kb.langdata import languages as pack_languages
        from ..kb.langdata import load_issues
        from .frames import language_pack

        folders = self.lex.folders or None
        for code in pack_languages(folders):
            language_pack(code, folders)
        load_issues()

    def __call__(self, doc: Doc) -> Doc:
        resolver = ActorResolver(self.kb, doc, self.lex.folders or None)
        modality = SentenceModality(doc, resolver, self.lex)
        builder = FrameBuilder(doc, resolver, folders=self.lex.folders or None, parse=self.parse)
        found: list[Statement] = []
        for finder in self.finders:
            found += finder(doc, resolver, modality, builder)
        covered = {(s.start, s.end) for s in found}
        found += find_claims(doc, resolver, modality, covered, self.lex)
        times = _TimeIndex(doc.times)
        doc.statements = tuple(self._with_time_and_topics(doc, s, times) for s in doc.statements)
        doc.add([self._with_time_and_topics(doc, s, times) for s in found])
        return doc

    def _with_time_and_topics(self, doc: Doc, s: Statement, times: _TimeIndex | None = None) -> Statement:
        if s.kind == "prediction":  # its time is the predicted horizon or none, never the dateline
            return _replace(s, topics=s.topics or topics_of(doc.text[s.start:s.end], self.lex))
        time = s.time or (times or _TimeIndex(doc.times)).first_value(s.start, s.end)
        topics = s.topics or topics_of(doc.text[s.start:s.end], self.lex)
        return _replace(s, time=time or doc.published, topics=topics)


class _TimeIndex:
    """The first resolved time expression starting inside a span, by bisection over the document's
    time expressions (in order of their starts, as the time tagger gives them), where a scan of
    all of them per statement made long articles quadratic."""

    def __init__(self, times: tuple[TimeExpression, ...]) -> None:
        self.times = times
        self.ordered = all(a.start <= b.start for a, b in zip(times, times[1:], strict=False))
        self.starts = [t.start for t in times] if self.ordered else []

    def first_value(self, start: int, end: int) -> str | None:
        if not self.ordered:
            return next((t.value for t in self.times if start <= t.start < end and t.value), None)
        for k in range(bisect.bisect_left(self.starts, start), len(self.times)):
            t = self.times[k]
            if t.start >= end:
                break
            if t.value:
                return t.value
        return None


def _replace(s: Statement, **changes: object) -> Statement:
    """``dataclasses.replace`` for a statement (a frozen dataclass with no ``__post_init__``), by
    copying its attributes: the same record, four times as fast, and every statement goes through
    it."""
    if not changes.keys() <= _STATEMENT_FIELDS:
        raise TypeError(f"Statement has no field {sorted(changes.keys() - _STATEMENT_FIELDS)}")
    new = object.__new__(Statement)
    new.__dict__.update(s.__dict__)
    new.__dict__.update(changes)
    return new


_STATEMENT_FIELDS = frozenset(f.name for f in dataclasses.fields(Statement))
