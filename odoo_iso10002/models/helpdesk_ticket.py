from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _default_complaint_team(self):
        teams = self.env["helpdesk.ticket.team"].search(
            [
                ("is_complaint_team", "=", True),
                ("company_id", "in", [False, self.env.company.id]),
            ]
        )
        return ((teams & self.env.user.helpdesk_team_ids) or teams)[:1]

    @api.model
    def default_get(self, fields):
        # The complaints menu opens new tickets in the user's complaint team.
        context = self.env.context
        if context.get("iso10002_complaints") and not context.get("default_team_id"):
            team = self._default_complaint_team()
            if team:
                ticket = self.with_context(default_team_id=team.id)
                return super(HelpdeskTicket, ticket).default_get(fields)
        return super().default_get(fields)

    is_complaint = fields.Boolean(
        string="Complaint",
        related="team_id.is_complaint_team",
        store=True,
        index=True,
    )
    iso_step = fields.Selection(
        related="stage_id.iso_step",
        store=True,
        index=True,
    )
    stage_id = fields.Many2one(
        domain="is_complaint and [('team_ids', '=', team_id), ('iso_step', '!=', False)]"
        " or ['|', ('team_ids', '=', team_id), ('team_ids', '=', False)]",
    )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        if self.env.context.get("iso10002_complaints"):
            return stages.search(["|", ("id", "in", stages.ids), ("iso_step", "!=", False)])
        return super()._read_group_stage_ids(stages, domain)

    @api.model_create_multi
    def create(self, vals_list):
        teams = self.env["helpdesk.ticket.team"]
        default_team = teams.browse(self.env.context.get("default_team_id"))
        pending = []
        for vals in vals_list:
            team = teams.browse(vals["team_id"]) if vals.get("team_id") else default_team
            to_number = vals.get("number", "/") == "/"
            if to_number and team.is_complaint_team:
                vals["number"] = self._prepare_complaint_number(
                    vals.get("company_id") or team.company_id.id
                )
                to_number = False
            pending.append(to_number)
        tickets = super().create(vals_list)
        # A team computed after creation (from the assigned user) is known only now.
        for ticket, to_number in zip(tickets, pending, strict=True):
            if to_number and ticket.is_complaint:
                ticket.number = self._prepare_complaint_number(ticket.company_id.id)
        return tickets

    def write(self, vals):
        newcomers = (
            self.filtered(lambda t: not t.is_complaint) if "team_id" in vals else self.browse()
        )
        res = super().write(vals)
        for ticket in newcomers.filtered("is_complaint"):
            old_number = ticket.number
            ticket.number = self._prepare_complaint_number(ticket.company_id.id)
            ticket.message_post(
                body=self.env._(
                    "Registered as complaint %(reference)s (was ticket %(number)s).",
                    reference=ticket.number,
                    number=old_number,
                ),
            )
        return res

    @api.model
    def _prepare_complaint_number(self, company_id):
        """Next complaint reference: its own sequence, apart from ticket numbers."""
        sequence = self.env["ir.sequence"].with_company(company_id)
        return sequence.next_by_code("iso10002.complaint") or "/"
