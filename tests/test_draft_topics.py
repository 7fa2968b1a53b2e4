"""`tracker draft`: the topics an article names or describes, and only those of the event it reports.

Each article here is a few sentences in the project's own words, one per pattern of the articles
the drafter reads: a list of cooperation items, a pair of items before 等, a paragraph about an
earlier meeting, a list of what later talks will take up, a single subject after "such as".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run


def _topics(tmp_path: Path, text: str) -> tuple[list[str], str]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = run("draft", str(path), "--format", "json")
    assert result.code == 0, result.err
    return [t["topic"] for t in json.loads(result.out).get("topics", []) if t.get("headline", True)], result.err


def test_a_list_after_its_items_word_runs_to_its_last_item_after_a_comma(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "第九屆台美「經濟繁榮夥伴對話」3月4日在台北舉行。本屆合作項目涵蓋AI供應鏈合作、低軌衛星合作、"
                        "無人機共同生產，以及與第三國合作。\n")
    assert topics == ["ai-supply-chain", "digital-infrastructure", "drone-supply-chain", "third-country-cooperation"]


def test_the_points_of_a_meeting_after_a_colon_are_its_topics(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "第九屆台美「經濟繁榮夥伴對話」3月4日舉行，雙方交流重點包括：如何應對經濟脅迫、關鍵礦物供應。\n")
    assert topics == ["economic-coercion", "critical-minerals"]


def test_two_items_joined_by_and_before_the_closing_word_are_each_matched(tmp_path):
    topics, err = _topics(tmp_path, "date 2031-03-06\n"
                          "第九屆台美「經濟繁榮夥伴對話」3月4日舉行，雙方就觀光交流及加強資訊共享等面向交換意見。\n")
    assert topics == ["information-sharing"]  # 資訊共享: another common name of information sharing
    assert "note: topic not in the taxonomy: '觀光交流'" in err


def test_a_paragraph_about_an_earlier_meeting_gives_none_of_its_topics(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "第九屆台美「經濟繁榮夥伴對話」3月4日在台北舉行，雙方討論人才培育、無人機供應鏈等議題。\n"
                        "最近一次的會議在去年舉行，時任部長出席。會中聚焦經濟脅迫、運輸等議題。雙方亦就稀土、租稅協定等面向交換意見。\n")
    assert topics == ["talent", "drone-supply-chain"]


def test_what_later_talks_will_take_up_is_not_the_agenda_of_the_event(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "第九屆台美「經濟繁榮夥伴對話」3月4日在台北舉行，雙方討論人才培育、無人機供應鏈等議題。"
                        "雙方後續將再展開談判，議題包括農業、勞動、環境。\n")
    assert topics == ["talent", "drone-supply-chain"]


def test_a_subject_after_such_as_is_read_and_a_possessive_is_part_of_its_words(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                        "The two sides exchanged views on semiconductors’ supply chains. "
                        "They also discussed other shared issues, such as steel overcapacity.\n")
    assert topics == ["supply-chains", "steel-overcapacity"]


def test_a_word_that_is_part_of_several_topics_names_none_of_them(tmp_path):
    topics, err = _topics(tmp_path, "date 2031-03-06\n"
                          "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                          "The two sides discussed security, cooperation and critical minerals.\n")
    assert topics == ["critical-minerals"]  # not cybersecurity, not a kind of cooperation
    assert "note: topic not in the taxonomy: 'security'" in err


def test_bulleted_headings_that_name_no_topic_leave_the_list_of_interests_a_headline(tmp_path):
    topics, err = _topics(tmp_path, "date 2031-03-06\nFact Sheet\n"
                          "Our common interests in resilient supply chains, safe harbours, and open infrastructure development "
                          "will help both economies grow.\n"
                          "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei.\n"
                          "• Working Groups: The two sides will set up working groups.\n"
                          "• Signing: The two sides signed a memorandum.\n")
    assert topics[:2] == ["supply-chains", "infrastructure-cooperation"]  # the list ends where "will help" begins
    assert "'open infrastructure development'" not in err


def test_a_list_after_are_starts_after_the_verb(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                        "Areas of shared concern are customs procedures, critical minerals and talent.\n")
    assert topics == ["trade-facilitation", "critical-minerals", "talent"]


def test_a_framework_s_aims_are_its_topics_and_discussed_is_read_whole(tmp_path):
    topics, err = _topics(tmp_path, "date 2031-03-06\n"
                          "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                          "The dialogue aims to strengthen investment, startups, and talent. "
                          "The two sides discussed and agreed the following.\n")
    assert topics == ["investment", "startups", "talent"]
    assert "'ed and agreed the following'" not in err


def test_each_agreement_signed_together_gives_its_topic(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-12-05\n"
                        "台日雙方4日在台北簽署「海關合作備忘錄」及「數位貿易協議」兩項文件。\n")
    assert set(topics) >= {"trade-facilitation", "digital-trade"}


def test_offices_in_a_list_are_not_topics(tmp_path):
    topics, err = _topics(tmp_path, "date 2031-03-06\n"
                          "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                          "The delegation included representatives from the Department of Labor, the Small Business Administration, "
                          "and the Office of Science. "
                          "The talks covered critical minerals, talent and drones, according to the Ministry of Economic Affairs.\n")
    assert topics == ["critical-minerals", "talent", "drone-supply-chain"]  # not smes for the Small Business Administration
    assert "Ministry" not in err


def test_the_examples_of_an_item_are_items_too(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                        "The two sides agreed to hold expert discussions on paperless measures such as e-invoicing and e-signature, "
                        "and on talent.\n")
    assert topics == ["talent", "e-invoicing"]


def test_an_event_to_come_and_what_its_paragraph_says_of_it_give_no_topics(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "
                        "The two sides discussed talent and critical minerals.\n"
                        "Both sides welcomed the upcoming business forum in Taipei. "
                        "The forum will bring together firms in sectors such as drones, 6G and offshore wind.\n")
    assert topics == ["talent", "critical-minerals"]


def test_headings_on_lines_of_their_own_that_name_topics_head_their_paragraphs(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei.\n"
                        "Critical Minerals\n"
                        "The two sides agreed to map their sources and to share what they learn over the coming year.\n"
                        "## 人才培育\n"
                        "雙方同意擴大交換學生與研究人員的計畫，並於明年檢視成果，讓更多年輕人參與兩地的研究與產業合作。\n")
    assert topics == ["critical-minerals", "talent"]


def test_one_short_line_over_a_paragraph_is_not_a_heading(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n"
                        "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei.\n"
                        "Investment\n"
                        "The two sides discussed talent and critical minerals over two days of talks in the capital.\n")
    assert topics == ["talent", "critical-minerals"]


ZH_MEETING = "第九屆台美「經濟繁榮夥伴對話」3月4日在台北舉行。"
EN_MEETING = "The ninth U.S.-Taiwan Economic Prosperity Partnership Dialogue was held on March 4 in Taipei. "


@pytest.mark.parametrize("sentence, expected", [
    (ZH_MEETING + "雙方就供應鏈韌性、經濟脅迫及能源轉型交換意見。", ["supply-chains", "economic-coercion", "energy-transition"]),
    (ZH_MEETING + "本次對話聚焦三大主軸：供應鏈韌性、能源轉型、經濟安全。", ["supply-chains", "energy-transition", "economic-security"]),
    (ZH_MEETING + "雙方同意在淨零轉型、半導體供應鏈與人才培育上加強合作。", ["energy-transition", "supply-chains", "talent"]),
    (ZH_MEETING + "會談內容涉及經濟脅迫、能源轉型等。", ["economic-coercion", "energy-transition"]),
    (ZH_MEETING + "雙方針對關鍵礦物、人才培育進行意見交換。", ["critical-minerals", "talent"]),
    (ZH_MEETING + "本屆對話重點為：AI供應鏈、關鍵礦物及無人機。", ["ai-supply-chain", "critical-minerals", "drone-supply-chain"]),
    (EN_MEETING + "Discussions centered on semiconductors, 5G and net-zero emissions.", ["supply-chains", "5g-telecom-security", "energy-transition"]),
    (EN_MEETING + "Topics ranged from semiconductors to clean energy.", ["supply-chains", "energy-transition"]),
    (EN_MEETING + "The dialogue addressed economic coercion and the energy transition.", ["economic-coercion", "energy-transition"]),
    (EN_MEETING + "The talks touched on critical minerals, drones and talent.", ["critical-minerals", "drone-supply-chain", "talent"]),
    (EN_MEETING + "Both sides highlighted progress in supply chains, clean energy and talent development.",
     ["supply-chains", "energy-transition", "talent"]),
    (EN_MEETING + "They also reviewed work on subsea cables and 6G.", ["digital-infrastructure"]),
])
def test_the_many_ways_an_article_lists_what_was_discussed(tmp_path, sentence, expected):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n" + sentence + "\n")
    assert topics == expected


def test_a_place_after_zai_is_not_a_list_of_subjects(tmp_path):
    _, err = _topics(tmp_path, "date 2031-03-06\n" + ZH_MEETING + "雙方代表在台北交流。\n")
    assert "topic not in the taxonomy" not in err


def test_a_page_s_list_of_other_stories_and_its_tags_give_no_topics(tmp_path):
    topics, _ = _topics(tmp_path, "date 2031-03-06\n" + ZH_MEETING + "雙方討論人才培育、無人機供應鏈等議題。\n"
                        "延伸閱讀\n台美就關鍵礦物、能源轉型等議題交換意見\n相關新聞：雙方就AI供應鏈、稀土等議題進行討論\n"
                        "Tags: semiconductors, AI, supply chains\n")
    assert topics == ["talent", "drone-supply-chain"]
