import pytest
from metrics_sample import AS_OF, sample_tables

from salesboard.metrics import Rules, compute_metrics


@pytest.fixture(scope="module")
def sample():
    """compute_metrics on the hand-checked sample (see metrics_sample.py)."""
    return compute_metrics(sample_tables(), AS_OF, Rules())
