# Developer entry points. A new user needs two: `make install` and `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
BUF     := node_modules/.bin/buf
EVAL    ?= ../shared/eval
PROTOS  := $(shell find protos -name '*.proto')

.PHONY: install generate lint typecheck test dev eval bench bench-extract bench-search bench-load clean

install: ## create .venv with the package, its extras and every test tool; install buf
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,local-stack,local-embed]'
	npm install --no-audit --no-fund --silent
	$(BUF) --version

generate: ## regenerate generated/ from protos/ (messages, gRPC stubs, .pyi type stubs)
	rm -rf generated/ats
	PATH="$(abspath $(BIN)):$$PATH" $(PY) -m grpc_tools.protoc -Iprotos \
		--python_out=generated --grpc_python_out=generated \
		--mypy_out=generated --mypy_grpc_out=generated $(PROTOS)
	find generated/ats -type d -exec touch {}/__init__.py \;

lint: ## buf lint + breaking-change check, ruff, mypy
	$(BUF) lint
	$(BIN)/ruff check resume_parser tests migrations bench
	$(BIN)/ruff format --check resume_parser tests migrations bench
	$(BIN)/mypy resume_parser

typecheck:
	$(BIN)/mypy resume_parser

test: ## the whole suite; it starts the embedded servers it needs
	$(BIN)/pytest -q

dev: ## the whole stack on this machine: PostgreSQL, Valkey, S3, gRPC server and a worker
	$(BIN)/resume-parser dev

eval: ## parse the dev corpus and score it
	rm -rf .eval-out && mkdir -p .eval-out
	$(BIN)/resume-parser parse --out .eval-out $$(ls $(EVAL)/dev/* | grep -v '\.json$$')
	$(PY) $(EVAL)/score.py --truth $(EVAL)/dev --pred .eval-out

bench: bench-extract bench-search bench-load

bench-extract:
	$(PY) bench/extract_bench.py

bench-search:
	$(PY) bench/search_bench.py

bench-load:
	$(PY) bench/load_bench.py

clean:
	rm -rf .eval-out .pytest_cache .mypy_cache .ruff_cache
