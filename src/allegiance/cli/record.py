"""``allegiance correct``: an analyst marks a statement wrong, confirmed or relabelled, and
``allegiance history``: what was recorded about a statement. Both call one library function
(:mod:`allegiance.query.record`); every view honours a correction."""

from __future__ import annotations

import click

from ..errors import AllegianceError
from ..query.record import correct_statement, find_statement, statement_history
from ..settings import Settings
from .main import common_options, open_store, safe_json

__all__ = ["correct_command", "history_command"]


@click.command("correct")
@click.argument("uid")
@click.option("--wrong", "action", flag_value="wrong", help="The statement is wrong: every view leaves it out.")
@click.option("--confirm", "action", flag_value="confirm", help="The statement is right as extracted.")
@click.option("--relabel", "label", default=None, metavar="LABEL",
              help="Give it another label: a stance label of its issue, or an event type (REJECT, ...).")
@click.option("--note", required=True, help="Why: what the evidence says.")
@click.option("--by", default=None, help="Who corrects it (default: the OS user).")
@common_options
def correct_command(uid: str, action: str | None, label: str | None, note: str, by: str | None,
                    settings: Settings) -> None:
    """Correct statement UID (as the views list it: matrix evidence, timeline, ledger). Corrections
    are kept as a history; the latest is in force."""
    if label is not None:
        if action is not None:
            raise click.UsageError("give one of --wrong, --confirm or --relabel")
        action = "relabel"
    if action is None:
        raise click.UsageError("give one of --wrong, --confirm or --relabel LABEL")
    with open_store(settings, readonly=False) as store:
        entry = correct_statement(store, uid, action, label=label, note=note, by=by)
    click.echo(f"statement {entry['statement']}: {action}{' ' + label if label else ''} (by {entry['by']})")


@click.command("history")
@click.argument("uid")
@common_options
def history_command(uid: str, settings: Settings) -> None:
    """Every correction and outcome recorded for statement UID, oldest first, as JSON."""
    with open_store(settings) as store:
        row = find_statement(store, uid)
        if row["uid"] is None:
            raise AllegianceError(f"statement {uid} has no uid yet (run analyze)", code="not_found")
        click.echo(safe_json({"statement": row["uid"], **statement_history(store, row["uid"])}, indent=2))
