"""The Python API (`diplonews.load`): one French and one English article through the real models."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplonews
from pipeline.config import ParamsError, default_models_dir
from pipeline.schema import Claim, Document, Entity, Mention

FRENCH = (
    "PARIS, 3 mars (AFP) - Le ministre français des Affaires étrangères, Jean-Noël Barrot, a affirmé lundi "
    "que la France soutenait pleinement l'Ukraine. « Nous appelons à un cessez-le-feu immédiat », a-t-il "
    "déclaré devant la presse à Paris."
)
ENGLISH = (
    "NEW YORK, March 3 (Reuters) - British Foreign Secretary David Lammy said on Monday that the United "
    'Kingdom would continue to support Ukraine. "We call on Russia to end this war now," he told reporters '
    "at the United Nations."
)


@pytest.fixture(scope="module")
def nlp() -> diplonews.Analyzer:
    return diplonews.load()


def test_a_french_article(nlp: diplonews.Analyzer) -> None:
    result = nlp.process(FRENCH)
    assert not result.rejected and isinstance(result.document, Document)
    assert result.document.lang == "fr"
    assert all(isinstance(m, Mention) and result.document.text[m.start : m.end] == m.text for m in result.mentions)
    entities = {e.entity_id: e for e in result.entities}
    assert all(isinstance(e, Entity) for e in entities.values())
    assert entities["person:jean-noel-barrot"].country == "FRA"
    assert {m.entity_id for m in result.mentions if m.entity_id} == set(entities)
    assert all(isinstance(c, Claim) for c in result.claims)
    ceasefire = next(c for c in result.claims if "cessez-le-feu" in c.text)
    assert ceasefire.speaker == "Jean-Noël Barrot" and ceasefire.speaker_country == "FRA"


def test_an_english_article_given_its_language(nlp: diplonews.Analyzer) -> None:
    result = nlp.process(ENGLISH, lang="en", source="lammy.txt")
    assert result.source == "lammy.txt" and result.document is not None and result.document.lang == "en"
    speakers = {c.speaker for c in result.claims}
    assert speakers == {"David Lammy"}
    assert any(c.stance == "call" and "end this war" in c.text for c in result.claims)


def test_rejected_texts_give_a_reason_not_an_exception(nlp: diplonews.Analyzer) -> None:
    short = nlp.process("Bonjour.")
    assert short.rejected and short.document is None and not short.claims
    assert short.reject is not None and short.reject.reason.startswith("too little text")
    assert nlp.process(ENGLISH, lang="de").reject.reason == "unsupported language: de"  # type: ignore[union-attr]


def test_process_many_streams_in_input_order(nlp: diplonews.Analyzer) -> None:
    results = list(nlp.process_many([("fr.txt", FRENCH), ENGLISH, "<html><body>x</body></html>", ("again.txt", FRENCH)], batch_size=2))
    assert [r.source for r in results] == ["fr.txt", "1", "2", "again.txt"]
    assert [r.rejected for r in results] == [False, False, True, True]
    assert results[3].reject is not None and results[3].reject.reason == "duplicate of fr.txt"
    # the same text alone or in a batch gives the same records
    alone = nlp.process(FRENCH, source="fr.txt")
    assert (alone.document, alone.mentions, alone.entities, alone.claims) == (
        results[0].document, results[0].mentions, results[0].entities, results[0].claims,
    )


def test_params_as_a_mapping_a_file_or_wrong(tmp_path: Path) -> None:
    with pytest.raises(ParamsError, match="claims.foo: unknown key"):
        diplonews.load({"claims": {"foo": 1}})
    params = tmp_path / "params.yaml"
    params.write_text("clean:\n  languages: [fr]\n", encoding="utf-8")
    french_only = diplonews.load(params)
    assert french_only.process(ENGLISH).reject.reason == "unsupported language: en"  # type: ignore[union-attr]


def test_version_and_lexicons_folder() -> None:
    assert diplonews.__version__
    models = default_models_dir()
    assert (models / "countries.toml").is_file() and (models / "README.md").is_file()
