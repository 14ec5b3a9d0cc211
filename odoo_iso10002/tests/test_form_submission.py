from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .common import Iso10002Case


class TestFormSubmission(Iso10002Case):
    """The public form's record of submissions: its limits, its retention."""

    def _values(self, **values):
        return {
            "company_id": self.company.id,
            "ip_address": "192.0.2.10",
            "email_normalized": "jonas@example.com",
            "outcome": "recorded",
            **values,
        }

    def _record(self, when, **values):
        submission = self.env["iso10002.form.submission"].sudo()._record(self._values(**values))
        # create_date is the transaction's time, which freeze_time does not move
        self.env.cr.execute(
            SQL(
                "UPDATE iso10002_form_submission SET create_date = %s WHERE id = %s",
                when,
                submission.id,
            )
        )
        submission.invalidate_recordset()
        return submission

    def test_limits(self):
        self.company.write({"iso10002_form_limit_ip": 2, "iso10002_form_limit_email": 1})
        Submission = self.env["iso10002.form.submission"].sudo()
        self._record("2026-03-02 09:00:00")
        with freeze_time("2026-03-02 09:30:00"):
            self.assertEqual(Submission._limit_reached("192.0.2.10", "ona@example.com"), False)
            self.assertEqual(Submission._limit_reached("192.0.2.99", "jonas@example.com"), "email")
            self._record("2026-03-02 09:30:00", email_normalized=False, outcome="honeypot")
            self.assertEqual(Submission._limit_reached("192.0.2.10", False), "ip")
            # another company counts its own
            self.assertFalse(
                Submission.with_company(self._other_company())._limit_reached(
                    "192.0.2.10", "jonas@example.com"
                )
            )
        with freeze_time("2026-03-02 10:00:01"):
            # the first one is older than an hour
            self.assertFalse(Submission._limit_reached("192.0.2.10", "jonas@example.com"))
            self.assertEqual(Submission._limit_reached("192.0.2.10", False), False)
        self.company.write({"iso10002_form_limit_ip": 0, "iso10002_form_limit_email": 0})
        with freeze_time("2026-03-02 09:30:00"):
            self.assertFalse(Submission._limit_reached("192.0.2.10", "jonas@example.com"))

    def _other_company(self):
        return self.env["res.company"].create({"name": "Baldai Latvija SIA"})

    def test_negative_limit(self):
        with self.assertRaises(ValidationError):
            self.company.iso10002_form_limit_email = -1

    def test_kept_one_day(self):
        old = self._record("2026-03-01 08:59:00")
        recent = self._record("2026-03-01 09:01:00", email_normalized="ona@example.com")
        with freeze_time("2026-03-02 09:00:00"):
            self.env["iso10002.form.submission"]._gc_form_submissions()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
