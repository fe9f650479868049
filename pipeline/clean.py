"""Clean stage: a folder of `.txt` files → `documents.parquet` and `rejects.parquet`.

Inputs: every `*.txt` file under the input folder (sub-folders included, hidden ones skipped),
in sorted order. Each ends in exactly one of the two outputs:
- `documents`: decoded, normalised article text with the site's boilerplate (captions, photo
  credits, teaser blocks, comment counters, source lines, agency sign-offs) cut out and kept in
  the `removed` column; language, title, dateline, agency and date when the article states them.
- `rejects`: the file and a reason a person understands (empty file, binary content, ...).

Params (`clean` in params.yaml): see `CleanParams`.
Data: `models/boilerplate.toml` (patterns, keyed by language), `models/agencies.toml`.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import charset_normalizer
import ftfy
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from tqdm import tqdm

from pipeline import __version__
from pipeline.config import MODELS_DIR, StageParams, load_lexicon
from pipeline.schema import Document, Reject, RemovedSpan
from pipeline.store import TableWriter, files_digest, new_run, write_together

log = logging.getLogger(__name__)


class CleanParams(StageParams):
    """Parameters of the clean stage (section `clean` of params.yaml)."""

    max_bytes: int = 2_000_000
    """Files larger than this are rejected unread."""
    languages: list[str] = ["fr", "en"]
    """Languages the pipeline accepts (ISO 639-1); any other is rejected."""
    min_letters: int = 20
    """Fewer letters than this: too little text to be an article or to identify its language."""
    min_language_confidence: float = 0.5
    """Below this probability the language is reported as unidentified."""
    binary_control_ratio: float = 0.02
    """Share of control bytes above which a file is binary content, not text."""
    legacy_encodings: list[str] = ["cp1252", "iso8859_15", "latin_1"]
    """Encodings tried (by charset-normalizer) for text that is not UTF-8."""
    caption_max_chars: int = 300
    """A line above a stand-alone photo credit is its caption only if at most this long."""
    title_max_chars: int = 200
    dateline_paragraphs: int = 3
    """How many leading paragraphs may hold the dateline."""
    batch_size: int = 64
    """Rows per Parquet row group; the stage holds at most one batch in memory."""


@dataclass(frozen=True)
class RawInput:
    """One input file: its path relative to the input folder and its bytes (None if unread)."""

    source: str
    data: bytes | None
    n_bytes: int
    error: str | None = None


class Rejected(Exception):
    """Raised inside the stage with the human-readable reason a file is rejected."""


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate patterns for one language (common + language-specific)."""

    patterns: dict[str, list[re.Pattern[str]]]

    def get(self, kind: str) -> list[re.Pattern[str]]:
        return self.patterns.get(kind, [])


@dataclass(frozen=True)
class CleanModels:
    """What the stage loads once per worker: patterns per language, agency names, language identifier."""

    rules: dict[str, Rules]
    agencies: dict[str, str]
    identifier: LanguageIdentifier
    versions: dict[str, str] = field(default_factory=dict)


def load_models(models_dir: Path = MODELS_DIR, languages: Iterable[str] = ("fr", "en")) -> CleanModels:
    """Compile `models/boilerplate.toml` per language and load agencies and the language identifier."""
    lexicon = load_lexicon("boilerplate", Path(models_dir))
    agencies: dict[str, str] = {}
    for agency in load_lexicon("agencies", Path(models_dir))["agency"]:
        for alias in agency["aliases"]:
            agencies[alias] = agency["name"]
    # Longest first, so "Nhân Dân en ligne" wins over "Nhân Dân".
    agency_alt = "|".join(re.escape(a) for a in sorted(agencies, key=lambda a: (-len(a), a)))
    rules: dict[str, Rules] = {}
    for lang in languages:
        compiled: dict[str, list[re.Pattern[str]]] = {}
        for section in ("common", lang):
            for kind, patterns in lexicon.get(section, {}).items():
                for pattern in patterns:
                    pattern = pattern.replace("{agency}", f"(?-i:{agency_alt})")
                    compiled.setdefault(kind, []).append(re.compile(pattern, re.IGNORECASE))
        rules[lang] = Rules(compiled)
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    versions = {
        "diplonews": __version__,
        "py3langid": version("py3langid"),
        "charset-normalizer": version("charset-normalizer"),
        "ftfy": version("ftfy"),
    }
    return CleanModels(rules=rules, agencies=agencies, identifier=identifier, versions=versions)


# --- decoding ---------------------------------------------------------------------------------

_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x20)) | {0x7F}
_MOJIBAKE_FIXED = "+mojibake-fixed"


