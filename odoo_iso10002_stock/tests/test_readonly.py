from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import (
    assert_declarations,
    assert_served_read_only,
    click,
)

from .common import Iso10002StockCase

# buttons of Odoo's views that the addon overrides
ODOO_BUTTONS = [
    ("stock.picking", "action_cancel"),
    ("stock.return.picking", "action_create_exchanges"),
]

# (model, method): (read-only, why)
RPC_METHODS = {
    ("stock.picking", "action_view_iso10002_tickets"): (True, "opens the complaints"),
    ("iso10002.remedy", "action_iso_return"): (True, "opens Odoo's return wizard, unsaved"),
    ("stock.picking", "action_cancel"): (False, "cancels the transfer and its remedies"),
    ("stock.return.picking", "action_create_exchanges"): (False, "creates the transfers"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        assert_declarations(self, "odoo_iso10002_stock", {}, RPC_METHODS, ODOO_BUTTONS)


@tagged("post_install", "-at_install")
class TestReadonlyRequests(Iso10002StockCase, HttpCase):
    def test_buttons(self):
        """The warehouse user's Return on a remedy and the delivery's smart
        button, served read-only without writing."""
        remedy = self._decide(self.env.ref("odoo_iso10002_stock.remedy_type_return"))
        self.authenticate("iso_stock_user", "iso_stock_user")
        assert_served_read_only(
            self,
            [
                click(self, remedy, "action_iso_return"),
                click(self, self.delivery, "action_view_iso10002_tickets"),
            ],
        )
