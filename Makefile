# The user-facing commands; README.md explains them.
.PHONY: help setup demo scale-demo scale-demo-stop load test bench demo-history lint wheel wheel-check screenshots clean

help:
	@echo "make demo   set up, then serve Odoo with the addon and demo complaints on http://localhost:8069"
	@echo "make scale-demo  set up, then run the demo as deployed at scale: PostgreSQL primary and replica, $${SCALE_WORKERS:-4} workers, on http://localhost:8169"
	@echo "make scale-demo-stop  stop the scale demo (Odoo, then the replica, then the primary)"
	@echo "make load   a bounded load run (LOAD_SECONDS=90) against the scale demo, its checks and docs/load.md"
	@echo "make test   set up, then run the whole test suite, linters and the wheel install check"
	@echo "make bench  set up, then measure the addon on 100,000 generated complaints (BENCH_SIZE=...)"
	@echo "make demo-history  regenerate odoo_iso10002/demo/iso10002_demo_history.xml (scripts/demo/)"
	@echo "make setup  install what is missing (Debian packages, PostgreSQL, Odoo, virtualenv)"
	@echo "make lint   ruff and pylint-odoo only"
	@echo "make wheel  build the addon's wheel into dist/"
	@echo "make wheel-check  build the wheel, install it with Odoo into a fresh virtualenv and a temporary database"
	@echo "make screenshots  refresh docs/screenshots/ from the running demo"
	@echo "make clean  remove the virtualenv, generated config and wheels"

setup:
	@bash scripts/setup.sh

demo: setup
	@bash scripts/demo.sh

scale-demo: setup
	@bash scripts/scale_demo.sh

scale-demo-stop:
	@bash scripts/scale_demo.sh stop

load:
	@bash scripts/load.sh

test: setup
	@bash scripts/test.sh

bench: setup
	@bash scripts/bench.sh

demo-history: setup
	.venv/bin/python -m scripts.demo

lint: setup
	@bash scripts/lint.sh

wheel: setup
	@bash scripts/wheel.sh

wheel-check: setup
	@bash scripts/wheel_check.sh

screenshots: setup
	.venv/bin/python scripts/screenshots.py

clean:
	rm -rf .venv .odoo dist
