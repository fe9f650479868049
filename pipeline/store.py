"""Parquet I/O for the tables of `pipeline.schema`: atomic, deterministic, validated.

Writing goes to a temporary file in the target folder, renamed into place only when complete, so
a reader never sees half a table. The file metadata carries the table name, the schema version
and the versions of what produced it (package, models). Nothing time-dependent is written, so
the same records give the same bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import ARROW_SCHEMAS, RECORDS, SCHEMA_VERSION, Record

META_KEY = b"diplonews"


class TableError(ValueError):
    """A Parquet file does not hold the table it should."""


def _schema_with_metadata(table: str, producers: dict[str, str]) -> pa.Schema:
    meta = {"table": table, "schema_version": SCHEMA_VERSION, "producers": dict(sorted(producers.items()))}
    return ARROW_SCHEMAS[table].with_metadata({META_KEY: json.dumps(meta, sort_keys=True).encode()})


class TableWriter:
    """Streams records of one table into a Parquet file, one row group per batch.

    Use as a context manager: the file appears at `path` only if the block exits without error.
    """

    def __init__(self, path: Path, table: str, producers: dict[str, str] | None = None, batch_size: int = 256):
        self.path = Path(path)
        self.table = table
        self.schema = _schema_with_metadata(table, producers or {})
        self.batch_size = batch_size
        self._rows: list[dict[str, Any]] = []
        self._writer: pq.ParquetWriter | None = None
        self._tmp: str | None = None
        self.count = 0

    def __enter__(self) -> TableWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        self._writer = pq.ParquetWriter(self._tmp, self.schema, compression="zstd")
        return self

    def write(self, record: Record) -> None:
        """Add one record (validated by its pydantic model) to the table."""
        if not isinstance(record, RECORDS[self.table]):
            raise TypeError(f"{self.table} takes {RECORDS[self.table].__name__}, not {type(record).__name__}")
        self._rows.append(record.model_dump(mode="python"))
        self.count += 1
        if len(self._rows) >= self.batch_size:
            self._flush()

    def write_all(self, records: Iterable[Record]) -> None:
        """Add every record of an iterable."""
        for record in records:
            self.write(record)

    def _flush(self) -> None:
        if self._rows and self._writer is not None:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._writer is not None and self._tmp is not None
        try:
            if exc_type is None:
                self._flush()
                if self.count == 0:
                    # An empty table still has its columns.
                    self._writer.write_table(self.schema.empty_table())
            self._writer.close()
            if exc_type is None:
                os.chmod(self._tmp, 0o644)
                os.replace(self._tmp, self.path)
        finally:
            if os.path.exists(self._tmp):
                os.unlink(self._tmp)


def write_table(path: Path, table: str, records: Iterable[Record], producers: dict[str, str] | None = None) -> int:
    """Write all `records` of `table` to `path` atomically; return the number of rows."""
    with TableWriter(path, table, producers) as writer:
        writer.write_all(records)
        return writer.count


def table_metadata(path: Path) -> dict[str, Any]:
    """The pipeline metadata stored in a table file (table, schema_version, producers)."""
    raw = pq.read_schema(path).metadata or {}
    if META_KEY not in raw:
        raise TableError(f"{path} was not written by this pipeline (no {META_KEY.decode()} metadata)")
    return json.loads(raw[META_KEY])


def _check(path: Path, table: str) -> None:
    if not Path(path).is_file():
        raise TableError(f"{path} does not exist: run the stage that produces the {table} table first")
    meta = table_metadata(path)
    if meta.get("table") != table:
        raise TableError(f"{path} holds the {meta.get('table')} table, not {table}")
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise TableError(
            f"{path} has schema version {meta.get('schema_version')}, this code reads {SCHEMA_VERSION}: re-run the pipeline"
        )
    found = pq.read_schema(path).remove_metadata()
    if not found.equals(ARROW_SCHEMAS[table]):
        raise TableError(f"{path} does not match the {table} schema:\n{found}")


def read_table(path: Path, table: str) -> pa.Table:
    """Read a whole table, after checking it is `table` with the current schema."""
    _check(path, table)
    return pq.read_table(path)


def iter_records(path: Path, table: str, batch_size: int = 256) -> Iterator[list[Record]]:
    """Stream a table as batches of validated pydantic records, so memory stays bounded."""
    _check(path, table)
    model = RECORDS[table]
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=batch_size):
        yield [model.model_validate(row) for row in batch.to_pylist()]
