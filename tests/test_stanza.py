"""The stanza backend with real stanza models, end to end (no mocks).

The models are the ones `make stanza-models` builds into models/stanza: the session fixture
builds them if they are not complete there (a few minutes, once; later runs reuse them). The
whole module is skipped when the stanza extra is not installed (`make stanza-setup`).
The models are small and trained on OCR'd newspapers and tweets: the tests check real entities
that they find, not their general quality.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("stanza")

from pipeline import ner  # noqa: E402
from pipeline.schema import Document  # noqa: E402
from pipeline.stanza_backend import StanzaBackend, StanzaModelsError, missing_files  # noqa: E402
from pipeline.store import table_metadata  # noqa: E402

LABELS = {"PERSON", "TITLE", "COUNTRY", "ORG", "LOC", "MISC"}


@pytest.fixture(scope="session")
def stanza_models(root: Path) -> Path:
    folder = root / "models" / "stanza"
    if missing_files(folder, "fr") or missing_files(folder, "en"):
        data = root / "data" / "ner"
        if not data.is_dir():
            pytest.skip(f"no stanza models in {folder} and no NER data in {data} to train them")
        done = subprocess.run([sys.executable, "-m", "tools.stanza_models", "--data", str(data), "--output", str(folder)],
                              cwd=root, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    return folder


@pytest.fixture(scope="session")
def params(stanza_models: Path) -> ner.NerParams:
    return ner.NerParams(backend={"fr": "stanza", "en": "stanza"}, stanza_models_dir=str(stanza_models))


@pytest.fixture(scope="session")
def backends(params: ner.NerParams) -> dict[str, ner.NerBackend]:
    return {lang: ner.load_backend(lang, params) for lang in ("fr", "en")}


def spans(backend: ner.NerBackend, text: str) -> list[tuple[str, str, int, int]]:
    """(surface, label, start, end) of the backend's raw spans, checked against the spaCy tokens."""
    [(doc, raw)] = list(backend.pipe([text], batch_size=4))
    assert doc.text == text
    return [(text[s.start : s.end], s.label, s.start, s.end) for s in raw]


def test_french_entities_and_offsets(backends: dict[str, ner.NerBackend]) -> None:
    text = "Le président Emmanuel Macron a reçu à Paris le ministre des Affaires étrangères de la Russie."
    found = spans(backends["fr"], text)
    assert ("Emmanuel Macron", "PER", 13, 28) in found
    assert ("Paris", "LOC", 38, 43) in found
    text = "M. Poincaré est arrivé hier à Rennes, où le maire l'attendait."
    assert ("Rennes", "LOC", 30, 36) in spans(backends["fr"], text)


def test_english_entities_and_offsets(backends: dict[str, ner.NerBackend]) -> None:
    text = "Barack Obama met Angela Merkel in Berlin on Monday."
    found = spans(backends["en"], text)
    # The English model learnt from tweets: its spans are right here, its types lean to person.
    assert ("Barack Obama", "PERSON", 0, 12) in found
    assert ("Angela Merkel", "PERSON", 17, 30) in found
    assert all(ner.LABELS.get(label) for _, label, _, _ in found)


def test_batches_keep_input_order(backends: dict[str, ner.NerBackend]) -> None:
    texts = ["Emmanuel Macron est à Paris.", "", "Il pleut.", "Le préfet est arrivé à Rennes."] * 3
    out = list(backends["fr"].pipe(texts, batch_size=5))
    assert [doc.text for doc, _ in out] == texts
    for text, (_, raw) in zip(texts, out):
        for s in raw:
            assert 0 <= s.start < s.end <= len(text) and text[s.start : s.end].strip() == text[s.start : s.end]
    assert ("Paris", "LOC") in [(texts[0][s.start : s.end], s.label) for s in out[0][1]]
    assert out[1][1] == []


def test_ner_stage_with_stanza(params: ner.NerParams) -> None:
    models = ner.load_models(params)
    assert "stanza" in models.versions and "stanza-model:fr_europeana" in models.versions
    text = "Le ministre vietnamien des Affaires étrangères Bui Thanh Son a rencontré Emmanuel Macron à Paris."
    doc = Document(doc_id="d", source="d.txt", lang="fr", text=text, raw_sha256="0" * 64, encoding="utf-8", n_chars=len(text))
    mentions = list(ner.run([doc], models, params))
    found = {(m.text, m.label, m.origin) for m in mentions}
    assert ("Bui Thanh Son", "PERSON", "title") in found  # the rules still apply on top of stanza
    assert ("vietnamien", "COUNTRY", "adjective") in found
    assert ("Emmanuel Macron", "PERSON", "model") in found
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_cli_run_on_seeds(root: Path, seeds_dir: Path, stanza_models: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(seeds_dir), "--output", str(out), "--backend", "stanza"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    docs = pd.read_parquet(out / "documents.parquet").set_index("doc_id")
    mentions = pd.read_parquet(out / "mentions.parquet")
    entities = pd.read_parquet(out / "entities.parquet")
    assert len(mentions) and len(entities)
    assert set(mentions.label) <= LABELS
    for m in mentions.itertuples():
        assert docs.loc[m.doc_id, "text"][m.start : m.end] == m.text
    # As with spaCy: MISC mentions are no entities, and a bare title ("porte-parole") that names
    # nobody in its article stays unlinked; every other mention has an entity.
    named = mentions[~mentions.label.isin(["MISC", "TITLE"])]
    assert named.entity_id.notna().all()
    assert set(mentions.entity_id.dropna()) == set(entities.entity_id)
    assert (mentions.origin == "model").any(), "stanza's own spans reach the outputs"
    assert "country:VNM" in set(entities.entity_id)
    producers = str(table_metadata(out / "ner_mentions.parquet"))
    assert "stanza-model:fr_europeana" in producers and "spacy-model" not in producers


def test_missing_models_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StanzaModelsError) as info:
        StanzaBackend("fr", empty)
    message = str(info.value)
    assert str(empty) in message and "make stanza-models" in message and "resources.json" in message


def test_incomplete_models_error(stanza_models: Path, tmp_path: Path) -> None:
    partial = tmp_path / "partial"
    shutil.copytree(stanza_models / "fr", partial / "fr")
    shutil.copy(stanza_models / "resources.json", partial / "resources.json")
    (partial / "fr" / "pretrain" / "europeana.pt").unlink()  # vectors the NER model needs
    with pytest.raises(StanzaModelsError, match="fr/pretrain/europeana.pt") as info:
        StanzaBackend("fr", partial)
    assert "make stanza-models" in str(info.value)
    with pytest.raises(StanzaModelsError, match="'en'"):
        StanzaBackend("en", partial)


def test_cli_reports_missing_models(root: Path, seeds_dir: Path, tmp_path: Path) -> None:
    params = tmp_path / "params.yaml"
    params.write_text(f"ner:\n  stanza_models_dir: {tmp_path / 'none'}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(seeds_dir), "--output", str(tmp_path / "out"),
         "--params", str(params), "--backend", "stanza"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 1
    assert "make stanza-models" in done.stderr and str(tmp_path / "none") in done.stderr
    assert "Traceback" not in done.stderr
