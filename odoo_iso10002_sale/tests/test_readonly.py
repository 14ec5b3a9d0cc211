from odoo.tests import TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import assert_declarations

# (model, method): (read-only, why)
RPC_METHODS = {
    ("sale.order", "action_view_complaints"): (True, "opens the complaints"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        # the complaint's portal page is extended, no route of its own
        assert_declarations(self, "odoo_iso10002_sale", {}, RPC_METHODS)
