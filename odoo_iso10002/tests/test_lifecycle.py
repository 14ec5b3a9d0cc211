from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common import Iso10002Case


class TestLifecycle(Iso10002Case):
    """ISO 10002 clause 7, checkpoint by checkpoint, as the roles who do it."""

    def _messages(self, complaint, subject):
        return complaint.message_ids.filtered(lambda m: subject in (m.subject or ""))

    # 7.2 / 7.4 receipt and acknowledgement

    def _triggers(self, xmlid):
        return self.env["ir.cron.trigger"].search([("cron_id", "=", self.env.ref(xmlid).id)])

    def test_complaint_with_email_is_acknowledged_after_commit(self):
        triggers = self._triggers("odoo_iso10002.ir_cron_send_acknowledgements")
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._create_ticket(self.complaint_team, acknowledge=False)
        # the request leaves the acknowledgement to the cron it wakes up
        self.assertEqual(complaint.iso_step, "received")
        self.assertTrue(complaint.acknowledgement_pending)
        self.assertFalse(complaint.date_acknowledged)
        self.assertFalse(self._messages(complaint, "has been received"))
        self.assertEqual(complaint.deadline_acknowledge, datetime(2026, 3, 4, 9, 0))
        self.assertEqual(
            len(self._triggers("odoo_iso10002.ir_cron_send_acknowledgements") - triggers), 1
        )
        with freeze_time("2026-03-02 09:00:40"):
            calls = self._run_cron(
                "odoo_iso10002.ir_cron_send_acknowledgements",
                "_cron_send_acknowledgements",
                batch_size=10,
            )
        self.assertEqual(calls, [(1, 0)])
        self.assertEqual(complaint.iso_step, "acknowledged")
        self.assertFalse(complaint.acknowledgement_pending)
        self.assertEqual(complaint.date_received, datetime(2026, 3, 2, 9, 0))
        # dated when the cron sent it, not when the complaint came in
        self.assertEqual(complaint.date_acknowledged, datetime(2026, 3, 2, 9, 0, 40))
        ack = self._messages(complaint, "has been received")
        self.assertEqual(len(ack), 1)
        self.assertIn(self.partner, ack.partner_ids)
        self.assertIn(complaint.number, ack.body)
        self.assertIn("/complaints/policy", ack.body)
        self.assertIn("within 20 working", ack.body)

    def test_acknowledgement_in_the_name_of_whoever_registered_it(self):
        self.handler.notification_type = "email"
        complaint = self._as_handler(self.env["helpdesk.ticket"]).create(
            {
                "name": "The parcel arrived damaged",
                "description": "<p>The lamp is broken.</p>",
                "team_id": self.complaint_team.id,
                "partner_id": self.partner.id,
            }
        )
        self._send_acknowledgements()
        ack = self._messages(complaint, "has been received")
        self.assertEqual(ack.author_id, self.handler.partner_id)
        mails = self.env["mail.mail"].search([("mail_message_id", "=", ack.id)])
        self.assertEqual(mails.recipient_ids, self.partner, "no copy to the handler")

    def test_complaint_rolled_back_is_never_acknowledged(self):
        triggers = self._triggers("odoo_iso10002.ir_cron_send_acknowledgements")
        with self.assertRaisesRegex(RuntimeError, "request failed"), self.env.cr.savepoint():
            self._create_ticket(self.complaint_team, acknowledge=False)
            self.env.flush_all()
            raise RuntimeError("request failed after the complaint was created")
        self.assertEqual(self._triggers("odoo_iso10002.ir_cron_send_acknowledgements"), triggers)
        messages = self.env["mail.message"].search_count([])
        calls = self._run_cron(
            "odoo_iso10002.ir_cron_send_acknowledgements",
            "_cron_send_acknowledgements",
            batch_size=10,
        )
        self.assertEqual(calls, [(0, 0)])
        self.assertEqual(self.env["mail.message"].search_count([]), messages)

    def test_complaint_acknowledged_by_hand_before_the_cron(self):
        complaint = self._create_ticket(self.complaint_team, acknowledge=False)
        self._as_handler(complaint).action_acknowledge()
        self._send_acknowledgements()
        self.assertFalse(complaint.acknowledgement_pending)
        self.assertEqual(len(self._messages(complaint, "has been received")), 1)

    def test_complaint_acknowledged_at_once_without_the_cron(self):
        self.env.ref("odoo_iso10002.ir_cron_send_acknowledgements").unlink()
        with self.assertLogs("odoo.addons.odoo_iso10002", "WARNING") as logged:
            complaint = self._create_ticket(self.complaint_team, acknowledge=False)
        self.assertIn("ir_cron_send_acknowledgements was deleted", logged.output[0])
        self.assertEqual(complaint.iso_step, "acknowledged")
        self.assertFalse(complaint.acknowledgement_pending)
        self.assertEqual(len(self._messages(complaint, "has been received")), 1)

    def test_email_only_complainant_is_acknowledged(self):
        partners = self.env["res.partner"].search_count([])
        queue_triggers = self._triggers("mail.ir_cron_mail_scheduler_action")
        complaint = self._create_ticket(
            self.complaint_team, partner_id=False, partner_email="ruta@example.com"
        )
        self.assertEqual(complaint.iso_step, "acknowledged")
        # the mail queue is woken up: the mail goes out within a minute
        self.assertTrue(self._triggers("mail.ir_cron_mail_scheduler_action") - queue_triggers)
        mail = self.env["mail.mail"].search([("email_to", "=", "ruta@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn(complaint.number, mail.subject)
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "sent to ruta@example.com" in m.body)
        )
        self.assertEqual(self.env["res.partner"].search_count([]), partners, "no contact created")

    def test_phone_complaint_is_acknowledged_by_hand(self):
        complaint = self._create_ticket(
            self.complaint_team,
            partner_id=False,
            partner_name="Ona",
            channel_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
        )
        self.assertEqual(complaint.iso_step, "received")
        self.assertFalse(complaint.date_acknowledged)
        self._as_handler(complaint).action_acknowledge()
        self.assertEqual(complaint.iso_step, "acknowledged")
        self.assertTrue(complaint.date_acknowledged)
        self.assertIn("Acknowledged without e-mail", complaint.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "already acknowledged"):
            self._as_handler(complaint).action_acknowledge()

    def test_team_without_automatic_acknowledgement(self):
        self.complaint_team.complaint_auto_acknowledge = False
        complaint = self._create_ticket(self.complaint_team)
        self.assertEqual(complaint.iso_step, "received")
        self.assertFalse(self._messages(complaint, "has been received"))

    # 7.5 initial assessment

    def test_priority_from_the_matrix(self):
        complaint = self._assessed(severity="3", impact="3")
        self.assertEqual(complaint.priority, "3")
        complaint.write({"severity": "1", "impact": "1"})
        self.assertEqual(complaint.priority, "0")
        cell = self.env.ref("odoo_iso10002.priority_matrix_s1_i1").with_user(self.manager)
        cell.priority = "2"
        self.assertEqual(self._assessed(severity="1", impact="1").priority, "2")

    def test_priority_given_at_receipt(self):
        complaint = self._create_ticket(self.complaint_team, severity="4", impact="3")
        self.assertEqual(complaint.priority, "3")

    def test_health_and_safety_is_handled_immediately(self):
        complaint = self._assessed(severity="1", impact="1")
        self.assertEqual(complaint.priority, "0")
        complaint.user_id = self.handler
        complaint.health_safety = True
        self.assertEqual(complaint.priority, "3")
        activity = complaint.activity_ids.filtered(lambda a: "Health" in (a.summary or ""))
        self.assertEqual(activity.user_id, self.handler)
        self.assertEqual(activity.date_deadline, activity.create_date.date())

    def test_plain_ticket_priority_untouched(self):
        ticket = self._create_ticket(self.plain_team, priority="2")
        self.assertEqual(ticket.priority, "2")

    # Guards: every checkpoint names what is missing

    def test_assessment_needs_acknowledgement(self):
        self.complaint_team.complaint_auto_acknowledge = False
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        with self.assertRaisesRegex(UserError, "an acknowledgement"):
            complaint.stage_id = self._stage("assessment")

    def test_investigation_needs_the_assessment(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        with self.assertRaisesRegex(UserError, "the severity, the complexity, the impact"):
            complaint.stage_id = self._stage("investigation")

    def test_investigation_needs_the_immediate_action_taken(self):
        complaint = self._assessed(immediate_action_needed=True)
        with self.assertRaisesRegex(UserError, "the immediate action taken"):
            complaint.stage_id = self._stage("investigation")
        complaint.immediate_action_taken = "Batch withdrawn."
        complaint.stage_id = self._stage("investigation")
        self.assertEqual(complaint.iso_step, "investigation")

    def test_response_needs_findings_and_root_cause(self):
        complaint = self._assessed()
        complaint.stage_id = self._stage("investigation")
        with self.assertRaisesRegex(UserError, "the investigation findings, the root cause"):
            complaint.stage_id = self._stage("response")

    def test_decision_needs_a_decision_and_its_text(self):
        complaint = self._investigated()
        with self.assertRaisesRegex(UserError, "a decision, the decision text"):
            complaint.action_communicate_decision()

    def test_decision_without_assessment_is_refused(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        complaint.write({"decision": "upheld", "decision_text": "<p>Sorry.</p>"})
        with self.assertRaisesRegex(UserError, "the severity"):
            complaint.action_communicate_decision()

    def test_closing_needs_the_complainants_answer(self):
        complaint = self._decided()
        with self.assertRaisesRegex(UserError, "acceptance of the decision"):
            complaint.stage_id = self._stage("closed")

    def test_closing_without_decision_is_refused(self):
        complaint = self._assessed()
        with self.assertRaisesRegex(UserError, "a decision"):
            complaint.stage_id = self._stage("closed")

    def test_withdrawn_complaint_closes_from_any_step(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        complaint.action_withdraw()
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.decision, "withdrawn")

    def test_team_without_the_step_stage(self):
        complaint = self._investigated(decision="upheld", decision_text="<p>Sorry.</p>")
        self._stage("decision_communicated").active = False
        with self.assertRaisesRegex(UserError, "has no stage for the ISO step"):
            complaint.action_communicate_decision()

    # First entry into each step is time-stamped

    def test_first_entry_into_each_step_is_stamped(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._assessed()
        with freeze_time("2026-03-03 10:00:00"):
            complaint.stage_id = self._stage("investigation")
        with freeze_time("2026-03-04 11:00:00"):
            complaint.stage_id = self._stage("assessment")
            complaint.stage_id = self._stage("investigation")
        self.assertEqual(complaint.date_acknowledged, datetime(2026, 3, 2, 9, 0))
        self.assertEqual(complaint.date_investigation, datetime(2026, 3, 3, 10, 0))
        self.assertEqual(complaint.date_assessment, datetime(2026, 3, 4, 11, 0))

    # 7.6 investigation

    def test_repeat_and_related_complaints(self):
        with freeze_time("2025-01-10"):
            old = self._create_ticket(self.complaint_team)
        with freeze_time("2026-03-01"):
            earlier = self._create_ticket(self.complaint_team)
        with freeze_time("2026-03-20"):
            latest = self._create_ticket(self.complaint_team)
            stranger = self._create_ticket(
                self.complaint_team,
                partner_id=self.env["res.partner"].create({"name": "Other"}).id,
            )
        self.assertFalse(earlier.is_repeat, "the 2025 complaint is outside the 365-day window")
        self.assertTrue(latest.is_repeat)
        self.assertFalse(stranger.is_repeat)
        self.assertEqual(latest.related_complaint_ids, earlier)
        self.assertNotIn(old, earlier.related_complaint_ids)

    def test_repeat_flags_follow_complaints_recorded_or_changed_later(self):
        other = self.env["res.partner"].create({"name": "Ona Onaitė", "email": "ona@example.com"})
        with freeze_time("2026-03-20 10:00:00"):
            later = self._create_ticket(self.complaint_team)
            self.assertFalse(later.is_repeat)
            # a phone complaint of 1 March, typed in afterwards
            earlier = self._create_ticket(self.complaint_team, date_received="2026-03-01 09:00:00")
        self.assertFalse(earlier.is_repeat)
        self.assertTrue(later.is_repeat, "an earlier complaint was recorded")
        earlier.with_user(self.handler).date_received = "2025-03-01 09:00:00"
        self.assertFalse(later.is_repeat, "the other complaint is out of the 365-day window")
        earlier.with_user(self.handler).date_received = "2026-03-02 09:00:00"
        self.assertTrue(later.is_repeat)
        earlier.with_user(self.handler).partner_id = other
        self.assertFalse(later.is_repeat, "the earlier complaint is another customer's")
        with freeze_time("2026-03-21 10:00:00"):
            moved = self._create_ticket(self.plain_team, partner_id=other.id)
            self.assertFalse(moved.is_repeat)
            moved.team_id = self.complaint_team
        self.assertTrue(moved.is_repeat, "a complaint of the same customer came first")

    # 7.7 response, decision and approval

    def test_monetary_remedy_needs_an_amount(self):
        complaint = self._investigated()
        complaint.write(
            {
                "decision": "upheld",
                "decision_text": "<p>We compensate.</p>",
                "remedy_ids": [
                    Command.create(
                        {"remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_refund").id}
                    )
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "the amount of each monetary remedy"):
            complaint.action_communicate_decision()

    def test_negative_remedy_amount_is_refused(self):
        complaint = self._investigated()
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            complaint.write(
                {
                    "remedy_ids": [
                        Command.create(
                            {
                                "remedy_type_id": self.env.ref(
                                    "odoo_iso10002.remedy_type_compensation"
                                ).id,
                                "amount_currency": -10,
                            }
                        )
                    ]
                }
            )

    # 7.8 communicating the decision

    def test_decision_mail_with_recourse(self):
        self.company.write(
            {
                "iso10002_adr_body": "the State Consumer Rights Protection Authority",
                "iso10002_adr_url": "https://vvtat.example.lt",
            }
        )
        with freeze_time("2026-05-05 12:00:00"):
            complaint = self._decided()
        self.assertEqual(complaint.date_decision_communicated, datetime(2026, 5, 5, 12, 0))
        mail = self._messages(complaint, "our decision")
        self.assertEqual(len(mail), 1)
        self.assertIn(self.partner, mail.partner_ids)
        self.assertIn("We replace the lamp.", mail.body)
        self.assertIn("State Consumer Rights Protection Authority", mail.body)
        self.assertIn("Upheld", mail.body)

    # 7.9 the complainant's answer and closing

    def test_acceptance_closes(self):
        with freeze_time("2026-05-05 12:00:00"):
            complaint = self._decided()
        with freeze_time("2026-05-10 12:00:00"):
            complaint.action_record_acceptance()
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.complainant_response, "accepted")
        self.assertEqual(complaint.date_closed, datetime(2026, 5, 10, 12, 0))

    def test_rejection_reopens_the_investigation(self):
        complaint = self._decided()
        with self.assertRaisesRegex(UserError, "why the complainant rejects"):
            complaint.action_record_rejection()
        complaint.rejection_reason = "A refund, not a replacement."
        complaint.action_record_rejection()
        self.assertEqual(complaint.iso_step, "investigation")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertEqual(complaint.complainant_response, "rejected")
        complaint.stage_id = self._stage("response")
        complaint.decision_text = "<p>We refund the lamp.</p>"
        complaint.action_communicate_decision()
        self.assertFalse(complaint.complainant_response, "a new decision awaits a new answer")
        self.assertEqual(len(self._messages(complaint, "our decision")), 2)

    def test_answer_only_when_a_decision_awaits(self):
        complaint = self._assessed()
        with self.assertRaisesRegex(UserError, "no decision awaiting"):
            complaint.action_record_acceptance()

    def test_unanswered_decisions_close_after_the_set_days(self):
        self.company.iso10002_answer_days = 14
        with freeze_time("2026-06-01 10:00:00"):
            complaint = self._decided()
            answered = self._decided()
            answered.action_record_acceptance()
        cron = self.env["helpdesk.ticket"]
        with freeze_time("2026-06-14 10:00:00"):
            cron._cron_close_unanswered()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        with freeze_time("2026-06-15 10:00:01"):
            cron._cron_close_unanswered()
            cron._cron_close_unanswered()
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.complainant_response, "no_answer")
        self.assertEqual(answered.complainant_response, "accepted")
        self.assertEqual(
            len(complaint.message_ids.filtered(lambda m: "Complaint closed" in m.body)), 1
        )

    def test_unanswered_backlog_closes_in_batches(self):
        self.company.iso10002_answer_days = 14
        with freeze_time("2026-06-01 10:00:00"):
            complaints = self._decided() | self._decided() | self._decided()
        with freeze_time("2026-06-16 10:00:00"):
            calls = self._run_cron(
                "odoo_iso10002.ir_cron_close_unanswered_complaints", "_cron_close_unanswered", 2
            )
        self.assertEqual(calls, [(2, 1), (1, 0)])
        self.assertEqual(complaints.mapped("iso_step"), ["closed"] * 3)

    def test_cron_survives_a_failing_complaint(self):
        with freeze_time("2026-06-01 10:00:00"):
            failing, healthy = self._decided(), self._decided()
        original = type(self.env["helpdesk.ticket"])._record_complainant_response

        def record(tickets, response, reason=None):
            if tickets == failing:
                raise ValueError("simulated failure")
            return original(tickets, response, reason)

        with (
            freeze_time("2026-07-01"),
            patch.object(type(self.env["helpdesk.ticket"]), "_record_complainant_response", record),
            self.assertLogs("odoo.addons.odoo_iso10002.models.helpdesk_ticket", "ERROR"),
        ):
            self.env["helpdesk.ticket"]._cron_close_unanswered()
        self.assertEqual(failing.iso_step, "decision_communicated")
        self.assertEqual(healthy.iso_step, "closed")

    def test_iso_fields_are_tracked(self):
        complaint = self._assessed()
        complaint.stage_id = self._stage("investigation")
        # Tracking starts with the transaction after creation: end this one.
        self.env.flush_all()
        self.env.cr.flush()
        complaint.write(
            {
                "severity": "3",
                "health_safety": True,
                "findings": "<p>Loose screw.</p>",
                "root_cause_id": self.env.ref("odoo_iso10002.root_cause_product_defect").id,
            }
        )
        complaint.stage_id = self._stage("response")
        complaint.write({"decision": "upheld", "decision_text": "<p>Sorry.</p>"})
        self.env.flush_all()
        self.env.cr.flush()
        tracked = complaint.sudo().message_ids.tracking_value_ids.field_id.mapped("name")
        for fname in ("severity", "health_safety", "root_cause_id", "decision", "stage_id"):
            self.assertIn(fname, tracked)
