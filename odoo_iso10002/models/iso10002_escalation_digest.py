from odoo import api, fields, models


class Iso10002EscalationDigest(models.Model):
    """What one recipient is told of a run of a rule that escalated several
    complaints for them: the complaints, the to-do, and the message linking
    here (ISO 10002 7.3, 8.4). Written by the system only."""

    _name = "iso10002.escalation.digest"
    # the recipient's to-do, and the message that links to the list
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Complaint Escalation Digest"
    _order = "date desc, id desc"
    # the recipient marks the to-do done on a digest they may only read
    _mail_post_access = "read"

    rule_id = fields.Many2one(
        "iso10002.escalation.rule", required=True, readonly=True, ondelete="restrict", index=True
    )
    level = fields.Integer(required=True, readonly=True, aggregator="max")
    date = fields.Datetime(string="Run", required=True, readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Recipient", required=True, readonly=True, index=True
    )
    # the complaints' company; empty when they are of several
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        "iso10002_escalation_digest_ticket_rel",
        "digest_id",
        "ticket_id",
        string="Complaints",
        readonly=True,
    )
    complaint_count = fields.Integer(string="Complaints Escalated", readonly=True)

    @api.depends("rule_id", "level", "complaint_count")
    def _compute_display_name(self):
        for digest in self:
            digest.display_name = self.env._(
                "%(count)s complaints: level %(level)s (%(rule)s)",
                count=digest.complaint_count,
                level=digest.level,
                rule=digest.rule_id.name,
            )

    @api.readonly
    def action_open_complaints(self):
        """The complaints of the digest, as the list a recipient works from."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": "helpdesk.ticket",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.ticket_ids.ids)],
            "context": {"create": False},
        }

    def _url(self):
        """The address of the digest in the web client, for the message."""
        self.ensure_one()
        return f"{self.get_base_url()}/odoo/{self._name}/{self.id}"
