"""The spaCy packages of the ner and claims stages, loaded once per process and shared.

The ner stage runs a package's `ner`, the claims stage its tagger, parser and lemmatizer tables:
each uses its own `Components` of one loaded pipeline. The claims stage loads whole packages; the
ner stage reuses one already loaded, else loads its `ner` alone. A run of the whole chain loads
the claims packages first, so it loads each package (tokenizer, vectors, weights) once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.tokens import Doc


_LOADED: dict[str, spacy.Language] = {}


def load(name: str) -> spacy.Language:
    """The installed spaCy package `name`, every component loaded, once per process (OSError if it
    is not installed). Callers must not change it: they run their components with `Components`."""
    if name not in _LOADED:
        _LOADED[name] = spacy.load(name)
    return _LOADED[name]


def loaded(name: str) -> spacy.Language | None:
    """The package `name` if `load` has loaded it in this process, else None."""
    return _LOADED.get(name)


class Components:
    """Some components of a loaded pipeline, run in the pipeline's order: what `nlp.pipe` does with
    the others disabled, without disabling anything for the other users of `nlp`."""

    def __init__(self, nlp: spacy.Language, names: Iterable[str]):
        wanted = set(names)
        self.nlp = nlp
        self.pipeline = [(name, proc) for name, proc in nlp.components if name in wanted]

    @property
    def pipe_names(self) -> list[str]:
        """Names of the components run, in order."""
        return [name for name, _ in self.pipeline]

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """Tokenize `texts` and run the components over them, `batch_size` documents at a time."""
        docs: Iterable[Doc] = (self.nlp.make_doc(text) for text in texts)
        for _, proc in self.pipeline:
            docs = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        yield from docs
