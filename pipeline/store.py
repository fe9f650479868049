"""Parquet I/O for the tables of `pipeline.schema`: atomic, deterministic, validated, traceable.

Writing goes to a temporary file in the target folder, renamed into place only when complete, so
a reader never sees half a table; the tables of one stage are renamed together, only once all are
complete (`write_together`). A writer removes the temporaries a killed earlier write of its table
left behind. The file metadata carries the table name, the schema version, the versions of what
produced it (package, models) and the run that wrote it (`schema.Run`): a stage that reads several
tables checks that they descend from the same documents table. Nothing time-dependent is written,
so the same inputs and params give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schema import ARROW_SCHEMAS, RECORDS, SCHEMA_VERSION, Record, Run

try:
    import fcntl
except ImportError:  # not POSIX: no way to tell a live writer's temporary from a dead one's
    fcntl = None  # type: ignore[assignment]

META_KEY = b"diplonews"
TMP_SUFFIX = ".tmp"


class TableError(ValueError):
    """A Parquet file does not hold the table it should."""


def _schema_with_metadata(
    table: str, producers: dict[str, str], run: Run | None, shard: str | None = None, documents: Mapping[str, str] | None = None
) -> pa.Schema:
    meta: dict[str, Any] = {"table": table, "schema_version": SCHEMA_VERSION, "producers": dict(sorted(producers.items()))}
    if run is not None:
        meta["run"] = run.model_dump(mode="json")
    if shard is not None:
        meta["shard"] = shard
    if documents is not None:
        meta["documents"] = dict(sorted(documents.items()))
    return ARROW_SCHEMAS[table].with_metadata({META_KEY: json.dumps(meta, sort_keys=True).encode()})


def _tmp_pattern(path: Path) -> re.Pattern[str]:
    """Names `tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp")` gives for the table at `path`."""
    return re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]+{re.escape(TMP_SUFFIX)}")


def _lock(fd: int, blocking: bool) -> bool:
    """Take the exclusive lock a writer holds on its temporary while it writes; False if held."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporaries of the table at `path` that no live writer holds; return them.

    Only files named like this module's own temporaries of that very table are considered, and a
    writer holds a lock on its temporary until it is renamed or removed; the kernel drops the lock
    of a killed process, so an unlocked temporary is debris.
    """
    path = Path(path)
    if not path.parent.is_dir():
        return []
    pattern, prefix = _tmp_pattern(path), f".{path.name}."
    removed = []
    # Names are filtered before anything else: a shard folder holds hundreds of files and each of
    # its writers looks.
    with os.scandir(path.parent) as entries:
        names = sorted(e.name for e in entries if e.name.startswith(prefix) and pattern.fullmatch(e.name))
    for name in names:
        candidate = path.parent / name
        if not candidate.is_file() or candidate.is_symlink():
            continue
        try:
            fd = os.open(candidate, os.O_RDONLY)
        except FileNotFoundError:
            continue
        try:
            if _lock(fd, blocking=False):
                candidate.unlink(missing_ok=True)
                removed.append(candidate)
        finally:
            os.close(fd)
    return removed


class TableWriter:
    """Streams records of one table into a Parquet file, one row group per batch.

    Use as a context manager: the file appears at `path` only if the block exits without error.
    Several writers whose tables must appear together go through `write_together` instead.
    A shard file (`pipeline.engine`) carries its fingerprint as `shard`, and may carry each of its
    documents' own fingerprint (`documents`: document id → fingerprint). Row groups hold
    `batch_size` rows whether rows come as records or as Arrow data, so the bytes depend on the
    rows alone.
    """

    def __init__(
        self,
        path: Path,
        table: str,
        producers: dict[str, str] | None = None,
        batch_size: int = 256,
        run: Run | None = None,
        shard: str | None = None,
        documents: Mapping[str, str] | None = None,
    ):
        self.path = Path(path)
        self.table = table
        self.schema = _schema_with_metadata(table, producers or {}, run, shard, documents)
        self.batch_size = batch_size
        self._rows: list[dict[str, Any]] = []
        self._arrow: list[pa.Table] = []
        self._arrow_rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._tmp: str | None = None
        self._lock_fd: int | None = None
        self.count = 0

    def open(self) -> TableWriter:
        """Start the temporary file (after removing the debris of killed writes of this table)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.path)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=TMP_SUFFIX, dir=self.path.parent)
        self._lock_fd = fd
        _lock(fd, blocking=True)
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

    def write_arrow(self, rows: pa.Table) -> None:
        """Add rows already in this table's columns (read from a shard file of the same table)."""
        assert not self._rows, "records and Arrow rows are not mixed in one table"
        self._arrow.append(rows.select(self.schema.names).cast(self.schema))
        self._arrow_rows += rows.num_rows
        self.count += rows.num_rows
        while self._arrow_rows >= self.batch_size:
            self._flush_arrow(self.batch_size)

    def _flush_arrow(self, n: int) -> None:
        assert self._writer is not None
        pending = pa.concat_tables(self._arrow)
        self._writer.write_table(pending.slice(0, n).combine_chunks())
        rest = pending.slice(n)
        self._arrow = [rest] if rest.num_rows else []
        self._arrow_rows = rest.num_rows

    def _flush(self) -> None:
        if self._rows and self._writer is not None:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []
        if self._arrow_rows and self._writer is not None:
            self._flush_arrow(self._arrow_rows)

    def finish(self) -> None:
        """Write the last rows and close the temporary file: complete, not yet in place."""
        assert self._writer is not None
        self._flush()
        if self.count == 0:
            # An empty table still has its columns.
            self._writer.write_table(self.schema.empty_table())
        self._writer.close()
        self._writer = None

    def publish(self) -> None:
        """Rename the finished temporary file into place."""
        assert self._writer is None and self._tmp is not None, "finish() first"
        os.chmod(self._tmp, 0o644)
        os.replace(self._tmp, self.path)
        self._tmp = None
        self.discard()

    def discard(self) -> None:
        """Drop whatever is left of the write (a no-op after `publish`)."""
        try:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
            if self._tmp is not None and os.path.exists(self._tmp):
                os.unlink(self._tmp)
            self._tmp = None
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None

    def __enter__(self) -> TableWriter:
        return self.open()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if exc_type is None:
                self.finish()
                self.publish()
        finally:
            self.discard()


