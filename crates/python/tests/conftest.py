"""Shared by the Python tests: the repository's paths, the CLI binary and make_batch."""

import pathlib
import subprocess
import sys

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "crates" / "python" / "examples"
sys.path.insert(0, str(EXAMPLES))


def cargo_build(*args):
    """Builds with cargo (a no-op when `cargo test --workspace` already built it)."""
    subprocess.run(["cargo", "build", "--quiet", *args], cwd=REPO, check=True)


@pytest.fixture(scope="session")
def cli():
    cargo_build("-p", "badge-verify", "--bin", "badge-verify")
    return REPO / "target" / "debug" / "badge-verify"


@pytest.fixture(scope="session")
def make_batch():
    """Runs crates/python/examples/make_batch.rs (dev profile) into `out` for URLs at `base`."""
    cargo_build("-p", "badge-verifier-py", "--example", "make_batch")
    exe = REPO / "target" / "debug" / "examples" / "make_batch"

    def run(out, base, n):
        subprocess.run([str(exe), "--out", str(out), "--base", base, "--n", str(n)], check=True)
        import json
        return json.loads((out / "manifest.json").read_text())

    return run
