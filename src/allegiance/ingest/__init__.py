"""Stage 1: reading articles as people have them (files, folders, URLs, feeds, WARCs, JSON Lines)."""

from .pipeline import IngestSummary, ingest
from .reader import read_article
from .sources import iter_inputs

__all__ = ["IngestSummary", "ingest", "iter_inputs", "read_article"]
