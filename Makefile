# exo-ontology: one Makefile that sets up, builds, tests and benchmarks the release.
# `make` = set up a virtual environment, install the package, build the release into build/.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
EXO    := $(VENV)/bin/exo
# owlready2 0.49's C extension does not compile with Cython >= 3.1 (see shared TOOLING.md)
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt

.DEFAULT_GOAL := all
.PHONY: all help setup system-deps build validate test check-reference conformance lint bench bench-queries bench-serve bench-scale lexicon clean

all: build ## Set up (if needed) and build the release into build/

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

# Debian packages: Java (HermiT, Jena), raptor (rapper), Jena (riot), Virtuoso and Graphviz (docs drawings) for
# the build and the store tests, Chromium for the docs screenshots. Installed only where a command is missing.
DEBIAN_PACKAGES := default-jre-headless raptor2-utils libapache-jena-java virtuoso-opensource graphviz chromium fonts-dejavu-core
system-deps: ## Install the Debian packages the build and the tests use, where missing
	@./.ci/system-deps $(DEBIAN_PACKAGES)

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

setup: system-deps $(VENV)/.installed ## Create the virtual environment and install everything

build: setup ## Build, validate and release into build/ (previous release kept if anything fails)
	$(EXO) build

validate: setup ## Validate the current release (SHACL, QC queries, HermiT)
	$(EXO) validate build/exoc.ttl

test: setup ## Run the test suite
	$(VENV)/bin/pytest

check-reference: setup ## Developers: check the lexicon and the tests' expected identifiers against ../shared/reference
	$(VENV)/bin/pytest -m reference

W3C_SUITE ?= ../shared/w3c/sparql11
conformance: setup ## Developers: the W3C SPARQL 1.1 query tests through `exo query`; writes build/reports/conformance.md
	EXO_W3C_SUITE=$(W3C_SUITE) EXO_CONFORMANCE_REPORT=$(CURDIR)/build/reports/conformance.md $(VENV)/bin/pytest -m conformance

lint: setup ## ruff and mypy
	$(VENV)/bin/ruff check exo_ontology tests
	$(VENV)/bin/mypy exo_ontology

bench: setup ## Measure build, grounding and query speed, and the query engines; writes bench/results.md
	$(PY) bench/run.py
	$(PY) bench/queries.py
	$(MAKE) bench-serve

bench-queries: setup ## Named queries: exo query vs oxigraph, Jena, rdflib, on build/ and a generated 1M release
	$(PY) bench/queries.py

bench-serve: setup ## Load-test exo serve (32 clients, 30 s) over build/; writes bench/serve.md
	@test -f build/exoc.nt || $(EXO) build
	$(PY) bench/load.py

SCALE_SIZES ?= 1000,10000,100000
bench-scale: setup ## Build generated corpora of 1k, 10k and 100k abstracts (about 2 h; SCALE_SIZES=1000 to choose); writes bench/scale.md
	$(PY) bench/scale.py --sizes $(SCALE_SIZES)

lexicon: setup ## Developers: re-cut ontology/lexicon/ from ../shared/reference
	$(PY) -m exo_ontology.lexicon.cut --reference ../shared/reference --out ontology/lexicon

clean: ## Remove generated files
	rm -rf build build.staging build.failed build.cache .pytest_cache
