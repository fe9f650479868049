"""`python -m bench.ner_backends`: words/second and entity F1 of the NER backends, in one run.

Every backend (spaCy, and stanza when its extra and models are installed) reads the same
held-out part of the NER data in data/ner (`tools/ner_data.py`: the last 10% of the French Europeana
BnF tokens, half of the WNUT-17 test file; no model built here has seen them), rebuilt as running
text in documents of DOC_SENTENCES sentences, through the ner stage's own backend interface
(`ner.load_backend`; loading is not timed). F1 counts exact matches of span and type over
PERSON, LOC and ORG, the model's labels mapped as the ner stage maps them (`ner.LABELS`; WNUT's
person → PERSON, location → LOC, corporation and group → ORG). Raw model output is scored: the
ner stage's lexicons and rules, made for news, are not applied.

Results are printed and written to `bench/ner_backends.json`.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline import ner
from tools import ner_data

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("PERSON", "LOC", "ORG")
DOC_SENTENCES = 20
Span = tuple[int, int, str]


@dataclass
class HeldOut:
    texts: list[str]
    gold: list[set[Span]]
    words: int


def held_out(lang: str, data: Path) -> HeldOut:
    """The held-out sentences of `lang` as documents, with their gold PERSON/LOC/ORG char spans."""
    sentences = ner_data.load(lang, data).heldout
    texts, gold = [], []
    for i in range(0, len(sentences), DOC_SENTENCES):
        text, spans = "", set()
        for sentence in sentences[i : i + DOC_SENTENCES]:
            if text:
                text += " "
            sentence_text, offsets = ner_data.detokenize([w for w, _ in sentence], lang)
            for first, last, kind in ner_data.entities(sentence):
                label = ner.LABELS.get(kind.upper())
                if label in TYPES:
                    spans.add((len(text) + offsets[first][0], len(text) + offsets[last - 1][1], label))
            text += sentence_text
        texts.append(text)
        gold.append(spans)
    return HeldOut(texts, gold, sum(map(len, sentences)))


def measure(backend: str, lang: str, data: HeldOut, params: ner.NerParams) -> dict[str, float]:
    """Run one backend over the held-out documents: speed and precision, recall, F1."""
    model = ner.load_backend(lang, params.model_copy(update={"backend": {lang: backend}}))
    start = time.perf_counter()
    predicted = [
        {(s.start, s.end, ner.LABELS[s.label]) for s in spans if ner.LABELS.get(s.label) in TYPES}
        for _, spans in model.pipe(data.texts, params.batch_size)
    ]
    seconds = time.perf_counter() - start
    hits = sum(len(p & g) for p, g in zip(predicted, data.gold))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, data.gold))
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "words": data.words, "seconds": round(seconds, 2), "words_per_second": round(data.words / seconds),
        "gold": n_gold, "predicted": n_pred, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "model": ", ".join(f"{k} {v}" for k, v in sorted(model.versions.items()) if "model" in k),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "ner", help="folder of the openly licensed NER data")
    parser.add_argument("--backends", nargs="+", default=["spacy", "stanza"], choices=["spacy", "stanza"])
    parser.add_argument("--lang", nargs="+", default=["fr", "en"], choices=["fr", "en"])
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "ner_backends.json")
    args = parser.parse_args()
    params = ner.NerParams()
    results: dict[str, dict[str, object]] = {}
    print(f"{'':10} {'words':>6} {'words/s':>8} {'P':>5} {'R':>5} {'F1':>5}  model")
    for lang in args.lang:
        data = held_out(lang, args.data)
        for backend in args.backends:
            key = f"{lang}/{backend}"
            try:
                r = measure(backend, lang, data, params)
            except RuntimeError as exc:  # stanza extra or models not installed
                results[key] = {"skipped": str(exc)}
                print(f"{key:10} skipped: {exc}")
                continue
            results[key] = r
            print(f"{key:10} {r['words']:>6} {r['words_per_second']:>8} {r['precision']:>5.2f} {r['recall']:>5.2f} {r['f1']:>5.2f}  {r['model']}", flush=True)
    args.output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
