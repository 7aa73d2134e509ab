"""The report of the main job: the stance matrix, what changed in the latest period, the most
corroborated and the most contested statements, open predictions and the sources; as text,
Markdown, JSON, or one self-contained HTML file (inline SVG charts, no network requests,
evidence on demand with links to each article and its source, every piece of text escaped).

Names of issues, labels, short codes and colours come from the packs' issue files; state names
from the knowledge base. :func:`build_report` gathers the plain data (the JSON format writes it);
:func:`report_view` turns it into what the text, Markdown and HTML renderings show, and is the one
place that reads the fields of the views' records."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import AllegianceError
from ..sanitize import strip_controls
from ..store.db import Store
from .record import ledger_entries
from .views import (
    corroboration,
    latest_changes,
    prediction_ledger,
    source_profiles,
    stance_matrix,
    timeline,
)

__all__ = ["REPORT_FORMATS", "build_report", "report_view", "render_report", "http_url", "terminal_safe"]

REPORT_FORMATS = ("text", "markdown", "html", "json")
TIMELINE_LIMIT = 2000
PREDICTIONS_SHOWN = 12
SECTION_GROUPS = 8  # groups in "most corroborated" and in "most contested"


def render_report(store: Store, fmt: str = "text", period: str = "year", today: str | None = None,
                  packs: str = "") -> str:
    """The report in ``fmt``; ``packs`` is the ``packs`` setting (extra pack folders)."""
    if fmt not in REPORT_FORMATS:
        raise AllegianceError(f"unknown report format {fmt!r}; one of {', '.join(REPORT_FORMATS)}",
                              code="bad_format")
    # text and Markdown show no cell's evidence, no timeline and one article per group: they are
    # built without the rest (at 20,000 articles, most of the report's work)
    whole = fmt in ("json", "html")
    report = build_report(store, period, today, packs, evidence=whole)
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2, default=str)
    view = report_view(report, cited_only=not whole)
    if fmt == "html":
        from .report_html import render_html

        return render_html(view)
    return _plain(view, markdown=fmt == "markdown")


# -- the data ---------------------------------------------------------------------------------
def build_report(store: Store, period: str = "year", today: str | None = None, packs: str = "",
                 evidence: bool = True) -> dict[str, Any]:
    """Everything the report shows, as plain data (the JSON format writes this). ``evidence=False``
    leaves out what only the JSON and HTML reports show: every matrix cell's evidence records (the
    latest one behind each cell stays) and the event timeline (an empty list)."""
    cells = stance_matrix(store, period, evidence=evidence)
    # the first eight of each list, read as such (the same groups in the same order as the first
    # eight of every group filtered, with the evidence of sixteen groups read instead of all)
    corroborated = corroboration(store, min_sources=2, limit=SECTION_GROUPS)
    contested = corroboration(store, contested=True, limit=SECTION_GROUPS)
    ledger = prediction_ledger(store, today, lean=True)  # the entries shown are read whole below
    open_predictions = [p for p in ledger if p["outcome"] is None]
    shown = sorted(open_predictions, key=lambda p: (not p["overdue"], p["date"] or ""))[:PREDICTIONS_SHOWN]
    entries = ledger_entries(store, [p["id"] for p in shown], today)
    counts = statement_counts(store)
    dates = store.db.execute("SELECT min(published), max(published) FROM articles").fetchone()
    report: dict[str, Any] = {
        "generated": today or dt.date.today().isoformat(),
        "period": period,
        "corpus": {"articles": store.count("articles"), "stories": store.db.execute(
            "SELECT count(DISTINCT COALESCE(c.cluster_id, a.id)) FROM articles a "
            "LEFT JOIN clusters c ON c.article_id = a.id").fetchone()[0],
            "sources": store.count("sources"), "rejected": store.count("rejections"),
            "first": dates[0], "last": dates[1], "statements": counts,
            "on_topic": on_topic_articles(store)},
        "matrix": [c.as_dict(with_evidence=evidence) for c in cells],
        "changes": latest_changes(cells),
        "corroborated": corroborated,
        "contested": contested,
        # the overdue ones first: the header's count of overdue predictions is of those shown first
        "predictions": [entries[p["id"]] for p in shown],
        "open_predictions": len(open_predictions),
        "overdue": sum(1 for p in ledger if p["overdue"]),
        "timeline": timeline(store, limit=TIMELINE_LIMIT) if evidence else [],
        "sources": source_profiles(store, ledger),
    }
    report["issues"] = _issue_data(packs)
    report["names"] = _entity_names(report, packs)
    report["articles"] = _article_data(store, _article_keys(report, every_group_article=evidence))
    return report


def statement_counts(store: Store) -> dict[str, int]:
    """Statements per kind, corrections applied (``effective_statements`` less those marked wrong):
    counted on the (kind, time) index, less the few a correction marks wrong, instead of reading
    every statement row through the view."""
    counts = dict(store.db.execute("SELECT kind, count(*) FROM statements GROUP BY kind").fetchall())
    for kind, wrong in store.db.execute(
            """SELECT s.kind, count(*) FROM current_corrections c CROSS JOIN statements s ON s.uid = c.statement_uid
               WHERE c.action = 'wrong' AND s.corrected != 0 GROUP BY s.kind"""):
        counts[kind] -= wrong
    return {kind: n for kind, n in counts.items() if n}


def on_topic_articles(store: Store) -> int:
    """Articles on the topics of the packs: with a stance on one of their issues, or a statement on
    one of their topics."""
    row = store.db.execute(  # the first condition is the partial index's (statements_on_topic), which it reads
        "SELECT count(*) FROM articles a WHERE EXISTS (SELECT 1 FROM effective_statements s WHERE s.article_id = a.id "
        "AND (s.kind = 'stance' OR s.topics != '[]') "
        "AND (s.kind = 'stance' OR (s.topics IS NOT NULL AND s.topics NOT IN ('', '[]'))))").fetchone()
    return int(row[0])


def _extra_packs(packs: str) -> list[Path]:
    return [Path(p) for p in packs.split(os.pathsep) if p.strip()]


def _issue_data(packs: str) -> dict[str, dict[str, Any]]:
    from ..kb.langdata import load_issues, pack_folders

    return {issue.id: {"name": issue.name,
                       "labels": {label: {"name": issue.label_names[label], "short": issue.short[label],
                                          "colour": issue.colours[label]} for label in issue.labels}}
            for issue in load_issues(pack_folders(packs)).values()}


def _entity_names(report: dict[str, Any], packs: str) -> dict[str, str]:
    """Names of the states and actors the report shows, from the knowledge base."""
    from ..kb.knowledge import load_knowledge_base

    kb = load_knowledge_base(*_extra_packs(packs))
    ids = {c["state"] for c in report["matrix"]} | {e["actor"] for e in report["timeline"] if e["actor"]}
    ids |= {c["state"] for c in report["changes"]}
    ids |= {g["subject"] for g in report["corroborated"] + report["contested"]}
    names = {}
    for key in sorted(ids):
        entity = kb.get(key)
        if entity is not None:
            names[key] = entity.canonical
    return names


def _article_keys(report: dict[str, Any], every_group_article: bool = True) -> set[str]:
    """The articles the report cites; of each group's articles only the first (the one the text
    and Markdown reports cite) unless ``every_group_article``."""
    keys = {ev["article"] for cell in report["matrix"] for ev in cell.get("evidence", [])}
    keys |= {cell["latest"]["article"] for cell in report["matrix"] if cell.get("latest")}
    keys |= {c["evidence"]["article"] for c in report["changes"] if c.get("evidence")}
    keys |= {a for g in report["corroborated"] + report["contested"]
             for a in (g["articles"] if every_group_article else g["articles"][:1]) + g["contradicted_by"]}
    keys |= {p["article"] for p in report["predictions"]} | {e["article"] for e in report["timeline"]}
    return {k for k in keys if k}


def _article_data(store: Store, keys: set[str]) -> dict[str, dict[str, Any]]:
    """Title, URL, source and date of each article the report cites, by export id."""
    out: dict[str, dict[str, Any]] = {}
    ordered = sorted(keys)
    for chunk in range(0, len(ordered), 400):
        part = ordered[chunk:chunk + 400]
        marks = ",".join("?" * len(part))
        for r in store.db.execute(
                f"""SELECT COALESCE(a.file_name, a.id) AS export_id, a.title, COALESCE(a.url, a.canonical_url) AS url,
                           src.name AS source, a.published
                    FROM articles a LEFT JOIN sources src ON src.id = a.source_id
                    WHERE a.file_name IN ({marks}) OR a.id IN ({marks}) ORDER BY a.rowid""", (*part, *part)):
            out.setdefault(r["export_id"], {"title": r["title"], "url": r["url"], "source": r["source"],
                                            "published": r["published"]})
    return out


# -- what is shown ----------------------------------------------------------------------------
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


_NOT_IN_URL = re.compile(r'[\s"<>\\^`{|}]')  # characters RFC 3986 never allows unencoded


def terminal_safe(text: Any) -> str:
    """One line of text with no control characters (terminal escapes, bidi overrides) left."""
    text = "" if text is None else str(text)
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        # printable: no control, format (bidi) or surrogate character and no whitespace but the
        # space, so nothing below would change it (most of a report's strings)
        return text
    return " ".join(_UNSAFE.sub(" ", strip_controls(text)).split())


def http_url(value: Any) -> str | None:
    """``value`` when it is an absolute http(s) URL (the only links a report makes), else ``None``."""
    if not isinstance(value, str) or _UNSAFE.search(value) or _NOT_IN_URL.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _site_url(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return terminal_safe(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


class _Looks:
    """How the report names things: issues, labels, states, articles."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.issues: dict[str, dict[str, Any]] = report["issues"]
        self.names: dict[str, str] = report["names"]
        self.articles: dict[str, dict[str, Any]] = report["articles"]

    def issue_name(self, issue: str) -> str:
        return str(self.issues.get(issue, {}).get("name", issue))

    def label(self, issue: str, label: str) -> dict[str, str]:
        found = self.issues.get(issue, {}).get("labels", {}).get(label)
        if found is None:  # a label from a statement whose issue file is gone
            found = {"name": label, "short": label[:3].upper(), "colour": "#999999"}
        colour = found["colour"] if re.fullmatch(r"#[0-9a-fA-F]{3,8}", found["colour"]) else "#999999"
        return {"id": label, "name": found["name"], "short": found["short"], "colour": colour}

    def actor(self, key: str | None) -> dict[str, str]:
        if not key:
            return {"id": "", "name": "unknown actor", "label": "unknown actor"}
        name = self.names.get(key)
        return {"id": key, "name": name or key, "label": f"{key} {name}" if name else key}

    def article(self, key: str | None, source: str | None = None, time: str | None = None) -> dict[str, Any]:
        """An article as the report cites it: id, title, source, date and the links to both."""
        known = self.articles.get(key or "", {})
        url = http_url(known.get("url"))
        return {"article": key or "", "title": known.get("title") or "", "url": url,
                "source": source or known.get("source") or "", "source_url": _site_url(url),
                "time": time or known.get("published") or ""}


