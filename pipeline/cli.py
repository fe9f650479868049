"""Command line: `python -m pipeline run` (the whole chain) and one command per stage (what dvc.yaml calls).

Every path is an argument: dvc.yaml is the one place the project's paths live. Every command
checks the whole params file, and that the models it names are installed, before any stage
writes anything; a problem the user can fix is one line on stderr and exit status 1.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import cast

import typer
import yaml
from pydantic import ValidationError

from pipeline import __version__, claims, clean, engine, evaluate, lexicons, ner, resolve
from pipeline.config import MODELS_DIR, StageParams, check_languages, read_params, validate_params, validation_problem, yaml_problem

log = logging.getLogger(__name__)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="French and English diplomacy and security news → typed Parquet tables.",
)

ParamsOpt = typer.Option(
    None, "--params", help="Parameters file [default: params.yaml if there is one, else every stage's defaults].", show_default=False
)
ModelsOpt = typer.Option(MODELS_DIR, "--models", help="Folder of lexicons and patterns.")
# What a user can fix: a path, a params file, tables of another run, a missing model. Anything
# else is a bug and keeps its traceback.
USER_ERRORS = (OSError, ValueError, RuntimeError, yaml.YAMLError)
SECTIONS: dict[str, type[StageParams]] = {
    "clean": clean.CleanParams,
    "ner": ner.NerParams,
    "resolve": resolve.ResolveParams,
    "claims": claims.ClaimsParams,
    "evaluate": evaluate.EvaluateParams,
    "engine": engine.EngineParams,
}


class Backend(str, Enum):
    spacy = "spacy"
    stanza = "stanza"


BackendOpt = typer.Option(None, "--backend", help="NER backend for every language, instead of ner.backend in the params.")
WorkersOpt = typer.Option(None, "--workers", "-w", min=1, help="Worker processes, instead of engine.workers in the params.", show_default=False)
EngineOpt = typer.Option(None, "--engine", help="local (this machine's processes) or dask, instead of engine.engine in the params.", show_default=False)
AddressOpt = typer.Option(None, "--address", help="Dask scheduler (tcp://host:8786) to run on (implies --engine dask).", show_default=False)


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


def with_engine(settings: dict[str, StageParams], workers: int | None, engine_name: EngineName | None, address: str | None) -> engine.EngineParams:
    """The engine params, with the command line's choices (if given) over the params file's."""
    update: dict[str, object] = {}
    if workers is not None:
        update["workers"] = workers
    if engine_name is not None:
        update["engine"] = engine_name.value
    if address:
        update["address"], update["engine"] = address, "dask"
    return cast(engine.EngineParams, settings["engine"]).model_copy(update=update)


@contextmanager
def _engine(params: engine.EngineParams) -> Iterator[engine.Engine]:
    """The engine the params choose, closed at the end (a Dask cluster that fails to start is a user error)."""
    runner = engine.open_engine(params)
    try:
        yield runner
    finally:
        runner.close()


def with_backend(params: ner.NerParams, backend: Backend | None) -> ner.NerParams:
    """The ner params, with `backend` (if given) for every language."""
    if backend is None:
        return params
    languages = {*params.backend, *lexicons.LANGUAGES}
    return params.model_copy(update={"backend": {lang: backend.value for lang in sorted(languages)}})


def load_settings(params: Path | None, backend: Backend | None = None) -> dict[str, StageParams]:
    """The whole params file, checked (every section, every configured model) → params per stage."""
    path, data = read_params(params)
    log.info("params: %s", path if path.is_file() else f"none ({path} not found): every stage's defaults")
    stages = validate_params(path, data, SECTIONS)
    stages["ner"] = with_backend(cast(ner.NerParams, stages["ner"]), backend)
    check_languages(path, stages, lexicons.LANGUAGES)
    return stages


def _output_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path}: --output should be a folder, and this is a file")


def _output_file(path: Path) -> None:
    if path.is_dir():
        raise IsADirectoryError(f"{path}: --output should be a file, and this is a folder")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise NotADirectoryError(f"{parent}: is a file, so {path} cannot be written")
            break


def one_line(exc: BaseException) -> str:
    """A user error as one line: the file and the key when the exception knows them."""
    if isinstance(exc, ValidationError):
        key, message = validation_problem(exc)
        return f"{exc.title}: {key}: {message}"
    if isinstance(exc, yaml.YAMLError):
        mark = getattr(exc, "problem_mark", None)
        return f"{mark.name}: {yaml_problem(exc)}" if mark is not None else yaml_problem(exc)
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(":")


@contextmanager
def _user_errors() -> Iterator[None]:
    """A problem the user can fix (missing folder, bad params, missing model...) → one line on stderr, exit 1."""
    try:
        yield
    except USER_ERRORS as exc:
        typer.echo(f"error: {one_line(exc)}", err=True)
        raise typer.Exit(code=1) from exc


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"diplonews {__version__}")
        raise typer.Exit()


@app.callback()
def _setup(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log details: the params file used, each stage's time."),
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


@contextmanager
def _timed(stage: str) -> Iterator[None]:
    """Log how long `stage` took (shown with -v)."""
    start = time.perf_counter()
    yield
    log.info("%s: %.2f s", stage, time.perf_counter() - start)


def clean_report(summary: clean.CleanSummary, output: Path) -> str:
    """The clean stage's summary line, rejects counted by reason."""
    reasons = ", ".join(f"{n} {reason}" for reason, n in summary.reasons.items())
    rejects = f"{summary.rejects} reject{'' if summary.rejects == 1 else 's'}" + (f" ({reasons})" if reasons else "")
    return f"clean: {summary.documents} documents, {rejects} → {output}"


