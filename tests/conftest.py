"""Fixtures shared by the tests."""
from pathlib import Path

import pytest
from support.metrics_sample import AS_OF, sample_tables

from salesboard.metrics import Rules, compute_metrics


@pytest.fixture
def input_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def sample():
    """compute_metrics on the hand-checked sample (see support/metrics_sample.py)."""
    return compute_metrics(sample_tables(), AS_OF, Rules())