def _evidence_view(looks: _Looks, ev: dict[str, Any], issue: str | None = None) -> dict[str, Any]:
    """One piece of evidence: its text, label (for stances), speaker, and where it comes from."""
    item = looks.article(ev.get("article"), ev.get("source"), ev.get("time"))
    item["text"] = ev.get("text") or ""
    item["speaker"] = ev.get("speaker") or ""
    item["label"] = looks.label(issue, ev["label"]) if issue and ev.get("label") else None
    return item


def _cell_view(looks: _Looks, cell: dict[str, Any]) -> dict[str, Any]:
    """One matrix cell as shown: the prevailing label with the stories behind it, or "contested"
    where labels tie or split; ``!`` where stories contradict each other."""
    if cell["contested"] or cell["prevailing"] is None:
        label = {"id": "contested", "name": "contested", "short": str(cell.get("short") or "CON"), "colour": "#555555"}
    else:
        label = looks.label(cell["issue"], cell["prevailing"])
    stories = int(cell["stories"])
    counts = ", ".join(f"{looks.label(cell['issue'], k)['name']} {v}" for k, v in sorted(cell["counts"].items()))
    state = looks.actor(cell["state"])
    contradiction = bool(cell["contradiction"])
    behind = ("labels tie or split" if label["id"] == "contested" else _stories(stories, True))
    tip = (f"{state['name']} ({state['id']}), {cell['period']}: {label['name']}, {behind}"
           f" of {_stories(int(cell['total_stories']), True)}; statements: {counts}"
           + ("; stories contradict each other" if contradiction else ""))
    return {"state": state, "period": cell["period"], "label": label, "stories": stories, "counts": counts,
            "contested": contradiction or label["id"] == "contested",
            "text": f"{label['short']}{stories}{'!' if contradiction else ''}", "tip": tip,
            "evidence": [_evidence_view(looks, ev, cell["issue"]) for ev in cell.get("evidence", [])]}


