"""`python -m bench.scale`: the chain on a large corpus — workers, Dask, incremental re-runs, memory.

On a corpus of `--documents` short articles (default 10,000; the benchmark corpus's French and
English text, news and NER data, cut to about `--words` words each and made unique by a last
line), it runs `python -m pipeline run` as a user does and measures:
- `full 1 process`: the whole chain from an empty output folder (model loading included);
- `incremental +1`: one article added, the same command again on the same output folder;
- `full 2 workers` and `full dask 2 workers`: the corpus with that article, into empty folders;
  their tables and shards must be byte-identical to the incremental run's;
- `small 1 process`: the first `--small` articles (default 1,000), for memory against size.
Peak memory is sampled every 0.2 s for each process of the run (the command and its workers):
`peak_worker_mib` is the largest. Results are printed and written to `bench/scale.json`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def _cut(text: str, words: int) -> str:
    """The first sentences of `text` that hold about `words` words."""
    out: list[str] = []
    for line in text.splitlines():
        out.append(line)
        if sum(len(x.split()) for x in out) >= words:
            break
    return "\n".join(out).strip()


def write_corpus(folder: Path, documents: int, words: int, data: Path, seeds: Path) -> int:
    """Write `documents` unique articles of about `words` words as .txt files; return the word count."""
    from bench.corpus import build

    base = [d for d in build(data, seeds) if len(d.text.split()) >= words // 2]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(documents):
        text = f"{_cut(base[i % len(base)].text, words)}\n\n({i})\n"
        (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


def run(inputs: Path, output: Path, *options: str) -> dict[str, float]:
    """`python -m pipeline run` → seconds, and peak RSS (MiB) of the largest process and of all together."""
    command = [sys.executable, "-m", "pipeline", "run", "--input", str(inputs), "--output", str(output), "--params", str(ROOT / "params.yaml"), *options]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(process.pid)
    peaks: dict[int, int] = {}
    total_peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        total = 0
        for p in tree:
            try:
                rss = p.memory_info().rss
            except psutil.NoSuchProcess:
                continue
            peaks[p.pid] = max(peaks.get(p.pid, 0), rss)
            total += rss
        total_peak = max(total_peak, total)
        time.sleep(0.2)
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr}")
    return {
        "seconds": round(seconds, 2),
        "peak_worker_mib": round(max(peaks.values(), default=0) / 2**20),
        "peak_total_mib": round(total_peak / 2**20),
    }


def tree_hash(folder: Path) -> str:
    """One hash of every Parquet file under `folder` (tables and shards), by relative path."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.parquet")):
        h.update(str(path.relative_to(folder)).encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--words", type=int, default=150, help="about how many words per article")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "ner")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "scale.json")
    parser.add_argument("--no-engines", action="store_true", help="skip the 2-worker and Dask runs (and the byte comparison)")
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus, small = work / "corpus", work / "small"
        words = write_corpus(corpus, args.documents, args.words, args.data, args.seeds)
        small.mkdir()
        small_words = 0
        for path in sorted(corpus.glob("*.txt"))[: args.small]:
            shutil.copy(path, small / path.name)
            small_words += len(path.read_text(encoding="utf-8").split())
        extra = work / "extra.txt"
        write_corpus(work / "one", 1, args.words * 3, args.data, args.seeds)
        shutil.move(work / "one" / "000000.txt", extra)
        extra_words = len(extra.read_text(encoding="utf-8").split())

        def report(name: str, r: dict[str, float], n_words: int, documents: int) -> None:
            r = {**r, "documents": documents, "words": n_words, "words_per_second": round(n_words / r["seconds"])}
            results[name] = r
            print(f"{name:22} {documents:>6} docs {n_words:>9} words {r['seconds']:>8.2f} s {r['words_per_second']:>6} words/s "
                  f"peak/worker {r['peak_worker_mib']:>5} MiB  all {r['peak_total_mib']:>5} MiB", flush=True)

        report("small 1 process", run(small, work / "out-small"), small_words, args.small)
        report("full 1 process", run(corpus, work / "out"), words, args.documents)
        shutil.copy(extra, corpus / "extra.txt")
        words += extra_words
        report("incremental +1", run(corpus, work / "out"), words, args.documents + 1)
        if not args.no_engines:
            report("full 2 workers", run(corpus, work / "out-2", "--workers", "2"), words, args.documents + 1)
            report("full dask 2 workers", run(corpus, work / "out-dask", "--engine", "dask", "--workers", "2"), words, args.documents + 1)
            hashes = {name: tree_hash(work / folder) for name, folder in (("incremental +1", "out"), ("full 2 workers", "out-2"), ("full dask 2 workers", "out-dask"))}
    r = results
    ratios: dict[str, object] = {
        "incremental / full": round(r["incremental +1"]["seconds"] / r["full 1 process"]["seconds"], 3),  # type: ignore[index]
        "peak per worker, full / small": round(r["full 1 process"]["peak_worker_mib"] / r["small 1 process"]["peak_worker_mib"], 3),  # type: ignore[index]
    }
    if not args.no_engines:
        ratios["2 workers / 1 process (words/s)"] = round(r["full 2 workers"]["words_per_second"] / r["full 1 process"]["words_per_second"], 3)  # type: ignore[index]
        ratios["dask / 2 workers (words/s)"] = round(r["full dask 2 workers"]["words_per_second"] / r["full 2 workers"]["words_per_second"], 3)  # type: ignore[index]
        ratios["byte-identical (incremental, 2 workers, dask)"] = len(set(hashes.values())) == 1
    for name, value in ratios.items():
        print(f"{name}: {value}")
    results.update(ratios)
    args.output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
