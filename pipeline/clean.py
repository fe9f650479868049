"""Clean stage: a folder of `.txt` files → `documents.parquet` and `rejects.parquet`.

Inputs: every entry under the input folder (sub-folders included), in sorted order, except
hidden folders and the paths of `clean.exclude`, which are skipped whole. Each ends in exactly
one of the two outputs:
- `documents`: decoded, normalised article text with the site's boilerplate (captions, photo
  credits, teaser blocks, comment counters, source lines, agency sign-offs) cut out and kept in
  the `removed` column; language, title, dateline, agency and date when the article states them.
- `rejects`: the entry and a reason a person understands (empty file, binary content, not a .txt
  file, hidden file, broken symbolic link, markup, ...). Only regular files with an extension of
  `clean.extensions` (any case) are read; a symbolic link is read only if it names a file inside
  the input folder. `source` is the path relative to the input folder, a name that is not UTF-8
  written with backslash escapes (`caf\\xe9.txt`).

Params (`clean` in params.yaml): see `CleanParams`.
Data: `models/boilerplate.toml` (patterns, keyed by language), `models/agencies.toml`,
`models/markup.toml` (what makes a file HTML, XML or Markdown rather than plain text).
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import json
import logging
import os
import re
import stat
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from importlib.metadata import version
from pathlib import Path, PurePosixPath

import charset_normalizer
import pyarrow.parquet as pq
import ftfy
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from pipeline import __version__
from pipeline.config import MODELS_DIR, StageParams, load_lexicon
from pipeline.schema import Document, Reject, RemovedSpan
from pipeline import engine
from pipeline.engine import key_of
from pipeline.store import TableWriter, digest, new_run, write_together

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
    """A line above a stand-alone photo credit, or a line holding an image artefact ("ảnh 1"), is a
    caption only if at most this long (a longer one is article text)."""
    title_max_chars: int = 200
    dateline_paragraphs: int = 3
    """How many leading paragraphs may hold the dateline."""
    batch_size: int = 64
    """Rows per Parquet row group; the stage holds at most one batch in memory."""
    extensions: list[str] = [".txt"]
    """File extensions read as articles, in any case (`.TXT` too); any other file is rejected."""
    exclude: list[str] = []
    """Paths under the input folder that are not inputs, skipped without a row: shell patterns
    matched against the whole relative path (`*` also crosses `/`), e.g. `gold` for a folder of
    annotations kept next to the articles. A matching folder is skipped with all it holds."""


@dataclass(frozen=True)
class RawInput:
    """One input file: its path relative to the input folder and its bytes (None if unread)."""

    source: str
    data: bytes | None
    n_bytes: int
    error: str | None = None
    lang: str | None = None
    """The language, when the caller knows it (it is then not identified)."""


class Rejected(Exception):
    """Raised inside the stage with the human-readable reason a file is rejected."""


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate patterns for one language (common + language-specific)."""

    patterns: dict[str, list[re.Pattern[str]]]

    def get(self, kind: str) -> list[re.Pattern[str]]:
        return self.patterns.get(kind, [])


@dataclass(frozen=True)
class MarkupSignature:
    """How to recognise one kind of markup (`models/markup.toml`): enough matches of its patterns."""

    kind: str
    patterns: list[re.Pattern[str]]
    min_hits: int


@dataclass(frozen=True)
class CleanModels:
    """What the stage loads once per worker: patterns per language, agency names, language
    identifier, markup signatures."""

    rules: dict[str, Rules]
    agencies: dict[str, str]
    identifier: LanguageIdentifier
    versions: dict[str, str] = field(default_factory=dict)
    markup: list[MarkupSignature] = field(default_factory=list)
    months: dict[str, dict[str, int]] = field(default_factory=dict)  # lang → folded month form → 1..12


def producers() -> dict[str, str]:
    """Versions of what makes the stage's output besides its code and lexicons (nothing is loaded)."""
    return {
        "diplonews": __version__,
        "py3langid": version("py3langid"),
        "charset-normalizer": version("charset-normalizer"),
        "ftfy": version("ftfy"),
    }


