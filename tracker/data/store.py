"""Where a checked data folder is kept between runs: in memory, or in a cache database.

The loader writes, for every data file, its key (size, inode, modification and
change times), what the checks across files need (``Facts``) and the record;
and, for every round, what ``list``, ``timeline`` and ``search`` show (its
summary, its follow-ups, its searchable text). A later run with a cache then
parses only the files whose key changed, and when nothing changed since the
folder last checked clean it reads just the summaries it needs.

The cache is an optimisation only. It lives in the user's cache folder
(``$XDG_CACHE_HOME/tracker``, or ``TRACKER_CACHE_DIR``), one SQLite file per data
folder. A cache that is corrupt, truncated, written by another version or
another user, or that cannot be written, is ignored and rebuilt silently; it
never hides an error, because every file's own problems are stored with it and
the checks across files run again after any change.
"""

from __future__ import annotations

import os
import pickle
from typing import Any, Mapping, Optional

from .. import __version__
from ..errors import TrackerError
from ..status import ExitStatus

SCHEMA = 10  # raise when the records, the cached listing or the rules change


class Pickled:
    """A value pickled already, by the process that read its file: stored as it is."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data


def _dump(value) -> bytes:
    if value.__class__ is Pickled:
        return value.data
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


class Packed:
    """Long texts kept compressed in memory: a round's summary, or its two searchable texts together
    (they share most of their words), when there is no cache."""

    __slots__ = ("data", "cut")

    def __init__(self, *texts: str) -> None:
        import zlib

        self.data = zlib.compress("".join(texts).encode("utf-8", "surrogatepass"), 1)
        self.cut = [len(t) for t in texts[:-1]]

    def texts(self) -> list:
        import zlib

        whole = zlib.decompress(self.data).decode("utf-8", "surrogatepass")
        out, at = [], 0
        for n in self.cut:
            out.append(whole[at : at + n])
            at += n
        out.append(whole[at:])
        return out


def _unpacked(value) -> str:
    return value.texts()[0] if value.__class__ is Packed else value


class MemoryBackend:
    """No cache: everything lives for this run only.

    A round's summary and searchable texts may come ``Packed`` (when worker processes made them; the
    two searchable texts are then one ``Packed``): they are unpacked a round at a time, as they are read.
    """

    def __init__(self) -> None:
        self.reread = None  # path -> the round record of that file, read again (set by the loader)
        self.files: dict[str, tuple] = {}  # path -> (key, facts, record)
        self.derived: dict[str, tuple] = {}  # path -> (key, sort, filter key, summary, follow-ups, search text, folded)
        self.state: dict[str, Any] = {}

    def file_keys(self) -> dict:
        return {p: v[0] for p, v in self.files.items()}

    def put_file(self, path, key, facts, record) -> None:
        # Round records are read again when asked for, so that memory stays bounded
        # however many rounds there are; the others are few and always needed.
        self.files[path] = (key, facts, None if facts.kind == "Round" else record)

    def delete_files(self, paths) -> None:
        for p in paths:
            self.files.pop(p, None)
            self.derived.pop(p, None)

    def all_facts(self) -> list:
        return [v[1] for v in self.files.values()]

    def record(self, path):
        record = self.files[path][2]
        if record is None:
            record = self.reread(path)
        return record

    def derived_keys(self) -> dict:
        return {p: v[0] for p, v in self.derived.items()}

    def put_derived(self, path, key, sort, filt, summary, extra, search, folded) -> None:
        self.derived[path] = (key, sort, filt, summary, extra, search, folded)

    def _sorted(self) -> list:
        return sorted(self.derived.items(), key=lambda pv: pv[1][1])

    def derived_paths(self) -> list:
        return [p for p, _ in self._sorted()]

    def listing(self):
        """(sort key, filter key, summary JSON) of every round, in date order."""
        for _, v in self._sorted():
            yield v[1], v[2], _unpacked(v[3])

    def follow_up_rows(self) -> list:
        return [(v[2], v[4]) for _, v in self._sorted() if v[4] is not None]

    def search_rows(self, needle: str):
        for _, v in self._sorted():
            search, folded = v[5:7]
            if folded.__class__ is Packed:  # both texts in one
                search, folded = folded.texts()
            if needle in folded:
                yield v[2], _unpacked(v[3]), search, folded

    def get_state(self, name):
        return self.state.get(name)

    def set_state(self, name, value) -> None:
        self.state[name] = value

    def commit(self) -> None:
        pass

    def release(self) -> None:
        pass


def _guarded(method):
    """Any failure of the database becomes _Restart: the load starts again without it."""

    def wrapper(self, *args):
        try:
            return method(self, *args)
        except _Restart:
            raise
        except Exception as exc:  # noqa: BLE001 - a corrupt or vanished cache only costs speed
            self.discard(remove=not _busy(exc))
            raise _Restart() from exc

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


class SqliteBackend:
    """The cache database: the same operations as MemoryBackend, kept on disk between runs."""

    def __init__(self, path: str) -> None:
        import sqlite3

        self.path = path
        self._lock = None
        folder = os.path.dirname(path)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if os.path.exists(path):
            st = os.stat(path)
            if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
                raise PermissionError("the cache is not private to this user")
        self._lock = _take_turns(path + ".lock")
        try:
            self._connect(sqlite3, path)
        except BaseException:
            self.release()
            raise

    def _connect(self, sqlite3, path: str) -> None:
        self.db = sqlite3.connect(path, isolation_level="DEFERRED", timeout=LOCK_WAIT)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
            self.db.executescript(
                """
                DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS derived; DROP TABLE IF EXISTS state;
                CREATE TABLE files(path TEXT PRIMARY KEY, key BLOB, facts BLOB, record BLOB);
                CREATE TABLE derived(path TEXT PRIMARY KEY, key BLOB, sort TEXT, filt BLOB, summary TEXT, extra BLOB, search TEXT, folded TEXT);
                CREATE INDEX derived_sort ON derived(sort);
                CREATE TABLE state(name TEXT PRIMARY KEY, value BLOB);
                """
            )
            self.db.execute(f"PRAGMA user_version={SCHEMA}")
            self.db.commit()
            os.chmod(path, 0o600)
        self.db.execute("SELECT count(*) FROM state").fetchone()  # a corrupt file fails here

    def discard(self, remove: bool = True) -> None:
        """Stop using the cache; delete it if it is damaged (never when another run is only using it)."""
        try:
            self.db.close()
        except Exception:  # noqa: BLE001
            pass
        if remove:
            try:
                os.unlink(self.path)
            except OSError:
                pass
        self.release()

    def release(self) -> None:
        """Let other runs at the cache: called once this run has finished checking the folder."""
        fd, self._lock = self._lock, None
        if fd is not None:
            os.close(fd)  # closing the file releases its lock

    @_guarded
    def file_keys(self) -> dict:
        return {p: pickle.loads(k) for p, k in self.db.execute("SELECT path, key FROM files")}

    @_guarded
    def put_file(self, path, key, facts, record) -> None:
        self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", (path, _dump(key), _dump(facts), _dump(record)))

    @_guarded
    def delete_files(self, paths) -> None:
        self.db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
        self.db.executemany("DELETE FROM derived WHERE path = ?", [(p,) for p in paths])

    @_guarded
    def all_facts(self) -> list:
        return [pickle.loads(f) for (f,) in self.db.execute("SELECT facts FROM files")]

    @_guarded
    def record(self, path):
        (blob,) = self.db.execute("SELECT record FROM files WHERE path = ?", (path,)).fetchone()
        return pickle.loads(blob)

    @_guarded
    def derived_keys(self) -> dict:
        return {p: pickle.loads(k) for p, k in self.db.execute("SELECT path, key FROM derived")}

    @_guarded
    def put_derived(self, path, key, sort, filt, summary, extra, search, folded) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO derived VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (path, _dump(key), sort, _dump(filt), summary, None if extra is None else _dump(extra), search, folded),
        )

    @_guarded
    def derived_paths(self) -> list:
        return [p for (p,) in self.db.execute("SELECT path FROM derived ORDER BY sort")]

    def listing(self):
        """Streamed: (sort key, filter key, summary JSON) in date order."""
        for sort, filt, summary in self._stream("SELECT sort, filt, summary FROM derived ORDER BY sort"):
            yield sort, pickle.loads(filt), summary

    @_guarded
    def follow_up_rows(self) -> list:
        rows = self.db.execute("SELECT filt, extra FROM derived WHERE extra IS NOT NULL ORDER BY sort")
        return [(pickle.loads(filt), pickle.loads(extra)) for filt, extra in rows]

    def search_rows(self, needle: str):
        """Rounds whose text holds ``needle``, found by SQLite and streamed, never all in memory."""
        query = "SELECT filt, summary, search, folded FROM derived WHERE instr(folded, ?) > 0 ORDER BY sort"
        for filt, summary, search, folded in self._stream(query, (needle,)):
            yield pickle.loads(filt), summary, search, folded

    def _stream(self, query: str, args: tuple = ()):
        try:
            cursor = self.db.execute(query, args)
            while True:
                rows = cursor.fetchmany(256)
                if not rows:
                    return
                yield from rows
        except Exception as exc:  # noqa: BLE001
            self.discard(remove=not _busy(exc))
            raise _Restart() from exc

    @_guarded
    def get_state(self, name):
        row = self.db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return pickle.loads(row[0]) if row else None

    @_guarded
    def set_state(self, name, value) -> None:
        self.db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (name, _dump(value)))

    @_guarded
    def commit(self) -> None:
        self.db.commit()


LOCK_WAIT = 120.0  # seconds a run waits for another that is filling the same cache


class _Busy(Exception):
    """Another run kept the cache for longer than LOCK_WAIT."""


def _busy(exc: BaseException) -> bool:
    """Whether ``exc`` means another run is using the database (which is then left alone)."""
    import sqlite3

    return isinstance(exc, _Busy) or (isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)))


def _take_turns(lock_path: str):
    """An open lock file, locked for this run: concurrent runs fill and read one cache in turn.

    The first run of a cold cache fills it while the others wait, then they read
    what it made instead of each reading every file again. Returns None where
    file locks do not exist; raises _Busy after LOCK_WAIT seconds.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no advisory locks here: SQLite's own locking still applies
        return None
    import time

    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise _Busy() from None
            time.sleep(0.05)
        except OSError:  # a file system without locks: go on as before
            return fd


