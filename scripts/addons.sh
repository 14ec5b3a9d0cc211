# shellcheck shell=bash
# The addons of this repository and the Odoo apps their bridges complete:
# the lists the test, demo, lint and wheel scripts share (sourced by them).
ADDONS=(
    odoo_iso10002
    odoo_iso10002_dashboard
    odoo_iso10002_account
    odoo_iso10002_stock
    odoo_iso10002_repair
    odoo_iso10002_sale
)
# installed beside odoo_iso10002, they bring the bridges along (auto_install)
ERP_APPS="account,stock,repair,sale"

# Fails unless every addon of the repository is installed in database $1.
check_installed() {
    local db="$1" addon state
    for addon in "${ADDONS[@]}"; do
        state="$(psql -d "$db" -tAc "select state from ir_module_module where name = '$addon'")"
        if [ "$state" != installed ]; then
            echo "$addon is '${state:-absent}' in $db, not installed" >&2
            return 1
        fi
    done
}
