"""Shared fixtures: paths of the repository, the seeds and the bad-input fixture folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def bad_inputs_dir() -> Path:
    return Path(__file__).resolve().parent / "fixtures" / "inputs"


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m pipeline run` on the seeds, once per test session (read-only for the tests)."""
    out = tmp_path_factory.mktemp("seed-outputs")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(ROOT / "seeds"), "--output", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return out
