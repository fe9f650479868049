"""stanza as a NER backend (`ner.backend: {fr: stanza}` or `python -m pipeline run --backend stanza`).

stanza runs its own tokenizer and NER model from a local models folder (`ner.stanza_models_dir`)
and never touches the network: `make stanza-models` trains small models into that folder, or
with `DOWNLOAD=1` fetches stanza's official ones. Its entity offsets and labels become the same
`RawSpan`s the spaCy backend gives, and a blank spaCy tokenizer provides the tokens the lexicon
matcher needs, so everything after the model is shared.

stanza (and torch) are an optional extra, imported only when this backend is loaded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc

from pipeline.config import MODELS_DIR
from pipeline.ner import NerParams, RawSpan

ROOT = MODELS_DIR.parent
SETUP_HINT = "run `make stanza-models` (or `make stanza-models DOWNLOAD=1` for stanza's official models, with network access)"


class StanzaModelsError(RuntimeError):
    """The models folder is missing, incomplete or lacks the language."""


def models_dir(params: NerParams) -> Path:
    """`ner.stanza_models_dir` as a path: absolute as given; relative to the current folder if it
    exists there, else to the project folder (where params.yaml and models/ are)."""
    path = Path(params.stanza_models_dir)
    if path.is_absolute() or path.exists():
        return path.resolve()
    return ROOT / path


def missing_files(folder: Path, lang: str) -> list[str]:
    """What `stanza.Pipeline(lang, processors='tokenize,ner', dir=folder)` would need and not find.

    Resolved with stanza's own functions from the folder's resources.json, so that trained and
    official models (with their multi-word-token expander, vectors, character models) are both
    checked. An empty list means complete.
    """
    from stanza.resources.common import add_dependencies, flatten_processor_list, maintain_processor_list

    resources_path = folder / "resources.json"
    if not resources_path.is_file():
        return ["resources.json"]
    resources = json.loads(resources_path.read_text(encoding="utf-8"))
    resources_lang = lang
    while isinstance(resources.get(resources_lang), dict) and "alias" in resources[resources_lang]:
        resources_lang = resources[resources_lang]["alias"]
    if not isinstance(resources.get(resources_lang), dict):
        return [f"{lang} in resources.json"]
    processors = {"tokenize": "default", "ner": "default"}
    load_list = maintain_processor_list(resources, resources_lang, None, processors)
    found = {name for name, _ in load_list}
    missing = [f"{name} in resources.json" for name in processors if name not in found]
    for processor, package in flatten_processor_list(add_dependencies(resources, resources_lang, load_list)):
        path = folder / resources_lang / processor / f"{package}.pt"
        if not path.is_file():
            missing.append(str(path.relative_to(folder)))
    return missing


class StanzaBackend:
    """stanza tokenizer + NER for one language, loaded from a local folder, on CPU."""

    def __init__(self, lang: str, folder: Path):
        try:
            import stanza
            import torch
        except ImportError as exc:
            raise RuntimeError("the stanza backend needs the stanza extra: run `make stanza-setup`") from exc
        try:
            missing = missing_files(folder, lang)
        except (OSError, ValueError, KeyError) as exc:
            missing = [f"a readable resources.json ({exc})"]
        if missing:
            raise StanzaModelsError(
                f"stanza models for {lang!r} are missing or incomplete in {folder} (missing: {', '.join(missing)}): {SETUP_HINT}"
            )
        try:
            self.nlp = stanza.Pipeline(lang, dir=str(folder), processors="tokenize,ner", download_method=None,
                                       use_gpu=False, logging_level="WARN")
        except Exception as exc:  # stanza reports a bad folder in many ways (missing file, bad json, KeyError)
            raise StanzaModelsError(f"stanza models for {lang!r} in {folder} could not be loaded ({exc!r}): {SETUP_HINT}") from exc
        self.spacy_nlp = spacy.blank(lang)
        """Tokens for the rules: ner.load_models builds the lexicon matcher on this vocab."""
        resources = json.loads((folder / "resources.json").read_text(encoding="utf-8"))
        ner_model = Path(self.nlp.processors["ner"].model_paths[0])
        package = ner_model.stem
        md5 = resources.get(lang, {}).get("ner", {}).get(package, {}).get("md5", "")
        self.versions = {f"stanza-model:{lang}_{package}": md5[:12], "stanza": stanza.__version__, "torch": torch.__version__}
        self._document = stanza.Document

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[tuple[Doc, list[RawSpan]]]:
        """Texts → (blank spaCy Doc for the rules, stanza's entities as RawSpans), in input order."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, texts: list[str]) -> Iterator[tuple[Doc, list[RawSpan]]]:
        to_tag = [t for t in texts if t.strip()]
        tagged = iter(self.nlp.bulk_process([self._document([], text=t) for t in to_tag]) if to_tag else [])
        for text in texts:
            spans = []
            if text.strip():
                # stanza's types are upper-cased to meet ner.LABELS (WNUT's are lower case).
                spans = [RawSpan(e.start_char, e.end_char, e.type.upper()) for e in next(tagged).ents]
            yield self.spacy_nlp.make_doc(text), spans
