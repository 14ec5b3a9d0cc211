import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    """Satisfaction with complaints handling, measured by a survey (ISO 10002 8.3).

    One survey per complaint: a complaint re-opened and closed again is not
    surveyed a second time, so that nobody is asked twice about one complaint.
    """

    # The complaint model, one concern per file.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    survey_answer_ids = fields.One2many(
        "survey.user_input", "complaint_id", string="Survey Answers", readonly=True
    )
    survey_due_date = fields.Datetime(
        string="Survey Due On",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="When the satisfaction survey will be sent (the team's delay after closing).",
    )
    survey_invited_date = fields.Datetime(
        string="Survey Sent On", copy=False, readonly=True, index="btree_not_null"
    )
    survey_reminded_date = fields.Datetime(
        string="Survey Reminder Sent On", copy=False, readonly=True
    )
    survey_answered_date = fields.Datetime(string="Survey Answered On", copy=False, readonly=True)
    satisfaction_score = fields.Float(
        copy=False,
        readonly=True,
        aggregator="avg",
        help="Satisfaction with the handling of the complaint, 0 to 100, from the survey.",
    )
    survey_url = fields.Char(compute="_compute_survey_url", compute_sudo=True)

    @api.depends("survey_answer_ids")
    def _compute_survey_url(self):
        for ticket in self:
            answer = ticket.survey_answer_ids[:1]
            ticket.survey_url = answer and answer.get_base_url() + answer.get_start_url()

    def _survey_eligible(self):
        """Complaints to survey: closed with a decision (not withdrawn), a
        named complainant with an address who did not opt out, a team survey."""
        return self.filtered(
            lambda c: (
                c.team_id.survey_id
                # handlers need no survey rights to close a complaint
                and not (c.sudo().survey_answer_ids or c.survey_due_date)
                and not c.is_anonymous
                and c.decision != "withdrawn"
                and c._complainant_email()
                and not c.partner_id.iso10002_survey_opt_out
            )
        )

    def _iso_on_step_entered(self, previous_steps):
        """On closing: survey at once, or after the team's delay."""
        res = super()._iso_on_step_entered(previous_steps)
        closed = self.filtered(lambda c: c.iso_step == "closed")
        for complaint in closed._survey_eligible():
            delay = complaint.team_id.survey_delay_days
            if delay:
                complaint.survey_due_date = fields.Datetime.now() + timedelta(days=delay)
            else:
                complaint._survey_invite()
        return res

    def _survey_invite(self):
        self.ensure_one()
        survey = self.team_id.survey_id.sudo()
        survey._create_answer(
            partner=self.partner_id,
            email=self._complainant_email(),
            check_attempts=False,
            complaint_id=self.id,
        )
        self.write({"survey_invited_date": fields.Datetime.now(), "survey_due_date": False})
        self._survey_send()

    def _survey_send(self):
        self.ensure_one()
        self._post_to_complainant(
            "odoo_iso10002.mail_template_complaint_survey",
            self.env._("Satisfaction survey not sent: the complainant has no e-mail address."),
            auto_submitted="auto-generated",
        )

    @api.model
    def _cron_survey(self, batch_size=200):
        """Send the surveys whose delay is over, then the reminders that are
        due, one batch per call. A complaint is invited once and reminded once."""
        now = fields.Datetime.now()
        reminders = expression.OR(
            [
                [
                    ("team_id", "=", team.id),
                    ("survey_invited_date", "<=", now - timedelta(days=team.survey_reminder_days)),
                ]
                for team in self.env["helpdesk.ticket.team"].search(
                    [("survey_reminder_days", ">", 0)]
                )
            ]
        )
        self._iso_cron_batch(
            [
                (
                    [("survey_due_date", "<=", now), ("survey_invited_date", "=", False)],
                    lambda complaint: complaint._survey_invite(),
                    "The satisfaction survey",
                ),
                (
                    expression.AND(
                        [
                            reminders,
                            [
                                ("survey_reminded_date", "=", False),
                                ("survey_answered_date", "=", False),
                            ],
                        ]
                    ),
                    lambda complaint: complaint._survey_remind(),
                    "The survey reminder",
                ),
            ],
            _logger,
            batch_size,
        )

    def _survey_remind(self):
        self.ensure_one()
        self.survey_reminded_date = fields.Datetime.now()
        self._survey_send()
