"""Parser-grounded attribution inside one sentence: cues by lemma, their speaker and their content.

Used by the claims stage on the sentences that can hold an attribution (see `claims.might_attribute`);
every function here is pure: a parsed sentence (a spaCy `Doc`) and the lexicon in, records out.

- A cue is a predicate whose lemma is in `models/cues.toml`: a reporting, position or evaluation
  verb ("dire", "déplorer", "urge", "call for"), a light-verb construction ("exprimer sa
  préoccupation", "issue a warning") or a predicative adjective ("s'est dit préoccupé", "is
  concerned"). Tokens inside quotation marks are never cues. A verb listed as `clause_only` is a
  cue only when it governs a clause, a quotation or an infinitive, or closes one ("…, he added").
- The speaker is the cue's grammatical subject; a passive's agent; for a coordinated verb or a
  participle ("… and urged", "…, stressing that") the subject of the verb it hangs on; for a
  relative clause the noun it qualifies; in an inversion ("…, a estimé dimanche le ministre") the
  actor after the verb.
- The content is the clause, infinitive, quotation or object the cue governs (never its subject, its
  addressee "told reporters", or an adverbial "on Friday", "in a statement"); when the cue closes
  the sentence ("…, a-t-il ajouté", '"…," she asked') the content is what precedes it, and a
  quotation that follows ('"A," he said, "B."') is joined to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from pipeline.lexicons import fold

QUOTE_OPEN, QUOTE_CLOSE = "«“", "»”"
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubj:pass", "nsubjpass", "csubjpass")
AUX_DEPS = ("aux", "aux:tense", "aux:pass", "auxpass", "neg")
# the longest object of an evaluative cue that is no position without the participle after it
JOINED_OBJECT_WORDS = 3
CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("obj", "dobj")
COMPLEMENT_DEPS = ("ccomp", "xcomp", "obj", "dobj", "obl:arg", "obl", "obl:mod", "prep", "attr", "oprd", "nmod", "iobj", "obl:agent", "acomp", "dative", "advcl")
PARTICIPLE_TAGS = ("VBG",)
RELATIVE_DEPS = ("relcl", "acl:relcl")
COORDINATORS = ("et", "and", "mais", "but", "puis", "then", "while", "tandis", "alors", "ou", "or")
STANCE_PRIORITY = ("oppose", "call", "concern", "support", "")
NP_DROP_DEPS = ("relcl", "acl:relcl", "acl", "appos", "punct", "conj", "cc", "parataxis", "advcl", "dep")


@dataclass(frozen=True)
class Predicate:
    """A cue found in a parsed sentence (token indices are the sentence Doc's)."""

    anchor: int  # the verb whose subject is the speaker
    head: int  # the cue word itself (verb, adjective or light verb)
    tokens: tuple[int, ...]  # every token of the cue as written (auxiliaries, particle, noun)
    stance: str
    lemma: str
    kind: str  # verb, light, adjective


@dataclass
class Attribution:
    """One cue with its speaker token and its content pieces (character offsets in the sentence)."""

    predicate: Predicate
    cue_start: int
    cue_end: int
    speaker: int | None  # token index of the speaker phrase's head, None when inherited or missing
    inherits: int | None  # anchor index of the cue whose speaker this one shares
    pieces: list[tuple[int, int]] = field(default_factory=list)
    inverted: bool = False
    object_only: bool = False  # the content is a bare noun-phrase object ("rejected the accusations")


@dataclass(frozen=True)
class SentenceLexicon:
    """What attribution needs of `models/cues.toml` for one language."""

    verbs: dict[str, str]
    clause_only: frozenset[str]
    addressee: frozenset[str]
    qualify: frozenset[str]
    light: dict[tuple[str, str], str]
    adjectives: dict[str, str]
    copulas: frozenset[str]
    adjuncts: frozenset[str]
    noun_cues: frozenset[str]
    pronouns: frozenset[str]
    relatives: frozenset[str]
    documents: frozenset[str] = frozenset()
    possession: frozenset[str] = frozenset()  # clause-only verbs whose noun object is owned or sought, not said
    quantities: frozenset[str] = frozenset()  # nouns that count the speakers: "hundreds of protesters"
    settings: frozenset[str] = frozenset()  # prepositions of a place where one speaks: "said in Brussels"
    gerunds: frozenset[str] = frozenset()  # "tout en soulignant", "while noting": the participle shares its clause's subject
    clause_openers: frozenset[str] = frozenset()  # ", tout en demandant", ", while X called for": a new statement's first words
    free_relatives: frozenset[str] = frozenset()  # "and what it called …": a cue inside part of another's content
    pools: dict[str, frozenset[str]] = field(default_factory=dict)  # part of speech → the lemmas lexicons know
    known: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()  # folded heads of titles and groups: nouns that name people
    causatives: frozenset[str] = frozenset()  # "a fait savoir que", "a laissé entendre que": their infinitive is the cue
    addressee_indirect: frozenset[str] = frozenset()  # addressee verbs whose direct object is content: "a annoncé la fermeture"
    never_inverted: frozenset[str] = frozenset()  # addressee verbs whose next noun is the one addressed: ", X told the Council"
    pronominal_only: frozenset[str] = frozenset()  # cues only with their reflexive pronoun: "s'opposer à", not "qui l'oppose à"
    perfect_with_etre: frozenset[str] = frozenset()  # "sont convenus de": être makes their perfect, no passive


def quoted_tokens(doc: Doc) -> frozenset[int]:
    """Indices of tokens inside quotation marks (« », “ ”, straight double quotes); worked out once per parse."""
    known = doc.user_data.get("quoted_tokens")
    if known is None:
        known = doc.user_data["quoted_tokens"] = frozenset(_quoted_tokens(doc))
    return known


def _quoted_tokens(doc: Doc) -> set[int]:
    inside: set[int] = set()
    depth, straight = 0, False
    for t in doc:
        ch = t.text
        if ch in QUOTE_OPEN or (ch == '"' and not straight and depth == 0):
            if ch == '"':
                straight = True
            else:
                depth += 1
            continue
        if ch in QUOTE_CLOSE or (ch == '"' and straight):
            if ch == '"':
                straight = False
            else:
                depth = max(0, depth - 1)
            continue
        if depth or straight:
            inside.add(t.i)
    return inside


def set_lemmas(doc: Doc, candidates: Callable[[str], frozenset[str]], listed: Callable[[str], str | None], lex: SentenceLexicon) -> None:
    """Give each token the lemma attribution needs: among the possible lemmas of its form (`candidates`),
    the one a lexicon of its part of speech knows, else any lexicon's, else the lemma the lookup table
    lists (`listed`), else the form itself."""
    closing = quoted_ends(doc) | {t.i for t in doc if t.text in QUOTE_CLOSE}
    for t in doc:
        if t.is_punct or t.is_space:
            continue
        form = t.text.lower()
        cands = candidates(form)
        # ("», estime-t-il": a word before an inverted subject clitic is a verb, whatever its tag)
        clitic = t.i + 1 < len(doc) and doc[t.i + 1].text.startswith("-") and doc[t.i + 1].text.lstrip("-").lower() in lex.pronouns | {"t"}
        if (t.pos_ in ("ADJ", "NOUN") or clitic and t.pos_ in ("ADV", "PROPN", "X")) and (clitic or _verb_tagged_as_noun(doc, t, closing, lex)):
            # « … », juge X; "salue … et exige que …": a cue verb the tagger took for its noun homograph
            verbs = cands & lex.pools.get("VERB", frozenset()) & frozenset(lex.verbs)
            if verbs:
                t.pos_ = "VERB"
                t.lemma_ = min(verbs)
                continue
        # (an auxiliary the tagger took for a noun: "et demeure déterminé à …" is a verb's form)
        pool = lex.pools.get("AUX" if t.dep_ in AUX_DEPS else t.pos_, frozenset())
        chosen = min(cands & pool) if cands & pool else min(cands & lex.known) if cands & lex.known else None
        if chosen is None:
            chosen = listed(form) or (min(cands - {form}) if t.pos_ in ("VERB", "AUX") and cands - {form} else form)
        t.lemma_ = chosen


def _verb_tagged_as_noun(doc: Doc, t: Token, closing: set[int], lex: SentenceLexicon) -> bool:
    """Whether a token tagged as a noun or adjective is a verb by its place in the sentence."""
    # "a-t-il martelé": a word with the perfect's auxiliary is a participle, whatever its tag
    if any(c.dep_ == "aux:tense" and c.lemma_.lower() == "avoir" for c in t.children) or _inverted_clitic_before(doc, t, lex) is not None:
        return True
    if t.dep_ == "ROOT" and not any(c.dep_ in ("det", "cop") for c in t.children) and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("que", "qu'", "qu’") for m in c.children) for c in t.children
    ):
        return True  # "Un diplomate, …, estime pour sa part que …": the sentence's root governs a que-clause
    if t.pos_ != "NOUN":
        return False
    if t.i >= 1 and doc[t.i - 1].lower_ == "en" and t.lower_.endswith("ant") and _opening_after(doc, t):
        return True  # "tout en avertissant que …": a gerund
    inverted = t.i >= 2 and doc[t.i - 1].text == "," and t.i - 2 in closing and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("DET", "PROPN")
    coordinated = t.dep_ == "conj" and t.head.pos_ == "VERB" and any(c.dep_ == "cc" for c in t.children)
    if inverted or coordinated:
        return True
    # "X, …, juge toutefois « … »": a bare noun after a comma that opens a clause or a quotation
    # (or right after its subject's noun: "Le chercheur juge toutefois « peu probable » …")
    # (past a short adjunct: "…, juge pour sa part que …")
    return (
        t.i >= 1 and (doc[t.i - 1].text == "," or doc[t.i - 1].pos_ in ("NOUN", "PROPN")) and not any(c.dep_ == "det" for c in t.children)
        and _opening_after(doc, t)
    )


def _opening_after(doc: Doc, t: Token) -> bool:
    """Is a "que", a quotation mark or a colon among the five tokens after `t`, with no verb or
    punctuation before it?"""
    for n in doc[t.i + 1 : t.i + 6]:
        if n.lower_ in ("que", "qu", "qu'", "qu’", "«", ":"):
            return True
        if n.is_punct or n.pos_ in ("VERB", "AUX"):
            return False
    return False


def _infinitive(t: Token) -> bool:
    """An infinitive, present or perfect ("préserver", "n'avoir constaté")."""
    return "Inf" in t.morph.get("VerbForm") or any(a.dep_.startswith("aux") and "Inf" in a.morph.get("VerbForm") for a in t.children)


def _relative_after_comma(doc: Doc, clause: Token, lex: SentenceLexicon) -> bool:
    """Does the clause open, after a comma, with a relative pronoun ("…, pour qui …", "…, who …")?"""
    left = clause.left_edge.i
    return left >= 1 and doc[left - 1].text == "," and any(doc[k].lower_ in lex.relatives for k in range(left, min(left + 2, clause.i + 1)))


def _present_er(doc: Doc, t: Token) -> bool:
    """A French -er verb written without the participle's "é" ("La CEEAC salue …"), whatever the tagger
    made of it: a present tense, not a participle qualifying the noun before it."""
    return doc.lang_ == "fr" and _lemma(t).endswith("er") and not t.lower_.endswith(("é", "ée", "és", "ées"))


def _inverted_clitic_before(doc: Doc, t: Token, lex: SentenceLexicon) -> int | None:
    """The subject clitic written just before a word after the auxiliary ("a-t-il martelé",
    "avait-elle dit"), however the parser hung the pieces."""
    if t.i < 2 or not doc[t.i - 1].text.startswith("-") or doc[t.i - 1].text.lstrip("-").lower() not in lex.pronouns:
        return None
    aux = doc[t.i - 3] if doc[t.i - 2].lower_ == "-t" and t.i >= 3 else doc[t.i - 2]
    return t.i - 1 if aux.pos_ == "AUX" and aux.lemma_.lower() == "avoir" else None


def quoted_ends(doc: Doc) -> frozenset[int]:
    """Indices of the straight double quotes that close a quotation; worked out once per parse."""
    known = doc.user_data.get("quoted_ends")
    if known is None:
        ends, open_ = set(), False
        for t in doc:
            if t.text == '"':
                if open_:
                    ends.add(t.i)
                open_ = not open_
        known = doc.user_data["quoted_ends"] = frozenset(ends)
    return known


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _is_participle(t: Token) -> bool:
    if t.tag_ in PARTICIPLE_TAGS:
        return True
    return "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") or "Ger" in t.morph.get("VerbForm")


