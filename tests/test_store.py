"""Table writes leave no debris, tables of one stage appear together, and every table names its run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.schema import Reject, Run
from pipeline.store import (
    TableError,
    TableWriter,
    check_same_run,
    new_run,
    remove_stale_temporaries,
    table_metadata,
    table_run,
    write_table,
    write_together,
)

REJECTS = [Reject(source="a.txt", reason="empty file", n_bytes=0)]


def test_a_write_removes_the_debris_of_a_killed_one(tmp_path: Path) -> None:
    debris = tmp_path / ".rejects.parquet.k1ll3d_x.tmp"  # as a SIGKILLed writer leaves it
    debris.write_bytes(b"half a table")
    others = [tmp_path / ".documents.parquet.k1ll3d_x.tmp", tmp_path / ".rejects.parquet.notes", tmp_path / "rejects.parquet.tmp"]
    for other in others:
        other.write_bytes(b"not this table's temporary")
    write_table(tmp_path / "rejects.parquet", "rejects", REJECTS)
    assert not debris.exists()
    assert all(other.exists() for other in others)


def test_a_live_writer_keeps_its_temporary(tmp_path: Path) -> None:
    with TableWriter(tmp_path / "rejects.parquet", "rejects") as writer:
        writer.write_all(REJECTS)
        (live,) = tmp_path.glob(".rejects.parquet.*.tmp")
        assert remove_stale_temporaries(tmp_path / "rejects.parquet") == []
        assert live.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rejects.parquet"]


def test_tables_of_one_stage_appear_together(tmp_path: Path) -> None:
    documents, rejects = tmp_path / "documents.parquet", tmp_path / "rejects.parquet"
    documents.write_bytes(b"old documents")
    rejects.write_bytes(b"old rejects")
    with pytest.raises(RuntimeError), write_together(TableWriter(documents, "documents"), TableWriter(rejects, "rejects")) as (_, r):
        r.write_all(REJECTS)
        raise RuntimeError("killed between the two tables")
    assert documents.read_bytes() == b"old documents" and rejects.read_bytes() == b"old rejects"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.parquet", "rejects.parquet"]
    with write_together(TableWriter(documents, "documents"), TableWriter(rejects, "rejects")) as (_, r):
        r.write_all(REJECTS)
    assert table_metadata(rejects)["table"] == "rejects" and table_metadata(documents)["table"] == "documents"


def test_run_ids_chain_and_mixed_runs_are_refused(tmp_path: Path) -> None:
    first = new_run("clean", {"files": "abc", "params": {"x": 1}})
    assert first == new_run("clean", {"params": {"x": 1}, "files": "abc"})  # deterministic, order-free
    assert first.id != new_run("clean", {"files": "abd", "params": {"x": 1}}).id
    assert first.documents == first.id and first.inputs == {}
    write_table(tmp_path / "documents.parquet", "documents", [], run=first)
    write_table(tmp_path / "rejects.parquet", "rejects", REJECTS, run=first)
    ner = new_run("ner", {"params": {}}, [tmp_path / "documents.parquet"])
    assert ner.documents == first.id and ner.inputs == {"documents": first.id}
    write_table(tmp_path / "mentions.parquet", "mentions", [], run=ner)
    assert table_run(tmp_path / "mentions.parquet") == ner
    assert check_same_run([tmp_path / "documents.parquet", tmp_path / "mentions.parquet"]) == first.id

    other = new_run("clean", {"files": "other"})
    write_table(tmp_path / "documents.parquet", "documents", [], run=other)
    with pytest.raises(TableError, match=r"mentions\.parquet was built from another run than .*documents\.parquet: re-run the pipeline$"):
        new_run("resolve", {}, [tmp_path / "documents.parquet", tmp_path / "mentions.parquet"])
    write_table(tmp_path / "old.parquet", "mentions", [])
    with pytest.raises(TableError, match=r"old\.parquet has no run id"):
        check_same_run([tmp_path / "documents.parquet", tmp_path / "old.parquet"])


def test_same_records_and_run_give_the_same_bytes(tmp_path: Path) -> None:
    run = Run(id="r", documents="r")
    write_table(tmp_path / "a.parquet", "rejects", REJECTS, {"m": "1"}, run)
    write_table(tmp_path / "b.parquet", "rejects", REJECTS, {"m": "1"}, run)
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()
    assert oct(os.stat(tmp_path / "a.parquet").st_mode & 0o777) == "0o644"
