import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allegiance import InputError
from allegiance.ingest.decode import decode_bytes, normalise_text

RUSSIAN = "Казахстан отказался отправлять войска на Украину, сообщили в Астане. Решение никого не удивило."
UKRAINIAN = "Білорусь надала свою територію, але не відправила війська. Це відомо всім її сусідам і партнерам."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r"])
def test_russian_text_decodes_in_every_supported_encoding(encoding):
    text, _ = decode_bytes(RUSSIAN.encode(encoding))
    assert text == RUSSIAN


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u", "utf-16"])
def test_ukrainian_text_decodes(encoding):
    assert decode_bytes(UKRAINIAN.encode(encoding))[0] == UKRAINIAN


@pytest.mark.parametrize(("data", "code"), [
    (b"", "empty"),
    (b" \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    (b"\x00" * 64, "binary"),
])
def test_non_text_is_refused_with_a_code(data, code):
    with pytest.raises(InputError) as err:
        decode_bytes(data)
    assert err.value.code == code


def test_random_bytes_never_crash():
    for seed in range(20):
        data = os.urandom(2000 + seed)
        try:
            decode_bytes(data)
        except InputError as exc:
            assert exc.code in {"binary", "decode_error"}


def test_html_meta_charset_is_honoured():
    html = '<html><head><meta charset="windows-1251"></head><body>' + RUSSIAN + "</body></html>"
    assert RUSSIAN in decode_bytes(html.encode("cp1251"), html=True)[0]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(str.strip))
def test_utf8_round_trips(text):
    assert decode_bytes(text.encode("utf-8"))[0] == text


def _normalise_by_regex(text: str) -> str:
    """``normalise_text`` as it was written before its character tests: every step on every text."""
    import unicodedata

    from allegiance.ingest.decode import _CONTROL, _LINE_CONTROLS

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text.translate(_LINE_CONTROLS)).replace("\ufeff", ""))


_NORMALISE_ALPHABET = st.sampled_from([*map(chr, range(0x250)), "\r\n", "\u2028", "\u2029", "\ufeff", "\ud800",
                                       "\udfff", "\u0301", "\U0001f600", "\U0010ffff", "\u00c2"])


@given(st.lists(_NORMALISE_ALPHABET, max_size=20).map("".join))
def test_normalise_text_equals_every_step_on_every_text(text):
    assert normalise_text(text) == _normalise_by_regex(text)


def test_the_utf8_control_test_agrees_with_the_pattern_on_every_code_point():
    from allegiance.ingest.decode import _CONTROL, _has_control

    assert [c for c in range(0x110000) if _has_control(f"a{chr(c)}b") != bool(_CONTROL.search(chr(c)))] == []


def test_normalise_keeps_quotes_and_nbsp_but_unifies_line_ends():
    assert normalise_text("a\r\nb\rc “d”\u00a0e\x07") == "a\nb\nc “d”\u00a0e"
    assert normalise_text("e\u0301") == "\u00e9"


def test_mixed_encodings_decode_or_are_refused_cleanly():
    mixed = "Заголовок статьи\n".encode() + ("Текст статьи в другой кодировке. " * 4).encode("cp1251")
    try:
        text, _ = decode_bytes(mixed)
    except InputError as exc:
        assert exc.code == "decode_error"
    else:
        assert "Текст статьи" in text or "Заголовок" in text


LATIN = [
    ("Le ministère des Affaires étrangères a déclaré que la France soutient l'Ukraine. "
     "Les élèves très âgés écoutèrent le président.", "latin-1"),
    ("Die Bundesregierung erklärte, dass Österreich neutral bleibe. Große Sorge über die Lage.", "cp1252"),
    ("Il ministro ha detto che l'Italia è pronta, perché la città è già lì.", "cp1252"),
    ("Ministerstvo zahraničních věcí České republiky odsoudilo ruskou agresi. Předseda vlády řekl, "
     "že Česko bude dál podporovat Ukrajinu.", "cp1250"),
    ("Ministerstwo Spraw Zagranicznych Polski potępiło rosyjską agresję. Premier powiedział, że "
     "Polska będzie nadal wspierać Ukrainę.", "cp1250"),
    ("Lietuvos užsienio reikalų ministerija pasmerkė Rusijos agresiją prieš Ukrainą.", "cp1257"),
    ("Dışişleri Bakanlığı açıklamasında Türkiye arabuluculuk çabalarını sürdüreceğini söyledi.", "cp1254"),
]