def load_models(models_dir: Path = MODELS_DIR, languages: Iterable[str] = ("fr", "en")) -> CleanModels:
    """Compile `models/boilerplate.toml` per language and `models/markup.toml`; load agencies, month
    names (`models/dates.toml`) and the language identifier."""
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
    versions = producers()
    markup = [
        MarkupSignature(
            kind=kind,
            patterns=[re.compile(p, re.IGNORECASE | re.MULTILINE) for p in signature["patterns"]],
            min_hits=int(signature["min_hits"]),
        )
        for kind, signature in load_lexicon("markup", Path(models_dir)).items()
    ]
    dates = load_lexicon("dates", Path(models_dir))
    months = {
        lang: {form.casefold(): number for number, forms in enumerate(dates[lang]["months"], start=1) for form in forms}
        for lang in languages
        if lang in dates
    }
    return CleanModels(rules=rules, agencies=agencies, identifier=identifier, versions=versions, markup=markup, months=months)


# --- decoding ---------------------------------------------------------------------------------

_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x20)) | {0x7F}
# In decoded text the C1 range counts too, except NEL (a line break).
_CONTROL_CODE_POINTS = frozenset(_CONTROL_BYTES | set(range(0x80, 0xA0))) - {0x85}
_MOJIBAKE_FIXED = "+mojibake-fixed"
# UTF-16 text in a Latin script has a zero high byte in most code units and few zero low bytes
# (a rare U+0000): a file where at least this share of high bytes is zero, and more high bytes
# than low ones, is read as UTF-16 without a BOM (if it then decodes to text).
_UTF16_ZERO_HIGH_SHARE = 0.5


def _is_utf8(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _wide_encoding(raw: bytes) -> str | None:
    """Bytes without a BOM → the UTF-32 or UTF-16 byte order their zero bytes point to, or None."""
    sample = raw[:65536]  # a multiple of 4: units stay aligned
    if len(raw) % 4 == 0:
        units = [sample[i : i + 4] for i in range(0, len(sample), 4)]
        # A code point is at most U+10FFFF: its top byte is zero and the next at most 0x10.
        if all(u[3] == 0 and u[2] <= 0x10 for u in units):
            return "utf-32-le"
        if all(u[0] == 0 and u[1] <= 0x10 for u in units):
            return "utf-32-be"
    if len(raw) % 2 == 0:
        half = len(sample) // 2
        zero_low, zero_high = sample[0::2].count(0), sample[1::2].count(0)  # as little-endian
        if zero_high >= _UTF16_ZERO_HIGH_SHARE * half and zero_high > zero_low:
            return "utf-16-le"
        if zero_low >= _UTF16_ZERO_HIGH_SHARE * half and zero_low > zero_high:
            return "utf-16-be"
    return None


def _check_controls(text: str, params: CleanParams) -> None:
    """Raise `Rejected` when decoded text holds more control characters than text does."""
    sample = text[:65536]
    if sum(ord(ch) in _CONTROL_CODE_POINTS for ch in sample) > params.binary_control_ratio * len(sample):
        raise Rejected("binary content")


def decode(raw: bytes, params: CleanParams) -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises `Rejected` for binary or undecodable input.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are decoded as such; so is UTF-16/32
    without BOM, recognised by where its zero bytes fall and kept only if it decodes strictly to
    text with no more control characters than text has. Otherwise each line that is valid UTF-8
    stays so (a mostly-UTF-8 file with one cp1252 line is common in scrapes), and the other lines
    are decoded with the legacy encoding charset-normalizer picks among `legacy_encodings`.
    Mojibake from an earlier wrong decoding ("Ã©") is repaired by ftfy.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Rejected(f"undecodable text: invalid {encoding} after a byte-order mark") from exc
            _check_controls(text, params)
            return text, encoding.replace("-sig", "") + "+bom"
    sample = raw[:65536]
    if b"\x00" in sample and (wide := _wide_encoding(raw)):
        try:
            text = raw.decode(wide)
            _check_controls(text, params)
            return text, wide
        except (UnicodeDecodeError, Rejected):
            pass  # not text after all: the binary check below says so
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
    # ftfy reads a NEL control (U+0085) as the cp1252 byte of "…", which lands mid-word; in text
    # that decoded cleanly it is a line break.
    text = text.replace("\x85", "\n")
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        text, encoding = fixed, encoding + _MOJIBAKE_FIXED
    return text, encoding


# --- normalisation ----------------------------------------------------------------------------

_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t\x0b\x0c"
# Superscript letters of ordinals ("14ᵉ", "1ᵉʳ", "2ⁿᵈ"): the models read them as symbols.
_SUPERSCRIPTS = {"ᵉ": "e", "ʳ": "r", "ᵈ": "d", "ⁿ": "n", "ˢ": "s", "ᵗ": "t", "ʰ": "h", "ᵐ": "m", "ᵒ": "o", "ᵃ": "a"}
_LINE_BREAKS = "\u2028\u2029\x85"


@lru_cache(maxsize=1)
def _translation() -> dict[int, str | None]:
    """The character map of `normalise`: spaces, line breaks, ordinals, and every format character.

    Format characters (Unicode category Cf) are invisible: bidi marks, embeddings and isolates
    (U+200E/F, U+202A–E, U+2066–9, U+061C), zero-width spaces and joiners, soft hyphen, BOM, tags.
    Left in, they split a name in two ("Bui Thanh\\u200e Son"). Built once, from the Unicode
    database of the running Python (scanning it takes a fraction of a second).
    """
    table: dict[int, str | None] = {cp: None for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp)) == "Cf"}
    table.update(str.maketrans({**dict.fromkeys(_SPACES, " "), **dict.fromkeys(_LINE_BREAKS, "\n"), **_SUPERSCRIPTS}))
    return table


