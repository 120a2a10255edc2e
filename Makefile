# The README's two commands: `make run` (build the shipped corpus) and `make test`.
# Both set up everything on a fresh machine: a virtual environment with all Python deps, and
# (for the browser tests) Debian's chromium and a Chinese font.

VENV   ?= .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: setup browser run test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# Headless Chromium and a CJK font for the render and web-page tests (Debian packages).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then \
		echo "installing chromium and fonts-wqy-zenhei"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; \
	fi

run: setup
	$(KG) build raw_texts --out build

test: setup browser
	$(PY) -m ruff check kg tests benchmarks
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/bench_build.py

clean:
	rm -rf build .pytest_cache .ruff_cache