@pytest.mark.parametrize(("text", "encoding"), LATIN, ids=[e + ":" + t[:12] for t, e in LATIN])
def test_latin_single_byte_text_is_read_in_the_codec_whose_letters_fit_its_language(text, encoding):
    assert decode_bytes(text.encode(encoding))[0] == text


def test_regression_french_latin1_was_read_as_cp1250():
    # charset-normalizer ties cp1250 and cp1252 on French and took cp1250: "ministčre", "étrangčres".
    text, encoding = decode_bytes(LATIN[0][0].encode("latin-1"))
    assert "ministère" in text and "č" not in text
    assert encoding == "cp1252"


def _cyrillic_score_per_character(text: str) -> float:
    """``decode._cyrillic_score`` as it was, one Python step per character (the reference)."""
    from allegiance.ingest.decode import _cyrillic_alphabet

    sample = text[:100_000]
    letters = sum(1 for c in sample if c.isalpha())
    non_ascii = [c for c in sample if ord(c) > 127]
    cyrillic = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff")
    if not non_ascii or cyrillic < 0.3 * letters:
        return 0.0
    weight = 0.0
    common = _cyrillic_alphabet()[1]
    for c in non_ascii:
        if c in common:
            weight += 1.0
        elif "\u0400" <= c <= "\u042f":
            weight += 0.3
    return weight / len(non_ascii)


_SCORED = st.text(alphabet=st.sampled_from(
    "abcXYZ 09.,\n\t\x00\x7f\x80\xe9\xdf\xaa\xb5\u0400\u0410\u042f\u0430\u044f\u04ff\u0500\u3042\U0001d400")
                  | st.characters(), max_size=300)


@given(_SCORED)
def test_the_cyrillic_score_counted_in_c_equals_the_per_character_score(text):
    from allegiance.ingest.decode import _cyrillic_score

    assert _cyrillic_score(text) == _cyrillic_score_per_character(text)
    long = text * (100_500 // max(1, len(text)))  # past the 100,000-character sample
    assert _cyrillic_score(long) == _cyrillic_score_per_character(long)


@given(st.binary(max_size=400))
def test_the_high_byte_count_of_mostly_ascii_equals_the_per_byte_count(data):
    from allegiance.ingest.decode import _mostly_ascii

    high = sum(1 for b in data if b > 127)
    expected = None if not high or high > max(3, len(data) // 100) else data.decode("cp1252", errors="replace")
    got = _mostly_ascii(data)
    assert (got.text if got is not None else None) == expected


@given(st.binary(max_size=400), st.integers(min_value=0, max_value=70_000))
def test_the_lead_byte_test_equals_the_per_byte_test_of_the_first_64_kib(data, pad):
    from allegiance.ingest.decode import _has_lead_byte

    data = b"a" * pad + data  # a byte from 0xC0 on before, across and past the 64 KiB sample's end
    assert _has_lead_byte(data) == any(b >= 0xC0 for b in data[:65536])


def test_utf8_is_not_a_single_byte_codec_so_a_declared_utf8_page_is_never_scored_as_cyrillic():
    from allegiance.ingest.decode import _single_byte

    assert not _single_byte("utf-8")
    assert all(_single_byte(name) for name in ("cp1252", "cp1251", "koi8-r", "iso8859-5", "cp866"))
    russian = "Министр обороны заявил о новых поставках."
    page = f'<html><head><meta charset="utf-8"></head><body><p>{russian}</p></body></html>'.encode()
    assert decode_bytes(page, html=True) == (page.decode("utf-8"), "utf-8")
