"""The `diplonews` console script: the same commands as `python -m pipeline`."""

from pipeline.cli import app


def main() -> None:
    """Run the command line (arguments from sys.argv)."""
    app(prog_name="diplonews")
