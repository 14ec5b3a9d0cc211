"""scripts/worktime.py on its own (Odoo's own results are in test_worktime_odoo.py)."""

import unittest
from datetime import datetime

from scripts.worktime import WorkingTime

OFFICE = [(day, *hours) for day in range(5) for hours in ((8, 12), (13, 17))]


class TestWorkingTime(unittest.TestCase):
    def setUp(self):
        self.vilnius = WorkingTime(OFFICE, "Europe/Vilnius")

    def test_summer_and_winter_hours(self):
        # 8:00 in Vilnius is 5:00 UTC in summer (UTC+3) and 6:00 in winter (UTC+2)
        self.assertEqual(self.vilnius.plan_hours(datetime(2025, 7, 7), 0), datetime(2025, 7, 7, 5))
        self.assertEqual(self.vilnius.plan_hours(datetime(2025, 1, 6), 0), datetime(2025, 1, 6, 6))

    def test_over_the_weekend_and_the_clock_change(self):
        # Friday 28 March 2025, 16:00 there; summer time starts on Sunday
        friday = datetime(2025, 3, 28, 14)
        monday = self.vilnius.plan_hours(friday, 2)
        self.assertEqual(monday, datetime(2025, 3, 31, 6))  # 9:00 in summer time
        self.assertEqual(self.vilnius.hours_between(friday, monday), 2)

    def test_hours_ending_an_interval_end_it(self):
        monday = datetime(2025, 1, 6, 6)
        self.assertEqual(self.vilnius.plan_hours(monday, 4), datetime(2025, 1, 6, 10))
        self.assertEqual(self.vilnius.plan_hours(monday, 8), datetime(2025, 1, 6, 15))

    def test_intervals_cut_to_the_range(self):
        self.assertEqual(
            self.vilnius.intervals(datetime(2025, 1, 6, 7), datetime(2025, 1, 6, 12)),
            [
                (datetime(2025, 1, 6, 7), datetime(2025, 1, 6, 10)),
                (datetime(2025, 1, 6, 11), datetime(2025, 1, 6, 12)),
            ],
        )
        self.assertEqual(
            self.vilnius.hours_between(datetime(2025, 1, 6, 12), datetime(2025, 1, 6)), 0
        )

    def test_night_shift_through_the_clock_change(self):
        # Sunday 0:00-6:00 in Vilnius: the clocks skip 3:00-4:00 in March and
        # repeat it in October, and the shift lasts the hours that pass
        nights = WorkingTime([(6, 0, 6)], "Europe/Vilnius")
        for sunday, hours in ((datetime(2025, 3, 29, 12), 5), (datetime(2025, 10, 25, 12), 7)):
            with self.subTest(sunday=sunday):
                self.assertEqual(
                    nights.hours_between(sunday, sunday.replace(day=sunday.day + 1)), hours
                )

    def test_far_ahead_and_far_back(self):
        start = datetime(2025, 1, 6, 6)
        far = self.vilnius.plan_hours(start, 8 * 5 * 52 * 3)  # three years of weeks
        self.assertEqual(far.isoweekday(), 5)
        self.assertEqual(
            self.vilnius.hours_between(datetime(2000, 1, 3), datetime(2000, 1, 10)), 40
        )

    def test_schedule_without_hours(self):
        with self.assertRaises(ValueError):
            WorkingTime([(0, 8, 8)])
