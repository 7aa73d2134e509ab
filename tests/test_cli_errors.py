"""Errors instead of tracebacks: every mistake a user can make on the command line ends in one
line with the error's code and exit code 1 or 2, and exit codes say when inputs were rejected."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from tests.conftest import SAMPLES

from allegiance import SETTINGS, SettingsError, load_settings
from allegiance.cli.main import cli


def _one_line_error(result, code: str) -> None:
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and f"[{code}]" in lines[0], result.stderr


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "s.db"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES / "2022-03-kgz-neutral.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return str(db)


@pytest.mark.parametrize("command", [["report"], ["articles"], ["matrix"], ["analyze"], ["export"],
                                     ["timeline"], ["predictions", "list"]])
def test_non_sqlite_db_is_a_one_line_store_error(tmp_path, command):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    _one_line_error(CliRunner().invoke(cli, [*command, "--db", str(junk)]), "store_error")
    assert junk.read_text(encoding="utf-8").startswith("these are my notes")
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    _one_line_error(CliRunner().invoke(cli, [*command, "--db", str(empty)]), "store_error")


@pytest.mark.parametrize("command", [["report", "--format", "html"], ["export"], ["export", "--format", "graphml"],
                                     ["export", "--table", "matrix", "--format", "csv"]])
def test_output_into_a_missing_folder_is_a_one_line_error(sample_db, tmp_path, command):
    target = tmp_path / "no" / "such" / "folder" / "out.file"
    _one_line_error(CliRunner().invoke(cli, [*command, "--db", sample_db, "-o", str(target)]), "bad_output")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("value", ["near_duplicate_threshold=7", "minhash_permutations=-1", "batch_size=-5",
                                   "fetch_timeout=nan", "max_redirects=-1", "max_bytes=0"])
def test_out_of_range_settings_are_refused(tmp_path, value):
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.db"), "--set", value])
    _one_line_error(result, "bad_setting")
    assert "must be" in result.stderr
    assert not (tmp_path / "x.db").exists()
    name, _, raw = value.partition("=")
    with pytest.raises(SettingsError):
        load_settings(overrides={name: raw}, environ={})
    with pytest.raises(SettingsError):
        load_settings(environ={f"ALLEGIANCE_{name.upper()}": raw})


def test_every_default_is_within_its_own_range():
    for setting in SETTINGS:
        assert setting.check(setting.default, "defaults") == setting.default
    ranged = {s.name for s in SETTINGS if s.allowed()}
    assert {"near_duplicate_threshold", "minhash_permutations", "batch_size"} <= ranged


@pytest.mark.parametrize("command", [["analyze"], ["report"], ["predictions", "resolve", "1", "--outcome", "true"],
                                     ["show", "x"]])
def test_reading_commands_do_not_create_a_missing_database(tmp_path, command):
    typo = tmp_path / "typo.db"
    _one_line_error(CliRunner().invoke(cli, [*command, "--db", str(typo)]), "store_error")
    assert not typo.exists() and list(tmp_path.iterdir()) == []


def test_ingest_exit_code_when_some_or_all_inputs_are_rejected(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kyrgyzstan will not take either side in the conflict, its ministry said.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    runner = CliRunner()
    some = runner.invoke(cli, ["ingest", str(good), str(bad), "--db", str(tmp_path / "a.db")])
    assert some.exit_code == 3 and "rejected 1" in some.stdout and "rejections" in some.stderr
    none = runner.invoke(cli, ["ingest", str(bad), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "b.db")])
    assert none.exit_code == 4 and "stored 0" in none.stdout
    fine = runner.invoke(cli, ["ingest", str(good), "--db", str(tmp_path / "c.db")])
    assert fine.exit_code == 0


@pytest.mark.parametrize("command", [["timeline", "--actor", "ISL"], ["corroboration", "--min-sources", "99"],
                                     ["predictions", "list", "--open", "--format", "jsonl"],
                                     ["rejections", "--format", "csv"], ["matrix", "--state", "ISL"]])
def test_listings_that_match_nothing_say_so(sample_db, command):
    result = CliRunner().invoke(cli, [*command, "--db", sample_db])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "nothing matches" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_listing_with_rows_still_prints_them(sample_db):
    result = CliRunner().invoke(cli, ["articles", "--db", sample_db, "--format", "jsonl"])
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "2022-03-kgz-neutral"