@contextmanager
def write_together(*writers: TableWriter) -> Iterator[tuple[TableWriter, ...]]:
    """Open several tables of one stage; none is renamed into place before all are complete."""
    opened: list[TableWriter] = []
    try:
        for writer in writers:
            opened.append(writer.open())
        yield writers
        for writer in writers:
            writer.finish()
        for writer in writers:
            writer.publish()
    finally:
        for writer in opened:
            writer.discard()


def records_table(table: str, records: Sequence[Record]) -> pa.Table:
    """Records of `table` → the same rows as Arrow data in the table's columns."""
    return pa.Table.from_pylist([r.model_dump(mode="python") for r in records], schema=ARROW_SCHEMAS[table])


def write_table(
    path: Path, table: str, records: Iterable[Record], producers: dict[str, str] | None = None, run: Run | None = None
) -> int:
    """Write all `records` of `table` to `path` atomically; return the number of rows."""
    with TableWriter(path, table, producers, run=run) as writer:
        writer.write_all(records)
        return writer.count


def table_metadata(path: Path) -> dict[str, Any]:
    """The pipeline metadata stored in a table file (table, schema_version, producers, run)."""
    return _metadata(path, pq.read_schema(path))


def _metadata(path: Path, schema: pa.Schema) -> dict[str, Any]:
    raw = schema.metadata or {}
    if META_KEY not in raw:
        raise TableError(f"{path} was not written by this pipeline (no {META_KEY.decode()} metadata)")
    return json.loads(raw[META_KEY])


