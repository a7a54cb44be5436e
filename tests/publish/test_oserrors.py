"""What the operating system's refusals become: the path and what to do."""
import errno
from pathlib import Path

from salesboard.publish.oserrors import output_error


def test_each_refusal_names_its_path_and_what_to_do(tmp_path):
    quota = output_error(OSError(errno.EDQUOT, "Disk quota exceeded", str(tmp_path / "a")), tmp_path, "en")
    assert str(quota) == (f"{tmp_path / 'a'}: the disk quota is used up; free some space, or ask for a larger "
                          "quota; the previous site is left as it was")
    quota = output_error(OSError(errno.EDQUOT, "Disk quota exceeded", str(tmp_path / "a")), tmp_path, "de")
    assert str(quota) == (f"{tmp_path / 'a'}: das Speicherkontingent ist aufgebraucht; Platz schaffen oder ein "
                          "größeres Kontingent erbitten; die bisherige Seite bleibt, wie sie war")
    # Polars gives the system's error in its text only.
    full = output_error(OSError("No space left on device (os error 28)"), tmp_path, "en")
    assert (full.path, full.reason) == (str(tmp_path), "the drive is full")
    odd = output_error(OSError(errno.EIO, "Input/output error", "x"), Path("site"), "en")
    assert (odd.path, odd.reason, odd.hint) == ("x", "Input/output error", "check the output folder")