# A typographic apostrophe before a letter is an elision or contraction (l’ONU, n’est, it’s):
# the French model tags "L’", "S’", "n’" as entities when it sees the curly form.
_CURLY_APOSTROPHE = re.compile(r"[’ʼ](?=[^\W\d_])|(?<=[^\W\d_])[’ʼ](?= ?[«“])")
_CONTROL_CHARS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f]")
_SPACE_RUN = re.compile(r" {2,}")


def normalise(text: str) -> str:
    """Text → NFC, `\\n` line ends, plain spaces, straight elision apostrophes, no stray controls
    and no format characters (bidi marks, zero-width characters: see `_translation`).

    Every later offset points into the result, which is what `documents.text` is built from.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Format characters go before composing: one between a letter and its accent would block NFC.
    text = text.translate(_translation())
    text = unicodedata.normalize("NFC", text)
    text = _CURLY_APOSTROPHE.sub("'", text)
    text = _CONTROL_CHARS.sub("", text)
    return "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


# --- markup -----------------------------------------------------------------------------------


def _is_json(text: str) -> bool:
    stripped = text.strip()
    if not stripped or stripped[0] not in "{[":
        return False
    try:
        return isinstance(json.loads(stripped), (dict, list))
    except (ValueError, RecursionError):  # not JSON, or nested too deep to be data anyone wrote
        return False


def markup_kind(text: str, signatures: Iterable[MarkupSignature]) -> str | None:
    """Decoded text → the markup it is written in ("JSON", "HTML", ... as `models/markup.toml`
    names them), or None for plain text."""
    if _is_json(text):
        return "JSON"
    for signature in signatures:
        hits = 0
        for pattern in signature.patterns:
            for _ in pattern.finditer(text):
                hits += 1
                if hits >= signature.min_hits:
                    return signature.kind
    return None


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
        elif len(line) <= params.caption_max_chars and _first(rules.get("image_artefact"), line, "search"):
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
    published_text: str | None = None
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
                published_text=(groups.get("date") or "").strip() or None,
                dateline_start=paragraph.start(),
                dateline_end=paragraph.start() + found.end(),
            )
    return Metadata(title=title)


_DAY_MONTH = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<month>[^\W\d_]+)\.?(?:\s+(?P<year>\d{4}))?(?!\d)")
_MONTH_DAY = re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?(?!\d)")


def _dates_in(text: str, months: dict[str, int]) -> Iterator[tuple[int, int, int | None]]:
    """Every (day, month, year or None) written "21 décembre [2024]" or "Feb 12[, 2025]" in the text."""
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for found in pattern.finditer(text):
            month = months.get(found.group("month").casefold())
            if month:
                year = found.group("year")
                yield int(found.group("day")), month, int(year) if year else None


def iso_date(stated: str | None, text: str, months: dict[str, int]) -> str | None:
    """The stated date → ISO YYYY-MM-DD. The year is the stated one, else that of the one full date of
    the same day and month in the text; with no year, None (a year is never guessed)."""
    found = next(_dates_in(stated or "", months), None)
    if found is None:
        return None
    day, month, year = found
    if year is None:
        years = {y for d, m, y in _dates_in(text, months) if (d, m) == (day, month) and y}
        year = years.pop() if len(years) == 1 else None
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


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
        if kind := markup_kind(text, models.markup):
            raise Rejected(f"markup, not plain text ({kind})")
        if item.lang is None:
            lang = identify_language(text, models.identifier, params)
        elif item.lang in params.languages:
            lang = item.lang
        else:
            raise Rejected(f"unsupported language: {item.lang}")
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
        published_text=meta.published_text,
        published=iso_date(meta.published_text, clean_text, models.months.get(lang, {})),
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


_FILE_TYPES = {
    stat.S_IFIFO: "named pipe",
    stat.S_IFSOCK: "socket",
    stat.S_IFCHR: "character device",
    stat.S_IFBLK: "block device",
}


def source_name(relative: str) -> str:
    """A path relative to the input folder, as the OS gives it → the `source` column: valid UTF-8,
    a byte that is not UTF-8 written as a backslash escape (`caf\\xe9.txt`)."""
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def _unread_reason(path: str, relative: str, root: str, params: CleanParams) -> tuple[str | None, int]:
    """A non-folder entry → (why it is rejected without being read, or None to read it; its size
    in bytes if it is a regular file, else 0)."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(path)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    return "symbolic link loop", 0
                if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                    return "broken symbolic link", 0
                raise
            what = "folder" if stat.S_ISDIR(info.st_mode) else "file"
            if os.path.commonpath([root, os.path.realpath(path)]) != root:
                return f"symbolic link to a {what} outside the input folder", 0
            if what == "folder":
                # Its files are under the input folder already; following it could loop.
                return "symbolic link to a folder (not followed)", 0
    except OSError as exc:
        return f"unreadable file: {exc.strerror}", 0
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_FILE_TYPES.get(stat.S_IFMT(info.st_mode), 'special file')})", 0
    if PurePosixPath(relative).name.startswith("."):
        return "hidden file", info.st_size
    suffix = PurePosixPath(relative).suffix
    if suffix.lower() not in {extension.lower() for extension in params.extensions}:
        shown = source_name(suffix) if suffix else "no extension"
        return f"not a {' or '.join(params.extensions)} file ({shown})", info.st_size
    return None, info.st_size


