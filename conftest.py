"""pytest settings for the addon's tests, which pytest-odoo runs."""

import logging


class _TestFrameworkImportFilter(logging.Filter):
    """pytest-odoo imports Odoo's test framework before it switches Odoo's test
    mode on (per test module), and Odoo logs that import as an error. The tests
    do run in test mode: drop that one misleading line."""

    def filter(self, record):
        return not record.getMessage().startswith("Importing test framework, avoid")


logging.getLogger("odoo.tests.common").addFilter(_TestFrameworkImportFilter())
