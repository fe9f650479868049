"""Every Python snippet of README.md runs, in order, against the outputs of the seeds, and prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def python_snippets(markdown: str) -> list[str]:
    """The ```python blocks of a Markdown text, in order."""
    return _BLOCK.findall(markdown)


def test_readme_snippets_run(root: Path, seed_outputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippets = python_snippets((root / "README.md").read_text(encoding="utf-8"))
    assert len(snippets) >= 3
    # the snippets read `outputs/…`, as after `make run` in the project folder
    (tmp_path / "outputs").symlink_to(seed_outputs, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for number, snippet in enumerate(snippets, 1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(snippet, f"README.md python block {number}", "exec"), namespace)
        assert printed.getvalue().strip(), f"README.md python block {number} printed nothing"
