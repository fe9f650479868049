"""Where stages find their parameters (params.yaml) and their data (the models/ folder).

Every stage declares its params as a pydantic model (a `StageParams`); params.yaml has one
section per stage (the same file DVC tracks). The whole file is checked before any stage runs
(`read_params`, `validate_params`, `check_languages`): every section against its stage's model,
unknown sections and keys are errors, and every configured language needs an installed model.
An absent section means that stage's defaults; the default params.yaml being absent means all
defaults, so `python -m pipeline run` works from any folder; a params file named explicitly must exist.
"""

from __future__ import annotations

import importlib.util
import tomllib
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError



def default_models_dir() -> Path:
    """The lexicons folder: the copy installed inside the `diplonews` package (`pip install .`),
    else `models/` at the root of the source tree (a checkout or an editable install)."""
    # find_spec locates the package without importing it: diplonews imports this module.
    spec = importlib.util.find_spec("diplonews")
    for location in (spec.submodule_search_locations or []) if spec else []:
        installed = Path(location) / "models"
        if (installed / "countries.toml").is_file():
            return installed
    return Path(__file__).resolve().parent.parent / "models"


MODELS_DIR = default_models_dir()
DEFAULT_PARAMS = Path("params.yaml")


class StageParams(BaseModel):
    """Base of every stage's params: unknown keys are an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ParamsError(ValueError):
    """A problem in the params file, told in one line naming the file and the key."""

    def __init__(self, path: Path | str, key: str | None, problem: str):
        self.path, self.key, self.problem = str(path), key, problem
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")


def read_params(path: Path | None) -> tuple[Path, dict[str, Any]]:
    """The params file as a mapping of sections: `path` must exist; None means params.yaml if present."""
    if path is None:
        path = DEFAULT_PARAMS
        if not path.is_file():
            return path, {}
    elif not Path(path).is_file():
        raise ParamsError(path, None, "params file not found" if not Path(path).exists() else "not a file")
    try:
        with Path(path).open(encoding="utf-8") as fh:
            loaded = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise ParamsError(path, None, yaml_problem(exc)) from exc
    except UnicodeDecodeError as exc:
        raise ParamsError(path, None, f"not UTF-8 text (byte {exc.start})") from exc
    if loaded is None:
        return Path(path), {}
    if not isinstance(loaded, dict):
        raise ParamsError(path, None, f"not a mapping of sections (found a {_yaml_type(loaded)})")
    return Path(path), loaded


def yaml_problem(exc: yaml.YAMLError) -> str:
    """A YAML error in a few words, with its 1-based line and column when known."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return "not valid YAML"
    return f"not valid YAML (line {mark.line + 1}, column {mark.column + 1})"


def _yaml_type(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(type(value), type(value).__name__)


def validation_problem(exc: ValidationError, prefix: str = "") -> tuple[str, str]:
    """The first problem of a pydantic error as (dotted key, message); the count of others is added."""
    first = exc.errors()[0]
    key = ".".join(str(part) for part in (prefix, *first["loc"]) if part != "")
    message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    if exc.error_count() > 1:
        message += f" (and {exc.error_count() - 1} more problems)"
    return key, message


def validate_params(path: Path | str, data: Mapping[str, Any], sections: Mapping[str, type[StageParams]]) -> dict[str, StageParams]:
    """Every section of `data` checked against its stage's model → the params of every stage.

    Unknown sections and keys are errors (a typo would otherwise silently give a default).
    """
    for name in data:
        if name not in sections:
            raise ParamsError(path, str(name), f"unknown section (the sections are {', '.join(sections)})")
    out: dict[str, StageParams] = {}
    for name, model in sections.items():
        section = data.get(name)
        if section is None:
            section = {}
        if not isinstance(section, dict):
            raise ParamsError(path, name, f"should be a mapping of keys, not a {_yaml_type(section)}")
        try:
            out[name] = model.model_validate(section)
        except ValidationError as exc:
            raise ParamsError(path, *validation_problem(exc, name)) from exc
    return out


def spacy_model_installed(name: str) -> bool:
    """Is `name` an installed spaCy package (or a model folder)? Nothing is loaded."""
    import spacy.util

    return spacy.util.is_package(name) or Path(name).is_dir()


def check_languages(
    path: Path | str,
    params: Mapping[str, BaseModel],
    supported: Iterable[str],
    installed: Callable[[str], bool] = spacy_model_installed,
) -> None:
    """Every language the clean stage accepts, and every language the ner and claims stages load
    (`supported`: those the lexicons cover), has a configured and installed model."""
    supported = sorted(supported)
    clean, ner, claims = params["clean"], params["ner"], params["claims"]
    backends: dict[str, str] = dict(ner.backend)  # type: ignore[attr-defined]
    ner_models: dict[str, str] = dict(ner.spacy_models)  # type: ignore[attr-defined]
    claims_models: dict[str, str] = dict(claims.spacy_models)  # type: ignore[attr-defined]
    for lang, backend in sorted(backends.items()):
        if backend not in ("spacy", "stanza"):
            raise ParamsError(path, f"ner.backend.{lang}", f"unknown backend {backend!r} (use spacy or stanza)")
    ner_spacy = sorted({*supported, *backends} - {lang for lang, b in backends.items() if b == "stanza"})
    for section, models, needed in (("ner", ner_models, ner_spacy), ("claims", claims_models, supported)):
        for lang in needed:
            if lang not in models:
                raise ParamsError(path, f"{section}.spacy_models", f"no model for {lang!r} (every run needs {', '.join(needed)})")
        for lang in needed:
            if not installed(models[lang]):
                raise ParamsError(
                    path, f"{section}.spacy_models.{lang}",
                    f"spaCy model {models[lang]!r} is not installed (run `make setup`, or name an installed one)",
                )
    for lang in clean.languages:  # type: ignore[attr-defined]
        if backends.get(lang, "spacy") == "spacy" and lang not in ner_models:
            raise ParamsError(path, "clean.languages", f"no model configured for {lang!r} (ner.spacy_models has {_listing(ner_models)})")
        if lang not in claims_models:
            raise ParamsError(path, "clean.languages", f"no model configured for {lang!r} (claims.spacy_models has {_listing(claims_models)})")
        if lang not in supported:
            raise ParamsError(path, "clean.languages", f"no lexicons for {lang!r} (models/ has {', '.join(supported)})")
    if "stanza" in backends.values():
        import importlib.util

        if importlib.util.find_spec("stanza") is None:
            lang = next(lang for lang, b in sorted(backends.items()) if b == "stanza")
            raise ParamsError(path, f"ner.backend.{lang}", "stanza is not installed (run `make stanza-setup`)")


def _listing(models: Mapping[str, str]) -> str:
    return ", ".join(sorted(models)) or "none"


@lru_cache(maxsize=None)
def load_lexicon(name: str, models_dir: Path = MODELS_DIR) -> dict[str, Any]:
    """Load `models/<name>.toml` (lexicons and patterns are data, not code)."""
    path = Path(models_dir) / f"{name}.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)

