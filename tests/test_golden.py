"""Golden outputs of the main commands on the shipped data (UPDATE_GOLDEN=1 to accept changes)."""

import pytest

from conftest import ROOT, check_golden, run

CASES = {
    "list.txt": ["list"],
    "list.json": ["list", "--format", "json"],
    "list.csv": ["list", "--format", "csv"],
    "list.md": ["list", "--format", "markdown"],
    "list-zh.txt": ["list", "--lang", "zh"],
    "compare-1-6.txt": ["compare", "1", "6"],
    "compare-1-6.json": ["compare", "1", "6", "--format", "json"],
    "compare-1-6.md": ["compare", "1", "6", "--format", "markdown"],
    "compare-1-6-zh.txt": ["compare", "1", "6", "--lang", "zh"],
    "timeline-us.txt": ["timeline", "--partner", "us"],
    "timeline-us.json": ["timeline", "--partner", "us", "--format", "json"],
    "timeline-us-zh.txt": ["timeline", "--partner", "美國", "--lang", "zh"],
    "show-eppd-1.txt": ["show", "eppd:1"],
    "show-eppd-1.md": ["show", "eppd:1", "--format", "markdown"],
    "show-dde-2.json": ["show", "dde-2", "--format", "json"],
    "topics.txt": ["topics"],
    "topics-critical-minerals.txt": ["topics", "critical-minerals"],
    "search-semiconductor.txt": ["search", "semiconductor"],
    "commitments.txt": ["commitments"],
    "commitments-delivered.json": ["commitments", "--status", "delivered", "--format", "json"],
    "timeline-eu.txt": ["timeline", "--partner", "eu"],
    "timeline-us-detail.txt": ["timeline", "--partner", "us", "--detail"],
    "timeline-us-detail-zh.txt": ["timeline", "--partner", "us", "--detail", "--lang", "zh"],
    "timeline-uk-jp.txt": ["timeline", "--partner", "uk"],
    "list-partner-jp.txt": ["list", "--partner", "jp"],
}


# what people see at 80 and 120 columns, in English and Chinese, for the card's commands
WIDE = {
    "list": ["list"],
    "compare-1-6": ["compare", "1", "6"],
    "show-6": ["show", "6"],
    "timeline-us": ["timeline", "--partner", "us"],
    "commitments": ["commitments"],
}
WIDTHS = {}
for _stem, _args in WIDE.items():
    for _cols in (80, 120):
        for _lang in ("en", "zh"):
            _name = f"{_stem}-{_cols}-{_lang}.txt"
            CASES[_name] = [*_args, "--lang", _lang]
            WIDTHS[_name] = str(_cols)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name, golden):
    result = run(*CASES[name], environ={"COLUMNS": WIDTHS.get(name, "100")})
    assert result.code == 0, result.err
    assert result.err == ""
    golden(name, result.out)


def test_update_golden_rewrites_a_changed_file_and_fails(tmp_path, monkeypatch):
    path = tmp_path / "out.txt"
    path.write_text("before\n", encoding="utf-8")
    monkeypatch.setenv("UPDATE_GOLDEN", "1")
    with pytest.raises(pytest.fail.Exception, match="rewrote"):
        check_golden(path, "after\n")
    assert path.read_text(encoding="utf-8") == "after\n"
    check_golden(path, "after\n")  # unchanged: a pass that compared
    monkeypatch.delenv("UPDATE_GOLDEN")
    with pytest.raises(AssertionError, match="differs"):
        check_golden(path, "other\n")


def test_ci_never_rewrites_golden_files():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    unset = next(i for i, line in enumerate(lines) if line.startswith("unset UPDATE_GOLDEN"))
    assert unset < next(i for i, line in enumerate(lines) if "pytest" in line)
