from odoo.tests import TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import assert_declarations

# (model, method): (read-only, why)
RPC_METHODS = {
    ("account.move", "action_iso10002_open_complaints"): (True, "opens the complaints"),
    ("iso10002.remedy", "action_iso_refund"): (True, "opens Odoo's credit-note wizard, unsaved"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        assert_declarations(self, "odoo_iso10002_account", {}, RPC_METHODS)
