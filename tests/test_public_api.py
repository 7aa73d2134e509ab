import allegiance


def test_public_api_is_pinned():
    assert sorted(allegiance.__all__) == sorted([
        "AllegianceError", "Article", "ArticleHints", "ExtractionError", "FetchError", "IngestSummary",
        "InputError", "PackError", "RawInput", "Rejection", "SETTINGS", "Settings", "SettingsError", "Store",
        "StoreError", "__version__", "export_articles", "ingest", "load_settings", "read_article",
    ])
    for name in allegiance.__all__:
        assert hasattr(allegiance, name), name


def test_every_error_has_a_stable_documented_code():
    from allegiance.errors import REJECTION_CODES, AllegianceError

    classes = [allegiance.InputError, allegiance.ExtractionError, allegiance.FetchError,
               allegiance.StoreError, allegiance.PackError, allegiance.SettingsError]
    assert all(issubclass(c, AllegianceError) for c in classes)
    assert len({c.code for c in classes}) == len(classes)
    assert allegiance.InputError("x", code="binary").code == "binary"
    assert {"empty", "binary", "too_large", "decode_error", "malformed"} <= set(REJECTION_CODES)
