from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

REMEDY_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("delivered", "Delivered"),
    ("cancelled", "Cancelled"),
]


class Iso10002Remedy(models.Model):
    """A remedy decided for a complaint (ISO 10002 7.7), tracked until it is
    delivered: by an ERP document (credit note, return, replacement, repair
    order: the bridge addons link them) or by hand (apology, explanation).
    Its amount in company currency is the cost the review reports (8.6)."""

    _name = "iso10002.remedy"
    _description = "Complaint Remedy"
    _order = "ticket_id, sequence, id"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    # precomputed, as the complaint's cost of remedies that depends on them
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    remedy_type_id = fields.Many2one(
        "iso10002.remedy.type", string="Remedy", required=True, ondelete="restrict", index=True
    )
    delivery = fields.Selection(related="remedy_type_id.delivery", store=True)
    has_amount = fields.Boolean(related="remedy_type_id.is_compensation")
    name = fields.Char(string="Description")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        help="The currency of the document that delivers the remedy.",
    )
    amount_currency = fields.Monetary(
        string="Amount", currency_field="currency_id", help="In the document's currency."
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    amount = fields.Monetary(
        string="Amount (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_amount",
        store=True,
        precompute=True,
        help="Converted at the date of the decision (today while it is not communicated).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        index=True,
    )
    date_due = fields.Date(string="Due Date", index=True)
    state = fields.Selection(
        REMEDY_STATES, default="planned", required=True, index=True, copy=False, readonly=True
    )
    date_delivered = fields.Datetime(string="Delivered On", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Due before today and neither delivered nor cancelled.",
    )

    @api.depends(
        "amount_currency",
        "currency_id",
        "company_id",
        "has_amount",
        "ticket_id.date_decision_communicated",
    )
    def _compute_amount(self):
        for remedy in self:
            company = remedy.company_id or self.env.company
            if not remedy.has_amount:
                remedy.amount = 0.0
                continue
            # the rate of the company's local day, as the review counts days
            moment = remedy.ticket_id.date_decision_communicated or fields.Datetime.now()
            day = fields.Date.context_today(remedy.with_context(tz=company._iso10002_tz()), moment)
            remedy.amount = remedy.currency_id._convert(
                remedy.amount_currency, company.currency_id, company, day
            )

    def _compute_is_overdue(self):
        overdue = self.filtered_domain(self._search_is_overdue("=", True))
        overdue.is_overdue = True
        (self - overdue).is_overdue = False

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = [
            "&",
            ("date_due", "<", fields.Date.context_today(self)),
            ("state", "in", ("planned", "in_progress")),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.constrains("amount_currency")
    def _check_amount(self):
        if any(remedy.amount_currency < 0 for remedy in self):
            raise ValidationError(self.env._("A remedy's amount cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        remedies = super().create(vals_list)
        remedies.ticket_id._iso_on_remedies_changed()
        return remedies

    def write(self, vals):
        tickets = self.ticket_id
        res = super().write(vals)
        if {"amount_currency", "currency_id", "remedy_type_id", "state", "ticket_id"} & set(vals):
            (tickets | self.ticket_id)._iso_on_remedies_changed()
        return res

    def unlink(self):
        tickets = self.ticket_id
        res = super().unlink()
        tickets.exists()._iso_on_remedies_changed()
        return res

    # ------------------------------------------------------------------
    # States
    # ------------------------------------------------------------------

    def _iso_start(self):
        """The document delivering these remedies exists (draft): in progress."""
        self.filtered(lambda r: r.state == "planned").write({"state": "in_progress"})

    def _iso_deliver(self, when=None):
        """The remedies were delivered, at `when` (now by default): called by
        the document that delivers them (credit note posted, return or
        replacement done, repair done) or by a handler for a remedy given by
        hand. Delivered once; a cancelled remedy stays cancelled."""
        todo = self.filtered(lambda r: r.state in ("planned", "in_progress"))
        todo.write({"state": "delivered", "date_delivered": when or fields.Datetime.now()})
        return todo

    def action_start(self):
        self._iso_start()
        return True

    def action_deliver(self):
        """Delivered by hand: only a remedy that no ERP document delivers."""
        by_document = self.filtered(lambda r: r.delivery != "hand")
        if by_document:
            raise UserError(
                self.env._(
                    "“%(remedy)s” is delivered by its document (%(delivery)s), not by hand.",
                    remedy=by_document[0].remedy_type_id.display_name,
                    delivery=dict(
                        by_document._fields["delivery"]._description_selection(self.env)
                    ).get(by_document[0].delivery, by_document[0].delivery),
                )
            )
        self._iso_deliver()
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state == "delivered"):
            raise UserError(self.env._("A delivered remedy cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_plan(self):
        """Back to planned: a cancelled remedy decided again."""
        self.filtered(lambda r: r.state == "cancelled").write({"state": "planned"})
        return True
