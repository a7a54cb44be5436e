from datetime import date

import polars as pl
import pytest


def test_campaign_response_by_segment(sample):
    # Herbst, sent 2025-10-01: A02 and A05 were Z0 on 09-30 (A02's offer came
    #   10-15); nobody responded, so Z0's rate is 0 and no ratio exists.
    # Frühjahr, sent 2026-03-03, segments on 03-02: A07 Z0 (its response on
    #   03-06 does not count), A08 Z0 (listed twice, one recipient), A09 Z0,
    #   A03 Z2, A01 Z4. Responses: A07, A03.
    #   Z0 1 of 3, Z2 1 of 1 (3 times Z0's rate), Z4 0 of 1.
    # Sommer is sent after D: absent.
    rows = sample.campaigns.with_columns(pl.col("segment").cast(pl.String)).rows()
    herbst, fruehjahr = date(2025, 10, 1), date(2026, 3, 3)
    assert rows == [
        ("Herbst", herbst, "Z0", 2, 0, 0.0, None),
        ("Herbst", herbst, "Z1", 0, 0, None, None),
        ("Herbst", herbst, "Z2", 0, 0, None, None),
        ("Herbst", herbst, "Z3", 0, 0, None, None),
        ("Herbst", herbst, "Z4", 0, 0, None, None),
        ("Frühjahr", fruehjahr, "Z0", 3, 1, pytest.approx(1 / 3), 1.0),
        ("Frühjahr", fruehjahr, "Z1", 0, 0, None, None),
        ("Frühjahr", fruehjahr, "Z2", 1, 1, 1.0, pytest.approx(3.0)),
        ("Frühjahr", fruehjahr, "Z3", 0, 0, None, None),
        ("Frühjahr", fruehjahr, "Z4", 1, 0, 0.0, 0.0),
    ]
    assert sample.campaigns.columns == [
        "campaign", "sent_date", "segment", "sent", "responded", "response_rate", "rate_vs_z0",
    ]
