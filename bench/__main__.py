"""`python -m bench`: words/second and peak memory of our stages next to the bare spaCy models.

Each measurement runs in its own process (so peak memory is that of the measurement alone) on
the same corpus, in the same run:
- `bare-full`: `nlp.pipe` of the whole spaCy model (all components), what a user would run;
- `bare-ner`: `nlp.pipe` of the same model with only its `ner` component, what our stage loads;
- `ner`: our ner stage (model + lexicon, title and repair rules);
- `ner+resolve`: ner then resolve (identity across documents);
- `pipeline`: the whole chain end to end, clean → ner → resolve → claims, from `.txt` files to
  Parquet tables (what `python -m pipeline run` does).
Then `bare-full` and `pipeline` again on the news articles alone (`seeds/` with the development
set, repeated to 150,000 words), where the claims stage parses the most. Every timing includes
loading the models, as a user's run does. Results are printed and written to `bench/results.json`.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ("bare-full", "bare-ner", "ner", "ner+resolve", "pipeline")


def measure(mode: str, data: Path, seeds: Path, news: bool = False) -> dict[str, float]:
    """Run one mode over the corpus (`news`: the news articles alone); return words, seconds,
    words/second and peak RSS (MiB)."""
    import spacy

    from bench.corpus import build
    from pipeline import ner, resolve

    docs = build(data, seeds, min_words=150_000, news_only=True) if news else build(data, seeds)
    words = sum(len(d.text.split()) for d in docs)
    params = ner.NerParams()
    by_lang = {lang: [d for d in docs if d.lang == lang] for lang in ("fr", "en")}
    if mode == "pipeline":
        import tempfile

        from pipeline import claims, clean

        with tempfile.TemporaryDirectory() as tmp:
            inputs, out = Path(tmp) / "inputs", Path(tmp) / "outputs"
            inputs.mkdir()
            for d in docs:
                (inputs / f"{d.doc_id}.txt").write_text(d.text, encoding="utf-8")
            start = time.perf_counter()
            clean.main(inputs, out, clean.CleanParams())
            # whole packages, shared with the claims stage, as `python -m pipeline run` does
            ner.main(out / "documents.parquet", out / "ner_mentions.parquet", params, whole_packages=True)
            resolve.main(out / "documents.parquet", out / "ner_mentions.parquet", out / "mentions.parquet", out / "entities.parquet", resolve.ResolveParams())
            claims.main(out / "documents.parquet", out / "mentions.parquet", out / "entities.parquet", out / "claims.parquet", claims.ClaimsParams())
            seconds = time.perf_counter() - start
    elif mode.startswith("bare"):
        # Loading the models counts, as it does in the chain's runs: both are timed as a user runs them.
        start = time.perf_counter()
        nlps = {}
        for lang in by_lang:
            name = params.spacy_models[lang]
            nlps[lang] = spacy.load(name) if mode == "bare-full" else spacy.load(name, exclude=["tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "senter"])
        for lang, group in by_lang.items():
            for _ in nlps[lang].pipe((d.text for d in group), batch_size=params.batch_size):
                pass
        seconds = time.perf_counter() - start
    else:
        start = time.perf_counter()
        models = ner.load_models(params)
        found = list(ner.run(docs, models, params))
        if mode == "ner+resolve":
            by_doc: dict[str, list] = {}
            for m in found:
                by_doc.setdefault(m.doc_id, []).append(m)
            mentions, entities = resolve.run(((d, by_doc.get(d.doc_id, [])) for d in docs), resolve.ResolveParams())
            for _ in mentions:
                pass
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"documents": len(docs), "words": words, "seconds": round(seconds, 2), "words_per_second": round(words / seconds), "peak_rss_mib": round(peak)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "ner", help="folder of the openly licensed NER data")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--news", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.data, args.seeds, args.news)))
        return
    results = {}
    # The mixed corpus (NER data and news), then the news articles alone (seeds and development set):
    # attribution-dense text, where the claims stage parses the largest share of sentences.
    runs = [(mode, False) for mode in MODES] + [("bare-full", True), ("pipeline", True)]
    for mode, news in runs:
        done = subprocess.run([sys.executable, "-m", "bench", "--mode", mode, "--data", str(args.data), "--seeds", str(args.seeds)] + (["--news"] if news else []),
                              capture_output=True, text=True, check=True, cwd=ROOT)
        name = f"news {mode}" if news else mode
        results[name] = json.loads(done.stdout.strip().splitlines()[-1])
        r = results[name]
        print(f"{name:16} {r['words']:>8} words  {r['seconds']:>7.2f} s  {r['words_per_second']:>7} words/s  peak {r['peak_rss_mib']:>5} MiB", flush=True)
    pairs = [(ours, bare) for ours in ("ner", "ner+resolve", "pipeline") for bare in ("bare-full", "bare-ner")]
    for ours, bare in pairs + [("news pipeline", "news bare-full")]:
        ratio = results[ours]["seconds"] / results[bare]["seconds"]
        results[f"{ours} / {bare}"] = round(ratio, 3)
        print(f"time {ours} / {bare}: {ratio:.2f}x")
    args.output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
