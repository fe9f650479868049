"""Claims stage: documents + resolved mentions + entities → `claims.parquet` (who said what).

A claim is a policy position attributed to a speaker, with the reporting cue, the content, the
evidence sentence(s) and their offsets in `documents.text`, a stance and topics. Attribution is
rule-based over sentences and the mentions of the resolve stage (no parser is needed):
- speaker before the cue: "X a affirmé que …", "X said …", "He called on …" (the subject is
  searched right before the cue, skipping appositives and introductory phrases);
- content before the cue: "…, a affirmé l'ambassadeur X", "…, a-t-il ajouté", "…, he said",
  "…, Deputy Prime Minister X said on Thursday";
- "Selon X, …", "According to X, …" (the next sentences of the paragraph continue the claim);
- cataphora: "<content>. C'est ce qu'a déclaré le ministre X" (content = what came before);
- several cues of one subject in a sentence ("ont exprimé leur soutien à … et ont appelé …");
- continuation: uncued sentences of a paragraph around an indirect claim, and an uncued
  paragraph between two paragraphs of the same speaker, are that speaker's too;
- pronouns (il, elle, ils, he, she, they) and possessives ("leurs commentaires") resolve to the
  latest speaker of matching gender and number; descriptions ("le chef de la diplomatie
  vietnamienne") were already linked to their official by the resolve stage; collective
  speakers ("les participants") are kept as text with no entity.
The title line and the dateline prefix never yield claims; a statement repeated in the lede and
the body is reported once.

Params (`claims` in params.yaml): see `ClaimsParams`. Data: models/claims.toml (cues, pronouns,
stance markers and definitions), models/topics.toml (taxonomy), models/titles.toml (collectives).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from tqdm import tqdm

from pipeline import __version__
from pipeline.config import MODELS_DIR, StageParams, load_lexicon
from pipeline.lexicons import fold, trie_regex
from pipeline.schema import Claim, Document, Entity, Mention
from pipeline.store import TableWriter, read_table, table_metadata

STANCE_ORDER = ("oppose", "call", "concern", "support")
QUOTES_OPEN, QUOTES_CLOSE = "«“", "»”"
_ABBREVIATIONS = {"M", "Mme", "Mlle", "Me", "Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "No", "n°", "art", "etc", "Gen", "Lt", "Col", "Prof", "U.N", "U.S", "av", "vol", "p"}


class ClaimsParams(StageParams):
    """Parameters of the claims stage (section `claims` of params.yaml)."""

    batch_size: int = 64
    """Documents read per batch."""
    continuation: bool = True
    """Attribute uncued sentences and paragraphs that continue a speaker's reported speech."""
    min_content_words: int = 3
    """Shorter contents are not positions ("a-t-il dit.")."""
    duplicate_overlap: float = 0.8
    """Two claims of one speaker sharing this share of words are one claim repeated (lede and body)."""


# --- lexicon ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A reporting expression found in a sentence."""

    start: int
    end: int
    text: str
    stance: str
    pronoun: str | None  # the inverted pronoun of "a-t-il affirmé"
    participle: bool = False  # "soulignant", "stressing": its subject is the main clause's


@dataclass
class ClaimLexicon:
    """Compiled cues, framings, pronouns and markers of one language."""

    lang: str
    cue: re.Pattern[str]
    cue_stances: list[tuple[re.Pattern[str], str]]
    according_start: re.Pattern[str]
    according_end: re.Pattern[str]
    cataphora: re.Pattern[str]
    complementiser: re.Pattern[str]
    pronouns: dict[str, tuple[str, str]]
    pronoun: re.Pattern[str]
    speech_noun: list[tuple[re.Pattern[str], str]]
    collective: re.Pattern[str]
    impersonal: re.Pattern[str]
    markers: dict[str, re.Pattern[str]]
    topics: list[tuple[str, list[str]]]


