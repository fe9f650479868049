"""Command line: `python -m pipeline run` (the whole chain) and one command per stage (what dvc.yaml calls).

Every path is an argument: dvc.yaml is the one place the project's paths live.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from pipeline import clean
from pipeline.config import MODELS_DIR, load_params

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="French and English diplomacy and security news → typed Parquet tables.",
)

InputOpt = typer.Option(..., "--input", "-i", help="Folder of .txt articles (read recursively).")
OutputOpt = typer.Option(..., "--output", "-o", help="Folder the Parquet tables are written to.")
ParamsOpt = typer.Option(
    Path("params.yaml"), "--params", help="Parameters file; stage defaults are used if it does not exist."
)
ModelsOpt = typer.Option(MODELS_DIR, "--models", help="Folder of lexicons and patterns.")


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


@app.callback()
def _setup(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


@app.command("clean")
def clean_cmd(
    input: Path = InputOpt, output: Path = OutputOpt, params: Path = ParamsOpt, models: Path = ModelsOpt
) -> None:
    """Decode, normalise and strip boilerplate: → documents.parquet, rejects.parquet."""
    try:
        summary = clean.main(input, output, load_params(params, "clean", clean.CleanParams), models)
    except (FileNotFoundError, NotADirectoryError, PermissionError, ValueError) as exc:
        _fail(str(exc))
    else:
        typer.echo(f"clean: {summary.documents} documents, {summary.rejects} rejects → {output}", err=True)


@app.command("run")
def run_cmd(
    input: Path = InputOpt, output: Path = OutputOpt, params: Path = ParamsOpt, models: Path = ModelsOpt
) -> None:
    """The whole chain on a folder of .txt files, without DVC."""
    clean_cmd(input=input, output=output, params=params, models=models)
