# Steward: the two commands of the README.
#   make run    installs what is missing, builds the server and the web app, creates a SQLite
#               database with the demo company if there is none, serves http://127.0.0.1:8080
#   make test   installs what is missing, builds, and runs every test
#   make bench  builds in release mode and measures Steward against baselines (bench/run.sh)
BUILD ?= build
TYPE ?= RelWithDebInfo
DB ?= sqlite:data/steward.db
PORT ?= 8080
JOBS ?= $(shell nproc)

.PHONY: run test bench deps test-deps build web clean

run: deps build web
	@[ -f data/steward.db ] || ./$(BUILD)/steward demo --db $(DB) --data-dir data
	./$(BUILD)/steward serve --db $(DB) --data-dir data --port $(PORT) --web-root web/dist

test: test-deps build web
	BUILD=$(BUILD) scripts/run-tests.sh

bench:
	bench/run.sh $(if $(ORDERS),--orders $(ORDERS))

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

build:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(TYPE) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

web:
	@cd web && npm run build --silent

clean:
	rm -rf $(BUILD) web/dist
