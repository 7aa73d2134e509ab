from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance import Settings, Store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples" / "articles"

needs_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(),
                                  reason="../shared (corpus and datasets) is not beside the checkout")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"), progress=False, per_host_delay=0.0)


@pytest.fixture
def store(settings: Settings):
    with Store(settings.db) as s:
        yield s


@pytest.fixture(scope="session")
def pipeline():
    """The default analysis pipeline (bundled packs and knowledge base), built once for the session."""
    from allegiance.nlp.pipeline import default_pipeline

    return default_pipeline()


def load_gold(path: Path) -> dict[str, dict]:
    return {d["id"]: d for d in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())}


@pytest.fixture(scope="session")
def seed_and_dev_scores(tmp_path_factory):
    """The main job on the seed and the dev set, exported in the scoring format and scored with
    ../shared/eval/score.py: returns (figures, predictions by id, gold lines of the dev set)."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from allegiance.cli.main import cli

    tmp = tmp_path_factory.mktemp("quality")
    db, pred, gold = tmp / "q.db", tmp / "pred.jsonl", tmp / "gold.jsonl"
    dev_gold = (SHARED / "corpus/dev/gold.jsonl").read_text(encoding="utf-8")
    gold.write_text(dev_gold + (SHARED / "corpus/seed/gold.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    runner = CliRunner()
    run = runner.invoke(cli, ["run", str(SHARED / "corpus/dev/articles"), str(SHARED / "corpus/seed/articles"),
                              "--db", str(db), "--no-report"])
    assert run.exit_code == 0, run.output
    assert runner.invoke(cli, ["export", "--db", str(db), "--format", "eval", "-o", str(pred)]).exit_code == 0
    out = tmp / "score.json"
    subprocess.run([sys.executable, str(SHARED / "eval/score.py"), "--gold", str(gold), "--pred", str(pred),
                    "--texts", str(SHARED / "corpus/dev/articles"), "--json", str(out)], check=True,
                   capture_output=True, cwd=ROOT)
    predicted = {d["id"]: d for d in (json.loads(x) for x in pred.read_text(encoding="utf-8").splitlines())}
    return json.loads(out.read_text(encoding="utf-8")), predicted, dev_gold.splitlines()
