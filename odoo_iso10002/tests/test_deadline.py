from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import Iso10002Case


class TestDeadline(Iso10002Case):
    """Deadlines on the team's working calendar (ISO 10002 4.15, 7.4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls._office_calendar()
        cls.complaint_team.resource_calendar_id = cls.calendar
        cls.policy = cls.complaint_team.deadline_policy_ids
        cls.policy.write(
            {"acknowledge_hours": 4, "decision_days": 2, "close_days": 5, "at_risk_hours": 2}
        )
        cls.high_policy = cls.env["iso10002.deadline.policy"].create(
            {
                "team_id": cls.complaint_team.id,
                "severity": "3",
                "acknowledge_hours": 1,
                "decision_days": 1,
                "close_days": 2,
            }
        )
        cls.complaint_team.complaint_auto_acknowledge = False

    def _receive(self, when, **values):
        with freeze_time(when):
            complaint = self._create_ticket(self.complaint_team, **values)
            self.env.flush_all()  # states are computed at this time
        return complaint

    def test_deadlines_skip_the_weekend(self):
        complaint = self._receive("2026-03-06 15:00:00")  # a Friday
        self.assertEqual(complaint.deadline_policy_id, self.policy)
        self.assertEqual(complaint.deadline_acknowledge, datetime(2026, 3, 9, 10, 0))
        self.assertEqual(complaint.deadline_decision, datetime(2026, 3, 10, 15, 0))
        self.assertEqual(complaint.deadline_close, datetime(2026, 3, 13, 15, 0))
        self.assertEqual(complaint.deadline_acknowledge_state, "on_track")

    def test_deadlines_skip_public_holidays(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": "2026-03-09 00:00:00",
                "date_to": "2026-03-09 23:59:59",
            }
        )
        complaint = self._receive("2026-03-06 15:00:00")
        self.assertEqual(complaint.deadline_acknowledge, datetime(2026, 3, 10, 10, 0))
        self.assertEqual(complaint.deadline_decision, datetime(2026, 3, 11, 15, 0))

    def test_company_calendar_when_the_team_has_none(self):
        self.complaint_team.resource_calendar_id = False
        self.company.resource_calendar_id = self.calendar
        complaint = self._receive("2026-03-06 15:00:00")
        self.assertEqual(complaint.deadline_acknowledge, datetime(2026, 3, 9, 10, 0))

    def test_clock_pauses_while_waiting_on_the_complainant(self):
        self._stage("acknowledged").pause_deadlines = True
        complaint = self._receive("2026-03-09 08:00:00")  # a Monday
        self.assertEqual(complaint.deadline_decision, datetime(2026, 3, 10, 17, 0))
        with freeze_time("2026-03-09 09:00:00"):
            complaint.action_acknowledge()  # waits for the complainant's details
        self.assertEqual(complaint.deadline_paused_since, datetime(2026, 3, 9, 9, 0))
        with freeze_time("2026-03-11 10:00:00"):
            self.env["helpdesk.ticket"]._refresh_due_deadlines()
            self.assertEqual(
                complaint.deadline_decision_state, "on_track", "no breach while paused"
            )
        with freeze_time("2026-03-10 09:00:00"):
            complaint.stage_id = self._stage("assessment")
        self.assertFalse(complaint.deadline_paused_since)
        self.assertEqual(complaint.deadline_paused_hours, 8.0)
        self.assertEqual(complaint.deadline_decision, datetime(2026, 3, 11, 17, 0))
        self.assertEqual(
            complaint.deadline_acknowledge,
            datetime(2026, 3, 9, 12, 0),
            "a deadline already met does not move",
        )
        self.assertEqual(complaint.deadline_acknowledge_state, "met")

    def test_closing_straight_out_of_a_pause_counts_the_last_pause(self):
        self.complaint_team.complaint_auto_acknowledge = True
        self._stage("decision_communicated").pause_deadlines = True
        with freeze_time("2026-03-09 08:00:00"):  # a Monday
            complaint = self._decided()
        self.assertEqual(complaint.deadline_close, datetime(2026, 3, 13, 17, 0))
        with freeze_time("2026-03-18 10:00:00"):  # accepted seven working days later
            complaint.action_record_acceptance()
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.deadline_paused_hours, 58.0)
        # 40 working hours and the 58 paused, from Monday 08:00
        self.assertEqual(complaint.deadline_close, datetime(2026, 3, 25, 10, 0))
        self.assertEqual(complaint.deadline_close_state, "met")
        self.assertEqual(complaint.days_to_close, 0.0)

    def test_states_follow_the_clock(self):
        late = self._receive("2026-03-09 08:00:00")
        on_time = self._receive("2026-03-09 08:00:00")
        far = self._receive("2026-03-09 08:00:00")
        with freeze_time("2026-03-09 08:30:00"):
            far.action_acknowledge()  # next deadline: the decision, Tuesday 16:00
        refresh = self.env["helpdesk.ticket"]._refresh_due_deadlines
        with freeze_time("2026-03-09 09:00:00"):
            self.assertIn(late, refresh())
            self.assertNotIn(far, refresh(), "not due: not even read")
        self.assertEqual(late.deadline_acknowledge_state, "on_track")
        with freeze_time("2026-03-09 10:30:00"):
            refresh()
            on_time.action_acknowledge()
        self.assertEqual(late.deadline_acknowledge_state, "at_risk")
        self.assertEqual(on_time.deadline_acknowledge_state, "met")
        with freeze_time("2026-03-09 12:30:00"):
            refresh()
        self.assertEqual(late.deadline_acknowledge_state, "breached")
        with freeze_time("2026-03-09 13:00:00"):
            late.action_acknowledge()
        self.assertEqual(late.deadline_acknowledge_state, "breached", "acknowledged too late")
        self.assertEqual(on_time.deadline_acknowledge_state, "met")

    def test_severity_picks_its_policy(self):
        complaint = self._receive("2026-03-09 08:00:00")
        complaint.write({"severity": "3"})
        self.assertEqual(complaint.deadline_policy_id, self.high_policy)
        self.assertEqual(complaint.deadline_decision, datetime(2026, 3, 9, 17, 0))
        complaint.write({"severity": "4"})
        self.assertEqual(complaint.deadline_policy_id, self.policy, "the team's default")

    def test_withdrawn_complaint_ends_its_clocks(self):
        complaint = self._receive("2026-03-09 08:00:00")
        with freeze_time("2026-03-09 09:00:00"):
            complaint.action_withdraw()
        self.assertEqual(complaint.deadline_decision_state, "met")
        self.assertEqual(complaint.deadline_close_state, "met")

    def test_plain_tickets_have_no_deadline(self):
        ticket = self._create_ticket(self.plain_team)
        self.assertFalse(ticket.deadline_policy_id)
        self.assertFalse(ticket.deadline_decision)
        self.assertFalse(ticket.deadline_decision_state)

    def test_one_policy_per_team_and_severity(self):
        with self.assertRaisesRegex(ValidationError, "already has a deadline policy"):
            self.env["iso10002.deadline.policy"].create(
                {"team_id": self.complaint_team.id, "severity": "3"}
            )
        with self.assertRaisesRegex(ValidationError, "already has a deadline policy"):
            self.env["iso10002.deadline.policy"].create({"team_id": self.complaint_team.id})

    def test_announced_time_limit_is_the_default_policy(self):
        self.assertEqual(self.complaint_team.complaint_decision_days, 2)
