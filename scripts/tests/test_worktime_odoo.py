"""scripts/worktime.py against Odoo's own resource.calendar: the same schedule
in Europe/Vilnius and in UTC, from many instants around the clock changes of
late March and late October, weekends included."""

from datetime import date, datetime, time, timedelta

from odoo import Command

from scripts.worktime import WorkingTime

from .common import CalendarCase

# Monday to Friday 8-12 and 13-17: the company calendar of both scripts
OFFICE = [(day, *hours) for day in range(5) for hours in ((8, 12), (13, 17))]
# Odd hours: minutes, a Saturday evening to midnight, and Sunday night shifts
# through the hour the clocks skip or repeat (3:00-4:00 in Vilnius)
SHIFTS = [
    (0, 8, 12),
    (0, 12.5, 16.75),
    (2, 7.25, 11),
    (4, 13, 17.6),
    (5, 22, 24),
    (6, 0, 2.5),
    (6, 3.5, 6),
]
# the clock changes of 2025 in the EU: 30 March and 26 October, at 01:00 UTC
WINDOWS = [(date(2025, 3, 24), date(2025, 4, 6)), (date(2025, 10, 20), date(2025, 11, 2))]
PLANNED_HOURS = (0, 0.25, 4, 7.5, 16, 160)
SPANS = [timedelta(hours=1), timedelta(hours=13), timedelta(days=9)]


def start_instants(working_time):
    """Every 3 h 11 min through the windows, and each day's midnight, 3:30,
    8:00, 12:00, 13:00 and 17:00 in the calendar's zone: instants on the edges."""
    instants = []
    for first, last in WINDOWS:
        moment, end = datetime.combine(first, time()), datetime.combine(last, time(23, 59))
        while moment < end:
            instants.append(moment)
            moment += timedelta(hours=3, minutes=11)
        day = first
        while day <= last:
            for hour in (0, 3.5, 8, 12, 13, 17):
                local = datetime.combine(day, time()) + timedelta(hours=hour)
                instants.append(working_time.local_to_utc(local))
            day += timedelta(days=1)
    return instants


class TestWorkingTimeAgainstOdoo(CalendarCase):
    def _calendar(self, schedule, tz):
        return self.env["resource.calendar"].create(
            {
                "name": f"Test {tz}",
                "tz": tz,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {hour_from}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            # the period only matters for lunch, which is not work
                            "day_period": "morning" if hour_from < 12 else "afternoon",
                        }
                    )
                    for day, hour_from, hour_to in schedule
                ],
            }
        )

    def _compare(self, schedule, tz):
        """Compare plan_hours and hours_between with Odoo's from every start
        instant; returns the number of instants checked."""
        calendar = self._calendar(schedule, tz)
        working_time = WorkingTime(schedule, tz)
        instants = start_instants(working_time)
        differences = []
        for start in instants:
            for hours in PLANNED_HOURS:
                expected = calendar.plan_hours(hours, start, compute_leaves=True)
                got = working_time.plan_hours(start, hours)
                if abs(got - expected) > timedelta(milliseconds=1):
                    differences.append(f"plan_hours({start}, {hours}): {got}, Odoo {expected}")
            for span in SPANS:
                expected = calendar.get_work_hours_count(start, start + span, compute_leaves=True)
                got = working_time.hours_between(start, start + span)
                if abs(got - expected) > 1e-6:
                    differences.append(f"hours_between({start}, +{span}): {got}, Odoo {expected}")
        report = "\n".join(differences[:20])
        self.assertFalse(differences, f"{tz}: {len(differences)} differences\n{report}")
        return len(instants)

    def test_office_hours_vilnius(self):
        self.assertEqual(self._compare(OFFICE, "Europe/Vilnius"), 380)

    def test_office_hours_utc(self):
        self.assertEqual(self._compare(OFFICE, "UTC"), 380)

    def test_odd_hours_vilnius(self):
        self.assertEqual(self._compare(SHIFTS, "Europe/Vilnius"), 380)

    def test_odd_hours_utc(self):
        self.assertEqual(self._compare(SHIFTS, "UTC"), 380)

    def test_deadline_carried_to_next_morning(self):
        """Odoo's rounding, kept: 20 working days from Thursday 23 October 2025
        after hours end on Thursday 20 November at 17:00 in Vilnius, but the
        window that starts on 6 November at 16:46 there cuts an afternoon in
        two, and Odoo's floats carry the deadline to Friday 08:00."""
        calendar = self._calendar(OFFICE, "Europe/Vilnius")
        start = datetime(2025, 10, 23, 14, 46)
        odoo = calendar.plan_hours(160, start, compute_leaves=True)
        self.assertEqual(odoo, datetime(2025, 11, 21, 6, 0))
        self.assertEqual(WorkingTime(OFFICE, "Europe/Vilnius").plan_hours(start, 160), odoo)
