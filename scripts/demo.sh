#!/usr/bin/env bash
# Creates (or reuses) the demo database and serves Odoo on http://localhost:8069.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${ISO10002_DEMO_DB:-iso10002_demo}"
PORT="${ISO10002_DEMO_PORT:-8069}"
BIN="$ROOT/.venv/bin"
CONF="$ROOT/.odoo/odoo.conf"

say() { printf '\033[1m[demo]\033[0m %s\n' "$*"; }

if psql -d "$DB" -Atqc "select 1 from ir_module_module where name = 'odoo_iso10002' and state = 'installed'" 2>/dev/null | grep -q 1; then
    say "updating odoo_iso10002 in database $DB"
    "$BIN/odoo" -c "$CONF" -d "$DB" -u odoo_iso10002 --stop-after-init --log-level=warn
else
    say "creating database $DB with odoo_iso10002 and its demo data"
    dropdb --if-exists "$DB"
    "$BIN/odoo" -c "$CONF" -d "$DB" -i odoo_iso10002 --stop-after-init --log-level=warn
fi
say "Odoo is starting on http://localhost:$PORT (login admin, password admin; Ctrl+C stops it)"
exec "$BIN/odoo" -c "$CONF" -d "$DB" --db-filter="^$DB\$" --http-port="$PORT"