# --- the stages, on checked settings ----------------------------------------------------------


def _clean(input: Path, output: Path, settings: dict[str, StageParams], models: Path, runner: engine.Engine) -> None:
    with _timed("clean"):
        summary = clean.main(input, output, cast(clean.CleanParams, settings["clean"]), models, cast(engine.EngineParams, settings["engine"]), runner)
    typer.echo(clean_report(summary, output), err=True)


def _ner(documents: Path, output: Path, settings: dict[str, StageParams], models: Path, runner: engine.Engine, chain: bool = False) -> None:
    with _timed("ner"):
        # In the whole chain the claims stage follows in the same processes: one load of each spaCy package for both.
        summary = ner.main(documents, output, cast(ner.NerParams, settings["ner"]), models, runner, whole_packages=chain)
    typer.echo(f"ner: {summary.mentions} mentions in {summary.documents} documents → {output}", err=True)


def _resolve(documents: Path, mentions: Path, output: Path, settings: dict[str, StageParams], models: Path, runner: engine.Engine) -> None:
    with _timed("resolve"):
        summary = resolve.main(
            documents, mentions, output / "mentions.parquet", output / "entities.parquet",
            cast(resolve.ResolveParams, settings["resolve"]), models, runner,
        )
    typer.echo(f"resolve: {summary.entities} entities from {summary.mentions} mentions → {output}", err=True)


def _claims(
    documents: Path, mentions: Path, entities: Path, output: Path, settings: dict[str, StageParams], models: Path, runner: engine.Engine
) -> None:
    with _timed("claims"):
        summary = claims.main(documents, mentions, entities, output, cast(claims.ClaimsParams, settings["claims"]), models, runner)
    typer.echo(f"claims: {summary.claims} claims in {summary.documents} documents → {output}", err=True)


# --- commands ---------------------------------------------------------------------------------


@app.command("clean")
def clean_cmd(
    input: Path = typer.Option(..., "--input", "-i", help="Folder of .txt articles (read recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder documents.parquet and rejects.parquet go to."),
    params: Path | None = ParamsOpt,
    models: Path = ModelsOpt,
    workers: int | None = WorkersOpt,
    engine_name: EngineName | None = EngineOpt,
    address: str | None = AddressOpt,
) -> None:
    """Decode, normalise and strip boilerplate: → documents.parquet, rejects.parquet."""
    with _user_errors():
        settings = load_settings(params)
        _output_folder(output)
        with _engine(with_engine(settings, workers, engine_name, address)) as runner:
            _clean(input, output, settings, models, runner)


@app.command("ner")
def ner_cmd(
    documents: Path = typer.Option(..., "--documents", help="documents.parquet from the clean stage."),
    output: Path = typer.Option(..., "--output", "-o", help="Mentions file to write (entity ids not set yet)."),
    params: Path | None = ParamsOpt,
    models: Path = ModelsOpt,
    backend: Backend | None = BackendOpt,
    workers: int | None = WorkersOpt,
    engine_name: EngineName | None = EngineOpt,
    address: str | None = AddressOpt,
) -> None:
    """Entity mentions: statistical NER corrected by lexicons and title rules."""
    with _user_errors():
        settings = load_settings(params, backend)
        _output_file(output)
        with _engine(with_engine(settings, workers, engine_name, address)) as runner:
            _ner(documents, output, settings, models, runner)


