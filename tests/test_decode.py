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
