"""The map of the analysis stage: one article in, one serialisable result out.

:func:`analyze` is a pure function of one article and the pipeline configuration (the packs
and the optional parts named by the settings): it reads no store and writes none, so the same
function runs in this process, in a local pool's worker processes and on a Dask cluster, and
its :class:`AnalysisResult` (frozen dataclasses of plain values) pickles to wherever the
writes happen. A pipeline is built once per process and kept.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import signal
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..settings import Settings

if TYPE_CHECKING:
    from ..nlp.doc import Mention, Statement
    from ..nlp.pipeline import Pipeline

__all__ = ["AnalysisResult", "PendingArticle", "analyze", "analyze_with", "pipeline_for", "cut_text"]

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class PendingArticle:
    """What the analysis reads of a stored article."""

    id: str
    text: str
    language: str | None = None
    published: str | None = None
    chars: int | None = None  #: length of the whole stored text, when ``text`` may be its start only


@dataclasses.dataclass(frozen=True)
class AnalysisResult:
    """One article's layers, or the error that stopped its analysis. ``analysed_chars`` is set
    when the text was longer than ``max_analysed_chars`` and only its start was analysed."""

    id: str
    pack_version: str
    mentions: tuple[Mention, ...] = ()
    statements: tuple[Statement, ...] = ()
    genre: str | None = None
    analysed_chars: int | None = None
    error: str | None = None
    seconds: float = 0.0


class ArticleTimeout(Exception):
    """The analysis of one article ran past ``analysis_time_limit``."""


_PIPELINES: dict[tuple[str, bool], Pipeline] = {}
#: A pipeline given by the caller (tests, custom components), inherited by forked workers.
injected: Pipeline | None = None


def pipeline_for(settings: Settings) -> Pipeline:
    """The pipeline the settings name, built once per process (packs loaded, automata built)."""
    if injected is not None:
        return injected
    key = (settings.packs, settings.russian_ner)
    if key not in _PIPELINES:
        from ..nlp.pipeline import default_pipeline

        _PIPELINES[key] = default_pipeline(settings=settings)
    return _PIPELINES[key]


def cut_text(text: str, limit: int, whole: int | None = None) -> tuple[str, int | None]:
    """The text, or its first ``limit`` characters ended at the last line break or sentence end
    in the final tenth (a hard cut where there is none), with the length kept. ``whole`` is the
    length of the whole text when ``text`` is already its start."""
    if limit <= 0 or max(len(text), whole or 0) <= limit:
        return text, None
    head = text[:limit]
    floor = limit - limit // 10
    end = max(head.rfind("\n", floor), head.rfind(". ", floor) + 1)
    end = end if end > floor else limit
    return text[:end], end


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block after ``seconds`` (wall time). In the main thread
    of a process (the local runner) a timer signal raises it; in another thread (a Dask worker's
    task) a timer thread raises it in this thread, at the next Python instruction, as the signal
    handler would. Neither can stop C code that never returns to Python (the local runner's pool
    kills such a worker; see :mod:`.local`)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread():
        with _thread_time_limit(seconds):
            yield
        return
    if not hasattr(signal, "setitimer"):  # pragma: no cover - not POSIX
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise ArticleTimeout(_past(seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _past(seconds: float) -> str:
    return f"the analysis ran past the time limit of {seconds:g} s"


@contextlib.contextmanager
def _thread_time_limit(seconds: float) -> Iterator[None]:
    """The time limit in a thread other than the main one: a timer thread sets an asynchronous
    :class:`ArticleTimeout` in this thread (``PyThreadState_SetAsyncExc``). A lock orders it with
    the end of the block: once the block is done nothing is raised, and one set but not yet
    raised when the block ends is withdrawn, so it never escapes into the caller's code."""
    import ctypes

    target = ctypes.c_ulong(threading.get_ident())
    message = _past(seconds)
    # a subclass that carries the message: the exception is raised from its class, with no arguments
    expired = type("ArticleTimeout", (ArticleTimeout,),
                   {"__init__": lambda self: ArticleTimeout.__init__(self, message)})
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(expired))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    try:  # started inside the try: a limit that expires at once still ends in the finally
        timer.start()
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def analyze_with(article: PendingArticle, pipeline: Pipeline, settings: Settings) -> AnalysisResult:
    """Analyse one article with ``pipeline``; an error (the time limit included) is the result's
    ``error``, never raised."""
    from ..nlp.doc import Doc

    started = time.perf_counter()
    text, analysed = cut_text(article.text, settings.max_analysed_chars, article.chars)
    try:
        with time_limit(settings.analysis_time_limit):
            doc = pipeline(Doc(article.id, text, article.language, article.published))
    except Exception as exc:  # one article's failure is its result; the run goes on
        if not isinstance(exc, ArticleTimeout):
            log.exception("analysis failed on article %s", article.id)
        else:
            log.warning("article %s: %s", article.id, exc)
        return AnalysisResult(article.id, pipeline.version, analysed_chars=analysed,
                              error=f"{type(exc).__name__}: {exc}", seconds=time.perf_counter() - started)
    return AnalysisResult(article.id, pipeline.version, tuple(doc.mentions), tuple(doc.statements), doc.genre,
                          analysed, seconds=time.perf_counter() - started)


def analyze(article: PendingArticle, settings: Settings) -> AnalysisResult:
    """The map: one article and the pipeline configuration in ``settings`` → its result."""
    return analyze_with(article, pipeline_for(settings), settings)
