"""Jobs that tie the stages together over a store: the analysis map (:mod:`.work`), the local
runner (:mod:`.local`) and the distributed one on Dask (:mod:`.distributed`, extra ``distributed``)."""

from .local import AnalyzeSummary, analyze_store
from .work import AnalysisResult, PendingArticle, analyze

__all__ = ["AnalysisResult", "AnalyzeSummary", "PendingArticle", "analyze", "analyze_store"]
