"""Writing the site: every page, the style sheet and the search index, into a new folder that
replaces the target in one step.

The folder is built beside the target and renamed into place when whole, so that an interrupted
run leaves the target as it was. ``--force`` replaces only a folder that is empty or that this
command wrote before (it holds the marker file ``.tracker-site``): never a folder of other files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..data.model import Dataset
from ..errors import OutputError, TrackerError
from ..output import files

MARKER = ".tracker-site"
MISSING = "tracker site needs Jinja2 and Pagefind: pip install 'tracker[site]'"


class MissingDependency(TrackerError):
    """The site's optional dependencies are not installed."""


@dataclass(frozen=True)
class SiteReport:
    """What was written: the folder, how many pages, and how many of them the search index holds."""

    path: str
    pages: int
    indexed: int | None


def environment() -> Any:
    """The Jinja2 environment of the site's templates (package data), escaping every value."""
    try:
        import jinja2
    except ImportError:
        raise MissingDependency(MISSING) from None
    return jinja2.Environment(
        loader=jinja2.PackageLoader("tracker.site", "templates"),
        autoescape=True, trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.do"],
    )


def pagefind_command() -> list[str]:
    """How to run Pagefind's extended build (which segments Chinese), from its Python package."""
    import importlib.util

    if importlib.util.find_spec("pagefind") is None or importlib.util.find_spec("pagefind_bin_extended") is None:
        raise MissingDependency(MISSING)
    return [sys.executable, "-m", "pagefind"]


def write_site(ds: Dataset, path: str, *, force: bool, data_dir: str | None, base_url: str | None = None,
               search: bool = True) -> SiteReport:
    """Write the site of ``ds`` into folder ``path`` (see the module's docstring)."""
    from .pages import Site

    env = environment()
    command = pagefind_command() if search else None
    target = files.check_target(path, force=force, data_dir=data_dir, is_dir=True)
    _check_replaceable(path, target, force)
    tmp = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.tmp")
    old = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.old")
    try:
        os.mkdir(tmp)
        count = 0
        for page in Site(ds, env, base_url).pages():
            _write(os.path.join(tmp, page.path), page.html)
            count += 1
        assets = os.path.join(tmp, "assets")
        os.makedirs(assets, exist_ok=True)
        for name in ("site.css", "search.js"):
            _write(os.path.join(assets, name), (resources.files("tracker.site") / "static" / name).read_text("utf-8"))
        _write(os.path.join(tmp, MARKER), "This folder was written by `tracker site`; `tracker site --force` replaces it whole.\n")
        indexed = _index(command, tmp) if command else None
        if os.path.isdir(target):
            os.rename(target, old)
            os.rename(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteReport(target, count, indexed)


def _check_replaceable(path: str, target: str, force: bool) -> None:
    if not os.path.lexists(target):
        return
    if not os.path.isdir(target):
        raise OutputError(f"{path}: is a file, not a folder")
    entries = os.listdir(target)
    if not entries:
        return
    if not force:
        raise OutputError(f"{path}: already exists (use --force to replace it)")
    if MARKER not in entries:
        raise OutputError(f"{path}: holds files that `tracker site` did not write; will not replace it (choose an empty or new folder)")


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def _index(command: list[str], folder: str) -> int:
    """Build the search index of ``folder`` with Pagefind; the number of pages it indexed."""
    import json

    done = subprocess.run([*command, "--site", folder, "--keep-index-url", "--silent"],
                          capture_output=True, text=True, encoding="utf-8", errors="replace", check=False)
    if done.returncode != 0:
        last = (done.stderr.strip() or done.stdout.strip() or f"exit status {done.returncode}").splitlines()[-1]
        raise OutputError(f"the search index could not be built: {last}")
    with open(os.path.join(folder, "pagefind", "pagefind-entry.json"), encoding="utf-8") as f:
        entry = json.load(f)
    return sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values())
