"""Stage 2: analysis components over one :class:`Doc` per article."""

from .doc import Doc, Mention, Sentence
from .entities import EntityLinker

__all__ = ["Doc", "EntityLinker", "Mention", "Sentence"]
