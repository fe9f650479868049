"""Where stages find their parameters (params.yaml) and their data (the models/ folder).

Every stage declares its params as a pydantic model; `load_params` reads that stage's section of
params.yaml (the same file DVC tracks), falling back to the model's defaults when the file or the
section is absent, so `python -m pipeline run` works from any folder.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

P = TypeVar("P", bound=BaseModel)


class StageParams(BaseModel):
    """Base of every stage's params: unknown keys are an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def load_params(path: Path | None, section: str, model: type[P]) -> P:
    """Read `section` of the YAML file at `path` into `model` (defaults if file or section absent)."""
    data: dict[str, Any] = {}
    if path is not None and Path(path).is_file():
        loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        data = loaded.get(section) or {}
    return model.model_validate(data)


@lru_cache(maxsize=None)
def load_lexicon(name: str, models_dir: Path = MODELS_DIR) -> dict[str, Any]:
    """Load `models/<name>.toml` (lexicons and patterns are data, not code)."""
    path = Path(models_dir) / f"{name}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)