def find_predicates(doc: Doc, lex: SentenceLexicon) -> list[Predicate]:
    """Cue predicates of a parsed sentence, outside quotations, in text order."""
    quoted = quoted_tokens(doc)
    found: list[Predicate] = []
    taken: set[int] = set()
    for t in doc:
        if t.i in taken or (t.i in quoted and not _incise(doc, t) and not _quoted_cue(doc, t, quoted, lex)):
            continue
        if (
            t.dep_ in ("acl", "amod") and "Past" in t.morph.get("Tense") and "Fin" not in t.morph.get("VerbForm") and t.head.pos_ in ("NOUN", "PROPN") and not _present_er(doc, t)
            # (not a verb of its own subject and auxiliary: "un débat, au cours duquel la ministre a averti que")
            and not (any(c.dep_ == "nsubj" for c in t.children) and any(c.dep_ in ("aux", "aux:tense") for c in t.children))
        ):
            continue  # "un message publié sur…", "cité par les agences": a participle qualifying a noun
        if (
            t.dep_ == "conj" and "Past" in t.morph.get("Tense") and "Fin" not in t.morph.get("VerbForm")
            and t.head.dep_ in ("acl", "amod") and "Past" in t.head.morph.get("Tense") and t.head.head.pos_ in ("NOUN", "PROPN")
            # (not one that governs a que-clause: "a rappelé la position adoptée en 2024 et souligné que …",
            # nor one that calls for an act with no agent: "a dénoncé des concessions faites à X et appelé à manifester")
            and not _reports_clause(t)
            and not (not _has_agent(t) and any(c.dep_ == "xcomp" and _infinitive(c) and any(m.dep_ == "mark" for m in c.children) for c in t.children))
        ):
            continue  # "un accord salué par X mais dénoncé par Y": so does one coordinated with it
        lemma = _lemma(t)
        bare = lemma in lex.pronominal_only and not any(c.lower_ in ("se", "s'", "s’") or c.dep_.startswith("expl") for c in t.children)
        if bare and t.text.lower() not in lex.adjectives:
            continue  # "le litige qui l'oppose au Cameroun": the verb without its "se" reports nothing
        if not bare and (t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.dep_ == "ROOT" and lemma in lex.verbs and t.i > 0)):
            # light verb first: "exprimer sa préoccupation", "issue a warning"
            light = None
            for c in t.children:
                # "exprimer sa préoccupation", "témoigner de son soutien", "faire part de sa préoccupation"
                # (not a noun phrase the writer quotes at length: 'a réaffirmé « l'attachement du Sénégal à … »'
                # quotes what was said; 'sa « vive préoccupation »' quotes the words of the light verb)
                said = c.left_edge.i in quoted and sum(x.i in quoted for x in c.subtree) >= 5
                if (c.dep_ in OBJECT_DEPS or c.dep_ in ("obl:arg", "obl", "prep") and c.i > t.i) and (lemma, _lemma(c)) in lex.light and not said:
                    light = c
                    break
            if light is not None:
                found.append(_predicate(doc, t, t, [light.i], lex.light[(lemma, _lemma(light))], f"{lemma} {_lemma(light)}", "light"))
                taken.update((t.i, light.i))
                continue
            # (or the word right after it that the parser made the mark of a clause: "called for X to receive …")
            after = [doc[t.i + 1]] if t.i + 1 < len(doc) and doc[t.i + 1].dep_ == "mark" else []
            particle = next((c for c in [*t.children, *after] if (c.dep_ in ("prt", "prep", "compound:prt") and c.i > t.i or c in after) and f"{lemma} {c.text.lower()}" in lex.verbs), None)
            if particle is not None:
                key = f"{lemma} {particle.text.lower()}"
                found.append(_predicate(doc, t, t, [particle.i], lex.verbs[key], key, "verb"))
                taken.update((t.i, particle.i))
                continue
            # a fixed phrase after the verb, adverbs aside: "a mis (clairement) en avant", "remet en cause"
            j = t.i + 1
            while j < len(doc) - 2 and doc[j].pos_ == "ADV" and doc[j].lower_ != "en":
                j += 1
            phrase = f"{lemma} {doc[j].lower_} {doc[j + 1].lower_}" if j + 1 < len(doc) else ""
            if phrase in lex.verbs:
                found.append(_predicate(doc, t, t, [j, j + 1], lex.verbs[phrase], phrase, "verb"))
                taken.update((t.i, j, j + 1))
                continue
            if lemma in lex.verbs and t.pos_ == "VERB" or (t.pos_ == "NOUN" and lemma in lex.verbs):
                # (a causative the parser hung under the infinitive, with its auxiliary: "», a fait valoir X")
                causative = _hung_causative(t, lex) or _governing_causative(t, lex)
                extra = [x.i for x in [causative, *causative.children] if x is causative or x.dep_ in AUX_DEPS and x.i < causative.i] if causative else []
                found.append(_predicate(doc, t, t, extra, lex.verbs[lemma], lemma, "verb"))
                taken.add(t.i)
                continue
        if t.pos_ in ("ADJ", "VERB") and (lemma in lex.adjectives or t.text.lower() in lex.adjectives):
            stance = lex.adjectives.get(lemma) or lex.adjectives.get(t.text.lower(), "")
            head = t.head
            # (or a copula the tagger took for a noun and the parser for the participle's auxiliary:
            # "et demeure déterminé à …")
            cop = next((c for c in t.children if c.dep_ == "cop" or c.dep_ in AUX_DEPS and c.pos_ != "AUX" and c.i < t.i and _lemma(c) in lex.copulas), None)
            # (or a copula's gerund the parser hung under the adjective: "tout en se disant « très inquiet »")
            gerund = next((
                c for c in t.children if c.i < t.i and _lemma(c) in lex.copulas and _gerund(c, lex)
                and all(x.is_punct or x.pos_ == "ADV" for x in doc[c.i + 1 : t.i])
            ), None)
            if cop is None and gerund is not None:
                found.append(_predicate(doc, gerund, t, [gerund.i], stance, lemma, "adjective"))
                taken.update((t.i, gerund.i))
            elif cop is not None:
                found.append(_predicate(doc, t, t, [cop.i], stance, lemma, "adjective"))
                taken.add(t.i)
            elif t.dep_ in ("acomp", "xcomp", "oprd") and _lemma(head) in lex.copulas and head.i not in quoted:
                # "s'est dit préoccupé", "remained concerned": the copula carries the subject
                found = [p for p in found if p.head != head.i]
                found.append(_predicate(doc, head, t, [head.i], stance, lemma, "adjective"))
                taken.update((t.i, head.i))
    found = [
        p for p in found
        # a passive is a statement when an agent holds it: "was condemned by", "a été rappelée par" (not
        # "a été présenté par", "was announced by": acts, whose verbs are cues only with a clause; nor a
        # person "elected chairman by": what a stance-less passive reports is a thing said)
        if (p.kind == "adjective" or not _passive(doc[p.anchor]) or p.lemma in lex.perfect_with_etre or (_has_agent(doc[p.anchor]) and (p.stance or p.lemma not in lex.clause_only and _says_a_thing(doc[p.anchor], lex))))
        # (the causative may be a child the parser hung on the infinitive: "», a fait valoir la représentante")
        and not (_dependent_infinitive(doc[p.anchor]) and _lemma(doc[p.anchor].head) not in lex.causatives and _hung_causative(doc[p.anchor], lex) is None)
        and not (_framing_participle(doc[p.anchor]) and p.kind != "adjective")  # ("tout en se disant « inquiet »" is one)
        and not (p.kind == "adjective" and _copular(doc, p) and not _personal_subject(doc[p.head]))
    ]
    found.sort(key=lambda p: min(p.tokens))
    return found


def _governing_causative(t: Token, lex: SentenceLexicon) -> Token | None:
    """The causative right before an infinitive that governs it ("a fait savoir que …"), if any."""
    return t.head if t.head.i == t.i - 1 and _lemma(t.head) in lex.causatives and "Inf" in t.morph.get("VerbForm") else None


def _hung_causative(t: Token, lex: SentenceLexicon) -> Token | None:
    """The causative right before an infinitive that the parser hung under it ("», a fait valoir X"), if any."""
    return next((c for c in t.children if c.i == t.i - 1 and _lemma(c) in lex.causatives), None)


def _quoted_cue(doc: Doc, t: Token, quoted: set[int], lex: SentenceLexicon) -> bool:
    """A verb the writer quoted with its subject outside the quotation: 'le Conseil « condamne fermement »
    les attaques', 'a statement that "strongly condemns" …': the verb is the cue, not a word of the quote;
    so is an adjective quoted after its copula ("s'est dite « vivement préoccupée »")."""
    opening = t.i - 1
    while opening > 0 and doc[opening].pos_ == "ADV" and opening in quoted:
        opening -= 1  # '"strongly condemns"'
    if (
        t.pos_ in ("ADJ", "VERB") and t.dep_ in ("xcomp", "acomp") and t.head.i < opening and t.head.i not in quoted
        and _lemma(t.head) in lex.copulas and (doc[opening].text in QUOTE_OPEN or doc[opening].text == '"')
    ):
        return True
    if t.pos_ in ("ADJ", "VERB") and (doc[opening].text in QUOTE_OPEN or doc[opening].text == '"') and any(
        c.i < opening and c.i not in quoted and _lemma(c) in lex.copulas and _gerund(c, lex) for c in t.children
    ):
        return True  # the parser hung the copula under it: "tout en se disant « très inquiet »"
    # (not in the clause another verb reports: 'wrote that Tokyo "stands firmly with" Manila')
    if t.pos_ != "VERB" or t.dep_ in CLAUSE_DEPS + ("advcl", "parataxis") or opening < 1 or not (doc[opening].text in QUOTE_OPEN or doc[opening].text == '"'):
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.i < opening and c.i not in quoted for c in t.children)


def _says_a_thing(verb: Token, lex: SentenceLexicon) -> bool:
    """Is the passive's subject a thing (what was said), not a person or a group?"""
    subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS + SUBJECT_DEPS), None)
    if subject is None:
        return True
    return subject.pos_ not in ("PROPN", "PRON") and not subject.ent_type_ and fold(_lemma(subject)) not in lex.people and fold(subject.text) not in lex.people


def _framing_participle(t: Token) -> bool:
    """ "Présentant le rapport, X a indiqué…", "Speaking on behalf of the G77, X said…": a participle
    before the main verb that governs no clause sets the scene; the main verb carries the claim."""
    participle = "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") or t.tag_ == "VBG"
    if not participle or t.dep_ not in ("advcl", "acl", "nsubj", "csubj", "dep") or t.i > t.head.i:
        return False
    return not any(c.dep_ in CLAUSE_DEPS or (c.dep_ == "mark" and c.lower_ in ("que", "that")) for c in t.children)