@lru_cache(maxsize=None)
def load_lexicon_for(lang: str, models_dir: Path = MODELS_DIR) -> ClaimLexicon:
    """Compile `models/claims.toml`, `topics.toml` and the collectives of `titles.toml` for `lang`."""
    data = load_lexicon("claims", models_dir)
    if lang not in data:
        raise ValueError(f"no claims lexicon for language {lang!r}")
    conf = data[lang]
    verbs = [v["form"] for v in conf["verbs"]]
    present = [v["form"] for v in conf["present"]]
    adverbs = "|".join(conf["adverbs"])
    aux = trie_regex(conf["auxiliaries"])
    verb_alt = "|".join(sorted(verbs, key=len, reverse=True))
    present_alt = "|".join(sorted(present, key=len, reverse=True))
    if lang == "fr":
        cue = rf"(?<![\w-])(?P<aux>{aux})(?:\s+(?:{adverbs}),?)*\s+(?P<verb>{verb_alt})(?![\w-])|(?<![\w-])(?P<present>{present_alt})(?![\w-])"
    else:
        cue = rf"(?<![\w-])(?:(?:{aux}|{adverbs})\s+)*(?P<verb>{verb_alt})(?![\w-])|(?<![\w-])(?P<present>{present_alt})(?![\w-])"
    stances = [(re.compile(rf"(?:{v['form']})", re.IGNORECASE), v["stance"]) for v in sorted(conf["verbs"] + conf["present"], key=lambda v: -len(v["form"]))]
    according = trie_regex(conf["according_to"])
    pronouns = {p["form"]: (p["gender"], p["number"]) for p in conf["pronouns"]}
    titles = load_lexicon("titles", models_dir)[lang]
    topics = [(t["key"], [term.lower() for term in t.get(lang, [])]) for t in load_lexicon("topics", models_dir)["topic"]]
    return ClaimLexicon(
        lang=lang,
        cue=re.compile(cue),
        cue_stances=stances,
        according_start=re.compile(rf"\s*(?:{according})\s+(?P<speaker>[^,]{{2,120}}?)\s*,\s*"),
        according_end=re.compile(rf",\s*(?:{according})\s+(?P<speaker>[^,]{{2,120}}?)\s*[.!?]?\s*$"),
        cataphora=re.compile(rf"\s*(?:{trie_regex(conf['cataphora'])})\s*"),
        complementiser=re.compile(rf"\s*,?\s*(?:{'|'.join(re.escape(c) for c in conf['complementisers'])})(?:\s+|(?<=')|(?<=:))"),
        pronouns=pronouns,
        pronoun=re.compile(rf"(?<![\w-])(?:{trie_regex(sorted(pronouns))})(?![\w-])"),
        speech_noun=[(re.compile(rf"(?<![\w-])(?:{s['form']})(?![\w-])", re.IGNORECASE), s["number"]) for s in conf["speech_nouns"]],
        collective=re.compile(rf"(?<![\w-])(?:{trie_regex(titles.get('collectives', []))})(?![\w-])"),
        impersonal=re.compile(rf"(?<![\w-])(?:{trie_regex(conf['impersonal'])})(?![\w-])", re.IGNORECASE),
        markers={k: re.compile("|".join(conf["stances"].get(k, [])) or "(?!)") for k in STANCE_ORDER},
        topics=topics,
    )


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
        elif ch in ".!?…" and depth == 0 and not straight:
            j = i + 1
            while j < end and text[j] in "»”\")'.":
                j += 1
            nxt = text[j + 1 : j + 2] if j < end and text[j] == " " else ""
            last = re.search(r"(\S+)$", text[begin:i])
            word = last.group(1) if last else ""
            initial = len(word) == 1 and word.isupper()
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
    kind: str  # person, collective, organisation, country
    gender: str | None = None
    number: str = "sg"

    @property
    def key(self) -> str:
        return self.entity_id or fold(self.name)


@dataclass(frozen=True)
class Candidate:
    """Something in the text that may be a speaker: a mention, a pronoun, a collective."""

    start: int
    end: int
    kind: str  # PERSON, TITLE, ORG, COUNTRY, PRONOUN, COLLECTIVE, POSSESSIVE
    text: str
    entity_id: str | None = None
    gender: str | None = None
    number: str = "sg"
    roles: tuple[str, ...] = ()


