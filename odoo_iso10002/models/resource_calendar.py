from datetime import datetime, time

from pytz import timezone

from odoo import models, tools


class ResourceCalendar(models.Model):
    """Working time read once a day for all the complaints planned on it."""

    _name = "resource.calendar"
    _inherit = ["resource.calendar", "iso10002.config.cache.mixin"]

    @tools.ormcache("self.id", "first", "last")
    def _iso10002_work_intervals(self, first, last):
        """The calendar's working time from the local day `first` to `last`
        (excluded), leaves of the calendar and company-wide ones left out: a
        tuple of (start, stop) in its time zone.

        Every complaint received on a day plans its deadlines on the same
        weeks: the cache spares each of them reading attendances and leaves
        again. A change to calendars, attendances or leaves clears it
        (iso10002.config.cache.mixin); the leaves are the calendar company's,
        whoever asks."""
        calendar = self.sudo()
        tz = timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(first, time.min))
        stop = tz.localize(datetime.combine(last, time.min))
        domain = [
            ("time_type", "=", "leave"),
            ("company_id", "in", [False, calendar.company_id.id]),
        ]
        intervals = calendar._work_intervals_batch(start, stop, domain=domain)[False]
        return tuple((begin, end) for begin, end, _meta in intervals)
