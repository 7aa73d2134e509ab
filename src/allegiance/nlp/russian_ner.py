"""Optional Russian named-entity recognition with natasha (the ``russian-ner`` extra), for people
and organisations the knowledge base does not list. natasha ships its models inside the package:
nothing is downloaded. Mentions it finds are kept unlinked, with their nominative form in Latin
letters, as the rule-found names are exported. Organisation spans are cleaned: one on a line of page
furniture (a share bar or a rubric with "|": «Поделиться: ВКонтакте | Telegram»), a platform
(``platform_names``) on a short line («Подписывайтесь на наш канал в Telegram»), a dateline's city in
capitals («ТАШКЕНТ, 3 мар»), one common word that the sentence's capital opens («Правящая»,
«Ведомство») and a name the knowledge base lists (the linker left it out: a picture's credit, the
page's own outlet) are dropped; a state's body of ``[state_bodies]`` («МИД», «Конституционного суда»)
gets its neutral English name, and is dropped where the rules named that body already («МИД
Казахстана ... в МИД заявили»)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from ..errors import AllegianceError
from ..kb.knowledge import KnowledgeBase
from ..kb.langdata import pack_data
from .doc import Doc, Mention
from .lemma_names import lemma_words
from .slavic_persons import romanise
from .tokens import analyzer_for, morph_parse, tokenize, word_key

__all__ = ["RussianNER", "natasha_available"]

_TYPES = {"PER": "person", "ORG": "organization"}
_CONFIDENCE = 0.7
#: the marks of page furniture on a line (share bars, rubric and date lines)
_FURNITURE = re.compile(r"[|•·]")
#: the length under which a line naming a platform is page furniture («Поделиться: ВКонтакте, Telegram»)
_FURNITURE_LINE = 80
#: the grammemes of a proper name's reading in pymorphy3
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "UNKN"})


def natasha_available() -> bool:
    try:
        import natasha  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    try:
        from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise AllegianceError("Russian NER needs natasha: pip install 'allegiance[russian-ner]' "
                              "(or turn the setting russian_ner off)", code="missing_extra") from exc
    return Segmenter(), NewsNERTagger(NewsEmbedding()), MorphVocab()


class RussianNER:
    """Adds natasha's PER and ORG spans to ``doc.mentions`` of Russian articles where no mention is."""

    name = "russian_ner"
    requires: tuple[str, ...] = ("mentions",)
    provides: tuple[str, ...] = ("mentions",)

    def __init__(self, kb: KnowledgeBase | None = None, folders: tuple[Path, ...] | None = None) -> None:
        _models()  # fail at set-up, not in the middle of a run
        self._listed = frozenset(a.text.casefold() for a in kb.aliases) if kb is not None else frozenset()
        self._bodies = lemma_words("ru", folders).bodies
        self._analyzer = analyzer_for("ru", folders)
        names = pack_data("organization_patterns.toml", folders).get("platform_names", [])
        self._platforms = frozenset(str(n).casefold() for n in names)

    def _names_one(self, text: str, start: int, end: int) -> bool:
        """Whether natasha's organisation span names one (see the module's docstring)."""
        span = text[start:end]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if span.casefold() in self._listed or _FURNITURE.search(text, line_start, line_end):
            return False
        if span.casefold() in self._platforms and line_end - line_start < _FURNITURE_LINE:
            return False  # «Подписывайтесь на наш канал в Telegram»: a platform on a short line
        if span.isupper() and len(span) > 5 and start == line_start \
                and text[end:end + 2].lstrip(" ")[:1] in (",", "—", "–"):
            return False  # a dateline
        if start > 0 and text[start - 1:start] in "«\"“„" or any(c.isupper() for c in span[1:]) \
                or not span[:1].isupper():
            return True  # a quoted name, an acronym, a capital inside («Газета.uz», «БелТА»)
        # one common word opening its sentence («Правящая», «Ведомство»): a many-word name of common
        # words is a name all the same («Комитет защиты журналистов», «Большой театр»)
        opens = not text[line_start:start].strip() or text[:start].rstrip().endswith((".", "!", "?"))
        return not (opens and " " not in span and self._common(span.casefold()))

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def _common(word: str) -> bool:
        """A word the dictionary knows with no reading as a proper name («партия», «правящая»)."""
        parses = morph_parse(word, "ru")
        return bool(parses) and all(p.is_known and not (_PROPER & set(p.tag.grammemes)) for p in parses)

    def __call__(self, doc: Doc) -> Doc:
        if doc.language != "ru":
            return doc
        from natasha import Doc as NatashaDoc

        segmenter, tagger, vocab = _models()
        nd = NatashaDoc(doc.text)
        nd.segment(segmenter)
        nd.tag_ner(tagger)
        taken = [(m.start, m.end) for m in doc.mentions]
        added = []
        for span in nd.spans:
            kind = _TYPES.get(span.type)
            if kind is None or any(span.start < e and s < span.stop for s, e in taken):
                continue
            if kind == "organization" and not self._names_one(doc.text, span.start, span.stop):
                continue
            body = self._bodies.get(tuple(word_key(t.text, self._analyzer) for t in tokenize(span.text)))
            if kind == "organization" and body is not None:
                if any(body.casefold() in m.canonical.casefold() for m in doc.mentions):
                    continue  # the rules named that body already
                added.append(Mention(span.start, span.stop, span.text, None, kind, "ner", _CONFIDENCE, body))
                continue
            try:
                span.normalize(vocab)
                canonical = span.normal or span.text
            except Exception:  # normalisation needs morphology the span may lack
                canonical = span.text
            # one spelling across languages, as the rule-found names (slavic_persons, lemma_names)
            canonical = romanise(canonical.strip("«»\"“”„ "), "ru")
            added.append(Mention(span.start, span.stop, span.text, None, kind, "ner", _CONFIDENCE, canonical))
        doc.mentions = tuple(sorted(doc.mentions + tuple(added), key=lambda m: (m.start, -m.end)))
        return doc
