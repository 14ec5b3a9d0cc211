from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import ISO_STEPS


class HelpdeskTicketStage(models.Model):
    _name = "helpdesk.ticket.stage"
    _inherit = ["helpdesk.ticket.stage", "iso10002.config.cache.mixin"]

    iso_step = fields.Selection(
        selection=ISO_STEPS,
        string="ISO 10002 Step",
        index=True,
        help="Step of the ISO 10002 complaints-handling process this stage "
        "stands for. Only stages of complaint teams have one.",
    )

    pause_deadlines = fields.Boolean(
        string="Pauses Deadlines",
        help="The complaint waits on the complainant here: its deadlines stop "
        "running until it leaves this stage.",
    )

    @api.constrains("iso_step", "team_ids")
    def _check_iso_step_teams(self):
        for stage in self.filtered("iso_step"):
            if not stage.team_ids or not all(stage.team_ids.mapped("is_complaint_team")):
                raise ValidationError(
                    self.env._(
                        "Stage “%(stage)s” follows an ISO 10002 step: "
                        "it must be restricted to complaint teams.",
                        stage=stage.name,
                    )
                )

    @api.constrains("iso_step", "closed", "close_from_portal")
    def _check_iso_step_closed(self):
        for stage in self.filtered("iso_step"):
            # the complainant closes by accepting the decision, not with
            # helpdesk_mgmt's portal close button
            if stage.closed != (stage.iso_step == "closed") or stage.close_from_portal:
                raise ValidationError(
                    self.env._(
                        "Stage “%(stage)s”: only the ISO step “Closed” closes "
                        "a complaint, it must close it, and never from the portal.",
                        stage=stage.name,
                    )
                )

    @api.onchange("iso_step")
    def _onchange_iso_step(self):
        if self.iso_step:
            self.closed = self.iso_step == "closed"
