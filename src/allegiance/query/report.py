"""The report of the main job: the stance matrix, what changed in the latest period, the most
corroborated and the most contested statements, open predictions and the sources; as text,
Markdown, JSON, or one self-contained HTML file (inline SVG charts, no network requests,
evidence on demand, every piece of article text escaped)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict
from typing import Any

from ..errors import AllegianceError
from ..store.db import Store
from .views import (
    corroboration,
    latest_changes,
    prediction_ledger,
    source_profiles,
    stance_matrix,
    timeline,
)

__all__ = ["REPORT_FORMATS", "build_report", "render_report"]

REPORT_FORMATS = ("text", "markdown", "html", "json")
_LABEL_COLOURS = {"support": "#c0392b", "oppose": "#2471a3", "neutral": "#7f8c8d", "distance": "#d4a017"}
_SHORT = {"support": "SUP", "oppose": "OPP", "neutral": "NEU", "distance": "DIS"}
_ISSUE_NAMES = {"russia_war_in_ukraine": "Russia's war in Ukraine", "csto_participation": "CSTO participation"}


def build_report(store: Store, period: str = "year", today: str | None = None) -> dict[str, Any]:
    """Everything the report shows, as plain data (the JSON format writes this)."""
    cells = stance_matrix(store, period, evidence=True)
    groups = corroboration(store)
    ledger = prediction_ledger(store, today)
    counts = dict(store.db.execute("SELECT kind, count(*) FROM statements GROUP BY kind").fetchall())
    dates = store.db.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return {
        "generated": today or dt.date.today().isoformat(),
        "period": period,
        "corpus": {"articles": store.count("articles"), "stories": store.db.execute(
            "SELECT count(DISTINCT COALESCE(c.cluster_id, a.id)) FROM articles a "
            "LEFT JOIN clusters c ON c.article_id = a.id").fetchone()[0],
            "sources": store.count("sources"), "rejected": store.count("rejections"),
            "first": dates[0], "last": dates[1], "statements": counts},
        "matrix": [c.as_dict(with_evidence=True) for c in cells],
        "changes": latest_changes(cells),
        "corroborated": [g for g in groups if g["independent_sources"] > 1][:8],
        "contested": [g for g in groups if g["contradicted_by"] and g["kind"] == "stance"][:8],
        "predictions": [p for p in ledger if p["outcome"] is None][:12],
        "overdue": sum(1 for p in ledger if p["overdue"]),
        "timeline": timeline(store, limit=400),
        "sources": source_profiles(store),
    }


def render_report(store: Store, fmt: str = "text", period: str = "year", today: str | None = None) -> str:
    if fmt not in REPORT_FORMATS:
        raise AllegianceError(f"unknown report format {fmt!r}; one of {', '.join(REPORT_FORMATS)}",
                              code="bad_format")
    report = build_report(store, period, today)
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2, default=str)
    if fmt == "html":
        return _html(report)
    if fmt == "markdown":  # article text must not turn into links, images or HTML in a Markdown viewer
        report = _escape_strings(report, _md_escape)
    return _plain(report, markdown=fmt == "markdown")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!~])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _escape_strings(value: Any, escape: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {k: _escape_strings(v, escape) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape_strings(v, escape) for v in value]
    return value


# -- text and Markdown ---------------------------------------------------------------------------
def _matrix_rows(cells: list[dict[str, Any]]) -> dict[str, tuple[list[str], dict[str, dict[str, dict[str, Any]]]]]:
    """Per issue: the periods (columns) and state → period → cell."""
    by_issue: dict[str, dict[str, dict[str, dict[str, Any]]]] = defaultdict(lambda: defaultdict(dict))
    periods: dict[str, set[str]] = defaultdict(set)
    for cell in cells:
        by_issue[cell["issue"]][cell["state"]][cell["period"]] = cell
        periods[cell["issue"]].add(cell["period"])
    return {issue: (sorted(periods[issue], key=lambda p: (p == "undated", p)), rows)
            for issue, rows in by_issue.items()}


def _cell_text(cell: dict[str, Any] | None) -> str:
    if cell is None:
        return "·"
    mark = "!" if cell["contradiction"] else ""
    return f"{_SHORT.get(cell['prevailing'], cell['prevailing'])}{cell['sources']}{mark}"


def _plain(report: dict[str, Any], markdown: bool) -> str:
    h1, h2 = ("# ", "## ") if markdown else ("", "")
    lines = []
    corpus = report["corpus"]
    lines.append(f"{h1}Allegiance report ({report['generated']})")
    lines.append(f"{corpus['articles']} articles, {corpus['stories']} distinct stories, {corpus['sources']} sources, "
                 f"{corpus['rejected']} rejected inputs; "
                 f"published {corpus['first'] or '?'} to {corpus['last'] or '?'}.")
    lines.append("Statements: " + ", ".join(f"{k} {v}" for k, v in sorted(corpus["statements"].items())))
    lines.append("")
    for issue, (periods, rows) in _matrix_rows(report["matrix"]).items():
        lines.append(f"{h2}Stance matrix: {_ISSUE_NAMES.get(issue, issue)} (by {report['period']})")
        lines.append("Cell: prevailing stance (SUP support, OPP oppose, NEU neutral, DIS distance), independent "
                     "stories behind the cell, ! where stories contradict each other.")
        header = ["state", *periods]
        table = [[state, *(_cell_text(cells.get(p)) for p in periods)] for state, cells in sorted(rows.items())]
        lines.extend(_table(header, table, markdown))
        lines.append("")
    sections = [
        ("What changed in the latest period", report["changes"],
         "No state's prevailing stance changed between its last two periods.",
         lambda c: f"{c['state']} on {_ISSUE_NAMES.get(c['issue'], c['issue'])}: {c['from']} ({c['from_period']}) "
                   f"→ {c['to']} ({c['to_period']}): “{_clip(c['evidence']['text'])}” [{c['evidence']['article']}]"),
        ("Most corroborated", report["corroborated"], "Nothing is reported by more than one independent story yet.",
         lambda g: f"{g['subject']} {g['predicate']} {g['object']}: {_stories(g['independent_sources'], True)} "
                   f"({', '.join(g['outlets']) or 'unknown outlets'}): “{_clip(g['evidence'])}”"),
        ("Most contested", report["contested"], "No stance is contradicted by another story.",
         lambda g: f"{g['subject']} {g['predicate']} ({g['object']}), {_stories(g['independent_sources'])}, "
                   f"contradicted by {', '.join(g['contradicted_by'])}: “{_clip(g['evidence'])}”"),
    ]
    for title, items, empty, describe in sections:
        lines.append(f"{h2}{title}")
        lines.extend([f"- {describe(item)}" for item in items] or [empty])
        lines.append("")
    lines.append(f"{h2}Open predictions ({report['overdue']} overdue)")
    for p in report["predictions"]:
        due = f", horizon {p['horizon']}" + (" OVERDUE" if p["overdue"] else "") if p["horizon"] else ""
        where = p["source"] or p["article"]
        lines.append(f"- #{p['id']} {p['speaker'] or 'author'} in {where} ({p['date'] or 'undated'}{due}): "
                     f"“{_clip(p['evidence'])}”")
    lines.append("")
    lines.append(f"{h2}Sources")
    lines.extend(_table(["source", "articles", "languages", "opinion", "reporting", "copies", "predictions"],
                        [[s["source"], s["articles"], s["languages"], s["opinion_share"], s["reporting_share"],
                          s["copy_share"], s["predictions"]] for s in report["sources"]], markdown))
    return "\n".join(lines) + "\n"


def _stories(n: int, independent: bool = False) -> str:
    word = "story" if n == 1 else "stories"
    return f"{n} independent {word}" if independent else f"{n} {word}"


def _clip(text: str, width: int = 140) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _table(header: list[str], rows: list[list[Any]], markdown: bool) -> list[str]:
    cells = [[str(x) for x in header]] + [[str(x) for x in row] for row in rows]
    if markdown:
        out = ["| " + " | ".join(c.replace("|", "\\|") for c in cells[0]) + " |",
               "|" + "---|" * len(header)]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells[1:]]
        return out
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]


# -- HTML --------------------------------------------------------------------------------------
_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
details{margin:.2rem 0}summary{cursor:pointer}.ev{font-size:.85rem;color:#444;margin:.2rem 0 .2rem 1rem}
.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;color:#fff;border-radius:.2rem}
.muted{color:#777}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _heatmap(issue: str, periods: list[str], rows: dict[str, dict[str, dict[str, Any]]]) -> str:
    size, left, top = 34, 60, 60
    width, height = left + size * len(periods) + 10, top + size * len(rows) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="stance heat map: {_e(issue)}">']
    for j, period in enumerate(periods):
        parts.append(f'<text x="{left + j * size + size / 2}" y="{top - 8}" font-size="10" text-anchor="end" '
                     f'transform="rotate(-45 {left + j * size + size / 2} {top - 8})">{_e(period)}</text>')
    for i, (state, cells) in enumerate(sorted(rows.items())):
        y = top + i * size
        parts.append(f'<text x="{left - 6}" y="{y + size / 2 + 4}" font-size="11" text-anchor="end">{_e(state)}</text>')
        for j, period in enumerate(periods):
            cell = cells.get(period)
            if cell is None:
                continue
            colour = _LABEL_COLOURS.get(cell["prevailing"], "#999")
            opacity = min(1.0, 0.35 + 0.2 * cell["sources"])
            title = f"{state} {period}: {cell['prevailing']}, {cell['sources']} stories, counts {cell['counts']}"
            parts.append(f'<rect x="{left + j * size + 1}" y="{y + 1}" width="{size - 2}" height="{size - 2}" '
                         f'fill="{colour}" fill-opacity="{opacity:.2f}"><title>{_e(title)}</title></rect>')
            if cell["contradiction"]:
                parts.append(f'<text x="{left + j * size + size / 2}" y="{y + size / 2 + 5}" font-size="14" '
                             f'text-anchor="middle" fill="#fff">!</text>')
    parts.append("</svg>")
    return "".join(parts)


def _timeline_svg(events: list[dict[str, Any]]) -> str:
    dated = [e for e in events if e["time"] and len(e["time"]) >= 7]
    if not dated:
        return '<p class="muted">No dated events.</p>'
    actors = sorted({e["actor"] or "?" for e in dated})[:30]

    def x_of(t: str) -> float:
        year, month = int(t[:4]), int(t[5:7])
        day = int(t[8:10]) if len(t) >= 10 else 15
        return year + (month - 1) / 12 + (day - 1) / 365

    xs = [x_of(e["time"]) for e in dated]
    lo, hi = min(xs), max(xs) + 1e-6
    left, row, width = 90, 18, 860
    height = 30 + row * len(actors)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" height="{height}" role="img" '
             'aria-label="event timeline">']
    for year in range(int(lo), int(hi) + 1):
        x = left + (year - lo) / (hi - lo) * width if hi > lo else left
        if left <= x <= left + width:
            parts.append(f'<line x1="{x:.1f}" y1="10" x2="{x:.1f}" y2="{height}" stroke="#eee"/>'
                         f'<text x="{x + 2:.1f}" y="10" font-size="9">{year}</text>')
    for i, actor in enumerate(actors):
        parts.append(f'<text x="{left - 6}" y="{26 + i * row}" font-size="10" text-anchor="end">{_e(actor)}</text>')
    for e, xv in zip(dated, xs, strict=True):
        actor = e["actor"] or "?"
        if actor not in actors:
            continue
        x = left + (xv - lo) / (hi - lo) * width if hi > lo else left + width / 2
        y = 22 + actors.index(actor) * row
        tip = f"{e['time']} {actor} {e['type']} {e['target'] or ''}: {_clip(e['evidence'], 200)}"
        parts.append(f'<circle cx="{x:.1f}" cy="{y}" r="4" fill="#34495e" fill-opacity=".7"><title>{_e(tip)}</title>'
                     "</circle>")
    parts.append("</svg>")
    return "".join(parts)


def _html(report: dict[str, Any]) -> str:
    corpus = report["corpus"]
    out = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">",
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "img-src data:\">",
           f"<title>Allegiance report {_e(report['generated'])}</title><style>{_CSS}</style></head><body>",
           f"<h1>Allegiance report <span class=\"muted\">{_e(report['generated'])}</span></h1>",
           f"<p>{_e(corpus['articles'])} articles, {_e(corpus['stories'])} distinct stories, {_e(corpus['sources'])} "
           f"sources; published {_e(corpus['first'] or '?')} to {_e(corpus['last'] or '?')}.</p>",
           '<p class="legend">' + "".join(f'<span style="background:{c}">{_e(k)}</span>'
                                          for k, c in _LABEL_COLOURS.items()) + " opacity: independent stories; "
           "! contradiction</p>"]
    for issue, (periods, rows) in _matrix_rows(report["matrix"]).items():
        out.append(f"<h2>Stance matrix: {_e(_ISSUE_NAMES.get(issue, issue))}</h2>")
        out.append(_heatmap(issue, periods, rows))
        out.append("<h3>Evidence</h3>")
        for state, cells in sorted(rows.items()):
            for period in periods:
                cell = cells.get(period)
                if cell is None:
                    continue
                flag = " ⚠ contradiction" if cell["contradiction"] else ""
                out.append(f"<details><summary>{_e(state)} · {_e(period)} · {_e(cell['prevailing'])} "
                           f"({_e(_stories(cell['sources']))}){_e(flag)}</summary>")
                for ev in cell["evidence"]:
                    out.append(f'<p class="ev"><b>{_e(ev["label"])}</b> · {_e(ev["source"] or ev["article"])} · '
                               f'{_e(ev["time"])}: “{_e(ev["text"])}”</p>')
                out.append("</details>")
    out.append("<h2>What changed in the latest period</h2><ul>")
    out += [f"<li>{_e(c['state'])}: {_e(c['from'])} ({_e(c['from_period'])}) → {_e(c['to'])} ({_e(c['to_period'])})"
            f" <details><summary>evidence</summary><p class=\"ev\">“{_e(c['evidence']['text'])}”</p></details></li>"
            for c in report["changes"]] or ["<li class=\"muted\">No change.</li>"]
    out.append("</ul><h2>Event timeline</h2>" + _timeline_svg(report["timeline"]))
    for title, key in (("Most corroborated", "corroborated"), ("Most contested", "contested")):
        out.append(f"<h2>{title}</h2><ul>")
        out += [f"<li>{_e(g['subject'])} {_e(g['predicate'])} {_e(g['object'])}: {_e(g['independent_sources'])} "
                f"stories{_e(' · contradicted by ' + ', '.join(g['contradicted_by']) if g['contradicted_by'] else '')}"
                f"<details><summary>evidence</summary><p class=\"ev\">“{_e(g['evidence'])}”</p></details></li>"
                for g in report[key]] or ["<li class=\"muted\">None.</li>"]
        out.append("</ul>")
    out.append(f"<h2>Open predictions ({_e(report['overdue'])} overdue)</h2><table><tr><th>#</th><th>speaker</th>"
               "<th>source</th><th>date</th><th>horizon</th><th>prediction</th></tr>")
    out += [f"<tr><td>{_e(p['id'])}</td><td>{_e(p['speaker'] or 'author')}</td><td>{_e(p['source'])}</td>"
            f"<td>{_e(p['date'])}</td><td>{_e(p['horizon'])}{' ⏰' if p['overdue'] else ''}</td>"
            f"<td>{_e(p['evidence'])}</td></tr>" for p in report["predictions"]]
    out.append("</table><h2>Sources</h2><table><tr><th>source</th><th>articles</th><th>languages</th><th>opinion</th>"
               "<th>reporting</th><th>copies</th><th>predictions</th></tr>")
    out += [f"<tr><td>{_e(s['source'])}</td><td>{_e(s['articles'])}</td><td>{_e(s['languages'])}</td>"
            f"<td>{_e(s['opinion_share'])}</td><td>{_e(s['reporting_share'])}</td><td>{_e(s['copy_share'])}</td>"
            f"<td>{_e(s['predictions'])}</td></tr>" for s in report["sources"]]
    out.append("</table></body></html>")
    return "\n".join(out)
