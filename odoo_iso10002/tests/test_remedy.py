from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .common import Iso10002Case


class TestRemedy(Iso10002Case):
    """The remedies decided for a complaint (ISO 10002 7.7), tracked until
    delivered, and their cost in company currency (8.6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.apology = cls.env.ref("odoo_iso10002.remedy_type_apology")
        cls.refund = cls.env.ref("odoo_iso10002.remedy_type_refund")
        cls.compensation = cls.env.ref("odoo_iso10002.remedy_type_compensation")
        cls.company.iso10002_compensation_limit = 500

    def _remedies(self, complaint, *lines):
        """Remedy lines added to `complaint` by its handler: (type, amount)."""
        return (
            self.env["iso10002.remedy"]
            .with_user(self.handler)
            .create(
                [
                    {
                        "ticket_id": complaint.id,
                        "remedy_type_id": kind.id,
                        "amount_currency": amount,
                    }
                    for kind, amount in lines
                ]
            )
        )

    def _decision(self, complaint):
        complaint.write({"decision": "upheld", "decision_text": "<p>We put it right.</p>"})

    def test_lines_go_from_planned_to_delivered(self):
        complaint = self._investigated()
        apology, refund = self._remedies(complaint, (self.apology, 0), (self.refund, 40))
        self.assertEqual((apology.state, refund.state), ("planned", "planned"))
        self.assertEqual(complaint.remedy_type_ids, self.apology | self.refund)
        apology.action_start()
        self.assertEqual(apology.state, "in_progress")
        with freeze_time("2026-04-02 10:00:00"):
            apology.action_deliver()
        self.assertEqual(apology.state, "delivered")
        self.assertEqual(str(apology.date_delivered), "2026-04-02 10:00:00")
        with self.assertRaisesRegex(UserError, "delivered remedy cannot be cancelled"):
            apology.action_cancel()
        refund.action_cancel()
        self.assertEqual(refund.state, "cancelled")
        self.assertEqual(
            complaint.remedy_type_ids, self.apology, "a cancelled remedy is not decided"
        )
        self.assertFalse(complaint.has_compensation)
        self.assertEqual(complaint.remedy_cost, 0)
        refund.action_plan()
        self.assertEqual(refund.state, "planned")
        self.assertEqual(complaint.remedy_cost, 40)

    def test_document_delivered_remedy_is_not_delivered_by_hand(self):
        complaint = self._investigated()
        [refund] = self._remedies(complaint, (self.refund, 40))
        # a delivery value of a bridge addon (the credit note), not installed here
        self.env.flush_all()
        self.env.cr.execute(
            SQL("UPDATE iso10002_remedy SET delivery = 'credit_note' WHERE id = %s", refund.id)
        )
        refund.invalidate_recordset(["delivery"])
        with self.assertRaisesRegex(UserError, "delivered by its document"):
            refund.action_deliver()
        # the credit note posted delivers it
        refund._iso_deliver()
        self.assertEqual(refund.state, "delivered")

    def test_cost_in_company_currency_at_the_decision_date(self):
        other = self.env.ref("base.EUR")
        if other == self.company.currency_id:
            other = self.env.ref("base.USD")
        other.active = True
        self.env["res.currency.rate"].create(
            [
                {"name": day, "rate": rate, "currency_id": other.id, "company_id": self.company.id}
                for day, rate in ((date(2026, 3, 1), 2.0), (date(2026, 3, 10), 4.0))
            ]
        )
        with freeze_time(self._local("2026-03-05 12:00")):
            complaint = self._investigated()
            [compensation] = self._remedies(complaint, (self.compensation, 100))
            compensation.currency_id = other
            self.assertEqual(compensation.amount, 50, "converted at today's rate until decided")
            self.assertEqual(complaint.remedy_cost, 50)
            self._decision(complaint)
        # the company's 10 March began: its rate applies, whatever the UTC day
        with freeze_time(self._local("2026-03-10 00:30")):
            complaint.action_communicate_decision()
        self.assertEqual(compensation.amount, 25)
        self.assertEqual(complaint.remedy_cost, 25)
        self.assertEqual(compensation.amount_currency, 100)

    def test_approval_on_the_sum_of_the_remedies(self):
        complaint = self._investigated()
        self._decision(complaint)
        compensation, refund = self._remedies(
            complaint, (self.compensation, 300), (self.refund, 250)
        )
        self.assertEqual(complaint.remedy_cost, 550)
        self.assertTrue(complaint.approval_required, "each below the limit, their sum above it")
        self.assertIn(
            "a complaint manager's approval of the cost of remedies",
            complaint._iso_missing("decision_communicated"),
        )
        with self.assertRaisesRegex(UserError, "Only a complaint manager"):
            complaint.action_approve_compensation()
        with freeze_time("2026-04-01 08:00:00"):
            complaint.with_user(self.manager).action_approve_compensation()
        self.assertEqual(complaint.approved_by_id, self.manager)
        self.assertEqual(str(complaint.date_approved), "2026-04-01 08:00:00")
        self.assertEqual(complaint.approved_amount, 550)
        refund.with_user(self.handler).name = "The delivery costs"
        self.assertEqual(complaint.approved_by_id, self.manager, "the cost did not change")
        refund.with_user(self.handler).amount_currency = 260
        self.assertFalse(complaint.approved_by_id, "a changed cost needs a new approval")
        self.assertFalse(complaint.date_approved)
        self.assertFalse(complaint.approved_amount)
        self.assertTrue(complaint._iso_missing("decision_communicated"))
        complaint.with_user(self.manager).action_approve_compensation()
        self.assertEqual(complaint.approved_amount, 560)
        complaint.action_communicate_decision()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        compensation.with_user(self.handler).action_cancel()
        self.assertFalse(complaint.approval_required)
        self.assertFalse(complaint.approved_by_id)

    def _accepted(self, team_asks):
        self.complaint_team.iso_remedies_before_closing = team_asks
        complaint = self._investigated()
        self._decision(complaint)
        apology, payment = self._remedies(complaint, (self.apology, 0), (self.compensation, 40))
        complaint.action_communicate_decision()
        complaint.action_record_acceptance()
        return complaint, apology, payment

    def test_closing_waits_for_the_remedies_when_the_team_asks(self):
        complaint, apology, payment = self._accepted(team_asks=True)
        self.assertEqual(complaint.complainant_response, "accepted")
        self.assertEqual(complaint.iso_step, "decision_communicated", "two remedies to deliver")
        apology.with_user(self.handler).action_deliver()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        payment.with_user(self.handler).action_deliver()
        self.assertEqual(complaint.iso_step, "closed", "closed as its last remedy is delivered")

    def test_closing_by_hand_refused_while_remedies_are_undelivered(self):
        complaint, apology, _payment = self._accepted(team_asks=True)
        apology.with_user(self.handler).action_start()
        with self.assertRaisesRegex(UserError, "the delivery of 2 remedies planned or in progress"):
            complaint.stage_id = self._stage("closed")

    def test_cancelled_remedy_does_not_hold_closing(self):
        complaint, apology, payment = self._accepted(team_asks=True)
        apology.with_user(self.handler).action_deliver()
        payment.with_user(self.handler).action_cancel()
        self.assertEqual(complaint.iso_step, "closed")

    def test_closing_with_undelivered_remedies_when_the_team_does_not_ask(self):
        complaint, apology, _payment = self._accepted(team_asks=False)
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(apology.state, "planned")

    def test_withdrawn_complaint_closes_with_undelivered_remedies(self):
        self.complaint_team.iso_remedies_before_closing = True
        complaint = self._investigated()
        self._remedies(complaint, (self.apology, 0))
        complaint.action_withdraw()
        self.assertEqual(complaint.iso_step, "closed")

    def test_auditor_reads_but_does_not_write_remedies(self):
        complaint = self._investigated()
        [payment] = self._remedies(complaint, (self.compensation, 40))
        as_auditor = payment.with_user(self.auditor)
        self.assertEqual(as_auditor.amount, 40)
        self.assertEqual(complaint.with_user(self.auditor).remedy_ids, payment)
        with self.assertRaises(AccessError):
            as_auditor.amount_currency = 10
        with self.assertRaises(AccessError):
            self.env["iso10002.remedy"].with_user(self.auditor).create(
                {"ticket_id": complaint.id, "remedy_type_id": self.apology.id}
            )
        with self.assertRaises(AccessError):
            as_auditor.action_deliver()
        with self.assertRaises(AccessError):
            as_auditor.unlink()
        self.assertEqual(payment.amount_currency, 40)

    def test_overdue_remedies(self):
        complaint = self._investigated()
        late, later, done = self._remedies(
            complaint, (self.apology, 0), (self.apology, 0), (self.apology, 0)
        )
        late.date_due = later.date_due = done.date_due = date(2026, 4, 1)
        later.date_due = date(2026, 4, 3)
        with freeze_time(self._local("2026-04-02 12:00")):
            done.action_deliver()
            remedies = self.env["iso10002.remedy"].with_user(self.handler)
            self.assertEqual(remedies.search([("is_overdue", "=", True)]), late)
            self.assertEqual(
                self.env["helpdesk.ticket"]
                .with_user(self.handler)
                .search([("remedy_ids.is_overdue", "=", True)]),
                complaint,
            )
            late.action_deliver()
            self.assertFalse(remedies.search([("is_overdue", "=", True)]))


class TestRemedyVilnius(TestRemedy):
    tz = "Europe/Vilnius"