@dataclass(frozen=True)
class _Entry:
    relative: str
    path: str
    reason: str | None
    n_bytes: int = 0


def _walk(input_dir: Path, params: CleanParams) -> tuple[list[_Entry], int]:
    """Every entry under `input_dir` that is not a folder → (entries, how many were skipped).

    Hidden folders and paths matching `params.exclude` are skipped whole; any other entry is
    listed, with the reason it cannot be read if so. Folder links are never walked.
    """
    root = os.path.realpath(input_dir)
    entries: list[_Entry] = []
    skipped = 0
    folders = [("", os.fspath(input_dir))]
    while folders:
        relative_folder, folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                children = list(listing)
        except OSError as exc:
            entries.append(_Entry(relative_folder or ".", folder, f"unreadable folder: {exc.strerror}"))
            continue
        for child in children:
            relative = f"{relative_folder}/{child.name}" if relative_folder else child.name
            if any(fnmatch.fnmatchcase(relative, pattern) for pattern in params.exclude):
                skipped += 1
                continue
            try:
                is_folder = child.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False  # _unread_reason reports it
            if is_folder and child.name.startswith("."):
                skipped += 1
            elif is_folder:
                folders.append((relative, child.path))
            else:
                entries.append(_Entry(relative, child.path, *_unread_reason(child.path, relative, root, params)))
    return entries, skipped


