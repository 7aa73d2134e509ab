"""The ``--issue`` option, whose help lists the issues the packs define (``issues/<id>.toml``),
read when the help is shown, not written into the command."""

from __future__ import annotations

from typing import Any

import click

from ..errors import AllegianceError
from ..kb.langdata import load_issues

__all__ = ["issue_option", "issues_help"]


def issues_help() -> str:
    """``Only this issue (a, b).`` with the ids of the issues the installed packs define."""
    try:
        ids = sorted(load_issues())
    except AllegianceError:  # a broken pack is reported by the command itself, not by its help
        ids = []
    return f"Only this issue ({', '.join(ids)})." if ids else "Only this issue (an issue id of the packs)."


class _IssueOption(click.Option):
    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = issues_help()
        return super().get_help_record(ctx)


def issue_option(func: Any) -> Any:
    """``--issue ID`` (default: every issue), with the packs' issues in its help."""
    return click.option("--issue", default=None, cls=_IssueOption, help="Only this issue.")(func)
