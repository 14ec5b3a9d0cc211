#!/usr/bin/env bash
# The whole test suite: a fresh database with the addon installed, the tests
# (TransactionCase, HttpCase and tours in headless Chromium; the scripts' own)
# through pytest-odoo, then ruff, pylint-odoo's mandatory checks and the wheel,
# built and installed with Odoo into a fresh virtualenv (scripts/wheel_check.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DB="${ISO10002_TEST_DB:-iso10002_test}"
BIN="$ROOT/.venv/bin"
CONF="$ROOT/.odoo/odoo.conf"

say() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

say "checking that the demo history is what scripts/demo/ writes"
"$BIN/python" -m scripts.demo >/dev/null
if ! git diff --exit-code --stat -- odoo_iso10002/demo/; then
    printf '\033[1;31m[test] %s\033[0m\n' "odoo_iso10002/demo/ is not what scripts/demo/ writes \
(changed files above): regenerate it with make demo-history and commit the result" >&2
    exit 1
fi

say "building database $DB with odoo_iso10002 (no demo data)"
dropdb --if-exists "$DB"
"$BIN/odoo" -c "$CONF" -d "$DB" -i odoo_iso10002 --without-demo=all \
    --stop-after-init --log-level=warn --logfile=.odoo/test-install.log \
    || { tail -n 40 .odoo/test-install.log; exit 1; }
if grep -E " (ERROR|CRITICAL) " .odoo/test-install.log; then
    echo "installation logged errors (.odoo/test-install.log)" >&2
    exit 1
fi

say "running the test suite"
# scripts/tests: the working time of the demo and bench generators, against Odoo's
"$BIN/pytest" --odoo-config="$CONF" --odoo-database="$DB" --odoo-http \
    --odoo-log-level=warn odoo_iso10002/tests scripts/tests

bash scripts/lint.sh
bash scripts/wheel_check.sh
