from datetime import timedelta

from odoo import api, fields, models

from ..const import FORM_LIMIT_WINDOW_HOURS, FORM_SUBMISSION_RETENTION_DAYS


class Iso10002FormSubmission(models.Model):
    """A submission of the public complaint form, kept a day: the form's
    limits per client address and per e-mail address count them in the
    database, so that the limits hold across workers and servers."""

    _name = "iso10002.form.submission"
    _description = "Complaint Form Submission"
    _order = "id desc"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    ip_address = fields.Char(string="Client Address", readonly=True, index=True)
    email_normalized = fields.Char(string="E-mail", readonly=True, index=True)
    outcome = fields.Selection(
        [
            ("recorded", "Complaint recorded"),
            ("honeypot", "Refused: robot (honeypot)"),
            ("captcha", "Refused: captcha failed"),
        ],
        required=True,
        readonly=True,
    )

    @api.model
    def _count_recent(self, fname, value):
        """Submissions of the current company with `value` in `fname` within
        the limits' window."""
        since = fields.Datetime.now() - timedelta(hours=FORM_LIMIT_WINDOW_HOURS)
        return self.search_count(
            [
                ("company_id", "=", self.env.company.id),
                (fname, "=", value),
                ("create_date", ">=", since),
            ]
        )

    @api.model
    def _limit_reached(self, ip_address, email_normalized):
        """The limit of the current company a new submission would exceed:
        "ip" or "email", or False."""
        company = self.env.company
        for limit, fname, value in (
            ("ip", "ip_address", ip_address),
            ("email", "email_normalized", email_normalized),
        ):
            maximum = company[f"iso10002_form_limit_{limit}"]
            if value and maximum and self._count_recent(fname, value) >= maximum:
                return limit
        return False

    @api.model
    def _record(self, values):
        """Record a submission."""
        return self.create(values)

    @api.autovacuum
    def _gc_form_submissions(self):
        """Submissions are personal data (client addresses): kept only as
        long as the limits need them, with a margin."""
        since = fields.Datetime.now() - timedelta(days=FORM_SUBMISSION_RETENTION_DAYS)
        self.sudo().search([("create_date", "<", since)]).unlink()
