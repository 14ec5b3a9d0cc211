"""Working time on a weekly schedule, counted as Odoo's resource.calendar counts it.

A schedule is a list of (weekday, hour_from, hour_to) in the local time of an
IANA time zone, Monday = 0, hours as floats: the attendances of a
resource.calendar (lunch breaks left out). Instants are naive datetimes in UTC,
like Odoo's Datetime fields. Each day's hours are read in the zone's local time
of that day, summer time included, and working time is counted in the hours
that really pass (a night shift through a clock change is an hour shorter or
longer), as Odoo does. Public holidays and leaves are not modelled: neither
script has any.

- `intervals(start, end)`: the working intervals between two instants;
- `plan_hours(start, hours)`: the instant `hours` working hours after `start`,
  as `resource.calendar.plan_hours(hours, start, compute_leaves=True)`;
- `hours_between(start, end)`: the working hours from `start` to `end`, as
  `resource.calendar.get_work_hours_count(start, end, compute_leaves=True)`.

The intervals of the dates asked about are built once, with their running
total in whole microseconds: `hours_between` is a binary search, so that a
generator may call it for each of 100,000 records.
"""

import math
from bisect import bisect_left, bisect_right
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

MICROSECONDS_PER_HOUR = 3_600_000_000
# dates built at once around the ones asked for: a generator keeps asking near by
MARGIN = timedelta(days=366)
DAY = timedelta(days=1)
# Odoo's plan_hours reads the intervals by windows of this length
WINDOW = timedelta(days=14)


def hour_to_time(hours):
    """The time of day of an attendance's hour, rounded to the minute as Odoo
    rounds it; 24 is the last instant of the day."""
    if hours == 24:
        return time.max
    fraction, whole = math.modf(hours)
    return time(int(whole), math.floor(60 * fraction + 0.5))


def microseconds(delta):
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


class WorkingTime:
    """The working time of one weekly schedule in one time zone."""

    def __init__(self, schedule, tz="UTC"):
        self.zone = ZoneInfo(tz)
        self.days = [[] for _weekday in range(7)]
        for weekday, hour_from, hour_to in schedule:
            self.days[weekday].append((hour_to_time(hour_from), hour_to_time(hour_to)))
        if not any(begin < end for day in self.days for begin, end in day):
            raise ValueError("a schedule without working hours")
        # the working intervals of the local dates first..last, in UTC, and the
        # working time before each of them since the start of `first`
        self.first = self.last = self.safe = None
        self.starts, self.stops, self.before = [], [], []

    def local_to_utc(self, local):
        """A local time in UTC. A time the clocks skip or repeat when summer time
        starts or ends is read in standard time, as Odoo (pytz's `localize`) does."""
        moment = local.replace(tzinfo=self.zone)
        other = local.replace(tzinfo=self.zone, fold=1)
        if moment.utcoffset() != other.utcoffset() and moment.dst():
            moment = other
        return moment.astimezone(timezone.utc).replace(tzinfo=None)

    def _build(self, first, last):
        """The intervals of the local dates first..last, overlaps merged."""
        raw = []
        day = first
        while day <= last:
            for begin, end in self.days[day.weekday()]:
                begin = self.local_to_utc(datetime.combine(day, begin))
                end = self.local_to_utc(datetime.combine(day, end))
                if begin < end:
                    raw.append((begin, end))
            day += DAY
        raw.sort()
        self.first, self.last = first, last
        # the instants whose working time lies within these dates
        self.safe = (datetime.combine(first, time()) + DAY, datetime.combine(last, time()))
        self.starts, self.stops, self.before = [], [], []
        total = 0
        for begin, end in raw:
            if self.stops and begin < self.stops[-1]:
                if end > self.stops[-1]:
                    total += microseconds(end - self.stops[-1])
                    self.stops[-1] = end
                continue
            self.starts.append(begin)
            self.stops.append(end)
            self.before.append(total)
            total += microseconds(end - begin)
        self.before.append(total)  # the working time of the whole range, last

    def _cover(self, start, end):
        """Build the intervals of every date that may hold working time between
        `start` and `end`: a local date differs from the UTC one by a day at most."""
        if self.first is not None and self.safe[0] <= start and end <= self.safe[1]:
            return
        first, last = start.date() - timedelta(days=1), end.date() + timedelta(days=1)
        if self.first is None:
            self._build(first - MARGIN, last + MARGIN)
        else:
            self._build(
                self.first if first >= self.first else first - MARGIN,
                self.last if last <= self.last else last + MARGIN,
            )

    def _worked(self, moment):
        """Working microseconds from the start of the range to `moment`."""
        index = bisect_right(self.starts, moment) - 1
        if index < 0:
            return 0
        begin, stop = self.starts[index], self.stops[index]
        return self.before[index] + microseconds(min(moment, stop) - begin)

    def intervals(self, start, end):
        """The working intervals between `start` and `end`, cut to them."""
        self._cover(start, end)
        first = bisect_right(self.stops, start)
        last = bisect_left(self.starts, end)
        return [
            (max(begin, start), min(stop, end))
            for begin, stop in zip(self.starts[first:last], self.stops[first:last], strict=True)
        ]

    def hours_between(self, start, end):
        """Working hours from `start` to `end`; none when `end` is not after `start`."""
        if end <= start:
            return 0.0
        self._cover(start, end)
        return (self._worked(end) - self._worked(start)) / MICROSECONDS_PER_HOUR

    def plan_hours(self, start, hours):
        """The instant `hours` (zero or more) working hours after `start`: the end
        of an interval when the hours run out there, the start of the next
        interval when `start` is outside working time and `hours` is 0."""
        if hours < 0:
            raise ValueError("plan_hours plans forwards only")
        self._cover(start, start)
        target = self._worked(start) + round(hours * MICROSECONDS_PER_HOUR)
        while True:
            # the first interval that ends after `start` and reaches the target
            first = bisect_right(self.stops, start)
            index = max(bisect_left(self.before, target, lo=1) - 1, first)
            if index + 1 < len(self.starts):  # Odoo's steps may reach the next interval
                break
            self._build(self.first, self.last + MARGIN)  # later dates; the running total stays
        if target == self.before[index + 1]:
            return self._plan_hours_as_odoo(start, hours)
        begin = max(self.starts[index], start)
        return begin + timedelta(microseconds=target - self._worked(begin))

    def _plan_hours_as_odoo(self, start, hours):
        """Odoo's own steps, for hours that run out exactly at the end of an
        interval. Odoo reads the intervals by windows of 14 days from `start`,
        cutting in two an interval that a window's edge falls in, and subtracts
        their lengths as floats: the rounding may leave a trace of an hour that
        carries the deadline to the start of the next interval (e.g. the next
        morning). The same steps give the same deadline."""
        edge = start + WINDOW
        index = bisect_right(self.stops, start)
        begin = max(self.starts[index], start)
        while True:
            while edge <= begin:
                edge += WINDOW
            stop = min(self.stops[index], edge)
            length = (stop - begin).total_seconds() / 3600
            if hours <= length:
                return begin + timedelta(hours=hours)
            hours -= length
            if stop < self.stops[index]:  # the rest of the interval is in the next window
                begin = stop
            else:
                index += 1
                begin = self.starts[index]
