"""Whether the input folder can be listed and gives anything to build, and if not, why — sheet by sheet, in the
site's language."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from salesboard.config import Settings
from salesboard.errors import BuildError
from salesboard.input.discover import discover_workbooks
from salesboard.quality import Problem, word
from salesboard.site.texts import say

if TYPE_CHECKING:  # read_input lists the folder here first
    from salesboard.input.read import ReadResult

# Problems that say why a whole file, sheet or table gave no rows.
_WHY_NOTHING = ("file.", "sheet.", "rejected.")


def workbooks_to_read(settings: Settings) -> list[Path]:
    """The workbooks of the input folder. A folder gone or unreadable since the command line looked (a network
    drive that dropped, permissions changed) stops the build before anything is written, naming that folder."""
    language, folder = settings.language, settings.input_dir
    try:
        return discover_workbooks(folder)
    except OSError as error:
        gone = isinstance(error, (FileNotFoundError, NotADirectoryError))
        problem = (say("settings.no_input", language, path=folder) if gone
                   else say("input.folder_unreadable", language, path=folder, reason=error.strerror or error))
        raise BuildError(f"{problem}; {_what_stays(settings)}") from error


def require_usable_input(read: ReadResult, settings: Settings) -> None:
    """Stop before anything is written when no table has a row (listing every sheet with what it looked
    like and what it lacks), or, with --strict, on any error or warning."""
    language = settings.language
    if not any(sheet.kind and sheet.rows for sheet in read.sheets):
        lines = [word("nothing.files" if read.files else "nothing.no_files", language,
                      {"count": len(read.files)})]
        lines += [f"  - {problem.text(language)}" for problem in read.problems if _says_why(problem)]
        lines += [f"  - {word('nothing.sheet_without_rows', language, {'where': _where(sheet, language)})}"
                  for sheet in read.sheets if sheet.kind and not sheet.rows and not _explained(sheet, read)]
        lines.append(_what_stays(settings))
        raise BuildError("\n".join(lines))
    serious = [problem for problem in read.problems if problem.severity != "notice"]
    if settings.strict and serious:
        raise BuildError(word("nothing.strict", language, {"count": len(serious),
                                                           "first": serious[0].text(language),
                                                           "kept": _what_stays(settings)}))


def _what_stays(settings: Settings) -> str:
    """"the previous site is left as it was" only when there is one."""
    from salesboard.publish.swap import current_build

    kept = current_build(settings.output_dir) is not None
    return word("nothing.left_as_it_was" if kept else "nothing.no_site", settings.language)


def _says_why(problem: Problem) -> bool:
    return problem.severity != "notice" and problem.message.startswith(_WHY_NOTHING)


def _explained(sheet, read: ReadResult) -> bool:
    return any(_says_why(problem) and problem.file == sheet.file and problem.sheet == sheet.sheet
               for problem in read.problems)


def _where(sheet, language: str) -> str:
    return Problem("notice", sheet.file, sheet.sheet, "", "", "").location(language)
