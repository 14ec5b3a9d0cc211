#!/usr/bin/env bash
# Proves the wheel is a complete distribution: builds it (scripts/wheel.sh),
# installs Odoo 18 into a fresh virtualenv as setup.sh does, then the wheel,
# whose dependencies (odoo-addon-helpdesk_mgmt) pip must fetch by itself, and
# installs the addon into a temporary database from that virtualenv alone:
# no addons path points into this repository. Everything temporary is
# removed on exit, success or not.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/addons.sh
source scripts/addons.sh
CONF="$ROOT/.odoo/odoo.conf"
PYTHON="${PYTHON:-python3}"
DB="iso10002_wheel_check_$$"
TMP="$(mktemp -d -t iso10002-wheel-check.XXXXXX)"
VENV="$TMP/venv"
LOG="$TMP/pip.log"

say() { printf '\033[1m[wheel-check]\033[0m %s\n' "$*"; }
die() {
    [ -s "$LOG" ] && tail -n 40 "$LOG" >&2
    printf '\033[1;31m[wheel-check] FAILED: %s\033[0m\n' "$*" >&2
    exit 1
}
cleanup() {
    dropdb --if-exists "$DB" 2>/dev/null || say "could not drop database $DB: drop it by hand"
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
since() { echo "$(($(date +%s) - $1)) s"; }

# The project's database server: .odoo/odoo.conf's db_* settings when it has
# some, else libpq's defaults and PG* variables; Odoo and psql both read these.
while IFS=' =' read -r key value; do
    [ -n "$value" ] && [ "$value" != False ] || continue
    case "$key" in
        db_host) export PGHOST="$value" ;;
        db_port) export PGPORT="$value" ;;
        db_user) export PGUSER="$value" ;;
        db_password) export PGPASSWORD="$value" ;;
    esac
done <"$CONF"

# The Odoo source the project's virtualenv runs (setup.sh picked it).
ODOO_SRC="$(.venv/bin/python -c 'import odoo, os; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))')"
[ -f "$ODOO_SRC/odoo/release.py" ] || die "no Odoo source found through .venv (run make setup)"

bash scripts/wheel.sh
WHEELS=()
for addon in "${ADDONS[@]}"; do
    WHEELS+=("$(ls "$ROOT"/dist/odoo_addon_"$addon"-*.whl)") || die "no wheel built for $addon"
done
# whool packages the files git tracks: a new file not yet added is left out.
untracked="$(git ls-files --others --exclude-standard "${ADDONS[@]}")"
[ -z "$untracked" ] || say "warning: not tracked by git, so not in the wheel: $(echo $untracked)"

start=$(date +%s)
say "installing Odoo 18 ($ODOO_SRC) into a fresh virtualenv $VENV"
"$PYTHON" -m venv "$VENV"
pip() { "$VENV/bin/python" -m pip install -q "$@" >>"$LOG" 2>&1 || die "pip install $*"; }
# The same steps and options as setup.sh.
pip --upgrade "pip>=25.3" wheel
echo "setuptools<70" >"$TMP/build-constraints.txt"
pip --build-constraint "$TMP/build-constraints.txt" -r "$ODOO_SRC/requirements.txt"
pip --build-constraint "$TMP/build-constraints.txt" --no-deps \
    --config-settings editable_mode=compat -e "$ODOO_SRC"
say "Odoo installed in $(since "$start")"

start=$(date +%s)
say "installing the ${#WHEELS[@]} wheels and their dependencies from PyPI"
pip "${WHEELS[@]}"
requires="$("$VENV/bin/python" -m pip show odoo-addon-odoo_iso10002 | sed -n 's/^Requires: //p')"
for dep in odoo odoo-addon-helpdesk-mgmt; do
    # Compared by normalised name: helpdesk_mgmt, helpdesk-mgmt, Helpdesk.Mgmt are one.
    [[ ", $(echo "$requires" | tr 'A-Z_.' 'a-z--')," == *", $dep,"* ]] \
        || die "the wheel does not require $dep (Requires: $requires)"
done
helpdesk="$("$VENV/bin/python" -m pip show odoo-addon-helpdesk_mgmt 2>/dev/null | sed -n 's/^Version: //p')"
[ -n "$helpdesk" ] || die "pip did not install odoo-addon-helpdesk_mgmt"
[[ "$("$VENV/bin/python" -m pip show odoo)" == *"Editable project location: $ODOO_SRC"* ]] \
    || die "installing the wheel replaced the editable Odoo from $ODOO_SRC"
SITE="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')"
[ -f "$SITE/odoo/addons/odoo_iso10002/__manifest__.py" ] \
    || die "odoo_iso10002 is not in the virtualenv's odoo/addons"
say "wheel installed in $(since "$start"); Requires: $requires; helpdesk_mgmt $helpdesk from PyPI"

start=$(date +%s)
say "installing odoo_iso10002 into database $DB from the fresh virtualenv only"
LOG="$TMP/odoo.log"
# Addons: Odoo's own and the virtualenv's odoo/addons (helpdesk_mgmt and this
# addon); a fresh data dir; run from the temporary folder, not the repository.
(cd "$TMP" && "$VENV/bin/odoo" --config=/dev/null -d "$DB" -i odoo_iso10002 \
    --addons-path="$ODOO_SRC/addons,$SITE/odoo/addons" --data-dir="$TMP/data" \
    --without-demo=all --stop-after-init --no-http --log-level=warn --logfile="$LOG") \
    || die "odoo -i odoo_iso10002 failed${untracked:+ (git add the files listed above: the wheel leaves them out)}"
if grep -E " (ERROR|CRITICAL) " "$LOG" >&2; then
    die "the installation logged errors"
fi
state="$(psql -d "$DB" -tAc "select state from ir_module_module where name = 'odoo_iso10002'")"
[ "$state" = installed ] || die "odoo_iso10002 is '${state:-absent}' in $DB, not installed"
# the dashboard bridge comes along by auto_install
state="$(psql -d "$DB" -tAc "select state from ir_module_module where name = 'odoo_iso10002_dashboard'")"
[ "$state" = installed ] || die "odoo_iso10002_dashboard is '${state:-absent}' in $DB, not installed"
say "odoo_iso10002 alone, with its dashboard, installed from the wheels in $(since "$start"): OK"

start=$(date +%s)
say "installing the ERP apps ($ERP_APPS): the other bridges must come along"
(cd "$TMP" && "$VENV/bin/odoo" --config=/dev/null -d "$DB" -i "$ERP_APPS" \
    --addons-path="$ODOO_SRC/addons,$SITE/odoo/addons" --data-dir="$TMP/data" \
    --without-demo=all --stop-after-init --no-http --log-level=warn --logfile="$LOG") \
    || die "odoo -i $ERP_APPS failed"
if grep -E " (ERROR|CRITICAL) " "$LOG" >&2; then
    die "the installation logged errors"
fi
check_installed "$DB" || die "a bridge addon did not install from its wheel"
say "${ADDONS[*]} installed from the wheels in $(since "$start"): OK"