STRONG = ("PERSON", "TITLE", "COLLECTIVE", "PRONOUN", "POSSESSIVE")


def speaker_candidates(text: str, mentions: list[Mention], lex: ClaimLexicon) -> list[Candidate]:
    """Mentions that can speak, plus pronouns, collectives and possessive speech nouns, in text order."""
    out: list[Candidate] = []
    for m in mentions:
        if m.label in ("PERSON", "TITLE", "ORG", "COUNTRY") and (m.entity_id or m.label == "TITLE"):
            if m.label == "COUNTRY" and m.origin == "adjective":
                continue
            out.append(Candidate(m.start, m.end, m.label, m.text, m.entity_id, m.gender, roles=tuple(m.roles)))
    for found in lex.pronoun.finditer(text):
        if lex.impersonal.match(text, found.start()):
            continue
        gender, number = lex.pronouns[found.group(0)]
        out.append(Candidate(found.start(), found.end(), "PRONOUN", found.group(0), None, gender or None, number))
    for found in lex.collective.finditer(text):
        out.append(Candidate(found.start(), found.end(), "COLLECTIVE", found.group(0), None, None, "pl"))
    for pattern, number in lex.speech_noun:
        for found in pattern.finditer(text):
            out.append(Candidate(found.start(), found.end(), "POSSESSIVE", found.group(0), None, None, number))
    # A mention nested in a longer one ("vietnamien" in "diplomate vietnamien") is not a speaker.
    out.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def _subject(candidates: list[Candidate], text: str, start: int, cue_start: int) -> Candidate | None:
    """The subject of a cue: the nearest speaker before it, skipping appositives and intros.

    The text between sentence start and cue is cut at commas; the segment touching the cue may
    hold any speaker (an organisation too: "Russia said"); earlier segments only persons,
    descriptions, pronouns and collectives ("X, chef de la Mission …, a affirmé").
    """
    cuts = [start] + [start + m.end() for m in re.finditer(r",", text[start:cue_start])] + [cue_start]
    segments = list(zip(cuts[:-1], cuts[1:]))
    for depth, (s, e) in enumerate(reversed(segments)):
        inside = [c for c in candidates if s <= c.start and c.end <= e]
        allowed = [c for c in inside if depth == 0 or c.kind in STRONG]
        persons = [c for c in allowed if c.kind in STRONG]
        if persons:
            return persons[-1]
        if allowed and depth == 0:
            return allowed[-1]
        if depth >= 3:
            break
    return None


class Resolver:
    """Turns candidates into speakers, remembering the latest speakers for pronouns."""

    def __init__(self, entities: dict[str, Entity], gender_of: dict[str, str | None]):
        self.entities = entities
        self.gender_of = gender_of
        self.history: list[Speaker] = []
        self.persons_seen: list[Speaker] = []

    def note_mentions(self, candidates: Iterable[Candidate], until: int) -> None:
        """Persons mentioned before `until` become pronoun antecedents even if they said nothing."""
        for c in candidates:
            if c.end <= until and c.kind in ("PERSON", "TITLE") and c.entity_id:
                speaker = self._from_entity(c)
                if speaker and (not self.persons_seen or self.persons_seen[-1].key != speaker.key):
                    self.persons_seen.append(speaker)

    def _from_entity(self, c: Candidate) -> Speaker | None:
        entity = self.entities.get(c.entity_id or "")
        if entity is None:
            return None
        kind = {"person": "person", "organisation": "organisation", "country": "country"}.get(entity.kind, entity.kind)
        return Speaker(entity.name, entity.entity_id, entity.country, kind, self.gender_of.get(entity.entity_id) or c.gender)

    def resolve(self, c: Candidate) -> Speaker | None:
        """A candidate → its speaker (None when a pronoun or description has no antecedent)."""
        if c.kind in ("PERSON", "TITLE", "ORG", "COUNTRY"):
            if c.entity_id:
                return self._from_entity(c)
            return None
        if c.kind == "COLLECTIVE":
            name = c.text[:1].lower() + c.text[1:] if c.text[:4] in ("Les ", "The ") else c.text
            return Speaker(name, None, None, "collective", number="pl")
        # Pronouns and possessives: the latest speaker of matching number and gender.
        seen_only = [s for s in self.persons_seen if s.key not in {h.key for h in self.history}]
        for speaker in list(reversed(self.history)) + list(reversed(seen_only)):
            if c.number == "pl" and speaker.kind != "collective":
                continue
            if c.number == "sg" and speaker.kind == "collective":
                continue
            if c.gender == "f" and speaker.gender not in ("f",) and c.number == "sg":
                continue
            if c.gender == "m" and speaker.gender == "f":
                continue
            return speaker
        return None

    def said(self, speaker: Speaker) -> None:
        if self.history and self.history[-1].key == speaker.key:
            return
        self.history = [s for s in self.history if s.key != speaker.key] + [speaker]


