from odoo import api, fields, models
from odoo.exceptions import UserError

ACCOUNTING_GROUPS = "account.group_account_invoice,account.group_account_readonly"


class Iso10002Remedy(models.Model):
    _inherit = "iso10002.remedy"

    credit_note_ids = fields.Many2many(
        "account.move",
        "iso10002_remedy_account_move_rel",
        "remedy_id",
        "move_id",
        string="Credit Notes",
        readonly=True,
        copy=False,
        check_company=True,
        groups=ACCOUNTING_GROUPS,
        help="The credit notes that deliver this refund: it is delivered once they are posted.",
    )

    @api.readonly
    def action_iso_refund(self):
        """Odoo's credit-note wizard on the complaint's invoices: "Reverse"
        drafts a credit note of the whole invoice, which the accountant edits
        for a partial refund; the credit notes it creates deliver this remedy."""
        self.ensure_one()
        if self.delivery != "credit_note":
            raise UserError(
                self.env._(
                    "“%(remedy)s” is not delivered by a credit note.",
                    remedy=self.remedy_type_id.display_name,
                )
            )
        if self.state in ("delivered", "cancelled"):
            raise UserError(
                self.env._(
                    "This remedy of %(complaint)s is %(state)s: there is nothing to refund.",
                    complaint=self.ticket_id.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[self.state],
                )
            )
        invoices = self.ticket_id.invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        )
        if not invoices:
            raise UserError(
                self.env._(
                    "Link the posted invoice to refund to %(complaint)s first (tab "
                    "Response & Decision, Invoices).",
                    complaint=self.ticket_id.display_name,
                )
            )
        action = invoices[0].action_reverse()
        action["context"] = {
            "active_model": "account.move",
            "active_ids": invoices.ids,
            "iso10002_remedy_id": self.id,
        }
        return action

    def _iso_follow_credit_notes(self):
        """Follow the credit notes that deliver these remedies: the amount is
        their total (it changes while they are drafts); posted, all of them,
        the remedy is delivered; one back in draft, it is in progress again;
        none left (cancelled or deleted), it is planned again."""
        for remedy in self.filtered(lambda r: r.state != "cancelled"):
            notes = remedy.credit_note_ids.filtered(lambda move: move.state != "cancel")
            if not notes:
                if remedy.state != "planned":
                    remedy.write({"state": "planned", "date_delivered": False})
                continue
            currency = (
                notes.currency_id if len(notes.currency_id) == 1 else remedy.company_currency_id
            )
            total = sum(
                note.currency_id._convert(
                    note.amount_total, currency, note.company_id, note.date or fields.Date.today()
                )
                for note in notes
            )
            values = {}
            if currency != remedy.currency_id:
                values["currency_id"] = currency.id
            if currency.compare_amounts(total, remedy.amount_currency):
                values["amount_currency"] = total
            if all(note.state == "posted" for note in notes):
                if remedy.state != "delivered":
                    values.update(state="delivered", date_delivered=fields.Datetime.now())
            elif remedy.state != "in_progress":
                values.update(state="in_progress", date_delivered=False)
            if values:
                remedy.write(values)
