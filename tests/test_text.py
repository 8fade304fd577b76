"""kg.text: the characters stripped from every text kg reads."""

from __future__ import annotations

import unicodedata

from kg.text import _strip_table, clean_label, strip_invisible


def test_the_strip_table_holds_every_format_character_of_this_pythons_unicode() -> None:
    # The table skips planes 4-13 as unassigned: a Unicode version that assigns a format
    # character there must fail here.
    every_format = {c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"}
    assert every_format <= set(_strip_table())
    assert {0x200B, 0x202E, 0xFEFF, 0xE0001, 0x00, 0x7F, 0x85, 0xD800} <= set(_strip_table())
    assert not {0x09, 0x0A, 0x0D, 0x20, ord("a")} & set(_strip_table())


def test_invisible_and_control_characters_go_newlines_and_tabs_stay() -> None:
    assert strip_invisible("Eric\u200b Adams\u202e\x00\n\tnext\ud800") == "Eric Adams\n\tnext"
    assert clean_label(" New\u2066\n York\u00a0City ") == "New York City"
