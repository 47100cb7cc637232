# Developer entry points. A new user needs two: `make install` and `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
BIN     := $(VENV)/bin
BUF     := node_modules/.bin/buf
EVAL    ?= ../shared/eval
PROTOS  := $(shell find protos -name '*.proto')

.PHONY: go-client contract-baseline install generate lint typecheck test dev eval eval-train eval-lolo train alignment bench bench-extract bench-parse bench-search bench-latency bench-load bench-e2e bench-convert bench-redact clean

install: ## create .venv with the package, its extras and every test tool; install buf and LibreOffice
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,local-stack,local-embed,train]'
	npm install --no-audit --no-fund --silent
	$(BUF) --version
	bash scripts/install-go-toolchain.sh .tools/bin
	bash scripts/install-libreoffice.sh

generate: ## regenerate generated/ from protos/ (messages, gRPC stubs, .pyi type stubs)
	rm -rf generated/ats
	PATH="$(abspath $(BIN)):$$PATH" $(PY) -m grpc_tools.protoc -Iprotos \
		--python_out=generated --grpc_python_out=generated \
		--mypy_out=generated --mypy_grpc_out=generated $(PROTOS)
	find generated/ats -type d -exec touch {}/__init__.py \;

go-client: ## Go code for callers, into gen/go (needs the Go toolchain from `make install`)
	PATH="$(abspath .tools/bin):$$PATH" $(BUF) generate

contract-baseline: ## accept the current protos as the contract Go callers build against
	$(BUF) build protos -o protos/baseline.binpb

lint: ## buf lint + breaking-change check against the committed baseline, ruff, mypy
	$(BUF) lint
	$(BUF) breaking protos --against protos/baseline.binpb
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

train: ## rebuild the parser's models from $(EVAL) (deterministic; keeps calibration.json)
	$(BIN)/resume-parser train --eval-dir $(EVAL)

eval-lolo: ## leave one layout family out: accuracy on layouts never seen; refits calibration.json
	$(BIN)/resume-parser evaluate --lolo --calibrate --eval-dir $(EVAL)

eval-train: ## in sample: the committed models on every labelled corpus, per layout family
	$(BIN)/resume-parser evaluate --eval-dir $(EVAL)

alignment: ## the share of truth values the training labels found, and every value they missed
	$(BIN)/resume-parser alignment --unaligned --eval-dir $(EVAL)

bench: ## every benchmark, one results table with the machine: bench/results.md
	$(PY) bench/run_all.py

bench-extract: ## extraction ms/page next to the raw PDFium floor
	$(PY) bench/extract_bench.py

bench-parse: ## extract + group + normalize of a one-page PDF, median on one core
	$(PY) bench/parse_bench.py

bench-search: ## retrieval quality: the dev queries, then the labelled search set on truth files and through the service
	$(PY) bench/search_bench.py
	$(PY) bench/search_eval.py

bench-latency: ## SearchResumes p50/p95 at 100,000 resumes, with the EXPLAIN plan
	$(PY) bench/search_latency.py

bench-convert: ## DOC, RTF and ODT: LibreOffice conversion time per format (cold, warm) and F1 vs DOCX
	$(PY) bench/convert_bench.py

bench-redact: ## the redacted document: ms per page for a PDF, a scan and a DOCX (median)
	$(PY) bench/redact_bench.py

bench-load: ## 1,000 uploads, 50 clients, 1,000 watchers, one server, two workers
	$(PY) bench/load_bench.py

bench-e2e: ## upload to COMPLETED on a fresh dev stack, part by part: 1 client, then 10 clients on 1 and 2 workers
	$(PY) bench/e2e_bench.py

clean:
	rm -rf .eval-out .pytest_cache .mypy_cache .ruff_cache .tools/go-build-cache
