"""Read a data folder: find its files, read each, check across files.

Reading one file is ``parse``; the rules are ``validate``; this module walks
the folder and puts the checked records together into a ``Dataset``.
"""

from __future__ import annotations

import datetime as _dt
import os
from typing import TYPE_CHECKING, Any

from ..errors import Problem
from .model import Dataset

if TYPE_CHECKING:
    from .parse import FileResult

YAML_SUFFIXES = (".yaml", ".yml")


def default_data_dir() -> str:
    """The data shipped with the tracker: inside the installed package, or data/ of a source checkout."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # tracker/
    installed = os.path.join(package, "_data")  # the wheel puts data/ here
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(package), "data")  # a source checkout


# ---------------------------------------------------------------- the data folder


def scan(root: str) -> tuple[list[tuple[str, type | None]], list[Problem]]:
    """Every data file under ``root`` as (path, class), and problems.

    The class is None for a YAML file in a place the tracker does not know; it is
    still read, so that its syntax errors are reported too.
    """
    if not os.path.exists(root):
        if os.path.islink(root):
            try:
                os.stat(root)
            except OSError as exc:
                import errno

                if exc.errno == errno.ELOOP:
                    return [], [Problem(root, 0, 0, "the data folder is a symbolic link loop", "point --data-dir at the real folder")]
            return [], [Problem(root, 0, 0, "the data folder is a broken symbolic link", "point --data-dir at the real folder")]
        return [], [Problem(root, 0, 0, "data folder does not exist", "check --data-dir or TRACKER_DATA_DIR")]
    if not os.path.isdir(root):
        return [], [Problem(root, 0, 0, "is a file, not a data folder", "point --data-dir at the folder that holds partners.yaml")]
    walk = _Walk(root)
    walk.folder(root, None, frozenset())
    files, problems = walk.files, walk.problems
    if not files and not problems:
        problems.append(Problem(root, 0, 0, "no YAML files in the data folder", "expected partners.yaml, topics.yaml and rounds/*.yaml"))
        return files, problems
    from .model import ROOT_FILES

    present = {os.path.basename(p) for p, c in files if c in ROOT_FILES.values()}
    for name in ("partners.yaml", "topics.yaml"):
        if name not in present and not os.path.isdir(os.path.join(root, name)):
            problems.append(Problem(os.path.join(root, name), 0, 0, "missing", f"every data folder needs {name}"))
    return files, problems


class _Walk:
    """The walk of a data folder: the files found, in name order, and the problems met."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.walked: set[str] = set()  # every real folder is walked once, however many links lead to it
        self.files: list[tuple[str, type | None]] = []
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(path, 0, 0, message, hint))

    def entries(self, folder: str, seen: frozenset):
        """The entries of ``folder`` by name, and ``seen`` with it; None (and a problem) if unreadable or a loop."""
        try:
            real = os.path.realpath(folder)
            if real in seen:
                self.problem(folder, "symbolic link loop: this folder contains itself", "remove the link")
                return None, seen
            if not self.inside(real):
                self.problem(folder, "symbolic link to a folder outside the data folder", "copy the files into the data folder")
                return None, seen
            if real in self.walked:
                self.problem(folder, "symbolic link to a folder already read", "remove the link: each folder is read once")
                return None, seen
            self.walked.add(real)
            return sorted(os.scandir(folder), key=lambda e: e.name), seen | {real}
        except OSError as exc:
            self.problem(folder, f"cannot read folder: {exc.strerror or exc}")
            return None, seen

    def inside(self, real: str) -> bool:
        return real == self.real_root or real.startswith(self.real_root.rstrip(os.sep) + os.sep)

    def folder(self, folder: str, cls: type | None, seen: frozenset) -> None:
        entries, seen = self.entries(folder, seen)
        for entry in entries or ():
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                import errno

                reason = "symbolic link loop" if exc.errno == errno.ELOOP else f"cannot read: {exc.strerror or exc}"
                self.problem(entry.path, reason, "remove or fix the link")
                continue
            if is_dir:
                self.subfolder(folder, entry, cls, seen)
            elif entry.name.lower().endswith(YAML_SUFFIXES):
                self.file(folder, entry, cls)

    def subfolder(self, folder: str, entry, cls: type | None, seen: frozenset) -> None:
        """At the top, a folder of records (rounds/, dialogues/, documents/); below, any folder."""
        from .model import FOLDERS, ROOT_FILES

        if folder != self.root:
            self.folder(entry.path, cls, seen)
        elif entry.name in FOLDERS:
            self.folder(entry.path, FOLDERS[entry.name], seen)
        elif entry.name in ROOT_FILES:
            self.problem(entry.path, "is a folder, not a file", f"{entry.name} holds records; replace the folder with the file")
        # other folders at the top (schema/, notes/) are not data

    def file(self, folder: str, entry, cls: type | None) -> None:
        from .model import ROOT_FILES

        if entry.is_symlink() and not os.path.exists(entry.path) and folder != self.root:
            self.problem(entry.path, "broken symbolic link", "remove or fix the link")
        elif entry.is_symlink() and os.path.isfile(entry.path) and not self.inside(os.path.realpath(entry.path)):
            self.problem(entry.path, "symbolic link to a file outside the data folder", "copy the file into the data folder")
        elif folder == self.root:
            self.files.append((entry.path, ROOT_FILES.get(entry.name)))
        else:
            self.files.append((entry.path, cls))


