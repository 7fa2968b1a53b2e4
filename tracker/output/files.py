"""Writing the files users ask for: atomically, never over an existing file unless forced,
never over anything but a regular file, never into the data folder, and nothing
half-written left behind when interrupted.

Every writer (exports, --svg/--html pictures) goes through ``write_file``, and every
output path is checked by ``check_target``. The path ``-`` means standard output.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..errors import OutputError

if TYPE_CHECKING:
    from typing_extensions import Buffer  # collections.abc has it from Python 3.12

STDOUT = "-"


# ---------------------------------------------------------------- characters an encoding cannot hold

REPLACED = "tracker-counted-replace"  # the error handler of a standard output that cannot hold Chinese
_replaced = [0]


def _count_replaced(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _replaced[0] += exc.end - exc.start
    return "?" * (exc.end - exc.start), exc.end


codecs.register_error(REPLACED, _count_replaced)


def replaced() -> int:
    """How many characters have been written as '?' because the output's encoding cannot hold them."""
    return _replaced[0]


# ---------------------------------------------------------------- every byte written, or an error

def write_all(write: Callable[[memoryview], int | None], data: Buffer) -> int:
    """Give ``data`` to ``write`` (a binary stream's or a descriptor's) until every byte is taken.

    A write may take fewer bytes than it was given (a full disk, a file-size limit, a reader that
    left, a signal): the rest is written on, and the next attempt raises the ``OSError`` that says
    why. A write that takes nothing at all is an error too, never a silent end.
    """
    view = memoryview(data).cast("B")
    done = 0
    while done < len(view):
        n = write(view[done:])
        if n is None or n <= 0:
            raise OSError(errno.EIO, "the output took no more bytes")
        done += n
    return done


class WholeWrites(io.RawIOBase):
    """A file descriptor of which every write writes all its bytes or raises ``OSError``.

    Python's unbuffered streams (``PYTHONUNBUFFERED``) and its text layer pass on or ignore the
    short count of a write, so that output on a nearly full disk would end early without a word;
    standard output is written through this instead. The descriptor is never closed here.
    """

    def __init__(self, fd: int, name: str | int | None = None) -> None:
        super().__init__()
        self._fd = fd
        self.name = fd if name is None else name  # as a file opened on a descriptor names itself

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Buffer) -> int:
        return write_all(self._write_some, data)

    def _write_some(self, view: memoryview) -> int:
        while True:
            try:
                return os.write(self._fd, view)
            except BlockingIOError:  # a non-blocking descriptor that is full: wait until it drains
                import select

                select.select([], [self._fd], [])


class DroppedWrites(WholeWrites):
    """Standard error: a message that cannot be written (a full disk, a reader gone) is dropped,
    and so is every later one, since nothing else could say so; the exit status still tells."""

    failed = False

    def write(self, data: Buffer) -> int:
        if not self.failed:
            try:
                return super().write(data)
            except OSError:
                self.failed = True
        return len(memoryview(data).cast("B"))


def whole_stream(stream: TextIO, raw_class: type[WholeWrites] = WholeWrites) -> TextIO:
    """A standard stream rebuilt over ``WholeWrites`` (or ``DroppedWrites``), with its encoding,
    error handling and buffering kept; the stream itself when it has no descriptor of its own."""
    try:
        fd = stream.fileno()
        stream.flush()
        encoding, errors = stream.encoding, stream.errors
    except (AttributeError, OSError, ValueError):
        return stream
    raw = raw_class(fd, getattr(stream, "name", None))
    write_through = bool(getattr(stream, "write_through", False))
    buffer = raw if write_through else io.BufferedWriter(raw)  # unbuffered stays unbuffered
    return io.TextIOWrapper(buffer, encoding=encoding, errors=errors,
                            line_buffering=bool(getattr(stream, "line_buffering", False)),
                            write_through=write_through)


def devnull_at(fd: int) -> None:
    """Point the descriptor ``fd`` at /dev/null, open or closed before; OSError where impossible."""
    null = os.open(os.devnull, os.O_RDWR)
    if null != fd:
        os.dup2(null, fd)
        os.close(null)


