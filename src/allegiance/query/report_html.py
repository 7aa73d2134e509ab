"""The HTML report: one self-contained file rendered by Jinja2 with autoescape from
``templates/report.html.j2``. Python computes the geometry of the SVG charts (the heat map of
each stance matrix, the event timeline) as plain numbers and strings; the template writes every
element, so every piece of text passes the escaper. The page loads nothing: its Content Security
Policy is ``default-src 'none'`` with inline styles only, and it runs no script."""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

__all__ = ["CSP", "render_html", "heatmap", "timeline_chart"]

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

#: Colours of the PLOVER event types on the timeline, in the order of the pack's event_types.toml.
_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
            "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354")
MAX_TIMELINE_ACTORS = 30
_CHAR = 6.4  # width of one character of the chart labels, in px (11 px sans-serif, generous)


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("allegiance", "query/templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True), undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def render_html(view: dict[str, Any]) -> str:
    template = _environment().get_template("report.html.j2")
    charts = [heatmap(issue) for issue in view["matrix"]]
    return str(template.render(view=view, csp=CSP, charts=charts, timeline=timeline_chart(view["timeline"])))


def heatmap(issue: dict[str, Any]) -> dict[str, Any]:
    """The geometry of one issue's heat map: a row per state (its name beside its code), a column
    per period; each cell coloured by its prevailing label, its short code and stories written in
    it, and its tooltip in words."""
    size = 40
    left = 12 + _CHAR * max([len(r["state"]["label"]) for r in issue["rows"]] + [5])
    longest = max([len(p) for p in issue["periods"]] + [4])
    top = 14 + _CHAR * 0.75 * longest  # the column labels are rotated by 45°: room above and to the right
    width = left + size * len(issue["periods"]) + max(20.0, _CHAR * 0.75 * longest)
    height = top + size * len(issue["rows"]) + 10
    columns = [{"x": round(left + j * size + size / 2, 1), "y": round(top - 8, 1), "text": p}
               for j, p in enumerate(issue["periods"])]
    rows, cells = [], []
    for i, row in enumerate(issue["rows"]):
        y = top + i * size
        rows.append({"x": round(left - 6, 1), "y": round(y + size / 2 + 4, 1), "text": row["state"]["label"]})
        for j, cell in enumerate(row["cells"]):
            if cell is None:
                continue
            cells.append({"x": round(left + j * size + 1, 1), "y": round(y + 1, 1), "size": size - 2,
                          "colour": cell["label"]["colour"], "tip": cell["tip"], "text": cell["text"],
                          "opacity": f"{min(1.0, 0.45 + 0.15 * cell['stories']):.2f}",
                          "tx": round(left + j * size + size / 2, 1), "ty": round(y + size / 2 + 4, 1)})
    return {"width": round(width), "height": round(height), "columns": columns, "rows": rows, "cells": cells,
            "label": f"stance heat map: {issue['name']}"}


def _type_colours() -> dict[str, str]:
    from ..kb.packs import bundled_pack_dir, load_toml

    types = list(load_toml(bundled_pack_dir() / "event_types.toml"))
    return {t: _PALETTE[i % len(_PALETTE)] for i, t in enumerate(types)}


def _year_fraction(t: str) -> float | None:
    try:
        year = int(t[:4])
        month = int(t[5:7]) if len(t) >= 7 else 7
        day = int(t[8:10]) if len(t) >= 10 else 15
    except ValueError:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline_chart(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The geometry of the event timeline: the actors with most events (at most 30), a row each,
    an axis of years, a dot per event coloured by its PLOVER type, and the legend of the types."""
    dated = [(e, x) for e in events if (x := _year_fraction(e["time"])) is not None]
    counts = Counter(e["actor"]["id"] for e, _x in dated)
    actors = [a for a, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TIMELINE_ACTORS]]
    labels = {e["actor"]["id"]: e["actor"]["label"] for e, _x in dated}
    if not actors:
        return {"empty": True, "undated": len(events)}
    colours = _type_colours()
    extra = sorted({e["type"] for e, _x in dated} - set(colours))
    colours.update({t: _PALETTE[(len(colours) + i) % len(_PALETTE)] for i, t in enumerate(extra)})
    xs = [x for _e, x in dated]
    lo, hi = min(xs), max(xs)
    lo, hi = (lo - 0.5, hi + 0.5) if hi - lo < 0.1 else (lo, hi)
    left, row, plot = 12 + _CHAR * max(len(labels[a]) for a in actors), 20, 860
    height = 34 + row * len(actors)
    width = left + plot + 40

    def x_of(x: float) -> float:
        return round(left + (x - lo) / (hi - lo) * plot, 1)

    years = [{"x": x_of(float(y)), "text": str(y)} for y in range(int(lo) + (lo > int(lo)), int(hi) + 1)]
    shown = set(actors)
    dots = [{"x": x_of(x), "y": 26 + actors.index(e["actor"]["id"]) * row, "colour": colours.get(e["type"], "#555"),
             "tip": f"{e['time']} · {e['actor']['label']} · {e['type']}"
                    + (f" → {e['target']}" if e["target"] else "") + f": {e['text'][:200]}"}
            for e, x in dated if e["actor"]["id"] in shown]
    used = sorted({e["type"] for e, _x in dated if e["actor"]["id"] in shown})
    return {"empty": False, "width": round(width), "height": height, "left": left, "right": left + plot,
            "years": years, "actors": [{"x": round(left - 6, 1), "y": 30 + i * row, "text": labels[a]}
                                       for i, a in enumerate(actors)],
            "dots": dots, "legend": [{"type": t, "colour": colours[t]} for t in used],
            "more_actors": max(0, len(counts) - len(actors)), "undated": len(events) - len(dated)}
