"""The word dates ingest reads without dateparser give dateparser's answers, for every month name
and short form of the packs, in each shape the dateline finder hands over."""

from __future__ import annotations

import importlib

import pytest

dates = importlib.import_module("allegiance.ingest.dates")

SHAPES = ("{d} {w} {y}", "{d}. {w} {y}", "{d} {W}. {y}", "{d} {W}, {y}", "{W} {d}, {y}", "{w}. {d} {y}")


def _cases() -> list[str]:
    out = []
    for word in sorted(dates.month_numbers()):
        for day in (5, 31):  # a day every month has, and one that five months lack
            for shape in SHAPES:
                out.append(shape.format(d=day, w=word, W=word.title(), y=2022))
    return out


def test_month_names_of_the_packs_are_read_without_dateparser_as_dateparser_reads_them() -> None:
    cases = _cases()
    assert len(dates.month_numbers()) >= 60  # every pack language's months, not an empty table
    differ = []
    for text in cases:
        known, fast = dates._month_word_date(text)
        assert known, text
        slow = dates._with_dateparser(text)
        if fast != slow:
            differ.append((text, fast, slow))
    assert differ == []


@pytest.mark.parametrize("text", ["24 people 2022", "Monday 24, 2022", "24 марта 2022 года",
                                  "March 24th, 2022", "24 Mar 22"])
def test_words_that_name_no_pack_month_and_other_shapes_still_go_to_dateparser(text: str) -> None:
    assert dates._month_word_date(text) == (False, None)


def test_a_short_form_two_months_begin_with_is_left_to_dateparser() -> None:
    table = dates.month_numbers()
    assert table["mar"] == 3 and table["sept"] == 9 and table["märz"] == 3
    assert "ju" not in table  # no pack lists it, and it would begin June and July


def test_a_dateline_with_a_month_name_is_dated_without_importing_dateparser() -> None:
    import subprocess
    import sys

    code = ("import sys, importlib; d = importlib.import_module('allegiance.ingest.dates');"
            "print(d.date_from_text('Kyiv\\n24 February 2022, 10:15\\nText.'), 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2022-02-24", "False"]
