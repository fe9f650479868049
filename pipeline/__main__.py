from pipeline.cli import app

# Guarded: worker processes started by spawn import this module again.
if __name__ == "__main__":
    app(prog_name="python -m pipeline")
