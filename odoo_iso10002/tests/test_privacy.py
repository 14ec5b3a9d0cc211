from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import Iso10002Case

LOGGER = "odoo.addons.odoo_iso10002.models.helpdesk_ticket_privacy"
# What the statistics read: anonymisation must leave all of it as it was.
KEPT = [
    "number",
    "team_id",
    "company_id",
    "category_id",
    "channel_id",
    "date_received",
    "date_acknowledged",
    "date_investigation",
    "date_response",
    "date_decision_communicated",
    "date_closed",
    "severity",
    "impact",
    "complexity",
    "priority",
    "root_cause_id",
    "decision",
    "remedy_type_ids",
    "remedy_cost",
    "stage_id",
    "complainant_response",
    "reopen_count",
    "escalation_level",
    "is_repeat",
    "satisfaction_score",
    "survey_answered_date",
    "deadline_acknowledge",
    "deadline_close",
]


class TestPrivacy(Iso10002Case):
    """Retention of the complainants' personal data: anonymisation after the
    company's retention period, or at once on an erasure request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.iso10002_retention_months = 24
        cls.survey = cls.env.ref("odoo_iso10002.survey_complaint_satisfaction")
        cls.compensation = cls.env.ref("odoo_iso10002.remedy_type_compensation")
        cls.cron = cls.env["helpdesk.ticket"]._cron_anonymise_expired

    def _closed(self, when):
        """A complaint full of personal data, closed at `when`, its survey answered."""
        with freeze_time(when):
            complaint = self._assessed()
            self._commit_tracking()  # changes made after creation are tracked
            complaint.write(
                {
                    "partner_name": "Jonas Jonaitis",
                    "partner_email": "jonas@example.com",
                    "partner_phone": "+370 600 12345",
                    "requested_remedy": "Call Jonas back about the lamp.",
                    "order_reference": "S00042",
                }
            )
            complaint.message_subscribe(partner_ids=self.partner.ids)
            self._commit_tracking()
            complaint.sudo().message_post(
                body="Jonas here: the lamp from my flat at Gedimino pr. 1 is broken.",
                subject="Broken lamp",
                message_type="email",
                email_from="Jonas <jonas@example.com>",
                author_id=self.partner.id,
                subtype_xmlid="mail.mt_comment",
                attachments=[("lamp.jpg", b"photo of the lamp")],
            )
            self.env["ir.attachment"].create(
                {
                    "name": "receipt.pdf",
                    "raw": b"%PDF receipt of Jonas Jonaitis",
                    "res_model": "helpdesk.ticket",
                    "res_id": complaint.id,
                }
            )
            complaint.stage_id = self._stage("investigation")
            complaint.write(
                {
                    "findings": "<p>Jonas's parcel was dropped.</p>",
                    "root_cause_id": self.env.ref("odoo_iso10002.root_cause_delivery").id,
                }
            )
            complaint.stage_id = self._stage("response")
            complaint.write(
                {
                    "decision": "upheld",
                    "decision_text": "<p>Dear Jonas, we pay you back.</p>",
                    "remedy_ids": [
                        Command.create(
                            {
                                "remedy_type_id": self.compensation.id,
                                "name": "Pay Jonas back for the lamp",
                                "amount_currency": 150,
                            }
                        )
                    ],
                }
            )
            complaint.action_communicate_decision()
            complaint.action_record_acceptance()
            self._answer_survey(complaint)
        return complaint

    def _commit_tracking(self):
        """Write the tracking values, as a commit would."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _answer_survey(self, complaint):
        answer = self.survey.sudo()._create_answer(
            partner=self.partner,
            email=self.partner.email,
            check_attempts=False,
            complaint_id=complaint.id,
        )
        questions = self.survey.question_ids
        for question in questions.filtered(lambda q: q.question_type == "simple_choice"):
            best = question.suggested_answer_ids.sorted("answer_score")[-1]
            answer._save_lines(question, best.id)
        comment = questions.filtered(lambda q: q.question_type == "text_box")
        answer._save_lines(comment, "Thank you, Jonas Jonaitis")
        answer._mark_done()

    def _personal_traces(self, complaint):
        """Where the complainant's data could still be read, as text."""
        complaint = complaint.sudo()
        messages = self.env["mail.message"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        )
        mails = self.env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)])
        texts = [
            complaint.name,
            complaint.partner_name,
            complaint.partner_email,
            complaint.partner_phone,
            complaint.description,
            complaint.requested_remedy,
            complaint.order_reference,
            complaint.findings,
            complaint.decision_text,
            *complaint.remedy_ids.mapped("name"),
            *messages.mapped("body"),
            *messages.mapped("subject"),
            *messages.mapped("email_from"),
            *messages.mapped("record_name"),
            *messages.tracking_value_ids.mapped("old_value_char"),
            *messages.tracking_value_ids.mapped("new_value_char"),
            *messages.tracking_value_ids.mapped("old_value_text"),
            *messages.tracking_value_ids.mapped("new_value_text"),
            *mails.mapped("body_html"),
            *mails.mapped("email_to"),
            *complaint.survey_answer_ids.mapped("email"),
            *complaint.survey_answer_ids.user_input_line_ids.mapped("value_text_box"),
        ]
        found = [
            str(text)
            for text in texts
            if text
            and any(
                word in str(text)
                for word in ("Jonas", "jonas@", "12345", "S00042", "Gedimino", "lamp", "parcel")
            )
        ]
        if self.partner in (
            messages.author_id
            | messages.partner_ids
            | complaint.message_partner_ids
            | complaint.survey_answer_ids.partner_id
            | complaint.partner_id
        ):
            found.append("the contact is linked")
        return found

    def _files(self, complaint):
        return self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        )

    def test_cron_anonymises_after_the_retention_period(self):
        with freeze_time("2024-01-08 09:00:00"):
            earlier = self._create_ticket(self.complaint_team)  # makes the next a repeat
        complaint = self._closed("2024-02-05 10:00:00")
        self.assertTrue(self._personal_traces(complaint), "the test data is personal")
        self.assertEqual(len(self._files(complaint)), 2)
        answer = complaint.sudo().survey_answer_ids
        self.assertEqual(answer.partner_id, self.partner)
        score = answer.scoring_percentage
        self.assertEqual(complaint.satisfaction_score, score)
        self.assertTrue(score)
        self.assertTrue(complaint.is_repeat)
        kept = complaint.read(KEPT)

        with freeze_time("2026-02-04 10:00:00"):  # a day short of 24 months
            self.cron()
        self.assertFalse(complaint.anonymised_date)
        with freeze_time("2026-02-06 10:00:00"):
            self.cron()
        self._commit_tracking()

        self.assertEqual(complaint.anonymised_date, datetime(2026, 2, 6, 10, 0))
        self.assertEqual(self._personal_traces(complaint), [])
        self.assertFalse(self._files(complaint))
        self.assertTrue(complaint.is_anonymous)
        self.assertEqual(complaint.name, "[anonymised]")
        self.assertEqual(complaint.read(KEPT), kept, "every figure is kept")
        self.assertEqual(answer.scoring_percentage, score)
        self.assertFalse(answer.partner_id)
        self.assertTrue(self.partner.exists(), "the contact may have other business")
        self.assertEqual(earlier.partner_id, self.partner, "other complaints keep theirs")
        note = complaint.message_ids[:1]
        self.assertIn("Personal data anonymised", note.body)
        self.assertIn("end of the 24-month retention period", note.body)

    def test_recent_complaints_and_no_retention_are_kept(self):
        old = self._closed("2023-06-01 10:00:00")
        recent = self._closed("2026-01-05 10:00:00")
        open_complaint = self._assessed()
        with freeze_time("2026-02-06 10:00:00"):
            self.company.iso10002_retention_months = 0
            self.cron()
            self.assertFalse(old.anonymised_date, "0 months keeps personal data forever")
            self.company.iso10002_retention_months = 24
            self.cron()
        self.assertTrue(old.anonymised_date)
        self.assertFalse(recent.anonymised_date)
        self.assertTrue(self._personal_traces(recent))
        self.assertFalse(open_complaint.anonymised_date)

    def test_retention_is_per_company(self):
        other_company = self.env["res.company"].create({"name": "Kept Ltd"})
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Kept Complaints", "is_complaint_team": True, "company_id": other_company.id}
        )
        self.iso_stages.write({"company_id": False, "team_ids": [Command.link(team.id)]})
        with freeze_time("2023-06-01 10:00:00"):
            kept = self._create_ticket(team)
            kept.action_withdraw()
        anonymised = self._closed("2023-06-01 10:00:00")
        with freeze_time("2026-02-06 10:00:00"):
            self.cron()
        self.assertTrue(anonymised.anonymised_date)
        self.assertEqual(kept.iso_step, "closed")
        self.assertFalse(kept.anonymised_date)
        self.assertEqual(kept.partner_id, self.partner)

    def test_cron_twice_changes_nothing_more(self):
        complaint = self._closed("2023-06-01 10:00:00")
        with freeze_time("2026-02-06 10:00:00"):
            self.cron()
        notes = complaint.message_ids
        with freeze_time("2026-02-07 10:00:00"):
            self.cron()
        self.assertEqual(complaint.anonymised_date, datetime(2026, 2, 6, 10, 0))
        self.assertEqual(complaint.message_ids, notes, "no second note")

    def test_backlog_anonymised_in_batches(self):
        complaints = self.env["helpdesk.ticket"].concat(
            *(self._closed("2023-06-01 10:00:00") for _i in range(3))
        )
        with freeze_time("2026-02-06 10:00:00"):
            calls = self._run_cron(
                "odoo_iso10002.ir_cron_anonymise_expired", "_cron_anonymise_expired", 2
            )
        self.assertEqual(calls, [(2, 1), (1, 0)])
        self.assertTrue(all(complaints.mapped("anonymised_date")))

    def test_archived_complaints_are_anonymised(self):
        complaint = self._closed("2023-06-01 10:00:00")
        complaint.sudo().active = False
        with freeze_time("2026-02-06 10:00:00"):
            self.cron()
        self.assertTrue(complaint.anonymised_date)

    def test_failing_complaint_does_not_stop_the_others(self):
        failing = self._closed("2023-06-01 10:00:00")
        healthy = self._closed("2023-06-01 10:00:00")
        Ticket = type(self.env["helpdesk.ticket"])
        anonymise = Ticket._iso_anonymise

        def fail_once(complaints, reason):
            if complaints == failing:
                raise ValueError("simulated failure")
            return anonymise(complaints, reason)

        with (
            freeze_time("2026-02-06 10:00:00"),
            patch.object(Ticket, "_iso_anonymise", fail_once),
            self.assertLogs(LOGGER, "ERROR") as logged,
        ):
            self.cron()
        self.assertIn(failing.number, logged.output[0])
        self.assertTrue(healthy.anonymised_date)
        self.assertFalse(failing.anonymised_date)
        self.assertTrue(self._personal_traces(failing), "nothing half done")
        with freeze_time("2026-02-07 10:00:00"):
            self.cron()
        self.assertTrue(failing.anonymised_date, "the next run tries again")

    def test_erasure_request_by_a_manager(self):
        complaint = self._closed("2026-01-05 10:00:00")
        kept = complaint.read(KEPT)
        complaint.with_user(self.manager).action_anonymise()
        self._commit_tracking()
        self.assertTrue(complaint.anonymised_date)
        self.assertEqual(self._personal_traces(complaint), [])
        self.assertEqual(complaint.read(KEPT), kept)
        note = complaint.message_ids[:1]
        self.assertIn(f"erasure request, by {self.manager.name}", note.body)
        self.assertEqual(note.author_id, self.manager.partner_id)
        # a second click changes nothing
        complaint.with_user(self.manager).action_anonymise()
        self.assertEqual(complaint.message_ids[:1], note)

    def test_erasure_request_needs_a_closed_complaint(self):
        complaint = self._decided()
        with self.assertRaises(UserError) as caught:
            complaint.with_user(self.manager).action_anonymise()
        self.assertIn("Close the complaint before anonymising it", str(caught.exception))
        self.assertFalse(complaint.anonymised_date)
        self.assertEqual(complaint.partner_id, self.partner)

    def test_handlers_cannot_anonymise(self):
        complaint = self._closed("2026-01-05 10:00:00")
        with self.assertRaises(AccessError) as caught:
            complaint.with_user(self.handler).action_anonymise()
        self.assertIn("Only a complaint manager", str(caught.exception))
        self.assertFalse(complaint.anonymised_date)
        self.assertEqual(complaint.partner_id, self.partner)