def _is_utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(raw: bytes, params: CleanParams) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises `Rejected` for binary or undecodable input.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are decoded as such. Otherwise each line
    that is valid UTF-8 stays so (a mostly-UTF-8 file with one cp1252 line is common in scrapes),
    and the other lines are decoded with the legacy encoding charset-normalizer picks among
    `legacy_encodings`. Mojibake from an earlier wrong decoding ("Ã©") is repaired by ftfy.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", "") + "+bom"
            except UnicodeDecodeError as exc:
                raise Rejected(f"undecodable text: invalid {encoding} after a byte-order mark") from exc
    sample = raw[:65536]
    if b"\x00" in sample or sum(b in _CONTROL_BYTES for b in sample) > params.binary_control_ratio * len(sample):
        raise Rejected("binary content")
    if _is_utf8(raw):
        text, encoding = raw.decode("utf-8"), "utf-8"
    else:
        lines = raw.split(b"\n")
        legacy = b"\n".join(line for line in lines if not _is_utf8(line))
        best = charset_normalizer.from_bytes(legacy, cp_isolation=params.legacy_encodings).best()
        if best is None:
            raise Rejected(f"undecodable text: neither UTF-8 nor {', '.join(params.legacy_encodings)}")
        legacy_encoding = best.encoding
        try:
            text = "\n".join(
                line.decode("utf-8") if _is_utf8(line) else line.decode(legacy_encoding) for line in lines
            )
        except UnicodeDecodeError as exc:
            raise Rejected(f"undecodable text: not valid {legacy_encoding}") from exc
        encoding = legacy_encoding if not any(_is_utf8(line) and not line.isascii() for line in lines) else (
            f"utf-8+{legacy_encoding}"
        )
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        text, encoding = fixed, encoding + _MOJIBAKE_FIXED
    return text, encoding


# --- normalisation ----------------------------------------------------------------------------

_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\x0b\x0c"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Superscript letters of ordinals ("14ᵉ", "1ᵉʳ", "2ⁿᵈ"): the models read them as symbols.
_SUPERSCRIPTS = {"ᵉ": "e", "ʳ": "r", "ᵈ": "d", "ⁿ": "n", "ˢ": "s", "ᵗ": "t", "ʰ": "h", "ᵐ": "m", "ᵒ": "o", "ᵃ": "a"}
_TRANSLATE = str.maketrans(
    {**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_INVISIBLE, None), **_SUPERSCRIPTS, "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
)
# A typographic apostrophe before a letter is an elision or contraction (l’ONU, n’est, it’s):
# the French model tags "L’", "S’", "n’" as entities when it sees the curly form.
_CURLY_APOSTROPHE = re.compile(r"[’ʼ](?=[^\W\d_])|(?<=[^\W\d_])[’ʼ](?= ?[«“])")
_CONTROL_CHARS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f]")
_SPACE_RUN = re.compile(r" {2,}")


