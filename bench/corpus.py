"""The benchmark corpus: real text, at least 200k words, French and English.

French: the Europeana BnF newspaper NER corpus (CC0) cut into articles of ~400 words; English:
the WNUT-17 sentences (CC BY 4.0) grouped into articles; plus the seed articles (cleaned), which
are the kind of text the pipeline is for. Nothing is downloaded: the NER data is in the
project (`data/ner`, `--data`); without it the seeds alone are repeated.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline import clean
from pipeline.schema import Document


def _tokens(path: Path, sep: str | None) -> Iterator[list[str]]:
    """Sentences (or, with no sentence breaks, one long run) of tokens of a CoNLL/BIO file."""
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append(line.split(sep)[0])
    if sentence:
        yield sentence


def _documents(lang: str, name: str, words: list[str], size: int) -> Iterator[Document]:
    for i in range(0, len(words), size):
        text = " ".join(words[i : i + size]).replace(" ,", ",").replace(" .", ".\n")
        yield Document(doc_id=f"{name}-{i // size:05d}", source=f"{name}/{i // size:05d}.txt", lang=lang, text=text,
                       raw_sha256="0" * 64, encoding="utf-8", n_chars=len(text))


def build(data_dir: Path, seeds_dir: Path, min_words: int = 200_000, news_only: bool = False) -> list[Document]:
    """Benchmark documents: the NER data as articles, then the seeds until `min_words` is reached;
    with `news_only`, the news articles of `seeds_dir` alone (seeds and development set), repeated."""
    docs: list[Document] = []
    fr = data_dir / "fr_europeana_bnf.bio"
    if fr.is_file() and not news_only:
        words = [w for sentence in _tokens(fr, " ") for w in sentence]
        docs += _documents("fr", "bnf", words, 400)
    for part in ("dev", "test"):
        en = data_dir / f"en_wnut17_{part}.conll"
        if en.is_file() and not news_only:
            words = [w for sentence in _tokens(en, "\t") for w in sentence]
            docs += _documents("en", f"wnut-{part}", words, 400)
    params = clean.CleanParams()
    models = clean.load_models()
    seeds = [r for r in clean.run(clean.iter_inputs(seeds_dir, params), models, params) if isinstance(r, Document)]
    copy = 0
    while sum(len(d.text.split()) for d in docs) < min_words or copy < 2:
        # Each copy differs by a last line, so the clean stage does not reject it as a duplicate.
        docs += [s.model_copy(update={"doc_id": f"{s.doc_id}-{copy}", "text": f"{s.text}\n\n({copy})"}) for s in seeds]
        copy += 1
    return docs
