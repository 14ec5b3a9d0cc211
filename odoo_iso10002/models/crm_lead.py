from markupsafe import Markup

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # Same field as OCA helpdesk_mgmt_crm, so that both addons can live together.
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Helpdesk Ticket",
        tracking=True,
        index="btree_not_null",
        help="The complaint this opportunity comes from (service recovery), or "
        "that was registered from it.",
    )
    has_open_complaint = fields.Boolean(
        string="Customer Has Open Complaint",
        related="partner_id.commercial_partner_id.iso10002_has_open_complaint",
        store=True,
    )
    has_serious_open_complaint = fields.Boolean(
        related="partner_id.commercial_partner_id.iso10002_has_serious_open_complaint"
    )
    complaint_count = fields.Integer(related="partner_id.complaint_count")
    open_complaint_count = fields.Integer(related="partner_id.open_complaint_count")

    @api.readonly
    def action_view_complaints(self):
        self.ensure_one()
        return self.partner_id.action_view_complaints()

    @api.readonly
    def action_register_complaint(self):
        """Register a complaint the customer made to their salesperson."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register a Complaint"),
            "res_model": "iso10002.complaint.register",
            "view_mode": "form",
            "target": "new",
            "context": {"default_lead_id": self.id},
        }

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        for lead in leads.filtered("ticket_id"):
            lead.ticket_id.sudo().message_post(
                body=Markup(self.env._("Service-recovery opportunity %(link)s created."))
                % {"link": lead._get_html_link()},
                subtype_xmlid="mail.mt_note",
            )
        return leads
