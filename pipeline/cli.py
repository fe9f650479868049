"""Command line: `python -m pipeline run` (the whole chain) and one command per stage (what dvc.yaml calls).

Every path is an argument: dvc.yaml is the one place the project's paths live.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import typer

from pipeline import claims, clean, evaluate, lexicons, ner, resolve
from pipeline.config import MODELS_DIR, load_params

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="French and English diplomacy and security news → typed Parquet tables.",
)

ParamsOpt = typer.Option(Path("params.yaml"), "--params", help="Parameters file; stage defaults are used if it does not exist.")
ModelsOpt = typer.Option(MODELS_DIR, "--models", help="Folder of lexicons and patterns.")
USER_ERRORS = (FileNotFoundError, NotADirectoryError, PermissionError, ValueError, RuntimeError)


class Backend(str, Enum):
    spacy = "spacy"
    stanza = "stanza"


BackendOpt = typer.Option(None, "--backend", help="NER backend for every language, instead of ner.backend in the params.")


def _ner_params(params: Path, backend: Backend | None) -> ner.NerParams:
    """The ner params, with `backend` (if given) for every language."""
    loaded = load_params(params, "ner", ner.NerParams)
    if backend is None:
        return loaded
    languages = {*loaded.backend, *lexicons.LANGUAGES}
    return loaded.model_copy(update={"backend": {lang: backend.value for lang in sorted(languages)}})


@contextmanager
def _user_errors() -> Iterator[None]:
    """A problem the user can fix (missing folder, missing model...) → one line on stderr, exit 1."""
    try:
        yield
    except USER_ERRORS as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc


@app.callback()
def _setup(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


@app.command("clean")
def clean_cmd(
    input: Path = typer.Option(..., "--input", "-i", help="Folder of .txt articles (read recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder documents.parquet and rejects.parquet go to."),
    params: Path = ParamsOpt,
    models: Path = ModelsOpt,
) -> None:
    """Decode, normalise and strip boilerplate: → documents.parquet, rejects.parquet."""
    with _user_errors():
        summary = clean.main(input, output, load_params(params, "clean", clean.CleanParams), models)
        typer.echo(f"clean: {summary.documents} documents, {summary.rejects} rejects → {output}", err=True)


@app.command("ner")
def ner_cmd(
    documents: Path = typer.Option(..., "--documents", help="documents.parquet from the clean stage."),
    output: Path = typer.Option(..., "--output", "-o", help="Mentions file to write (entity ids not set yet)."),
    params: Path = ParamsOpt,
    models: Path = ModelsOpt,
    backend: Backend | None = BackendOpt,
) -> None:
    """Entity mentions: statistical NER corrected by lexicons and title rules."""
    with _user_errors():
        summary = ner.main(documents, output, _ner_params(params, backend), models)
        typer.echo(f"ner: {summary.mentions} mentions in {summary.documents} documents → {output}", err=True)


@app.command("resolve")
def resolve_cmd(
    documents: Path = typer.Option(..., "--documents", help="documents.parquet from the clean stage."),
    mentions: Path = typer.Option(..., "--mentions", help="Mentions from the ner stage."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder mentions.parquet and entities.parquet go to."),
    params: Path = ParamsOpt,
    models: Path = ModelsOpt,
) -> None:
    """One identity per entity across documents and languages: → mentions.parquet, entities.parquet."""
    with _user_errors():
        summary = resolve.main(
            documents, mentions, output / "mentions.parquet", output / "entities.parquet",
            load_params(params, "resolve", resolve.ResolveParams), models,
        )
        typer.echo(f"resolve: {summary.entities} entities from {summary.mentions} mentions → {output}", err=True)


@app.command("run")
def run_cmd(
    input: Path = typer.Option(..., "--input", "-i", help="Folder of .txt articles (read recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder the Parquet tables are written to."),
    params: Path = ParamsOpt,
    models: Path = ModelsOpt,
    backend: Backend | None = BackendOpt,
) -> None:
    """The whole chain on a folder of .txt files, without DVC."""
    clean_cmd(input=input, output=output, params=params, models=models)
    documents = output / "documents.parquet"
    ner_cmd(documents=documents, output=output / "ner_mentions.parquet", params=params, models=models, backend=backend)
    resolve_cmd(documents=documents, mentions=output / "ner_mentions.parquet", output=output, params=params, models=models)
    claims_cmd(
        documents=documents, mentions=output / "mentions.parquet", entities=output / "entities.parquet",
        output=output / "claims.parquet", params=params, models=models,
    )


@app.command("evaluate")
def evaluate_cmd(
    outputs: Path = typer.Option(..., "--outputs", help="Folder holding documents, mentions and entities tables."),
    gold: Path = typer.Option(..., "--gold", help="Folder of gold annotations (*.yaml)."),
    metrics: Path = typer.Option(..., "--metrics", help="Metrics JSON to write (dvc metrics show)."),
    details: Path = typer.Option(..., "--details", help="Per-document misses and extras (JSON)."),
    params: Path = ParamsOpt,
) -> None:
    """Precision, recall and F1 against gold annotations → metrics file."""
    with _user_errors():
        result = evaluate.main(outputs, gold, metrics, details, load_params(params, "evaluate", evaluate.EvaluateParams))
        typer.echo(f"evaluate: {result['documents']} gold documents → {metrics}", err=True)


@app.command("claims")
def claims_cmd(
    documents: Path = typer.Option(..., "--documents", help="documents.parquet from the clean stage."),
    mentions: Path = typer.Option(..., "--mentions", help="mentions.parquet from the resolve stage."),
    entities: Path = typer.Option(..., "--entities", help="entities.parquet from the resolve stage."),
    output: Path = typer.Option(..., "--output", "-o", help="claims.parquet to write."),
    params: Path = ParamsOpt,
    models: Path = ModelsOpt,
) -> None:
    """Who said what: attributed policy positions with stance and topics → claims.parquet."""
    with _user_errors():
        summary = claims.main(documents, mentions, entities, output, load_params(params, "claims", claims.ClaimsParams), models)
        typer.echo(f"claims: {summary.claims} claims in {summary.documents} documents → {output}", err=True)
