"""Lexicons of `models/` turned into lookup structures, per language, shared by ner and resolve.

- `models/countries.toml` (generated from pycountry and CLDR) merged with `models/countries_extra.toml`
  (hand-kept): ISO3 → names, adjectives, capitals (FR/EN).
- `models/organisations.toml`: canonical organisations with FR/EN forms and acronyms.
- `models/agencies.toml`: news agencies and outlets.
- `models/titles.toml`: titles of officials (role families), portfolio words, honorifics.
- `models/entities.toml`: regions, fixed expressions that are not entities, false positives.

Also the text helpers every stage uses to compare names: `fold` (case and diacritics out)
and `slug` (an ASCII id fragment).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.config import MODELS_DIR, load_lexicon

LANGUAGES = ("fr", "en")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, diacritic- and apostrophe-insensitive form of a name ("Tô Lâm" → "to lam")."""
    text = text.replace("’", "'").replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().replace("-", " ").split())


def slug(text: str) -> str:
    """ASCII id fragment of a name ("Bùi Văn Nam" → "bui-van-nam")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def diacritic_weight(text: str) -> int:
    """How many marked letters a form has: the canonical name keeps the fullest diacritics."""
    return sum(1 for ch in unicodedata.normalize("NFKD", text) if unicodedata.combining(ch)) + text.count("Đ") + text.count("đ")


def trie_regex(words: list[str]) -> str:
    """A regex alternation of `words` factored as a trie: fast, and longest match first."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie) if words else "(?!)"


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_fr: str


@dataclass(frozen=True)
class Organisation:
    id: str
    name_en: str
    name_fr: str
    country: str | None
    parent: str | None


@dataclass(frozen=True)
class Title:
    key: str
    broader: tuple[str, ...]
    speaks_for_body: bool = False  # "Spokesman X": the body the text named just before
    with_name: bool = False  # a role only beside a name: alone, the words describe no one office holder


@dataclass
class Lexicon:
    """Every lookup of one language. Surface forms map to what they denote."""

    lang: str
    countries: dict[str, Country]
    country_names: dict[str, str] = field(default_factory=dict)  # surface → ISO3
    country_adjectives: dict[str, str] = field(default_factory=dict)
    may_mean: dict[str, list[str]] = field(default_factory=dict)  # ISO3 → what its adjectives may also mean
    capitals: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface → (ISO3, English name)
    places: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # "city:hanoi", "region:…" → (English, French name)
    organisations: dict[str, Organisation] = field(default_factory=dict)  # id → org
    org_forms: dict[str, str] = field(default_factory=dict)  # surface → id
    agencies: dict[str, str] = field(default_factory=dict)  # surface → canonical name
    agency_countries: dict[str, str] = field(default_factory=dict)  # canonical name → ISO3
    regions: dict[str, str] = field(default_factory=dict)  # surface → region key (English name)
    region_countries: dict[str, str] = field(default_factory=dict)  # region key → ISO3 of the country it is part of
    misc: set[str] = field(default_factory=set)
    not_entities: set[str] = field(default_factory=set)
    titles: dict[str, Title] = field(default_factory=dict)  # title key → Title
    title_forms: dict[str, str] = field(default_factory=dict)  # folded head form → title key
    prefixes: list[str] = field(default_factory=list)
    complements: list[str] = field(default_factory=list)  # words opening a title's complement ("du", "of the")
    mandate_prepositions: list[str] = field(default_factory=list)  # "for", "sur": a country after them is a mandate's subject
    speaks_for: set[str] = field(default_factory=set)  # "speaker", "speaking": "for" after them names whom one represents
    portfolio: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    masculine_honorifics: list[str] = field(default_factory=list)
    feminine: list[str] = field(default_factory=list)
    feminine_determiners: list[str] = field(default_factory=list)  # "la ministre": the article tells an epicene title's gender
    masculine_determiners: list[str] = field(default_factory=list)  # "le ministre"
    possessives: list[str] = field(default_factory=list)  # "son chef", "its head": the title of a body named before
    behalf: list[str] = field(default_factory=list)  # "on behalf of", "au nom de": who speaks for an organisation
    speaking_for: list[str] = field(default_factory=list)  # "Pour la France, M. X …": who speaks for a country
    collectives: list[str] = field(default_factory=list)
    institutions: list[str] = field(default_factory=list)
    name_stopwords: set[str] = field(default_factory=set)
    body_words: set[str] = field(default_factory=set)
    name_particles: set[str] = field(default_factory=set)  # "von", "da": lower-case words inside names
    name_prefixes: set[str] = field(default_factory=set)  # "al", "el": joined by a hyphen ("al-Hassan")
    document_heads: list[str] = field(default_factory=list)
    person_nouns: list[str] = field(default_factory=list)  # professions in apposition after a person's name
    given_names: dict[str, str] = field(default_factory=dict)  # folded first name → gender (models/first_names.toml)

    def title_key(self, role: str) -> str | None:
        """Role family of a role as written ("ministre des Affaires étrangères" → foreign_minister)."""
        folded = fold(role)
        if folded in self.title_forms:
            return self.title_forms[folded]
        best = None
        for form, key in self.title_forms.items():
            # the longest head form the role starts or ends with ("vice-ministre de la Sécurité publique")
            if (folded.startswith(form + " ") or folded.endswith(" " + form)) and (best is None or len(form) > len(best[0])):
                best = (form, key)
        return best[1] if best else None

    def family(self, key: str) -> set[str]:
        """A role family and every broader family it belongs to."""
        seen, todo = set(), [key]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            title = self.titles.get(current)
            if title:
                todo.extend(title.broader)
        return seen


