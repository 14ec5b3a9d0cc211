from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import SEVERITIES


class Iso10002DeadlinePolicy(models.Model):
    """Time limits of a complaints team, optionally for one severity (ISO 10002
    4.15 timeliness, 7.4 acknowledgement). Time counts in working hours of the
    team's calendar: weekends, public holidays and paused time are left out."""

    _name = "iso10002.deadline.policy"
    _description = "Complaint Deadline Policy"
    _order = "team_id, severity, id"
    _check_company_auto = True

    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('is_complaint_team', '=', True)]",
        check_company=True,
    )
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    severity = fields.Selection(
        SEVERITIES,
        help="Leave empty for the team's default: complaints of any other "
        "severity, and those not assessed yet.",
    )
    acknowledge_hours = fields.Float(
        string="Acknowledge Within (working hours)", default=16.0, required=True
    )
    decision_days = fields.Float(
        string="Decision Within (working days)", default=20.0, required=True
    )
    close_days = fields.Float(string="Close Within (working days)", default=30.0, required=True)
    at_risk_hours = fields.Float(
        string="At Risk (hours before)",
        default=8.0,
        required=True,
        help="A deadline is at risk this many hours before it falls due.",
    )

    _sql_constraints = [
        (
            "limits_positive",
            (
                "CHECK(acknowledge_hours > 0 AND decision_days > 0 AND close_days > 0 "
                "AND at_risk_hours >= 0)"
            ),
            "Time limits must be positive.",
        ),
    ]

    @api.depends("team_id", "severity")
    def _compute_display_name(self):
        severities = dict(self._fields["severity"]._description_selection(self.env))
        for policy in self:
            policy.display_name = "%s – %s" % (
                policy.team_id.display_name,
                severities.get(policy.severity) or self.env._("any severity"),
            )

    @api.constrains("team_id", "severity")
    def _check_one_policy_per_severity(self):
        for policy in self:
            twins = self.search_count(
                [
                    ("team_id", "=", policy.team_id.id),
                    ("severity", "=", policy.severity),
                    ("id", "!=", policy.id),
                ]
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "Team %(team)s already has a deadline policy for this severity.",
                        team=policy.team_id.display_name,
                    )
                )

    @api.model
    def _policy_for(self, policies, team, severity):
        """The policy of `team` for `severity` among `policies`: the one for
        that severity, else the team's default (no severity)."""
        mine = policies.filtered(lambda p: p.team_id == team)
        return (
            mine.filtered(lambda p: p.severity == severity)[:1]
            or mine.filtered(lambda p: not p.severity)[:1]
        )
