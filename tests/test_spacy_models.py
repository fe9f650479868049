"""Shared spaCy packages: one load per process, components run apart, the faster attribute ruler."""

from __future__ import annotations

import pytest

from pipeline import claims, ner, spacy_models

TEXTS = {
    "fr": [
        "Le ministre a déclaré mardi que la France  soutenait l'Ukraine.",
        "« Nous ne reculerons pas », a-t-il affirmé devant les députés, qui l'ont applaudi.",
    ],
    "en": [
        "There is no doubt, the minister said, that we're gonna win and it isn't over.",
        "Let's go, y'all: they told me nothin' and he ain't coming  back.",
        "Do you know what he did? I had said it to him, and she gets it.",
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_attribute_ruler_sets_what_spacy_sets(lang: str) -> None:
    nlp = spacy_models.load(claims.ClaimsParams().spacy_models[lang])
    before = spacy_models.Components(nlp, [n for n in nlp.pipe_names if n not in ("ner", "lemmatizer", "attribute_ruler")])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = spacy_models.AttributeRuler(ruler)
    for doc in before.pipe(TEXTS[lang] * 2, batch_size=8):  # twice: the cached path too
        expected, got = ruler(doc.copy()), fast(doc.copy())
        assert [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in got] == [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in expected]


def test_ner_runs_from_the_package_claims_loaded() -> None:
    claims.load_models(claims.ClaimsParams())
    models = ner.load_models(ner.NerParams())
    for lang, name in claims.ClaimsParams().spacy_models.items():
        backend = models.backends[lang]
        assert backend.nlp is spacy_models.load(name)  # type: ignore[attr-defined]
        assert backend.components.pipe_names == ["ner"]  # type: ignore[attr-defined]
