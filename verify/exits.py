"""Exit codes and the one-line error of the CLI contract (DESIGN.md, "The CLI contract").

:func:`classify` maps an exception to its exit code and the one line ``verify`` prints: bad
input 2 (usage errors, ValueError, TypeError, an OSError on a path -- named, with the system's
reason and a remedy -- and MemoryError), anything else 4 ("this is a bug in verify"). A library
message that names a parameter with the value the user typed (``digits=900``) gains the option
that set it (:func:`cli_words`): the library does not know the command line's words.
Standard library only, so ``verify --help`` stays fast.

>>> classify(ValueError("digits=0 must be from 1 to 800"))[0]
2
>>> classify(AssertionError("x"))[0]
4
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
import traceback
from typing import Any

EXIT_OK, EXIT_REFUTED, EXIT_USAGE, EXIT_INCONCLUSIVE, EXIT_BUG = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad input from the command line: one line on stderr, exit code 2."""


def report(exc: BaseException, debug: bool, args: argparse.Namespace | None = None) -> int:
    """Print ``exc`` as one line (after its traceback with ``--debug``); its exit code."""
    code, line = classify(exc, args)
    if isinstance(exc, BrokenPipeError):
        drop_stdout()
    try:
        if debug:
            traceback.print_exception(exc, file=sys.stderr)
        print(line, file=sys.stderr, flush=True)
    except OSError:  # stderr is the same closed pipe: nobody can read the line; keep the code
        _drop_stream(sys.stderr)
    return code


def classify(exc: BaseException, args: argparse.Namespace | None = None) -> tuple[int, str]:
    if isinstance(exc, UsageError):
        return EXIT_USAGE, f"verify: error: {one_line(str(exc))}"
    if isinstance(exc, ValueError | TypeError):
        return EXIT_USAGE, f"verify: error: {one_line(cli_words(str(exc), args))}"
    if isinstance(exc, OSError):
        return EXIT_USAGE, f"verify: error: {_os_error(exc)}"
    if isinstance(exc, MemoryError):
        detail = f" ({one_line(str(exc))})" if str(exc) else ""
        return EXIT_USAGE, (f"verify: error: out of memory{detail}; ask for something smaller "
                            "(fewer degrees, samples, members or digits) or use a machine with "
                            "more memory")
    message = one_line(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    return EXIT_BUG, (f"verify: this is a bug in verify: {message} (run with --debug for the "
                      "traceback)")


#: Library parameter names whose command-line option has another name (else: the same name).
_OPTION_OF = {"d": "dim", "r": "radius", "n_samples": "samples", "mc_samples": "samples",
              "half_width": "rounded"}
#: Destinations that are positional arguments or sub-commands, not options.
_POSITIONAL = {"command", "kind", "what", "target"}
_NAMED_VALUE = re.compile(r"(?<![\w.\[])([a-z_]+)=('[^']*'|[^\s,;:()]+)")


def cli_words(message: str, args: argparse.Namespace | None) -> str:
    """``message`` with the command-line options that set the parameters it names appended:
    a ``name=value`` whose value is what the user gave to an option of this command (by its
    own name or ``_OPTION_OF``) gains ``(on the command line: --option value)``, and a switch
    the user gave that the message names as a word (``rounded``) gains ``--rounded``. Nothing
    is added for a parameter the user did not set to that value (a library's internal call).
    """
    if args is None:
        return message
    flags = []
    for name, value in _NAMED_VALUE.findall(message):
        dest = _OPTION_OF.get(name, name)
        if dest in _POSITIONAL or not hasattr(args, dest) or (
                dest == "activation" and args.command not in ("family", "plot")):
            continue
        given, flag = getattr(args, dest), "--" + dest.replace("_", "-")
        if flag in message or given is None or given is False:
            continue
        if given is True:
            flags.append(flag)
        elif value.strip("'") == str(given):
            flags.append(f"{flag} {given}")
    for dest, given in vars(args).items():  # a switch named as a word: "... as rounded"
        flag = "--" + dest.replace("_", "-")
        if given is True and flag not in message and re.search(rf"\b{dest}\b", message):
            flags.append(flag)
    if not flags:
        return message
    return f"{message} (on the command line: {', '.join(dict.fromkeys(flags))})"


def one_line(text: str, limit: int = 1000) -> str:
    line = " ".join(text.splitlines())
    return line if len(line) <= limit else line[:limit] + "..."


_OS_REMEDIES = {
    **dict.fromkeys((errno.ENOSPC, errno.EDQUOT), "free some space or choose another place"),
    errno.EFBIG: "the file system refuses a file this large; choose another place",
    errno.EIO: "the device failed; check it or choose another place",
    **dict.fromkeys((errno.EACCES, errno.EPERM), "check the permissions or choose another path"),
    errno.EROFS: "the file system is read-only; choose another path",
    **dict.fromkeys((errno.ENOENT, errno.ENOTDIR), "check the path"),
    errno.EISDIR: "give a file name, not a directory",
    errno.EPIPE: "the reader of the output went away",
}


def _os_error(exc: OSError) -> str:
    """``PATH: reason [ECODE]; remedy`` for an OSError (``standard output`` when unnamed)."""
    where = exc.filename if exc.filename is not None else (
        "standard output" if isinstance(exc, BrokenPipeError) else None)
    reason = exc.strerror or str(exc)
    code = errno.errorcode.get(exc.errno, "") if exc.errno is not None else ""
    text = f"{where}: {reason}" if where is not None else reason
    if code:
        text += f" [{code}]"
    remedy = _OS_REMEDIES.get(exc.errno) if exc.errno is not None else None
    return one_line(f"{text}; {remedy}" if remedy else text)


def drop_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the flush at exit cannot fail again."""
    _drop_stream(sys.stdout)


def _drop_stream(stream: Any) -> None:
    """Point ``stream``'s file descriptor at /dev/null (its reader went away)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will flush to the pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
