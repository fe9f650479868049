# Two commands for a new user: `make run` and `make test`. Both set up .venv first if needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# DVC and the stages must use the project's interpreter.
export PATH := $(CURDIR)/$(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: setup run test bench lock clean-outputs stanza-setup stanza-models stanza-lock

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/dvc repro

test: $(STAMP)
	$(BIN)/python -m pytest

# Speed and memory of the stages next to bare spaCy; then spaCy vs stanza (words/s and entity F1)
# on held-out NER data, when the stanza extra and models are installed (make stanza-models); then
# the chain on 10,000 articles: incremental re-run, 2 workers, Dask, memory (about half an hour).
bench: $(STAMP)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.ner_backends
	$(BIN)/python -m bench.scale

# Regenerate the hash-pinned lock after editing pyproject.toml dependencies: the package with its
# `dev` and `dvc` extras (make run needs dvc), every version exact and hash-pinned.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra dvc --generate-hashes --python-version 3.11 \
		--universal --no-header --index-url https://pypi.org/simple -o requirements.lock

clean-outputs:
	rm -rf outputs/*.parquet outputs/metrics.json

# --- stanza backend (optional): `make stanza-setup`, then `make stanza-models` -------------------
# The extra's packages are hash-pinned in requirements-stanza.lock, except torch: a plain pin,
# installed last so that its dependencies are already the locked ones. On this kind of machine
# torch==2.13.0 resolves to a local CPU build; elsewhere set TORCH to a CPU wheel to avoid a
# multi-GB GPU build.
STANZA_STAMP := $(VENV)/.stanza-installed
TORCH ?= torch==2.13.0
NER_DATA ?= data/ner
STANZA_MODELS ?= models/stanza

stanza-setup: $(STANZA_STAMP)

$(STANZA_STAMP): $(STAMP) requirements-stanza.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-stanza.lock
	$(BIN)/python -m pip install --quiet $(TORCH)
	$(BIN)/python -m pip check
	@touch $(STANZA_STAMP)

# Small French and English models trained here from $(NER_DATA) (a few minutes on 2 cores);
# DOWNLOAD=1 fetches stanza's official models into the same folder instead (needs network);
# FORCE=1 rebuilds models that are already complete.
stanza-models: $(STANZA_STAMP)
	$(BIN)/python -m tools.stanza_models --data $(NER_DATA) --output $(STANZA_MODELS) \
		$(if $(DOWNLOAD),--download) $(if $(FORCE),--force)

# Regenerate requirements-stanza.lock: the extra's packages not already in requirements.lock,
# without torch and its GPU-only dependencies (torch is pinned in the stanza-setup recipe).
stanza-lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra dvc --extra stanza -c requirements.lock --generate-hashes \
		--python-version 3.11 --universal --no-header --index-url https://pypi.org/simple -o $(VENV)/stanza-full.lock
	awk 'NR == FNR { if (/^[a-z]/) base[$$0] = 1; next } \
		/^[a-z]/ { skip = ($$0 in base) || ($$1 ~ /^(torch|triton|nvidia-|cuda-)/) } !skip' \
		requirements.lock $(VENV)/stanza-full.lock > requirements-stanza.lock