def cache_dir(environ: Optional[Mapping[str, str]] = None) -> str:
    """The cache folder: TRACKER_CACHE_DIR, else tracker/ in XDG_CACHE_HOME or ~/.cache."""
    environ = os.environ if environ is None else environ
    base = environ.get("TRACKER_CACHE_DIR")
    if base:
        return base
    xdg = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "tracker")


def open_backend(cache_dir: Optional[str], root: str):
    """The cache database for ``root``, or memory when there is no cache or it cannot be used."""
    if cache_dir is None:
        return MemoryBackend()
    try:
        return SqliteBackend(cache_path(cache_dir, root))
    except Exception as exc:  # noqa: BLE001 - corrupt, foreign or unwritable: work without it
        if _busy(exc):  # another run is using it: never delete what it is filling
            return MemoryBackend()
        try:
            os.unlink(cache_path(cache_dir, root))
        except OSError:
            pass
        try:
            return SqliteBackend(cache_path(cache_dir, root))
        except Exception:  # noqa: BLE001
            return MemoryBackend()


class _Restart(TrackerError):
    """The cache failed part-way: the load starts again without it.

    Should it fail after the load, while a command is already writing its
    output, the command ends with this error rather than a partial document.
    """

    status = ExitStatus.DATA_ERROR

    def __init__(self) -> None:
        super().__init__("the cache failed while it was being read; run the command again (or use --no-cache)")


