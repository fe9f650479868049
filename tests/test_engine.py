"""Shards, incremental re-runs and engines: the same bytes however the chain is run."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline import engine
from pipeline.store import write_table

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:2]
FR = """HANOÏ, 12 mars (VNA) - Le ministre vietnamien des Affaires étrangères, Bùi Thanh Sơn, a affirmé mardi que le Vietnam soutenait le règlement pacifique des différends en mer Orientale.

« Nous appelons toutes les parties à respecter le droit international », a-t-il déclaré lors d'une conférence de presse.
"""
EN = """NEW YORK, March 12 (Reuters) - The French ambassador to the United Nations said on Tuesday that the Security Council must act quickly on the humanitarian crisis.

"We cannot wait any longer," she told reporters after the meeting.
"""


def _run(inputs: Path, out: Path, *options: str) -> str:
    """The whole chain through the command line → its log (stderr, with -v)."""
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "-v", "run", "--input", str(inputs), "--output", str(out), "--params", str(ROOT / "params.yaml"), *options],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def _fingerprint(out: Path) -> dict[str, str]:
    """Every Parquet file under `out` (tables and shards) → the hash of its bytes."""
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*.parquet"))}


def _doc_id(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _computed(log: str) -> dict[str, str]:
    """Stage → "k shards computed, m reused", from a -v log."""
    return {line.split("pipeline.engine: ")[1].split(":")[0]: line.split(": ", 2)[2] for line in log.splitlines() if "pipeline.engine: " in line}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in SEEDS:
        shutil.copy(path, folder / path.name)
    (folder / "fr.txt").write_text(FR, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    return folder


@pytest.fixture(scope="module")
def one_process_out(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one") / "out"
    _run(corpus, out)
    return out


@pytest.fixture(scope="module")
def one_process(one_process_out: Path) -> dict[str, str]:
    return _fingerprint(one_process_out)


def test_shards_are_ranges_of_the_document_id() -> None:
    keys = sorted(hashlib.sha256(str(i).encode()).hexdigest()[:16] for i in range(500))
    for n in (1, 7, 64):
        shards = [engine.shard_of(k, n) for k in keys]
        assert shards == sorted(shards) and 0 <= shards[0] and shards[-1] < n
    assert engine.shard_of("0" * 16, 64) == 0 and engine.shard_of("f" * 16, 64) == 63


def test_the_tables_are_sorted_by_document_id(one_process_out: Path) -> None:
    import pandas as pd

    documents = pd.read_parquet(one_process_out / "documents.parquet")
    assert list(documents.doc_id) == sorted(documents.doc_id) and len(documents) == len(SEEDS) + 2
    for table in ("ner_mentions", "mentions", "claims"):
        rows = pd.read_parquet(one_process_out / f"{table}.parquet")
        assert len(rows) and list(rows.doc_id) == sorted(rows.doc_id)
    assert len(pd.read_parquet(one_process_out / "rejects.parquet")) == 1


def test_a_dask_local_cluster_writes_the_same_bytes(corpus: Path, one_process: dict[str, str], tmp_path: Path) -> None:
    _run(corpus, tmp_path / "out", "--engine", "dask", "--workers", "2")
    assert _fingerprint(tmp_path / "out") == one_process


def test_a_rerun_computes_only_the_shards_of_new_documents_with_the_bytes_of_a_full_run(corpus: Path, one_process: dict[str, str], tmp_path: Path) -> None:
    # The full run was one process; the re-run uses two workers (two new documents, two shards):
    # neither changes a byte.
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    (inputs / "en.txt").unlink()
    (inputs / "fr.txt").unlink()
    out = tmp_path / "out"
    _run(inputs, out)
    assert all(v.startswith("0 shards computed") for v in _computed(_run(inputs, out)).values())
    (inputs / "en.txt").write_text(EN, encoding="utf-8")
    (inputs / "fr.txt").write_text(FR, encoding="utf-8")
    log = _computed(_run(inputs, out, "--workers", "2"))
    # The new documents' shards only. The French article names a seed's minister with his full
    # diacritics: the entity's name changes, which the claims table takes without parsing that
    # seed's shard again; the country the English article names first (France) changes nothing
    # elsewhere.
    assert engine.shard_of(_doc_id(EN), 256) != engine.shard_of(_doc_id(FR), 256)
    assert all(log[stage].startswith("2 shards computed") for stage in ("clean", "ner", "resolve", "claims")), log
    assert _fingerprint(out) == one_process


def test_a_changed_shard_annotates_only_its_new_document_with_the_bytes_of_a_full_run(corpus: Path, tmp_path: Path) -> None:
    # One shard: the new article's shard holds the others, whose rows are kept.
    params = tmp_path / "params.yaml"
    params.write_text((ROOT / "params.yaml").read_text(encoding="utf-8").replace("shards: 256", "shards: 1"), encoding="utf-8")
    inputs = tmp_path / "in"
    shutil.copytree(corpus, inputs)
    (inputs / "en.txt").unlink()
    out = tmp_path / "out"
    _run(inputs, out, "--params", str(params))
    (inputs / "en.txt").write_text(EN, encoding="utf-8")
    log = _run(inputs, out, "--params", str(params))
    kept = [line.split(": ")[-1] for line in log.splitlines() if "kept" in line]
    assert len(kept) == 2 and all(line.startswith("1 documents ") and line.endswith(" 3 kept") for line in kept), log
    full = tmp_path / "full"
    _run(inputs, full, "--params", str(params))
    assert _fingerprint(out) == _fingerprint(full)


def test_a_documents_rows_are_kept_only_under_the_same_fingerprint(tmp_path: Path) -> None:
    from pipeline.schema import Mention
    from pipeline.store import TableWriter

    def mention(doc_id: str, text: str) -> Mention:
        return Mention(doc_id=doc_id, start=0, end=len(text), text=text, label="LOC")

    path = tmp_path / "shard.parquet"
    with TableWriter(path, "mentions", shard="s1", documents={"a": "fa", "b": "fb", "c": "fc"}) as writer:
        writer.write_all([mention("a", "Paris"), mention("a", "Rome"), mention("c", "Oslo")])
    kept = engine.kept_rows(path, {"a": "fa", "b": "fb", "c": "changed", "d": "fd"})
    assert {d: rows.column("text").to_pylist() for d, rows in kept.items()} == {"a": ["Paris", "Rome"], "b": []}
    assert engine.kept_rows(tmp_path / "none.parquet", {"a": "fa"}) == {}
    with TableWriter(path, "mentions", shard="s2", documents={"a": "fa", "b": "fb", "c": "fc2", "d": "fd"}) as writer:
        engine.write_documents(writer, ["a", "b", "c", "d"], kept, iter([mention("c", "Lima"), mention("d", "Kyiv")]))
    assert pq.read_table(path).column("text").to_pylist() == ["Paris", "Rome", "Lima", "Kyiv"]
    assert engine.document_fingerprints(path) == {"a": "fa", "b": "fb", "c": "fc2", "d": "fd"}


def test_another_shard_count_recomputes_and_leaves_no_stale_shard(corpus: Path, one_process_out: Path, tmp_path: Path) -> None:
    params = tmp_path / "params.yaml"
    params.write_text((ROOT / "params.yaml").read_text(encoding="utf-8").replace("shards: 256", "shards: 4"), encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(one_process_out, out)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(corpus), "--output", str(out), "--params", str(params)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    names = {p.name for p in (out / "shards").rglob("*.parquet")}
    assert names and all(name.endswith("-of-0004.parquet") for name in names)


def test_a_table_without_its_shards_is_a_clear_error(tmp_path: Path) -> None:
    from pipeline.schema import Document

    doc = Document(doc_id="d1", source="a.txt", lang="fr", text="Paris.", raw_sha256="0" * 64, encoding="utf-8", n_chars=6)
    write_table(tmp_path / "documents.parquet", "documents", [doc])
    with pytest.raises(ValueError, match=r"shards/documents does not hold the rows of .*documents\.parquet: re-run the stage that writes it"):
        engine.input_shards(tmp_path / "documents.parquet")


def test_a_killed_write_of_a_shard_that_no_longer_exists_leaves_nothing(tmp_path: Path) -> None:
    table = tmp_path / "mentions.parquet"
    folder = engine.shard_dir(table)
    folder.mkdir(parents=True)
    (folder / ".0003-of-0064.parquet.k1ll3d.tmp").write_text("half a shard")
    (folder / "0003-of-0064.parquet").write_text("a shard of a document since removed")
    engine.run_shards("test", [table], 64, {}, lambda shard, fp: None, lambda task: None, None)
    assert list(folder.iterdir()) == []


def test_small_shards_are_gathered_into_tasks_of_a_batch() -> None:
    sizes = {0: 3, 1: 1, 2: 40, 5: 2, 9: 1}
    assert engine.groups([0, 1, 2, 5, 9], sizes, batch=4) == [[0, 1], [2], [5, 9]]
    assert engine.groups([0, 1, 2], sizes, batch=1) == [[0], [1], [2]]
    assert engine.groups([], sizes, batch=32) == []


def test_records_in_document_order_are_split_by_shard() -> None:
    from types import SimpleNamespace

    records = [SimpleNamespace(doc_id=d, i=i) for i, d in enumerate(["a", "a", "c", "d", "d"])]
    parts = [[r.i for r in part] for part in engine.split_by_document(records, [{"a", "b"}, {"c"}, {"e"}, {"d"}])]
    assert parts == [[0, 1], [2], [], [3, 4]]


def test_claims_depend_on_the_entities_a_shard_names_and_on_its_capitals_countries() -> None:
    from pipeline.claims import capital_codes, named_entities

    ids, texts = ["person:jean-dupont", None, "country:FRA"], ["Jean Dupont", "Washington", "la France"]
    assert named_entities(ids, texts, capital_codes()) == {"person:jean-dupont", "country:USA", "country:FRA"}


def test_a_speakers_new_name_is_written_in_without_parsing_again() -> None:
    import pyarrow as pa

    from pipeline.claims import decision_view, with_speaker_names
    from pipeline.schema import ARROW_SCHEMAS, Entity

    rows = pa.Table.from_pylist(
        [{"claim_id": "a", "doc_id": "d", "speaker": "", "speaker_entity_id": "person:bui-thanh-son", "cue": "a dit", "text": "t", "sentence": "s", "start": 0, "end": 1, "stance": "neutral", "topics": [], "quote_type": "indirect", "attribution": "subject"},
         {"claim_id": "b", "doc_id": "d", "speaker": "les participants", "speaker_entity_id": None, "cue": "ont dit", "text": "t", "sentence": "s", "start": 2, "end": 3, "stance": "neutral", "topics": [], "quote_type": "indirect", "attribution": "subject"}],
        schema=ARROW_SCHEMAS["claims"],
    )
    filled = with_speaker_names(rows, {"person:bui-thanh-son": "Bùi Thanh Sơn"})
    assert filled.column("speaker").to_pylist() == ["Bùi Thanh Sơn", "les participants"]
    plain, marked = (Entity(entity_id="person:x", kind="person", name=n, aliases=[n], roles=[], n_documents=1, n_mentions=1) for n in ("Bui Thanh Son", "Bùi Thanh Sơn"))
    assert decision_view(plain) == decision_view(marked)
    other = Entity(entity_id="person:x", kind="person", name="Pham Thanh Son", aliases=["x"], roles=[], n_documents=1, n_mentions=1)
    assert decision_view(other) != decision_view(plain)  # another first name may carry another gender
