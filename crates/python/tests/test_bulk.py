"""The bulk example (examples/bulk.py) at a small size: 1,000 credentials on 2 Dask worker
processes, exact verdict counts, each document fetched once per worker process."""

import json
import subprocess
import sys

from conftest import EXAMPLES


def test_bulk_example_on_two_worker_processes(tmp_path, make_batch):
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "bulk.py"), "--n", "1000", "--workers", "2",
         "--batch", "125", "--cargo-profile", "dev", "--dir", str(tmp_path / "batch"),
         "--timeout-s", "600"],
        capture_output=True, timeout=900, check=False)
    assert out.returncode == 0, out.stderr.decode()[-3000:]
    summary = json.loads(out.stdout)
    assert summary["expected"] == {"valid": 950, "revoked": 50}
    [run] = summary["runs"]
    assert run["workers"] == 2
    assert run["verdicts"] == {"valid": 950, "revoked": 50}
    assert run["mismatches"] == []
    assert run["worker_processes_used"] == 2
    assert len(run["fetches_per_url"]) == 12
    assert set(run["fetches_per_url"].values()) == {2}
