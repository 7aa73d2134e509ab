"""Stage 2: analysis components over one :class:`Doc` per article."""

from .doc import Doc, Mention, Sentence
from .entities import EntityLinker
from .pipeline import Pipeline, default_pipeline

__all__ = ["Doc", "EntityLinker", "Mention", "Pipeline", "Sentence", "default_pipeline"]
