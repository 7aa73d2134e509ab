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


def load_gold(path: Path) -> dict[str, dict]:
    return {d["id"]: d for d in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())}