def _dependent_infinitive(t: Token) -> bool:
    """ "appelé à intensifier …, et à promouvoir", "urged them to condemn": an infinitive is what a cue asks for, not a cue."""
    infinitive = "Inf" in t.morph.get("VerbForm") or (t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
    return infinitive and t.dep_ != "ROOT"


def _passive(t: Token) -> bool:
    """ "are estimated to be", "a été présenté par": a passive reports an act, not speech, unless an
    agent takes a stance ("was condemned by the minister")."""
    # the inverted clitic of "a-t-il lancé" is no passive subject, whatever relation the parser gave it
    deps = {c.dep_ for c in t.children if not c.text.startswith("-")}
    if not deps & {"auxpass", "aux:pass"} and any(c.dep_ in ("aux", "aux:tense") and _lemma(c) in ("avoir", "have") for c in t.children):
        return False  # "les manifestants ont exigé": a perfect tense, whatever the parser called its subject
    if any(c.dep_.startswith("expl") and c.lower_ in ("se", "s'", "s’") for c in t.children):
        return False  # "X s'est félicité de …": a pronominal verb, whatever the parser called its subject
    return bool(deps & {"nsubj:pass", "nsubjpass", "auxpass", "aux:pass"})


def _has_agent(t: Token) -> bool:
    return bool({c.dep_ for c in t.children} & {"agent", "obl:agent"})


def _copular(doc: Doc, p: Predicate) -> bool:
    """Is the adjective predicated with a plain copula ("est prêt", "is ready"), not "se dit prêt"?"""
    head = doc[p.head]
    cop = next((c for c in head.children if c.dep_ == "cop"), None)
    if cop is not None:
        return _lemma(cop) in ("être", "be")
    return _lemma(doc[p.anchor]) in ("être", "be")


def _personal_subject(adjective: Token) -> bool:
    """ "il est préoccupé", "the minister was clear": a copular position needs a person or a group to hold it
    ("le Vietnam est prêt à…" states a fact about a country, reported by whoever is speaking)."""
    holder = adjective if any(c.dep_ == "cop" for c in adjective.children) else adjective.head
    subject = next((c for c in holder.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and (subject.pos_ == "PRON" or (subject.pos_ == "NOUN" and subject.ent_type_ == ""))


def _incise(doc: Doc, t: Token) -> bool:
    """A reporting clause set inside the quotation marks, French style: « A, a déclaré X. B »."""
    first, clitic = t.i, False
    while first > 0 and (doc[first - 1].pos_ == "AUX" or doc[first - 1].text.startswith("-")):
        clitic = clitic or doc[first - 1].text.startswith("-")
        first -= 1
    if first == 0 or doc[first - 1].text != ",":
        return False
    if clitic:
        return True  # « A, a-t-il affirmé. B »
    after = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return after is not None and (after.text.startswith("-") or after.pos_ in ("DET", "PROPN", "NOUN") or after.lower_ in ("il", "elle"))


def _predicate(doc: Doc, anchor: Token, head: Token, extra: list[int], stance: str, lemma: str, kind: str) -> Predicate:
    tokens = {anchor.i, head.i, *extra}
    quoted = quoted_tokens(doc)
    quoted = set() if anchor.i in quoted else quoted  # an incise inside the quotation keeps its auxiliaries
    for c in anchor.children:
        if c.i in quoted:
            continue  # a word of the quotation the parser hung on the cue
        # (the inverted clitics right after it, whatever relation the parser gave them: "estime-t-elle")
        if c.dep_ in AUX_DEPS or (c.dep_ == "expl:subj" or c.i - anchor.i in (1, 2)) and c.text.startswith("-") or (c.dep_ in ("expl:comp", "expl:pv") and c.i < anchor.i):
            tokens.add(c.i)
    # "a-t-elle martelé" with the auxiliary hung elsewhere: the inverted clitics lead back to it
    j = anchor.i - 1
    while j > 0 and anchor.i - j <= 2 and doc[j].text.startswith("-"):
        j -= 1
    if j < anchor.i - 1 and doc[j].pos_ == "AUX" and j not in quoted:
        tokens.add(j)
    # what lies between the first and last cue token (adverbs: "a également appelé") is part of the cue as written
    low, high = min(tokens), max(tokens)
    opened = sum(doc[i].text in QUOTE_OPEN or doc[i].text == '"' for i in range(low, high + 1)) - sum(doc[i].text in QUOTE_CLOSE for i in range(low, high + 1))
    if opened % 2 and high + 1 < len(doc) and (doc[high + 1].text in QUOTE_CLOSE or doc[high + 1].text == '"'):
        high += 1  # "s'est dite « vivement préoccupée »": the quotation the cue opened closes with it
    return Predicate(anchor.i, head.i, tuple(range(low, high + 1)), stance, lemma, kind)


def _subject(doc: Doc, anchor: Token, lex: SentenceLexicon, seen: int = 0) -> tuple[int | None, int | None]:
    """(speaker token, None) or (None, anchor index whose speaker is inherited)."""
    clitic = _inverted_clitic_before(doc, anchor, lex)
    if clitic is not None:
        return clitic, None  # "a-t-elle martelé", wherever the parser hung the clitic
    for c in anchor.children:
        # the inverted clitic of "a-t-il affirmé", whatever relation the parser gave it
        if c.text.startswith("-") and c.text.lstrip("-").lower() in lex.pronouns and abs(c.i - anchor.i) <= 3:
            return c.i, None
    for c in anchor.children:
        if c.dep_ in SUBJECT_DEPS:
            if _lemma(c) in lex.relatives and anchor.dep_ in RELATIVE_DEPS:
                if anchor.head.pos_ in ("VERB", "AUX") and c.i >= 2 and doc[c.i - 1].text == ",":
                    # "…, a déclaré le délégué de X, qui a exhorté …": the parser hung the relative
                    # clause on the verb; it qualifies the noun phrase before the comma
                    noun = doc[c.i - 2]
                    while noun.dep_ in ("nmod", "amod", "flat", "flat:name", "compound", "case", "det") and noun.head.i < noun.i:
                        noun = noun.head
                    if noun.pos_ in ("NOUN", "PROPN"):
                        return noun.i, None
                return _adopter(anchor.head, lex), None
            if c.pos_ in ("VERB", "AUX") and c.i < anchor.i and _is_participle(c):
                # "X (Senegal), speaking also for Algeria, condemned …": the parser makes the participle
                # of the apposition the subject; the person before it is
                subject = next((g for g in c.children if g.dep_ in SUBJECT_DEPS and g.i < c.i), None)
                if subject is not None:
                    return subject.i, None
                # "Opening the debate, X, head of the mission, said": the parser hangs the name
                # after the participle's phrase on the participle; it is the cue's subject
                named = next((g for g in c.children if g.i > c.i and g.dep_ in ("npadvmod", "appos", "dep", "nsubj") and g.pos_ in ("PROPN", "NOUN")
                              and doc[g.left_edge.i - 1].text == ","), None)
                if named is not None:
                    return named.i, None
            return c.i, None
    for c in anchor.children:
        if c.dep_ == "expl:subj" and c.text.lstrip("-").lower() in lex.pronouns:
            return c.i, None
    for c in anchor.children:
        if c.dep_ == "obl:agent" and any(g.dep_ == "case" and g.lower_ in ("par", "by") for g in c.children):
            # (an "agent" without "par" is the object of a participle the parser read as a passive:
            # "… et invité les bailleurs à …")
            return c.i, None
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj.i, None
    for c in anchor.children:
        # "Amara Kallon (Sierra Leone), also speaking for Algeria, said …": the parser hangs the
        # subject on the participle of the apposition; it is the cue's
        if c.dep_ == "advcl" and c.i < anchor.i and _is_participle(c):
            subject = next((g for g in c.children if g.dep_ in SUBJECT_DEPS and g.i < c.i), None)
            if subject is not None:
                return subject.i, None
            closing = _closing_apposition(doc, c, anchor)
            if closing is not None:
                return closing.i, None
    if seen > 4:
        return None, None
    if anchor.dep_ == "conj" and anchor.head.i != anchor.i:
        return None, _auxiliary_sharer(anchor).i
    if anchor.dep_ in RELATIVE_DEPS:
        return anchor.head.i, None
    if anchor.dep_ in ("advcl", "xcomp", "acl", "conj") and _is_participle(anchor):
        # a gerund shares the subject of its clause's finite verb, wherever the parser hung it: "le Conseil
        # prend note de l'accord …, tout en se déclarant préoccupé" (not the accord, nor an infinitive of it)
        verb = _finite_governor(anchor)
        if verb is not None and _gerund(anchor, lex):
            return None, verb.i
        if anchor.head.pos_ in ("NOUN", "PROPN"):
            governor = _object_governor(doc, anchor)
            if governor is not None:
                return None, governor
            return anchor.head.i, None
        return None, anchor.head.i
    return None, None


def _auxiliary_sharer(t: Token) -> Token:
    """The verb a coordinated verb goes with. A past participle with no auxiliary of its own shares one:
    in "a souligné que l'Union finançait …, et appelé les États à …" it goes with "a souligné", not
    with the simple tense the parser coordinated it to."""
    head = t.head
    own = any(c.dep_ in AUX_DEPS or c.dep_ in SUBJECT_DEPS for c in t.children)
    if own or "Part" not in t.morph.get("VerbForm") or "Past" not in t.morph.get("Tense") or "Part" in head.morph.get("VerbForm"):
        return head
    return next((
        v for v in head.ancestors
        if "Part" in v.morph.get("VerbForm") and any(c.dep_ in AUX_DEPS and c.i < v.i for c in v.children) and v.i < t.i
    ), head)


def _free_relative(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> bool:
    """Does the cue's clause open with a free relative ("what it called …")?"""
    subject, begin = _clause_of(doc, pred, lex)
    opener = begin - 1 if subject is not None and subject < min(pred.tokens) else min(pred.tokens) - 1
    return opener >= 1 and doc[opener].lower_ in lex.free_relatives


def _gerund(t: Token, lex: SentenceLexicon) -> bool:
    """A participle opened by a gerund's word ("en soulignant", "while noting")."""
    return _is_participle(t) and any(c.i < t.i and c.lower_ in lex.gerunds for c in t.children)


def _finite_governor(t: Token) -> Token | None:
    """The nearest verb above `t` that is finite or has a finite auxiliary: the verb of its clause."""
    return next((
        v for v in t.ancestors
        if v.pos_ in ("VERB", "AUX") and ("Fin" in v.morph.get("VerbForm") or any(c.dep_ in AUX_DEPS and "Fin" in c.morph.get("VerbForm") for c in v.children))
    ), None)


def _named_holder_before(doc: Doc, participle: Token, lex: SentenceLexicon) -> int | None:
    """The possessed title whose holder is named right before a participle's comma: "…, its
    representative, X, stating …" (an absolute construction) → the title token."""
    if participle.i < 2 or doc[participle.i - 1].text != ",":
        return None
    t = doc[participle.i - 2]
    while t.pos_ == "PROPN" and t.dep_ in ("compound", "flat", "flat:name", "appos") and t.head.i < t.i:
        t = t.head
    named = t.i < participle.i - 2
    if named and t.pos_ == "NOUN" and fold(_lemma(t)) in lex.people and any(c.dep_ in ("poss", "nmod:poss") for c in t.children):
        return t.i
    return None


def _closing_apposition(doc: Doc, participle: Token, anchor: Token) -> Token | None:
    """ "Speaking on behalf of the Group of African States, the representative of Nigeria said …": the
    parser hangs the cue's subject on the group, as an apposition closing the participle's phrase
    right before the cue (a dash closes it as a comma does: "Speaking for the group – A, B and C – the
    representative …")."""
    closing = [g for g in participle.subtree if g.dep_ == "appos" and g.pos_ in ("NOUN", "PROPN") and doc[g.left_edge.i - 1].text in (",", "–", "—")
               and all(x.is_punct for x in doc[g.right_edge.i + 1 : anchor.i] if x.dep_ not in AUX_DEPS and x.pos_ not in ("ADV", "AUX"))]
    # the innermost one: the list the phrase names ("– A, B and C –") holds the subject in its own subtree;
    # but a title in apposition to a name is the name's ("…, X, the representative of Guinea, stressed")
    best = max(closing, key=lambda g: g.i, default=None)
    if best is not None and best.head in closing and best.head.pos_ == "PROPN" and doc[best.left_edge.i - 1].text == ",":
        best = best.head
    return best


def _object_governor(doc: Doc, participle: Token) -> int | None:
    """ "a dénoncé une vague d'arrestations …, appelant les autorités à …": a participle after a comma that
    the parser hung on a noun inside a verb's object shares that verb's subject, not the noun."""
    if participle.i == 0 or doc[participle.i - 1].text != ",":
        return None
    node = participle.head
    while node.head.i != node.i and node.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and node.dep_ not in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("appos",):
        node = node.head
    # without a subject of its own, the verb's "object" may be its inverted subject ("a déclaré l'ambassadeur X, appelant")
    has_subject = any(c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS for c in node.children)
    if node.pos_ == "VERB" and node.i < participle.head.i and has_subject:
        return node.i
    return None


def _adopter(noun: Token, lex: SentenceLexicon) -> int:
    """ "les délégués ont adopté une déclaration qui témoigne de…": a text that others adopt or issue
    speaks for them; any other noun speaks for itself."""
    node = noun
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if _lemma(noun) in lex.documents and node.dep_ in OBJECT_DEPS:
        verb = node.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject.i
    return noun.i


def _is_adjunct(t: Token, lex: SentenceLexicon, speech: bool = True) -> bool:
    """Time expressions, settings and (with `speech`) speech nouns attached to a cue ("on Friday", "in a statement")."""
    if t.dep_ in ("npadvmod", "advmod", "tmod", "obl:tmod", "punct", "cc", "mark", "case", "det"):
        return True
    words = [t] + [c for c in t.children if c.dep_ in ("pobj", "obj")]
    if any(_lemma(w) in lex.adjuncts or w.ent_type_ in ("DATE", "TIME") for w in words):
        return True
    if not speech:
        return False
    # a speech noun inside a prepositional phrase: "in a statement", "dans un communiqué" (not "welcomed the statement")
    in_phrase = t.dep_ in ("prep", "pobj") or any(c.dep_ == "case" for c in t.children)
    return in_phrase and any(_lemma(w) in lex.noun_cues for w in words)


def _span(tokens: list[Token]) -> tuple[int, int]:
    low = min(tokens, key=lambda t: t.i)
    high = max(tokens, key=lambda t: t.i + 0)
    return low.idx, high.idx + len(high.text)


def _subtree(t: Token) -> list[Token]:
    return list(t.subtree)


def _clause_start(doc: Doc, pred: Predicate, speaker: int | None) -> int:
    """First token of the cue's own clause ("he said", "a-t-il ajouté", "the minister said")."""
    start = min(pred.tokens)
    if speaker is not None and speaker < start:
        tok = doc[speaker]
        left = tok.left_edge.i
        # a subject adjacent to the cue ("…, he said", "…, the minister told reporters")
        between = [t for t in doc[tok.i + 1 : start] if not t.is_punct or t.text in "()"]
        if len([t for t in between if t.i not in range(tok.i, tok.right_edge.i + 1)]) <= 3:
            start = left
    return start


def _bare_title(adverbial: Token, lex: SentenceLexicon) -> int:
    """Where a title the parser hung on an adverbial with no preposition starts ("a déclaré lors d'une
    conférence de presse le commissaire …"); past the sentence's end if there is none."""
    return min((
        c.left_edge.i for c in adverbial.children
        if c.i > adverbial.i and c.pos_ == "NOUN" and fold(_lemma(c)) in lex.people
        and c.dep_ in ("appos", "nmod") and not any(g.dep_ == "case" for g in c.children)
    ), default=len(adverbial.doc))


def _inverted_actor(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> int | None:
    """The actor after a cue that closes a clause: ", a estimé lundi le porte-parole", ", said the minister".

    Parsers often take the noun before the comma for the subject and the real one for an object;
    the word order decides: a comma before the cue, then (after adverbs and time words) a noun phrase.
    """
    first = min(pred.tokens)
    if first == 0 or doc[first - 1].text not in (",", "»", "”", '"') or pred.lemma in lex.never_inverted:
        return None
    anchor = doc[pred.anchor]
    if _is_participle(anchor):
        return None  # ", jugeant ses termes déséquilibrés": a present participle has no subject after it
    if pred.lemma in lex.qualify and any(c.dep_ in ("oprd", "acomp", "xcomp") and c.i > anchor.i for c in anchor.children):
        return None  # "X, the delegate, called those allegations 'disinformation'": what is qualified, and as what
    if any(x.pos_ in ("VERB", "AUX") and _interrupted_verb(x) == anchor for x in doc[max(first - 16, 0) : first]):
        return None  # "La France, a rappelé son représentant, soutient le plan": the comma closes an incise
    # ("…, a estimé le délégué, pour qui le dialogue doit …": a relative clause after the actor, whatever the parser hung it on)
    if not _interposed(anchor) and (any(c.dep_ in CLAUSE_DEPS and c.i > anchor.i and not _relative_after_comma(doc, c, lex) for c in anchor.children) or _opener_after(doc, pred, lex) is not None):
        return None  # "X, the minister, said the decision was…": the cue governs what follows
    # after a quotation closed by a comma, any adverbial may come before the subject ("», a écrit sur X le porte-parole")
    after_quote = first >= 2 and doc[first - 1].text == "," and (doc[first - 2].text in QUOTE_CLOSE or first - 2 in quoted_ends(doc))
    i = max(pred.tokens) + 1
    while i < len(doc):
        t = doc[i]
        if t.pos_ in ("ADV", "PART", "NUM") or _lemma(t) in lex.adjuncts:
            i += 1
        elif t.text == "(" and i > max(pred.tokens) + 1:
            close = next((k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text == ")"), None)
            if close is None:
                return None
            i = close + 1  # "sur X (ex-Twitter)"
        elif t.pos_ == "ADP" and after_quote and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN") and t.head.right_edge.i + 1 < len(doc) and doc[t.head.right_edge.i + 1].pos_ in ("DET", "PUNCT"):
            i = min([_bare_title(t.head, lex)] + [t.head.right_edge.i + 1])
        elif t.pos_ == "ADP":
            # an adverbial phrase: "dans un communiqué", "lors d'une conférence de presse"
            # (or whom it was said to: "a indiqué à l'agence X un diplomate", "a déclaré aux journalistes le ministre")
            addressed = pred.lemma in lex.addressee and t.lower_ in ("à", "au", "aux", "to") and t.head.pos_ in ("NOUN", "PROPN")
            if t.head.i > t.i and (_is_adjunct(t.head, lex) or addressed):
                # (up to a name the parser hung on it: "a déclaré à la radio nationale X, porte-parole …")
                # (or as a bare noun modifier: "a déclaré à la presse X Y")
                i = min([
                    c.left_edge.i for c in t.head.children
                    if c.i > t.head.i and c.pos_ == "PROPN" and (c.dep_ == "appos" or c.dep_ == "nmod" and not any(g.dep_ == "case" for g in c.children))
                ] + [_bare_title(t.head, lex), t.head.right_edge.i + 1])
                while i < len(doc) and doc[i].pos_ in ("PROPN", "X", "NOUN") and doc[i].text[:1].isupper() and doc[i - 1].text[:1].isupper():
                    i += 1  # the rest of a name the parser split ("à Radio Ndeke Luka")
            else:
                return None
        else:
            break
    while i < len(doc) and doc[i].pos_ in ("DET", "ADJ"):
        i += 1
    if i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN") and doc[i].lower_ not in ("que", "that"):
        head = doc[i]
        while head.head.i != head.i and head.dep_ in ("compound", "flat", "flat:name", "amod") and head.head.i > head.i:
            head = head.head
        if _lemma(head) in lex.adjuncts or _lemma(head) in lex.noun_cues and not any(c.dep_ == "det" and "Def" in c.morph.get("Definite") for c in head.children):
            return None  # "told a news conference", "told reporters" (but "indique le communiqué" speaks)
        # the noun phrase must not be the object of what follows: "a appelé les autorités à faire…",
        # "told them that…" (an object and its complement, not an inverted subject)
        # (a participle after a comma describes the actor: "…, a déclaré la coordonnatrice, X, appelant …")
        # (what comes after that participle is its own: "…, appelant Niamey à « revenir à la raison »")
        # (as does a past participle after a comma: "…, a déclaré le ministre, X, interrogé par la radio")
        participle = min((c.i for c in head.children if c.i > head.i and (_is_participle(c) or "Part" in c.morph.get("VerbForm")) and doc[c.i - 1].text == ","), default=len(doc))
        if any(
            head.i < c.i < participle and c.dep_ in ("acl", "relcl", "xcomp", "ccomp", "infmod") and c.pos_ in ("VERB", "AUX")
            and not (c.dep_ in RELATIVE_DEPS and doc[c.left_edge.i - 1].text == ",")  # "…, said X, who …": who they are
            for c in head.children
        ):
            return None
        after = head.right_edge.i + 1
        verb = after + 1
        while verb < len(doc) and (doc[verb].lower_ in ("ne", "n'", "not", "pas") or doc[verb].text in QUOTE_OPEN + '"'):
            verb += 1  # "a exhorté le Conseil à ne pas « normaliser » …"
        # ("à la retenue" is what a call asks for; after another cue, "à la télévision" is where it was said)
        asked = verb < len(doc) and (doc[verb].pos_ in ("VERB", "AUX", "PRON") or pred.stance == "call")
        if verb < len(doc) and doc[after].lower_ in ("à", "de", "d'", "to", "que", "qu'", "that") and asked and doc[verb].pos_ in ("VERB", "AUX", "DET", "PRON", "PROPN", "NOUN") and doc[after].lower_ not in ("de", "d'"):
            return None
        return head.i
    return None


_NOT_SUBJECT_DEPS = ("compound", "flat", "flat:name", "poss", "det", "amod", "nmod", "pobj", "obl", "obl:mod", "obl:arg", "obj", "dobj", "case", "npadvmod", "nummod")
_EMBEDDING_DEPS = ("prep", "pobj", "advcl", "acl", "relcl", "acl:relcl", "obl", "obl:mod", "obl:arg", "nmod", "ccomp", "xcomp", "parataxis")


def _apposed_person_before(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> int | None:
    """ "À la radio, le ministre de la Défense, le colonel X, a affirmé …": a person's title and name
    closed by the comma before the cue, which the parser hung on the adverbial before them."""
    first = min(pred.tokens)
    if first < 2 or doc[first - 1].text != ",":
        return None
    t = doc[first - 2]
    if t.text == ")":
        # past an acronym in brackets: "… pour l'Afrique centrale (UNOCA), a indiqué"
        opening = next((i for i in range(t.i - 1, max(t.i - 6, 0), -1) if doc[i].text == "("), None)
        if opening is None or opening < 1:
            return None
        t = doc[opening - 1]
    # (a name the parser made a conjunct is where the person is: "…, Mme X, a plaidé")
    while (
        t.dep_ in ("flat", "flat:name", "nmod", "amod", "compound") or t.dep_ == "conj" and not any(c.dep_ in ("flat", "flat:name") for c in t.children)
        or t.dep_ == "appos" and t.pos_ == "PROPN"
    ) and t.head.i < t.i:
        t = t.head  # up from the name to its title
    person = None
    while t.pos_ in ("NOUN", "PROPN") and (fold(_lemma(t)) in lex.people or any(c.dep_ in ("flat", "flat:name") for c in t.children)) and t.i < first:
        person = t.i
        if t.dep_ not in ("appos", "conj") or t.head.i >= t.i:
            break
        t = t.head  # "le ministre de la Défense, le général X": title after title
    # only where the parser left the phrase outside the cue's clause (in apposition, or hung on an
    # opening participle: "Ouvrant la séance, la Haute-Représentante adjointe …, Mme X, a plaidé")
    if person is None or doc[person].is_ancestor(doc[pred.anchor]):
        return None
    # (or after a relative pronoun: "un débat, au cours duquel la Sous-Secrétaire générale, Mme X, a averti")
    relative = doc[person].dep_ == "conj" and any("Rel" in x.morph.get("PronType") or x.lower_ in lex.relatives for x in doc[max(0, t.left_edge.i - 3) : t.left_edge.i + 1])
    return person if doc[person].dep_ == "appos" or relative or _is_participle(doc[0]) and doc[0].is_ancestor(doc[person]) else None


def _preverbal_actor(doc: Doc, pred: Predicate) -> int | None:
    """The head of a bare noun phrase right before the cue, after a comma or a quotation."""
    i = min(pred.tokens) - 1
    head = None
    while i >= 0 and (doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM") or doc[i].text in ("-", "'s", "’s", "(", ")")):
        if head is None and doc[i].pos_ in ("PROPN", "NOUN"):
            head = i
        i -= 1
    if head is None or i < 0 or not (doc[i].text in (",", ";") or doc[i].is_quote or doc[i].text in QUOTE_CLOSE):
        return None
    return head


def _after_opener(doc: Doc, pred: Predicate) -> int | None:
    """ "In Canberra, the Department of Foreign Affairs said …", "Expliquant son vote, la représentante
    de X a affirmé …": the parser may join the subject to the opening prepositional or participle
    phrase; the one noun phrase between its comma and the cue is the subject."""
    first = min(pred.tokens)
    # (an opening participle the parser took for the clause's subject: "Introducing the draft, X said")
    if not (doc[0].pos_ == "ADP" or _is_participle_form(doc[0]) and doc[0].dep_ in ("advcl", "csubj")):
        return None
    comma = next((t.i for t in doc[1:first] if t.text == ","), None)
    if comma is None or comma + 1 >= first:
        return None
    span = range(comma + 1, first)
    roots = [t for t in doc[comma + 1 : first] if t.head.i not in span or t.head.i == t.i]
    # (a name the parser split, "l'Assemblée générale des Nations | Unies", still opens with its head)
    if roots and roots[0].pos_ in ("NOUN", "PROPN") and all(t.pos_ in ("NOUN", "PROPN") for t in roots) and not any(t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct for t in doc[comma + 1 : first]):
        return roots[0].i
    return None


def _opens_clause(doc: Doc, subject: Token, quoted: set[int]) -> bool:
    """Is this subject at the head of its clause ('"…," Colonel X, the spokeswoman, told …'), not the end
    of content that an inverted cue closes ("… pour la Russie, a estimé le porte-parole")?"""
    if subject.i in quoted:
        return False  # a word of the quotation the cue closes, whatever the parser made of it
    # a relative clause or a participle describing the subject is no clause of its own ("La présidente,
    # X, qui a rompu avec le parti au pouvoir, a appelé …", "les chefs d'État, réunis à Abuja, ont exigé …")
    # (nor is a participle used as a preposition: "Several delegations, including A and B, supported …")
    modifiers = {g.i for t in subject.subtree if t.i != subject.i and t.dep_ in RELATIVE_DEPS + ("acl", "prep") and t.head.pos_ in ("NOUN", "PROPN") for g in t.subtree}
    if any(t.pos_ in ("VERB", "AUX") and t.i not in quoted and t.i not in modifiers for t in subject.subtree if t.i != subject.i):
        return False  # a whole clause hung on the "subject": the content before an inverted cue
    left = subject.left_edge.i
    boundary = 0
    for t in doc[:left]:
        closing = t.text in QUOTE_CLOSE or (t.text == '"' and t.i in quoted_ends(doc))
        if closing and ((t.i > 0 and doc[t.i - 1].text == ",") or (t.i + 1 < len(doc) and doc[t.i + 1].text == ",")):
            boundary = t.i + 2 if t.i + 1 < len(doc) and doc[t.i + 1].text == "," else t.i + 1
    # a scene-setting phrase before the subject, closed by a comma ("Taking the floor at the end of the
    # meeting, the Minister … accused", "For his part, X condemned"): the clause opens after it
    verb = subject.head
    for c in verb.children:
        if c.i < subject.i and c.dep_ in ("advcl", "prep", "obl", "obl:mod", "advmod", "npadvmod") and c.left_edge.i <= boundary + 1:
            end = c.right_edge.i + 1
            if doc[end - 1].text == ",":
                boundary = max(boundary, end)  # (the parser may hang the comma on the phrase)
            elif end < len(doc) and doc[end].text == ",":
                boundary = max(boundary, end + 1)
    return left - boundary <= 2


def _leading_subject(doc: Doc, pred: Predicate, quoted: set[int]) -> int | None:
    """The first noun phrase before the cue that is not inside a prepositional phrase or a clause of its own."""
    first = min(pred.tokens)
    for t in doc[:first]:
        if t.i in quoted or t.pos_ not in ("PROPN", "NOUN", "PRON") or t.dep_ in _NOT_SUBJECT_DEPS:
            continue
        node, ok = t, True
        for _ in range(10):
            if node.i == pred.anchor or node.head.i == node.i:
                break
            # (a relative clause after the noun is no clause the noun belongs to: the parser may make the
            # noun its subject, "Le chef …, X, dont le pays a vu …, a exhorté")
            relative = node is not t and any("Rel" in c.morph.get("PronType") and t.i < c.i < node.i and doc[c.i - 1].text == "," for c in doc[t.i : node.i])
            if node is not t and node.dep_ in _EMBEDDING_DEPS and not relative or node.dep_ in ("pobj", "obl", "nmod", "obl:mod", "obl:arg"):
                ok = False
                break
            node = node.head
        if ok:
            return t.i
    return None


def _clause_of(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> tuple[int | None, int]:
    """(subject token, first token) of a cue's own clause."""
    subject, _ = _subject(doc, doc[pred.anchor], lex)
    if subject is None:
        subject = _preverbal_actor(doc, pred)
    begin = min(pred.tokens)
    # (not the noun a participle after a comma hangs on: "lors d'un point de presse, ajoutant que")
    hung = doc[pred.anchor].dep_ == "acl" and subject == doc[pred.anchor].head.i and begin > 0 and doc[begin - 1].text == ","
    # (a subject with its apposition or participle phrase: "la mission, conduite par X, relevait")
    if subject is not None and subject < begin and not hung and (
        begin - subject <= 4 or doc[subject].right_edge.i < begin and all(t.is_punct for t in doc[doc[subject].right_edge.i + 1 : begin])
    ):
        begin = doc[subject].left_edge.i
    elif _gerund(doc[pred.anchor], lex):
        # "…, tout en se disant inquiet": the gerund's words and clitics open its clause
        while begin > 0 and doc[begin - 1].head.i == pred.anchor and (doc[begin - 1].lower_ in lex.gerunds or doc[begin - 1].pos_ in ("PRON", "ADV")):
            begin -= 1
    return subject, begin


def _headed_name(t: Token) -> bool:
    """A noun heading a name, as the tagger reads an honorific before it ("M." in "M. X Y")."""
    return any(c.dep_ in ("flat", "flat:name") and c.pos_ == "PROPN" for c in t.children)


def _after_break(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> bool:
    """Is the cue's clause introduced by a comma or a coordinator (", rappelant que", "et exhorté")?"""
    infinitive = "Inf" in doc[pred.anchor].morph.get("VerbForm") or doc[pred.anchor].tag_ == "VB"
    if infinitive and _hung_causative(doc[pred.anchor], lex) is None and _governing_causative(doc[pred.anchor], lex) is None:
        return False  # "appelé à intensifier …, et à promouvoir": one call with two infinitives (not "…, tandis que X a fait valoir")
    _, lead = _clause_of(doc, pred, lex)
    # a relative clause the parser hung on a verb is about the actor before it ("…, a lancé la
    # représentante de X, qui a appelé …"); one on a noun qualifies the content ("…, which he called …")
    # (or on a person: "…, a déclaré le ministre, X, qui a appelé …")
    head = doc[pred.anchor].head
    # (a name headed by its honorific counts as a person: "…, a déclaré M. X, qui a exhorté …")
    person = head.pos_ == "NOUN" and (fold(_lemma(head)) in lex.people or _headed_name(head))
    on_verb = doc[pred.anchor].dep_ in RELATIVE_DEPS and (head.pos_ in ("VERB", "AUX", "PROPN") or person)
    # (the subject found for "qui" is the noun before it: "…, a assuré le ministre, qui a invité …")
    actor = person or head.pos_ == "PROPN" and head.head.pos_ in ("VERB", "AUX")
    relative = next((c for c in doc[pred.anchor].children if c.i < pred.anchor and c.lower_ in lex.relatives), None) if on_verb and actor else None
    if relative is not None:
        lead = relative.i
    while lead > 0 and (
        doc[lead - 1].lower_ in lex.clause_openers or on_verb and doc[lead - 1].lower_ in lex.relatives
        # (the verb's own clitic: "tout en se déclarant"; not a relative pronoun: ", which she described as")
        or doc[lead - 1].pos_ == "PRON" and doc[lead - 1].head.i == pred.anchor and doc[lead - 1].dep_ not in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
        and doc[lead - 1].lower_ not in lex.relatives
    ):
        lead -= 1  # ", tout en demandant", "tandis que X a annoncé", ", qui a appelé", ", tout en se déclarant"
    return lead > 0 and (doc[lead - 1].text in (",", ";") or doc[lead - 1].lower_ in COORDINATORS)


def _via_content(t: Token, anchor: Token) -> bool:
    """Does `t` hang on `anchor` through what the cue governs (not through a coordination or participle)?"""
    if t.i == anchor.i or _interrupted_verb(t) == anchor:
        return False
    node = t
    for _ in range(12):
        if node.head.i == node.i:
            return False
        if node.head.i == anchor.i:
            # (a cue in a relative clause on the agent speaks for itself: "rejected by X, who argued that …")
            return node.dep_ not in ("conj", "parataxis", "cc", "punct", "agent", "obl:agent") and not (node.dep_ in ("advcl", "acl", "xcomp") and _is_participle(node))
        node = node.head
    return False


def _reports_clause(t: Token) -> bool:
    """Does the verb govern a clause introduced by a complementiser ("souligné que …", "said that …")?"""
    return any(c.dep_ in CLAUSE_DEPS and any(m.dep_ == "mark" and m.lower_ in ("que", "qu'", "qu’", "that") for m in c.children) for c in t.children)


def _bracketed(doc: Doc, i: int) -> bool:
    """Is token `i` inside round brackets?"""
    opening = next((j for j in range(i - 1, -1, -1) if doc[j].text in ("(", ")")), None)
    return opening is not None and doc[opening].text == "(" and any(t.text == ")" for t in doc[i + 1 :])


def _interrupted_verb(t: Token) -> Token | None:
    """The verb of the clause that `t`, a reporting verb set between commas, interrupts ("La France, a
    rappelé son représentant, M. X, soutient …", "The plan, its ambassador stressed, remains …"),
    whatever the parser hung on what; None if `t` is no such incise."""
    doc = t.doc
    if t.pos_ not in ("VERB", "AUX"):
        return None
    lo = next((i for i in range(t.i - 1, max(t.i - 9, 0), -1) if doc[i].text == ","), None)
    # (not a relative clause: "Australia, which has pledged …, welcomed …")
    if lo is None or any(x.tag_ in ("WDT", "WP", "WP$") or "Rel" in x.morph.get("PronType") for x in doc[lo + 1 : t.i]):
        return None
    for hi in range(t.i + 1, min(t.i + 15, len(doc))):
        x = doc[hi]
        if x.pos_ == "VERB" or x.dep_ == "mark" or x.is_quote or x.text in QUOTE_OPEN + QUOTE_CLOSE:
            return None
        if x.text != ",":
            continue
        # the incise names who speaks: its verb's subject or inverted subject, or a noun phrase before
        # the verb that the parser hung outside the incise ("Whitford, asked about …, said" names nobody)
        actor = any(lo < c.i < hi and c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + OBJECT_DEPS for c in t.children) or any(
            n.pos_ in ("NOUN", "PROPN", "PRON") and not lo < n.head.i < hi for n in doc[lo + 1 : t.i]
        )
        if not actor:
            return None
        # the interrupted clause: its verb right after the incise, with no subject of its own there, and
        # its subject before the incise (the parser may have given it to the incise's verb)
        verb = next((v for v in doc[hi + 1 : hi + 4] if v.pos_ not in ("ADV", "PART")), None)
        if verb is not None and verb.dep_ in AUX_DEPS and verb.head.i > verb.i:
            verb = verb.head  # "Cairo, he added, would continue …": the verb of the auxiliary
        if (
            verb is not None and verb.pos_ in ("VERB", "AUX") and (verb.is_ancestor(t) or verb.head.i == t.i)
            and not _is_participle_form(verb) and not any(g.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("mark", "cc") and hi < g.i < verb.i for g in verb.children)
        ):
            # (or a name the parser took for an adverbial of the verb: "Amman, he added, would continue …")
            subject = any(
                (s.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS or s.dep_ in ("npadvmod", "dep") and s.pos_ == "PROPN") and s.head.i in (t.i, t.head.i, verb.i)
                for s in doc[:lo]
            )
            return verb if subject else None
    return None


def _interposed(t: Token) -> bool:
    """Is `t` a reporting verb set between commas inside the clause it reports?"""
    return _interrupted_verb(t) is not None


def attribute(doc: Doc, preds: list[Predicate], lex: SentenceLexicon) -> list[Attribution]:
    """Speaker token and content pieces of each cue of a parsed sentence."""
    out: list[Attribution] = []
    # "held an interactive dialogue with X, who told …": a verb of possession with a noun object and
    # no clause says nothing, and what its object holds is no content of it
    preds = [
        p for p in preds
        if not (
            p.kind == "verb" and p.lemma in lex.possession and p.lemma in lex.clause_only
            and not (p.lemma in lex.qualify and _predicative(doc[p.anchor]))  # "considered the move illegal"
            and any(c.dep_ in OBJECT_DEPS and c.i > p.anchor for c in doc[p.anchor].children)
            and not any(c.dep_ in CLAUSE_DEPS for c in doc[p.anchor].children) and _opener_after(doc, p, lex) is None
        )
    ]
    closing = _closing_inversion(doc, preds, lex)
    if closing is not None:
        # "Le Niger maintiendra fermée sa frontière …, a déclaré le Premier ministre": the sentence is
        # what the closing cue reports; a cue before it is part of that content
        preds = [p for p in preds if min(p.tokens) >= min(closing.tokens)]
    # a cue the parser puts inside what another cue governs is part of that content
    # ("Vietnam is ready …, the minister said", "said the council had condemned …"), as is the verb
    # an incise interrupts ("La France, a-t-il rappelé, soutient … et continuera …")
    incises = [(p, v) for p in preds if (v := _interrupted_verb(doc[p.anchor])) is not None]
    interrupted = {v.i for _, v in incises}
    # (the verb an incise of its own subject interrupts is what it reports, even a cue's lemma: "Cairo, he
    # added, would continue to host …"; not the verb a participle interrupts: "X, explaining his vote, said …")
    reported = {v.i for p, v in incises if not _is_participle_form(doc[p.anchor])}
    preds = [p for p in preds if p.anchor not in reported]
    cue_anchors = {p.anchor for p in preds if p.anchor not in interrupted}

    def starts_statement(p: Predicate) -> bool:
        # "said the deal ended the dispute and secured grazing rights": a verb of no stance
        # coordinated with a verb of the reported clause (no cue itself) is more of that clause, not a
        # statement of its own ("… and urged", "… and accused" are the speaker's own acts)
        t = doc[p.anchor]
        # (in the same tense as that verb, outside quotation marks: "said the plan 'ends the war' and urged …" is two)
        same_form = t.morph.get("Tense") == t.head.morph.get("Tense") and t.morph.get("VerbForm") == t.head.morph.get("VerbForm")
        # (or one that shares the verb's auxiliary: "said Guyana had lodged a protest and informed the UN")
        same_form = same_form or any(c.dep_ in AUX_DEPS for c in t.head.children) and not any(c.dep_ in AUX_DEPS + SUBJECT_DEPS for c in t.children)
        # (one that governs a que-clause reports: "a rappelé la position adoptée en 2024 et souligné que …")
        # (a cue's lemma is no cue where another cue's content holds it: "Guyana had lodged a protest and informed …, he said")
        head_pred = next((q for q in preds if q.anchor == t.head.i), None)
        head_reported = (
            head_pred is not None and any(c.dep_ in AUX_DEPS for c in t.head.children) and not _after_break(doc, head_pred, lex)
            and any(_via_content(t.head, doc[q]) for q in cue_anchors if q not in (p.anchor, t.head.i))
        )
        if (
            not p.stance and t.dep_ == "conj" and (t.head.i not in cue_anchors or head_reported) and t.head.i not in quoted_tokens(doc) and (same_form or t.head.i in interrupted)
            and any(_via_content(t.head, doc[q]) for q in cue_anchors if q != p.anchor) and not _reports_clause(t)
        ):
            return False
        if (
            t.dep_ in RELATIVE_DEPS and t.head.pos_ == "NOUN" and fold(_lemma(t.head)) not in lex.people | lex.documents
            # (an honorific the tagger took for the head noun of the name: "…, a déclaré M. X, qui a exhorté …")
            and not _headed_name(t.head)
            and any(_via_content(t, doc[q]) for q in cue_anchors if q != p.anchor)
            # (not a participle with a subject of its own, which the parser took for a relative: "…, son représentant rappelant que …")
            and not (_is_participle(t) and any(c.dep_ in SUBJECT_DEPS and c.lower_ not in lex.relatives for c in t.children))
        ):
            return False  # "announced a contribution to the fund that supports …": what the content names does, no statement
        return _after_break(doc, p, lex)

    quote_ends = quoted_ends(doc)

    def closes_quotation(p: Predicate) -> bool:
        # "« … », a déclaré X, qui a exhorté …": a cue right after a quotation reports it, whatever the
        # parser hung it on
        first = min(p.tokens)
        return first >= 2 and doc[first - 1].text == "," and (doc[first - 2].text in QUOTE_CLOSE or first - 2 in quote_ends)

    preds = [p for p in preds if starts_statement(p) or closes_quotation(p) or not any(q.anchor != p.anchor and _via_content(doc[p.anchor], doc[q.anchor]) for q in preds)]
    # "voiced opposition to X and what it called Y": a free relative names more of what the cue before reports
    preds = [p for p in preds if not (p.anchor != preds[0].anchor and _free_relative(doc, p, lex))]
    # "a rejeté ce texte, qu'il a jugé « biaisé », et …": a relative clause on the object,
    # whatever the parser made of it, qualifies what the speaker rejects; it is no statement of its own
    preds = [p for p in preds if not (p.anchor != preds[0].anchor and _object_relative(doc, doc[p.anchor]))]
    anchors = {p.anchor for p in preds}
    quoted = quoted_tokens(doc)
    content_of: dict[int, tuple[int, int]] = {}
    cut_by: dict[int, int] = {}  # a cue → the cue whose statement it follows (and whose speaker it shares)
    for number, pred in enumerate(preds):
        anchor = doc[pred.anchor]
        # a cue inside the content of another cue is part of that content ("a affirmé que le Vietnam préconise…")
        if any(lo <= anchor.idx < hi for a, (lo, hi) in content_of.items() if a != pred.anchor and not _shares_subject(anchor, doc[a], lex)):
            continue
        if pred.kind == "light":
            pred = _light_extent(doc, pred, lex)
        cue_last = max(pred.tokens)
        speaker, inherits = _subject(doc, anchor, lex)
        holder = _named_holder_before(doc, anchor, lex) if speaker is None and _is_participle(anchor) else None
        if holder is not None:
            # "Russia abstained, its representative, X, stating that …": the named holder of the title before the participle
            speaker, inherits = holder, None
        if (
            speaker is None and inherits is not None and inherits not in anchors
            and (_is_participle(anchor) and anchor.i > 0 and doc[anchor.i - 1].text == "," or _gerund(anchor, lex) or anchor.dep_ == "conj" and any(c.dep_ == "cc" for c in anchor.children))
            and not any(a.i in anchors for a in doc[inherits].ancestors)  # not a verb of what another cue reports
        ):
            # "Des milliers de manifestants se sont rassemblés …, réclamant …": a participle after a comma
            # shares the subject of the verb it hangs on, whether or not that verb reports speech; so does
            # a coordinated verb ("les Vingt-Sept ont « pris note » … et indiqué que …")
            governor_subject, _ = _subject(doc, doc[inherits], lex, 5)
            if governor_subject is None and (_is_participle(anchor) or anchor.dep_ == "conj"):
                # (hung on an infinitive deep in the clause: "X a décidé de geler … la mission chargée de
                # régler le litige …, reprochant à Y …": the subject of the nearest verb above that has one)
                governor_subject = next((
                    c.i for v in [doc[inherits], *doc[inherits].ancestors] if v.pos_ in ("VERB", "AUX")
                    for c in v.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ not in lex.relatives
                ), None)
            if governor_subject is not None and governor_subject < anchor.i and doc[governor_subject].pos_ in ("NOUN", "PROPN", "PRON"):
                speaker, inherits = governor_subject, None
        governor = next((g.i for g in doc[speaker].ancestors if g.i in cue_anchors), None) if speaker is not None else None
        if (
            governor is not None and speaker == anchor.head.i and anchor.dep_ == "acl" and _is_participle(anchor) and doc[anchor.i - 1].text == ","
            and doc[speaker].pos_ == "NOUN" and doc[speaker].dep_ not in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
            and fold(_lemma(doc[speaker])) not in lex.people  # ("its representative, X, stating that …": that person's)
        ):
            # "X a annoncé … un différend qui l'oppose à Y, reprochant à Y …", "…, a-t-il déclaré lors d'un
            # point de presse, ajoutant que …": a participle after a comma that the parser hung on a noun of
            # what a cue reports, or of its adverbial, shares that reporting verb's subject
            governor_subject, _ = _subject(doc, doc[governor], lex, 5)
            prior = next((a for a in out if a.predicate.anchor == governor), None)
            if prior is not None and prior.speaker is None and prior.inherits is not None:
                # (a cue that shares its speaker: "X a jugé … et a plaidé pour …, rappelant que …")
                speaker, inherits = None, prior.inherits
            elif governor_subject is not None and governor_subject < governor:
                speaker = governor_subject
        if (
            speaker is None and inherits is not None and anchor.dep_ == "conj" and doc[inherits].pos_ in ("NOUN", "PROPN") and inherits < anchor.i
            and doc[anchor.i - 1].text == "," and not any(c.dep_ == "cc" for c in anchor.children)
        ):
            # "Un diplomate, …, juge que …": the parser made the verb a conjunct of its subject (not "… et exige")
            speaker, inherits = inherits, None
        if speaker is None and anchor.i > 0 and doc[anchor.i - 1].text == ",":
            # "Whitford, asked about the embassy's response, said: …": the parser gave the subject to the
            # phrase set between commas before the cue
            described = next((
                g.i for c in anchor.children if c.i < anchor.i and c.dep_ in ("ccomp", "advcl", "parataxis") and inherits in (None, c.i)
                for g in c.children if g.dep_ in SUBJECT_DEPS and g.pos_ in ("PROPN", "NOUN") and g.i < c.i and any(t.text == "," for t in doc[g.i + 1 : c.i])
            ), None)
            if described is not None:
                speaker, inherits = described, None
        if speaker is None and pred.anchor in cut_by:
            inherits = cut_by[pred.anchor]
        if speaker is None and inherits is None:
            # "Paris et Berlin, dont les diplomates …, ont demandé …": the noun phrase before the relative clause
            near = _leading_subject(doc, pred, quoted)
            if near is not None and _relative_between(doc, doc[near], pred, lex):
                speaker = near
        if speaker is None and inherits is None:
            speaker = _before_prepositional_relative(doc, pred)
        if speaker is not None and _bracketed(doc, speaker):
            # "Speaking on behalf of the A3+ (Algeria, …, Guyana), the representative of X said": the
            # parser took a member of the bracketed list for the subject; the phrase after the bracket speaks
            speaker = next((c.i for c in doc[speaker].children if c.dep_ == "appos" and c.i > speaker and not _bracketed(doc, c.i)), None)
        inverted_actor = _inverted_actor(doc, pred, lex)
        if speaker is not None and doc[speaker].pos_ in ("VERB", "AUX"):
            speaker = _leading_subject(doc, pred, quoted | {t.i for t in doc[speaker].subtree if t.i <= doc[speaker].i or t.dep_ != "conj"})
        by_agent = speaker is not None and (doc[speaker].dep_ == "obl:agent" or doc[speaker].head.dep_ == "agent")
        if speaker is not None and speaker > max(pred.tokens) and speaker != inverted_actor and not doc[speaker].text.startswith("-") and not by_agent:
            # a subject after the cue outside an inversion is a misparse of "X said the council must act"
            speaker = _leading_subject(doc, pred, quoted)
        if inverted_actor is not None and (
            speaker is None or (speaker < min(pred.tokens) and (
                not _opens_clause(doc, doc[speaker], quoted) or _inverted_incise(doc, pred, speaker, inverted_actor, lex) or _interposed(anchor)
            ))
        ) and (inherits is None or inherits not in anchors):
            # ("Les sanctions, a déclaré le ministre, resteront …": an inverted incise, whatever the parser made the subject)
            speaker, inherits = inverted_actor, None
        first = min(pred.tokens)
        if _interposed(anchor) and (speaker is None or speaker < first and any(x.text == "," for x in doc[speaker + 1 : first])):
            # "This plan, the representative of X argued, opens …": the noun phrase inside the incise, whatever it hangs on
            lo = max(x.i for x in doc[:first] if x.text == ",")
            own = [x.i for x in doc[lo + 1 : first] if x.pos_ in ("NOUN", "PROPN", "PRON") and not lo < x.head.i < first]
            if own:
                speaker, inherits = own[0], None
        if speaker is None and (inherits is None or doc[inherits].i == 0 and _is_participle(doc[inherits])):
            # (also after an opening participle: "Présentant le rapport, M. X, Représentant spécial, a indiqué")
            apposed = _apposed_person_before(doc, pred, lex)
            if apposed is not None:
                speaker, inherits = apposed, None
        if speaker is None and (inherits is None or inherits not in anchors):
            # "…, Deputy Prime Minister X said": a noun phrase between the last comma and the cue
            before_cue = _preverbal_actor(doc, pred)
            if before_cue is not None:
                speaker, inherits = before_cue, None
        if speaker is None and inherits is None:
            speaker = _after_opener(doc, pred)
        if speaker is None and inherits is None and anchor.dep_ == "appos" and anchor.head.i < anchor.i and anchor.head.pos_ in ("NOUN", "PROPN"):
            speaker = anchor.head.i  # "Le politologue X, de l'université Y, juge que …": the cue hung on its subject
        if speaker is None and inherits is None:
            near = _leading_subject(doc, pred, quoted)
            if near is not None and (min(pred.tokens) - doc[near].right_edge.i <= 3 or _relative_between(doc, doc[near], pred, lex)):
                speaker = near  # a subject the parser missed: "Pékin a dénoncé …", "La représentante de X, dont le pays …, a estimé"
        if speaker is not None and doc[speaker].pos_ == "PRON" and any(c.lower_ == "dont" and c.i < speaker for c in doc[speaker].children):
            # "Plusieurs délégations, dont celles du Danemark, ont insisté": the group the inclusion qualifies
            before = doc[min(c.i for c in doc[speaker].children if c.lower_ == "dont") - 1]
            group = doc[before.i - 1] if before.is_punct and before.i > 0 else before
            if group.pos_ in ("NOUN", "PROPN"):
                speaker = group.i
        if speaker is not None and _lemma(doc[speaker]) in lex.quantities:
            # "Hundreds of protesters", "des milliers de manifestants": the people counted speak
            counted = next((g for c in doc[speaker].children if c.dep_ in ("prep", "nmod") for g in ([c] if c.dep_ == "nmod" else c.children) if g.pos_ in ("NOUN", "PROPN") and g.dep_ in ("pobj", "nmod")), None)
            if counted is not None:
                speaker = counted.i
        if _is_participle(anchor) and out and out[-1].inverted and out[-1].predicate is preds[number - 1] and min(pred.tokens) >= 2 and doc[min(pred.tokens) - 1].text == ",":
            # '"…", he said, stressing that …': the participle after a closing cue is that speaker's
            before = out[-1]
            ends = {max(before.predicate.tokens)} | ({doc[before.speaker].right_edge.i} if before.speaker is not None else set())
            if min(pred.tokens) - 2 in ends:
                speaker, inherits = None, before.predicate.anchor
        # where the content after the cue stops: at the next cue that is not inside it
        # ("a fait savoir que …": the parser may hang the clause on the causative)
        causative = _governing_causative(anchor, lex)
        stop = len(doc)
        for later in preds[number + 1 :]:
            later_subject, begin = _clause_of(doc, later, lex)
            if anchor.dep_ == "parataxis" and anchor.head.i == later.anchor and later_subject is not None and later_subject < anchor.i or _interrupted_verb(anchor) == doc[later.anchor]:
                continue  # "His Government, he added, remained committed to …": the clause the incise interrupts is its content
            # "La question, a-t-il martelé, relève de …": the verb after the incise goes on with the clause
            # before it (not a participle: "…, she added, urging …" is a statement of its own)
            if (
                later_subject is None and min(later.tokens) == _clause_end(doc, pred, speaker) + 2 and not _is_participle_form(doc[later.anchor])
                and _interrupts(doc, pred, speaker, _clause_start(doc, pred, speaker))
            ):
                continue
            # a cue after a comma or a coordinator starts a statement of its own (", rappelant que",
            # "et exhorté", "tandis que X a annoncé"), whatever the parser hung it on
            linear = starts_statement(later)
            if not (_via_content(doc[later.anchor], anchor) or causative is not None and _via_content(doc[later.anchor], causative)) or linear:
                stop = min(stop, begin)
                if later_subject is None and linear:
                    cut_by.setdefault(later.anchor, pred.anchor)
                break
        pieces: list[tuple[int, int]] = []
        inverted = incise = False
        start = _right_content_start(doc, pred, anchor, speaker, lex, stop)
        if closing is not None and pred is closing and speaker is not None and speaker > max(pred.tokens):
            start = None  # "…, a annoncé le ministère, dans une nouvelle escalade …": the cue closes the sentence's content
        clause_start = _clause_start(doc, pred, speaker)
        if start is not None and speaker is not None and speaker > max(pred.tokens) and any(
            c.dep_ in CLAUSE_DEPS and _relative_after_comma(doc, c, lex) and c.left_edge.i <= start <= c.right_edge.i for c in anchor.children
        ):
            start = None  # "« … », a estimé le délégué, pour qui …": what the actor's relative clause says is no content of this cue
        opener = _opener_after(doc, pred, lex)
        if start is not None and not pred.stance and _after_quotation(doc, clause_start) and opener is None and not any(
            c.dep_ in CLAUSE_DEPS for c in anchor.children if c.i > max(pred.tokens)
        ):
            start = None  # '"…?" X said outside the court, where …': what follows is where, the quotation is what
        if (
            start is not None and start > 0 and doc[start - 1].text == "," and speaker is not None and speaker < min(pred.tokens) and clause_start >= 3
            and (doc[clause_start - 1].text == "," or doc[clause_start - 1].text in QUOTE_CLOSE) and opener is None
            and not any(c.dep_ in CLAUSE_DEPS for c in anchor.children if c.i > max(pred.tokens))
            # (a clause before it, not "After the talks," nor "Dans un communiqué lu à la télévision,")
            and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[: clause_start - 1])
        ):
            start = None  # '"…," he warned, without elaborating': a cue set between commas closes what precedes it
        if start is not None and opener is not None and (doc[opener].text in QUOTE_OPEN or doc[opener].text == '"') and _after_quotation(doc, clause_start):
            start = None  # '"A," he said, "and B."': one quotation in two pieces, taken from the first
        if start is not None and start < stop:
            chunk = _strip_tail(list(doc[start:stop]))
            if chunk:
                pieces = [_span(chunk)]
        before = [t for t in doc[:clause_start] if not t.is_punct and t.i not in anchors]
        # a relative clause or a participle qualifying a noun never closes the sentence's content
        embedded = not _interposed(anchor) and anchor.dep_ in RELATIVE_DEPS or (anchor.dep_ in ("acl", "amod") and anchor.head.pos_ in ("NOUN", "PROPN")) or (
            speaker is not None and _lemma(doc[speaker]) in lex.relatives
        ) or any("Rel" in doc[k].morph.get("PronType") for k in range(clause_start, min(pred.tokens)))  # ", dont le Japon assure …", whatever the parser hung it on
        if not embedded and _interrupts(doc, pred, speaker, clause_start):
            # "The rebels, she said, bore direct responsibility", "Les sanctions, a déclaré le ministre,
            # resteront …": the words on both sides of the incise are the content
            first = _content_start(doc, out, clause_start)
            chunk = _strip_tail(list(doc[first:clause_start]))
            after = _strip_tail(list(doc[_clause_end(doc, pred, speaker) + 2 : stop]))
            # (one word is enough before an incise inside a clause: "Brazil, its envoy said, opposes …")
            if sum(not t.is_punct for t in chunk) >= (1 if _interposed(anchor) else 2) and after and not any(t.is_quote or t.text in QUOTE_OPEN + QUOTE_CLOSE for t in chunk):
                pieces, incise = [_span(chunk), _span(after)], True
        # (never when the subject stands before that text: "Le médiateur …, X, a annoncé une réunion")
        if not pieces and len(before) >= 3 and not embedded and not (speaker is not None and speaker < clause_start and speaker not in quoted):
            # the cue closes what precedes it: "…, a-t-il ajouté", '"…?" she asked'
            first = _content_start(doc, out, clause_start)
            chunk = _strip_tail(list(doc[first:clause_start]))
            # (not a scene-setting participle phrase: "Interrogé sur les critiques, X les a balayées")
            words = [t for t in chunk if not t.is_punct]
            # (the tagger may call such an opening participle an infinitive)
            setting = (
                bool(words) and words[0].pos_ == "VERB" and (_is_participle_form(words[0]) or "Inf" in words[0].morph.get("VerbForm"))
                and not any(t.is_quote or t.text in QUOTE_OPEN + QUOTE_CLOSE for t in chunk)
                and not any(t.pos_ in ("VERB", "AUX") and any(c.dep_.startswith("nsubj") for c in t.children) for t in words[1:])
            )
            if words and not setting:
                pieces = [_span(chunk)]
                inverted = True
                tail = _tail_after(doc, pred, speaker, stop)
                if tail:
                    pieces.append(tail)
        if not pieces:
            continue
        if pred.kind == "verb" and pred.lemma in lex.qualify and pred.lemma not in lex.clause_only and not pred.stance and not (inverted or incise):
            # "présenter son rapport" is an act; "présenter la décision comme une erreur", "a qualifié
            # la décision d'inacceptable", "called the move illegal" are judgements
            if not _opener_after(doc, pred, lex) and not any(c.dep_ in CLAUSE_DEPS for c in anchor.children) and not _predicative(anchor):
                continue
        if pred.kind == "verb" and pred.lemma in lex.clause_only and not (inverted or incise):
            governs = any(c.dep_ in CLAUSE_DEPS or (c.dep_ == "advcl" and _is_content_clause(c, True)) for c in anchor.children if c.i > cue_last)
            # "exhorte les parties à reprendre les pourparlers": the infinitive the parser hung on the addressee
            governs = governs or any(
                # (or a bare one: "a indiqué à l'agence n'avoir constaté aucun mouvement")
                g.dep_ in ("acl", "xcomp", "advcl") and _infinitive(g) and (_is_content_clause(g, True) or not any(m.dep_ == "mark" or m.lower_ == "to" for m in g.children))
                for c in anchor.children if c.i > cue_last and c.dep_ in OBJECT_DEPS + ("obl:arg", "iobj", "obl") for g in c.children
            )
            opener = _opener_after(doc, pred, lex)
            qualifies = pred.lemma in lex.qualify and any(c.dep_ in OBJECT_DEPS for c in anchor.children) and _predicative(anchor)
            # "a relevé les défis de sécurité non traditionnels": a substantial object is what was said;
            # "announced a visit", "ajouter du sel" are not positions
            # (an "obl:arg" with no preposition is an object whose "des" the parser read as "de les")
            objects = [c for c in anchor.children if c.i > cue_last and (c.dep_ in OBJECT_DEPS or c.dep_ == "obl:arg" and not any(g.dep_ == "case" for g in c.children))] + [
                g for c in anchor.children if c.i > cue_last and c.dep_ not in OBJECT_DEPS for g in _hung_objects(doc, c, stop)
            ]
            # (a shorter one after a cue that takes a stance: "a demandé un moratoire immédiat"; none after
            # a gerund, which frames: "en attendant la conclusion d'un traité")
            gerund = any(c.dep_ == "mark" and c.lower_ == "en" for c in anchor.children)
            substantial = pred.lemma not in lex.possession and not gerund and any(len(list(c.subtree)) >= (3 if pred.stance else 5) for c in objects)
            if not governs and opener is None and not qualifies and not substantial:
                continue
        content_of[pred.anchor] = (pieces[0][0], pieces[-1][1])
        # an incise blanked for the parser ("a, par la voix de …, exhorté") is no part of the cue as written
        blank = max((i for i in pred.tokens if doc[i].is_space), default=-1)
        cue_start, cue_end = _span([doc[i] for i in pred.tokens if i > blank])
        object_only = not (inverted or incise) and start is not None and _object_only(doc, anchor, doc[start], lex)
        out.append(Attribution(pred, cue_start, cue_end, speaker, inherits if speaker is None else None, pieces, inverted, object_only))
    # a cue that turned out to sit inside another's content ("Vietnam is ready …, the minister said") is part of it
    out = [
        a for a in out
        if not any(
            b is not a and any(lo <= a.cue_start < hi for lo, hi in b.pieces) and not _shares_subject(doc[a.predicate.anchor], doc[b.predicate.anchor])
            for b in out
        )
    ]
    _governor_subjects(doc, out, anchors, lex)
    return _join_explanations(doc, out)


def _governor_subjects(doc: Doc, found: list[Attribution], anchors: set[int], lex: SentenceLexicon) -> None:
    """A cue sharing the subject of a cue that reports nothing ("a expliqué le vote de sa délégation en
    affirmant que …") or of a causative verb ("a fait savoir que …") takes that verb's subject itself."""
    kept = {a.predicate.anchor for a in found}
    for a in found:
        head = doc[a.predicate.anchor].head
        governor = a.inherits if a.inherits is not None else head.i if head.i != a.predicate.anchor and _lemma(head) in lex.causatives else None
        if a.speaker is None and governor is not None and (governor in anchors or _lemma(doc[governor]) in lex.causatives) and governor not in kept:
            subject, _ = _subject(doc, doc[governor], lex)
            if subject is None and head.i != a.predicate.anchor and head.i != governor and _lemma(head) in lex.verbs and head.i not in kept:
                # "Interrogé sur …, le ministre les a écartées, estimant que …": the verb it hangs on
                subject, _ = _subject(doc, head, lex)
            if subject is not None:
                a.speaker, a.inherits = subject, None


def _relative_between(doc: Doc, subject: Token, pred: Predicate, lex: SentenceLexicon) -> bool:
    """Is only a relative clause between the subject and the cue ("X, dont le pays est exposé …, a jugé")?"""
    after = subject.right_edge.i + (0 if subject.right_edge.text == "," else 1)
    first = min(pred.tokens)
    return (
        after + 1 < first and doc[after].text == "," and _lemma(doc[after + 1]) in lex.relatives | {"dont", "où", "whose"}
        and doc[first - 1].text == "," and not any(t.text in (";", ":") or t.text in QUOTE_OPEN for t in doc[after:first])
    )


def _before_prepositional_relative(doc: Doc, pred: Predicate) -> int | None:
    """ "Le Mexique, pour qui le traité « n'est pas … », s'est félicité": the name that opens the
    sentence before a relative clause after a preposition, which closes with a comma before the cue."""
    first = min(pred.tokens)
    if first < 1 or doc[first - 1].text != ",":
        return None
    for t in doc[: min(first - 3, 6)]:
        if t.pos_ in ("PROPN", "NOUN") and doc[t.i + 1].text == "," and doc[t.i + 2].pos_ == "ADP" and "Rel" in doc[t.i + 3].morph.get("PronType"):
            return t.i
    return None


def _after_quotation(doc: Doc, clause_start: int) -> bool:
    """Does a quotation opening the sentence close right before the cue's clause ('"…," X said')?"""
    i = clause_start - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    if i <= 0 or not (doc[i].text in QUOTE_CLOSE or doc[i].i in quoted_ends(doc)):
        return False
    return doc[0].text in QUOTE_OPEN or doc[0].text == '"'


def _object_relative(doc: Doc, verb: Token) -> bool:
    """Does the verb's clause open with the relative "que" right after a noun and a comma ("ce rapport, qu'il a qualifié …")?"""
    opener = next((c for c in verb.children if c.i < verb.i and c.lower_ in ("que", "qu'", "qu’") and c.dep_ in ("obj", "mark")), None)
    # (the noun phrase may end with an adjective: "les critiques visant sa marine nationale, qu'il a …")
    return opener is not None and opener.i >= 2 and doc[opener.i - 1].text == "," and doc[opener.i - 2].pos_ in ("NOUN", "PROPN", "ADJ")


def _closing_inversion(doc: Doc, preds: list[Predicate], lex: SentenceLexicon) -> Predicate | None:
    """The last cue of the sentence when it closes it with its actor after it and nothing else: ",
    a déclaré dimanche le Premier ministre nigérien, Moussa Abdou Tanko.", ", the ministry said."."""
    if len(preds) < 2:
        return None
    ordered = sorted(preds, key=lambda p: min(p.tokens))
    last = ordered[-1]
    if len(ordered) >= 3 and _is_participle(doc[last.anchor]) and doc[last.anchor].head.i == ordered[-2].anchor and doc[min(last.tokens) - 1].text == ",":
        last = ordered[-2]  # "…, a-t-il expliqué, assurant que …": the participle is the closing cue's speaker's own
    first = min(last.tokens)
    clitic = any(c.text.startswith("-") and c.text.lstrip("-").lower() in lex.pronouns for c in doc[last.anchor].children)
    after = max(last.tokens) + 1
    # (or a participle of its own after a comma: "…, a-t-il expliqué, assurant que …")
    participle = after + 1 < len(doc) and doc[after].text == "," and _is_participle(doc[after + 1]) and doc[after + 1].head.i == last.anchor
    if clitic and first > 0 and doc[first - 1].text == "," and (all(t.is_punct or t.pos_ == "ADV" for t in doc[after:]) or participle):
        return last  # "Le pays reste ouvert au dialogue, a-t-il toutefois assuré."
    anchor, end = doc[last.anchor], max(last.tokens) + 1
    subject = next((c for c in anchor.children if c.dep_ == "nsubj" and c.i < first), None)
    if subject is not None and (
        doc[subject.left_edge.i].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") or any(t.dep_ == "mark" or "Rel" in t.morph.get("PronType") for t in subject.subtree)
    ):
        subject = None  # ", tandis que le Royaume-Uni a appelé", ", dont la nomination …": a clause of its own, no closing cue
    rest = [t for t in doc[end:] if not (t.is_punct or t.is_space)]
    # (after the cue, only its own words, or a clause after a comma saying why or how it was said)
    own = all(anchor.is_ancestor(t) for t in rest) or end < len(doc) and doc[end].text == "," and (rest[0].dep_ == "mark" or _is_participle_form(rest[0]))
    if subject is not None and anchor.dep_ in ("parataxis", "conj", "advcl") and subject.left_edge.i >= 3 and doc[subject.left_edge.i - 1].text == "," and own:
        return last  # "Baghdad wants the accord revised …, a member of the delegation said, speaking on condition …"
    actor = _inverted_actor(doc, last, lex)
    if actor is None or doc[actor].i < max(last.tokens):
        return None
    # after the actor's phrase, at most a name in apposition, or an adverbial phrase after a comma
    # (", dans une nouvelle escalade entre les deux pays", ", after the talks")
    after = doc[actor].right_edge.i + 1
    rest = [t for t in doc[after:] if not t.is_punct and not t.is_space]
    adverbial = after < len(doc) and doc[after].text == "," and bool(rest) and rest[0].pos_ == "ADP" and not any(t.pos_ in ("VERB", "AUX") for t in rest)
    if any(t.pos_ not in ("PROPN",) for t in rest) and not adverbial:
        return None
    return last


def _object_only(doc: Doc, anchor: Token, first: Token, lex: SentenceLexicon) -> bool:
    """Does the content start with a plain noun-phrase object of the cue, with no clause of its own?"""
    node = first
    while node.head.i != node.i and node.head.i != anchor.i:
        node = node.head
    if node.head.i != anchor.i or node.dep_ not in OBJECT_DEPS or node.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in node.children):
        return False  # "a dénoncé des condamnations arbitraires": the object states a judgement of its own
    return not any(c.dep_ in CLAUSE_DEPS and c.i > anchor.i for c in anchor.children)


def _join_explanations(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """An evaluative cue with a bare object and the participle that says why are one statement:
    "dismissed Wang's account, saying the vessels had blocked…", "a regretté la décision, estimant
    que…" — the object alone is no position, the participle's clause is."""
    by_anchor = {a.predicate.anchor: a for a in found}
    out: list[Attribution] = []
    for a in found:
        first = by_anchor.get(a.inherits) if a.inherits is not None else None
        participle = doc[a.predicate.anchor]
        if (
            first is not None and first.object_only and first.predicate.stance and a.speaker is None
            and first.predicate.anchor in (participle.head.i, _object_governor(doc, participle)) and _is_participle(participle) and first in out
            # a call is a position of its own ("a dénoncé …, appelant les autorités à …"), not why
            and a.predicate.stance != "call"
            # "a salué le soutien de X, tout en affirmant que …": a concession adds a position of its own
            and [t.lower_ for t in doc[max(participle.i - 2, 0) : participle.i]] != ["tout", "en"]
            # an object of some length is a position of its own ("welcomed the extension of the
            # observer mission, saying …"); a short one is not ("rejected that account, saying …")
            and sum(len(doc.text[lo:hi].split()) for lo, hi in first.pieces) <= JOINED_OBJECT_WORDS
        ):
            first.pieces = first.pieces + a.pieces
            continue
        out.append(a)
    return out


def _predicative(verb: Token) -> bool:
    """An object with what it is called: "qualifié la décision d'inacceptable", "described it as", "called the move illegal"."""
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "xcomp"):
            return True
        if c.dep_ in ("obl", "obl:arg", "obl:mod", "prep", "advcl") and any(g.lower_ in ("comme", "as", "de", "d'") for g in c.subtree if g.i <= c.i):
            return True
        if c.dep_ in OBJECT_DEPS and any(g.dep_ in ("nmod", "amod", "acl") and any(x.lower_ in ("de", "d'", "comme", "as") for x in g.children) for g in c.children):
            return True
    return False


def _light_extent(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> Predicate:
    """A light-verb cue runs through its noun and the nouns coordinated with it ("sa préoccupation et son opposition")."""
    anchor = doc[pred.anchor]
    nouns = [doc[i] for i in pred.tokens if doc[i].dep_ in OBJECT_DEPS + ("obl:arg", "obl", "prep") and doc[i].pos_ == "NOUN"]
    # (a coordinated noun of the light verb's own: "sa préoccupation et son opposition", not "sa
    # solidarité avec le Japon, ainsi qu'avec l'ensemble de …")
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj" and c.pos_ == "NOUN" and (_lemma(anchor), _lemma(c)) in lex.light]
    nouns += [c for c in anchor.children if c.dep_ == "conj" and c.pos_ == "NOUN" and (_lemma(anchor), _lemma(c)) in lex.light]
    # "faire part de sa préoccupation": the stance is in the noun after "faire part de"
    compound = [
        g for n in list(nouns) for g in anchor.children
        if g.i > n.i and g.dep_ in ("obl:arg", "obl", "nmod") and (f"{_lemma(anchor)} {_lemma(n)} de", _lemma(g)) in lex.light
    ]
    extra_stances = [lex.light[(f"{_lemma(anchor)} {_lemma(n)} de", _lemma(g))] for n in list(nouns) for g in compound if (f"{_lemma(anchor)} {_lemma(n)} de", _lemma(g)) in lex.light]
    nouns += compound
    cue_tokens = set(pred.tokens) | {t.i for n in nouns for t in doc[min(pred.tokens) : n.i + 1]}
    last = max(cue_tokens)
    opened = sum(doc[i].text in QUOTE_OPEN or doc[i].text == '"' for i in cue_tokens) - sum(doc[i].text in QUOTE_CLOSE for i in cue_tokens)
    closing = next((k for k in range(last + 1, min(last + 6, len(doc))) if doc[k].text in QUOTE_CLOSE or doc[k].text == '"'), None)
    noun = doc[last]
    if opened % 2 and closing is not None and all(noun.is_ancestor(doc[k]) or doc[k].dep_ == "cc" for k in range(last + 1, closing)):
        # 'reiterated their "deep concern"', "leur « soutien total et indéfectible »": the quotation the noun
        # (with its own adjectives) closes is part of the cue
        cue_tokens.update(range(last + 1, closing + 1))
    stances = [pred.stance] + [lex.light.get((_lemma(anchor), _lemma(n)), "") for n in nouns] + extra_stances
    stance = min((x for x in stances if x), key=STANCE_PRIORITY.index, default=pred.stance)
    return Predicate(pred.anchor, pred.head, tuple(sorted(cue_tokens)), stance, pred.lemma, pred.kind)


def _is_participle_form(t: Token) -> bool:
    """A past or present participle, whatever its use ("carried", "publié", "citing")."""
    return t.tag_ in ("VBN", "VBG") or "Part" in t.morph.get("VerbForm")


def _opener_after(doc: Doc, pred: Predicate, lex: SentenceLexicon) -> int | None:
    """Index of a complementiser, colon or quotation mark right after the cue (adverbials skipped)."""
    i = max(pred.tokens) + 1
    while i < len(doc):
        t = doc[i]
        if t.lower_ in ("que", "qu'", "qu’", "that", ":", "whether") or t.text in QUOTE_OPEN or t.text == '"':
            return i
        if t.pos_ in ("ADV", "PART", "ADJ") or t.text == "," or _lemma(t) in lex.adjuncts or t.pos_ in ("ADP", "DET", "NUM") or (t.pos_ in ("NOUN", "PROPN") and _is_adjunct(t, lex)):
            i += 1
            continue
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound" and t.head.i > t.i and _is_adjunct(t.head, lex):
            i += 1  # "said in a social network post that …": a modifier of the adverbial's noun
            continue
        if t.dep_ == "acl" and _is_participle_form(t) and _lemma(t.head) in lex.noun_cues and t.right_edge.i > t.i:
            i = t.right_edge.i + 1  # "said in a statement published by state television that …", "dans un communiqué publié lundi que …"
            continue
        return None
    return None


def _right_content_start(doc: Doc, pred: Predicate, anchor: Token, speaker: int | None, lex: SentenceLexicon, stop: int) -> int | None:
    """First token of what the cue governs after it: a clause, an infinitive, an object, a quotation;
    never its addressee ("told reporters"), an adverbial ("on Friday", "dans un communiqué") or its subject."""
    cue_last = max(pred.tokens)
    opener = _opener_after(doc, pred, lex)
    if opener is not None and opener < stop:
        if doc[opener].lower_ in ("que", "qu'", "qu’", "that", ":", "whether"):
            return opener + 1
        first = opener
        while first - 1 > cue_last and doc[first - 1].pos_ in ("DET", "NUM", "ADJ") and doc[first - 1].head.i > opener:
            first -= 1  # "salue la « retenue » des deux gouvernements": the quoted noun's article is part of it
        return first
    if speaker is not None and doc[speaker].text.startswith("-") and min(pred.tokens) > 0 and doc[min(pred.tokens) - 1].text in ",»”\"":
        return None  # "…, a-t-il affirmé devant l'Assemblée": an incise closes what precedes it
    holders = [anchor] + ([doc[pred.head]] if pred.head != pred.anchor else [])
    causative = _governing_causative(anchor, lex)
    if causative is not None:
        holders.append(causative)  # "a fait savoir que …": the parser may hang the clause on the causative
    if pred.kind == "light":
        holders += [doc[i] for i in pred.tokens if doc[i].pos_ == "NOUN"]
    skip: set[int] = set()
    if speaker is not None and not doc[speaker].is_ancestor(anchor):
        skip.update(t.i for t in doc[speaker].subtree)
    complements: list[Token] = []
    adjuncts: set[int] = set()
    for h in holders:
        for c in h.children:
            if h.i != anchor.i and c.i > cue_last and c.i < stop and (c.dep_ == "acl" and _infinitive(c) or c.dep_ in RELATIVE_DEPS):
                # "reaffirmed its commitment to fund …", "a réaffirmé la position commune, qui réclame …":
                # what the light noun commits to, what the position holds
                complements.append(c)
                continue
            if c.i <= cue_last or c.i >= stop or c.i in pred.tokens or c.i in skip or c.dep_ not in COMPLEMENT_DEPS:
                continue
            if c.i - 1 in adjuncts and c.pos_ in ("PROPN", "X") and c.text[:1].isupper() and doc[c.i - 1].text[:1].isupper():
                adjuncts.add(c.i)  # the rest of a name the parser split off an adverbial ("à Radio Ndeke Luka")
                continue
            if c.dep_ == "advcl" and not _is_content_clause(c, pred.lemma in lex.addressee or pred.stance == "call"):
                continue
            if speaker is not None and cue_last < speaker < c.i and _apposed_name(doc, c, doc[speaker]):
                continue
            # what a call asks for or a position backs may be a text, a meeting or another call
            # ("a appelé à la publication des procès-verbaux", "a souscrit à l'appel du Groupe")
            # (not a text it was said in: "a salué dans une déclaration séparée l'annonce …")
            asked_for = pred.stance in ("call", "support") and c.dep_ == "obl:arg" and _is_adjunct(c, lex, speech=False) is False and not any(
                g.dep_ == "case" and g.lower_ in ("dans", "in") for g in c.children
            )
            if _is_adjunct(c, lex) and c.dep_ not in CLAUSE_DEPS and not asked_for:
                adjuncts.add(c.i)
                # "a accusé lundi la police de …": the parser may hang the verb's object on the time word
                complements += _hung_objects(doc, c, stop)
                continue
            # (the à-object of a position taken towards someone is whom it targets: "reprochant à Paris de …")
            if pred.stance != "call" and _setting(c, lex) and not (pred.stance and pred.lemma in lex.addressee_indirect):
                continue
            hung = [g for g in _hung_objects(doc, c, stop) if g.dep_ not in OBJECT_DEPS]
            if hung and c.dep_ not in CLAUSE_DEPS:
                # "relève, dans son rapport, des violations": the phrase between commas is an incise
                complements += hung
                continue
            complements.append(c)
    # particle objects: "called on Israel to …" (addressee), "called for a ceasefire" (content)
    for i in pred.tokens:
        if doc[i].dep_ == "prep":
            for g in doc[i].children:
                if g.dep_ == "pobj":
                    if pred.lemma in lex.addressee:
                        asked = [x for x in g.children if x.dep_ in ("acl", "relcl", "xcomp", "infmod")]
                        # a call names who is to act ("called on the parties to lift the blockade"), as "urged" does
                        to_act = asked or any((x.dep_ in ("xcomp", "advcl") or x.lower_ == "to") and x.i > g.i for x in anchor.children)
                        complements += [g] if to_act and pred.stance == "call" else asked
                    else:
                        complements.append(g)
    if pred.kind == "verb" and pred.lemma in lex.addressee:
        # (a French à-object is whom one spoke to: "a indiqué à l'agence X", "a dit aux journalistes")
        objs = [c for c in complements if c.dep_ in OBJECT_DEPS + ("iobj", "dative")
                or c.dep_ in ("obl:arg", "obl:mod") and any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children)]
        if pred.lemma in lex.addressee_indirect:
            # "a annoncé la suspension des vols": only the à-object of these is whom one spoke to
            objs = [c for c in objs if c.dep_ not in OBJECT_DEPS]
        others = [c for c in complements if c not in objs]
        if objs and others:
            # a call names who is to act ("urged all parties to protect civilians"); a report does not ("told reporters that")
            complements = objs + others if pred.stance == "call" else others
        elif objs:
            # "exhorté les parties à reprendre", "thanked them for their support": what follows the
            # addressee; with nothing after it, the object is what was asked for ("urged restraint")
            _, np_end = noun_phrase(doc, objs[0].i)
            after = next((t.i for t in doc[objs[0].i : stop] if t.idx >= np_end and not t.is_punct), None)
            if after is not None and pred.stance != "call":
                where = doc[after] if doc[after].dep_ not in ("case", "det") else doc[after].head  # ("this morning")
                timed = where.dep_ in ("npadvmod", "advmod", "tmod", "obl:tmod") and where.head.i == anchor.i  # (not "n'" of what follows)
                if _setting(where, lex) or ((where.dep_ in ("prep", "obl", "obl:mod") or timed) and _is_adjunct(where, lex)):
                    after = None  # '"…," X told reporters in Baku / after the meeting / today': where or when, not what
            if after is not None and speaker is not None and doc[speaker].left_edge.i <= after <= speaker:
                after = None  # "…, a indiqué à l'agence X un diplomate": the inverted subject follows
            if after is None and pred.stance != "call":
                return None  # "…," she told the Council: what she said is before
            if after is None or pred.stance == "call":
                # a call names who is to act: "urged all sides to exercise restraint"
                return objs[0].left_edge.i
            return after
    if not complements:
        return _detached_object(doc, pred, anchor, stop)
    first = min(complements, key=lambda c: c.left_edge.i)
    if first.left_edge.i > cue_last:
        return first.left_edge.i
    if first.left_edge.i in pred.tokens:
        # a word of the cue opens the complement's phrase: "called for | the court's investigations to receive …"
        return min((t.i for t in first.subtree if cue_last < t.i < first.i and not t.is_punct), default=first.i)
    return first.i


def _hung_objects(doc: Doc, adverbial: Token, stop: int) -> list[Token]:
    """Objects of a cue that the parser hung on an adverbial after it: "a accusé lundi la police de …"
    (an object of the time word), "relève, dans sa déclaration, des retards" (a bare noun phrase is
    no conjunct of a prepositional phrase)."""
    prepositional = any(g.dep_ == "case" for g in adverbial.children)
    # (or on a participle qualifying the adverbial: "a salué dans un communiqué séparé la décision …")
    qualifying = [g for g in adverbial.children if g.dep_ in ("acl", "amod") and g.pos_ == "VERB" and g.i == adverbial.i + 1]
    return [
        g for q in qualifying for g in q.children if q.i < g.i < stop and g.dep_ in OBJECT_DEPS and any(x.dep_ == "det" for x in g.children)
    ] + [
        g for g in adverbial.children
        if adverbial.i < g.i < stop and (
            g.dep_ in OBJECT_DEPS
            or prepositional and g.dep_ in ("conj", "nmod", "appos") and g.pos_ == "NOUN" and not any(x.dep_ in ("case", "cc") for x in g.children)
            # (an apposition with its determiner: "a condamné, dans un communiqué, les violences …"; not a title: ", porte-parole du …")
            and (g.dep_ != "appos" or any(x.dep_ == "det" for x in g.children))
            # (after a comma, or a noun phrase with its determiner: "salué dans un communiqué une élection …")
            and ("," in (doc[g.left_edge.i].text, doc[g.left_edge.i - 1].text) or g.dep_ == "nmod" and any(x.dep_ == "det" for x in g.children))
        )
    ]


def _detached_object(doc: Doc, pred: Predicate, anchor: Token, stop: int) -> int | None:
    """The object of a cue that the parser made a sentence root of its own after the cue's adverbials:
    "a rejeté mardi avec vigueur les critiques de X" (the noun phrase "les critiques" left unattached)."""
    after = anchor.right_edge.i + 1
    if pred.kind != "verb" or after >= stop or doc[after - 1].is_punct or doc[after].is_punct:
        return None
    t = doc[after]
    root = t if t.dep_ == "ROOT" else t.head
    if root.dep_ != "ROOT" or root.i == anchor.i or root.pos_ not in ("NOUN", "PROPN") or root.left_edge.i != after:
        return None
    return after


def _apposed_name(doc: Doc, c: Token, subject: Token) -> bool:
    """ "…, a déclaré le président de la Commission, l'Ruritanien X, à l'issue …": a proper name the
    parser hung on the verb right after its inverted subject and a comma is the subject's
    apposition, not what was said."""
    lo = c.left_edge.i
    if c.pos_ in ("NOUN", "PROPN") and lo == subject.right_edge.i + 1 and c.left_edge.pos_ in ("NOUN", "PROPN", "ADJ"):
        return True  # "a averti le Haut représentant": a title the parser split, the rest of the subject
    return c.pos_ == "PROPN" and lo >= 2 and doc[lo - 1].text == "," and subject.right_edge.i == lo - 2


def _setting(t: Token, lex: SentenceLexicon) -> bool:
    """A place where something was said, "in Brussels", "à Genève": a setting preposition with a proper
    name and nothing else."""
    if t.dep_ in ("prep",):
        prep, objs = t, [g for g in t.children if g.dep_ == "pobj"]
    else:
        prep = next((g for g in t.children if g.dep_ == "case"), None)
        objs = [t]
    if prep is None or prep.lower_ not in lex.settings or len(objs) != 1 or objs[0].pos_ != "PROPN":
        return False
    return all(g.dep_ in ("compound", "flat", "flat:name", "det", "case", "punct", "amod") for g in objs[0].children if g.i != prep.i)


def _strip_tail(chunk: list[Token]) -> list[Token]:
    """Without the punctuation and conjunction that lead into the next cue ("…, et a appelé")."""
    while chunk and (chunk[-1].is_punct and chunk[-1].text not in QUOTE_CLOSE + '"?!' or chunk[-1].lower_ in ("et", "and", "mais", "but", "while", "tout", "en", "tandis", "alors") or (chunk[-1].lower_ in ("que", "qu'") and len(chunk) > 1 and chunk[-2].lower_ in ("tandis", "alors"))):
        chunk = chunk[:-1]
    while chunk and chunk[0].is_punct and chunk[0].text not in QUOTE_OPEN + '"':
        chunk = chunk[1:]
    return chunk


def _shares_subject(t: Token, other: Token, lex: SentenceLexicon | None = None) -> bool:
    """A coordinated verb or a participle of `other` ("… and urged", ", stressing that"); with `lex`,
    also a gerund whose clause `other` heads, wherever the parser hung it ("tout en soulignant")."""
    if lex is not None and _gerund(t, lex) and _finite_governor(t) == other:
        return True
    node = t
    for _ in range(4):
        if node.i == other.i:
            return True
        if node.dep_ not in ("conj", "advcl", "xcomp", "acl") or node.head.i == node.i:
            return False
        if node.dep_ != "conj" and not _is_participle(node):
            return False
        node = node.head
    return False


def _is_content_clause(t: Token, infinitive: bool = False) -> bool:
    """An adverbial clause that carries what was said: "warned that…" parsed as advcl; with `infinitive`,
    the infinitive of a call ("appelé les pays à contribuer", "urged them to")."""
    marks = ("que", "qu'", "that", "whether", "if") + (("à", "de", "d'", "to", "for") if infinitive else ())  # ("called for X to …")
    return any(c.dep_ == "mark" and c.lower_ in marks for c in t.children)


def _content_start(doc: Doc, previous: list[Attribution], clause_start: int) -> int:
    """Where content closing at `clause_start` begins: after an earlier cue clause of the sentence."""
    start = 0
    for a in previous:
        last = max(a.predicate.tokens)
        if last < clause_start:
            start = max(start, last + 1)
            for lo, hi in a.pieces:
                if lo >= doc[last].idx:
                    end_tok = next((t.i for t in doc if t.idx >= hi), len(doc))
                    start = max(start, end_tok)
    return start


def _tail_after(doc: Doc, pred: Predicate, speaker: int | None, stop: int | None = None) -> tuple[int, int] | None:
    """A quotation after the cue clause ('"A," he said, "B."') belongs to the same claim; so does the
    rest of a sentence the cue interrupts ("A, she said, and B", "Ces mesures sont, a-t-il
    affirmé, une violation …")."""
    last = max([*pred.tokens, speaker if speaker is not None else -1])
    if speaker is not None:
        last = max(last, doc[speaker].right_edge.i)
    rest = [t for t in doc[last + 1 : stop if stop is not None else len(doc)]]
    comma = bool(rest) and rest[0].text == ","
    while rest and rest[0].text in ",;:":
        rest = rest[1:]
    if rest and (rest[0].text in QUOTE_OPEN or rest[0].text == '"'):
        return _span(rest)
    first = min(pred.tokens)
    clause = [t for t in doc[min(first, speaker if speaker is not None else first) : last + 1] if not t.is_punct]
    incise = comma and first > 0 and doc[min(first, speaker if speaker is not None else first) - 1].text == "," and len(clause) <= 4
    describes = bool(rest) and (rest[0].dep_ == "appos" or rest[0].head.dep_ == "appos" and rest[0].pos_ == "DET")  # "…, juge X, chercheuse à …"
    if incise and rest and not describes and rest[0].pos_ not in ("SCONJ", "ADP") and not _is_participle(rest[0]) and max(pred.tokens) not in quoted_tokens(doc):
        words = _strip_tail(rest)
        if sum(not t.is_punct for t in words) >= 3:
            return _span(words)
    # « A, a-t-il affirmé. B » : the incise sits inside the quotation, which goes on after it
    if max(pred.tokens) in quoted_tokens(doc):
        # past the end of the incise's own sentence ("…, a déclaré X lors d'un point de presse. B »")
        stop = next((k for k, t in enumerate(rest) if t.text in ".!?"), None)
        rest = rest[stop + 1 :] if stop is not None else rest
        if any(not t.is_punct for t in rest):
            return _span(rest)
    return None


def _clause_end(doc: Doc, pred: Predicate, speaker: int | None) -> int:
    """Last token of the cue and of its subject's phrase."""
    return max([*pred.tokens, doc[speaker].right_edge.i if speaker is not None else -1])


def _interrupts(doc: Doc, pred: Predicate, speaker: int | None, clause_start: int) -> bool:
    """Is the cue clause a short incise between two commas ("…, she said, …")?"""
    last = _clause_end(doc, pred, speaker)
    clause = [t for t in doc[clause_start : last + 1] if not t.is_punct]
    # (the subject may be a long title: "…, a estimé la représentante du Ghana, M. X, …", "…, the
    # representative of Norway argued, …")
    return 0 < clause_start and doc[clause_start - 1].text == "," and last + 1 < len(doc) and doc[last + 1].text == "," and (
        len(clause) <= 4 or _interposed(doc[pred.anchor]) and len(clause) <= 14
    )


def _inverted_incise(doc: Doc, pred: Predicate, subject: int, actor: int, lex: SentenceLexicon) -> bool:
    """Is "…, a déclaré le ministre, …" an incise whose actor speaks, rather than "X, titre, a regretté la
    décision, …" (the parser's subject a person, the noun after the cue its object)?"""
    def person_like(t: Token) -> bool:
        return t.pos_ == "PROPN" or fold(_lemma(t)) in lex.people
    return person_like(doc[actor]) and not person_like(doc[subject]) and _interrupts(doc, pred, actor, min(pred.tokens))


def _quotation_in(doc: Doc, pieces: list[tuple[int, int]]) -> bool:
    text = doc.text
    return any(any(ch in text[lo:hi] for ch in '«“"') for lo, hi in pieces)


def _colon_after(doc: Doc, index: int) -> bool:
    return index + 1 < len(doc) and doc[index + 1].text == ":"


def noun_phrase(doc: Doc, index: int, wide: bool = False) -> tuple[int, int]:
    """Character span of the phrase headed by token `index`, without relative clauses, appositions and
    punctuation; `wide` keeps appositions ("l'ambassadeur X, chef de la Mission …")."""
    drop = tuple(d for d in NP_DROP_DEPS if not (wide and d in ("appos", "punct", "dep")))
    head = doc[index]
    keep = [head]
    # (not the head's own preposition: "rejetée par le représentant de X, qui …")
    # (nor a verb the parser took for a modifier: "Le chercheur juge toutefois …")
    todo = [c for c in head.children if c.dep_ not in drop and not (c.dep_ == "case" and c.i < head.i) and not (c.dep_ == "amod" and c.pos_ == "VERB" and c.i > head.i)]
    while todo:
        t = todo.pop()
        keep.append(t)
        todo.extend(c for c in t.children if c.dep_ not in drop)
    keep.sort(key=lambda t: t.i)
    # only the contiguous run around the head
    run = [head]
    by_index = {t.i: t for t in keep}
    i = head.i - 1
    while i in by_index:
        run.insert(0, by_index[i])
        i -= 1
    i = head.i + 1
    # (up to a verb the tagger took for a noun of the phrase: "un diplomate occidental en poste à X juge pour sa part")
    while i in by_index and not (by_index[i].pos_ == "VERB" and not _is_participle_form(by_index[i]) and "Inf" not in by_index[i].morph.get("VerbForm")):
        run.append(by_index[i])
        i += 1
    return _span(run)


def short_phrase(doc: Doc, index: int) -> tuple[int, int]:
    """Character span of a noun with its determiner, numerals and adjectives only ("des diplomates",
    "Western diplomats", "un chercheur malien"): how a group or document speaker is named."""
    head = doc[index]
    keep = [head] + [c for c in head.children if c.dep_ in ("det", "amod", "nummod", "compound", "poss") and abs(c.i - head.i) <= 3 and not (c.pos_ == "VERB" and c.i > head.i)]
    keep += [g for c in keep if c.dep_ == "poss" for g in c.subtree]
    keep += [g for c in keep if c.dep_ == "compound" for g in c.subtree if g.dep_ in ("amod", "compound") and g.i < c.i]  # "Civil society groups"
    low, high = min(t.i for t in keep), max(t.i for t in keep)
    run = [t for t in doc[low : high + 1] if not t.is_punct]
    return _span(run or [head])