def read_any(path: str, cls: type | None, fast: bool = True) -> FileResult:
    """Read one file and run the checks that need only that file.

    A file read from its plain data that has a problem is read again with its nodes, so that
    every problem has its line and column.
    """
    from .parse import FileResult, read_file
    from .validate import check_file, stem_of

    if cls is None:
        result = FileResult(path)
        result.problems.append(
            Problem(path, 0, 0, "not a known data file", "rounds go in rounds/, dialogues in dialogues/, documents in documents/")
        )
        with_syntax = read_file(path, _Anything)
        result.problems.extend(with_syntax.problems)
        return result
    result = read_file(path, cls, fast)
    check_file(result, stem_of(path))
    if result.fast and result.problems:
        return read_any(path, cls, fast=False)
    return result


class _Anything:
    """Stand-in class for files in unknown places: only their syntax is checked."""


def check(root: str, today: _dt.date) -> tuple[Dataset | None, list[Problem]]:
    """The checked data of ``root`` (None if it has errors), and every problem found, warnings too."""
    from .validate import check_folder

    files, problems = scan(root)
    results = [read_any(path, cls) for path, cls in files]
    for result in results:
        problems.extend(result.problems)
    across = check_folder(results, today)
    # A problem across files names its file, and sometimes another's position in its message:
    # those files were read without positions, so they are read again with their nodes.
    again = {i for i, r in enumerate(results) if r.fast and any(p.path == r.path or r.path in p.message for p in across)}
    if again:
        for i in again:
            results[i] = read_any(*files[i], fast=False)
        across = check_folder(results, today)
    problems.extend(across)
    if any(not p.warning for p in problems):
        return None, problems
    return dataset_of(root, [(cls, r.record) for (_, cls), r in zip(files, results)]), sorted(problems)


def dataset_of(root: str, records: list[tuple[type | None, Any]]) -> Dataset:
    """The data set of the records read from a folder, as (class, record)."""
    from .model import Dialogue, Document, Partners, People, Round, Taxonomy

    def of(cls: type) -> list[Any]:
        return [rec for c, rec in records if c is cls]

    taxonomy = of(Taxonomy)
    return Dataset(
        root,
        [p for f in of(Partners) for p in f.partners],
        [t for f in taxonomy for t in f.themes],
        [t for f in taxonomy for t in f.topics],
        [p for f in of(People) for p in f.people],
        of(Dialogue),
        of(Round),
        of(Document),
    )


def load(root: str, today: _dt.date) -> Dataset:
    """The checked data of ``root``; raises DataError listing every error."""
    from ..errors import DataError

    ds, problems = check(root, today)
    if ds is None:
        raise DataError(sorted(p for p in problems if not p.warning))
    return ds
