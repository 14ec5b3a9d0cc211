import uuid

from freezegun import freeze_time
from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tools import SQL, mute_logger

from .common import Iso10002Case


class TestFormSubmission(Iso10002Case):
    """The public form's record of submissions: its limits, its retention,
    and the one contact per new address when two arrive at once."""

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

    def test_released_claim(self):
        """The contact a submission created is gone (archived, merged): the
        next submission for that address creates and claims a new one."""
        Submission = self.env["iso10002.form.submission"].sudo()
        first = Submission._record(self._values(), new_contact=True)
        self.assertEqual(first.contact_key, "jonas@example.com")
        second = Submission._record(self._values(), new_contact=True)
        self.assertEqual(second.contact_key, "jonas@example.com")
        first.invalidate_recordset()
        self.assertFalse(first.contact_key)

    @mute_logger("odoo.sql_db")
    def test_same_new_address_at_the_same_moment(self):
        """Two requests, each in its own transaction (REPEATABLE READ, as
        Odoo runs them): B began before A committed the contact A created,
        so B's search cannot see it. B's claim fails with a serialization
        failure, on which Odoo runs the request again; then B finds A's
        contact."""
        email = f"race-{uuid.uuid4().hex[:8]}@example.com"
        self.addCleanup(self._delete_committed, email)
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            env_a = api.Environment(cr_a, SUPERUSER_ID, {})
            env_b = api.Environment(cr_b, SUPERUSER_ID, {})
            values = self._values(email_normalized=email)

            def find_or_create(env):
                # what the form does: look the contact up, claim it, create it
                partners = env["res.partner"].search([("email_normalized", "=", email)])
                if not partners:
                    env["iso10002.form.submission"]._record(values, new_contact=True)
                    partners = env["res.partner"].create({"name": "Race", "email": email})
                return partners

            # B's request has begun: its snapshot is taken
            self.assertFalse(env_b["res.partner"].search_count([("email_normalized", "=", email)]))
            contact = find_or_create(env_a)
            cr_a.commit()
            with self.assertRaises(SerializationFailure):
                find_or_create(env_b)
            cr_b.rollback()
            env_b.invalidate_all()
            self.assertEqual(find_or_create(env_b).ids, contact.ids, "B's retry finds A's contact")

    def _delete_committed(self, email):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL("DELETE FROM iso10002_form_submission WHERE email_normalized = %s", email)
            )
            cr.execute(SQL("DELETE FROM res_partner WHERE email_normalized = %s", email))