def _matrix_view(looks: _Looks, cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_issue: dict[str, dict[str, dict[str, dict[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    periods: dict[str, set[str]] = defaultdict(set)
    for cell in cells:
        by_issue[cell["issue"]][cell["state"]][cell["period"]] = _cell_view(looks, cell)
        periods[cell["issue"]].add(cell["period"])
    out = []
    for issue, rows in by_issue.items():
        columns = sorted(periods[issue], key=lambda p: (p == "undated", p))
        used = {c["label"]["id"] for r in rows.values() for c in r.values()}
        labels = [looks.label(issue, label) for label in looks.issues.get(issue, {}).get("labels", {})]
        labels += [looks.label(issue, label) for label in sorted(used - {x["id"] for x in labels})]
        out.append({"id": issue, "name": looks.issue_name(issue), "periods": columns, "labels": labels,
                    "rows": [{"state": looks.actor(state), "cells": [row.get(p) for p in columns]}
                             for state, row in sorted(rows.items())]})
    return out


def _group_view(looks: _Looks, g: dict[str, Any], cited_only: bool = False) -> dict[str, Any]:
    subject = looks.actor(g["subject"])
    articles = [looks.article(a) for a in (g["articles"][:1] if cited_only else g["articles"])]
    return {"subject": subject, "predicate": g["predicate"], "object": g["object"] or "",
            "stories": int(g["independent_sources"]), "outlets": g["outlets"], "articles": articles,
            "contradicted_by": [looks.article(a) for a in g["contradicted_by"]], "text": g["evidence"] or "",
            "source": articles[0] if articles else looks.article(None)}


def report_view(report: dict[str, Any], cited_only: bool = False) -> dict[str, Any]:
    """What the text, Markdown and HTML reports show, every string one clean line. ``cited_only``
    (text and Markdown) keeps only the first article of each corroboration group, the one they cite."""
    looks = _Looks(report)
    corpus = report["corpus"]
    view: dict[str, Any] = {
        "generated": report["generated"], "period": report["period"], "corpus": corpus,
        "topic_line": _topic_line(corpus),
        "matrix": _matrix_view(looks, report["matrix"]),
        "changes": [{"state": looks.actor(c["state"]), "issue": looks.issue_name(c["issue"]),
                     "from": looks.label(c["issue"], c["from"]), "from_period": c["from_period"],
                     "to": looks.label(c["issue"], c["to"]), "to_period": c["to_period"],
                     "evidence": _evidence_view(looks, c["evidence"] or {})} for c in report["changes"]],
        "corroborated": [_group_view(looks, g, cited_only) for g in report["corroborated"]],
        "contested": [_group_view(looks, g, cited_only) for g in report["contested"]],
        "overdue": report["overdue"], "open_predictions": report["open_predictions"],
        "predictions": [{"id": p["id"], "speaker": p["speaker"] or "author", "date": p["date"] or "",
                         "horizon": p["horizon"] or "", "overdue": bool(p["overdue"]), "text": p["evidence"] or "",
                         **{k: v for k, v in looks.article(p["article"], p["source"]).items() if k != "time"}}
                        for p in report["predictions"]],
        "timeline": [{"time": e["time"] or "", "actor": looks.actor(e["actor"]), "type": e["type"] or "",
                      "target": e["target"] or "", "text": e["evidence"] or "",
                      **{k: v for k, v in looks.article(e["article"], e["source"]).items() if k != "time"}}
                     for e in report["timeline"]],
        "sources": report["sources"],
    }
    return dict(_clean(view))


def _topic_line(corpus: dict[str, Any]) -> str:
    n, on = corpus["articles"], corpus["on_topic"]
    share = f"{100 * on / n:.0f}%" if n else "0%"
    return (f"{on} of {n} articles ({share}) are on the topics of the packs (a stance on one of their issues, "
            "or a sentence on one of their topics).")


# -- text and Markdown ---------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!~|])")


def _md(text: Any) -> str:
    """Markdown-inert text: no links, images, HTML, emphasis or table cells can come out of it."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def _shown(view: dict[str, Any]) -> str:
    shown, total = len(view["predictions"]), view["open_predictions"]
    return f"{view['overdue']} overdue, {total} open" + (f", the first {shown} shown" if shown < total else "")


def _stories(n: int, independent: bool = False) -> str:
    word = "story" if n == 1 else "stories"
    return f"{n} independent {word}" if independent else f"{n} {word}"


def _clip(text: str, width: int = 140) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _where(item: dict[str, Any], esc: Callable[[Any], str]) -> str:
    """Where a piece of evidence comes from, without empty fields: source, article, date, URL."""
    parts = [item.get("source"), item.get("article"), item.get("time"), item.get("url")]
    return " · ".join(esc(p) for p in dict.fromkeys(p for p in parts if p))


def _plain(view: dict[str, Any], markdown: bool) -> str:
    esc: Callable[[Any], str] = _md if markdown else str
    h1, h2 = ("# ", "## ") if markdown else ("", "")
    corpus = view["corpus"]
    lines = [f"{h1}Allegiance report ({esc(view['generated'])})",
             f"{corpus['articles']} articles, {corpus['stories']} distinct stories, {corpus['sources']} sources, "
             f"{corpus['rejected']} rejected inputs; published {esc(corpus['first'] or '?')} to "
             f"{esc(corpus['last'] or '?')}.",
             esc(view["topic_line"]),
             "Statements: " + ", ".join(f"{esc(k)} {v}" for k, v in sorted(corpus["statements"].items())), ""]
    for issue in view["matrix"]:
        lines.append(f"{h2}Stance matrix: {esc(issue['name'])} (by {esc(view['period'])})")
        legend = ", ".join(f"{esc(x['short'])} {esc(x['name'])}" for x in issue["labels"])
        lines.append(f"Cell: prevailing stance ({legend}), independent stories behind the cell, "
                     "! where stories contradict each other.")
        table = [[row["state"]["label"], *(c["text"] if c else "·" for c in row["cells"])] for row in issue["rows"]]
        lines.extend(_table(["state", *issue["periods"]], table, markdown))
        lines.append("")
    if not view["matrix"]:
        lines += [f"{h2}Stance matrix", "No stance of a state on an issue of the packs was found.", ""]
    lines += _sections(view, esc, h2)
    lines.append(f"{h2}Open predictions ({_shown(view)})")
    for p in view["predictions"]:
        due = f", horizon {p['horizon']}" + (" OVERDUE" if p["overdue"] else "") if p["horizon"] else ""
        lines.append(f"- #{p['id']} {esc(p['speaker'])} ({esc(p['date'] or 'undated')}{esc(due)}): "
                     f"“{esc(_clip(p['text']))}” [{_where(p, esc)}]")
    if not view["predictions"]:
        lines.append("No open predictions.")
    lines.append("")
    lines.append(f"{h2}Sources")
    lines.extend(_table(["source", "articles", "languages", "opinion", "reporting", "copies", "predictions"],
                        [[s["source"], s["articles"], s["languages"], s["opinion_share"], s["reporting_share"],
                          s["copy_share"], s["predictions"]] for s in view["sources"]], markdown))
    return "\n".join(lines) + "\n"


def _sections(view: dict[str, Any], esc: Callable[[Any], str], h2: str) -> list[str]:
    def change(c: dict[str, Any]) -> str:
        ev = c["evidence"]
        return (f"{esc(c['state']['label'])} on {esc(c['issue'])}: {esc(c['from']['name'])} ({esc(c['from_period'])})"
                f" → {esc(c['to']['name'])} ({esc(c['to_period'])}): “{esc(_clip(ev['text']))}” [{_where(ev, esc)}]")

    def group(g: dict[str, Any]) -> str:
        outlets = ", ".join(esc(o) for o in g["outlets"]) or "unknown outlets"
        contradicted = ", ".join(esc(a["article"]) for a in g["contradicted_by"])
        return (f"{esc(g['subject']['label'])} {esc(g['predicate'])} {esc(g['object'])}: "
                f"{_stories(g['stories'], True)} ({outlets})"
                + (f", contradicted by {contradicted}" if contradicted else "")
                + f": “{esc(_clip(g['text']))}” [{_where(g['source'], esc)}]")

    lines: list[str] = []
    for title, items, empty, describe in (
            ("What changed in the latest period", view["changes"],
             "No state's prevailing stance changed between its last two periods.", change),
            ("Most corroborated", view["corroborated"], "Nothing is reported by more than one independent story yet.",
             group),
            ("Most contested", view["contested"], "No stance is contradicted by another story.", group)):
        lines.append(f"{h2}{title}")
        lines.extend([f"- {describe(item)}" for item in items] or [empty])
        lines.append("")
    return lines


def _table(header: list[str], rows: list[list[Any]], markdown: bool) -> list[str]:
    cells = [[terminal_safe(x) for x in header]] + [[terminal_safe(x) for x in row] for row in rows]
    if markdown:
        out = ["| " + " | ".join(_md(c) for c in cells[0]) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in cells[1:]]
        return out
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