def _read(path: str, max_bytes: int) -> tuple[bytes | None, int, str | None]:
    """A file → (its bytes, or None if over `max_bytes`; its size; why it could not be read)."""
    try:
        # Non-blocking: should the entry have been replaced by a pipe since it was listed, opening
        # it must not wait for a writer.
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, 0, f"not a regular file ({_FILE_TYPES.get(stat.S_IFMT(info.st_mode), 'special file')})"
            if info.st_size > max_bytes:
                return None, info.st_size, None
            data = fh.read(max_bytes + 1)  # +1: a file that grew meanwhile is still seen as too large
    except OSError as exc:
        return None, 0, f"unreadable file: {exc.strerror}"
    return (data if len(data) <= max_bytes else None), len(data), None


@dataclass(frozen=True)
class InputEntry:
    """One entry of the input folder, as first seen: its `source` name, where it is, why it is not
    read (or None), its size, and the SHA-256 of its bytes if they were read."""

    source: str
    path: str
    error: str | None
    n_bytes: int
    sha256: str | None

    @property
    def key(self) -> str:
        """What decides its shard: the document id its bytes give, else a hash of its name."""
        return self.sha256[:16] if self.sha256 is not None else key_of(self.source)


def list_inputs(input_dir: Path, params: CleanParams) -> list[InputEntry]:
    """Every entry under `input_dir`, sorted by path, each file read once to hash its bytes.

    Files with an extension of `params.extensions` (any case) are read; every other entry comes
    with the reason it is rejected unread: hidden file, other extension, not a regular file,
    broken or looping link, link out of the input folder. Links to files inside the folder are
    read like the file they name. Hidden folders and `params.exclude` are skipped.
    """
    entries, skipped = _walk(Path(input_dir), params)
    if skipped:
        log.info("%d hidden folders or excluded paths of %s skipped", skipped, input_dir)
    out = []
    for entry in sorted(entries, key=lambda e: os.fsencode(e.relative)):
        source = source_name(entry.relative)
        if entry.reason is not None:
            out.append(InputEntry(source, entry.path, entry.reason, entry.n_bytes, None))
            continue
        data, size, error = _read(entry.path, params.max_bytes)
        out.append(InputEntry(source, entry.path, error, size, hashlib.sha256(data).hexdigest() if data is not None else None))
    return out


def read_input(entry: InputEntry, max_bytes: int) -> RawInput:
    """Read a listed entry again → its `RawInput`; bytes that changed since it was listed make a reject."""
    if entry.error is not None:
        return RawInput(source=entry.source, data=None, n_bytes=entry.n_bytes, error=entry.error)
    data, size, error = _read(entry.path, max_bytes)
    if (hashlib.sha256(data).hexdigest() if data is not None else None) != entry.sha256:
        error = error or "file changed while the input folder was read"
    return RawInput(source=entry.source, data=data, n_bytes=size, error=error)


def iter_inputs(input_dir: Path, params: CleanParams) -> Iterator[RawInput]:
    """Every entry under `input_dir` (see `list_inputs`), sorted by path → one `RawInput` each."""
    for entry in list_inputs(input_dir, params):
        yield read_input(entry, params.max_bytes)


def reason_kind(reason: str) -> str:
    """A reject reason → its kind, the details left out ("not a .txt file (.md)" → "not a .txt
    file", "duplicate of a.txt" → "duplicate", "unsupported language: vi" → "unsupported language")."""
    if reason.startswith("duplicate of "):
        return "duplicate"
    return reason.split(" (", 1)[0].split(":", 1)[0].strip()


@dataclass(frozen=True)
class CleanSummary:
    documents: int
    rejects: int
    reasons: dict[str, int] = field(default_factory=dict)
    """Rejects per kind of reason (`reason_kind`), most frequent first."""
    computed: int = 0
    """Shards computed this run (the others were reused)."""
    shards: int = 0


