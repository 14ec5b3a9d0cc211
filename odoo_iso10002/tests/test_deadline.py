from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import Iso10002Case


class TestDeadline(Iso10002Case):
    """Deadlines on the team's working calendar (ISO 10002 4.15, 7.4), the
    office hours of `_office_calendar` in the class's zone."""

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

    def _receive(self, wall_clock, **values):
        """A complaint received at a local time of the class's zone."""
        with freeze_time(self._local(wall_clock)):
            complaint = self._create_ticket(self.complaint_team, **values)
            self.env.flush_all()  # states are computed at this time
        return complaint

    def test_deadlines_skip_the_weekend(self):
        complaint = self._receive("2026-03-06 15:00")  # a Friday
        self.assertEqual(complaint.deadline_policy_id, self.policy)
        self.assertEqual(complaint.deadline_acknowledge, self._local("2026-03-09 10:00"))
        self.assertEqual(complaint.deadline_decision, self._local("2026-03-10 15:00"))
        self.assertEqual(complaint.deadline_close, self._local("2026-03-13 15:00"))
        self.assertEqual(complaint.deadline_acknowledge_state, "on_track")

    def test_working_hours_follow_the_local_clock(self):
        # Vilnius moves to summer time on Sunday 29 March 2026: the working
        # hours stay 8-12 and 13-17 on the local clock, an hour earlier in UTC.
        complaint = self._receive("2026-03-27 15:00")  # a Friday, winter time
        self.assertEqual(complaint.deadline_acknowledge, self._local("2026-03-30 10:00"))
        self.assertEqual(complaint.deadline_decision, self._local("2026-03-31 15:00"))
        self.assertEqual(complaint.deadline_close, self._local("2026-04-03 15:00"))
        # received in the night before a summer working day (21:30 UTC on
        # Sunday in Vilnius): the clock starts at 08:00 on Monday
        complaint = self._receive("2026-07-06 00:30")
        self.assertEqual(complaint.deadline_acknowledge, self._local("2026-07-06 12:00"))
        self.assertEqual(complaint.deadline_decision, self._local("2026-07-07 17:00"))

    def test_deadlines_skip_public_holidays(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": self._local("2026-03-09 00:00"),
                "date_to": self._local("2026-03-09 23:59:59"),
            }
        )
        complaint = self._receive("2026-03-06 15:00")
        self.assertEqual(complaint.deadline_acknowledge, self._local("2026-03-10 10:00"))
        self.assertEqual(complaint.deadline_decision, self._local("2026-03-11 15:00"))

    def test_deadlines_after_a_long_closure(self):
        # beyond the working time first read for the deadlines
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed for renovation",
                "calendar_id": self.calendar.id,
                "date_from": self._local("2026-03-09 00:00"),
                "date_to": self._local("2026-05-31 23:59:59"),
            }
        )
        complaint = self._receive("2026-03-06 15:00")
        self.assertEqual(complaint.deadline_acknowledge, self._local("2026-06-01 10:00"))
        self.assertEqual(complaint.deadline_decision, self._local("2026-06-02 15:00"))
        self.assertEqual(complaint.deadline_close, self._local("2026-06-05 15:00"))

    def test_working_time_is_read_once_per_calendar(self):
        """Not once per deadline and per 14 days, as plan_hours reads it, nor
        once per complaint: the complaints of a day share it."""
        calendar_class = type(self.calendar)
        with (
            patch.object(
                calendar_class,
                "_work_intervals_batch",
                autospec=True,
                side_effect=calendar_class._work_intervals_batch,
            ) as reads,
            freeze_time(self._local("2026-03-06 15:00")),
        ):
            self.env.registry.clear_cache()
            complaints = self.env["helpdesk.ticket"]
            # one at a time, as requests receive them
            for index in range(3):
                complaints |= self._as_handler(self.env["helpdesk.ticket"]).create(
                    {
                        "name": f"Complaint {index}",
                        "description": "<p>The lamp is broken.</p>",
                        "team_id": self.complaint_team.id,
                    }
                )
                self.env.flush_all()
        self.assertEqual(reads.call_count, 1)
        self.assertEqual(complaints.mapped("deadline_close"), [self._local("2026-03-13 15:00")] * 3)

    def test_calendar_changes_reach_the_next_complaint(self):
        """The working time read for the day is read again once a leave or
        the working hours change."""
        first = self._receive("2026-03-06 15:00")
        self.assertEqual(first.deadline_acknowledge, self._local("2026-03-09 10:00"))
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Staff training",
                "calendar_id": self.calendar.id,
                "date_from": self._local("2026-03-09 00:00"),
                "date_to": self._local("2026-03-09 23:59:59"),
            }
        )
        self.assertEqual(
            self._receive("2026-03-06 15:00").deadline_acknowledge,
            self._local("2026-03-10 10:00"),
        )
        leave.unlink()
        self.calendar.attendance_ids.filtered(lambda a: a.dayofweek == "0").unlink()
        # no Mondays any more
        self.assertEqual(
            self._receive("2026-03-06 15:00").deadline_acknowledge,
            self._local("2026-03-10 10:00"),
        )

    def test_leaves_of_another_company_do_not_count(self):
        other = self.env["res.company"].create({"name": "Other company"})
        # a leave without calendar belongs to the company it is created in
        holiday = (
            self.env["resource.calendar.leaves"]
            .with_company(other)
            .create(
                {
                    "name": "Other company's holiday",
                    "date_from": self._local("2026-03-09 00:00"),
                    "date_to": self._local("2026-03-09 23:59:59"),
                }
            )
        )
        self.assertEqual(holiday.company_id, other)
        self.assertEqual(
            self._receive("2026-03-06 15:00").deadline_acknowledge,
            self._local("2026-03-09 10:00"),
        )

    def test_company_calendar_when_the_team_has_none(self):
        self.complaint_team.resource_calendar_id = False
        self.company.resource_calendar_id = self.calendar
        complaint = self._receive("2026-03-06 15:00")
        self.assertEqual(complaint.deadline_acknowledge, self._local("2026-03-09 10:00"))

    def test_clock_pauses_while_waiting_on_the_complainant(self):
        self._stage("acknowledged").pause_deadlines = True
        complaint = self._receive("2026-03-09 08:00")  # a Monday
        self.assertEqual(complaint.deadline_decision, self._local("2026-03-10 17:00"))
        with freeze_time(self._local("2026-03-09 09:00")):
            complaint.action_acknowledge()  # waits for the complainant's details
        self.assertEqual(complaint.deadline_paused_since, self._local("2026-03-09 09:00"))
        with freeze_time(self._local("2026-03-11 10:00")):
            self.env["helpdesk.ticket"]._refresh_due_deadlines()
            self.assertEqual(
                complaint.deadline_decision_state, "on_track", "no breach while paused"
            )
        with freeze_time(self._local("2026-03-10 09:00")):
            complaint.stage_id = self._stage("assessment")
        self.assertFalse(complaint.deadline_paused_since)
        self.assertEqual(complaint.deadline_paused_hours, 8.0)
        self.assertEqual(complaint.deadline_decision, self._local("2026-03-11 17:00"))
        self.assertEqual(
            complaint.deadline_acknowledge,
            self._local("2026-03-09 12:00"),
            "a deadline already met does not move",
        )
        self.assertEqual(complaint.deadline_acknowledge_state, "met")

    def test_closing_straight_out_of_a_pause_counts_the_last_pause(self):
        self.complaint_team.complaint_auto_acknowledge = True
        self._stage("decision_communicated").pause_deadlines = True
        with freeze_time(self._local("2026-03-09 08:00")):  # a Monday
            complaint = self._decided()
        self.assertEqual(complaint.deadline_close, self._local("2026-03-13 17:00"))
        with freeze_time(self._local("2026-03-18 10:00")):  # accepted seven working days later
            complaint.action_record_acceptance()
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.deadline_paused_hours, 58.0)
        # 40 working hours and the 58 paused, from Monday 08:00
        self.assertEqual(complaint.deadline_close, self._local("2026-03-25 10:00"))
        self.assertEqual(complaint.deadline_close_state, "met")
        self.assertEqual(complaint.days_to_close, 0.0)

    def test_states_follow_the_clock(self):
        late = self._receive("2026-03-09 08:00")
        on_time = self._receive("2026-03-09 08:00")
        far = self._receive("2026-03-09 08:00")
        with freeze_time(self._local("2026-03-09 08:30")):
            far.action_acknowledge()  # next deadline: the decision, Tuesday 16:00
        refresh = self.env["helpdesk.ticket"]._refresh_due_deadlines
        with freeze_time(self._local("2026-03-09 09:00")):
            self.assertIn(late, refresh())
            self.assertNotIn(far, refresh(), "not due: not even read")
        self.assertEqual(late.deadline_acknowledge_state, "on_track")
        with freeze_time(self._local("2026-03-09 10:30")):
            refresh()
            on_time.action_acknowledge()
        self.assertEqual(late.deadline_acknowledge_state, "at_risk")
        self.assertEqual(on_time.deadline_acknowledge_state, "met")
        with freeze_time(self._local("2026-03-09 12:30")):
            refresh()
        self.assertEqual(late.deadline_acknowledge_state, "breached")
        with freeze_time(self._local("2026-03-09 13:00")):
            late.action_acknowledge()
        self.assertEqual(late.deadline_acknowledge_state, "breached", "acknowledged too late")
        self.assertEqual(on_time.deadline_acknowledge_state, "met")

    def test_severity_picks_its_policy(self):
        complaint = self._receive("2026-03-09 08:00")
        complaint.write({"severity": "3"})
        self.assertEqual(complaint.deadline_policy_id, self.high_policy)
        self.assertEqual(complaint.deadline_decision, self._local("2026-03-09 17:00"))
        complaint.write({"severity": "4"})
        self.assertEqual(complaint.deadline_policy_id, self.policy, "the team's default")

    def test_withdrawn_complaint_ends_its_clocks(self):
        complaint = self._receive("2026-03-09 08:00")
        with freeze_time(self._local("2026-03-09 09:00")):
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


class TestDeadlineVilnius(TestDeadline):
    tz = "Europe/Vilnius"