def normalise(text: str) -> str:
    """Text → NFC, `\\n` line ends, plain spaces, straight elision apostrophes, no stray controls.

    Every later offset points into the result, which is what `documents.text` is built from.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TRANSLATE)
    text = _CURLY_APOSTROPHE.sub("'", text)
    text = _CONTROL_CHARS.sub("", text)
    return "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


# --- language ---------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.)\S+")


def identify_language(text: str, identifier: LanguageIdentifier, params: CleanParams) -> str:
    """Clean text → ISO 639-1 code. Raises `Rejected` when too short, unsure or unsupported."""
    body = _URL.sub(" ", text)
    letters = sum(ch.isalpha() for ch in body)
    if letters < params.min_letters:
        raise Rejected(f"too little text to be an article ({letters} letters)")
    lang, confidence = identifier.classify(body)
    if confidence < params.min_language_confidence:
        raise Rejected(f"language not identified (best guess {lang}, confidence {confidence:.2f})")
    if lang not in params.languages:
        raise Rejected(f"unsupported language: {lang}")
    return str(lang)


# --- boilerplate ------------------------------------------------------------------------------


def _first(patterns: list[re.Pattern[str]], line: str, how: str) -> re.Match[str] | None:
    for pattern in patterns:
        found = getattr(pattern, how)(line)
        if found:
            return found
    return None


def strip_boilerplate(text: str, rules: Rules, params: CleanParams) -> tuple[str, list[RemovedSpan]]:
    """Normalised text → (article text, removed spans). Works line by line (a line is a paragraph).

    What counts as boilerplate is data (`models/boilerplate.toml`); this function only applies
    each kind's documented effect. Blank-line runs collapse to one; `at` of a removed span is
    where it was cut out of the returned text.
    """
    lines = text.split("\n")
    kinds: list[str | None] = [None] * len(lines)  # None = kept
    block_start = len(lines)  # a teaser block runs from its heading to the end
    seen_text = False
    for i, line in enumerate(lines):
        if not line or kinds[i]:
            continue
        if seen_text and _first(rules.get("teaser_heading"), line, "fullmatch"):
            block_start = i
            break
        seen_text = True
        if _first(rules.get("comment_counter"), line, "fullmatch"):
            kinds[i] = "comment_counter"
        elif _first(rules.get("source_line"), line, "fullmatch"):
            kinds[i] = "source"
        elif _first(rules.get("image_artefact"), line, "search"):
            kinds[i] = "caption"
        elif credit := _first(rules.get("credit"), line, "search"):
            kinds[i] = "caption"
            standalone = credit.start() == 0
            if standalone and i > 0 and lines[i - 1] and kinds[i - 1] is None:
                if len(lines[i - 1]) <= params.caption_max_chars:
                    kinds[i - 1] = "caption"
        elif teaser := _first(rules.get("teaser_line"), line, "match"):
            kinds[i] = "teaser"
            if teaser.end() >= len(line.rstrip(" :>»")):  # heading alone: its title is the next line
                following = next((j for j in range(i + 1, block_start) if lines[j]), None)
                if following is not None:
                    kinds[following] = "teaser"

    kept = [i for i in range(block_start) if kinds[i] is None and lines[i]]
    trailers: list[str] = []
    if kept:
        last = kept[-1]
        changed = True
        while changed:
            changed = False
            for pattern in rules.get("trailer"):
                found = pattern.search(lines[last])
                if found and found.start() > 0:
                    trailers.insert(0, found.group(0).strip())
                    lines[last] = lines[last][: found.start()].rstrip()
                    changed = True

    out: list[str] = []
    spans: list[RemovedSpan] = []
    length = 0
    pending_break = False
    for i in range(block_start):
        line, kind = lines[i], kinds[i]
        if kind is not None:
            spans.append(RemovedSpan(kind=kind, text=line, at=length))
        elif not line:
            pending_break = True
        else:
            if out:
                sep = "\n\n" if pending_break else "\n"
                out.append(sep)
                length += len(sep)
            out.append(line)
            length += len(line)
            pending_break = False
    spans.extend(RemovedSpan(kind="trailer", text=trailer, at=length) for trailer in trailers)
    if block_start < len(lines):
        block = re.sub(r"\n{3,}", "\n\n", "\n".join(lines[block_start:]).strip())
        spans.append(RemovedSpan(kind="teaser", text=block, at=length))
    return "".join(out), spans


# --- metadata ---------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.,;:]$")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    published: str | None = None
    dateline_start: int | None = None
    dateline_end: int | None = None


def extract_metadata(text: str, rules: Rules, agencies: dict[str, str], params: CleanParams) -> Metadata:
    """Clean article text → title (a first-line headline), dateline place, agency, stated date,
    and the offsets of the dateline prefix ("Hanoï (VNA) - ") so later stages can skip it."""
    paragraphs = list(re.finditer(r"[^\n]+", text))

    def dateline_of(paragraph: str) -> re.Match[str] | None:
        return _first(rules.get("dateline"), paragraph, "match")

    title = None
    if len(paragraphs) > 1:
        first = paragraphs[0].group(0)
        if (
            len(first) <= params.title_max_chars
            and not _SENTENCE_END.search(first)
            and first[0].isupper()
            and not dateline_of(first)
        ):
            title = first
    body = paragraphs[1:] if title else paragraphs
    for paragraph in body[: params.dateline_paragraphs]:
        found = dateline_of(paragraph.group(0))
        if found:
            groups = found.groupdict()
            agency = groups.get("agency")
            if agency:
                agency = agencies.get(agency.strip()) or agencies.get(agency.strip().upper()) or agency.strip()
            return Metadata(
                title=title,
                dateline=(groups.get("place") or "").strip() or None,
                agency=agency or None,
                published=(groups.get("date") or "").strip() or None,
                dateline_start=paragraph.start(),
                dateline_end=paragraph.start() + found.end(),
            )
    return Metadata(title=title)


# --- the stage --------------------------------------------------------------------------------


def doc_id_of(raw: bytes) -> str:
    """Deterministic document id: the same bytes always give the same id."""
    return hashlib.sha256(raw).hexdigest()[:16]


def clean_document(item: RawInput, models: CleanModels, params: CleanParams) -> Document | Reject:
    """One raw input → a `Document`, or a `Reject` with the reason. Never raises for bad input."""
    sha = hashlib.sha256(item.data).hexdigest() if item.data is not None else None
    try:
        if item.error:
            raise Rejected(item.error)
        if item.n_bytes > params.max_bytes or item.data is None:
            raise Rejected(f"file too large: {item.n_bytes} bytes (limit {params.max_bytes})")
        if item.n_bytes == 0:
            raise Rejected("empty file")
        decoded, encoding = decode(item.data, params)
        text = normalise(decoded)
        for pattern in models.rules[next(iter(models.rules))].get("joined_title"):
            text = pattern.sub(lambda m: m.group(0) + " ", text)
        if not text.strip():
            raise Rejected("empty file (whitespace only)")
        lang = identify_language(text, models.identifier, params)
        rules = models.rules[lang]
        clean_text, removed = strip_boilerplate(text, rules, params)
        if sum(ch.isalpha() for ch in clean_text) < params.min_letters:
            raise Rejected("no article text left once captions, teasers and credits are removed")
        meta = extract_metadata(clean_text, rules, models.agencies, params)
    except Rejected as exc:
        return Reject(source=item.source, reason=str(exc), raw_sha256=sha, n_bytes=item.n_bytes)
    return Document(
        doc_id=doc_id_of(item.data),
        source=item.source,
        lang=lang,
        text=clean_text,
        title=meta.title,
        dateline=meta.dateline,
        agency=meta.agency,
        published=meta.published,
        dateline_start=meta.dateline_start,
        dateline_end=meta.dateline_end,
        raw_sha256=sha,
        encoding=encoding,
        n_chars=len(clean_text),
        removed=removed,
    )


def run(inputs: Iterable[RawInput], models: CleanModels, params: CleanParams) -> Iterator[Document | Reject]:
    """Raw inputs → one `Document` or `Reject` each, in input order.

    A file whose bytes repeat an earlier file is rejected as a duplicate, so `doc_id` is unique.
    An unexpected error on one file rejects that file and the run goes on.
    """
    first_source: dict[str, str] = {}
    for item in inputs:
        try:
            record = clean_document(item, models, params)
        except Exception as exc:  # a bug must cost one file, not the corpus
            log.exception("clean failed on %s", item.source)
            record = Reject(source=item.source, reason=f"internal error: {type(exc).__name__}: {exc}", n_bytes=item.n_bytes)
        if isinstance(record, Document):
            if record.doc_id in first_source:
                record = Reject(
                    source=item.source,
                    reason=f"duplicate of {first_source[record.doc_id]}",
                    raw_sha256=record.raw_sha256,
                    n_bytes=item.n_bytes,
                )
            else:
                first_source[record.doc_id] = item.source
        yield record


def iter_inputs(input_dir: Path, params: CleanParams) -> Iterator[RawInput]:
    """Every `*.txt` under `input_dir` (hidden folders skipped), sorted, read one at a time."""
    input_dir = Path(input_dir)
    paths = []
    for path in input_dir.rglob("*.txt"):
        rel = path.relative_to(input_dir)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        paths.append((rel.as_posix(), path))
    for source, path in sorted(paths):
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= params.max_bytes else None
        except OSError as exc:
            yield RawInput(source=source, data=None, n_bytes=0, error=f"unreadable file: {exc.strerror}")
            continue
        yield RawInput(source=source, data=data, n_bytes=size)


@dataclass(frozen=True)
class CleanSummary:
    documents: int
    rejects: int


def main(input_dir: Path, output_dir: Path, params: CleanParams, models_dir: Path = MODELS_DIR) -> CleanSummary:
    """Read `input_dir`, write `documents.parquet` and `rejects.parquet` into `output_dir`."""
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    models = load_models(models_dir, params.languages)
    producers = models.versions
    # The run id goes in the file header, so it must hash every input before the first row: one pass more.
    files = files_digest((r.source, r.n_bytes, r.data, r.error) for r in iter_inputs(input_dir, params))
    this_run = new_run("clean", {"files": files, "params": params.model_dump(mode="json"), "producers": producers})
    with write_together(
        TableWriter(output_dir / "documents.parquet", "documents", producers, params.batch_size, this_run),
        TableWriter(output_dir / "rejects.parquet", "rejects", producers, params.batch_size, this_run),
    ) as (documents, rejects):
        inputs = tqdm(iter_inputs(input_dir, params), desc="clean", unit="file", disable=None)
        for record in run(inputs, models, params):
            if isinstance(record, Document):
                documents.write(record)
            else:
                rejects.write(record)
    return CleanSummary(documents=documents.count, rejects=rejects.count)
