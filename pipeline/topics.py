"""Topics of a claim from the taxonomy of `models/topics.toml`: the most specific ones with evidence.

Terms are word-initial stems (a trailing "$" asks for a whole word); where terms start at the same
place the longest wins (a whole-word term that a word continues is then no match), and `[ignore]` forms are consumed without being evidence. A topic with
evidence beats every ancestor; the rest are ranked by evidence (their own and their ancestors'),
then depth, then taxonomy order, and at most `max_topics` are kept. Pure functions on text: no
parse is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.config import MODELS_DIR, load_lexicon
from pipeline.lexicons import trie_regex


@dataclass(frozen=True)
class Taxonomy:
    """The taxonomy compiled for one language."""

    pattern: re.Pattern[str]  # every term and ignored form, longest first at each position
    term_topic: dict[str, str]  # term as matched (without "$") → topic key; ignored forms → ""
    whole: frozenset[str]  # terms that match a whole word only
    parent: dict[str, str | None]
    order: dict[str, int]
    max_topics: int
    min_evidence: int

    def ancestors(self, key: str) -> list[str]:
        """The topic's parent, grandparent, ... up to its top-level branch."""
        out, current = [], self.parent.get(key)
        while current:
            out.append(current)
            current = self.parent.get(current)
        return out


def _alternation(terms: list[str]) -> str:
    """Terms → one regex, longest first at each position, whitespace-tolerant."""
    body = trie_regex(sorted(set(terms))).replace(r"\ ", r"\s+")
    # a term that starts with a letter must start a word; "% du pib" may follow a digit
    return rf"(?:(?<!\w)|(?<=\d)(?=%))(?:{body})"


def compile_taxonomy(data: dict, lang: str) -> Taxonomy:
    """The parsed `topics.toml` → the taxonomy of `lang`."""
    term_topic: dict[str, str] = {}
    parent: dict[str, str | None] = {}
    order: dict[str, int] = {}
    terms: list[str] = []
    whole: set[str] = set()
    for i, topic in enumerate(data["topic"]):
        parent[topic["key"]] = topic.get("parent") or None
        order[topic["key"]] = i
        for term in topic.get(lang, []):
            term_topic[term.lower().rstrip("$")] = topic["key"]
            if term.endswith("$"):
                whole.add(term.lower().rstrip("$"))
    for form in data.get("ignore", {}).get(lang, []):
        term_topic[form.lower()] = ""
    terms = list(term_topic)
    settings = data.get("settings", {})
    return Taxonomy(
        pattern=re.compile(_alternation(terms)),
        term_topic=term_topic,
        whole=frozenset(whole),
        parent=parent,
        order=order,
        max_topics=int(settings.get("max_topics", 3)),
        min_evidence=int(settings.get("min_evidence", 1)),
    )


@lru_cache(maxsize=None)
def load(lang: str, models_dir: Path = MODELS_DIR) -> Taxonomy:
    """The taxonomy of `models_dir/topics.toml` for `lang`."""
    return compile_taxonomy(load_lexicon("topics", models_dir), lang)


def evidence(content: str, taxonomy: Taxonomy) -> dict[str, set[str]]:
    """Content → the distinct terms found per topic key."""
    text = " ".join(content.lower().split())
    found: dict[str, set[str]] = {}
    for match in taxonomy.pattern.finditer(text):
        term = " ".join(match.group(0).split())
        if term in taxonomy.whole and text[match.end() : match.end() + 1].isalnum():
            continue  # "war$" in "warning"
        key = taxonomy.term_topic.get(term)
        if key:
            found.setdefault(key, set()).add(term)
    return found


def assign(content: str, taxonomy: Taxonomy) -> list[str]:
    """Content → its most specific topics (at most `max_topics`), best first."""
    found = {key: terms for key, terms in evidence(content, taxonomy).items() if len(terms) >= taxonomy.min_evidence}
    covered = {ancestor for key in found for ancestor in taxonomy.ancestors(key)}
    leaves = [key for key in found if key not in covered]

    def rank(key: str) -> tuple[int, int, int]:
        support = len(found[key]) + sum(len(found.get(a, ())) for a in taxonomy.ancestors(key))
        return (-support, -len(taxonomy.ancestors(key)), taxonomy.order[key])

    return sorted(leaves, key=rank)[: taxonomy.max_topics]
