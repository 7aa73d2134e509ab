"""Jobs that tie the stages together over a store (analyse; later: the main job and its report)."""

from .analyze import AnalyzeSummary, analyze_store

__all__ = ["AnalyzeSummary", "analyze_store"]
