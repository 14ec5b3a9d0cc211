from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .common import Iso10002AccountCase


class TestRefund(Iso10002AccountCase):
    def setUp(self):
        super().setUp()
        self.complaint.with_user(self.accountant).invoice_ids = [Command.link(self.invoice.id)]

    def test_full_refund_delivers_the_remedy(self):
        remedy = self._refund_remedy()
        self.assertEqual(remedy.state, "planned")
        action = self._reverse(remedy)
        credit_note = remedy.credit_note_ids
        self.assertEqual(action["res_id"], credit_note.id)
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(remedy.state, "in_progress")
        self.assertEqual(remedy.amount_currency, 300.0)
        self.assertEqual(remedy.amount, 300.0)
        # linked both ways, seen by the accountant from either side
        credit_note = credit_note.with_user(self.accountant)
        self.assertEqual(credit_note.iso10002_remedy_ids, remedy)
        self.assertEqual(credit_note.iso10002_complaint_count, 1)
        self.assertEqual(credit_note.action_iso10002_open_complaints()["res_id"], self.complaint.id)
        invoice = self.invoice.with_user(self.accountant)
        self.assertEqual(invoice.action_iso10002_open_complaints()["res_id"], self.complaint.id)

        credit_note.action_post()
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(remedy.state, "delivered")
        self.assertTrue(remedy.date_delivered)
        self.assertEqual(self.invoice.payment_state, "reversed")

    def test_partial_refund_follows_the_edited_credit_note(self):
        remedy = self._refund_remedy()
        self._reverse(remedy)
        credit_note = remedy.credit_note_ids.with_user(self.accountant)
        with Form(credit_note) as form, form.invoice_line_ids.edit(0) as line:
            line.quantity = 1
        self.assertEqual(credit_note.amount_total, 150.0)
        self.assertEqual(remedy.amount_currency, 150.0)
        self.assertEqual(remedy.state, "in_progress")
        credit_note.action_post()
        self.assertEqual(remedy.state, "delivered")
        self.assertEqual(remedy.amount, 150.0)
        self.assertEqual(self.invoice.payment_state, "partial")

    def test_reverse_and_create_invoice_delivers_at_once(self):
        remedy = self._refund_remedy()
        action = self._reverse(remedy, "modify_moves")
        new_invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(new_invoice.move_type, "out_invoice")
        self.assertFalse(new_invoice.iso10002_remedy_ids)
        self.assertEqual(remedy.credit_note_ids.state, "posted")
        self.assertEqual(remedy.state, "delivered")

    def test_credit_note_back_to_draft_or_cancelled(self):
        remedy = self._refund_remedy()
        self._reverse(remedy)
        credit_note = remedy.credit_note_ids.with_user(self.accountant)
        credit_note.action_post()
        self.assertEqual(remedy.state, "delivered")
        credit_note.button_draft()
        self.assertEqual(remedy.state, "in_progress")
        self.assertFalse(remedy.date_delivered)
        credit_note.button_cancel()
        self.assertEqual(remedy.state, "planned")
        # refunded again, then the draft deleted: planned again
        self._reverse(remedy)
        self.assertEqual(remedy.state, "in_progress")
        (remedy.credit_note_ids - credit_note).with_user(self.accountant).unlink()
        self.assertEqual(remedy.state, "planned")

    def test_approval_refused_then_granted(self):
        self.company.iso10002_compensation_limit = 200.0
        remedy = self._refund_remedy()
        self._reverse(remedy)
        credit_note = remedy.credit_note_ids.with_user(self.accountant)
        with self.assertRaisesRegex(UserError, self.complaint.display_name):
            credit_note.action_post()
        self.assertEqual(credit_note.state, "draft")
        with self.assertRaises(UserError):
            self.complaint.with_user(self.handler).action_approve_compensation()
        self.complaint.with_user(self.manager).action_approve_compensation()
        credit_note.action_post()
        self.assertEqual(remedy.state, "delivered")

    def test_refund_only_by_credit_note_with_an_invoice(self):
        apology = (
            self.env["iso10002.remedy"]
            .with_user(self.handler)
            .create({"ticket_id": self.complaint.id, "remedy_type_id": self.apology.id})
        )
        with self.assertRaisesRegex(UserError, "not delivered by a credit note"):
            apology.with_user(self.accountant).action_iso_refund()
        remedy = self._refund_remedy()
        self.complaint.with_user(self.accountant).invoice_ids = [Command.clear()]
        with self.assertRaisesRegex(UserError, "Link the posted invoice"):
            remedy.with_user(self.accountant).action_iso_refund()

    def test_handler_without_accounting_rights(self):
        remedy = self._refund_remedy()
        complaint = self.complaint.with_user(self.handler)
        with self.assertRaises(AccessError):
            complaint.read(["invoice_ids"])
        with self.assertRaises(AccessError):
            remedy.with_user(self.handler).action_iso_refund()
        # the complaint form still works without the invoices
        with Form(complaint) as form:
            form.decision = "upheld"
            with form.remedy_ids.new() as line:
                line.remedy_type_id = self.apology
        self.assertEqual(complaint.decision, "upheld")
        self.assertEqual(len(complaint.remedy_ids), 2)
        # the refund's state shows, not the credit note
        self._reverse(remedy)
        remedy.credit_note_ids.with_user(self.accountant).action_post()
        self.assertEqual(remedy.with_user(self.handler).state, "delivered")
