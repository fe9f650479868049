"""Topic assignment on plain text (pipeline/topics.py): the most specific topics with evidence."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline import topics
from pipeline.config import load_lexicon


def assign(text: str, lang: str) -> list[str]:
    return topics.assign(text, topics.load(lang))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "the allies must raise defence spending to two per cent of GDP", ["defence_spending", "alliances"]),
        ("fr", "les Européens doivent porter leurs dépenses militaires à 3 % du PIB", ["defence_spending"]),
        ("en", "both parties should respect the ceasefire and return to the negotiating table", ["ceasefire", "diplomacy"]),
        ("fr", "le cessez-le-feu doit être respecté par toutes les parties", ["ceasefire"]),
        ("en", "coast guard vessels harassed fishermen near the disputed reef", ["maritime_security"]),
        ("fr", "la liberté de navigation en mer de Chine méridionale doit être garantie", ["maritime_security"]),
        ("en", "new sanctions against the regime would only hurt ordinary people", ["sanctions"]),
        ("fr", "Paris appelle à lever l'embargo et les sanctions", ["sanctions"]),
        ("en", "Iran must not enrich uranium beyond the agreed level", ["nuclear"]),
        ("fr", "le programme nucléaire iranien inquiète l'AIEA", ["nuclear"]),
        ("en", "attacks on hospitals and schools violate international humanitarian law", ["humanitarian_law"]),
        ("fr", "la lutte contre le terrorisme et l'extrémisme violent", ["terrorism"]),
        ("en", "the junta must restore constitutional order and hold elections", ["elections"]),
        ("fr", "des millions de réfugiés et de personnes déplacées ont besoin d'aide humanitaire", ["migration", "humanitarian_aid"]),
        ("en", "ransomware groups targeted critical infrastructure", ["cybercrime", "critical_infrastructure"]),
        ("fr", "les droits de l'homme et la liberté de la presse sont menacés", ["human_rights"]),
        ("en", "tariffs on steel imports break WTO rules", ["trade"]),
        ("fr", "le changement climatique menace les petits États insulaires", ["climate_environment"]),
    ],
)
def test_topics_of_ordinary_diplomacy(lang: str, text: str, expected: list[str]) -> None:
    assert assign(text, lang) == expected


def test_a_child_beats_its_parent() -> None:
    # "peace" (top level) and "peace agreement" (a leaf under armed conflict): only the leaf
    assert assign("the peace agreement must bring lasting peace", "en") == ["peace_process"]
    # "cyberspace" (cyber) and "cybersecurity" (its child): only the child
    assert assign("la cybersécurité du cyberespace", "fr") == ["cybersecurity"]


def test_longest_term_wins_and_names_are_no_evidence() -> None:
    assert assign("respect for international humanitarian law", "en") == ["humanitarian_law"]
    assert assign("the Democratic Republic of the Congo welcomed the visit", "en") == []
    assert assign("la Communauté économique des États de l'Afrique de l'Ouest a tenu sa réunion", "fr") == []


def test_whole_word_terms_do_not_match_inside_words() -> None:
    assert assign("the warning was important", "en") == []
    assert "armed_conflict" in assign("the war must end", "en")


def test_at_most_three_ranked_by_evidence() -> None:
    text = "sanctions, an embargo and asset freezes, together with tariffs, a ceasefire and refugees and elections"
    found = assign(text, "en")
    assert len(found) == 3 and found[0] == "sanctions"


def test_unrelated_statements_stay_empty() -> None:
    assert assign("the minister said he was pleased with the visit", "en") == []
    assert assign("le ministre a salué l'accueil chaleureux de ses hôtes", "fr") == []
    # the old taxonomy tagged an attack on hospitals as digital transformation
    assert "digital_transformation" not in assign(
        "malicious use of information and communications technology to attack hospitals", "en"
    )


def test_taxonomy_is_well_formed() -> None:
    data = load_lexicon("topics")
    keys = [t["key"] for t in data["topic"]]
    assert len(keys) == len(set(keys))
    for topic in data["topic"]:
        assert topic.get("parent") in (None, *keys) and topic["definition"] and topic["fr"] and topic["en"]
    for lang in ("fr", "en"):
        terms = Counter(t.lower().rstrip("$") for topic in data["topic"] for t in topic[lang])
        assert [t for t, n in terms.items() if n > 1] == [], lang
    top = [k for t, k in zip(data["topic"], keys) if not t.get("parent")]
    assert len(top) == 10
