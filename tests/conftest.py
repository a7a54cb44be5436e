"""Fixtures shared by the tests."""
from pathlib import Path

import pytest


@pytest.fixture
def input_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    return folder
