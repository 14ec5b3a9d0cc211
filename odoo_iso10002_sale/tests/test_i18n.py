from babel.messages.pofile import read_po

from odoo.tests import TransactionCase
from odoo.tools.misc import file_open


def _read_catalog(path):
    with file_open(path, "rb") as po_file:
        return read_po(po_file)


class TestLithuanian(TransactionCase):
    def test_every_message_translated(self):
        template = _read_catalog("odoo_iso10002_sale/i18n/odoo_iso10002_sale.pot")
        catalog = _read_catalog("odoo_iso10002_sale/i18n/lt.po")
        missing = [
            message.id
            for message in template
            if message.id and not (catalog.get(message.id) and catalog.get(message.id).string)
        ]
        self.assertFalse(missing, "messages without a Lithuanian translation")
