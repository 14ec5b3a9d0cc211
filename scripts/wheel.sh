#!/usr/bin/env bash
# Builds the addon's wheel (odoo-addon-odoo_iso10002) into dist/ with whool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
.venv/bin/python -m pip wheel -q --no-deps -w dist ./odoo_iso10002
printf '\033[1m[wheel]\033[0m %s\n' "$(ls dist/*.whl)"
