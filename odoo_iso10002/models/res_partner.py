from odoo import api, fields, models

# A complaint that sales must see before talking to the customer.
SERIOUS_SEVERITIES = ("3", "4")


class ResPartner(models.Model):
    _inherit = "res.partner"

    iso10002_survey_opt_out = fields.Boolean(
        string="No Complaint Surveys",
        help="Never send this contact a satisfaction survey about a complaint.",
    )
    iso10002_complaint_ids = fields.One2many(
        "helpdesk.ticket",
        "commercial_partner_id",
        string="Complaints",
        domain=[("is_complaint", "=", True)],
    )
    iso10002_has_open_complaint = fields.Boolean(
        string="Has Open Complaint",
        compute="_compute_iso10002_open_complaint",
        store=True,
        help="The customer (company and its contacts) has a complaint not closed yet.",
    )
    iso10002_has_serious_open_complaint = fields.Boolean(
        string="Has Serious Open Complaint",
        compute="_compute_iso10002_open_complaint",
        store=True,
        help="An open complaint of high or critical severity, or about health and safety.",
    )
    complaint_count = fields.Integer(compute="_compute_complaint_count")
    open_complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends(
        "iso10002_complaint_ids.iso_step",
        "iso10002_complaint_ids.severity",
        "iso10002_complaint_ids.health_safety",
        "iso10002_complaint_ids.is_confidential",
    )
    def _compute_iso10002_open_complaint(self):
        # One aggregate over the customers' open complaints, not a read of all
        # their complaints: it runs whenever a ticket of theirs is created.
        groups = self._iso10002_complaint_groups(
            self, ["severity", "health_safety"], domain=[("iso_step", "!=", "closed")]
        )
        serious = {}
        for partner, severity, health_safety in groups:
            serious[partner] = (
                serious.get(partner) or health_safety or severity in SERIOUS_SEVERITIES
            )
        for partner in self:
            partner.iso10002_has_open_complaint = partner in serious
            partner.iso10002_has_serious_open_complaint = serious.get(partner, False)

    def _compute_complaint_count(self):
        # Counts only, for everyone (sales included): the complaints themselves
        # stay behind the complaint record rules.
        counts = self._iso10002_complaint_counts(self.commercial_partner_id)
        for partner in self:
            partner.complaint_count, partner.open_complaint_count = counts.get(
                partner.commercial_partner_id.id, (0, 0)
            )

    @api.model
    def _iso10002_complaint_groups(self, commercial_partners, groupby, aggregates=(), domain=()):
        """`_read_group` by customer and `groupby` of the complaints of these
        customers that may be shown outside the complaint's circle (never a
        confidential one), as superuser: only counts and flags come out."""
        return (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("is_complaint", "=", True),
                    ("is_confidential", "=", False),
                    ("commercial_partner_id", "in", commercial_partners.ids),
                    *domain,
                ],
                ["commercial_partner_id", *groupby],
                list(aggregates),
            )
        )

    @api.model
    def _iso10002_complaint_counts(self, commercial_partners):
        """{commercial partner id: (complaints, open complaints)}, in one query."""
        groups = self._iso10002_complaint_groups(commercial_partners, ["iso_step"], ["__count"])
        counts = {}
        for partner, step, count in groups:
            total, open_count = counts.get(partner.id, (0, 0))
            counts[partner.id] = (total + count, open_count + (count if step != "closed" else 0))
        return counts

    @api.readonly
    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "odoo_iso10002.helpdesk_ticket_action_complaints"
        )
        action["domain"] = [
            ("is_complaint", "=", True),
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
        ]
        action["context"] = {"iso10002_complaints": True}
        return action
