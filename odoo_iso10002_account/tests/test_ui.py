from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRefundTour(HttpCase):
    def test_handler_decides_a_refund_the_accountant_delivers(self):
        team = self.env.ref("odoo_iso10002.helpdesk_ticket_team_complaints")
        handler = new_test_user(
            self.env, login="iso_tour_refund_handler", groups="odoo_iso10002.group_complaint_user"
        )
        accountant = new_test_user(
            self.env,
            login="iso_tour_accountant",
            groups="account.group_account_invoice,odoo_iso10002.group_complaint_user",
        )
        team.user_ids += handler | accountant
        partner = self.env["res.partner"].create({"name": "Ona Onaitė", "email": "ona@example.com"})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Desk lamp",
                            "quantity": 1,
                            "price_unit": 120.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Lamp arrived broken",
                "description": "<p>The lamp was broken in its box.</p>",
                "team_id": team.id,
                "partner_id": partner.id,
                "user_id": handler.id,
            }
        )
        url = f"/odoo/helpdesk.ticket/{complaint.id}"
        self.start_tour(url, "odoo_iso10002_account_handler_decides_refund", login=handler.login)
        remedy = complaint.remedy_ids
        self.assertEqual(remedy.remedy_type_id, self.env.ref("odoo_iso10002.remedy_type_refund"))
        self.assertEqual(remedy.state, "planned")

        self.start_tour(url, "odoo_iso10002_account_accountant_refunds", login=accountant.login)
        self.assertEqual(complaint.invoice_ids, invoice)
        credit_note = remedy.credit_note_ids
        self.assertEqual(credit_note.reversed_entry_id, invoice)
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(remedy.state, "delivered")
        self.assertEqual(remedy.amount_currency, 120.0)
