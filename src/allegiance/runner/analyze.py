"""Running the analysis stage over a store (kept for imports: the runner is :mod:`.local`)."""

from __future__ import annotations

from .local import AnalyzeSummary, analyze_store

__all__ = ["AnalyzeSummary", "analyze_store"]
