"""The analysis stage: an ordered list of components over one :class:`Doc` per article.

Each component declares what it ``requires`` and ``provides``; the order is checked before a
run. The analysis of an article depends on the article and the packs alone.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ..errors import AllegianceError
from ..kb.knowledge import KnowledgeBase, load_knowledge_base
from ..kb.langdata import pack_data, pack_folders
from ..settings import Settings
from .doc import Doc, reading_text, split_sentences, visible_text
from .entities import EntityLinker
from .genre import GenreClassifier
from .lexicons import load_lexicons
from .quantities import QuantityExtractor
from .registry import DEFAULT_COMPONENTS
from .statements import StatementExtractor
from .timex import TimeTagger

#: Bumped when the extraction rules change, so that stores are re-analysed.
EXTRACTORS_VERSION = "2"
#: The collector's youngest-generation threshold while an article is analysed (see ``Pipeline.__call__``).
GC_YOUNG = 20_000

__all__ = ["Component", "Pipeline", "SentenceSplitter", "default_pipeline"]

log = logging.getLogger(__name__)


class Component(Protocol):
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class SentenceSplitter:
    """Sentences by the abbreviations of the article's language (``lang/<code>/sentences.toml``), in
    the text as the lexicons read it: the language's other apostrophes written as ’
    (:func:`~allegiance.nlp.doc.reading_text`, one character for one, so offsets are the text's)."""

    name = "sentences"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("sentences",)

    def __init__(self, folders: tuple[Path, ...] | None = None) -> None:
        self.folders = folders

    def __call__(self, doc: Doc) -> Doc:
        doc.text = reading_text(doc.text, doc.language, self.folders)  # one character for one: offsets hold
        doc.sentences = split_sentences(doc.text, doc.language, self.folders)
        return doc


class Pipeline:
    def __init__(self, components: Sequence[Component], version: str) -> None:
        available = {"text", "language", "published"}
        for component in components:
            missing = set(component.requires) - available
            if missing:
                raise AllegianceError(f"component {component.name!r} needs {sorted(missing)}, which no earlier "
                                      "component provides", code="bad_pipeline")
            available |= set(component.provides)
        self.components = tuple(components)
        self.version = version

    def __call__(self, doc: Doc) -> Doc:
        """The components over ``doc``, with the collector's youngest generation raised to
        :data:`GC_YOUNG` objects for the article: an analysis allocates hundreds of thousands of
        short-lived objects (words, frames, matches), freed by their reference counts, and the
        default threshold (700) ran a collection every few hundred of them. The old thresholds are
        back once the article is done, whatever happens.

        A text holding characters no reader sees inside words (a soft hyphen, a zero-width space:
        :data:`~allegiance.nlp.doc.INVISIBLE`) is read without them, and every span is then moved back
        onto the text as given, so evidence is still cut from the stored text."""
        old = gc.get_threshold()
        if old[0] < GC_YOUNG:
            gc.set_threshold(GC_YOUNG, *old[1:])
        given, visible = doc.text, visible_text(doc.text)
        if visible is not None:
            doc.text = visible[0]
        try:
            for component in self.components:
                doc = component(doc)
        finally:
            if old[0] < GC_YOUNG:
                gc.set_threshold(*old)
        if visible is not None:
            doc.moved_to(given, visible[1])
        return doc

    def warm(self, languages: tuple[str, ...] = (), cyrillic: bool = False) -> None:
        """Build what the components would build on their first article (the frame lexicons, the
        entity automaton, the time, number and name words of ``languages``; with ``cyrillic`` what
        a text with Cyrillic letters in a language without its own morphology reads), here: a
        runner builds the pipeline once and forks its workers, which then share it instead of each
        building its own. A failure is left for the analysis to meet, as before."""
        calls: list[tuple[str, tuple[tuple[str, ...], ...]]] = [("warm", (languages,))]
        if cyrillic:
            calls.append(("warm_cyrillic", ()))
        for component in self.components:
            for name, args in calls:
                warm = getattr(component, name, None)
                if warm is None:
                    continue
                try:
                    warm(*args)
                except Exception:  # noqa: BLE001 - the analysis reports it, article by article
                    log.debug("warming %s failed; left to the analysis", component.name, exc_info=True)


def default_pipeline(kb: KnowledgeBase | None = None, settings: Settings | None = None) -> Pipeline:
    """Sentences and entities; Russian NER when the setting asks for it. The version names the pack
    and the optional parts, so that changing either re-analyses the store."""
    settings = settings or Settings()
    kb = kb or load_knowledge_base(*(Path(p) for p in settings.packs.split(os.pathsep) if p))
    folders = pack_folders(settings.packs)
    lexicons = load_lexicons(folders)
    components: list[Component] = [SentenceSplitter(folders), EntityLinker(kb, folders)]
    version = f"{kb.version};extractors@{EXTRACTORS_VERSION}"
    if settings.russian_ner:
        from .russian_ner import RussianNER

        components.append(RussianNER(kb, folders))
        version += "+natasha"
    if settings.ukrainian_ner:
        from .ukrainian_ner import UkrainianNER

        components.append(UkrainianNER())
        version += "+uk_ner_nc"
    names = tuple(n.strip() for n in settings.statement_components.split(",") if n.strip())
    components += [TimeTagger(folders), GenreClassifier(lexicons), QuantityExtractor(lexicons, folders),
                   StatementExtractor(kb, lexicons, components=names, parse=settings.frames_parse)]
    if names != DEFAULT_COMPONENTS:
        version += "+" + "+".join(names)
    if settings.frames_parse:
        version += "+parse"
    pipeline = Pipeline(components, version=version)
    pipeline.warm(tuple(filter(None, [str(pack_data("languages.toml", folders).get("fallback", ""))])))
    return pipeline
