"""Read a data folder: find its files, read each (through the cache), check across files.

Reading one file is ``parse``; the rules are ``validate``; this module walks
the folder and puts the checked records together into a ``Dataset``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Optional

from ..errors import Problem

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


def scan(root: str) -> tuple[list[tuple[str, Optional[type]]], list[Problem]]:
    """Every data file under ``root`` as (path, class), and problems.

    The class is None for a YAML file in a place the tracker does not know; it is
    still read, so that its syntax errors are reported too.
    """
    if not os.path.exists(root):
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
        self.files: list[tuple[str, Optional[type]]] = []
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str, hint: Optional[str] = None) -> None:
        self.problems.append(Problem(path, 0, 0, message, hint))

    def entries(self, folder: str, seen: frozenset):
        """The entries of ``folder`` by name, and ``seen`` with it; None (and a problem) if unreadable or a loop."""
        try:
            real = os.path.realpath(folder)
            if real in seen:
                self.problem(folder, "symbolic link loop: this folder contains itself", "remove the link")
                return None, seen
            return sorted(os.scandir(folder), key=lambda e: e.name), seen | {real}
        except OSError as exc:
            self.problem(folder, f"cannot read folder: {exc.strerror or exc}")
            return None, seen

    def folder(self, folder: str, cls: Optional[type], seen: frozenset) -> None:
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
            elif entry.name.endswith(YAML_SUFFIXES):
                self.file(folder, entry, cls)

    def subfolder(self, folder: str, entry, cls: Optional[type], seen: frozenset) -> None:
        """At the top, a folder of records (rounds/, dialogues/, documents/); below, any folder."""
        from .model import FOLDERS, ROOT_FILES

        if folder != self.root:
            self.folder(entry.path, cls, seen)
        elif entry.name in FOLDERS:
            self.folder(entry.path, FOLDERS[entry.name], seen)
        elif entry.name in ROOT_FILES:
            self.problem(entry.path, "is a folder, not a file", f"{entry.name} holds records; replace the folder with the file")
        # other folders at the top (schema/, notes/) are not data

    def file(self, folder: str, entry, cls: Optional[type]) -> None:
        from .model import ROOT_FILES

        if folder == self.root:
            self.files.append((entry.path, ROOT_FILES.get(entry.name)))
        elif entry.is_symlink() and not os.path.exists(entry.path):
            self.problem(entry.path, "broken symbolic link", "remove or fix the link")
        else:
            self.files.append((entry.path, cls))


def read_any(path: str, cls: Optional[type]) -> "FileResult":
    """Read one file and run the checks that need only that file."""
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
    result = read_file(path, cls)
    check_file(result, stem_of(path))
    return result


class _Anything:
    """Stand-in class for files in unknown places: only their syntax is checked."""


def check(root: str, today, backend=None):
    """The checked data of ``root`` as a Store (None if it has errors), and every problem found.

    With a cache backend, an unchanged folder that last checked clean is not read
    again; after a change only the changed files are parsed again, but the checks
    across files always run again, so the cache can never hide an error.
    """
    from .store import MemoryBackend, _Restart

    if backend is None:
        backend = MemoryBackend()
    try:
        return _check(root, today, backend)
    except _Restart:  # the cache failed part-way: do it all again without it
        return _check(root, today, MemoryBackend())
    finally:
        backend.release()  # other runs may now use the cache this run has filled


def _check(root: str, today, backend):
    from .model import Round
    from .store import Store, file_key

    if hasattr(backend, "reread"):  # memory keeps no round records: they are read again when asked for
        backend.reread = lambda path: read_any(path, Round).record
    files, problems = scan(root)
    keyed = [(path, cls, file_key(path)) for path, cls in files]
    fingerprint = _fingerprint(root, keyed, today)
    if not problems and backend.get_state("fingerprint") == fingerprint:
        saved = backend.get_state("store")
        if saved is not None:  # unchanged since it last checked clean
            meta_parts, round_paths, warnings = saved
            return Store(root, backend, meta_parts, round_paths), warnings
    old = _forget_what_changed(backend, keyed)
    # Files other than rounds first: their records name what the rounds refer to.
    meta_parts = _read_others(backend, keyed, old)
    meta = Store.meta_dataset(root, meta_parts, lambda: [])
    names = _name_digests(meta)
    changed = [(path, key) for path, cls, key in keyed if cls is Round and (key is None or old.get(path) != key)]
    _read_rounds(backend, root, meta, meta_parts, names, changed)
    pending = _check_across_files(backend, keyed, names, today, problems)
    backend.set_state("fingerprint", fingerprint)
    if any(not p.warning for p in problems):
        backend.set_state("store", None)
        backend.commit()
        return None, problems
    for path, dkey in pending:
        Store.put_round(backend, meta, path, dkey, backend.record(path))
    rounds = {path for path, cls, _ in keyed if cls is Round}
    round_paths = [p for p in backend.derived_paths() if p in rounds]
    warnings = sorted(problems)
    backend.set_state("store", (meta_parts, round_paths, warnings))
    backend.commit()
    return Store(root, backend, meta_parts, round_paths), warnings


def _forget_what_changed(backend, keyed) -> dict:
    """The file keys the cache holds, after forgetting every file removed since (and everything, if
    another version made it)."""
    from .store import STAMP

    old = backend.file_keys()
    if backend.get_state("stamp") != STAMP:  # made by another version: trust none of it
        backend.delete_files(list(old))
        old = {}
        backend.set_state("stamp", STAMP)
    current = {path for path, _, _ in keyed}
    backend.delete_files([p for p in old if p not in current])
    return old


def _read(backend, path: str, cls, key):
    """Read one file, keep it with its facts; (record, facts)."""
    from .validate import facts_of

    result = read_any(path, cls)
    facts = facts_of(result)
    backend.put_file(path, key, facts, result.record)
    return result.record, facts


def _read_others(backend, keyed, old: dict) -> dict:
    """The records of every file but the rounds, by class name: read again if changed, else kept."""
    from .model import Round

    meta_parts: dict = {}
    for path, cls, key in keyed:
        if cls is not Round:
            changed = key is None or old.get(path) != key
            record = _read(backend, path, cls, key)[0] if changed else backend.record(path)
            if record is not None:
                meta_parts.setdefault(cls.__name__, []).append(record)
    return meta_parts


def _read_rounds(backend, root: str, meta, meta_parts: dict, names: dict, changed: list) -> None:
    """Read the round files that changed, with their listing entries; by worker processes when many."""
    from . import parallel
    from .model import Round
    from .store import MemoryBackend, Pickled

    if parallel.worth_it(len(changed)):
        keep = not isinstance(backend, MemoryBackend)  # which reads rounds again when asked for
        found = parallel.ordered_map(_read_round, [path for path, _ in changed], _start_reading, (meta_parts, root, keep))
        for (path, key), (facts, record, entry) in zip(changed, found):
            backend.put_file(path, key, facts, Pickled(record) if record is not None else None)
            if entry is not None:
                backend.put_derived(path, _listing_key(key, facts, names), *entry)
        return
    for path, key in changed:
        record, facts = _read(backend, path, Round, key)
        if record is not None:  # made now, while the record is at hand, if its names resolve
            _put_round(backend, meta, path, _listing_key(key, facts, names), record)


def _check_across_files(backend, keyed, names: dict, today, problems: list) -> list:
    """Add every file's own problems and those across files to ``problems``; one record at a time is
    in memory, the checks run on compact facts. Returns (path, listing key) of the rounds whose
    listing entry is missing or out of date."""
    from .model import Round
    from .validate import check_folder

    all_facts = backend.all_facts()
    for facts in all_facts:
        problems.extend(facts.problems)
    problems.extend(check_folder(all_facts, today))
    facts_of_path = {f.path: f for f in all_facts}
    del all_facts
    derived = backend.derived_keys()  # with the entries made while reading
    pending = []
    for path, cls, key in keyed:
        if cls is Round:
            dkey = _listing_key(key, facts_of_path[path], names)
            if derived.get(path) != dkey:
                pending.append((path, dkey))
    return pending


def _name_digests(meta) -> dict:
    """A digest of each dialogue, person and topic: what a round's listing shows of them.

    By (kind, id): (kind, id, digest), one tuple that every round's listing key shares.
    """
    import hashlib

    out = {}
    for kind, records in (("dialogue", meta.dialogues), ("person", meta.people), ("topic", meta.topics)):
        for ident, rec in records.items():
            out[(kind, ident)] = (kind, ident, hashlib.sha1(repr(rec).encode("utf-8", "surrogateescape")).hexdigest()[:16])
    return out


def _listing_key(key, facts, names) -> tuple:
    """What a round's listing entry depends on: its own file, and the names it shows.

    Editing one person in people.yaml then remakes only the rounds that name that person.
    """
    deps = sorted({names.get((kind, value)) or (kind, value, None) for kind, value, *_ in facts.refs if kind in ("dialogue", "person", "topic")})
    return (key, tuple(deps))


def _put_round(backend, meta, path, dkey, record) -> bool:
    """Make a round's listing entry now, if its references resolve; else after the checks."""
    from .store import Store

    try:
        Store.put_round(backend, meta, path, dkey, record)
    except (KeyError, AttributeError, TypeError, ValueError):
        return False  # it refers to something unknown: the checks will say what
    return True


