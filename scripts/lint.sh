#!/usr/bin/env bash
# ruff (lint and format), pylint-odoo's mandatory checks, OCA's module checks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=.venv/bin
printf '\033[1m[lint]\033[0m %s\n' "ruff, pylint-odoo, oca-checks-odoo-module"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
"$BIN/pylint" --rcfile=.pylintrc-mandatory odoo_iso10002 odoo_iso10002_dashboard
"$BIN/oca-checks-odoo-module" --no-verbose odoo_iso10002 odoo_iso10002_dashboard