def merge_countries(generated: dict[str, dict], extra: dict[str, dict]) -> dict[str, dict]:
    """Generated country entries + hand-kept ones → one entry per ISO3 code: the hand-kept display
    names win, forms are the generated ones minus `exclude_<lang>` plus the hand-kept ones."""
    merged: dict[str, dict] = {}
    for code in sorted(set(generated) | set(extra)):
        gen, hand = generated.get(code, {}), extra.get(code, {})
        entry = {key: value for key, value in hand.items() if key.endswith("_adj") or key.startswith("capital_") or key == "may_mean"}
        for lang in LANGUAGES:
            entry[f"name_{lang}"] = hand.get(f"name_{lang}") or gen[f"name_{lang}"]
            excluded = set(hand.get(f"exclude_{lang}", []))
            forms = [f for f in gen.get(lang, []) if f not in excluded]
            entry[lang] = forms + [f for f in hand.get(lang, []) if f not in forms]
        merged[code] = entry
    return merged


def load_countries(models_dir: Path = MODELS_DIR) -> dict[str, dict]:
    """The country lexicon of `models_dir`: the generated file merged with the hand-kept one."""
    return merge_countries(load_lexicon("countries", models_dir), load_lexicon("countries_extra", models_dir))


@lru_cache(maxsize=None)
def load(lang: str, models_dir: Path = MODELS_DIR) -> Lexicon:
    """Build the lexicon of `lang` from the TOML files of `models_dir`."""
    if lang not in LANGUAGES:
        raise ValueError(f"no lexicons for language {lang!r}: supported languages are {', '.join(LANGUAGES)}")
    other = "en" if lang == "fr" else "fr"
    countries_raw = load_countries(models_dir)
    lex = Lexicon(lang=lang, countries={})
    for code, entry in countries_raw.items():
        lex.countries[code] = Country(code, entry["name_en"], entry["name_fr"])
        # Names of both languages: an English article may write "Viêt Nam", a French one "Viet Nam".
        for form in entry.get(other, []) + entry.get(lang, []):
            lex.country_names[form] = code
        if entry.get("may_mean"):
            lex.may_mean[code] = list(entry["may_mean"])
        for form in entry.get(f"{lang}_adj", []):
            lex.country_adjectives[form] = code
            if lang == "fr":  # "les Vietnamiens": the capitalised noun of the same adjective
                lex.country_adjectives.setdefault(form[:1].upper() + form[1:], code)
        for form in [entry.get("capital_en"), entry.get("capital_fr"), *entry.get("capital_forms", [])]:
            if form:
                lex.capitals[form] = (code, entry.get("capital_en") or form)
        if entry.get("capital_en"):
            lex.places["city:" + slug(entry["capital_en"])] = (entry["capital_en"], entry.get("capital_fr"))
    for entry in load_lexicon("organisations", models_dir)["org"]:
        org = Organisation(entry["id"], entry["name_en"], entry["name_fr"], entry.get("country") or None, entry.get("parent") or None)
        lex.organisations[org.id] = org
        for form in entry.get(other, []):
            if form.isupper() and len(form) <= 3:
                continue  # short acronyms safe in one language only ("UN", "AU" in French)
            lex.org_forms.setdefault(form, org.id)
        for form in entry.get("acronyms", []) + entry.get(lang, []):
            lex.org_forms[form] = org.id
        for form in entry.get("acronyms", []):
            if form.isalpha() and form.isupper() and len(form) >= 4:
                # an acronym said as a word is often written as one: "Otan", "Asean", "Unesco"
                lex.org_forms.setdefault(form[0] + form[1:].lower(), org.id)
    for agency in load_lexicon("agencies", models_dir)["agency"]:
        for alias in agency["aliases"]:
            lex.agencies[alias] = agency["name"]
        if agency.get("country"):
            lex.agency_countries[agency["name"]] = agency["country"]
    entities = load_lexicon("entities", models_dir)
    for region in entities.get("region", []):
        for form in region.get("en", []) + region.get("fr", []):
            lex.regions[form] = region["name_en"]
        if region.get("country"):
            lex.region_countries[region["name_en"]] = region["country"]
        lex.places["region:" + slug(region["name_en"])] = (region["name_en"], region.get("name_fr") or next(iter(region.get("fr", [])), None))
    section = entities.get(lang, {})
    lex.misc = set(section.get("misc", []))
    lex.not_entities = set(section.get("not_entities", []))
    lex.name_stopwords = set(section.get("name_stopwords", []))
    lex.body_words = set(section.get("body_words", []))
    lex.person_nouns = list(section.get("person_nouns", []))
    lex.name_particles = set(entities.get("name_particles", []))
    lex.name_prefixes = set(entities.get("name_prefixes", []))
    lex.document_heads = list(section.get("document_heads", []))
    titles = load_lexicon("titles", models_dir)
    for entry in titles["title"]:
        lex.titles[entry["key"]] = Title(entry["key"], tuple(entry.get("broader", [])), bool(entry.get("speaks_for_body", False)), bool(entry.get("with_name", False)))
        for form in entry.get(lang, []):
            lex.title_forms.setdefault(fold(form), entry["key"])
    conf = titles[lang]
    lex.prefixes = conf.get("prefixes", [])
    lex.complements = conf.get("complements", [])
    lex.mandate_prepositions = conf.get("mandate_prepositions", [])
    lex.speaks_for = {w.lower() for w in conf.get("speaks_for", [])}
    lex.portfolio = conf.get("portfolio", [])
    lex.honorifics = conf.get("honorifics", [])
    lex.masculine_honorifics = conf.get("masculine_honorifics", [])
    lex.feminine = conf.get("feminine", [])
    lex.feminine_determiners = conf.get("feminine_determiners", [])
    lex.masculine_determiners = conf.get("masculine_determiners", [])
    lex.possessives = conf.get("possessives", [])
    lex.behalf = conf.get("behalf", [])
    lex.speaking_for = conf.get("speaking_for", [])
    lex.collectives = conf.get("collectives", [])
    lex.institutions = conf.get("institutions", [])
    names = load_lexicon("first_names", models_dir)
    lex.given_names = {fold(n): "f" for n in names.get("female", [])} | {fold(n): "m" for n in names.get("male", [])}
    return lex


