# jixiao — two commands on a fresh machine:
#   make run    set up .venv, parse + score the bundled samples into out/
#   make test   set up .venv, run the whole test suite
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint app bench eval screenshots browser clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m indicators score data/samples --out out/indicators.csv --projects out/projects.csv

# Debian's chromium (+ CJK fonts) for the end-to-end test; Playwright drives it, no browser download.
browser:
	@command -v chromium >/dev/null 2>&1 || ($(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-noto-cjk)

test: $(STAMP) browser
	$(PY) -m pytest -q

app: $(STAMP)
	$(VENV)/bin/streamlit run app.py

bench: $(STAMP)
	$(PY) benchmarks/bench_parse.py

eval: $(STAMP)
	$(PY) evaluation/evaluate_boilerplate.py
	$(PY) evaluation/evaluate_targets.py
	$(PY) evaluation/evaluate_targets.py --labels tests/data/targets_heldout.tsv --show-errors

lint: $(STAMP)
	$(VENV)/bin/ruff check --select F,E9,B --ignore B905 --line-length 120 indicators nlp app.py app_pages tools evaluation benchmarks tests

screenshots: $(STAMP) browser
	$(PY) -m tools.app_driver

clean:
	rm -rf out .pytest_cache
