from odoo import fields, models

ACCOUNTING_GROUPS = "account.group_account_invoice,account.group_account_readonly"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    invoice_ids = fields.Many2many(
        "account.move",
        "iso10002_ticket_account_move_rel",
        "ticket_id",
        "move_id",
        string="Invoices",
        copy=False,
        check_company=True,
        groups=ACCOUNTING_GROUPS,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('commercial_partner_id', '=', commercial_partner_id)]",
        help="The complainant's invoices the complaint is about: a refund remedy credits them.",
    )

    def _iso_remedy_approval_missing(self):
        """The complaints whose remedies carrying an amount cost, together and
        in company currency, more than the company's limit, and that no
        complaint manager approved."""
        missing = self.browse()
        for ticket in self.filtered(lambda t: not t.approved_by_id):
            company = ticket.company_id or self.env.company
            cost = sum(
                ticket.remedy_ids.filtered(
                    lambda r: r.has_amount and r.state != "cancelled"
                ).mapped("amount")
            )
            if company.currency_id.compare_amounts(cost, company.iso10002_compensation_limit) > 0:
                missing |= ticket
        return missing
