"""When things happen: dates before the install, office hours, the hourly
cron, and the company's working time (scripts/worktime.py)."""

from datetime import datetime, time, timedelta

from ..worktime import WorkingTime

# The Monday of the install's week at 00:00 (see when()): every event happens before it.
TODAY = datetime(2000, 1, 3)
# The company's working hours: Odoo's Standard 40 hours/week, Monday to Friday
# 8-12 and 13-17 in Brussels (the admin's time zone in Odoo's demo data).
SCHEDULE = [(day, *hours) for day in range(5) for hours in ((8, 12), (13, 17))]
# In winter (UTC+1) and in summer time (UTC+2): which applies depends on the
# date of the install.
SEASONS = (WorkingTime(SCHEDULE, "Etc/GMT-1"), WorkingTime(SCHEDULE, "Etc/GMT-2"))
# Handlers work in the hours open in both (UTC).
OFFICE_HOURS = (7, 8, 9, 12, 13, 14)


def at(days_ago, hour, minute=0):
    """The moment `days_ago` days before TODAY, at hour:minute."""
    return TODAY - timedelta(days=days_ago) + timedelta(hours=hour, minutes=minute)


def is_open(moment):
    return moment.weekday() < 5 and moment.hour in OFFICE_HOURS


def plan_hours(hours, start):
    """The earliest and the latest moment `hours` working hours after `start`
    may be: Odoo's deadline lies in between, whatever the summer time."""
    deadlines = [season.plan_hours(start, hours) for season in SEASONS]
    # an hour more or less when the summer time starts or ends in between
    return min(deadlines) - timedelta(hours=1), max(deadlines) + timedelta(hours=1)


def working_hours(start, end):
    return SEASONS[0].hours_between(start, end)


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
