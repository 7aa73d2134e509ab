"""The short version of ``scripts/crash_safety.py``: real ``kill -9`` of ``allegiance run`` over
generated articles, then integrity and a rerun equal to a clean run (the full script: 50 kills)."""

from __future__ import annotations

import importlib.util

import pytest
from tests.conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("crash_safety", ROOT / "scripts" / "crash_safety.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_kill_9_mid_run_leaves_a_store_a_rerun_completes_to_the_clean_result(tmp_path):
    summary = tmp_path / "summary.json"
    code = _script().main(["--articles", "16", "--kills", "2", "--batch-size", "5", "--seed", "3",
                           "--json", str(summary)])
    assert code == 0, summary.read_text(encoding="utf-8")
