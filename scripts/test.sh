#!/usr/bin/env bash
# The whole test suite: a fresh database with the addon and the ERP apps its
# bridges complete (Invoicing, Inventory, Repairs, Sales) installed, the tests
# (TransactionCase, HttpCase and tours in headless Chromium; the scripts' own)
# through pytest-odoo, then ruff, pylint-odoo's mandatory checks and the wheel,
# built and installed with Odoo into a fresh virtualenv (scripts/wheel_check.sh).
# A second database holds the demo data: its coherence and helpdesk_mgmt's own
# tests run there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/addons.sh
source scripts/addons.sh
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

say "building database $DB with odoo_iso10002 and $ERP_APPS (no demo data)"
dropdb --if-exists "$DB"
: >.odoo/test-install.log  # Odoo appends to its log file: this run's lines only
"$BIN/odoo" -c "$CONF" -d "$DB" -i "odoo_iso10002,$ERP_APPS" --without-demo=all \
    --stop-after-init --log-level=warn --logfile=.odoo/test-install.log \
    || { tail -n 40 .odoo/test-install.log; exit 1; }
if grep -E " (ERROR|CRITICAL) " .odoo/test-install.log; then
    echo "installation logged errors (.odoo/test-install.log)" >&2
    exit 1
fi

# the bridges come with the addon and their apps (auto_install)
check_installed "$DB"

say "running the test suite"
# scripts/tests: the working time of the demo and bench generators, against Odoo's
"$BIN/pytest" --odoo-config="$CONF" --odoo-database="$DB" --odoo-http \
    --odoo-log-level=warn "${ADDONS[@]/%//tests}" scripts/tests

DEMO_DB="${DB}_demo"
say "building database $DEMO_DB with odoo_iso10002, $ERP_APPS and their demo data"
dropdb --if-exists "$DEMO_DB"
: >.odoo/test-demo-install.log
"$BIN/odoo" -c "$CONF" -d "$DEMO_DB" -i "odoo_iso10002,$ERP_APPS" \
    --stop-after-init --log-level=warn --logfile=.odoo/test-demo-install.log \
    || { tail -n 40 .odoo/test-demo-install.log; exit 1; }
if grep -E " (WARNING|ERROR|CRITICAL) " .odoo/test-demo-install.log; then
    echo "the demo data logged warnings or errors (.odoo/test-demo-install.log)" >&2
    exit 1
fi
check_installed "$DEMO_DB"

# helpdesk_mgmt's own Python tests, with this addon installed: it must not
# break the helpdesk it extends. Tests left out are listed here, each with its
# reason. None is left out because ISO 10002 changes a behaviour on purpose.
HELPDESK_TESTS="$("$BIN/python" -c 'import importlib.util as u; print(u.find_spec("odoo.addons.helpdesk_mgmt").submodule_search_locations[0])')/tests"
HELPDESK_SKIPPED=(
    # not a Python test: it inherits Odoo's whole JavaScript unit suite
    # (web's WebSuite), more than 15 minutes in headless Chromium
    --ignore="$HELPDESK_TESTS/test_js.py"
)
say "the demo's coherence, and helpdesk_mgmt's own tests, on $DEMO_DB"
"$BIN/pytest" --odoo-config="$CONF" --odoo-database="$DEMO_DB" --odoo-http \
    --odoo-log-level=warn scripts/demo_checks "$HELPDESK_TESTS" "${HELPDESK_SKIPPED[@]}"

bash scripts/lint.sh
bash scripts/wheel_check.sh
