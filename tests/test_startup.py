"""What a command imports: only the modules its answer needs (counted, never timed)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import FIXTURES

_RUN = (
    "import sys\n"
    "folder, args = sys.argv[1], sys.argv[2:]\n"
    "sys.argv = ['tracker', *args, '--data-dir', folder]\n"
    "import tracker.entry as e\n"
    "try:\n    e.run()\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
)


def _modules(*args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", _RUN, str(FIXTURES / "base"), *args], check=False, capture_output=True,
                          text=True, timeout=120, env={"NO_COLOR": "1", "PATH": ""})
    assert proc.returncode == 0, proc.stderr
    return set(proc.stderr.strip().splitlines()[-1].split())


@pytest.mark.parametrize(("args", "unneeded"), [
    (["list"], {"yaml", "tracker.results", "sqlite3", "icalendar", "tracker.output.export", "tracker.draft"}),
    (["show", "demo:1"], {"yaml", "tracker.results", "sqlite3", "icalendar", "tracker.output.export", "tracker.draft"}),
    (["list", "--format", "json"], {"yaml", "tracker.results", "rich.table", "icalendar"}),
])
def test_a_command_on_clean_data_imports_only_what_its_answer_needs(args: list[str], unneeded: set[str]) -> None:
    assert _modules(*args) & unneeded == set()
