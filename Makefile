# 建安招商台 — developer entry points. Everything a target needs is installed by the target.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo/jianan-demo.sqlite
FORMS  := $(wildcard forms/*.ui)
GENERATED_FORMS := $(patsubst forms/%.ui,jianan_desk/ui/forms/ui_%.py,$(FORMS))

.PHONY: help venv demo run test test-pg bench lint format forms screenshot clean dist dist-check

help:
	@echo "make demo    set up and start the app on a demo database ($(DEMO_DB))"
	@echo "make run     start the app on your real database"
	@echo "make test    set up and run the whole test suite (SQLite)"
	@echo "make test-pg the whole suite again on a throwaway PostgreSQL cluster"
	@echo "make bench   run the benchmarks (prints figures)"
	@echo "make lint    ruff check + ruff format --check"
	@echo "make forms   recompile forms/*.ui into jianan_desk/ui/forms/"
	@echo "make dist    build the one-folder app into $(DIST_DIR)/ (PyInstaller, build.spec)"
	@echo "make dist-check  build, then smoke-test the built app in a clean environment"

venv: $(STAMP)

# Re-install only when the project's dependency list changes: a second `make` is quick.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

forms: $(STAMP) $(GENERATED_FORMS)

jianan_desk/ui/forms/ui_%.py: forms/%.ui | $(STAMP)
	$(BIN)/python -m jianan_desk.ui.compile_forms $<

$(DEMO_DB): | $(STAMP)
	mkdir -p $(dir $(DEMO_DB))
	$(BIN)/jianan-desk --db $(DEMO_DB) demo-data

demo: $(STAMP) $(DEMO_DB)
	$(BIN)/jianan-desk --db $(DEMO_DB)

run: $(STAMP)
	$(BIN)/jianan-desk

test: $(STAMP)
	$(BIN)/python -m pytest

# Starts a throwaway PostgreSQL cluster (initdb in a temp dir, a free local port, run as
# `nobody` when we are root), runs the suite with JIANAN_TEST_DB pointing at it, stops it.
test-pg: $(STAMP)
	$(BIN)/python -m tests.pg.run

bench: $(STAMP)
	$(BIN)/python -m benchmarks

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

screenshot: $(STAMP) $(DEMO_DB)
	mkdir -p screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/jianan-desk --db $(DEMO_DB) --screenshot docs/screenshot-home.png --page 首页

# ---------------------------------------------------------------- packaging (build.spec)
# PyInstaller comes from the optional `dist` extra, installed here only (not by `make test`).
DIST_STAMP := $(VENV)/.installed-dist
DIST_DIR   := dist/jianan-desk

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

# Always a fresh build (~1.5 min): the spec collects whatever resources/ and db/ hold now.
dist: $(DIST_STAMP)
	rm -rf $(DIST_DIR)
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller build.spec || exit 1; \
	echo "dist: built $(DIST_DIR) in $$(( $$(date +%s) - start )) s, $$(du -sh $(DIST_DIR) | cut -f1)"

# Runs the BUILT programs with an empty environment and HOME (see packaging/dist_check.py).
dist-check: dist
	$(BIN)/python packaging/dist_check.py $(DIST_DIR)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
