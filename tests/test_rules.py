"""The rules every part of the tracker shares (tracker/rules.py), each checked once here."""

from tracker.data.model import Text
from tracker.rules import dialogue_label, dialogue_short, pick, round_label, round_name


def test_a_numbered_round_is_called_by_its_label():
    assert round_label(6, "en") == "round 6"
    assert round_label(6, "zh") == "第6屆"
    assert round_name(6, "en", Text(en="Launch")) == "round 6"
    assert round_name(6, "zh", {"en": "Launch"}, "tuba-launch") == "第6屆"


def test_a_meeting_without_a_number_is_called_by_its_name_in_either_language():
    assert round_name(None, "zh", Text(en="Launch", zh="成立大會")) == "成立大會"
    assert round_name(None, "zh", {"en": "Launch", "zh": None}) == "Launch"
    assert round_name(None, "en", Text(zh="成立大會")) == "成立大會"
    assert round_name(None, "en", Text(en="Launch"), "tuba-launch") == "Launch"  # the name comes before the fallback


def test_a_meeting_without_a_number_or_a_name_is_called_otherwise():
    assert round_name(None, "en", None, "tuba-launch") == "tuba-launch"
    assert round_name(None, "en") == ""
    assert round_name(0, "en", None, "x") == "round 0"  # a number, even 0, is the label


def test_pick_falls_back_to_the_other_language():
    assert pick({"en": "A", "zh": None}, "zh") == "A"
    assert pick(Text(zh="甲"), "en") == "甲"
    assert pick(None, "en") == ""


def test_a_dialogue_is_called_by_its_id_in_capitals_for_people():
    assert dialogue_label("eppd") == "EPPD"
    assert dialogue_label(None) == ""


def test_a_dialogue_is_called_by_its_short_name_else_its_full_name_in_exports():
    class D:
        def __init__(self, short, name):
            self.short, self.name = short, name

    assert dialogue_short(D(Text(en="EPPD"), Text(en="Economic Prosperity Partnership Dialogue"))) == Text(en="EPPD")
    assert dialogue_short(D(None, Text(en="Taiwan-US Business Alliance"))) == Text(en="Taiwan-US Business Alliance")
