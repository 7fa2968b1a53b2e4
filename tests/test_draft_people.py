"""`tracker draft`: the leads an article names, by the words around their names as well as by verbs.

Each article here is a few sentences in the project's own words, one pattern each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run


def _roles(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = run("draft", str(path), "--format", "json")
    assert result.code == 0, result.err
    return {p.get("person"): p["role"] for p in json.loads(result.out).get("participants", [])}


LEADS = [
    # the subjects of the event's verb, one with a middle initial the data does not give
    ("date 2031-03-08\nEconomy Minister Wang Mei-hua (王美花) and U.S. Secretary of Commerce Gina M. Raimondo held a video "
     "call on Friday to start the Technology Trade and Investment Collaboration (TTIC).\n",
     {"wang-mei-hua", "gina-raimondo"}),
    # "A, together with B, convened", with the full stops of Dr.
    ("date 2031-03-08\nOn March 7, NDC Minister Dr. Ming-Hsin Kung, together with the European Commission's Director-General "
     "Dr. Roberto Viola, convened the third Taiwan-EU Dialogue on Digital Economy by video.\n",
     {"kung-ming-hsin", "roberto-viola"}),
    # "Led by A and B": an initial between them is no sentence end
    ("date 2031-03-08\nLed by Under Secretary Keith J. Krach and Minister without Portfolio John Deng, the ninth Economic "
     "Prosperity Partnership Dialogue took place on March 7 in Washington.\n",
     {"keith-krach", "john-deng"}),
    # "the signing of X by A and B"
    ("date 2031-03-08\nThe commerce secretary witnessed the signing of the new arrangement under the U.S.-Taiwan Initiative "
     "on 21st-Century Trade by Ambassador Alexander Tah-Ray Yui and Managing Director Ingrid D. Larson on March 7.\n",
     {"alexander-yui", "ingrid-larson"}),
    # a name followed by 率 / 帶領 / 會同
    ("date 2031-03-08\n第3屆「臺歐盟數位經濟對話」7日以視訊舉行，我方由國發會主委龔明鑫會同各部會代表出席，"
     "歐方由DG CONNECT副總署長Khalil Rouhana率相關部門代表與會。\n",
     {"kung-ming-hsin", "khalil-rouhana"}),
    # the ministers among a side's representatives (not the vice minister)
    ("date 2031-03-08\nThe ninth Economic Prosperity Partnership Dialogue was held on March 7. Taiwan was represented by "
     "TECRO, Minister of Economic Affairs Mei-hua Wang, Minister of Science and Technology Tsung Tsong Wu and Vice "
     "Minister of Economic Affairs Chern-Chyi Chen.\n",
     {"wang-mei-hua", "wu-tsung-tsong"}),
    # "…, who led the delegation" and "will serve as the lead official" in a preview
    ("Taiwan and US to hold talks under the U.S.-Taiwan Initiative on 21st-Century Trade\n"
     "Assistant USTR Terry McCartin will serve as the lead official. Deputy trade representative Yang Jen-ni, who leads "
     "the Taiwan team, will also attend.\n",
     {"terry-mccartin", "yang-jen-ni"}),
]


@pytest.mark.parametrize("text, leads", LEADS)
def test_the_leads_an_article_names(tmp_path, text, leads):
    roles = _roles(tmp_path, text)
    assert {p for p, r in roles.items() if r in ("lead", "co-chair", "signer")} == leads


def test_no_lead_from_another_event_than_the_one_reported(tmp_path):
    """Who met at the launch months before, and who is to cohost a later meeting, did not lead this one."""
    roles = _roles(tmp_path, (
        "date 2031-03-08\nThe second round of talks under the U.S.-Taiwan Initiative on 21st-Century Trade was held on "
        "March 7 in Taipei. On June 1, 2030, Sarah Bianchi and John Deng met by video to launch the initiative. "
        "Nigel Huddleston is to cohost trade talks later this year with Chen Chern-chyi (陳正祺).\n"))
    assert roles.get("sarah-bianchi") is None and roles.get("john-deng") is None
    assert roles.get("chen-chern-chyi") in (None, "participant")


def test_the_head_of_a_travelling_delegation_leads_only_when_no_one_else_does(tmp_path):
    roles = _roles(tmp_path, (
        "date 2031-03-08\n第九屆「台美經濟繁榮夥伴對話」7日以視訊舉行，由政務委員鄧振中主談；"
        "經濟部政務次長陳正祺率小型代表團赴華府實體與會。\n"))
    assert roles["john-deng"] == "lead" and roles["chen-chern-chyi"] == "participant"


def test_a_lead_verb_a_few_words_after_a_bracketed_english_name(tmp_path):
    roles = _roles(tmp_path, "date 2031-03-08\n第九屆台美「經濟繁榮夥伴對話」7日舉行，美方由國務院次卿費南德茲（Jose W. Fernandez）"
                             "在華府以視訊帶領代表團參與，我方由政務委員鄧振中主談。\n")
    assert roles["jose-fernandez"] == "lead" and roles["john-deng"] == "lead"


def test_the_head_of_a_delegation_to_the_venue_and_the_speaker_of_a_quote_are_not_leads(tmp_path):
    roles = _roles(tmp_path, (
        "date 2031-03-08\nThe ninth Economic Prosperity Partnership Dialogue was co-chaired on Friday by Jose W. Fernandez "
        "and Wang Mei-hua (王美花) by video. Deputy Minister of Economic Affairs Chen Chern-chyi (陳正祺) also led a delegation "
        "to Washington for the meeting.\n"
        "經濟繁榮夥伴對話順利簽署備忘錄，蔡英文：台美合作更緊密。\n"))
    assert roles["chen-chern-chyi"] == "participant"
    assert roles.get("tsai-ing-wen") in (None, "participant")