def cache_path(cache_dir: str, root: str) -> str:
    import zlib

    root = os.path.abspath(root)
    name = os.path.basename(root.rstrip(os.sep)) or "root"
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:40]
    return os.path.join(cache_dir, f"{safe}-{zlib.crc32(root.encode('utf-8', 'surrogateescape')):08x}.sqlite")


def file_key(path: str) -> Optional[tuple]:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


STAMP = (SCHEMA, __version__)


class Store:
    """A checked data folder, as the commands read it.

    ``dataset`` gives the full records (rounds are read only when first asked
    for); it is also the dataset's ``index``: ``listing``, ``follow_up_rows`` and
    ``search_rows`` give what the listings need of each round (its summary, as the
    text the cache keeps, its follow-ups and its searchable text) without reading
    the rounds themselves.
    """

    def __init__(self, root: str, backend, meta_parts: dict, round_paths: list):
        self.root = root
        self.backend = backend
        self.round_paths = round_paths
        self.dataset = self.meta_dataset(root, meta_parts, self._load_rounds)
        self.dataset.index = self

    def _load_rounds(self) -> list:
        return [self.backend.record(p) for p in self.round_paths]

    def round(self, round_id: str):
        """One round's full record, read alone: the listings never load every round to show one fact."""
        name = round_id + ".yaml"
        for path in self.round_paths:
            if path.endswith(name) and path[: -len(name)].endswith(("/", "\\")):
                return self.backend.record(path)
        return self.dataset.rounds[round_id]

    @staticmethod
    def meta_dataset(root, parts: dict, rounds):
        from .model import Dataset

        taxonomy = parts.get("Taxonomy", ())
        return Dataset(
            root,
            [p for f in parts.get("Partners", ()) for p in f.partners],
            [t for f in taxonomy for t in f.themes],
            [t for f in taxonomy for t in f.topics],
            [p for f in parts.get("People", ()) for p in f.people],
            parts.get("Dialogue", []),
            rounds,
            parts.get("Document", []),
        )

    @staticmethod
    def put_round(backend, meta, path, key, r) -> None:
        """Compute and keep what the listing commands need of round ``r`` (see ``summary.entry``)."""
        from .summary import entry

        backend.put_derived(path, key, *entry(meta, r))

    def listing(self) -> list[tuple]:
        """(sort key, filter key, summary text) of every round and meeting, in date order."""
        return self.backend.listing()

    def follow_up_rows(self) -> list[tuple]:
        """(filter key, tuple of follow-up ``Evidence``) of every round that has follow-ups."""
        return self.backend.follow_up_rows()

    def search_rows(self, needle: str):
        """(filter key, summary text, searchable text, folded text) of the rounds whose text holds ``needle``."""
        return self.backend.search_rows(needle)
