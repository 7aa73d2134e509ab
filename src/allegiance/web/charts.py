"""Charts as inline SVG (no script, no network): a state's stances over time, stacked by label."""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["stance_chart"]

_DEFAULT_COLOURS = {"support": "#c0392b", "oppose": "#2471a3", "neutral": "#7f8c8d", "distance": "#d4a017"}


def stance_chart(cells: list[dict[str, Any]], meta: dict[str, Any], width: int = 480, height: int = 220) -> str:
    """Independent stories per label and period, one stacked bar per period (undated last);
    contested periods carry a mark. Every text is escaped; the SVG scales to its container."""
    periods = sorted({c["period"] for c in cells if c["period"] != "undated"})
    if any(c["period"] == "undated" for c in cells):
        periods.append("undated")
    if not periods:
        return ""
    by_period = {c["period"]: c for c in cells}
    colours = {**_DEFAULT_COLOURS, **meta.get("colours", {})}
    labels = [lab for lab in colours if any(lab in c["independent"] for c in cells)]
    top = max(sum(c["independent"].values()) for c in cells) or 1
    left, bottom, plot_h = 34, 46, height - 70
    step = (width - left - 10) / len(periods)
    bar = max(4.0, min(48.0, step * 0.7))
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(meta.get('name', ''))}: independent stories per stance and period</title>"]
    for tick in sorted({0, top // 2, top}):
        y = 10 + plot_h - plot_h * tick / top
        out.append(f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>')
    for i, period in enumerate(periods):
        x = left + i * step + (step - bar) / 2
        y = 10 + plot_h
        cell = by_period.get(period)
        for label in labels:
            n = cell["independent"].get(label, 0) if cell else 0
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            name = meta.get("labels", {}).get(label, label)
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{escape(colours[label])}"><title>{escape(period)}: {n} {escape(name)}</title></rect>')
        if cell and cell.get("contested"):
            out.append(f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" class="mark">!</text>')
        if len(periods) <= 12 or i % max(1, len(periods) // 8) == 0:
            out.append(f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                       f'class="tick">{escape(period)}</text>')
    for j, label in enumerate(labels):
        lx = left + j * 110
        out.append(f'<rect x="{lx}" y="{height - 18}" width="10" height="10" fill="{escape(colours[label])}"/>'
                   f'<text x="{lx + 14}" y="{height - 8}" class="tick">'
                   f"{escape(meta.get('labels', {}).get(label, label))}</text>")
    out.append("</svg>")
    return "".join(out)
