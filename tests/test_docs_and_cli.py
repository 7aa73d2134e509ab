"""The README's commands are the Makefile's, the demo runs, every command has help."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from tests.conftest import ROOT, SAMPLES

from allegiance.cli.main import cli


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert block, "the README opens with a sh block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_the_makefile_commands():
    assert _readme_commands() == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.skipif(not (ROOT / ".venv" / ".installed").exists() or shutil.which("make") is None,
                    reason="runs where `make` has set up .venv (as `make test` does)")
def test_make_demo_runs_the_main_job(tmp_path):
    db = tmp_path / "demo.db"
    result = subprocess.run(["make", "-s", "demo", f"DEMO_DB={db}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert "stored 17" in result.stdout
    assert db.exists()


def test_every_command_has_help():
    runner = CliRunner()
    assert runner.invoke(cli, ["--help"]).exit_code == 0
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help, name


def test_ingest_export_and_listings(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    result = runner.invoke(cli, ["ingest", str(SAMPLES), "--db", db, "--set", "progress=false"])
    assert result.exit_code == 0, result.output
    assert "stored 17" in result.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(cli, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 17 and {"id", "file", "title", "published", "language", "text"} <= set(records[0])
    listing = runner.invoke(cli, ["articles", "--db", db, "--format", "jsonl"])
    assert len(listing.output.splitlines()) == 17
    csv_out = runner.invoke(cli, ["rejections", "--db", db, "--format", "csv"])
    assert csv_out.exit_code == 0


def test_errors_exit_1_with_the_code_and_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["export", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "[store_error]" in missing.output
    bad = runner.invoke(cli, ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.db"), "--set", "max_bytes=lots"])
    assert bad.exit_code == 1 and "[bad_setting]" in bad.output
    assert runner.invoke(cli, ["ingest"]).exit_code == 2


def test_untrusted_text_is_not_interpreted_as_markup_in_tables(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "m.db")
    page = tmp_path / "markup.txt"
    page.write_text("[bold red]Injected[/bold red] title line\nA body sentence about Belarus and Russia here.")
    runner.invoke(cli, ["ingest", str(page), "--db", db])
    table = runner.invoke(cli, ["articles", "--db", db])
    assert "[bold red]Injected" in table.output


def test_kb_commands():
    runner = CliRunner()
    shown = runner.invoke(cli, ["kb", "show", "CSTO", "--format", "jsonl"])
    assert shown.exit_code == 0
    record = json.loads(shown.output)
    assert record["id"] == "CSTO" and "UZB(left 2012-12-20)" in record["members"]
    found = runner.invoke(cli, ["kb", "search", "Kirghizia", "--format", "jsonl", "--limit", "1"])
    assert json.loads(found.output)["id"] == "KGZ"
    valid = runner.invoke(cli, ["kb", "validate", str(ROOT / "src" / "allegiance" / "packs" / "core")])
    assert valid.exit_code == 0 and "valid" in valid.output


def test_kb_validate_reports_the_broken_line(tmp_path):
    (tmp_path / "manifest.toml").write_text('name = "x"\nversion = "1"\nlicence = "CC0"\n', encoding="utf-8")
    (tmp_path / "organizations.jsonl").write_text('{"id": "org:a", "type": "company", "names": {}}\n{oops\n')
    result = CliRunner().invoke(cli, ["kb", "validate", str(tmp_path)])
    assert result.exit_code == 1 and "organizations.jsonl:2" in result.output


def test_extra_pack_replaces_an_entity(tmp_path):
    from allegiance import Settings
    from allegiance.nlp import Doc
    from allegiance.nlp.pipeline import default_pipeline

    (tmp_path / "manifest.toml").write_text('name = "extra"\nversion = "2"\nlicence = "CC0"\n', encoding="utf-8")
    (tmp_path / "organizations.jsonl").write_text(
        '{"id": "org:demo_pmc", "type": "pmc", "canonical": "Demo Legion", "names": {"en": ["Demo Legion"]}}\n')
    pipeline = default_pipeline(settings=Settings(packs=str(tmp_path)))
    assert pipeline.version.startswith("core@0.1.0+extra@2;")
    doc = pipeline(Doc("x", "The Demo Legion recruited in Kazakhstan.", "en"))
    assert {m.entity_id for m in doc.mentions} == {"org:demo_pmc", "KAZ"}


def test_readme_python_example_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    monkeypatch.chdir(tmp_path)
    printed = []
    exec(compile(code, "README.md", "exec"), {"print": lambda *a: printed.append(a)})  # noqa: S102
    assert (tmp_path / "news.db").exists()
    assert any(row[0] == "GEO" for row in printed)
