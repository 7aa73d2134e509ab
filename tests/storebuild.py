"""Stores written through the real write path (Store.add_article, set_cluster, replace_analysis
and the stance-cell refresh an analysis run does), from team-written sentences, so that each view
test knows exactly what the store holds."""

from __future__ import annotations

from allegiance import Store
from allegiance.nlp.doc import Doc, Mention, Statement
from allegiance.records import Article
from allegiance.store.aggregates import rebuild_stance_aggregates

WAR = "russia_war_in_ukraine"


def stance(subject: str, label: str, time: str | None = None, issue: str = WAR, start: int = 0) -> Statement:
    return Statement("stance", start, start + 20, subject=subject, predicate=label, issue=issue, time=time)


def event(subject: str, kind: str, target: str | None, time: str | None = None, start: int = 0) -> Statement:
    return Statement("event", start, start + 20, subject=subject, predicate=kind, object=target, time=time)


def add_article(store: Store, name: str, statements: list[Statement], *, published: str | None = None,
                source: str | None = "Outlet A", cluster: str | None = None, author: str | None = None,
                text: str | None = None, mentions: tuple[Mention, ...] = (), pack: str = "test@1") -> str:
    """One article with these statements (the evidence is the article's first characters)."""
    body = text or f"{name}: a team-written sentence about states and the war, long enough for spans. " * 3
    article = Article(id=f"id-{name}", text=body, origin=f"test:{name}", kind="text", file_name=name,
                      published=published, source=source, author=author)
    with store.transaction():
        store.add_article(article, None, None)  # type: ignore[arg-type]
        store.add_input(article.origin, article.id, name, None)  # type: ignore[arg-type]
        store.set_cluster(article.id, f"id-{cluster}" if cluster else article.id, 1.0)
    analyse(store, article.id, body, published, statements, mentions, pack)
    return article.id


def analyse(store: Store, article_id: str, text: str, published: str | None, statements: list[Statement],
            mentions: tuple[Mention, ...] = (), pack: str = "test@1") -> None:
    doc = Doc(article_id, text, "en", published, mentions=mentions, statements=tuple(statements))
    with store.transaction() as db:
        store.replace_analysis(doc, pack)
        rebuild_stance_aggregates(db)