def silence_stdout() -> None:
    """Standard output goes to /dev/null from now on: what is still buffered for it, once it has
    failed, is dropped instead of failing again at exit."""
    try:
        devnull_at(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def stdout_failed(exc: OSError) -> OutputError:
    """The error for standard output that could not be written (a full disk, a device that takes nothing)."""
    return OutputError(f"standard output: cannot write: {exc.strerror or exc}")

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _not_regular(path: str, st: os.stat_result) -> OutputError | None:
    """The error for an existing target that is not a regular file (never written over)."""
    if stat.S_ISDIR(st.st_mode):
        return OutputError(f"{path}: is a folder; give a file name")
    if stat.S_ISREG(st.st_mode):
        return None
    kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
    return OutputError(f"{path}: is {kind}; only a regular file is ever replaced (use - for standard output)")


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def check_target(path: str, *, force: bool, data_dir: str | None, is_dir: bool = False) -> str:
    """The absolute target path (or ``-``), or OutputError saying why it must not be written.

    The one place where output paths are judged: empty paths, the data folder, folders,
    anything but a regular file (device, FIFO, socket, symbolic link), an existing file
    without ``force``, a missing or unwritable parent folder.
    """
    if not path or not path.strip():
        raise OutputError("no output path given")
    if path == STDOUT:
        if is_dir:
            raise OutputError("- (standard output) cannot hold a folder of files; give a folder name")
        return STDOUT
    target = os.path.abspath(os.path.expanduser(path))
    if data_dir and _inside(target, data_dir):
        raise OutputError(f"{path}: will not write into the data folder ({data_dir}); choose another place")
    st = _lstat(target)
    if st is not None and not is_dir:
        problem = _not_regular(path, st)
        if problem:
            raise problem
        if not force:
            raise OutputError(f"{path}: already exists (use --force to replace it)")
    parent = os.path.dirname(target)
    if not os.path.isdir(parent):
        raise OutputError(f"{path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write in {parent} (permission denied)")
    return target


def write_file(path: str, write: Callable[[str], None], *, force: bool, data_dir: str | None,
               stdout: TextIO | None = None) -> str:
    """Have ``write(temp_path)`` produce the file, then move it into place in one step.

    The temporary file sits beside the target, so that the final step is atomic. Without
    ``force`` the target is created exclusively (a hard link, which fails if the name exists),
    so of two runs writing the same new path exactly one succeeds. With ``force`` only a
    regular file is replaced, and it keeps its permissions. On any failure or interruption
    (Ctrl-C, SIGTERM, SIGHUP) the temporary file is removed and the target is left as it was.
    With ``-`` as the path, the finished file is copied to ``stdout`` as bytes.
    """
    target = check_target(path, force=force, data_dir=data_dir)
    if target == STDOUT:
        return _write_stdout(write, stdout)
    folder, name = os.path.split(target)
    tmp = None
    try:
        with _signals_held():  # a signal now would leave the new file unnamed, and behind
            tmp = _temp_file(folder, name)
        write(tmp)
        _sync(tmp)
        _put_in_place(tmp, target, path, force)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def _temp_file(folder: str, name: str) -> str:
    """A new, empty file of our own beside the target (never an existing name or a link)."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    return tmp


class _signals_held:
    """Hold Ctrl-C, SIGTERM and SIGHUP back for a moment: they arrive when the block is done."""

    def __enter__(self):
        import signal

        self.held = None
        if hasattr(signal, "pthread_sigmask"):
            self.held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
        return self

    def __exit__(self, *exc):
        if self.held is not None:
            import signal

            signal.pthread_sigmask(signal.SIG_SETMASK, self.held)
        return False


def _sync(path: str) -> None:
    """Have the file reach the disk before it takes its name: a failure the system reports only
    now (a full disk found when the data is flushed, a network drive gone) is an ``OSError`` here,
    never a short file under the name."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _put_in_place(tmp: str, target: str, path: str, force: bool) -> None:
    st = _lstat(target)
    if st is not None:
        problem = _not_regular(path, st)
        if problem:  # appeared while we were writing
            raise problem
        if not force:
            raise OutputError(f"{path}: already exists (use --force to replace it)")
        os.chmod(tmp, stat.S_IMODE(st.st_mode) & 0o777)  # its permissions, never set-user or set-group-ID
        os.replace(tmp, target)
        return
    os.chmod(tmp, 0o666 & ~_umask())
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)  # fails if the name exists, whoever made it
    except FileExistsError:
        raise OutputError(f"{path}: already exists (use --force to replace it)") from None
    except OSError:  # a file system without hard links: claim the name, then fill it
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        except FileExistsError:
            raise OutputError(f"{path}: already exists (use --force to replace it)") from None
        os.replace(tmp, target)
        return
    _remove(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _to_stdout(stdout: TextIO | None, chunks) -> str:
    """Write bytes to standard output (the text written so far flushed first), every byte of
    them or an error: a reader that went away ends the command as a closed pipe, a full disk
    as an output error."""
    from ..errors import PipeClosed

    stream = stdout if stdout is not None else sys.stdout
    try:
        stream.flush()
        out = stream.buffer
        for chunk in chunks:
            write_all(out.write, chunk)
        out.flush()
    except BrokenPipeError:
        raise PipeClosed() from None
    except OSError as exc:
        raise stdout_failed(exc) from None
    return STDOUT


def _write_stdout(write: Callable[[str], None], stdout: TextIO | None) -> str:
    """Build the file in a private temporary folder, then copy it to standard output."""
    import shutil
    import tempfile

    folder = None
    try:
        with _signals_held():
            folder = tempfile.mkdtemp(prefix="tracker-")
        tmp = os.path.join(folder, "out")
        write(tmp)
        with open(tmp, "rb") as fh:
            return _to_stdout(stdout, iter(lambda: fh.read(1 << 16), b""))
    except OSError as exc:  # a full temporary folder; standard output's own failures are named by now
        raise OutputError(f"-: cannot write: {exc.strerror or exc} (in the temporary folder "
                          f"{tempfile.gettempdir()})") from None
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def write_bytes(path: str, data: bytes, *, force: bool, data_dir: str | None,
                stdout: TextIO | None = None) -> str:
    if path == STDOUT:  # no temporary file needed: the content is whole already
        return _to_stdout(stdout, [data])

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            write_all(fh.write, data)

    return write_file(path, write, force=force, data_dir=data_dir, stdout=stdout)


def write_text(path: str, text: str, *, force: bool, data_dir: str | None, encoding: str = "utf-8",
               stdout: TextIO | None = None) -> str:
    return write_bytes(path, text.encode(encoding), force=force, data_dir=data_dir, stdout=stdout)


def _remove(path: str | None) -> None:
    if path is None:
        return
    for name in (path, path + "-journal", path + "-wal", path + "-shm"):
        try:
            os.unlink(name)
        except OSError:
            pass


def write_folder(path: str, files: dict[str, Callable[[str], None]], *, force: bool, data_dir: str | None) -> str:
    """Write several files into folder ``path``: a new folder appears whole, in one rename;
    into an existing folder each file is written atomically, and none is replaced unless forced.

    Every name is judged before a byte is written, so that a name that must not be replaced (a
    named pipe, a link) stops the command before anything has changed. A folder given through a
    symbolic link is not written through. The temporary folder is always a new one of this run's,
    and only it is ever removed.
    """
    import shutil
    import tempfile

    target = check_target(path, force=force, data_dir=data_dir, is_dir=True)
    st = _lstat(target)
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise OutputError(f"{path}: is a symbolic link; give the folder itself, which is never reached through a link")
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{path}: is a file, not a folder")
    if st is not None:
        clashes = [name for name in files if os.path.lexists(os.path.join(target, name))]
        if clashes and not force:
            raise OutputError(f"{path}: already holds {', '.join(sorted(clashes))} (use --force to replace them)")
        for name in files:  # all judged first: nothing is written when one of them may not be
            check_target(os.path.join(target, name), force=True, data_dir=data_dir)
        for name, write in files.items():
            write_file(os.path.join(target, name), write, force=True, data_dir=data_dir)
        return target
    tmp = None
    try:
        with _signals_held():  # a signal now would leave the new folder behind
            tmp = tempfile.mkdtemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target))
        for name, write in files.items():
            write(os.path.join(tmp, name))
            _sync(os.path.join(tmp, name))
        os.chmod(tmp, 0o777 & ~_umask())  # a folder as mkdir would make it, not mkdtemp's private one
        os.rename(tmp, target)  # fails if another run made the folder meanwhile and filled it
    except OSError as exc:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        if os.path.isdir(target):
            raise OutputError(f"{path}: already exists (use --force to write into it)") from None
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
