#!/usr/bin/env bash
# Creates (or reuses) the demo database and serves Odoo on http://localhost:8069.
# The demo data installs Lithuanian for the demo handler and the portal
# customer; the administrator works in ISO10002_DEMO_LANG (English by default).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${ISO10002_DEMO_DB:-iso10002_demo}"
PORT="${ISO10002_DEMO_PORT:-8069}"
ADMIN_LANG="${ISO10002_DEMO_LANG:-en_US}"
BIN="$ROOT/.venv/bin"
# shellcheck source=scripts/addons.sh
source "$ROOT/scripts/addons.sh"
CONF="$ROOT/.odoo/odoo.conf"

say() { printf '\033[1m[demo]\033[0m %s\n' "$*"; }

if psql -d "$DB" -Atqc "select 1 from ir_module_module where name = 'odoo_iso10002' and state = 'installed'" 2>/dev/null | grep -q 1; then
    say "updating odoo_iso10002 in database $DB, installing the bridge addons it lacks"
    # An update runs no function of the demo data: Lithuanian comes from the
    # option. auto_install acts on installations only: the bridges are named.
    "$BIN/odoo" -c "$CONF" -d "$DB" -u odoo_iso10002 -i "$(IFS=,; echo "${ADDONS[*]}")" \
        --load-language=lt_LT \
        --stop-after-init --log-level=warn
else
    say "creating database $DB with odoo_iso10002, $ERP_APPS and their demo data"
    dropdb --if-exists "$DB"
    # the ERP apps bring the bridge addons (auto_install): remedies carried out
    # by credit notes, returns, replacements and repairs
    "$BIN/odoo" -c "$CONF" -d "$DB" -i "odoo_iso10002,$ERP_APPS" --stop-after-init --log-level=warn
fi
say "administrator's language: $ADMIN_LANG"
# odoo shell runs the script it reads from a pipe; it activates the language
# and loads its terms when the database lacks it.
ADMIN_LANG="$ADMIN_LANG" "$BIN/odoo" shell -c "$CONF" -d "$DB" --no-http --log-level=warn <<'PY'
import os

code = os.environ["ADMIN_LANG"]
lang = env["res.lang"].with_context(active_test=False).search([("code", "=", code)])
if not lang:
    raise SystemExit(f"ISO10002_DEMO_LANG: Odoo knows no language {code!r} (e.g. en_US, lt_LT)")
if not lang.active:
    lang.active = True
    env["ir.module.module"].search([("state", "=", "installed")])._update_translations([code])
env.ref("base.user_admin").lang = code
env.cr.commit()
PY
say "Odoo is starting on http://localhost:$PORT; Ctrl+C stops it. Log in as"
say "  admin / admin   complaint manager, in $ADMIN_LANG"
say "  demo / demo     complaint handler, in Lithuanian"
say "  laura / laura   portal customer (/my), in Lithuanian"
exec "$BIN/odoo" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT"
