from odoo.tests import TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import assert_declarations

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
