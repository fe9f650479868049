"""Shards, fingerprints and the engines that run a stage's shards (one process, N processes, Dask).

A corpus is cut into `engine.shards` shards by the hash that is the documents' id: a document's
shard depends on its bytes alone, so adding an article changes one shard. Every stage writes one
Parquet file per shard beside its table (`<folder>/shards/<table>/0017-of-0256.parquet`) with a
fingerprint in the file metadata: a hash of everything the shard's rows depend on (the input
shard's fingerprint, params, the package's code and lexicons, model versions). A re-run reuses a
shard whose fingerprint has not changed and computes only the others. The table itself
(`<folder>/<table>.parquet`, the contract) is then written from the shards in shard order; shards
are ranges of document ids and rows are sorted by document id inside a shard, so the table is
sorted by document id whatever the number of shards, workers or engine, and its bytes are the same.

Engines run a stage's task function over its shard tasks and return the results in task order.
A task carries paths and params, never a model: each worker process loads the models it needs
once (`cached`) and keeps them for its next tasks.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import Field
from tqdm import tqdm

from pipeline.config import StageParams
from pipeline.schema import Record
from pipeline.store import TMP_SUFFIX, TableWriter, digest, records_table, remove_stale_temporaries, row_count, table_metadata

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
SHARDS_FOLDER = "shards"


class EngineParams(StageParams):
    """How the stages run: shards, worker processes, engine."""

    shards: int = Field(256, ge=1, le=4096)
    """Number of shards a corpus is cut into by document id; a re-run recomputes only the shards
    whose documents (or code, lexicons, params, models) changed. Changing it recomputes every shard."""
    workers: int = Field(1, ge=1, le=1024)
    """Worker processes for the stages (one copy of the models each). Outputs do not depend on it."""
    engine: Literal["local", "dask"] = "local"
    """`local`: this machine's processes; `dask`: a Dask cluster (a LocalCluster of `workers`
    processes, or the scheduler at `address`)."""
    address: str | None = None
    """Scheduler of a running Dask cluster (tcp://host:8786), for engine dask. Workers must see
    the input and output folders at the same paths."""


# --- shards -----------------------------------------------------------------------------------


def shard_of(key: str, shards: int) -> int:
    """The shard of a hexadecimal key (a document id): ranges of the key, so that shards in order
    hold keys in order."""
    return int(key[:8].ljust(8, "0"), 16) * shards >> 32


def key_of(text: str) -> str:
    """A hexadecimal key for an input with no document id (an unreadable entry): a hash of its name."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def shard_dir(table_path: Path) -> Path:
    """Where the shards of the table at `table_path` live: `<folder>/shards/<table stem>/`."""
    table_path = Path(table_path)
    return table_path.parent / SHARDS_FOLDER / table_path.stem


def shard_path(table_path: Path, shard: int, shards: int) -> Path:
    """The file of one shard of the table at `table_path`."""
    return shard_dir(table_path) / f"{shard:04d}-of-{shards:04d}.parquet"


def shard_fingerprint(path: Path) -> str | None:
    """The fingerprint a shard file was written with, or None if there is no complete file."""
    try:
        return table_metadata(path).get("shard")
    except (OSError, ValueError, pa.ArrowInvalid):
        return None


def is_current(paths: Iterable[Path], fingerprint: str) -> bool:
    """Do the shard files at `paths` all exist and carry `fingerprint`?"""
    return all(shard_fingerprint(p) == fingerprint for p in paths)


def input_shards(table_path: Path) -> tuple[int, list[tuple[int, Path, str]]]:
    """The shards of the table at `table_path` → (the shard count, [(shard, file, fingerprint)]
    in shard order)."""
    found = []
    for path in sorted(shard_dir(table_path).glob("*-of-*.parquet")):
        fingerprint = shard_fingerprint(path)
        if fingerprint is None:
            raise ValueError(f"{path} is not a complete shard: re-run the stage that writes {Path(table_path).name}")
        shard, total = path.stem.split("-of-")
        found.append((int(shard), int(total), path, fingerprint))
    counts = {total for _, total, _, _ in found}
    if len(counts) > 1:
        raise ValueError(f"{shard_dir(table_path)} holds shards of two shard counts: re-run the stage that writes {Path(table_path).name}")
    if not Path(table_path).is_file():
        raise ValueError(f"{table_path} does not exist: run the stage that produces it first")
    if sum(row_count(path) for _, _, path, _ in found) != row_count(table_path):
        raise ValueError(f"{shard_dir(table_path)} does not hold the rows of {table_path}: re-run the stage that writes it")
    return (counts.pop() if counts else 1), [(shard, path, fp) for shard, _, path, fp in found]


def shard_producers(paths: Sequence[Path], default: dict[str, str]) -> dict[str, str]:
    """The producers recorded in the first of the shard files at `paths` (they share them), else `default`."""
    for path in paths:
        return dict(table_metadata(path).get("producers", default))
    return dict(default)


# --- fingerprints -----------------------------------------------------------------------------


@lru_cache(maxsize=None)
def code_fingerprint() -> str:
    """A hash of the package's code: a code change recomputes every shard (as DVC re-runs a stage)."""
    package = Path(__file__).resolve().parent
    return digest([[p.name, hashlib.sha256(p.read_bytes()).hexdigest()] for p in sorted(package.glob("*.py"))])


@lru_cache(maxsize=None)
def folder_fingerprint(folder: Path, pattern: str = "*.toml") -> str:
    """A hash of the files matching `pattern` in `folder` (the lexicons)."""
    return digest([[p.name, hashlib.sha256(p.read_bytes()).hexdigest()] for p in sorted(Path(folder).glob(pattern))])


def package_version(name: str) -> str | None:
    """The installed version of a package or spaCy model package (None for a folder or unknown)."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def fingerprint(stage: str, *parts: Any) -> str:
    """A shard's fingerprint: the stage, the code, and whatever else its rows depend on."""
    return digest({"stage": stage, "code": code_fingerprint(), "parts": list(parts)})


# --- models, once per worker ------------------------------------------------------------------

_MODELS: dict[Any, Any] = {}


def cached(key: Any, load: Callable[[], T]) -> T:
    """The models `load` gives, loaded once per process for `key` (a worker keeps them for its
    next tasks; the ner and claims stages share their spaCy packages, see `spacy_models`)."""
    if key not in _MODELS:
        _MODELS[key] = load()
        # The models live as long as the process: the garbage collector need not walk them again.
        gc.freeze()
    return _MODELS[key]  # type: ignore[no-any-return]


# --- engines ----------------------------------------------------------------------------------


class Engine:
    """Runs a task function over tasks and yields the results in task order: in this process."""

    def map(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        """`fn(task)` for each task, results in task order."""
        for task in tasks:
            yield fn(task)

    def close(self) -> None:
        """Stop the worker processes, if any."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ProcessEngine(Engine):
    """N worker processes of this machine, started once and kept for every stage of a run."""

    def __init__(self, workers: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: a worker must not inherit the parent's threads (tokenizers, torch).
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    def map(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        if len(tasks) <= 1:
            # One task: no process is worth starting for it (an incremental re-run).
            yield from Engine.map(self, fn, tasks)
            return
        yield from self._pool.map(fn, tasks)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


# Dask workers sample their own stack every 10 ms for the dashboard's profile: CPU our shards need.
WORKER_CONFIG: dict[str, Any] = {"distributed.worker.profile.enabled": False}


def worker_environment() -> dict[str, Any]:
    """The environment Dask's nannies give the workers they start, without its glibc trim threshold.

    A fixed `MALLOC_TRIM_THRESHOLD_` also fixes glibc's mmap threshold, so every large array the
    models allocate and free becomes a fresh mmap: the same shards ran about a quarter slower than in
    the local engine's workers. One thread per worker for OpenMP/BLAS stays (a worker per core).
    """
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


class DaskEngine(Engine):
    """A Dask cluster: the scheduler at `address`, else a LocalCluster of `workers` processes."""

    def __init__(self, workers: int, address: str | None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise RuntimeError("engine dask needs the `distributed` package: run `make setup`") from exc
        self._cluster = None
        # The scheduler and nannies run in this process: their start and stop chatter is not the user's business.
        logging.getLogger("distributed").setLevel(logging.WARNING)
        if address:
            self._client = Client(address, set_as_default=False)
        else:
            # One thread per worker: the models are not thread-safe, and a process per core is the
            # parallelism we want. No dashboard: it would need a free port and extra packages.
            import dask

            with dask.config.set(WORKER_CONFIG | {"distributed.nanny.pre-spawn-environ": worker_environment()}):
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
                )
            self._client = Client(self._cluster, set_as_default=False)

    def map(self, fn: Callable[[T], R], tasks: Sequence[T]) -> Iterator[R]:
        # pure=False: a task's result is its side effect (a shard file), never to be skipped as a duplicate.
        futures = self._client.map(fn, list(tasks), pure=False)
        try:
            for future in futures:
                yield future.result()
        finally:
            self._client.cancel([f for f in futures if not f.done()])

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_engine(params: EngineParams) -> Engine:
    """The engine `params` choose (close it after use, or use it as a context manager)."""
    if params.engine == "dask":
        return DaskEngine(params.workers, params.address)
    if params.workers > 1:
        return ProcessEngine(params.workers)
    return Engine()


# --- the table from its shards ----------------------------------------------------------------


def each(fn: Callable[[T], Any], tasks: list[T]) -> int:
    """`fn` over tasks one by one (a stage whose shards need no common batch) → how many."""
    for task in tasks:
        fn(task)
    return len(tasks)


def split_by_document(records: Iterable[Any], documents: Sequence[set[str]]) -> Iterator[Iterator[Any]]:
    """Records in document order (each with `doc_id`) → one iterator per group of `documents` in
    turn, yielding that group's records; consume each before asking for the next."""
    stream = iter(records)
    pending = next(stream, None)

    def group(ids: set[str]) -> Iterator[Any]:
        nonlocal pending
        while pending is not None and pending.doc_id in ids:
            yield pending
            pending = next(stream, None)

    for ids in documents:
        yield group(ids)
        # a group's records not consumed by the caller are skipped, never given to the next group
        while pending is not None and pending.doc_id in ids:
            pending = next(stream, None)


# --- documents kept inside a shard --------------------------------------------------------------


def document_fingerprint(setting: str, *parts: Any) -> str:
    """A document's own fingerprint in a stage: the stage's setting (`fingerprint(stage, …)` of
    its code, params, lexicons and models) and whatever of the document its rows depend on."""
    return digest([setting, list(parts)])


def document_fingerprints(path: Path) -> dict[str, str]:
    """Document id → the fingerprint its rows in the shard file at `path` were computed with
    ({} if there is no such file or it records none)."""
    try:
        return dict(table_metadata(path).get("documents") or {})
    except (OSError, ValueError, pa.ArrowInvalid):
        return {}


def kept_rows(path: Path, fingerprints: Mapping[str, str]) -> dict[str, pa.Table]:
    """The rows of the earlier shard file at `path`, by document, for the documents whose
    fingerprint now (`fingerprints`: document id → fingerprint) is the one their rows were computed
    with: a shard that changed because an article was added keeps its other documents' rows instead
    of computing them again. A document without rows keeps an empty table."""
    before = document_fingerprints(path)
    keep = sorted(d for d, fp in fingerprints.items() if before.get(d) == fp)
    if not keep:
        return {}
    try:
        rows = pq.read_table(path)
    except (OSError, pa.ArrowInvalid):
        return {}
    spans: dict[str, list[int]] = {}
    # a shard's rows are in document order: each document's rows are consecutive
    for i, doc_id in enumerate(rows.column("doc_id").to_pylist()):
        spans.setdefault(doc_id, [i, i])[1] = i + 1
    return {d: rows.slice(spans[d][0], spans[d][1] - spans[d][0]) if d in spans else rows.slice(0, 0) for d in keep}


def write_documents(writer: TableWriter, order: Sequence[str], kept: Mapping[str, pa.Table], fresh: Iterable[Record]) -> None:
    """Write a shard's rows in document order (`order`): a kept document's rows (`kept_rows`), else
    its records from `fresh` (the records of the documents not kept, in document order). Every row
    goes through Arrow, kept or not, so a shard's bytes do not depend on which documents were kept."""
    groups = split_by_document(fresh, [{d} for d in order if d not in kept])
    for doc_id in order:
        rows = kept[doc_id] if doc_id in kept else records_table(writer.table, list(next(groups)))
        if rows.num_rows:
            writer.write_arrow(rows)


def write_from_shards(writer: TableWriter, paths: Iterable[Path]) -> None:
    """Stream the rows of shard files, in the order given, into an open table writer."""
    for path in paths:
        writer.write_arrow(pq.read_table(path))


@dataclass(frozen=True)
class Plan:
    """What a sharded stage does this run: every shard with its fingerprint, and which to compute."""

    shards: list[int]
    fingerprints: dict[int, str]
    todo: list[int]

    @property
    def reused(self) -> int:
        return len(self.shards) - len(self.todo)


def plan(fingerprints: dict[int, str], outputs: Callable[[int], Sequence[Path]]) -> Plan:
    """Shard → fingerprint, and shard → its output files → the plan: shards whose files are
    missing or carry another fingerprint are to be computed."""
    shards = sorted(fingerprints)
    todo = [s for s in shards if not is_current(outputs(s), fingerprints[s])]
    return Plan(shards, fingerprints, todo)


def groups(shards: Sequence[int], sizes: dict[int, int], batch: int) -> list[list[int]]:
    """Consecutive shards gathered until each group holds at least `batch` documents (the last may
    hold fewer): one task each, so that small shards still reach the models in full batches."""
    out: list[list[int]] = []
    held = batch
    for shard in shards:
        if held >= batch:
            out.append([])
            held = 0
        out[-1].append(shard)
        held += sizes.get(shard, 0)
    return out


def run_shards(
    desc: str,
    tables: Sequence[Path],
    n: int,
    fingerprints: dict[int, str],
    task_of: Callable[[int, str], T],
    fn: Callable[[list[T]], int],
    runner: Engine | None,
    sizes: dict[int, int] | None = None,
    batch: int = 1,
) -> Plan:
    """Bring the shard files of `tables` up to date: shard → fingerprint gives every shard; those
    whose files are missing or carry another fingerprint are computed (`fn` over lists of
    `task_of(shard, fingerprint)` holding at least `batch` documents by `sizes`, on `runner`,
    default this process); files of shards that no longer exist (or of another shard count `n`)
    are removed → the plan."""
    todo = plan(fingerprints, lambda s: [shard_path(t, s, n) for t in tables])
    tasks = [[task_of(s, todo.fingerprints[s]) for s in group] for group in groups(todo.todo, sizes or {}, batch)]
    with tqdm(desc=desc, unit="shard", total=len(todo.todo), disable=None) as bar:
        for done in (runner or Engine()).map(fn, tasks):
            bar.update(done)
    log.info("%s: %d shards computed, %d reused", desc, len(todo.todo), todo.reused)
    for table in tables:
        folder = shard_dir(table)
        keep = {shard_path(table, s, n).name for s in todo.shards}
        for path in folder.glob("*.parquet") if folder.is_dir() else []:
            if path.name not in keep:
                path.unlink(missing_ok=True)
        # A killed write of a shard that no longer exists left a temporary no writer will clean.
        for name in {p.name[1:].split(".parquet.", 1)[0] for p in folder.glob(f".*{TMP_SUFFIX}")} if folder.is_dir() else set():
            remove_stale_temporaries(folder / f"{name}.parquet")
    return todo
