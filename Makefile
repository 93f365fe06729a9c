# Two commands: `make run` (install, build data from seeds/, serve on :8501) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data
PORT   ?= 8501
CORPUS ?= ../shared/corpora/news_unified.jsonl.gz
SHARED ?= ../shared
BENCH  ?= .bench

.PHONY: run test data bench bench-app eval lint format clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || \
		{ echo "Python 3.10 or newer is needed; set PYTHON=/path/to/python3.x"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

# Rebuilt when missing or older than the seeds or the pipeline code.
$(DATA)/manifest.json: $(VENV)/.installed $(wildcard seeds/*) $(shell find pipeline -name '*.py' -o -name '*.tsv' -o -name '*.txt')
	$(BIN)/obzor build seeds --out $(DATA)

data: $(DATA)/manifest.json

run: $(DATA)/manifest.json
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) -- --data $(DATA)

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# COPIES: bench/build.py also builds the corpus copied this many times (with distinct texts;
# about an hour per 100k articles on 2 cores); 0 skips it.
COPIES ?= 10

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/ingest.py --corpus $(CORPUS)
	$(BIN)/python bench/entities.py --corpus $(CORPUS) --full --save $(BENCH)
	$(BIN)/python bench/topics.py --data $(BENCH)
	$(BIN)/python bench/events.py --corpus $(CORPUS) --data $(BENCH)
	$(BIN)/python bench/speech_speed.py --corpus $(CORPUS)
	$(BIN)/python bench/build.py --corpus $(CORPUS) --work $(BENCH)/builds --copies $(COPIES)
	$(BIN)/python bench/replicate.py $(BENCH)/builds/full $(BENCH)/build-100k --articles 100000
	$(MAKE) bench-app DATA=$(BENCH)/build-100k

# The dashboard over an existing build (DATA=dir), not rebuilt: per page, a filter change's
# p50/p95 and the page opened in chromium; then SESSIONS researchers at once, VIEWS page views each.
CHANGES  ?= 20
SESSIONS ?= 8
VIEWS    ?= 8

bench-app: $(VENV)/.installed-dev
	$(BIN)/python bench/app_speed.py --data $(DATA) --changes $(CHANGES) \
		--sessions $(SESSIONS) --views $(VIEWS)

# The build whose quotes `make eval` counts without a speaker: DATA when given, else the full
# corpus build that `make bench` makes.
QUOTES_BUILD = $(if $(filter command line environment,$(origin DATA)),$(DATA),$(BENCH)/builds/full)

# Entities (factRuEval, BSNLP) and dates (Duckling, NEREL) against public gold data, beside
# bare natasha; factRuEval's whole files through `obzor build` (what ingestion keeps); dates and
# quotes on our own annotated samples of the corpus (tune and check halves; need the corpus);
# quotes against ADAQ; the share of a build's quotes without a speaker (QUOTES_BUILD).
eval: $(VENV)/.installed-dev
	$(BIN)/python bench/eval_entities.py --shared $(SHARED)
	$(BIN)/python bench/eval_ingest.py --shared $(SHARED)
	$(BIN)/python bench/eval_dates.py --shared $(SHARED)
	@if [ -f $(CORPUS) ]; then $(BIN)/python bench/eval_dates_own.py --corpus $(CORPUS); \
		else echo "No corpus at $(CORPUS): own date sample skipped"; fi
	$(BIN)/python bench/eval_quotes.py --shared $(SHARED)
	@if [ -f $(CORPUS) ]; then $(BIN)/python bench/eval_quotes_own.py --corpus $(CORPUS); \
		else echo "No corpus at $(CORPUS): own quotes sample skipped."; fi
	$(BIN)/python bench/audit_quotes.py coverage --data $(QUOTES_BUILD)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) $(DATA) $(BENCH) .obzor-cache .pytest_cache .ruff_cache *.egg-info
