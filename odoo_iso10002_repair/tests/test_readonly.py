from odoo.tests import TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import assert_declarations

# (model, method): (read-only, why)
RPC_METHODS = {
    ("repair.order", "action_view_iso10002_tickets"): (True, "opens the complaints"),
    ("iso10002.remedy", "action_iso_repair"): (False, "may create the repair order"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        assert_declarations(self, "odoo_iso10002_repair", {}, RPC_METHODS)
