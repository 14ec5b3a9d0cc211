from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..const import FORM_LIMIT_EMAIL_DEFAULT, FORM_LIMIT_IP_DEFAULT


class ResCompany(models.Model):
    _inherit = "res.company"

    iso10002_policy = fields.Html(
        string="Complaints-Handling Policy",
        translate=True,
        sanitize_style=True,
        help="Published on the portal page /complaints/policy and linked from "
        "every acknowledgement (ISO 10002 5.2 and 7.1).",
    )
    iso10002_appeal_info = fields.Html(
        string="Internal Appeal",
        translate=True,
        help="How a complainant who disagrees with the decision may appeal "
        "within the organisation; part of every decision mail (ISO 10002 7.8).",
    )
    iso10002_adr_body = fields.Char(
        string="External Dispute Resolution Body",
        translate=True,
        help="The body a complainant may turn to when the complaint is not "
        "resolved (ISO 10003), e.g. the national consumer rights authority.",
    )
    iso10002_adr_url = fields.Char(string="External Dispute Resolution Website")
    iso10002_compensation_limit = fields.Monetary(
        string="Compensation Approval Limit",
        currency_field="currency_id",
        default=500.0,
        help="A compensation above this amount needs a complaint manager's approval.",
    )
    iso10002_answer_days = fields.Integer(
        string="Days to Answer a Decision",
        default=14,
        help="A complaint whose decision the complainant neither accepts nor "
        "rejects within this many days is closed as unanswered.",
    )
    iso10002_repeat_window_days = fields.Integer(
        string="Repeat Complaint Window (days)",
        default=365,
        help="Complaints of the same customer or category within this many days "
        "are shown as related; a second one of the same customer is a repeat.",
    )
    iso10002_retention_months = fields.Integer(
        string="Retention of Personal Data (months)",
        default=0,
        help="Months after closing after which the personal data of a complaint "
        "(complainant, texts, attachments, e-mails) is anonymised; its figures are "
        "kept for the statistics. 0 keeps the personal data forever.",
    )
    # The public complaint form (/complaints/new): how often it may be sent
    iso10002_form_limit_ip = fields.Integer(
        string="Complaint Form Submissions per Client Address per Hour",
        default=FORM_LIMIT_IP_DEFAULT,
        help="How many complaints the public form accepts from one client (IP) "
        "address in an hour, refused robot submissions included. 0: no limit.",
    )
    iso10002_form_limit_email = fields.Integer(
        string="Complaint Form Submissions per E-mail Address per Hour",
        default=FORM_LIMIT_EMAIL_DEFAULT,
        help="How many complaints the public form accepts for one e-mail address "
        "in an hour; each is acknowledged to that address. 0: no limit.",
    )

    @api.constrains("iso10002_form_limit_ip", "iso10002_form_limit_email")
    def _check_iso10002_form_limits(self):
        for company in self:
            if company.iso10002_form_limit_ip < 0 or company.iso10002_form_limit_email < 0:
                raise ValidationError(
                    self.env._("The complaint form's limits cannot be negative (0: no limit).")
                )

    def _iso10002_tz(self):
        """The time zone of the company's days, in which every complaints
        period is counted: management reviews, the analysis, the audit export
        and the survey statistics.

        The working calendar's zone first: the company's deadlines already
        count on that calendar, and its working days are the days the
        company lives by, wherever its users are. Then the zone of the
        company's own contact, for a company without calendar; UTC only when
        neither is set. Never the user's zone: the figures of a period must
        not depend on who computes them. The complaints analysis (SQL view
        iso10002.complaint.report) applies the same rule in SQL."""
        self.ensure_one()
        company = self.sudo()
        return company.resource_calendar_id.tz or company.partner_id.tz or "UTC"
