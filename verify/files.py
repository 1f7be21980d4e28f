"""Output files: checked before any work, written whole or not at all.

A report or a figure goes to a path the user named. :func:`check_output` decides, before any
computation, where the bytes will go and refuses what cannot work; :func:`write_whole` then
writes them:

* a regular file (or a new one) is written to a temporary file in the folder of its final
  target, flushed to disk, then renamed over it, so a reader never sees half a report and a
  full disk leaves the old file intact. A symlink is followed: its target is replaced and the
  link stays a link. A new file gets the mode the umask gives (``0o666 & ~umask``, and any
  default ACL of the folder), as ``open`` would; a replaced file keeps its mode;
* a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is written in
  place: a device node is never replaced by a regular file;
* a directory, a block device, a socket, a missing or unwritable folder is refused.

Errors: ValueError (one line) for a path that cannot be used; OSError, with ``filename`` set
to the path as given, when the system fails while writing (ENOSPC, EIO, EFBIG, ...).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    """Where the bytes for the path ``given`` go."""

    given: str
    #: the file actually written (the final target of a symlink; ``given`` for a device)
    path: str
    #: write in place (a character device or FIFO) instead of a temporary file and a rename
    in_place: bool
    #: identity of the destination, to detect two outputs to one file
    key: tuple[object, ...]


def check_output(path: object, *, label: str | None = None) -> Output:
    """Decide where output for ``path`` goes, or raise ValueError saying why it cannot.

    ``label`` names the path in messages (the command line passes ``"--json r.txt"``);
    by default ``path='...'``. Nothing is created.

    >>> check_output("/dev/null").in_place
    True
    >>> check_output("/no/such/folder/r.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: path='/no/such/folder/r.json' cannot be written: the folder /no/such/folder ...
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path={path!r} must be a file name")
    given = os.fspath(path)
    if not isinstance(given, str) or not given:
        raise ValueError(f"path={given!r} must be a non-empty file name")
    name = label or f"path={given!r}"
    try:
        st: os.stat_result | None = os.stat(given)
    except FileNotFoundError:
        st = None  # a new file, or a symlink to one
    except OSError as exc:  # ELOOP, ENOTDIR, EACCES on a folder on the way, ...
        raise ValueError(f"{name} cannot be used: {exc.strerror}; choose another path") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ValueError(f"{name} is a directory; give a file name")
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        if not os.access(given, os.W_OK):
            raise ValueError(f"{name} is not writable; choose another path")
        return Output(given, given, True, (st.st_dev, st.st_ino))
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "block device" if stat.S_ISBLK(st.st_mode) else "socket"
        raise ValueError(f"{name} is a {kind}, not a file; choose another path")
    target = os.path.realpath(given)
    if _names_a_descriptor(given):
        # /dev/stdout or /dev/fd/N redirected to a file: the shell holds that file open, so
        # it is written in place rather than replaced behind the shell's back.
        if st is None:
            raise ValueError(f"{name} names a closed file descriptor; choose another path")
        return Output(given, given, True, (st.st_dev, st.st_ino))
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise ValueError(f"{name} cannot be written: the folder {folder} does not exist; "
                         "create it or choose another path")
    if not os.access(folder, os.W_OK | os.X_OK) or (st is not None
                                                    and not os.access(target, os.W_OK)):
        raise ValueError(f"{name} is not writable; choose another path")
    return Output(given, target, False, (st.st_dev, st.st_ino) if st else ("new", target))


def _names_a_descriptor(path: str) -> bool:
    """Does ``path`` lead through /proc/<pid>/fd or /dev/fd (as /dev/stdout does)?"""
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on a chain of symlinks
        if current.startswith(("/dev/fd/", "/proc/")):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    return False


def check_outputs(paths: Mapping[str, object]) -> dict[str, Output]:
    """:func:`check_output` for each ``label -> path``, refusing two labels that name one
    file (by device and inode, or by resolved path for files yet to be created)."""
    outputs: dict[str, Output] = {}
    seen: dict[tuple[object, ...], str] = {}
    for label, path in paths.items():
        out = check_output(path, label=label)
        if out.key in seen:
            raise ValueError(f"{seen[out.key]} and {label} are the same file; give each "
                             "output its own path")
        seen[out.key] = label
        outputs[label] = out
    return outputs


def write_whole(path: str | Output, data: str | bytes) -> None:
    """Write ``data`` (text is UTF-8) to ``path``: whole or not at all for a file, in place
    for a character device or FIFO (see the module docstring).

    Raises ValueError if the path cannot be used (as :func:`check_output`), OSError with
    ``filename`` = the path as given if writing fails; a failed write leaves no temporary
    file and the previous file, if any, unchanged.
    """
    out = path if isinstance(path, Output) else check_output(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    try:
        if out.in_place:
            fd = os.open(out.path, os.O_WRONLY | os.O_CLOEXEC)
            try:
                _write_all(fd, payload)
            finally:
                os.close(fd)
        else:
            _replace(out.path, payload)
    except OSError as exc:
        if exc.filename == out.given:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), out.given) from exc


def _replace(target: str, payload: bytes) -> None:
    folder, base = os.path.split(target)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    while True:
        tmp = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.verify-tmp")
        try:
            # 0o666 here, and the kernel applies the umask (and a default ACL), as for open()
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
            break
        except FileExistsError:
            continue
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            _write_all(fd, payload)
            os.fsync(fd)  # ENOSPC / EIO on delayed allocation surface here, before the rename
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]
