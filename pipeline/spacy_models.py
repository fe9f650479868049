"""The spaCy packages of the ner and claims stages, loaded once per process and shared.

The ner stage runs a package's `ner`, the claims stage its tagger, parser and lemmatizer tables:
each uses its own `Components` of one loaded pipeline. The claims stage loads whole packages; the
ner stage loads the whole package too where the claims stage will run in the same process (the
chain, the API: `whole_packages`), reuses one already loaded, else loads its `ner` alone. So a
process loads each package (tokenizer, vectors, weights) once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # what spaCy's attribute ruler writes with


_LOADED: dict[str, spacy.Language] = {}


def load(name: str) -> spacy.Language:
    """The installed spaCy package `name`, every component loaded, once per process (OSError if it
    is not installed). Callers must not change it: they run their components with `Components`."""
    if name not in _LOADED:
        _LOADED[name] = spacy.load(name)
    return _LOADED[name]


def versions(name: str) -> dict[str, str]:
    """What identifies the installed spaCy package `name` in a table's producers, read from its
    meta.json without loading it (OSError if it is not installed): the same as a loaded pipeline's."""
    try:
        meta = spacy.util.load_meta(spacy.util.get_package_path(name) / "meta.json")
    except ImportError as exc:
        raise OSError(f"spaCy model {name!r} is not installed") from exc
    return {f"spacy-model:{meta['lang']}_{meta['name']}": meta["version"], "spacy": spacy.__version__}


def loaded(name: str) -> spacy.Language | None:
    """The package `name` if `load` has loaded it in this process, else None."""
    return _LOADED.get(name)


class Components:
    """Some components of a loaded pipeline, run in the pipeline's order: what `nlp.pipe` does with
    the others disabled, without disabling anything for the other users of `nlp`. An attribute
    ruler runs as `AttributeRuler` (the same annotations, faster)."""

    def __init__(self, nlp: spacy.Language, names: Iterable[str]):
        wanted = set(names)
        self.nlp = nlp
        self.pipeline = [(name, AttributeRuler(proc) if isinstance(proc, spacy.pipeline.AttributeRuler) else proc) for name, proc in nlp.components if name in wanted]

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


_TOKEN_ATTRS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "POS": "pos_", "IS_SPACE": "is_space"}


def _test(spec: dict[str, Any]) -> Callable[[dict[str, Any]], bool] | None:
    """A one-token Matcher pattern as a test of a token's attributes (None: not one we can read)."""
    checks: list[Callable[[dict[str, Any]], bool]] = []
    for attr, value in spec.items():
        if attr not in _TOKEN_ATTRS:
            return None
        name = _TOKEN_ATTRS[attr]
        if not isinstance(value, dict):
            checks.append(lambda t, name=name, value=value: t[name] == value)
            continue
        for op, arg in value.items():
            if op == "IN":
                checks.append(lambda t, name=name, arg=frozenset(arg): t[name] in arg)
            elif op == "NOT_IN":
                checks.append(lambda t, name=name, arg=frozenset(arg): t[name] not in arg)
            elif op == "REGEX" and attr != "IS_SPACE":
                checks.append(lambda t, name=name, rx=re.compile(arg): rx.search(t[name]) is not None)
            else:
                return None
    return lambda t: all(check(t) for check in checks)


class AttributeRuler:
    """A spaCy `attribute_ruler` that sets the same annotations, faster on many short documents.

    spaCy's runs a Matcher of all its rules over every document, then sets each match's attributes
    through a Span, rule after rule (a later rule wins). Here the one-token rules (most of them:
    tag → part of speech and morphology) are tested once per distinct (tag, lower form, dependency,
    part of speech, space) with their attributes merged in the same order, only the other rules go
    through a Matcher, and each token is written once.
    """

    def __init__(self, ruler: Any):
        self.ruler = ruler
        # one-token rules by the exact tag, lower form or part of speech they need ("" key: any token)
        self.single: dict[tuple[str, Any], list[tuple[int, Callable[[dict[str, Any]], bool]]]] = {}
        self.matcher = Matcher(ruler.vocab)
        for rank, rule in enumerate(ruler.patterns):
            spec = rule["patterns"][0][0]
            one_token = len(rule["patterns"]) == 1 and len(rule["patterns"][0]) == 1 and rule["index"] in (0, -1)
            test = _test(spec) if one_token else None
            if test is None:
                self.matcher.add(str(rank), rule["patterns"])  # the ruler's own key: the rule's rank
                continue
            exact = next(((_TOKEN_ATTRS[a], spec[a]) for a in ("TAG", "LOWER", "POS") if isinstance(spec.get(a), str)), ("", None))
            self.single.setdefault(exact, []).append((rank, test))
        self.cache: dict[tuple[str, str, str, str, bool], dict[int, Any]] = {}

    def _merged(self, ranks: list[int]) -> dict[int, Any]:
        attrs: dict[int, Any] = {}
        for rank in sorted(ranks):
            attrs.update(self.ruler.attrs[rank])
        return attrs

    def _ranks(self, values: dict[str, Any]) -> list[int]:
        """The one-token rules a token with these attributes matches."""
        rules = [r for exact in (("", None), ("tag_", values["tag_"]), ("lower_", values["lower_"]), ("pos_", values["pos_"])) for r in self.single.get(exact, [])]
        return [rank for rank, test in rules if test(values)]

    def __call__(self, doc: Doc) -> Doc:
        more: dict[int, list[int]] = {}  # token → ranks of the Matcher's rules that set it
        for m_id, start, end in self.matcher(doc, allow_missing=True) if len(self.matcher) else []:
            rank = int(self.ruler.vocab.strings[m_id])
            index = self.ruler.indices[rank]
            more.setdefault((start if index >= 0 else end) + index, []).append(rank)
        for t in doc:
            key = (t.tag_, t.lower_, t.dep_, t.pos_, t.is_space)
            extra = more.get(t.i)
            attrs = self.cache.get(key) if extra is None else None
            if attrs is None:
                ranks = self._ranks(dict(zip(("tag_", "lower_", "dep_", "pos_", "is_space"), key)))
                attrs = self._merged(ranks + (extra or []))
                if extra is None and len(self.cache) < 500_000:
                    self.cache[key] = attrs
            if attrs:
                set_token_attrs(t, attrs)
        return doc