# --- content ----------------------------------------------------------------------------------


def quote_type(content: str) -> str:
    """direct: the content is a quotation; mixed: it holds one; indirect: no quotation marks."""
    stripped = content.strip(" .,;:")
    if not re.search(r"[«“\"]", stripped):
        return "indirect"
    if stripped[:1] in '«“"' and stripped[-1:] in '»”"' and not re.search(r'[»”"].*[«“"]', stripped[1:-1]):
        return "direct"
    return "mixed"


def stance_of(cue: Cue | None, content: str, lex: ClaimLexicon) -> str:
    """Stance from the cue when it carries one, else from content markers (models/claims.toml)."""
    if cue and cue.stance:
        return cue.stance
    lowered = content.lower()
    for stance in STANCE_ORDER:
        if lex.markers[stance].search(lowered):
            return stance
    return "neutral"


def topics_of(content: str, lex: ClaimLexicon) -> list[str]:
    """Every topic of the taxonomy with a term in the content, in taxonomy order."""
    lowered = content.lower()
    return [key for key, terms in lex.topics if any(term in lowered for term in terms)]


def _cue_stance(text: str, lex: ClaimLexicon) -> str:
    for pattern, stance in lex.cue_stances:
        if pattern.fullmatch(text):
            return stance
    return ""


def find_cues(text: str, start: int, end: int, lex: ClaimLexicon) -> list[Cue]:
    """Reporting expressions inside [start, end), with the stance each carries."""
    cues = []
    for m in lex.cue.finditer(text, start, end):
        verb = m.group("verb") or m.group("present")
        aux = m.groupdict().get("aux") or ""
        pronoun = aux.split("-t-")[1] if "-t-" in aux else None
        participle = bool(m.group("present")) and verb.endswith(("ant", "ing")) or " " in verb and verb.split()[0].endswith(("ant", "ing"))
        cues.append(Cue(m.start(), m.end(), " ".join(m.group(0).split()), _cue_stance(verb, lex), pronoun, participle))
    return cues


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


