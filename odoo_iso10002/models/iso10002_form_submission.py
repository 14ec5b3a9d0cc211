import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, mute_logger

from ..const import FORM_LIMIT_WINDOW_HOURS, FORM_SUBMISSION_RETENTION_DAYS

_logger = logging.getLogger(__name__)


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
    contact_key = fields.Char(
        string="Contact Created For",
        readonly=True,
        copy=False,
        help="The normalised e-mail address of the contact this submission created. "
        "Unique: of two submissions with the same new address at the same moment, "
        "one creates the contact, the other is run again and finds it.",
    )

    _sql_constraints = [
        (
            "contact_key_unique",
            "UNIQUE (contact_key)",
            "Only one submission creates the contact of an e-mail address.",
        ),
    ]

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
    def _record(self, values, new_contact=False):
        """Record a submission. With `new_contact`, it claims the creation of
        the contact of its e-mail address: Odoo runs transactions in
        REPEATABLE READ, so a submission does not see the contact created by
        another one committed after it began, and an advisory lock would not
        change that. The unique `contact_key`, inserted with ON CONFLICT DO
        NOTHING, makes PostgreSQL wait for the other transaction, then raise
        a serialization failure if it committed: Odoo's HTTP layer then runs
        the request again in a new transaction, which finds the contact."""
        if not new_contact:
            return self.create(values)
        key = values["email_normalized"]
        # A claim whose contact is gone (archived, merged, address changed)
        # no longer stands in the way.
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET contact_key = NULL WHERE contact_key = %s",
                SQL.identifier(self._table),
                key,
            )
        )
        now = self.env.cr.now()
        # The conflict is expected and handled: no "bad query" in the log.
        with mute_logger("odoo.sql_db"):
            self.env.cr.execute(
                SQL(
                    """INSERT INTO %(table)s (company_id, ip_address, email_normalized, outcome,
                                              contact_key, create_uid, create_date, write_uid,
                                              write_date)
                       VALUES (%(company)s, %(ip)s, %(email)s, %(outcome)s, %(email)s, %(uid)s,
                               %(now)s, %(uid)s, %(now)s)
                       ON CONFLICT (contact_key) DO NOTHING
                       RETURNING id""",
                    table=SQL.identifier(self._table),
                    company=values.get("company_id") or self.env.company.id,
                    ip=values.get("ip_address") or None,
                    email=key,
                    outcome=values["outcome"],
                    uid=self.env.uid,
                    now=now,
                )
            )
        row = self.env.cr.fetchone()
        if row:
            return self.browse(row[0])
        # Not expected: visible claims were released just above.
        _logger.warning("Complaint form: the contact of %s could not be claimed.", key)
        return self.create(values)

    @api.autovacuum
    def _gc_form_submissions(self):
        """Submissions are personal data (client addresses): kept only as
        long as the limits need them, with a margin."""
        since = fields.Datetime.now() - timedelta(days=FORM_SUBMISSION_RETENTION_DAYS)
        self.sudo().search([("create_date", "<", since)]).unlink()
