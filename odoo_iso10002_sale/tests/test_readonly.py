from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import (
    assert_declarations,
    assert_served_read_only,
    click,
)

from .common import create_orders, create_salesman

# (model, method): (read-only, why)
RPC_METHODS = {
    ("sale.order", "action_view_complaints"): (True, "opens the complaints"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        # the complaint's portal page is extended, no route of its own
        assert_declarations(self, "odoo_iso10002_sale", {}, RPC_METHODS)


@tagged("post_install", "-at_install")
class TestReadonlyRequests(HttpCase):
    def test_smart_button(self):
        """Salespeople see the complaints of an order without complaint rights."""
        salesman = create_salesman(self.env)
        partner = self.env["res.partner"].create({"name": "Rasa Rasaitė"})
        order = create_orders(self.env, partner, user_id=salesman.id)
        self.authenticate("iso_salesman", "iso_salesman")
        assert_served_read_only(self, [click(self, order, "action_view_complaints")])
