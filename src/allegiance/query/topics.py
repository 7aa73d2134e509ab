"""Which articles are on the packs' topics: the views leave the others out unless asked."""

from __future__ import annotations

from typing import Any

from ..store.db import Store
from ..store.facts import on_topic_condition
from .lookup import parties

__all__ = ["on_topic_sql", "topic_coverage"]


def on_topic_sql(article: str, packs: str = "", per_row: bool = False) -> tuple[str, list[str]]:
    """An SQL condition on the article id expression ``article``: the article is on the packs'
    topics, that is it has a stance statement on an issue, a statement on a pack topic, or a party
    to an issue (RUS, UKR) as a statement's subject or target, or mentioned. ``per_row`` probes
    per row (for views that read a page); otherwise the on-topic articles are gathered once (for
    views that read everything)."""
    return on_topic_condition(article, parties(packs), per_row)


def topic_coverage(store: Store, packs: str = "") -> dict[str, Any]:
    """How much of the analysed corpus is on the packs' topics: analysed articles, on-topic and
    off-topic ones, and the on-topic share (``None`` before any analysis)."""
    condition, params = on_topic_sql("n.article_id", packs)
    row = store.db.execute(f"""SELECT count(*), COALESCE(sum({condition}), 0) FROM analyses n
                               WHERE n.error IS NULL""", params).fetchone()
    analysed, on_topic = int(row[0]), int(row[1])
    return {"analysed": analysed, "on_topic": on_topic, "off_topic": analysed - on_topic,
            "share": round(on_topic / analysed, 3) if analysed else None}


def topic_filter(include_off_topic: bool, article: str, packs: str, per_row: bool) -> tuple[str, list[str]]:
    if include_off_topic:
        return "", []
    condition, params = on_topic_sql(article, packs, per_row)
    return f" AND {condition}", params
