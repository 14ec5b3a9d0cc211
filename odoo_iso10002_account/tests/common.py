from odoo import Command
from odoo.tests import Form, new_test_user

from odoo.addons.odoo_iso10002.tests.common import Iso10002Case


class Iso10002AccountCase(Iso10002Case):
    """A complaint about a posted invoice of 2 lamps at 150 (no tax), an
    accountant who handles complaints too, and the refund remedy type."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env,
            login="iso_accountant",
            groups="account.group_account_invoice,odoo_iso10002.group_complaint_user",
            tz=cls.tz,
        )
        cls.complaint_team.user_ids = [Command.link(cls.accountant.id)]
        cls.refund = cls.env.ref("odoo_iso10002.remedy_type_refund")
        cls.apology = cls.env.ref("odoo_iso10002.remedy_type_apology")
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.partner.id,
                "invoice_date": "2026-01-12",
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Desk lamp",
                            "quantity": 2,
                            "price_unit": 150.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        cls.invoice.action_post()
        cls.complaint = cls._create_ticket(cls.complaint_team)

    def _refund_remedy(self):
        """The refund the handler decides, with no accounting rights."""
        return (
            self.env["iso10002.remedy"]
            .with_user(self.handler)
            .create({"ticket_id": self.complaint.id, "remedy_type_id": self.refund.id})
        )

    def _reverse(self, remedy, button="refund_moves"):
        """The accountant's "Refund" on the remedy, then the wizard's button:
        "Reverse" (refund_moves) or "Reverse and Create Invoice" (modify_moves)."""
        action = remedy.with_user(self.accountant).action_iso_refund()
        self.assertEqual(action["res_model"], "account.move.reversal")
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.accountant)
            .with_context(**action["context"])
        )
        wizard.reason = "Complaint: lamp broken"
        return getattr(wizard.save(), button)()
