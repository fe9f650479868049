"""Shared fixtures: paths of the repository, the seeds and the bad-input fixture folder."""

from __future__ import annotations

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
