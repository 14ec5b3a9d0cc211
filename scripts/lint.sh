#!/usr/bin/env bash
# ruff (lint and format), pylint-odoo's mandatory checks, OCA's module checks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=.venv/bin
# shellcheck source=scripts/addons.sh
source scripts/addons.sh
printf '\033[1m[lint]\033[0m %s\n' "ruff, pylint-odoo, oca-checks-odoo-module"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
"$BIN/pylint" --rcfile=.pylintrc-mandatory "${ADDONS[@]}"
"$BIN/oca-checks-odoo-module" --no-verbose "${ADDONS[@]}"
