"""The openly licensed NER data (`data/ner`) as sentences, with one fixed train/dev/held-out split.

`tools/stanza_models.py` trains on `train` (early stopping on `dev`); `bench/ner_backends.py`
scores every backend on `heldout`, which no model built here has seen:
- French, Europeana BnF (IOB1, no sentence breaks): cut into sentences; the last 10% of the
  tokens are held out, and the last 5% of the rest is the dev part;
- English, WNUT-17 (ten times smaller): the dev file and the first half of the test file are
  trained on (their last 10% of sentences as the dev part), the second half of the test file is
  held out.
Tags come out as BIO with the corpus's own types (PER/LOC/ORG; person, location, corporation,
group, product, creative-work).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str]]
"""(token, BIO tag) pairs."""

FILES = {"fr": ("fr_europeana_bnf.bio",), "en": ("en_wnut17_dev.conll", "en_wnut17_test.conll")}
SENTENCE_END = {".", "!", "?"}
MAX_SENTENCE_TOKENS = 60
# No space before these tokens when text is rebuilt from tokens; French sets a space before ; : ! ?
NO_SPACE_BEFORE = {"fr": {",", ".", ")", "]", "}", "%", "…"}, "en": {",", ".", ")", "]", "}", "%", "…", ";", ":", "!", "?"}}
NO_SPACE_AFTER = {"(", "[", "{"}


@dataclass(frozen=True)
class Split:
    train: list[Sentence]
    dev: list[Sentence]
    heldout: list[Sentence]


def iob1_to_bio(tags: list[str]) -> list[str]:
    """IOB1 tags (`I-` opens an entity unless it continues one of the same type) → BIO."""
    out, previous = [], "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def read_columns(path: Path) -> list[Sentence]:
    """A `token TAG` / `token<TAB>TAG` file → sentences (blank lines separate them, if any)."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((parts[0], parts[-1]))
    if current:
        sentences.append(current)
    return sentences


def cut_sentences(tokens: Sentence) -> list[Sentence]:
    """One run of tokens with no sentence breaks → sentences: after . ! ? before a capital, and
    at most MAX_SENTENCE_TOKENS tokens (cut outside entities) so that no model sees a whole page
    as one sentence."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for i, (token, tag) in enumerate(tokens):
        current.append((token, tag))
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is None:
            break
        ends = token in SENTENCE_END and following[0][:1].isupper()
        too_long = len(current) >= MAX_SENTENCE_TOKENS and not following[1].startswith("I-")
        if ends or too_long:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def load(lang: str, data_dir: Path) -> Split:
    """The fixed split of `lang`'s data; FileNotFoundError names the missing file."""
    paths = [Path(data_dir) / name for name in FILES[lang]]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"NER data file not found: {path} (set NER_DATA / --data to the NER data folder)")
    if lang == "fr":
        tokens = [t for s in read_columns(paths[0]) for t in s]
        tokens = list(zip([t for t, _ in tokens], iob1_to_bio([tag for _, tag in tokens])))
        sentences = cut_sentences(tokens)
        total, seen = len(tokens), 0
        cut = len(sentences)
        for i, s in enumerate(sentences):
            if seen >= 0.9 * total:
                cut = i
                break
            seen += len(s)
        trainable, heldout = sentences[:cut], sentences[cut:]
        dev_size = max(1, round(0.05 * len(trainable)))
    else:
        test = read_columns(paths[1])
        trainable, heldout = read_columns(paths[0]) + test[: len(test) // 2], test[len(test) // 2 :]
        dev_size = max(1, round(0.1 * len(trainable)))
    return Split(train=trainable[:-dev_size], dev=trainable[-dev_size:], heldout=heldout)


def detokenize(tokens: list[str], lang: str) -> tuple[str, list[tuple[int, int]]]:
    """Tokens → plausible running text and each token's (start, end) in it."""
    text, spans = "", []
    no_space_before = NO_SPACE_BEFORE[lang]
    previous = None
    for token in tokens:
        glue = previous is None or token in no_space_before or previous in NO_SPACE_AFTER or (len(previous) > 1 and previous[-1] in "'’")
        if not glue:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
        previous = token
    return text, spans


def entities(sentence: Sentence) -> list[tuple[int, int, str]]:
    """BIO tags → (first token, last token + 1, type) of each entity."""
    found: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, (_, tag) in enumerate([*sentence, ("", "O")]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            found.append((start, i, kind))  # type: ignore[arg-type]
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return found
