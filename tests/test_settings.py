import pytest
from tests.conftest import ROOT

from allegiance import SETTINGS, Settings, SettingsError, load_settings


def test_defaults_come_from_the_one_table():
    defaults = Settings()
    assert {s.name for s in SETTINGS} == set(defaults.as_dict())
    for s in SETTINGS:
        assert getattr(defaults, s.name) == s.default
        assert s.help


def test_resolution_order_file_then_environment_then_overrides(tmp_path):
    config = tmp_path / "a.toml"
    config.write_text('max_bytes = 100\nfetch_timeout = 3\n[allegiance]\n', encoding="utf-8")
    config.write_text('[allegiance]\nmax_bytes = 100\nfetch_timeout = 3\nbatch_size = 7\n', encoding="utf-8")
    env = {"ALLEGIANCE_FETCH_TIMEOUT": "4.5", "ALLEGIANCE_BATCH_SIZE": "9", "OTHER": "x"}
    s = load_settings(config, overrides={"batch_size": "11", "db": None}, environ=env)
    assert (s.max_bytes, s.fetch_timeout, s.batch_size, s.db) == (100, 4.5, 11, "allegiance.db")


@pytest.mark.parametrize("overrides", [{"max_bytes": "lots"}, {"no_such_setting": 1}, {"respect_robots": "maybe"}])
def test_bad_settings_are_clear_errors(overrides):
    with pytest.raises(SettingsError):
        load_settings(overrides=overrides, environ={})


def test_settings_doc_is_generated_from_the_table():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_settings_doc", ROOT / "scripts" / "build_settings_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert doc == module.render(), "run python scripts/build_settings_doc.py"
    for s in SETTINGS:
        assert f"`{s.name}`" in doc, s.name


def test_every_rejection_code_is_documented():
    from allegiance.errors import REJECTION_CODES

    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in REJECTION_CODES:
        assert f"`{code}`" in doc, code


def test_regression_web_token_is_never_recorded_with_a_run(tmp_path):
    from allegiance import Store, ingest

    settings = Settings(db=str(tmp_path / "t.db"), progress=False, web_token="s3cret-token")
    (tmp_path / "a.txt").write_text("Kazakhstan called for talks between Russia and Ukraine.\n", encoding="utf-8")
    with Store(settings.db) as store:
        ingest([str(tmp_path / "a.txt")], store, settings)
        stored = [r[0] for r in store.db.execute("SELECT settings FROM runs")]
    assert stored and all("s3cret-token" not in s and '"web_token": "(set)"' in s for s in stored)
    assert settings.recorded()["web_token"] == "(set)" and Settings().recorded()["web_token"] == ""