@app.command("resolve")
def resolve_cmd(
    documents: Path = typer.Option(..., "--documents", help="documents.parquet from the clean stage."),
    mentions: Path = typer.Option(..., "--mentions", help="Mentions from the ner stage."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder mentions.parquet and entities.parquet go to."),
    params: Path | None = ParamsOpt,
    models: Path = ModelsOpt,
    workers: int | None = WorkersOpt,
    engine_name: EngineName | None = EngineOpt,
    address: str | None = AddressOpt,
) -> None:
    """One identity per entity across documents and languages: → mentions.parquet, entities.parquet."""
    with _user_errors():
        settings = load_settings(params)
        _output_folder(output)
        with _engine(with_engine(settings, workers, engine_name, address)) as runner:
            _resolve(documents, mentions, output, settings, models, runner)


@app.command("run")
def run_cmd(
    input: Path = typer.Option(..., "--input", "-i", help="Folder of .txt articles (read recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder the Parquet tables are written to."),
    params: Path | None = ParamsOpt,
    models: Path = ModelsOpt,
    backend: Backend | None = BackendOpt,
    workers: int | None = WorkersOpt,
    engine_name: EngineName | None = EngineOpt,
    address: str | None = AddressOpt,
) -> None:
    """The whole chain on a folder of .txt files, without DVC. A re-run on the same folder
    processes only the documents (shards) that changed."""
    with _user_errors():
        settings = load_settings(params, backend)
        _output_folder(output)
        documents = output / "documents.parquet"
        with _engine(with_engine(settings, workers, engine_name, address)) as runner:
            _clean(input, output, settings, models, runner)
            _ner(documents, output / "ner_mentions.parquet", settings, models, runner, chain=True)
            _resolve(documents, output / "ner_mentions.parquet", output, settings, models, runner)
            _claims(documents, output / "mentions.parquet", output / "entities.parquet", output / "claims.parquet", settings, models, runner)


@app.command("evaluate")
def evaluate_cmd(
    outputs: Path = typer.Option(..., "--outputs", help="Folder holding documents, mentions and entities tables."),
    gold: Path = typer.Option(..., "--gold", help="Folder of gold annotations (*.yaml)."),
    metrics: Path = typer.Option(..., "--metrics", help="Headline metrics JSON to write (dvc metrics show)."),
    details: Path = typer.Option(..., "--details", help="Per-document misses and extras (JSON)."),
    breakdown: Path | None = typer.Option(None, "--breakdown", help="Every figure: per set, style, language, speaker kind (JSON)."),
    plots: Path | None = typer.Option(None, "--plots", help="Folder of the plot files (CSV, dvc plots show)."),
    params: Path | None = ParamsOpt,
) -> None:
    """Precision, recall and F1 against gold annotations → metrics files (and plot files)."""
    with _user_errors():
        settings = load_settings(params)
        for path in (metrics, details, breakdown):
            if path is not None:
                _output_file(path)
        if plots is not None:
            _output_folder(plots)
        with _timed("evaluate"):
            result = evaluate.main(
                outputs, gold, metrics, details, cast(evaluate.EvaluateParams, settings["evaluate"]), breakdown_path=breakdown, plots_dir=plots
            )
        typer.echo(f"evaluate: {result['documents']} gold documents → {metrics}", err=True)


@app.command("claims")
def claims_cmd(
    documents: Path = typer.Option(..., "--documents", help="documents.parquet from the clean stage."),
    mentions: Path = typer.Option(..., "--mentions", help="mentions.parquet from the resolve stage."),
    entities: Path = typer.Option(..., "--entities", help="entities.parquet from the resolve stage."),
    output: Path = typer.Option(..., "--output", "-o", help="claims.parquet to write."),
    params: Path | None = ParamsOpt,
    models: Path = ModelsOpt,
    workers: int | None = WorkersOpt,
    engine_name: EngineName | None = EngineOpt,
    address: str | None = AddressOpt,
) -> None:
    """Who said what: attributed policy positions with stance and topics → claims.parquet."""
    with _user_errors():
        settings = load_settings(params)
        _output_file(output)
        with _engine(with_engine(settings, workers, engine_name, address)) as runner:
            _claims(documents, mentions, entities, output, settings, models, runner)
