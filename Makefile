# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test install clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH (or run: make PYTHON=python3 ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $(STAMP)

# The test tools (pytest, Playwright, scikit-learn, psycopg) only where the tests run.
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $(TEST_STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/newsledger ingest --db demo.db --sample
	@echo
	$(BIN)/newsledger stories --db demo.db
	@$(BIN)/newsledger brief --db demo.db --format html > demo-brief.html
	@$(BIN)/newsledger brief --db demo.db --format md > demo-brief.md
	@echo
	@echo "The briefs of these stories: demo-brief.html (open it in a browser), demo-brief.md ($$(wc -l < demo-brief.md) lines)."
	@echo "One story in the terminal: $(BIN)/newsledger brief STORY --db demo.db   (STORY: an id above, or its first letters)"
	@echo "The commands live in $(BIN); to type just 'newsledger': source $(BIN)/activate"

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) demo.db demo-brief.html demo-brief.md
