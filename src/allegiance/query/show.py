"""One article in the terminal with its statements highlighted (rich), the text shown literally."""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..errors import AllegianceError
from ..store.db import Store
from .report import terminal_safe

__all__ = ["render_article", "find_article"]

_STYLES = {"stance": "bold magenta", "event": "cyan", "quantity": "green", "prediction": "yellow", "claim": "dim"}
_PRIORITY = ["claim", "quantity", "event", "prediction", "stance"]
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def find_article(store: Store, key: str) -> dict[str, str]:
    row = store.article(key)
    if row is None:
        raise AllegianceError(f"no article {key!r} in {store.path}", code="not_found")
    return {k: row[k] for k in row.keys()}


def render_article(store: Store, key: str, console: Console | None = None) -> None:
    console = console or Console()
    article = find_article(store, key)
    statements = store.statements(article["id"])
    # Text() never interprets markup in untrusted text; control characters are blanked one for one,
    # so that no terminal escape gets through and the statements' offsets still hold
    text = Text(_CONTROL.sub(" ", article["text"]))
    for kind in _PRIORITY:  # later kinds paint over earlier ones
        for st in statements:
            if st["kind"] == kind:
                text.stylize(_STYLES[kind], st["start"], st["end"])
    head = " · ".join(terminal_safe(v) for v in (article["export_id"], article["published"], article["source"],
                                                  article["language"], article["title"]) if v)
    console.rule(Text(head))
    console.print(text)
    table = Table("kind", "subject", "predicate", "object", "modality", "speaker", "time", "value", title="Statements")
    for st in statements:
        if st["kind"] == "claim":
            continue
        value = "" if st["value"] is None else f"{st['value']:g}"
        table.add_row(*(Text(terminal_safe(v or "")) for v in (st["kind"], st["subject"], st["predicate"], st["object"],
                                                     st["modality"], st["speaker"], st["time"], value)),
                      style=_STYLES.get(st["kind"]))
    console.print(table)
    console.print(Text("legend: ") + Text(" ".join(_STYLES), style="dim"))
