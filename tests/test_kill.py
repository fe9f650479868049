"""A run killed mid-way (SIGKILL: no cleanup code runs) and run again gives exactly a clean run's outputs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["000_c7db8af3aeacf961.txt", "002_c087b96dd3375be9.txt", "dev/un_fr_01.txt"]


def _run(input_dir: Path, output: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--input", str(input_dir), "--output", str(output)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _files(folder: Path) -> list[str]:
    """Every file under `folder` (tables, shards, temporaries), as paths relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _kill_mid_write(proc: subprocess.Popen[str], output: Path, timeout: float = 120) -> list[str]:
    """SIGKILL `proc` while a table or shard is being written after the first stage's; return what it left."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        names = _files(output)
        # past the clean stage, while a later table or shard is half written (or, failing that, any is)
        if "documents.parquet" in names and any(n.endswith(".tmp") for n in names):
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    return _files(output)


def test_killed_run_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for name in FILES:
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "seeds" / name, inputs / name)
    fresh, out = tmp_path / "fresh", tmp_path / "out"
    reference = _run(inputs, fresh)  # alongside, to keep the test short
    left = _kill_mid_write(_run(inputs, out), out)
    reference_err = reference.communicate(timeout=300)[1]
    assert reference.returncode == 0, reference_err

    again = _run(inputs, out)
    err = again.communicate(timeout=300)[1]
    assert again.returncode == 0, (left, err)
    tables = _files(fresh)
    assert _files(out) == tables, left  # no .tmp or other debris, in the tables' folder or the shards'
    for name in tables:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