_WORKER: dict = {}  # in a worker process: what the rounds' listing entries show of other files


def _start_reading(meta_parts: dict, root: str, keep_records: bool) -> None:
    from .store import Store

    _WORKER["meta"] = Store.meta_dataset(root, meta_parts, lambda: [])
    _WORKER["keep"] = keep_records


class _Entry:
    """Stands in for a backend in a worker: keeps the listing entry ``Store.put_round`` makes."""

    values = None

    def put_derived(self, path, key, *values) -> None:
        self.values = values


def _read_round(path: str) -> tuple:
    """In a worker process: (facts, pickled record or None, listing entry or None) of one round file.

    The listing entry is what ``Store.put_round`` gives ``put_derived`` after the path and the
    key, made if the round's names resolve; the record is pickled only for a backend that keeps it,
    and for one that does not (memory) the entry's long texts are packed.
    """
    import pickle
    from sys import intern

    from .model import Round
    from .validate import facts_of

    result = read_any(path, Round)
    facts = facts_of(result)
    # the same IDs recur from round to round: sent once per request, they are kept once per request
    facts.refs = [(intern(kind), intern(value), line, col) for kind, value, line, col in facts.refs]
    facts.outcomes = [(intern(oid), status and intern(status), line, col) for oid, status, line, col in facts.outcomes]
    record, entry = result.record, None
    if record is not None:
        made = _Entry()
        if _put_round(made, _WORKER["meta"], path, None, record):
            entry = made.values
        if _WORKER["keep"]:
            record = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        else:  # memory, which reads rounds again when asked for and keeps their long texts packed
            record = None
            if entry is not None:
                from .store import Packed

                sort, filt, summary, extra, search, folded = entry
                both = Packed(search, folded)
                entry = (sort, filt, Packed(summary), extra, both, both)
    return facts, record, entry


def _fingerprint(root: str, keyed, today) -> str:
    """A digest of every file's path, kind and key, of the tracker's version and of today's date.

    The date is in it because some checks depend on it (a last_verified in the
    future): a folder that checked clean yesterday, or in another time zone, is
    checked again.
    """
    import hashlib

    from .store import STAMP

    listing = repr((STAMP, str(today), os.path.abspath(root), [(path, cls.__name__ if cls else None, key) for path, cls, key in keyed]))
    return hashlib.sha256(listing.encode("utf-8", "surrogateescape")).hexdigest()


def load(root: str, today, backend=None):
    """The checked data of ``root`` as a Store; raises DataError listing every error."""
    from ..errors import DataError

    store, problems = check(root, today, backend)
    if store is None:
        raise DataError(sorted(p for p in problems if not p.warning))
    return store
