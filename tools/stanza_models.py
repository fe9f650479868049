"""Build the stanza models of the ner stage's `stanza` backend into one folder (`make stanza-models`).

Default: train small French and English tokenizer and NER models here, on CPU, from the openly
licensed NER data in data/ner (`tools/ner_data.py` fixes the split; the held-out part is left for
`bench/ner_backends.py`), with stanza's own training entry points:
  1. the data → stanza's formats in `<output>/work/<lang>/` (tokenizer: text and per-character
     labels; NER: JSON sentences);
  2. word vectors (PPMI + SVD over the training tokens) → a stanza pretrain file, which the NER
     model is trained with and which resources.json declares as its dependency, so that loading
     always uses the same vectors (a model loaded without its vectors gives no error, only
     wrong output);
  3. `python -m stanza.models.tokenizer` and `python -m stanza.models.ner_tagger --cpu`, with
     small settings (a few minutes on 2 cores);
  4. `resources.json` (what `stanza.Pipeline(lang, dir=..., download_method=None)` reads) and
     `build.json` (how each language was built).
`--download` fetches stanza's official models into the same folder instead (needs network).
Languages whose models are complete are kept unless `--force`.

In: `--data` folder of the NER data (data/ner); out: `--output` folder (default `models/stanza`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from tools import ner_data

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = {"fr": "europeana", "en": "wnut17"}
LANG_NAMES = {"fr": "French", "en": "English"}
PARAGRAPH_SENTENCES = 8
VECTOR_DIM = 50
# Small enough for a few minutes on 2 CPU cores; the English data is seven times smaller.
TOKENIZER_ARGS = {
    "fr": ["--steps", "1200", "--eval_steps", "200", "--batch_size", "32", "--max_seqlen", "100"],
    "en": ["--steps", "800", "--eval_steps", "200", "--batch_size", "32", "--max_seqlen", "100"],
}
NER_ARGS = {
    "fr": ["--max_steps", "1000", "--eval_interval", "250", "--batch_size", "32", "--hidden_dim", "128",
           "--char_hidden_dim", "64", "--char_emb_dim", "50", "--optim", "adam", "--lr", "0.002", "--max_steps_no_improve", "500"],
    "en": ["--max_steps", "900", "--eval_interval", "150", "--batch_size", "16", "--hidden_dim", "128",
           "--char_hidden_dim", "64", "--char_emb_dim", "50", "--optim", "adam", "--lr", "0.002", "--max_steps_no_improve", "450"],
}


def model_files(output: Path, lang: str) -> dict[str, Path]:
    """The files one trained language consists of."""
    package = PACKAGE[lang]
    return {kind: output / lang / kind / f"{package}.pt" for kind in ("tokenize", "pretrain", "ner")}


def is_complete(output: Path, lang: str) -> bool:
    """Whether resources.json lists `lang` and every file its tokenize and ner models need exists."""
    from pipeline.stanza_backend import missing_files

    try:
        return not missing_files(output, lang)
    except (OSError, ValueError, KeyError):
        return False


# --- data → stanza's training formats ------------------------------------------------------------


def tokenizer_files(sentences: list[ner_data.Sentence], lang: str, txt: Path, labels: Path) -> None:
    """Sentences → stanza tokenizer training text and per-character labels (1 end of token,
    2 end of sentence), paragraphs of PARAGRAPH_SENTENCES sentences separated by blank lines."""
    texts, marks = [], []
    for i in range(0, len(sentences), PARAGRAPH_SENTENCES):
        paragraph, labelled = [], []
        for sentence in sentences[i : i + PARAGRAPH_SENTENCES]:
            text, spans = ner_data.detokenize([w for w, _ in sentence], lang)
            chars = ["0"] * len(text)
            for _, end in spans:
                chars[end - 1] = "1"
            chars[spans[-1][1] - 1] = "2"
            paragraph.append(text)
            labelled.append("".join(chars))
        texts.append(" ".join(paragraph))
        marks.append("0".join(labelled))  # the space between two sentences
    txt.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    labels.write_text("\n\n".join(marks) + "\n", encoding="utf-8")


def ner_file(sentences: list[ner_data.Sentence], path: Path) -> None:
    """Sentences → stanza NER training JSON (a list of sentences of {text, ner})."""
    doc = [[{"text": w, "ner": t} for w, t in s] for s in sentences]
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def word_vectors(sentences: list[ner_data.Sentence], dim: int = VECTOR_DIM, max_words: int = 20000,
                 n_contexts: int = 2000, window: int = 2) -> tuple[list[str], np.ndarray]:
    """Lower-cased words seen twice or more → vectors: positive PMI over a ±window, reduced by SVD."""
    counts = Counter(w.lower() for s in sentences for w, _ in s)
    words = [w for w, c in counts.most_common(max_words) if c >= 2]
    rows = {w: i for i, w in enumerate(words)}
    cols = {w: i for i, w in enumerate(words[:n_contexts])}
    cooc = np.zeros((len(words), len(cols)))
    for s in sentences:
        tokens = [w.lower() for w, _ in s]
        for i, w in enumerate(tokens):
            r = rows.get(w)
            if r is None:
                continue
            for j in range(max(0, i - window), min(len(tokens), i + window + 1)):
                c = cols.get(tokens[j]) if j != i else None
                if c is not None:
                    cooc[r, c] += 1
    total = cooc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(cooc * total / (cooc.sum(1, keepdims=True) * cooc.sum(0, keepdims=True)))
    ppmi = np.nan_to_num(np.maximum(pmi, 0), nan=0.0, posinf=0.0, neginf=0.0)
    _, vecs = np.linalg.eigh(ppmi.T @ ppmi)  # right singular vectors, through the small Gram matrix
    emb = ppmi @ vecs[:, ::-1][:, :dim]
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-8
    return words, emb.astype(np.float32)


def write_pretrain(words: list[str], emb: np.ndarray, text_path: Path, pt_path: Path) -> None:
    """Vectors → word2vec text → stanza's pretrain file (through stanza's own Pretrain class)."""
    from stanza.models.common.pretrain import Pretrain

    with text_path.open("w", encoding="utf-8") as out:
        out.write(f"{len(words)} {emb.shape[1]}\n")
        for word, row in zip(words, emb):
            out.write(word + " " + " ".join(f"{x:.5f}" for x in row) + "\n")
    pt_path.parent.mkdir(parents=True, exist_ok=True)
    pt_path.unlink(missing_ok=True)
    Pretrain(str(pt_path), str(text_path), max_vocab=-1, save_to_file=True).load()


# --- training -------------------------------------------------------------------------------------


def run_stanza(module: str, args: list[str], log: Path) -> None:
    """Run one of stanza's training entry points, its log to `log`; raise with the log's tail."""
    # One thread: these models are small, and torch's spinning worker threads stall for seconds
    # whenever another process holds the second core.
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "-m", module, *args], stdout=out, stderr=subprocess.STDOUT, cwd=log.parent, env=env)
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-20:])
        raise RuntimeError(f"{module} failed (exit {done.returncode}); end of {log}:\n{tail}")


def best_score(log: Path, marker: str) -> str:
    """The last line of a training log that mentions `marker` (stanza reports its best dev score)."""
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if marker in line]
    return lines[-1].split(":", 3)[-1].strip() if lines else ""


def train(lang: str, data: Path, output: Path, work: Path) -> dict[str, object]:
    """Train the tokenizer, vectors and NER model of `lang` into `output`; return what was built."""
    split = ner_data.load(lang, data)
    work = work / lang
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    files = model_files(output, lang)
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
    started = time.perf_counter()

    tokenizer_files(split.train, lang, work / "train.txt", work / "train.toklabels")
    tokenizer_files(split.dev, lang, work / "dev.txt", work / "dev.toklabels")
    (work / "mwt.json").write_text("[]\n", encoding="utf-8")  # no multi-word tokens; stanza needs the file
    ner_file(split.train, work / "train.json")
    ner_file(split.dev, work / "dev.json")
    words, emb = word_vectors(split.train)
    write_pretrain(words, emb, work / "vectors.txt", files["pretrain"])
    print(f"{lang}: {sum(map(len, split.train))} training tokens, {len(words)} word vectors", flush=True)

    run_stanza("stanza.models.tokenizer", [
        "--mode", "train", "--lang", lang, "--shorthand", f"{lang}_{PACKAGE[lang]}", "--cpu", "--no_use_mwt",
        "--mwt_json_file", str(work / "mwt.json"),
        "--txt_file", str(work / "train.txt"), "--label_file", str(work / "train.toklabels"),
        "--dev_txt_file", str(work / "dev.txt"), "--dev_label_file", str(work / "dev.toklabels"),
        "--save_dir", str(files["tokenize"].parent), "--save_name", files["tokenize"].name, *TOKENIZER_ARGS[lang],
    ], work / "tokenizer.log")
    tokenizer_done = time.perf_counter()
    print(f"{lang}: tokenizer {tokenizer_done - started:.0f} s, {best_score(work / 'tokenizer.log', 'Best dev score')}", flush=True)

    run_stanza("stanza.models.ner_tagger", [
        "--mode", "train", "--shorthand", f"{lang}_{PACKAGE[lang]}", "--cpu", "--scheme", "bioes",
        "--train_file", str(work / "train.json"), "--eval_file", str(work / "dev.json"),
        "--wordvec_pretrain_file", str(files["pretrain"]),
        "--save_dir", str(files["ner"].parent), "--save_name", files["ner"].name, *NER_ARGS[lang],
    ], work / "ner.log")
    seconds = time.perf_counter() - started
    print(f"{lang}: NER {time.perf_counter() - tokenizer_done:.0f} s, {best_score(work / 'ner.log', 'Best dev F1')}", flush=True)
    return {
        "source": "trained", "package": PACKAGE[lang], "data": [*ner_data.FILES[lang]],
        "training_tokens": sum(map(len, split.train)), "seconds": round(seconds),
        "tokenizer_dev": best_score(work / "tokenizer.log", "Best dev score"), "ner_dev": best_score(work / "ner.log", "Best dev F1"),
    }


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def resources_entry(output: Path, lang: str) -> dict[str, object]:
    """resources.json entry of a trained language: its models, the NER model's dependency on its
    vectors, and the `default` package that `processors='tokenize,ner'` resolves to."""
    package, files = PACKAGE[lang], model_files(output, lang)
    return {
        "lang_name": LANG_NAMES[lang],
        "tokenize": {package: {"md5": md5(files["tokenize"])}},
        "pretrain": {package: {"md5": md5(files["pretrain"])}},
        "ner": {package: {"md5": md5(files["ner"]), "dependencies": [{"model": "pretrain", "package": package}]}},
        "packages": {"default": {"tokenize": package, "ner": package}},
        "default_processors": {"tokenize": package, "ner": package},
    }


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def download(langs: list[str], output: Path) -> dict[str, dict[str, object]]:
    """stanza's official tokenize and NER models (and what they depend on) into `output`."""
    import stanza

    kept = read_json(output / "resources.json")
    built = {}
    for lang in langs:
        stanza.download(lang, model_dir=str(output), processors="tokenize,ner", package="default")
        built[lang] = {"source": "official", "stanza": stanza.__version__}
    # The official resources.json replaces ours: keep the entries of languages trained here.
    resources = read_json(output / "resources.json")
    for lang, entry in kept.items():
        if lang not in langs and lang in PACKAGE and isinstance(entry, dict) and "packages" in entry:
            resources[lang] = entry
    write_json(output / "resources.json", resources)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "ner", help="folder of the openly licensed NER data")
    parser.add_argument("--output", type=Path, default=ROOT / "models" / "stanza", help="models folder (ner.stanza_models_dir)")
    parser.add_argument("--lang", nargs="+", choices=sorted(PACKAGE), default=["fr", "en"])
    parser.add_argument("--download", action="store_true", help="download stanza's official models instead (needs network)")
    parser.add_argument("--force", action="store_true", help="rebuild languages whose models are already complete")
    args = parser.parse_args(argv)
    output: Path = args.output.resolve()
    output.mkdir(parents=True, exist_ok=True)

    todo = [lang for lang in args.lang if args.force or not is_complete(output, lang)]
    for lang in sorted(set(args.lang) - set(todo)):
        print(f"{lang}: models in {output} are complete (FORCE=1 / --force rebuilds them)")
    if not todo:
        return 0
    build = read_json(output / "build.json")
    if args.download:
        build.update(download(todo, output))
    else:
        import stanza
        import torch

        # Languages train side by side, one thread each (see run_stanza): one per core.
        with ThreadPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
            trained = dict(zip(todo, pool.map(lambda lang: train(lang, args.data, output, output / "work"), todo)))
        resources = read_json(output / "resources.json")
        for lang, entry in trained.items():
            build[lang] = {**entry, "stanza": stanza.__version__, "torch": torch.__version__}
            resources[lang] = resources_entry(output, lang)
        write_json(output / "resources.json", resources)
    write_json(output / "build.json", build)
    for lang in todo:
        if not is_complete(output, lang):
            print(f"error: {lang}: models in {output} are still incomplete", file=sys.stderr)
            return 1
    print(f"stanza models ({', '.join(todo)}) → {output}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
