"""What to tell the user when the operating system refuses to write the site: the path and what to do."""
from __future__ import annotations

import errno
import re
from pathlib import Path

from salesboard.errors import OutputError

_HINTS = {
    errno.ENOSPC: ("the drive is full", "free some space on it, or choose another --output folder"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or ask for a larger quota"),
    errno.EROFS: ("the drive is read-only", "choose an --output folder on a drive that can be written"),
    errno.EFBIG: ("a file grew beyond the size this system allows",
                  "raise the file-size limit (ulimit -f) of the account running the build"),
    errno.EACCES: ("permission denied", "give the account running the build write access to the output folder, "
                                        "or close the program that holds the file"),
    errno.EPERM: ("the operation is not permitted (the file may be locked or marked immutable)",
                  "close the program that holds the file, or remove the lock"),
    errno.ENOTDIR: ("a part of this path is a file, not a folder", "name a folder with --output"),
    errno.EEXIST: ("this is a file, not a folder", "name a folder with --output"),
}


def output_error(error: OSError, output_dir: Path) -> OutputError:
    """`error` as an OutputError naming the path it concerns (the output folder when it names none)."""
    path = error.filename or output_dir
    # Polars reports the system's error in its text only: "No space left on device (os error 28)".
    number = error.errno or int((re.search(r"\(os error (\d+)\)", str(error)) or [0, 0])[1])
    if number == errno.EEXIST and Path(path).is_dir():
        reason, hint = "it exists already", "remove it, it is left over from a stopped build"
    else:
        reason, hint = _HINTS.get(number, (error.strerror or str(error), "check the output folder"))
    if Path(output_dir).exists() and not Path(output_dir).is_dir():
        path, (reason, hint) = output_dir, _HINTS[errno.EEXIST]
    return OutputError(str(path), reason, hint)
