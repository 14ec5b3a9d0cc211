from odoo import api, fields, models
from odoo.exceptions import UserError


class Iso10002ComplaintRegister(models.TransientModel):
    """A complaint told to someone outside the complaints team (a salesperson
    on a lead, for instance): registered in a complaints team, with sudo, since
    such users may not create complaints themselves (ISO 10002 7.2)."""

    _name = "iso10002.complaint.register"
    _description = "Register a Complaint"

    lead_id = fields.Many2one("crm.lead", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer")
    partner_name = fields.Char(string="Complainant")
    partner_email = fields.Char(string="E-mail")
    partner_phone = fields.Char(string="Phone")
    name = fields.Char(string="Subject", required=True)
    description = fields.Html(string="What happened", required=True)
    requested_remedy = fields.Text()
    channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        default=lambda self: self.env["helpdesk.ticket"]._iso_ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_other"
        ),
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        lead = self.env["crm.lead"].browse(values.get("lead_id"))
        if lead:
            values.update(
                {
                    "partner_id": lead.partner_id.id,
                    "partner_name": lead.contact_name or lead.partner_id.name,
                    "partner_email": lead.email_from,
                    "partner_phone": lead.phone,
                    "name": lead.name,
                    "description": lead.description,
                }
            )
        return values

    def action_register(self):
        self.ensure_one()
        tickets = self.env["helpdesk.ticket"].sudo()
        team = tickets._default_complaint_team()
        if not team:
            raise UserError(self.env._("There is no complaints team to register the complaint in."))
        complaint = tickets.create(
            {
                "team_id": team.id,
                "name": self.name,
                "description": self.description,
                "partner_id": self.partner_id.id,
                "partner_name": self.partner_name,
                "partner_email": self.partner_email,
                "partner_phone": self.partner_phone,
                "requested_remedy": self.requested_remedy,
                "channel_id": self.channel_id.id,
            }
        )
        # The one who took the complaint follows it (and so may read it).
        complaint.message_subscribe(partner_ids=self.env.user.partner_id.ids)
        complaint.message_post(
            body=self.env._("Registered by %(user)s.", user=self.env.user.name),
            subtype_xmlid="mail.mt_note",
        )
        if self.lead_id:
            self.lead_id.ticket_id = complaint
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": complaint.id,
            "view_mode": "form",
            "target": "current",
        }
