"""The README and docs/ stay true to the code: commands, real output, coverage, exit codes, JSON, links.

The README's tour and coverage table are generated: with UPDATE_GOLDEN=1 a block that differs is
rewritten in README.md and the test fails saying so, as for the golden files.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import DATA, ROOT, run

import tracker
from tracker.status import ExitStatus

README = ROOT / "README.md"
DOCS = ROOT / "docs"
INSTALL_AND_RUN = "python3 -m venv .venv && . .venv/bin/activate && pip install . && tracker list"
INSTALL_AND_TEST = "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && python -m pytest"
OUTPUT_BLOCK = re.compile(r"(<!-- output: (.+?) -->\n)(.*?)(<!-- output:end -->)", re.DOTALL)
COVERAGE_BLOCK = re.compile(r"(<!-- coverage:start -->\n)(.*?)(<!-- coverage:end -->)", re.DOTALL)


def _rewrite_or_compare(pattern: re.Pattern, make) -> None:
    """Each block of README.md matched by pattern must be what make(match) gives."""
    text = README.read_text(encoding="utf-8")
    blocks = list(pattern.finditer(text))
    assert blocks, f"README.md has no block {pattern.pattern!r}"
    wanted = pattern.sub(lambda m: m.group(1) + make(m) + m.group(m.lastindex), text)
    if wanted == text:
        return
    if os.environ.get("UPDATE_GOLDEN"):
        README.write_text(wanted, encoding="utf-8")
        pytest.fail("rewrote README.md; check the change (git diff) and run the tests again without UPDATE_GOLDEN")
    differing = [m.group(0)[:60] for m in blocks if pattern.sub(lambda n: n.group(1) + make(n) + n.group(n.lastindex), m.group(0)) != m.group(0)]
    pytest.fail(f"README.md differs from the real output in {differing} (UPDATE_GOLDEN=1 to accept)")


def test_the_readme_starts_with_the_two_set_up_commands():
    blocks = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.DOTALL)
    assert blocks[:2] == [INSTALL_AND_RUN, INSTALL_AND_TEST]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet '.[test]'" in ci and "python -m pytest" in ci, "CI runs the README's test command"


def test_the_readme_is_for_newcomers_and_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines; move the detail to docs/"
    text = "\n".join(lines)
    for doc in ("docs/commands.md", "docs/json.md", "docs/data.md", "docs/reliability.md", "CONTRIBUTING.md"):
        assert f"]({doc})" in text, f"the README links {doc}"
        assert (ROOT / doc).is_file(), doc
    assert "## Design choices" in text


def _output(match: re.Match) -> str:
    command, _, head = match.group(2).partition(" | head -n ")
    result = run(*command.split(), environ={"COLUMNS": "80"})
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    if head:
        lines = lines[: int(head)]
    while lines and not lines[-1].strip():
        lines.pop()
    return "```text\n" + "\n".join(lines) + "\n```\n"


def test_the_readme_tour_is_real_80_column_output():
    _rewrite_or_compare(OUTPUT_BLOCK, _output)


def coverage_table() -> str:
    """What the README says is covered: each dialogue as `tracker list --all` heads it, its years, and as of when."""
    ds = tracker.load(data_dir=DATA)
    listing = run("list", "--all", environ={"COLUMNS": "250"}).out.replace("\xa0", " ")
    rows = ["| dialogue | partner | in the data | years |", "| --- | --- | --- | --- |"]
    for heading in re.findall(r"^(\S+ — .+)$", listing, re.MULTILINE):
        name, partner, *counts = heading.split(" · ")
        d_id = name.split(" — ")[0].lower()
        years = sorted({r.date.year for r in ds.rounds.values() if r.dialogue == d_id and r.date is not None})
        span = "—" if not years else str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        rows.append(f"| {name} | {partner} | {' · '.join(counts)} | {span} |")
    footer = [line for line in listing.splitlines() if line.startswith("Data as of ")]
    assert footer, "tracker list's footer gives the data's as-of date"
    return "\n".join(rows) + "\n\n" + footer[0] + "\n"


def test_the_readme_says_what_is_covered_and_as_of_when():
    _rewrite_or_compare(COVERAGE_BLOCK, lambda m: coverage_table())
    text = README.read_text(encoding="utf-8")
    for path in (DATA / "dialogues").glob("*.yaml"):
        assert f"| {path.stem.upper()} — " in text, f"the README's coverage lists {path.stem}"


def test_the_documented_exit_codes_are_the_exit_statuses():
    doc = (DOCS / "reliability.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Exit codes") :].split("\n## ", 1)[0]
    documented = [int(code) for code in re.findall(r"^- \*\*(\d+)\*\* — ", section, re.MULTILINE)]
    assert documented == sorted(int(s) for s in ExitStatus)


def test_every_command_is_documented():
    doc = (DOCS / "commands.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\s+(\w+)\s{2,}\S", run("--help").out, re.MULTILINE)
    assert {"list", "show", "compare", "export", "validate"} <= set(listed), listed
    for name in listed:
        assert f"**`tracker {name}" in doc, f"docs/commands.md describes `tracker {name}`"


def _keys_named(doc: str, heading: str) -> set[str]:
    paragraph = doc[doc.index(heading) :].split("\n- ", 1)[0]
    return {word for span in re.findall(r"`([^`]+)`", paragraph) for word in re.findall(r"[a-z_]+", span)}


def test_the_json_contract_names_every_field():
    doc = (DOCS / "json.md").read_text(encoding="utf-8")
    listed = json.loads(run("list", "--format", "json").out)
    assert set(listed[0]) <= _keys_named(doc, "- `list` gives"), "docs/json.md names every field of list's JSON"
    promised = json.loads(run("commitments", "--format", "json").out)
    assert set(promised[0]) <= _keys_named(doc, "- `commitments` gives"), "docs/json.md names every field of commitments' JSON"


def _anchors(text: str) -> set[str]:
    slugs = set()
    for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", "")).replace(" ", "-")
        slugs.add(slug)
    return slugs


def test_links_between_the_documents_resolve():
    files = [README, ROOT / "CONTRIBUTING.md", *sorted(DOCS.glob("*.md"))]
    broken = []
    for path in files:
        text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            dest = (path.parent / file).resolve() if file else path
            if not dest.exists():
                broken.append(f"{path.name}: {target}")
            elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest.read_text(encoding="utf-8")):
                broken.append(f"{path.name}: {target} (no such heading)")
    assert broken == []


def test_readme_sections_of_old_land_in_the_docs():
    """Each section the README had is now in one of the documents (nothing is lost in the move)."""
    everything = "\n".join(p.read_text(encoding="utf-8") for p in [README, ROOT / "CONTRIBUTING.md", *DOCS.glob("*.md")])
    for heading in ("Commands", "Naming rounds", "Dates in options", "Languages", "Output formats", "Use it from Python",
                    "Commitments", "Exports", "Shell completion, hooks and editors", "Speed", "Exit codes",
                    "What the tracker does with bad data", "Data dictionary", "Adding a round",
                    "Keeping the data current", "Editing data", "Development", "Design choices", "Licence"):
        assert re.search(rf"^#+ {re.escape(heading)}\b", everything, re.MULTILINE), heading

