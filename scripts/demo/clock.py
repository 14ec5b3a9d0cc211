"""When things happen: dates before the install, office hours, the hourly
cron, and the company's working time (scripts/worktime.py)."""

from datetime import datetime, time, timedelta

from ..worktime import WorkingTime

# The Monday of the install's week at 00:00 (see when()): every event happens before it.
TODAY = datetime(2000, 1, 3)
# The company's working hours: Odoo's Standard 40 hours/week, Monday to Friday
# 8-12 and 13-17 in Brussels (the admin's time zone in Odoo's demo data).
SCHEDULE = [(day, *hours) for day in range(5) for hours in ((8, 12), (13, 17))]
COMPANY_TIME = WorkingTime(SCHEDULE, "Europe/Brussels")
# The history is dated in whole weeks before the install, whose date, and with
# it which days are in summer time, is not known here: it is laid on each week
# of a year in turn, which puts the clock changes at every place they can fall.
INSTALL_WEEKS = [datetime(2025, 1, 6) + timedelta(weeks=week) - TODAY for week in range(53)]
# Handlers work in the hours open in winter and in summer time (UTC).
OFFICE_HOURS = (7, 8, 9, 12, 13, 14)


def at(days_ago, hour, minute=0):
    """The moment `days_ago` days before TODAY, at hour:minute."""
    return TODAY - timedelta(days=days_ago) + timedelta(hours=hour, minutes=minute)


def is_open(moment):
    return moment.weekday() < 5 and moment.hour in OFFICE_HOURS


def deadline_range(start, hours):
    """The earliest and the latest deadline Odoo may compute `hours` working
    hours after `start`, depending on the week of the install."""
    deadlines = [COMPANY_TIME.plan_hours(start + week, hours) - week for week in INSTALL_WEEKS]
    return min(deadlines), max(deadlines)


def office_time(rng, after, days):
    """A moment in office hours `days` working days after `after`, and later than it."""
    day = after.date()
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    while day.weekday() >= 5:
        day += timedelta(days=1)
    moment = datetime.combine(day, time(rng.choice(OFFICE_HOURS), rng.randrange(0, 60, 5)))
    if moment <= after:  # soon after, or on the next working day
        soon = after + timedelta(minutes=rng.randint(20, 120))
        moment = soon if is_open(soon) else office_time(rng, after, 1)
    return moment


def cron_time(moment):
    """When the hourly escalation cron sees that `moment` has passed."""
    return (moment + timedelta(hours=1)).replace(minute=5)