# --- runs -------------------------------------------------------------------------------------


def digest(data: Any) -> str:
    """A short stable hash of JSON-able `data` (keys sorted, so dict order does not matter)."""
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def table_run(path: Path) -> Run:
    """The run that wrote the table at `path`."""
    _exists(path)
    run = table_metadata(path).get("run")
    if run is None:
        raise TableError(f"{path} has no run id (written by an older version of the pipeline): re-run the pipeline")
    return Run.model_validate(run)


def same_documents(runs: Mapping[Path, tuple[str, Run]]) -> str:
    """The documents run id that tables (path → (table name, run)) share, or TableError naming two that differ."""
    if not runs:
        raise ValueError("no tables")
    # the documents table is the reference a user knows to re-create; else the first table given
    reference = next((p for p, (table, _) in runs.items() if table == "documents"), next(iter(runs)))
    expected = runs[reference][1].documents
    for path, (_, run) in runs.items():
        if run.documents != expected:
            raise TableError(f"{path} was built from another run than {reference}: re-run the pipeline")
    return expected


def check_same_run(paths: Sequence[Path]) -> str:
    """Check the tables at `paths` descend from the same documents table; return its run id."""
    return same_documents({Path(p): (table_metadata(p).get("table", "?"), table_run(p)) for p in paths})


def new_run(stage: str, settings: Mapping[str, Any], sources: Sequence[Path] = ()) -> Run:
    """The run of `stage` with `settings` (params, producers... as JSON-able data) on the tables at `sources`.

    With no source tables (the clean stage), the run starts a new lineage: `settings` must then
    identify the inputs (e.g. a digest of the input files' names, sizes and hashes).
    """
    found = {Path(p): (table_metadata(p).get("table", "?"), table_run(p)) for p in sources}
    inputs = {table: run.id for table, run in found.values()}
    run_id = digest({"stage": stage, "settings": dict(settings), "inputs": inputs})
    documents = same_documents(found) if found else run_id
    return Run(id=run_id, documents=documents, inputs=inputs)


# --- reading ----------------------------------------------------------------------------------


def _exists(path: Path) -> None:
    if not Path(path).is_file():
        raise TableError(f"{path} does not exist: run the stage that produces it first")


def _check(path: Path, table: str, schema: pa.Schema | None = None) -> None:
    """`schema`: the file's, if already read."""
    if not Path(path).is_file():
        raise TableError(f"{path} does not exist: run the stage that produces the {table} table first")
    schema = schema if schema is not None else pq.read_schema(path)
    meta = _metadata(path, schema)
    if meta.get("table") != table:
        raise TableError(f"{path} holds the {meta.get('table')} table, not {table}")
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise TableError(
            f"{path} has schema version {meta.get('schema_version')}, this code reads {SCHEMA_VERSION}: re-run the pipeline"
        )
    found = schema.remove_metadata()
    if not found.equals(ARROW_SCHEMAS[table]):
        raise TableError(f"{path} does not match the {table} schema:\n{found}")


def read_table(path: Path, table: str, columns: Sequence[str] | None = None) -> pa.Table:
    """Read a whole table (or some of its `columns`), after checking it is `table` with the current schema."""
    _check(path, table)
    return pq.read_table(path, columns=list(columns) if columns is not None else None)


def row_count(path: Path) -> int:
    """How many rows a Parquet file holds, from its footer (nothing else is read)."""
    return pq.ParquetFile(path).metadata.num_rows


def iter_records(path: Path, table: str, batch_size: int = 256) -> Iterator[list[Record]]:
    """Stream a table as batches of validated pydantic records, so memory stays bounded."""
    if not Path(path).is_file():
        _check(path, table)
    parquet = pq.ParquetFile(path)
    _check(path, table, parquet.schema_arrow)
    model = RECORDS[table]
    for batch in parquet.iter_batches(batch_size=batch_size):
        yield [model.model_validate(row) for row in batch.to_pylist()]
