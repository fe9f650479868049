"""The country lexicon: generated part + hand-kept part, merged without ambiguity."""

from __future__ import annotations

from collections import defaultdict

import pytest

from pipeline import lexicons
from pipeline.config import load_lexicon


def test_merge_hand_kept_names_win_forms_add_and_exclusions_drop() -> None:
    generated = {"VNM": {"name_en": "Vietnam", "name_fr": "Viêt Nam", "en": ["Vietnam", "Viet Nam"], "fr": ["Viêt Nam"]},
                 "MUS": {"name_en": "Mauritius", "name_fr": "Maurice", "en": ["Mauritius"], "fr": ["Maurice"]}}
    extra = {"VNM": {"name_fr": "Vietnam", "fr": ["Vietnam", "Viêt Nam"], "fr_adj": ["vietnamien"], "capital_fr": "Hanoï"},
             "MUS": {"exclude_fr": ["Maurice"], "fr": ["île Maurice"]}}
    merged = lexicons.merge_countries(generated, extra)
    assert merged["VNM"]["name_fr"] == "Vietnam" and merged["VNM"]["name_en"] == "Vietnam"
    assert merged["VNM"]["fr"] == ["Viêt Nam", "Vietnam"] and merged["VNM"]["fr_adj"] == ["vietnamien"]
    assert merged["VNM"]["capital_fr"] == "Hanoï"
    assert merged["MUS"]["fr"] == ["île Maurice"]


def test_no_form_denotes_two_countries() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for code, entry in lexicons.load_countries().items():
        for key in ("en", "fr", "en_adj", "fr_adj"):
            for form in entry.get(key, []):
                owners[form].add(code)
    assert {form: codes for form, codes in owners.items() if len(codes) > 1} == {}


@pytest.mark.parametrize(
    ("form", "code"),
    [("US", "USA"), ("UK", "GBR"), ("Viet Nam", "VNM"), ("Việt Nam", "VNM"), ("États-Unis", "USA"), ("Etats-Unis", "USA"),
     ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("RD Congo", "COD"), ("Congo", "COG"), ("Corée du Sud", "KOR"), ("Kosovo", "XKX")],
)
def test_generated_and_hand_kept_forms_are_both_loaded(form: str, code: str) -> None:
    assert lexicons.load("fr").country_names[form] == code and lexicons.load("en").country_names[form] == code


def test_first_names_stay_out() -> None:
    assert "Maurice" not in lexicons.load("fr").country_names and "Dominique" not in lexicons.load("fr").country_names


def test_generated_file_is_up_to_date() -> None:
    pytest.importorskip("babel")
    from tools import build_countries

    assert build_countries.main(["--check"]) == 0


def test_every_country_of_the_scope_is_generated() -> None:
    assert set(load_lexicon("countries")) == set(load_lexicon("countries_extra"))
