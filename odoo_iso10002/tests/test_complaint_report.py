from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from .common import Iso10002Case


class TestComplaintReport(Iso10002Case):
    """The complaints analysis (ISO 10002 8.2) cuts its periods and months
    in the company's local days, whatever the zone of the user's browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 00:30 on 1 July for the company, the first day of Q3; in Vilnius,
        # 21:30 UTC on 30 June
        cls.first_day = cls._create_ticket(
            cls.complaint_team, date_received=cls._local("2026-07-01 00:30")
        )
        # 23:30 on 30 June, the last day of Q2; closed at 00:15 on 1 October
        cls.last_day = cls._create_ticket(
            cls.complaint_team,
            date_received=cls._local("2026-06-30 23:30"),
            date_closed=cls._local("2026-10-01 00:15"),
        )
        cls.complaints = cls.first_day | cls.last_day

    def _report(self, user_tz):
        """The analysis as a manager in ``user_tz`` opens it, the browser's
        zone in the context."""
        self.manager.tz = user_tz
        return (
            self.env["iso10002.complaint.report"].with_user(self.manager).with_context(tz=user_tz)
        )

    def _domain(self):
        return [("id", "in", self.complaints.ids)]

    def test_local_days(self):
        report = self._report("America/New_York")
        first, last = (report.browse(complaint.id) for complaint in self.complaints)
        self.assertEqual((first.received_day, first.closed_day), (date(2026, 7, 1), False))
        self.assertEqual(
            (last.received_day, last.closed_day), (date(2026, 6, 30), date(2026, 10, 1))
        )

    def test_quarters_and_months(self):
        for user_tz in ("UTC", "America/New_York"):
            with self.subTest(user_tz=user_tz):
                report = self._report(user_tz)
                self.assertEqual(
                    report._read_group(self._domain(), ["received_day:quarter"], ["id:array_agg"]),
                    [
                        (date(2026, 4, 1), [self.last_day.id]),
                        (date(2026, 7, 1), [self.first_day.id]),
                    ],
                )
                groups = report.read_group(
                    self._domain(), ["__count"], ["received_day:month"], lazy=False
                )
                self.assertEqual(
                    [(group["received_day:month"], group["__count"]) for group in groups],
                    [("June 2026", 1), ("July 2026", 1)],
                )
                self.assertEqual(
                    report._read_group(self._domain(), ["closed_day:quarter"], ["__count"]),
                    [(date(2026, 10, 1), 1), (False, 1)],
                )

    def test_views_use_the_local_days(self):
        """The graph and pivot by month, the Received Month grouping and the
        date filters all read the company's days."""
        arch = {
            view: etree.fromstring(
                self.env.ref(f"odoo_iso10002.iso10002_complaint_report_view_{view}").arch
            )
            for view in ("graph", "pivot", "search")
        }
        for view in ("graph", "pivot"):
            self.assertEqual(arch[view].xpath("//field[@interval]/@name"), ["received_day"])
        search = arch["search"]
        self.assertEqual(search.xpath("//filter[@date]/@date"), ["received_day", "closed_day"])
        [group_by] = search.xpath("//filter[@name='group_received_month']/@context")
        self.assertEqual(safe_eval(group_by), {"group_by": "received_day:month"})

    def test_this_quarter_filter(self):
        [domain] = etree.fromstring(
            self.env.ref("odoo_iso10002.iso10002_complaint_report_view_search").arch
        ).xpath("//filter[@name='this_quarter']/@domain")
        for user_tz in ("UTC", "America/New_York"):
            with self.subTest(user_tz=user_tz), freeze_time("2026-08-14 12:00:00"):
                report = self._report(user_tz)
                # as the web client evaluates it, with the user's today
                this_quarter = safe_eval(
                    domain,
                    {
                        "context_today": lambda report=report: fields.Date.context_today(report),
                        "relativedelta": relativedelta,
                    },
                )
                self.assertEqual(
                    report.search(this_quarter + self._domain()).ticket_id, self.first_day
                )


class TestComplaintReportVilnius(TestComplaintReport):
    tz = "Europe/Vilnius"
