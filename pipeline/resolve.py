"""Resolve stage: `ner_mentions.parquet` + `documents.parquet` → `mentions.parquet`, `entities.parquet`.

One identity per real-world entity, across documents and languages:
- countries by ISO3 (`country:VNM`), organisations by their lexicon id (`org:un`, whatever the
  language or acronym), agencies (`org:agency-vna`), cities and regions by their lexicon key;
- persons by their folded full name (`person:bui-thanh-son`: diacritic variants merge), with the
  later short references of an article ("Son", "Bùi Van Nam" after "le vice-ministre ...
  Bùi Van Nam") linked to the full name introduced in it;
- titles standing alone ("le chef de la diplomatie vietnamienne", "the Vietnamese FM") linked to
  the official of the article they fit (role family, nationality, gender), their wording added
  to that person's roles; a title that fits nobody but names a country ("le président russe")
  becomes an unnamed official (`person:president-rus`);
- an official whose title gives no country takes the article's main country, unless the title
  names an organisation (a UN or ICRC official serves no state).

Every entity_id is a function of the entity's key, so ids are stable across runs and corpora.
The `name` of a country, a lexicon organisation, a capital or a region is its English name (and
`name_en`, `name_fr` give both); a person's or another place's keeps the fullest diacritics seen;
`aliases` hold every surface form. An unnamed official has `named` false.

Params (`resolve` in params.yaml): see `ResolveParams`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from pipeline import __version__, engine, lexicons
from pipeline.config import MODELS_DIR, StageParams
from pipeline.lexicons import Lexicon, diacritic_weight, fold, slug
from pipeline.ner import ACRONYM
from pipeline.schema import Document, Entity, Mention, Observation
from pipeline.store import TableWriter, iter_records, new_run, row_count, table_metadata, write_together

KINDS = {"PERSON": "person", "TITLE": "person", "COUNTRY": "country", "ORG": "organisation", "LOC": "location"}


class ResolveParams(StageParams):
    """Parameters of the resolve stage (section `resolve` of params.yaml)."""

    batch_size: int = 64
    """Documents read per batch."""
    context_country: bool = True
    """Give officials with no stated country the main country of their article."""
    named_later_chars: int = 600
    """A description no named official fits ("La cheffe de la diplomatie congolaise a accusé …") designates
    the first person named within this many characters after it who has no title of their own."""


@dataclass
class _Observed:
    """What one document says about one entity, while the document is read."""

    entity_id: str
    kind: str
    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    name_en: str | None = None
    name_fr: str | None = None
    named: bool = True


@dataclass
class _Person:
    """A person cluster inside one document."""

    words: list[str]
    forms: list[str]
    positions: list[int]
    roles: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    country: str | None = None
    gender: str | None = None
    affiliated_org: bool = False
    unnamed: str | None = None

    def last_before(self, position: int) -> int:
        """The last position of this person before `position` (positions are kept sorted)."""
        return self.positions[bisect.bisect_left(self.positions, position) - 1]

    @property
    def name(self) -> str:
        if self.unnamed:
            return self.unnamed
        return max(self.forms, key=lambda f: (len(f.split()), diacritic_weight(f), f))

    @property
    def entity_id(self) -> str:
        return "person:" + slug(self.name)


def _home_country(document: Document, mentions: list[Mention], lex: Lexicon) -> str | None:
    """The country of a national source writing from its own capital: a national agency ("Hanoi
    (VNA)"), or a dateline that names its capital's country ("… – Ottawa (Ontario) – Global Affairs
    Canada": a government's press release)."""
    if document.dateline not in lex.capitals:
        return None
    capital = lex.capitals[document.dateline][0]
    if lex.agency_countries.get(document.agency or "") == capital:
        return capital
    if document.dateline_start is None or document.dateline_end is None:
        return None
    named = any(
        m.label == "COUNTRY" and m.origin == "lexicon" and m.country == capital and document.dateline_start <= m.start < document.dateline_end
        for m in mentions
    )
    return capital if named else None


def document_country(document: Document, mentions: list[Mention], lex: Lexicon) -> str | None:
    """The country an article is about: most named (names, cities, dateline), earliest on a tie.

    A national source writing from its own capital (`_home_country`) is home press: its officials go
    unqualified ("the Deputy Foreign Minister"), whatever foreign country the article names most.
    """
    home = _home_country(document, mentions, lex)
    if home:
        return home
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if (m.label == "COUNTRY" and m.origin == "lexicon") or (m.label == "LOC" and m.country):
            votes[m.country] += 1  # type: ignore[index]
            first.setdefault(m.country, m.start)  # type: ignore[arg-type]
    if document.dateline and document.dateline in lex.capitals:
        code = lex.capitals[document.dateline][0]
        votes[code] += 1
        first[code] = -1
    if not votes:
        return None
    return max(votes, key=lambda c: (votes[c], -first[c]))


def surnames_as_persons(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Spans the model took for an organisation or a place that are the surname of a person named in
    full in the same article ("Wang said" after "Wang Yi"). Spans opening with a known given name
    are persons from the ner stage on."""
    names = {fold(w) for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2 for w in m.text.split()}
    out = []
    for m in mentions:
        if m.label in ("ORG", "LOC", "MISC") and m.origin == "model" and len(m.text.split()) == 1 and fold(m.text) in names:
            m = m.model_copy(update={"label": "PERSON", "norm": None})
        out.append(m)
    return out


def _cluster_persons(mentions: list[Mention]) -> tuple[list[_Person], dict[int, _Person]]:
    """Group a document's PERSON mentions: full names first, then the short references to them."""
    clusters: list[_Person] = []
    assigned: dict[int, _Person] = {}
    persons = [(i, m) for i, m in enumerate(mentions) if m.label == "PERSON"]
    for i, m in sorted(persons, key=lambda p: (-len(p[1].text.split()), p[1].start)):
        words = fold(m.text).split()
        # Earlier-introduced full names come first in `clusters`; prefer the closest preceding one.
        candidates = [c for c in clusters if set(words) <= set(c.words)]
        if candidates:
            before = [c for c in candidates if c.positions[0] <= m.start]
            target = max(before, key=lambda c: c.last_before(m.start + 1)) if before else candidates[0]
        else:
            target = _Person(words=words, forms=[], positions=[])
            clusters.append(target)
        target.forms.append(m.text)
        bisect.insort(target.positions, m.start)
        assigned[i] = target
    for i, person in assigned.items():
        m = mentions[i]
        person.roles += [role for role in m.roles if role not in person.roles]
        person.keys.update(m.role_keys)
        person.country = person.country or m.country
        person.gender = person.gender or m.gender
        person.affiliated_org = person.affiliated_org or m.affiliated_org
    return clusters, assigned


def _fits(title: Mention, person: _Person, lex: Lexicon) -> bool:
    """Can this description designate this person? Role family, nationality and gender agree."""
    if not person.keys or person.unnamed:
        return False
    families = set().union(*(lex.family(k) for k in person.keys))
    # "le vice-ministre" shortens "vice-ministre des Affaires étrangères", whatever family each got
    shortened = any(fold(role).startswith(fold(t) + " ") for role in person.roles for t in title.roles)
    if not shortened and not any(k in families for k in title.role_keys):
        return False
    if title.country and person.country and title.country != person.country:
        return False
    if title.affiliated_org and not title.country and person.country and not person.affiliated_org:
        return False  # "the United Nations envoy" is not the envoy of a country named later
    if title.gender == "f" and person.gender not in (None, "f"):
        return False
    return True


def _lede_end(document: Document) -> int:
    """Where the lede, the first paragraph after the title line, ends."""
    text = document.text
    start = 0
    if document.title and text.startswith(document.title):
        start = len(document.title)
    while start < len(text) and text[start] in "\n ":
        start += 1
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _named_later(title: Mention, clusters: list[_Person], window: int) -> list[_Person]:
    """The person a lede's description introduces before naming them ("La cheffe de la diplomatie
    congolaise a accusé … », a déclaré Clarisse Ilunga"): the first one named soon after it, who has
    no title, no other country and no other gender of their own."""
    later = [
        c for c in clusters
        # a full name: a lone capitalised word is too often the model's mistake ("« Manifester …")
        if not c.unnamed and not c.keys and len(c.words) >= 2 and title.end < c.positions[0] <= title.end + window
        and (c.country is None or c.country == title.country)
        and (title.gender is None or c.gender in (None, title.gender))
    ]
    return [min(later, key=lambda c: c.positions[0])] if later else []


def acronym_definitions(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Acronyms an article defines for an organisation no lexicon knows: "Australian Signals
    Directorate (ASD)" → {"ASD": "Australian Signals Directorate"}, so both are one organisation."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.label == "ORG" and not m.norm and len(m.text.split()) >= 2:
            found = ACRONYM.match(text, m.end)
            if found and found.group("acronym") != m.text:
                out.setdefault(found.group("acronym"), " ".join(m.text.split()))
    return out


_LINKS = {"of", "the", "and", "for", "on", "in", "de", "des", "du", "la", "le", "l", "et", "d", "pour", "en", "aux", "au"}


def spelled_out(text: str, at: int, acronym: str) -> str | None:
    """The name an acronym in brackets at `at` abbreviates, when the words right before the bracket
    spell it ("Pacific Islands Development Forum (PIDF)", "Organisation pour l'interdiction des
    armes chimiques (OIAC)"): each word gives its initial, a linking word may give none."""
    words = list(re.finditer(r"[^\W\d_][\w’'-]*", text[max(0, at - 120) : at]))
    letters = acronym.lower()
    for k in range(2, min(len(words), 12) + 1):
        chunk = words[-k:]
        if not chunk[0].group(0)[:1].isupper() or re.search(r"[.;:!?()]", text[max(0, at - 120) + chunk[0].start() : at].rstrip(" (")):
            continue
        initials = [fold(re.split(r"['’]", w.group(0))[-1][:1]) for w in chunk]
        optional = [fold(re.split(r"['’]", w.group(0))[0]).rstrip("'’") in _LINKS or fold(w.group(0)) in _LINKS for w in chunk]

        def spells(i: int, j: int) -> bool:
            if i == len(chunk):
                return j == len(letters)
            if j < len(letters) and initials[i] == letters[j] and spells(i + 1, j + 1):
                return True
            return optional[i] and spells(i + 1, j)

        if spells(0, 0):
            return text[max(0, at - 120) + chunk[0].start() : at].rstrip(" (")
    return None


def acronym_norms(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Acronyms an article defines for a lexicon organisation whose lexicon lists no such acronym
    ("the Peace and Security Council (PSC)"): acronym → the organisation's lexicon key."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.label == "ORG" and m.norm and not m.norm.startswith("agency:"):
            found = ACRONYM.match(text, m.end)
            if found and found.group("acronym") != m.text:
                out.setdefault(found.group("acronym"), m.norm)
    return out


def _local_country(
    text: str, at: int, countries: list[tuple[int, str, bool]], previous: bool = True, dateline: str | None = None
) -> str | None:
    """The country a wire story names where an official first appears: the first one named in their
    sentence before them ("Poland will close its border with Belarus, Interior Minister X said"; a
    capital counts there: "À Paris, le ministre …"), else in their paragraph before them, else the
    country of the dateline's capital (a local official speaks where the story is filed), else the
    first one named in their sentence after them (often what they speak about: "Spokesman X said
    Ruritanian troops had fired first"), else in the paragraph before.
    `countries`: (start, code, is a capital) of country, region and capital mentions."""
    para = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    para_end = len(text) if para_end < 0 else para_end
    sentence = max(para, max(text.rfind(". ", para, at), text.rfind("? ", para, at), text.rfind("! ", para, at)) + 1)
    ends = [i for i in (text.find(". ", at, para_end), text.find("? ", at, para_end)) if i >= 0]
    sentence_end = min(ends) if ends else para_end
    for lo, hi, capitals in ((sentence, at, True), (para, at, False)):
        found = [code for start, code, capital in countries if lo <= start < hi and (capitals or not capital)]
        if found:
            return found[0]
    if dateline:
        return dateline
    found = [code for start, code, capital in countries if at <= start < sentence_end]
    if found:
        return found[0]
    if not previous:
        return None
    before = text.rfind("\n", 0, max(para - 1, 0))
    while before > 0 and not text[before + 1 : para].strip():
        before = text.rfind("\n", 0, before)
    found = [code for start, code, capital in countries if before < start < para and not capital]
    return found[0] if found else None


def _official_context(clusters: list[_Person], context: str | None, lex: Lexicon, local: Callable[[int], str | None] | None = None) -> None:
    """Officials of no stated country serve the country the article is about, unless they serve an
    organisation or hold an international office. With `local` (not home press), the country named
    around where they first appear comes first."""
    international = {k for k in lex.titles if "international_official" in lex.family(k)}
    for person in clusters:
        if person.country is None and person.roles and not person.affiliated_org and not person.keys & international:
            person.country = (local(person.positions[0]) if local and person.positions else None) or context


def _dateline_country(document: Document, lex: Lexicon) -> str | None:
    """The country of the capital a story is filed from, as written or in capitals ("NAIROBI")."""
    place = document.dateline or ""
    for form in (place, place.title()):
        if form in lex.capitals:
            return lex.capitals[form][0]
    return None


def _local_finder(document: Document, mentions: list[Mention], lex: Lexicon, previous: bool = True) -> Callable[[int], str | None]:
    countries = sorted(
        (m.start, m.country, m.label == "LOC" and not (m.norm or "").startswith("region:"))
        for m in mentions
        if m.country and (m.label == "COUNTRY" or (m.label == "LOC" and ((m.norm or "").startswith("region:") or m.text in lex.capitals)))
    )
    dateline = _dateline_country(document, lex)
    return lambda at: _local_country(document.text, at, countries, previous, dateline)


def officials_country(document: Document, mentions: list[Mention], lex: Lexicon) -> Callable[[int], str | None]:
    """Whom an official of no stated country serves, where they speak: the country named in their
    sentence or their paragraph before them (wire stories), else the country the article is about
    (home press: the agency's). The paragraph before is not asked: it is often someone else's words."""
    context = document_country(document, mentions, lex)
    if context is None or _home_country(document, mentions, lex):
        return lambda at: context
    local = _local_finder(document, mentions, lex, previous=False)
    return lambda at: local(at) or context


def resolve_document(document: Document, mentions: list[Mention], lex: Lexicon, params: ResolveParams) -> tuple[list[Mention], list[Observation]]:
    """One document's mentions → the same mentions with entity ids, and what it says of each entity."""
    mentions = surnames_as_persons(mentions, lex)
    clusters, assigned = _cluster_persons(mentions)
    context = document_country(document, mentions, lex) if params.context_country else None
    local = _local_finder(document, mentions, lex) if context and not _home_country(document, mentions, lex) else None
    linked: dict[int, _Person] = dict(assigned)
    international = {k for k in lex.titles if "international_official" in lex.family(k)}
    lede_end = _lede_end(document)
    # Before descriptions are linked: "the Australian diplomat" must not designate the home official.
    _official_context(clusters, context, lex, local)
    unnamed: dict[tuple[str, str], _Person] = {}
    for i, m in enumerate(mentions):
        if m.label != "TITLE":
            continue
        fitting = [c for c in clusters if _fits(m, c, lex)]
        # "the Australian diplomat" designates the Australian named before, not a person of unknown country
        fitting = [c for c in fitting if m.country and c.country == m.country] or fitting
        # "le ministre" after "M. X … la ministre Y": the one of the title's gender, where both fit
        fitting = [c for c in fitting if m.gender and c.gender == m.gender] or fitting
        if not fitting and (m.country or m.affiliated_org) and m.start < lede_end:
            fitting = _named_later(m, clusters, params.named_later_chars)
        before = [c for c in fitting if c.positions[0] < m.start]
        if before:
            target = max(before, key=lambda c: c.last_before(m.start))
        elif fitting and m.start < lede_end:
            # only a lede describes someone before naming them: past it, a description names no one
            # who comes later ("La cheffe de la diplomatie européenne a précisé …" is not the German minister of a later paragraph)
            target = min(fitting, key=lambda c: c.positions[0])
        elif m.country and m.role_keys:
            key = (m.role_keys[0], m.country)
            if key not in unnamed:
                description = " ".join(m.text.split())
                unnamed[key] = _Person(words=[], forms=[description], positions=[], keys=set(m.role_keys), country=m.country, unnamed=description)
                unnamed[key].gender = m.gender
            target = unnamed[key]
        else:
            continue
        bisect.insort(target.positions, m.start)
        for role in m.roles:
            if role not in target.roles:
                target.roles.append(role)
        target.keys.update(m.role_keys)
        if not target.keys & international:
            # "le diplomate suédois" for an international official: a nationality, not an affiliation
            target.country = target.country or m.country
        linked[i] = target
    _official_context(clusters, context, lex, local)

    out: list[Mention] = []
    observations: dict[str, _Observed] = {}

    def observe(
        entity_id: str, kind: str, name: str, alias: str | None, country: str | None, roles: Iterable[str] = (),
        names: tuple[str | None, str | None] = (None, None), is_named: bool = True,
    ) -> None:
        obs = observations.setdefault(entity_id, _Observed(entity_id, kind, name_en=names[0], name_fr=names[1], named=is_named))
        obs.names.append(name)
        if alias and alias not in obs.aliases:
            obs.aliases.append(alias)
        if country:
            obs.countries.append(country)
        for role in roles:
            if role not in obs.roles:
                obs.roles.append(role)
        obs.mentions += 1

    defined = acronym_definitions(document.text, mentions)
    defined_norms = acronym_norms(document.text, mentions)
    # the acronym an article defines for an organisation is that organisation wherever the model put it
    # under another label ("les Forces de soutien rapide (FSR)", then "assiégée par les FSR" as a place)
    mentions = [
        m.model_copy(update={"label": "ORG", "norm": None}) if m.origin == "model" and m.label in ("LOC", "MISC") and (m.text in defined or m.text in defined_norms) else m
        for m in mentions
    ]
    # A person's name and id are computed once: a long article names the same person thousands of times.
    named: dict[int, tuple[str, str]] = {}
    for i, m in enumerate(mentions):
        entity_id = None
        if i in linked:
            person = linked[i]
            if id(person) not in named:
                person_id = person.entity_id if not person.unnamed else f"person:{slug(sorted(person.keys)[0])}-{person.country.lower()}"  # type: ignore[union-attr]
                named[id(person)] = (person_id, person.name)
            entity_id, name = named[id(person)]
            alias = m.text if m.label == "PERSON" else None
            observe(entity_id, "person", name, alias, person.country, person.roles, is_named=person.unnamed is None)
        elif m.label == "COUNTRY" and m.norm:
            country = lex.countries[m.norm]
            entity_id = f"country:{m.norm}"
            observe(entity_id, "country", country.name_en, m.text, m.norm, names=(country.name_en, country.name_fr))
        elif m.label == "ORG":
            names: tuple[str | None, str | None] = (None, None)
            if not m.norm and m.text in defined_norms:
                m = m.model_copy(update={"norm": defined_norms[m.text], "origin": "rule"})
            if m.norm and m.norm.startswith("agency:"):
                name = next((n for n in lex.agencies.values() if "agency:" + slug(n) == m.norm), m.text)
                entity_id = "org:" + m.norm.replace(":", "-")
            elif m.norm:
                org = lex.organisations[m.norm]
                name, names = org.name_en, (org.name_en, org.name_fr)
                entity_id = f"org:{m.norm}"
            else:
                name = defined.get(m.text) or " ".join(m.text.split())
                if m.text not in defined and m.text.isupper() and document.text[m.start - 1 : m.start] == "(":
                    # "Pacific Islands Development Forum (PIDF)": the name the model did not take is the acronym's
                    name = spelled_out(document.text, m.start - 1, m.text) or name
                    if name != m.text:
                        defined[m.text] = name
                entity_id = "org:" + slug(name)
            observe(entity_id, "organisation", name, m.text, m.country, names=names)
        elif m.label == "LOC":
            entity_id = "location:" + (m.norm.split(":", 1)[1] if m.norm else slug(m.text))
            place = lex.places.get(m.norm or "")
            # one display language: "Hanoi" whether the article wrote "Hanoï" or "Hanoi"
            observe(entity_id, "location", place[0] if place else m.text, m.text, m.country, names=place or (None, None))
        out.append(m.model_copy(update={"entity_id": entity_id}))
    return out, [Observation(doc_id=document.doc_id, **asdict(o)) for o in observations.values()]


def _drop_contained_roles(roles: list[str]) -> list[str]:
    """Keep "ministre des Affaires étrangères", drop the bare "ministre" it makes redundant."""
    folded = [fold(r) for r in roles]
    keep = []
    for i, role in enumerate(roles):
        f = folded[i]
        if any(j != i and (g.startswith(f + " ") or (g == f and j < i)) for j, g in enumerate(folded)):
            continue
        keep.append(role)
    return keep


@dataclass
class _Merged:
    """What all documents say of one entity, gathered observation by observation (memory grows
    with the distinct names, not with the documents)."""

    kind: str
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    countries: Counter[str] = field(default_factory=Counter)
    roles: dict[str, None] = field(default_factory=dict)  # first seen first
    name_en: str | None = None
    name_fr: str | None = None
    named: bool = True
    documents: set[str] = field(default_factory=set)
    mentions: int = 0

    def add(self, obs: Mapping[str, Any]) -> None:
        """Gather one observation (an `Observation`'s fields)."""
        self.names.update(obs["names"])
        self.aliases.update(obs["aliases"])
        self.countries.update(obs["countries"])
        self.roles.update(dict.fromkeys(obs["roles"]))
        self.name_en = self.name_en or obs["name_en"]
        self.name_fr = self.name_fr or obs["name_fr"]
        self.named = self.named and obs["named"]
        self.documents.add(obs["doc_id"])
        self.mentions += obs["mentions"]


def merge(observations: Iterable[Observation | Mapping[str, Any]]) -> list[Entity]:
    """All documents' observations (records, or rows of their table) → one Entity per id, sorted by id."""
    by_id: dict[str, _Merged] = {}
    for obs in observations:
        row = obs.__dict__ if isinstance(obs, Observation) else obs
        by_id.setdefault(row["entity_id"], _Merged(row["kind"])).add(row)
    entities = []
    for entity_id in sorted(by_id):
        m = by_id[entity_id]
        if m.kind in ("person", "location"):
            name = max(m.names, key=lambda n: (len(n.split()), diacritic_weight(n), m.names[n], n))
        else:
            name = m.names.most_common(1)[0][0]
        country = min(m.countries, key=lambda c: (-m.countries[c], c)) if m.countries else None
        entities.append(
            Entity(
                entity_id=entity_id, kind=m.kind, name=m.name_en or name, name_en=m.name_en, name_fr=m.name_fr, named=m.named,  # type: ignore[arg-type]
                aliases=sorted(m.aliases), country=country,
                roles=_drop_contained_roles(list(m.roles)), n_documents=len(m.documents), n_mentions=m.mentions,
            )
        )
    return entities


def run(pairs: Iterable[tuple[Document, list[Mention]]], params: ResolveParams, models_dir: Path = MODELS_DIR) -> tuple[Iterator[Mention], list[Entity]]:
    """(document, its mentions) pairs → resolved mentions (streamed) and, once they are consumed, entities."""
    observations: list[Observation] = []
    entities: list[Entity] = []

    def mentions() -> Iterator[Mention]:
        for document, doc_mentions in pairs:
            resolved, obs = resolve_document(document, doc_mentions, lexicons.load(document.lang, models_dir), params)
            observations.extend(obs)
            yield from resolved
        entities.extend(merge(observations))

    return mentions(), entities


def pairs_of(documents_path: Path, mentions_path: Path, batch_size: int) -> Iterator[tuple[Document, list[Mention]]]:
    """Documents with their mentions. Both tables are in document order, so one pass suffices."""
    pending: deque[Mention] = deque()
    mention_batches = iter_records(mentions_path, "mentions", batch_size * 16)

    def next_mentions(doc_id: str) -> list[Mention]:
        nonlocal pending
        found = []
        while True:
            while pending and pending[0].doc_id == doc_id:
                found.append(pending.popleft())
            if pending:
                return found
            batch = next(mention_batches, None)
            if batch is None:
                return found
            pending = deque(batch)  # type: ignore[arg-type]

    for batch in iter_records(documents_path, "documents", batch_size):
        for document in batch:
            yield document, next_mentions(document.doc_id)  # type: ignore[arg-type, misc]


@dataclass(frozen=True)
class ResolveSummary:
    mentions: int
    entities: int


@dataclass(frozen=True)
class ResolveTask:
    """One shard: its documents and ner mentions, and the shard files it writes."""

    documents: Path
    mentions_in: Path
    mentions_out: Path
    observations: Path
    fingerprint: str
    params: ResolveParams
    models_dir: Path


def resolve_shard(task: ResolveTask) -> None:
    """Resolve one shard's documents → its resolved mentions and its observations shard files."""
    producers = {**table_metadata(task.mentions_in)["producers"], "diplonews": __version__}
    batch = task.params.batch_size * 16
    with write_together(
        TableWriter(task.mentions_out, "mentions", producers, batch, shard=task.fingerprint),
        TableWriter(task.observations, "observations", producers, batch, shard=task.fingerprint),
    ) as (mention_writer, observation_writer):
        for document, mentions in pairs_of(task.documents, task.mentions_in, task.params.batch_size):
            resolved, observations = resolve_document(document, mentions, lexicons.load(document.lang, task.models_dir), task.params)
            mention_writer.write_all(resolved)
            observation_writer.write_all(observations)


def main(
    documents_path: Path, mentions_in: Path, mentions_out: Path, entities_out: Path, params: ResolveParams,
    models_dir: Path = MODELS_DIR, runner: engine.Engine | None = None,
) -> ResolveSummary:
    """Link the ner stage's mentions to entities; write mentions and entities tables.

    Mentions are resolved shard by shard (only shards whose inputs changed are resolved again);
    entities are then merged from every shard's observations, as a run over the whole corpus would.
    """
    n, documents = engine.input_shards(documents_path)
    _, found = engine.input_shards(mentions_in)
    ner_shards = {shard: (path, fp) for shard, path, fp in found}
    observations_path = mentions_out.parent / "observations.parquet"
    setting = [params.model_dump(mode="json"), engine.folder_fingerprint(Path(models_dir))]
    fingerprints = {shard: engine.fingerprint("resolve", setting, fp, ner_shards[shard][1]) for shard, _, fp in documents}
    inputs = {shard: path for shard, path, _ in documents}
    done = engine.run_shards(
        "resolve", [mentions_out, observations_path], n, fingerprints,
        lambda shard, fp: ResolveTask(
            inputs[shard], ner_shards[shard][0], engine.shard_path(mentions_out, shard, n), engine.shard_path(observations_path, shard, n),
            fp, params, Path(models_dir),
        ),
        partial(engine.each, resolve_shard), runner, {s: row_count(path) for s, path in inputs.items()}, params.batch_size,
    )
    mention_shards = [engine.shard_path(mentions_out, s, n) for s in done.shards]
    producers = {**table_metadata(mentions_in)["producers"], "diplonews": __version__}
    this_run = new_run("resolve", {"params": params.model_dump(mode="json"), "producers": producers}, [documents_path, mentions_in])
    # Rows of shard files this stage wrote from validated records: not validated a second time.
    observations = (row for s in done.shards for row in pq.read_table(engine.shard_path(observations_path, s, n)).to_pylist())
    with write_together(
        TableWriter(mentions_out, "mentions", producers, params.batch_size * 16, this_run),
        TableWriter(entities_out, "entities", producers, params.batch_size * 16, this_run),
    ) as (writer, entity_writer):
        engine.write_from_shards(writer, mention_shards)
        entity_writer.write_all(merge(observations))
    return ResolveSummary(mentions=writer.count, entities=entity_writer.count)
