# Scholion — the two commands a newcomer needs:
#   make demo    install what is missing, build the wasm (release), serve the pages
#   make test    install what is missing, build native + sanitizers + wasm, run every test
SHELL := /bin/bash
BUILD  ?= build
SHARED ?= $(abspath ../shared)
PORT   ?= 8080
JOBS   ?= $(shell nproc)

# Debian's emcc runs Debian's acorn under whichever Node.js is installed.
export NODE_PATH := /usr/share/nodejs

.PHONY: demo test setup native sanitize wasm site test-types test-native test-sanitize test-wasm test-browser bench bench-browser bench-anchor clean

demo: site
	node scripts/serve.mjs $(BUILD)/site $(PORT)

# Ends with the summary lines of CTest (native, sanitizers, wasm under node) and of Node's
# test runner.
test: setup
	$(MAKE) --no-print-directory test-types test-native test-sanitize test-wasm
	$(MAKE) --no-print-directory test-browser

setup:
	@bash scripts/setup.sh $(abspath $(BUILD))

native: setup
	cmake -S . -B $(BUILD)/native -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCHOLION_SHARED_DIR=$(SHARED) >/dev/null
	cmake --build $(BUILD)/native -j $(JOBS)

sanitize: setup
	cmake -S . -B $(BUILD)/sanitize -DCMAKE_BUILD_TYPE=Debug -DSCHOLION_SANITIZE=ON -DSCHOLION_SHARED_DIR=$(SHARED) >/dev/null
	cmake --build $(BUILD)/sanitize -j $(JOBS)

wasm: setup
	emcmake cmake -S . -B $(BUILD)/wasm -DCMAKE_BUILD_TYPE=MinSizeRel -DIMGUI_DIR=$(abspath $(BUILD))/deps/imgui-1.86 >/dev/null
	cmake --build $(BUILD)/wasm -j $(JOBS) --target scholion_web scholion_app_web

site: wasm
	python3 scripts/build_site.py --wasm $(BUILD)/wasm/wasm --out $(BUILD)/site --shared $(SHARED)

# The shipped browser code's types (// @ts-check + JSDoc, scholion.d.ts): tsconfig.json.
test-types: setup
	npx --no-install tsc -p tsconfig.json && echo "test-types: no type errors"

test-native: native
	cd $(BUILD)/native && ctest --output-on-failure -j $(JOBS)

test-sanitize: sanitize
	cd $(BUILD)/sanitize && ctest --output-on-failure -j $(JOBS)

# The wasm build's own tests, run by plain node (not emcmake's emulator, whose
# --experimental-wasm-threads Node 20 rejects): every printf/scanf format the project uses.
test-wasm: wasm
	cmake --build $(BUILD)/wasm -j $(JOBS) --target scholion_printf_test
	cd $(BUILD)/wasm && ctest --output-on-failure -j $(JOBS)

test-browser: site
	SCHOLION_SITE=$(abspath $(BUILD)/site) SCHOLION_OUT=$(abspath $(BUILD)/browser-tests) \
	  node --test --test-concurrency=1 tests/browser/

# Medians of 7 repetitions, as a table and as JSON in $(BUILD)/bench/.
bench: setup
	cmake -S . -B $(BUILD)/bench -DCMAKE_BUILD_TYPE=Release -DSCHOLION_SHARED_DIR=$(SHARED) >/dev/null
	cmake --build $(BUILD)/bench -j $(JOBS) --target scholion_bench
	$(BUILD)/bench/tests/scholion_bench --benchmark_repetitions=7 --benchmark_report_aggregates_only=true \
	  --benchmark_out=$(BUILD)/bench/core.json --benchmark_out_format=json

# Load, scroll and idle figures of the canvas in Chromium; $(BUILD)/bench/canvas.json.
bench-browser: site
	mkdir -p $(BUILD)/bench
	SCHOLION_SITE=$(abspath $(BUILD)/site) SCHOLION_OUT=$(abspath $(BUILD)/browser-tests) \
	  SCHOLION_SHARED_DIR=$(SHARED) node tests/bench/canvas_bench.mjs

# Anchoring side by side (issue 4): the same 1,000 Moby-Dick cases anchored by Scholion
# natively, by Scholion in wasm under node, and by Hypothesis's approach in node
# (approx-string-match with the same error budget; and with Hypothesis's own). The wasm
# runs with the shipped flags and, to show what flags cost, with emcc's plain -Oz (its
# inlining cap) and with -O2. A table, and $(BUILD)/bench/anchor.json.
BENCH_WASM_BUILDS := 'bench-wasm:' 'bench-wasm-Ozcap:-Oz;-sINLINING_LIMIT=1' 'bench-wasm-O2:-O2;-sINLINING_LIMIT=0'
bench-anchor: setup
	cmake -S . -B $(BUILD)/bench -DCMAKE_BUILD_TYPE=Release -DSCHOLION_SHARED_DIR=$(SHARED) >/dev/null
	cmake --build $(BUILD)/bench -j $(JOBS) --target anchor_cases_json anchor_side_by_side
	for v in $(BENCH_WASM_BUILDS); do \
	  emcmake cmake -S tests/bench/wasm -B $(BUILD)/$${v%%:*} -DCMAKE_BUILD_TYPE=MinSizeRel -DIMGUI_DIR=$(abspath $(BUILD))/deps/imgui-1.86 \
	    "-DSCHOLION_BENCH_WASM_OPT=$${v#*:}" >/dev/null && \
	  cmake --build $(BUILD)/$${v%%:*} -j $(JOBS) --target anchor_wasm_bench || exit 1; \
	done
	SCHOLION_SHARED_DIR=$(SHARED) $(BUILD)/bench/tests/anchor_cases_json $(BUILD)/bench/anchor-cases.json
	SCHOLION_SHARED_DIR=$(SHARED) node tests/bench/anchor_compare.mjs $(BUILD) \
	  --wasm-extra "$(BUILD)/bench-wasm-Ozcap/anchor_wasm_bench.cjs=Scholion wasm, emcc plain -Oz" \
	  --wasm-extra "$(BUILD)/bench-wasm-O2/anchor_wasm_bench.cjs=Scholion wasm -O2" \
	  --peer-hypothesis-budget

clean:
	rm -rf $(BUILD)
