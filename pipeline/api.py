"""Python API: the whole chain on texts in memory, models loaded once (`diplonews.load`).

The same stage functions as the command line (clean → ner → resolve → claims), without files:
`load(params)` checks the params and loads every model once; `Analyzer.process(text)` gives one
`Result` (the document, its mentions, entities and claims as the records of `pipeline.schema`);
`Analyzer.process_many(texts)` streams results in input order, batching documents through the
models. Each text is resolved on its own: its entities are those of that text alone
(`n_documents` is 1), where a corpus run (`diplonews run`) merges entities across documents.

A text the clean stage rejects (too short, not French or English, markup...) never raises: its
`Result` has `reject` set (with the reason) and no document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, cast

from pipeline import claims, clean, lexicons, ner, resolve
from pipeline.cli import SECTIONS
from pipeline.config import MODELS_DIR, StageParams, check_languages, read_params, validate_params
from pipeline.schema import Claim, Document, Entity, Mention, Reject


def check_settings(path: Path | str, data: Mapping[str, Any]) -> dict[str, StageParams]:
    """A params mapping (sections of params.yaml) → the checked params of every stage; raises
    `ParamsError` naming `path` and the key (unknown keys, a language without an installed model)."""
    stages = validate_params(path, data, SECTIONS)
    check_languages(path, stages, lexicons.LANGUAGES)
    return stages


def settings_of(params: Path | str | Mapping[str, Any] | None) -> tuple[str, dict[str, StageParams]]:
    """None (every stage's defaults), a params file, or a mapping of sections → (where the params
    came from, the checked params of every stage)."""
    if params is None:
        return "defaults", check_settings("defaults", {})
    if isinstance(params, Mapping):
        return "params", check_settings("params", params)
    path, data = read_params(Path(params))
    return str(path), check_settings(path, data)


@dataclass(frozen=True)
class Result:
    """What the pipeline made of one text: its document, mentions, entities and claims; or, for a
    rejected text, `reject` (with the reason) and nothing else."""

    source: str
    document: Document | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    reject: Reject | None = None

    @property
    def rejected(self) -> bool:
        """True when the clean stage rejected the text (see `reject.reason`)."""
        return self.reject is not None


Item = str | tuple[str, str]


class Analyzer:
    """The loaded pipeline: every model and lexicon loaded once, then any number of texts."""

    def __init__(self, settings: dict[str, StageParams], models_dir: Path = MODELS_DIR) -> None:
        """Checked params of every stage (`settings_of`) and the lexicons folder → loaded models."""
        self.models_dir = Path(models_dir)
        self.clean_params = cast(clean.CleanParams, settings["clean"])
        self.ner_params = cast(ner.NerParams, settings["ner"])
        self.resolve_params = cast(resolve.ResolveParams, settings["resolve"])
        self.claims_params = cast(claims.ClaimsParams, settings["claims"])
        self.clean_models = clean.load_models(self.models_dir, self.clean_params.languages)
        # whole packages: the claims stage runs the same ones (one load each)
        self.ner_models = ner.load_models(self.ner_params, models_dir=self.models_dir, whole_packages=True)
        self.claims_models = claims.load_models(self.claims_params)

    def process(self, text: str, lang: str | None = None, *, source: str = "text") -> Result:
        """One text (`lang`: "fr" or "en" if known, else identified) → its `Result`; a rejected
        text gives a `Result` with `reject` set."""
        return next(self._results([_raw(source, text, lang)]))

    def process_many(self, items: Iterable[Item], lang: str | None = None, batch_size: int | None = None) -> Iterator[Result]:
        """Texts, or (source, text) pairs → one `Result` each, in input order, streamed: documents go
        through the models `batch_size` at a time (default: the ner stage's `batch_size`). A text
        repeating an earlier one is rejected as a duplicate, as in a corpus run."""
        raws = (_raw(*((str(i), item) if isinstance(item, str) else item), lang) for i, item in enumerate(items))
        return self._results(raws, batch_size or self.ner_params.batch_size)

    def _results(self, raws: Iterable[clean.RawInput], batch_size: int = 1) -> Iterator[Result]:
        records = clean.run(raws, self.clean_models, self.clean_params)
        while batch := list(islice(records, batch_size)):
            yield from self._batch(batch)

    def _batch(self, records: list[Document | Reject]) -> Iterator[Result]:
        documents = [r for r in records if isinstance(r, Document)]
        found: dict[str, list[Mention]] = {d.doc_id: [] for d in documents}
        for mention in ner.run(documents, self.ner_models, self.ner_params):
            found[mention.doc_id].append(mention)
        resolved: dict[str, tuple[list[Mention], list[Entity]]] = {}
        for d in documents:
            stream, entities = resolve.run([(d, found[d.doc_id])], self.resolve_params, self.models_dir)
            resolved[d.doc_id] = (list(stream), entities)  # entities are complete once the stream is consumed
        parses = claims.parse_candidates(documents, self.claims_params, self.claims_models, self.models_dir)
        for record in records:
            if isinstance(record, Reject):
                yield Result(source=record.source, reject=record)
                continue
            mentions, entities = resolved[record.doc_id]
            by_id = {e.entity_id: e for e in entities}
            found_claims = claims.extract_claims(
                record, mentions, by_id, self.claims_params, self.claims_models, self.models_dir, parses[record.doc_id]
            )
            yield Result(source=record.source, document=record, mentions=mentions, entities=entities, claims=found_claims)


def _raw(source: str, text: str, lang: str | None) -> clean.RawInput:
    data = text.encode("utf-8")
    return clean.RawInput(source=source, data=data, n_bytes=len(data), lang=lang)


def load(params: Path | str | Mapping[str, Any] | None = None, models_dir: Path | str | None = None) -> Analyzer:
    """Params (None: every stage's defaults; a params.yaml path; or a mapping of its sections) and
    a lexicons folder (None: the one shipped with the package) → an `Analyzer`, models loaded."""
    _, settings = settings_of(params)
    return Analyzer(settings, Path(models_dir) if models_dir is not None else MODELS_DIR)
