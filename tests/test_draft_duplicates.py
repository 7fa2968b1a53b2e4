"""`tracker draft`: the duplicate warning names the record of the same kind of event (launch, mandate,
conclusion, signing, entry into force, meeting), and names the candidates together when unsure."""

from __future__ import annotations

import json

from conftest import FIXTURES, run

ARTICLES = FIXTURES / "draft-brief"


def _draft(name: str) -> tuple[dict, str]:
    result = run("draft", str(ARTICLES / name), "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out), result.err


def _candidates(err: str) -> list[str]:
    line = next(x for x in err.splitlines() if "may be this event" in x)
    return [part.split(" (")[0].strip() for part in line.split("): ", 1)[1].split("; if")[0].split(", ")]


def test_the_establishment_of_a_framework_is_its_launch_not_its_first_meeting():
    draft, err = _draft("ttic-establish-en.txt")
    assert (draft["id"], draft["kind"], draft["event"]) == ("ttic-launch", "milestone", "launch")
    assert "warning: the data already holds this event as ttic-launch (" in err
    assert "ttic-2022-10" not in err


def test_talks_concluded_name_the_conclusion_beside_the_signing_they_announce():
    draft, err = _draft("ustti-conclusion-zh.txt")
    assert (draft["kind"], draft["event"]) == ("milestone", "conclusion")
    assert "already holds" not in err
    assert _candidates(err)[0] == "ustti-conclusion" and "ustti-signing" in _candidates(err)


def test_formal_negotiations_name_the_mandate_not_the_launch_alone():
    draft, err = _draft("ustti-mandate-zh.txt")
    assert (draft["kind"], draft["event"]) == ("milestone", "mandate")
    assert "already holds" not in err
    assert {"ustti-mandate", "ustti-launch"} <= set(_candidates(err))


def test_a_preview_names_the_round_it_announces():
    _, err = _draft("ustti-earlier-round-zh.txt")
    assert "warning: the data already holds this event as ustti-taipei-2023-01 (" in err
    _, err = _draft("ustti-preview-en.txt")
    assert "warning: the data already holds this event as ustti-taipei-2023-01 (" in err


def test_a_signing_years_after_the_recorded_one_is_not_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2031-03-08\nTaiwan and the United States signed a new agreement under the U.S.-Taiwan Initiative "
                    "on 21st-Century Trade on March 7.\n", encoding="utf-8")
    result = run("draft", str(path), "--format", "json")
    assert result.code == 0 and json.loads(result.out)["date"] == "2031-03-07"
    assert "already holds this event as ustti-signing" not in result.err