@dataclass
class DocumentContext:
    document: Document
    text: str
    lex: ClaimLexicon
    candidates: list[Candidate]
    resolver: Resolver


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of [start, end) without surrounding spaces, commas and final period."""
    while start < end and text[start] in " ,;:\n":
        start += 1
    while end > start and text[end - 1] in " ,;.\n":
        end -= 1
    return start, end


def _content_after(ctx: DocumentContext, cue_end: int, end: int) -> tuple[int, int]:
    found = ctx.lex.complementiser.match(ctx.text, cue_end, end)
    return _trim(ctx.text, found.end() if found else cue_end, end)


def _words(ctx: DocumentContext, span: tuple[int, int]) -> int:
    return len(ctx.text[span[0] : span[1]].split())


def _words_besides(text: str, start: int, end: int, subject: Candidate | None) -> int:
    """Words between `start` and `end` that are neither the subject nor its title ("Deputy PM X said")."""
    if subject is None:
        return len(text[start:end].split())
    before = fold(text[start : subject.start])
    for role in subject.roles:
        if before.endswith(fold(role)):
            before = before[: -len(fold(role))]
            break
    return len(before.split()) + len(text[subject.end : end].split())


def _sentence_claims(ctx: DocumentContext, p_index: int, s_index: int, s: int, e: int, previous: list[tuple[int, int]]) -> list[Draft]:
    """The claims one sentence states (possibly about the sentences before it)."""
    text, lex = ctx.text, ctx.lex
    drafts: list[Draft] = []
    ctx.resolver.note_mentions(ctx.candidates, s)
    in_sentence = [c for c in ctx.candidates if s <= c.start and c.end <= e]

    def first_speaker(a: int, b: int) -> Candidate | None:
        inside = [c for c in in_sentence if a <= c.start and c.end <= b and c.kind in STRONG + ("ORG", "COUNTRY")]
        strong = [c for c in inside if c.kind in STRONG]
        return (strong or inside or [None])[0]

    # "Selon X, …"
    according = lex.according_start.match(text, s, e)
    if according:
        cand = first_speaker(according.start("speaker"), according.end("speaker"))
        speaker = ctx.resolver.resolve(cand) if cand else None
        if speaker:
            word = according.group(0).split()[0]
            start = text.index(word, according.start())
            cue = Cue(start, start + len(word), word, "", None)
            return [Draft(speaker, cue, _trim(text, according.end(), e), (s, e), "according_to", p_index, s_index)]
    according = lex.according_end.search(text, s, e)
    if according:
        cand = first_speaker(according.start("speaker"), according.end("speaker"))
        speaker = ctx.resolver.resolve(cand) if cand else None
        if speaker:
            word = according.group(0).strip(" ,").split()[0]
            return [Draft(speaker, Cue(according.start(), according.end(), word, "", None), _trim(text, s, according.start()), (s, e), "according_to", p_index, s_index)]

    # "C'est ce qu'a déclaré X" — the content is what came before.
    cataphora = lex.cataphora.match(text, s, e)
    cues = find_cues(text, s, e, lex)
    if cataphora and cues and cues[0].start - cataphora.end() <= 1 and previous:
        cand = first_speaker(cues[0].end, e)
        speaker = ctx.resolver.resolve(cand) if cand else None
        if speaker:
            return [Draft(speaker, cues[0], _trim(text, ps, pe), (ps, e), "cataphora", p_index, s_index) for ps, pe in previous]

    subject_of_previous: Speaker | None = None
    for i, cue in enumerate(cues):
        next_cue = cues[i + 1] if i + 1 < len(cues) else None
        limit = next_cue.start if next_cue else e
        if next_cue:  # "… et ont appelé": the coordinator belongs to the next cue
            coord = re.search(r"(?:,\s*|\s+(?:et|and)\s+)$", text[cue.end : next_cue.start])
            if coord:
                limit = cue.end + coord.start()
        pre_start = cues[i - 1].end if i > 0 else s
        pre = text[pre_start : cue.start]
        last_comma = pre.rfind(",")
        head = text[s : pre_start + last_comma] if last_comma >= 0 else ""
        after = text[cue.end : limit]
        starts_content = lex.complementiser.match(text, cue.end, limit) is not None
        post_speaker = first_speaker(cue.end, limit)
        seg_start = pre_start + last_comma + 1
        seg_subject = _subject(in_sentence, text, seg_start, cue.start) if last_comma >= 0 else None
        seg_rest = _words_besides(text, seg_start, cue.start, seg_subject)
        inverted_here = (
            i == 0
            and last_comma >= 0
            and not starts_content
            and len(head.split()) >= 4
            and len(after.split()) <= 16
            and (
                cue.pronoun is not None
                or (not text[seg_start : cue.start].strip() and post_speaker is not None and post_speaker.start - cue.end <= 25)
                or (seg_subject is not None and seg_rest <= 2)
            )
        )
        if inverted_here:
            if cue.pronoun:
                cand = Candidate(cue.start, cue.end, "PRONOUN", cue.pronoun, None, *ctx.lex.pronouns.get(cue.pronoun, ("", "sg")))
            else:
                cand = seg_subject if seg_subject and seg_rest <= 2 else post_speaker
            speaker = ctx.resolver.resolve(cand) if cand else None
            if speaker:
                content = _trim(text, s, pre_start + last_comma)
                drafts.append(Draft(speaker, cue, content, (s, e), "inverted", p_index, s_index))
                subject_of_previous = speaker
            continue
        if i > 0 and drafts and (cue.participle or not _subject(in_sentence, text, pre_start, cue.start)):
            speaker = subject_of_previous  # "… et ont appelé", "…, soulignant que": the same subject
        elif i > 0 and drafts and drafts[-1].attribution == "subject" and ctx.lex.complementiser.match(text, cues[i - 1].end, cue.start):
            # A cue inside reported content ("a affirmé que le Vietnam préconise …") is part of it.
            drafts[-1] = replace(drafts[-1], content=_content_after(ctx, cues[i - 1].end, e))
            continue
        else:
            cand = _subject(in_sentence, text, pre_start, cue.start)
            speaker = ctx.resolver.resolve(cand) if cand else subject_of_previous
        if speaker is None:
            continue
        content = _content_after(ctx, cue.end, limit)
        drafts.append(Draft(speaker, cue, content, (s, e), "subject", p_index, s_index))
        subject_of_previous = speaker
    return drafts


def extract_claims(document: Document, mentions: list[Mention], entities: dict[str, Entity], params: ClaimsParams, models_dir: Path = MODELS_DIR) -> list[Claim]:
    """One document with its resolved mentions → its claims, in text order."""
    lex = load_lexicon_for(document.lang, models_dir)
    text = document.text
    gender_of: dict[str, str | None] = {}
    for m in mentions:
        if m.entity_id and m.gender:
            gender_of[m.entity_id] = m.gender
    ctx = DocumentContext(document, text, lex, speaker_candidates(text, mentions, lex), Resolver(entities, gender_of))
    paras = paragraphs(text)
    if document.dateline_start is not None and document.dateline_end is not None:
        # The dateline prefix ("Hanoï (VNA) - ") is not part of anybody's statement.
        paras = [(max(a, document.dateline_end) if a == document.dateline_start else a, b) for a, b in paras]
    if document.title and paras and text[paras[0][0] : paras[0][1]] == document.title:
        paras = paras[1:]
    by_paragraph: list[list[tuple[int, int]]] = [sentences(text, a, b) for a, b in paras]
    claimed: dict[tuple[int, int], list[Draft]] = {}
    for p_index, sents in enumerate(by_paragraph):
        for s_index, (s, e) in enumerate(sents):
            if s_index:
                previous_keys = [(p_index, i) for i in range(s_index)]
            else:
                previous_keys = [(p_index - 1, i) for i in range(len(by_paragraph[p_index - 1]))] if p_index else []
            previous = [by_paragraph[p][i] for p, i in previous_keys]
            drafts = _sentence_claims(ctx, p_index, s_index, s, e, previous)
            if any(d.attribution == "cataphora" for d in drafts):
                # The sentences it points back to are its claims now, not whatever they claimed alone.
                for key in previous_keys:
                    claimed.pop(key, None)
            for d in drafts:
                ctx.resolver.said(d.speaker)
            if drafts:
                claimed[(p_index, s_index)] = drafts
    def kept(drafts: list[Draft]) -> list[Draft]:
        return _deduplicate(ctx, [d for d in drafts if _words(ctx, d.content) >= params.min_content_words], params)

    if params.continuation:
        # Repeats go first, so that a lede repeated in the body does not frame a continuation.
        survivors = {id(d) for d in kept([d for key in sorted(claimed) for d in claimed[key]])}
        claimed = {key: [d for d in ds if id(d) in survivors] for key, ds in claimed.items()}
        claimed = {key: ds for key, ds in claimed.items() if ds}
        _continuations(ctx, by_paragraph, claimed)
    drafts = kept([d for key in sorted(claimed) for d in claimed[key]])
    return [_to_claim(ctx, d) for d in drafts]


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
                for i in following:
                    s, e = sents[i]
                    claimed[(p_index, i)] = [replace(draft, content=_trim(text, s, e), evidence=(s, e), attribution="continuation", sentence=i)]
            if draft.attribution == "inverted" and quote_type(text[draft.content[0] : draft.content[1]]) == "indirect":
                for i in range(key[1] - 1, -1, -1):
                    if (p_index, i) in claimed:
                        break
                    s, e = sents[i]
                    claimed[(p_index, i)] = [replace(draft, content=_trim(text, s, e), evidence=(s, e), attribution="continuation", sentence=i)]
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
        claimed[(before + 1, 0)] = [Draft(last.speaker, None, _trim(text, *span), span, "continuation", before + 1, 0)]


def _deduplicate(ctx: DocumentContext, drafts: list[Draft], params: ClaimsParams) -> list[Draft]:
    """Drop a claim whose words are (nearly) all in a longer claim of the same speaker."""
    def words(d: Draft) -> set[str]:
        return set(fold(ctx.text[d.content[0] : d.content[1]]).split())

    keep: list[Draft] = []
    for d in drafts:
        wd = words(d)
        duplicate = False
        for other in drafts:
            if other is d or other.speaker.key != d.speaker.key:
                continue
            wo = words(other)
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


def _to_claim(ctx: DocumentContext, d: Draft) -> Claim:
    text = ctx.text
    content = text[d.content[0] : d.content[1]]
    start, end = d.evidence
    claim_id = hashlib.sha256(f"{ctx.document.doc_id}:{d.content[0]}:{d.content[1]}".encode()).hexdigest()[:16]
    return Claim(
        claim_id=claim_id,
        doc_id=ctx.document.doc_id,
        speaker=d.speaker.name,
        speaker_entity_id=d.speaker.entity_id,
        speaker_country=d.speaker.country,
        cue=d.cue.text if d.cue else "",
        text=content,
        sentence=text[start:end],
        start=start,
        end=end,
        stance=stance_of(d.cue, content, ctx.lex),  # type: ignore[arg-type]
        topics=topics_of(content, ctx.lex),
        quote_type=quote_type(content),  # type: ignore[arg-type]
        attribution=d.attribution,
    )


# --- the stage --------------------------------------------------------------------------------


def run(pairs: Iterable[tuple[Document, list[Mention]]], entities: dict[str, Entity], params: ClaimsParams, models_dir: Path = MODELS_DIR) -> Iterator[Claim]:
    """(document, its resolved mentions) pairs → claims, document by document."""
    for document, mentions in pairs:
        yield from extract_claims(document, mentions, entities, params, models_dir)


@dataclass(frozen=True)
class ClaimsSummary:
    documents: int
    claims: int


def main(documents_path: Path, mentions_path: Path, entities_path: Path, output_path: Path, params: ClaimsParams, models_dir: Path = MODELS_DIR) -> ClaimsSummary:
    """Read documents, mentions and entities; write `claims.parquet`."""
    from pipeline.resolve import pairs_of

    entities = {row["entity_id"]: Entity.model_validate(row) for row in read_table(entities_path, "entities").to_pylist()}
    producers = dict(table_metadata(mentions_path)["producers"])
    producers["diplonews"] = __version__
    count = 0

    def counted() -> Iterator[tuple[Document, list[Mention]]]:
        nonlocal count
        for pair in pairs_of(documents_path, mentions_path, params.batch_size):
            count += 1
            yield pair

    with TableWriter(output_path, "claims", producers, params.batch_size * 4) as writer:
        writer.write_all(run(tqdm(counted(), desc="claims", unit="doc", disable=None), entities, params, models_dir))
    return ClaimsSummary(documents=count, claims=writer.count)
