import json
from datetime import timedelta

import pytz

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import file_open

from odoo.addons.odoo_iso10002.tests.common import Iso10002Case

DASHBOARD = "odoo_iso10002_dashboard/data/files/complaints_dashboard.json"


def load_dashboard():
    with file_open(DASHBOARD) as file:
        return json.load(file)


class TestDashboardAccess(Iso10002Case):
    def test_complaints_dashboard_for_managers_and_auditors(self):
        dashboard = self.env.ref("odoo_iso10002_dashboard.spreadsheet_dashboard_complaints")
        self.assertEqual(dashboard.dashboard_group_id.name, "Complaints")
        dashboards = self.env["spreadsheet.dashboard"]
        for user in (self.manager, self.auditor):
            self.assertIn(dashboard, dashboards.with_user(user).search([]))
            self.assertTrue(dashboard.with_user(user).get_readonly_dashboard()["snapshot"])
        # handlers cannot read the complaints analysis the dashboard shows
        self.assertNotIn(dashboard, dashboards.with_user(self.handler).search([]))
        with self.assertRaises(AccessError):
            dashboard.with_user(self.handler).check_access("read")


class TestDashboardFigures(Iso10002Case):
    """The dashboard's pivots, run through the ORM as the spreadsheet runs
    them, give the management review's figures for the same period."""

    tz = "Europe/Vilnius"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = load_dashboard()
        cls.filters = {f["label"]: f["id"] for f in cls.data["globalFilters"]}
        now = fields.Datetime.now()
        today = pytz.utc.localize(now).astimezone(pytz.timezone(cls.tz)).date()
        cls.period = (today - timedelta(days=150), today)
        cls.complaint_team.write(
            {
                "target_acknowledge_on_time": 90,
                "target_decision_on_time": 80,
                "target_close_on_time": 70,
                "target_satisfaction": 75,
            }
        )
        email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        delivery = cls.env.ref("odoo_iso10002.root_cause_delivery")
        billing = cls.env.ref("odoo_iso10002.root_cause_billing")
        goods, invoices = cls.env["helpdesk.ticket.category"].create(
            [{"name": "Test goods"}, {"name": "Test invoices"}]
        )

        def received(days_ago, team=cls.complaint_team, **values):
            return cls._create_ticket(team, date_received=now - timedelta(days=days_ago), **values)

        closed = received(100, channel_id=email.id, category_id=goods.id)
        closed.write({"root_cause_id": delivery.id})
        start = closed.date_received
        closed.write(
            {
                "date_acknowledged": start + timedelta(hours=1),
                "decision": "upheld",
                "date_decision_communicated": start + timedelta(days=5),
                "date_closed": start + timedelta(days=10),
                "survey_invited_date": start + timedelta(days=11),
                "survey_answered_date": start + timedelta(days=12),
                "satisfaction_score": 80.0,
            }
        )
        late = received(40, channel_id=phone.id, category_id=goods.id, root_cause_id=delivery.id)
        late.write({"date_acknowledged": late.date_received + timedelta(days=10)})
        escalated = received(20, category_id=invoices.id, root_cause_id=billing.id)
        received(3, channel_id=email.id)
        # before the period, still open: in the backlog only
        received(400, channel_id=email.id)
        # another team's, outside the scope
        received(10, team=cls.other_complaint_team, channel_id=phone.id)
        rule = cls.env["iso10002.escalation.rule"].create(
            {"name": "Test escalation", "level": 1, "health_safety": True}
        )
        cls.env["iso10002.escalation.log"].create(
            [
                {"ticket_id": escalated.id, "rule_id": rule.id, "level": level, "date": when}
                for level, when in ((1, now - timedelta(days=19)), (2, now - timedelta(days=2)))
            ]
        )

    def _run(self, definition, aggregate_fields, groupby):
        """What the spreadsheet reads for a pivot or chart over the period, for
        the complaint team, in the company: {group values: aggregates}."""
        matching = definition["fieldMatching"]
        domain = list(definition["domain"])
        day = matching[self.filters["Period"]].get("chain")
        if day:
            domain += [(day, ">=", self.period[0]), (day, "<=", self.period[1])]
        domain += [
            (matching[self.filters["Team"]]["chain"], "in", self.complaint_team.ids),
            (matching[self.filters["Company"]]["chain"], "in", self.company.ids),
        ]
        model = self.env[definition["model"]].with_user(self.manager)
        model.check_access("read")
        return {
            tuple(row[: len(groupby)]): row[len(groupby) :]
            for row in model._read_group(domain, groupby, aggregate_fields)
        }

    def _pivot(self, name, by=None):
        """A pivot's measures, total or grouped by its row and column fields."""
        pivot = next(p for p in self.data["pivots"].values() if p["name"] == name)
        model = self.env[pivot["model"]]
        # a measure without aggregator takes its field's, as in the spreadsheet
        aggregates = [
            m["fieldName"]
            if m["fieldName"] == "__count"
            else "{}:{}".format(
                m["fieldName"], m.get("aggregator") or model._fields[m["fieldName"]].aggregator
            )
            for m in pivot["measures"]
        ]
        groupby = [
            ":".join(filter(None, (g["fieldName"], g.get("granularity"))))
            for g in pivot["rows"] + pivot["columns"]
        ]
        rows = self._run(pivot, aggregates, groupby)
        if by is None:
            return self._run(pivot, aggregates, [])[()]
        # the figure of each value of one group-by field, added over the others
        index = [g["fieldName"] for g in pivot["rows"] + pivot["columns"]].index(by)
        totals = {}
        for key, (count,) in rows.items():
            totals[key[index]] = totals.get(key[index], 0) + count
        return totals

    def _review(self):
        review = self.env["iso10002.management.review"].create(
            {
                "date_from": self.period[0],
                "date_to": self.period[1],
                "team_ids": [fields.Command.set(self.complaint_team.ids)],
            }
        )
        review.action_compute()
        return {line.key: line.value for line in review.line_ids}

    def _by_key(self, prefix, counts):
        return {
            f"{prefix}_{getattr(value, 'id', value) or 'none'}": count
            for value, count in counts.items()
        }

    def test_figures_are_the_management_review_figures(self):
        review = self._review()
        figures = {
            f["key"]: f["value"]
            for f in self.env["iso10002.kpi"]._figures(
                self.company, self.complaint_team, *self.period
            )
        }
        self.assertEqual(figures["received"], 4)
        self.assertEqual(figures["open"], 4)

        (received,) = self._pivot("Complaints received by month and channel")
        self.assertEqual(received, review["received"])
        channels = self._pivot("Complaints received by month and channel", by="channel_id")
        self.assertEqual(
            self._by_key("channel", channels),
            {k: v for k, v in figures.items() if k.startswith("channel_")},
        )

        (open_now,) = self._pivot("Open complaints by step and age")
        self.assertEqual(open_now, review["open"])
        ages = self._pivot("Open complaints by step and age", by="open_age")
        self.assertEqual(
            {k: v for k, v in ages.items()},
            {k: v for k, v in figures.items() if k.startswith("age_") and v},
        )

        for pivot, key in (
            ("Acknowledged on time", "acknowledge_on_time"),
            ("Decisions on time", "decision_on_time"),
            ("Closed on time", "close_on_time"),
            ("Satisfaction score by month", "satisfaction_score"),
        ):
            (value,) = self._pivot(pivot)
            self.assertAlmostEqual(value, review[key], msg=pivot)
        # some on time, some late: a rate the measure could get wrong
        self.assertTrue(0 < review["acknowledge_on_time"] < 100)

        targets = self._pivot("Objectives of the complaint teams")
        self.assertEqual(
            targets,
            tuple(
                self.env["iso10002.kpi"]._targets(self.company, self.complaint_team)[key]
                for key in (
                    "acknowledge_on_time",
                    "decision_on_time",
                    "close_on_time",
                    "satisfaction_score",
                )
            ),
        )

        (escalations,) = self._pivot("Escalations by level")
        self.assertEqual(escalations, review["escalations"])
        levels = self._pivot("Escalations by level", by="level")
        self.assertEqual(
            self._by_key("escalation", levels),
            {k: v for k, v in figures.items() if k.startswith("escalation_")},
        )

        # Pareto: the same causes, in the same order
        causes = self._pivot("Root causes", by="root_cause_id")
        self.assertEqual(
            list(self._by_key("cause", causes).items()),
            [(k, v) for k, v in figures.items() if k.startswith("cause_")],
        )
        categories = self._pivot("Categories", by="category_id")
        self.assertEqual(
            self._by_key("category", categories),
            {k: v for k, v in figures.items() if k.startswith("category_")},
        )

    def test_charts_show_the_pivots(self):
        """Each chart reads what one of the pivots reads, so that the checks on
        the pivots hold for the charts."""
        pivots = [
            (
                p["model"],
                p["domain"],
                p["fieldMatching"],
                [m["fieldName"] for m in p["measures"]],
                [
                    ":".join(filter(None, (g["fieldName"], g.get("granularity"))))
                    for g in p["rows"] + p["columns"]
                ],
            )
            for p in self.data["pivots"].values()
        ]
        figures = [f for sheet in self.data["sheets"] for f in sheet["figures"]]
        self.assertTrue(figures)
        for figure in figures:
            chart = figure["data"]
            meta = chart["metaData"]
            self.assertIn(
                (
                    meta["resModel"],
                    chart["searchParams"]["domain"],
                    chart["fieldMatching"],
                    [meta["measure"]],
                    meta["groupBy"],
                ),
                pivots,
                chart["title"]["text"],
            )


@tagged("post_install", "-at_install")
class TestDashboardUi(HttpCase):
    def test_manager_opens_the_dashboard(self):
        new_test_user(
            self.env, login="iso_dashboard_manager", groups="odoo_iso10002.group_complaint_manager"
        )
        self.start_tour("/odoo", "odoo_iso10002_dashboard_manager", login="iso_dashboard_manager")
