"""The exploration notebook runs against the seed outputs, so it never rots."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient


def test_explore_notebook_executes(root: Path, seed_outputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLONEWS_OUTPUTS", str(seed_outputs))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(root / "notebooks" / "explore.ipynb", as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(root / "notebooks")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", "")) for o in outputs)
    # (the speaker with the most claims heads the speakers table, whatever the corpus holds)
    top = pd.read_parquet(seed_outputs / "claims.parquet").speaker.value_counts().index[0]
    assert top in text and "documents" in text
