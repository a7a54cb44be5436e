"""What to tell the user when the operating system refuses to write the site: the path and what to do."""
from __future__ import annotations

import errno
import re
from pathlib import Path

from salesboard.errors import OutputError
from salesboard.site.texts import say

# The words of what the system said (their text keys, salesboard.site.texts) and of what to do about it.
_HINTS = {
    errno.ENOSPC: ("output.full", "output.full.hint"),
    errno.EDQUOT: ("output.quota", "output.quota.hint"),
    errno.EROFS: ("output.read_only", "output.read_only.hint"),
    errno.EFBIG: ("output.too_big", "output.too_big.hint"),
    errno.EACCES: ("output.denied", "output.denied.hint"),
    errno.EPERM: ("output.not_permitted", "output.not_permitted.hint"),
    errno.ENOTDIR: ("output.not_folder", "output.name_folder.hint"),
    errno.EEXIST: ("output.is_file", "output.name_folder.hint"),
}


def output_error(error: OSError, output_dir: Path, language: str = "de") -> OutputError:
    """`error` as an OutputError naming the path it concerns (the output folder when it names none), in
    `language`."""
    path = error.filename or output_dir
    # Polars reports the system's error in its text only: "No space left on device (os error 28)".
    number = error.errno or int((re.search(r"\(os error (\d+)\)", str(error)) or [0, 0])[1])
    if number == errno.EEXIST and Path(path).is_dir():
        reason, hint = say("output.left_over", language), say("output.left_over.hint", language)
    elif number in _HINTS:
        reason, hint = (say(key, language) for key in _HINTS[number])
    else:
        reason, hint = error.strerror or str(error), say("output.other.hint", language)
    if Path(output_dir).exists() and not Path(output_dir).is_dir():
        path, (reason, hint) = output_dir, (say(key, language) for key in _HINTS[errno.EEXIST])
    return OutputError(str(path), reason, hint, say("output.message", language, path=path, reason=reason, hint=hint))
