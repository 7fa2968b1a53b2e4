"""Writing the files users ask for: atomically, never over an existing file unless forced,
never into the data folder, and nothing half-written left behind when interrupted.

Every writer (exports, --svg/--html pictures) goes through ``write_file``.
"""

from __future__ import annotations

import os
from typing import Callable, Optional

from .errors import OutputError


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_target(path: str, *, force: bool, data_dir: Optional[str], is_dir: bool = False) -> str:
    """The absolute target path, or OutputError saying why it must not be written."""
    if not path or not path.strip():
        raise OutputError("no output path given")
    target = os.path.abspath(os.path.expanduser(path))
    if data_dir and _inside(target, data_dir):
        raise OutputError(f"{path}: will not write into the data folder ({data_dir}); choose another place")
    if os.path.isdir(target) and not is_dir:
        raise OutputError(f"{path}: is a folder; give a file name")
    if os.path.lexists(target) and not is_dir and not force:
        raise OutputError(f"{path}: already exists (use --force to replace it)")
    parent = os.path.dirname(target)
    if not os.path.isdir(parent):
        raise OutputError(f"{path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write in {parent} (permission denied)")
    return target


def write_file(path: str, write: Callable[[str], None], *, force: bool, data_dir: Optional[str]) -> str:
    """Have ``write(temp_path)`` produce the file, then move it into place in one step.

    The temporary file sits beside the target, so the final rename is atomic; on
    any failure or interruption it is removed and the target is left as it was.
    """
    target = check_target(path, force=force, data_dir=data_dir)
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        if os.path.lexists(target) and not force:  # appeared while we were writing
            raise OutputError(f"{path}: already exists (use --force to replace it)")
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _remove(tmp)
        raise
    return target


def write_text(path: str, text: str, *, force: bool, data_dir: Optional[str], encoding: str = "utf-8") -> str:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding=encoding, newline="") as fh:
            fh.write(text)

    return write_file(path, write, force=force, data_dir=data_dir)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_folder(path: str, files: dict[str, Callable[[str], None]], *, force: bool, data_dir: Optional[str]) -> str:
    """Write several files into folder ``path``: a new folder appears whole, in one rename;
    into an existing folder each file is written atomically, and none is replaced unless forced."""
    import shutil

    if not path or not path.strip():
        raise OutputError("no output folder given")
    target = os.path.abspath(os.path.expanduser(path))
    if data_dir and _inside(target, data_dir):
        raise OutputError(f"{path}: will not write into the data folder ({data_dir}); choose another place")
    if os.path.exists(target) and not os.path.isdir(target):
        raise OutputError(f"{path}: is a file, not a folder")
    if os.path.isdir(target):
        clashes = [name for name in files if os.path.lexists(os.path.join(target, name))]
        if clashes and not force:
            raise OutputError(f"{path}: already holds {', '.join(sorted(clashes))} (use --force to replace them)")
        for name, write in files.items():
            write_file(os.path.join(target, name), write, force=True, data_dir=data_dir)
        return target
    parent = os.path.dirname(target)
    if not os.path.isdir(parent):
        raise OutputError(f"{path}: the folder {parent} does not exist")
    tmp = os.path.join(parent, f".{os.path.basename(target)}.{os.getpid()}.tmp")
    try:
        os.mkdir(tmp)
        for name, write in files.items():
            write(os.path.join(tmp, name))
        os.rename(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target
