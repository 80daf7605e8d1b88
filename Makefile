# ecad: the README names these targets. Swift builds go through one lock so two never run at once on a small machine.
SWIFT ?= flock /tmp/swift-build.lock swift
VENV = $(shell bash scripts/setup.sh)

.PHONY: demo test setup build release test-swift test-python test-api check-systemd bench clean screenshots

## demo: install what is missing, build, start ecadd, run the quick search on the embedded model, report, stop.
demo: setup release
	bash scripts/demo.sh

## test: every test (Swift unit and integration tests, Python parity and worker tests, the API against
## docs/openapi.yaml, systemd unit checks).
test: setup build test-swift test-python test-api check-systemd

setup:
	@bash scripts/setup.sh >/dev/null

build:
	$(SWIFT) build --build-tests

release:
	$(SWIFT) build -c release

test-swift:
	$(SWIFT) test --skip-build

# One pytest run per folder: each folder has its own conftest.py.
PYTEST = ECAD_WORKER_BIN=$(CURDIR)/.build/debug/ecad-worker ECAD_BIN=$(CURDIR)/.build/debug/ecad \
	$(VENV)/bin/python -m pytest -q -p no:cacheprovider

test-python:
	$(PYTEST) tests/python
	$(PYTEST) workers/diffusers/tests
	$(PYTEST) training/tests
	$(PYTEST) tests/slurm
	$(PYTEST) tests/ui

## screenshots: rewrite docs/dashboard-*.png from the dashboard in headless Chromium (as root; docs/dashboard.md).
screenshots: setup build
	$(VENV)/bin/python tests/ui/screenshots.py

## test-api: schemathesis against docs/openapi.yaml and a real ecadd (fake worker) through a loopback bridge to
## its socket; seed and bounds in tests/api/schemathesis.toml, about 4 minutes.
test-api: setup
	ECAD_BIN_DIR=$(CURDIR)/.build/debug $(VENV)/bin/python tests/api/run_schemathesis.py

check-systemd:
	bash scripts/check-systemd.sh

bench: release
	bash Benchmarks/run.sh

clean:
	rm -rf .build
