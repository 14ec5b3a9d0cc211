#!/usr/bin/env bash
# The cost of the addon at scale: a dedicated database holding a generated data
# set of BENCH_SIZE complaints (default 100000), then the measurements of
# scripts/bench/ (python -m scripts.bench), printed and written to docs/benchmarks.md.
#   BENCH_SIZE=5000        another size (the database is rebuilt for it); generating
#                          grows linearly: about 4 min per 100,000 complaints on 2 cores
#   BENCH_REBUILD=1        regenerate the data set even if the database has it
#   ISO10002_BENCH_DB=...  another database (default iso10002_bench)
#   BENCH_OUTPUT=...       another output file (default docs/benchmarks.md)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DB="${ISO10002_BENCH_DB:-iso10002_bench}"
SIZE="${BENCH_SIZE:-100000}"
OUTPUT="${BENCH_OUTPUT:-docs/benchmarks.md}"
BIN="$ROOT/.venv/bin"
CONF="$ROOT/.odoo/odoo.conf"
LOG="$ROOT/.odoo/bench-install.log"

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench] %s\033[0m\n' "$*" >&2; exit 1; }

[[ "$SIZE" =~ ^[0-9]+$ ]] && [ "$SIZE" -ge 1000 ] || die "BENCH_SIZE must be a number of complaints, 1000 or more"
[ -x "$BIN/odoo" ] && [ -f "$CONF" ] || die "not set up: run make bench (or make setup first)"

odoo_run() {
    "$BIN/odoo" -c "$CONF" -d "$DB" "$@" --stop-after-init --log-level=warn --logfile="$LOG" \
        || { tail -n 40 "$LOG"; die "odoo $* failed (whole log: $LOG)"; }
}

installed=$(psql -d "$DB" -Atqc "select 1 from ir_module_module
    where name = 'odoo_iso10002' and state = 'installed'" 2>/dev/null || true)
size=$(psql -d "$DB" -Atqc "select value from ir_config_parameter
    where key = 'odoo_iso10002.bench_size'" 2>/dev/null || true)
# data sets of older generators held fewer plain tickets than complaints
plain=$(psql -d "$DB" -Atqc "select count(*) from helpdesk_ticket
    where not is_complaint" 2>/dev/null || true)

: >"$LOG"
START=$(date +%s)
if [ "$installed" = 1 ] && [ "$size" = "$SIZE" ] && [ "$plain" = "$SIZE" ] \
    && [ "${BENCH_REBUILD:-0}" != 1 ]; then
    say "reusing the data set of $SIZE complaints in $DB: updating odoo_iso10002"
    odoo_run -u odoo_iso10002
    generate=()
else
    say "building database $DB with odoo_iso10002 (no demo data)"
    dropdb --if-exists "$DB"
    odoo_run -i odoo_iso10002 --without-demo=all
    generate=(--generate)
fi
if grep -E " (ERROR|CRITICAL) " "$LOG"; then
    die "the installation logged errors ($LOG)"
fi

"$BIN/python" -m scripts.bench --config "$CONF" --database "$DB" --size "$SIZE" \
    --output "$OUTPUT" "${generate[@]}"
say "done in $(( ($(date +%s) - START) / 60 )) min $(( ($(date +%s) - START) % 60 )) s"
