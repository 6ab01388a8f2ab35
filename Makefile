# News Archive: the two commands of the Quick start are `make site` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican
# The address the site will be published at, for feeds: `make site SITEURL=https://example.org/archive`
SITEURL ?=
SERVE_URL ?= http://localhost:8000

.PHONY: site test serve lint bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-site: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[search]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[search,test,scale]'
	touch $@

## Build the bundled sample archive into output/ (installs into .venv on first use).
site: $(VENV)/.installed-site
	SITEURL='$(SITEURL)' $(PELICAN) content

## Install what the tests need (headless Chromium too, where we may) and run the test suite.
test: $(VENV)/.installed-test
	bash scripts/install-browser.sh
	$(PY) -m pytest -q

## Browse the built site at http://localhost:8000/
serve: site
	SITEURL='$(or $(SITEURL),$(SERVE_URL))' $(PELICAN) --listen --autoreload content -s pelican.conf.py

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check plugins tests bench

bench: $(VENV)/.installed-test
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/harness.py --sizes 1000,5000

clean:
	rm -rf output cache content/posts/*.md.tmp
