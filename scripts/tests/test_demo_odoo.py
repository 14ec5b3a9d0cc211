"""The demo generator's working time against Odoo's: the company calendar it
assumes, and the range of deadlines it expects whatever the install's week."""

from scripts.demo.clock import INSTALL_WEEKS, SCHEDULE, deadline_range
from scripts.demo.simulate import simulate

from .common import CalendarCase


class TestDemoDeadlines(CalendarCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("resource.resource_calendar_std")

    def test_company_calendar(self):
        """The schedule is that of Odoo's Standard 40 hours/week, which the demo
        company works on (in Brussels, the admin's time zone in the demo data)."""
        attendances = self.calendar.attendance_ids.filtered(lambda a: a.day_period != "lunch")
        self.assertEqual(
            sorted((int(a.dayofweek), a.hour_from, a.hour_to) for a in attendances),
            sorted(SCHEDULE),
        )

    def test_deadlines_within_range_whatever_the_install_week(self):
        """Odoo's deadlines for every tenth complaint of the history, moved onto
        each install week, stay within the range the generator expects, and
        reach both of its ends."""
        self.calendar.tz = "Europe/Brussels"
        _customers, complaints = simulate()
        for complaint in complaints[::10]:
            for hours in (16, 80):
                earliest, latest = deadline_range(complaint.received, hours)
                deadlines = {
                    self.calendar.plan_hours(hours, complaint.received + week, compute_leaves=True)
                    - week
                    for week in INSTALL_WEEKS
                }
                self.assertEqual((min(deadlines), max(deadlines)), (earliest, latest))
