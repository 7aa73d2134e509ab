"""The ``allegiance`` console script. It stands outside the package so that a Ctrl-C while a
command is still importing the package is as quiet as one during its work: one line, exit 130."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from allegiance.cli.main import main as run
    except KeyboardInterrupt:
        sys.stderr.write("allegiance: interrupted\n")
        sys.exit(130)
    run()
