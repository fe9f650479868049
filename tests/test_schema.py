"""The pydantic records and the Arrow schemas agree; every table survives write → read unchanged."""

from __future__ import annotations

import types
import typing
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from pipeline.schema import ARROW_SCHEMAS, RECORDS, Claim, Document, Entity, Mention, Observation, Reject, RemovedSpan
from pipeline.store import TableError, iter_records, read_table, table_metadata, write_table

SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _arrow_of(annotation: object) -> tuple[pa.DataType, bool]:
    """The Arrow type and nullability a pydantic annotation should map to."""
    nullable = False
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        non_null = [a for a in args if a is not type(None)]
        assert len(non_null) == 1
        annotation, nullable = non_null[0], True
    if typing.get_origin(annotation) is typing.Literal:
        return pa.string(), nullable
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item_type, _ = _arrow_of(item)
        return pa.list_(pa.field("item", item_type, nullable=False)), nullable
    if isinstance(annotation, type) and issubclass(annotation, RemovedSpan):
        fields = [pa.field(n, _arrow_of(f.annotation)[0], nullable=False) for n, f in annotation.model_fields.items()]
        return pa.struct(fields), nullable
    return SCALARS[annotation], nullable


@pytest.mark.parametrize("table", sorted(ARROW_SCHEMAS))
def test_pydantic_and_arrow_agree(table: str) -> None:
    model, schema = RECORDS[table], ARROW_SCHEMAS[table]
    assert list(model.model_fields) == schema.names
    for name, field in model.model_fields.items():
        arrow_type, nullable = _arrow_of(field.annotation)
        assert schema.field(name).type == arrow_type, name
        assert schema.field(name).nullable == nullable, name


SAMPLES = {
    "documents": [
        Document(
            doc_id="a1", source="x/000.txt", lang="fr", text="Hanoï (VNA) - Texte.", dateline="Hanoï", agency="VNA",
            raw_sha256="f" * 64, encoding="utf-8", n_chars=20,
            removed=[RemovedSpan(kind="caption", text="Photo : VNA", at=0)],
        ),
        Document(doc_id="b2", source="001.txt", lang="en", text="Text.", raw_sha256="e" * 64, encoding="cp1252", n_chars=5),
    ],
    "rejects": [Reject(source="empty.txt", reason="empty file", n_bytes=0), Reject(source="b.txt", reason="binary content", raw_sha256="0" * 64, n_bytes=9)],
    "mentions": [Mention(doc_id="a1", start=0, end=5, text="Hanoï", label="LOC", entity_id="loc-1"), Mention(doc_id="a1", start=7, end=10, text="VNA", label="ORG")],
    "entities": [
        Entity(entity_id="p-1", kind="person", name="Bùi Thanh Sơn", aliases=["Bui Thanh Son", "Son"], country="VNM", roles=["Foreign Minister"]),
        Entity(entity_id="c-1", kind="country", name="Vietnam", country="VNM"),
    ],
    "claims": [
        Claim(
            claim_id="c1", doc_id="a1", speaker="Bui Thanh Son", speaker_entity_id="p-1", speaker_country="VNM", cue="a affirmé",
            text="la souveraineté doit être respectée", sentence="…", start=0, end=10, stance="support", topics=["sovereignty"], quote_type="indirect",
        )
    ],
    "observations": [
        Observation(
            doc_id="a1", entity_id="person:bui-thanh-son", kind="person", names=["Bùi Thanh Sơn"], aliases=["Sơn"], countries=["VNM"],
            roles=["ministre des Affaires étrangères"], mentions=2,
        )
    ],
}


@pytest.mark.parametrize("table", sorted(ARROW_SCHEMAS))
def test_write_read_roundtrip(table: str, tmp_path: Path) -> None:
    path = tmp_path / f"{table}.parquet"
    assert write_table(path, table, SAMPLES[table], {"model": "x-1.0"}) == len(SAMPLES[table])
    back = [r for batch in iter_records(path, table) for r in batch]
    assert back == SAMPLES[table]
    assert table_metadata(path)["producers"] == {"model": "x-1.0"}
    # every consumer the README names reads the same rows
    assert len(pd.read_parquet(path)) == len(SAMPLES[table])
    assert duckdb.sql(f"select count(*) from read_parquet('{path}')").fetchall()[0][0] == len(SAMPLES[table])
    assert pl.read_parquet(path).height == len(SAMPLES[table])


@pytest.mark.parametrize("table", sorted(ARROW_SCHEMAS))
def test_empty_table_keeps_its_columns(table: str, tmp_path: Path) -> None:
    path = tmp_path / f"{table}.parquet"
    write_table(path, table, [])
    assert read_table(path, table).schema.remove_metadata().equals(ARROW_SCHEMAS[table])
    assert list(pd.read_parquet(path).columns) == ARROW_SCHEMAS[table].names


def test_same_records_same_bytes(tmp_path: Path) -> None:
    write_table(tmp_path / "a.parquet", "documents", SAMPLES["documents"], {"m": "1"})
    write_table(tmp_path / "b.parquet", "documents", SAMPLES["documents"], {"m": "1"})
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "documents.parquet"
    with pytest.raises(RuntimeError):
        from pipeline.store import TableWriter

        with TableWriter(path, "documents") as writer:
            writer.write(SAMPLES["documents"][0])
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_reading_the_wrong_table_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "rejects.parquet"
    write_table(path, "rejects", SAMPLES["rejects"])
    with pytest.raises(TableError, match="holds the rejects table, not documents"):
        read_table(path, "documents")
    with pytest.raises(TableError, match="does not exist"):
        read_table(tmp_path / "missing.parquet", "documents")
