import re

from babel.messages.pofile import read_po

from odoo.tests import TransactionCase
from odoo.tools.misc import file_open

PLACEHOLDERS = re.compile(r"%\(\w+\)[.\d]*[sdf]|%[sdg]")


def _read_catalog(path):
    with file_open(path, "rb") as po_file:
        return read_po(po_file)


class TestI18n(TransactionCase):
    def test_every_message_in_lithuanian(self):
        template = _read_catalog("odoo_iso10002_account/i18n/odoo_iso10002_account.pot")
        lithuanian = _read_catalog("odoo_iso10002_account/i18n/lt.po")
        for message in template:
            if not message.id:
                continue
            with self.subTest(msgid=message.id):
                translation = lithuanian.get(message.id)
                self.assertTrue(translation and translation.string, "no Lithuanian")
                self.assertEqual(
                    sorted(PLACEHOLDERS.findall(translation.string)),
                    sorted(PLACEHOLDERS.findall(message.id)),
                )

    def test_refund_button_in_lithuanian(self):
        self.env["res.lang"]._activate_lang("lt_LT")
        self.env["ir.module.module"]._load_module_terms(["odoo_iso10002_account"], ["lt_LT"])
        arch = (
            self.env["helpdesk.ticket"]
            .with_context(lang="lt_LT")
            .get_view(self.env.ref("odoo_iso10002.ticket_view_form").id)["arch"]
        )
        self.assertIn("Grąžinti pinigus", arch)