def mandate_pattern(lex: Lexicon) -> re.Pattern[str]:
    """Matches text ending in a mandate preposition and its determiner ("… en ", "… for the "), with
    the word before it in group `before`: the country named next is what a person works on, not
    whom they serve — unless that word speaks for someone ("the speaker for Bangladesh")."""
    if not lex.mandate_prepositions:
        return re.compile("(?!)")
    preps = trie_regex(sorted(lex.mandate_prepositions))
    return re.compile(rf"(?:(?P<before>[^\W\d_][\w'-]*)\s+)?(?<![\w-])(?:{preps})\s+(?:(?:the|la|le|les|l')\s*)?$", re.IGNORECASE)


def names_a_mandate(lex: Lexicon, pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Does text[start:end] end in a mandate preposition (see `mandate_pattern`)?"""
    found = pattern.search(text, start, end)
    # (a holder names the mandate: "envoy for Sudan"; "For France, …" opening a sentence is a framing)
    return bool(found) and found.group("before") is not None and found.group("before").lower() not in lex.speaks_for


def title_heads(lex: Lexicon, models_dir: Path = MODELS_DIR) -> list[str]:
    """Head forms of every title of the lexicon's language, as written in `models/titles.toml`."""
    return [form for entry in load_lexicon("titles", models_dir)["title"] for form in entry.get(lex.lang, [])]
