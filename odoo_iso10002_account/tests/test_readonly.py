from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.odoo_iso10002.tests.readonly import (
    assert_declarations,
    assert_served_read_only,
    click,
)

from .common import Iso10002AccountCase

# (model, method): (read-only, why)
RPC_METHODS = {
    ("account.move", "action_iso10002_open_complaints"): (True, "opens the complaints"),
    ("iso10002.remedy", "action_iso_refund"): (True, "opens Odoo's credit-note wizard, unsaved"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        assert_declarations(self, "odoo_iso10002_account", {}, RPC_METHODS)


@tagged("post_install", "-at_install")
class TestReadonlyRequests(Iso10002AccountCase, HttpCase):
    def test_buttons(self):
        """The accountant's Refund on a remedy and the invoice's smart button,
        served read-only without writing."""
        self.complaint.invoice_ids = self.invoice
        remedy = self._refund_remedy()
        self.authenticate("iso_accountant", "iso_accountant")
        assert_served_read_only(
            self,
            [
                click(self, remedy, "action_iso_refund"),
                click(self, self.invoice, "action_iso10002_open_complaints"),
            ],
        )
