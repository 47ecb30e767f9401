"""`peerline bench` works (its targets are measured, not asserted: README)."""

import os

import pytest

from bot import bench


def test_percentiles_and_memory_readings():
    assert bench.percentile([], 0.95) is None
    assert bench.percentile([float(i) for i in range(1, 101)], 0.95) == 96.0
    assert bench.peak_rss_mb(os.getpid()) > 10


def test_personal_data_scan_names_files_not_secrets(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "bot.log").write_text("call +33 6 12 34 56 78")
    (tmp_path / "pseudonym.key").write_text("+33 6 12 34 56 78")  # never read
    found = bench.personal_data_found(tmp_path, ["nothing", "+33 6 12 34 56 78"])
    assert found == ["logs/bot.log: secret #1"]


@pytest.mark.e2e
def test_a_short_bench_against_the_running_servers(servers):
    result = bench.run(servers.settings, people=3, rate=3, seconds=2, use_running=True)
    assert result["messages_sent"] == 6 and result["messages_answered"] == 6
    assert result["latency_ms"]["p50"] > 0 and result["peak_rss_mb"]["bot"] > 10
    assert result["personal_data_found"] == []