@dataclass(frozen=True)
class CleanTask:
    """One shard of input entries to clean, and the shard files it writes."""

    entries: list[InputEntry]
    documents: Path
    rejects: Path
    fingerprint: str
    params: CleanParams
    models_dir: Path


def clean_shard(task: CleanTask) -> None:
    """Clean one shard's entries → its documents (sorted by id) and rejects shard files."""
    models = engine.cached(("clean", task.models_dir, tuple(task.params.languages)), lambda: load_models(task.models_dir, task.params.languages))
    documents: list[Document] = []
    rejects: list[Reject] = []
    for record in run((read_input(e, task.params.max_bytes) for e in task.entries), models, task.params):
        (documents if isinstance(record, Document) else rejects).append(record)  # type: ignore[arg-type]
    with write_together(
        TableWriter(task.documents, "documents", models.versions, task.params.batch_size, shard=task.fingerprint),
        TableWriter(task.rejects, "rejects", models.versions, task.params.batch_size, shard=task.fingerprint),
    ) as (document_writer, reject_writer):
        document_writer.write_all(sorted(documents, key=lambda d: d.doc_id))
        reject_writer.write_all(rejects)


def main(
    input_dir: Path, output_dir: Path, params: CleanParams, models_dir: Path = MODELS_DIR,
    engine_params: engine.EngineParams | None = None, runner: engine.Engine | None = None,
) -> CleanSummary:
    """Read `input_dir`, write `documents.parquet` and `rejects.parquet` into `output_dir`.

    Entries are cut into shards by document id; only shards whose entries (or code, lexicons,
    params) changed since the last run are cleaned again, on `runner` (default: this process).
    """
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    engine_params = engine_params or engine.EngineParams()
    if not input_dir.is_dir():
        raise FileNotFoundError(f"input folder not found: {input_dir}")
    documents_path, rejects_path = output_dir / "documents.parquet", output_dir / "rejects.parquet"
    entries = list_inputs(input_dir, params)
    versions = producers()
    n = engine_params.shards
    by_shard: dict[int, list[InputEntry]] = {}
    for entry in entries:
        by_shard.setdefault(engine.shard_of(entry.key, n), []).append(entry)
    setting = [params.model_dump(mode="json"), versions, engine.folder_fingerprint(Path(models_dir))]
    fingerprints = {
        shard: engine.fingerprint("clean", setting, [[e.source, e.n_bytes, e.sha256, e.error] for e in group])
        for shard, group in by_shard.items()
    }

    tables = [documents_path, rejects_path]
    done = engine.run_shards(
        "clean", tables, n, fingerprints,
        lambda shard, fp: CleanTask(by_shard[shard], *(engine.shard_path(t, shard, n) for t in tables), fp, params, Path(models_dir)),
        partial(engine.each, clean_shard), runner, {s: len(group) for s, group in by_shard.items()}, params.batch_size,
    )
    documents_shards = [engine.shard_path(documents_path, s, n) for s in done.shards]
    rejects_shards = [engine.shard_path(rejects_path, s, n) for s in done.shards]
    files = digest([[e.source, e.n_bytes, e.sha256, e.error] for e in entries])
    this_run = new_run("clean", {"files": files, "params": params.model_dump(mode="json"), "producers": versions})
    rejected = sorted(
        (r for path in rejects_shards for r in pq.read_table(path).to_pylist()), key=lambda r: os.fsencode(r["source"])
    )
    with write_together(
        TableWriter(documents_path, "documents", versions, params.batch_size, this_run),
        TableWriter(rejects_path, "rejects", versions, params.batch_size, this_run),
    ) as (documents, rejects):
        engine.write_from_shards(documents, documents_shards)
        rejects.write_all(Reject.model_validate(r) for r in rejected)
    reasons = Counter(reason_kind(r["reason"]) for r in rejected)
    return CleanSummary(
        documents=documents.count, rejects=rejects.count, reasons=dict(reasons.most_common()), computed=len(done.todo), shards=len(done.shards)
    )
