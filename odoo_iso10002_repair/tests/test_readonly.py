from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import (
    assert_declarations,
    assert_served_read_only,
    click,
)
from odoo.addons.odoo_iso10002_stock.tests.common import Iso10002StockCase

# (model, method): (read-only, why)
RPC_METHODS = {
    ("repair.order", "action_view_iso10002_tickets"): (True, "opens the complaints"),
    ("iso10002.remedy", "action_iso_repair"): (False, "may create the repair order"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        assert_declarations(self, "odoo_iso10002_repair", {}, RPC_METHODS)


@tagged("post_install", "-at_install")
class TestReadonlyRequests(Iso10002StockCase, HttpCase):
    def test_smart_button(self):
        remedy = self._decide(self.env.ref("odoo_iso10002.remedy_type_repair"))
        action = remedy.with_user(self.stock_user).action_iso_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        self.authenticate("iso_stock_user", "iso_stock_user")
        assert_served_read_only(self, [click(self, repair, "action_view_iso10002_tickets")])
