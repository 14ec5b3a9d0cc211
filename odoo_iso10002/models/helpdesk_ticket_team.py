from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class HelpdeskTicketTeam(models.Model):
    _name = "helpdesk.ticket.team"
    _inherit = ["helpdesk.ticket.team", "iso10002.config.cache.mixin"]

    is_complaint_team = fields.Boolean(
        string="Complaints Team",
        tracking=True,
        help="Tickets of this team are complaints handled as ISO 10002 asks: "
        "they get a complaint reference and follow the ISO process stages.",
    )
    complaint_auto_acknowledge = fields.Boolean(
        string="Acknowledge Automatically",
        default=True,
        help="Send the acknowledgement mail as soon as a complaint with an "
        "e-mail address is received (ISO 10002 7.4).",
    )
    complaint_decision_days = fields.Float(
        string="Decision Within (working days)",
        compute="_compute_complaint_decision_days",
        help="The time limit announced to complainants: the team's default deadline policy.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        check_company=True,
        help="Deadlines count the working time of this calendar, public holidays "
        "excluded; empty: the company's working hours.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction Survey",
        help="Sent to the complainant when a complaint is closed (ISO 10002 8.3); "
        "empty: no survey.",
    )
    survey_delay_days = fields.Integer(
        string="Survey Delay (days)", help="Days after closing; 0 sends it at once."
    )
    survey_reminder_days = fields.Integer(
        string="Survey Reminder (days)",
        help="Days after the survey, a reminder if it is not answered; 0: no reminder.",
    )
    iso_remedies_before_closing = fields.Boolean(
        string="Remedies Delivered before Closing",
        help="A complaint is closed only once each of its remedies is delivered "
        "or cancelled (withdrawn complaints excepted).",
    )
    deadline_policy_ids = fields.One2many(
        "iso10002.deadline.policy", "team_id", string="Deadline Policies"
    )
    # Objectives (ISO 10002 6), shown beside the figures of management reviews.
    target_acknowledge_on_time = fields.Float(
        string="Target: Acknowledged on Time (%)", help="0: no target."
    )
    target_decision_on_time = fields.Float(
        string="Target: Decisions on Time (%)", help="0: no target."
    )
    target_close_on_time = fields.Float(string="Target: Closed on Time (%)", help="0: no target.")
    target_satisfaction = fields.Float(
        string="Target: Satisfaction Score", help="Out of 100; 0: no target."
    )

    @api.depends("deadline_policy_ids.decision_days", "deadline_policy_ids.severity")
    def _compute_complaint_decision_days(self):
        for team in self:
            default = team.deadline_policy_ids.filtered(lambda p: not p.severity)[:1]
            team.complaint_decision_days = default.decision_days

    def _satisfaction_stats(self, date_from, date_to):
        """Per team, for the complaints surveyed in [date_from, date_to):
        {team: {"invited": n, "answered": n, "response_rate": %, "score": avg}}."""
        groups = self.env["helpdesk.ticket"]._read_group(
            [
                ("team_id", "in", self.ids),
                ("survey_invited_date", ">=", date_from),
                ("survey_invited_date", "<", date_to),
            ],
            ["team_id"],
            ["__count", "survey_answered_date:count", "satisfaction_score:sum"],
        )
        stats = {}
        for team, invited, answered, score_sum in groups:
            stats[team] = {
                "invited": invited,
                "answered": answered,
                "response_rate": 100.0 * answered / invited,
                "score": score_sum / answered if answered else None,
            }
        return stats

    @api.constrains("is_complaint_team")
    def _check_is_complaint_team(self):
        plain_teams = self.filtered(lambda team: not team.is_complaint_team)
        iso_stage = self.env["helpdesk.ticket.stage"].search(
            [("team_ids", "in", plain_teams.ids), ("iso_step", "!=", False)], limit=1
        )
        if plain_teams and iso_stage:
            raise ValidationError(
                self.env._(
                    "Stage “%(stage)s” follows an ISO 10002 step: remove the team "
                    "from it before the team stops handling complaints.",
                    stage=iso_stage.name,
                )
            )

    def _get_applicable_stages(self):
        stages = super()._get_applicable_stages()
        if self.is_complaint_team:
            # Complaints move through ISO steps only, not the generic stages.
            return stages.filtered("iso_step")
        return stages

    @tools.ormcache("self.id")
    def _iso_applicable_stage_ids(self):
        """The ids of the active stages `_get_applicable_stages` gives the
        team, in their order, whoever asks: every complaint saved is checked
        against them and every move looks its stage up in them, without a
        search each time. A change to a team or a stage clears them
        (iso10002.config.cache.mixin)."""
        team = self.sudo().with_context(active_test=True)
        return tuple(team._get_applicable_stages().ids)
