import subprocess
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from ..models.iso10002_kpi import previous_period
from .common import Iso10002Case


class TestManagementReview(Iso10002Case):
    """KPI snapshot of a management review on hand-built complaints: Q3 2026
    against Q2 2026, on an office calendar of 8 working hours a day, in the
    company's local days."""

    @classmethod
    def setUpClass(cls):
        # today, from here to the end of the class; a class decorator would run
        # the setUpClass of the subclass in another zone on this class
        cls.startClassPatcher(freeze_time("2026-11-24 10:00:00"))
        super().setUpClass()
        cls.complaint_team.resource_calendar_id = cls._office_calendar()
        cls.complaint_team.write(
            {
                "complaint_auto_acknowledge": False,
                "target_acknowledge_on_time": 95.0,
                "target_satisfaction": 75.0,
            }
        )
        cls.other_partner = cls.env["res.partner"].create({"name": "Ona Onaitė"})
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        monday = cls._local("2026-07-06 08:00")
        # Q3: acknowledged after 2, 4, 20, 1 and 3 working hours; the 16-hour
        # acknowledgement deadline falls on Tuesday 17:00, so one is late.
        acknowledged = [
            cls._local("2026-07-06 10:00"),
            cls._local("2026-07-06 12:00"),
            cls._local("2026-07-08 12:00"),
            cls._local("2026-07-06 09:00"),
            cls._local("2026-07-06 11:00"),
        ]
        cls.q3 = cls.env["helpdesk.ticket"]
        for index, date_acknowledged in enumerate(acknowledged):
            cls.q3 |= cls._create_ticket(
                cls.complaint_team,
                date_received=monday,
                date_acknowledged=date_acknowledged,
                channel_id=(cls.email if index < 3 else cls.phone).id,
                severity="3" if index == 2 else "2",
            )
        delivery = cls.env.ref("odoo_iso10002.root_cause_delivery")
        product = cls.env.ref("odoo_iso10002.root_cause_product_defect")
        c1, c2, c3, c4, _c5 = cls.q3
        c1.write(
            {
                "decision": "upheld",
                "remedy_ids": [
                    Command.create(
                        {"remedy_type_id": cls.env.ref("odoo_iso10002.remedy_type_apology").id}
                    ),
                    Command.create(
                        {
                            "remedy_type_id": cls.env.ref(
                                "odoo_iso10002.remedy_type_compensation"
                            ).id,
                            "amount_currency": 50.0,
                        }
                    ),
                ],
                "date_decision_communicated": cls._local("2026-07-07 08:00"),  # 1 day
                "date_closed": cls._local("2026-07-08 08:00"),  # 2 days
                "root_cause_id": delivery.id,
                "survey_invited_date": cls._local("2026-07-09 08:00"),
                "survey_answered_date": cls._local("2026-07-10 08:00"),
                "satisfaction_score": 80.0,
            }
        )
        c2.write(
            {
                "decision": "not_upheld",
                "date_decision_communicated": cls._local("2026-07-10 08:00"),  # 4 days
                "root_cause_id": delivery.id,
                "survey_invited_date": cls._local("2026-07-11 08:00"),
            }
        )
        c3.root_cause_id = delivery
        c4.root_cause_id = product
        rule = cls.env["iso10002.escalation.rule"].create(
            {
                "name": "Test escalation",
                "level": 1,
                "health_safety": True,
                "team_ids": [Command.set(cls.complaint_team.ids)],
            }
        )
        cls.env["iso10002.escalation.log"].create(
            [
                {
                    "ticket_id": c3.id,
                    "rule_id": rule.id,
                    "level": 1,
                    "date": cls._local("2026-07-08 00:00"),
                },
                {
                    "ticket_id": c3.id,
                    "rule_id": rule.id,
                    "level": 2,
                    "date": cls._local("2026-07-09 00:00"),
                },
            ]
        )
        # Q2: two complaints of another customer, acknowledged after 2 and 6 hours
        april = cls._local("2026-04-06 08:00")
        cls.q2 = cls.env["helpdesk.ticket"]
        for hour in (10, 14):
            cls.q2 |= cls._create_ticket(
                cls.complaint_team,
                partner_id=cls.other_partner.id,
                date_received=april,
                date_acknowledged=cls._local(f"2026-04-06 {hour}:00"),
                channel_id=cls.email.id,
                severity="2",
            )
        # the customer's first complaint, closed in June: those of Q3 are repeats
        cls._create_ticket(
            cls.complaint_team,
            date_received=cls._local("2026-06-15 08:00"),
            date_closed=cls._local("2026-06-17 08:00"),
        )
        # Another team's complaint, outside the reviewed teams
        cls._create_ticket(cls.other_complaint_team, date_received=monday, date_acknowledged=monday)
        cls.action = cls.env["iso10002.corrective.action"].create(
            {
                "name": "Train the drivers",
                "date_deadline": date(2026, 8, 31),
                "complaint_ids": [Command.set((c1 | c2).ids)],
            }
        )
        cls.action.write({"state": "done", "date_done": date(2026, 8, 20)})
        cls.action.effectiveness = "effective"
        cls.action.date_effectiveness = date(2026, 9, 15)
        cls.late_action = cls.env["iso10002.corrective.action"].create(
            {"name": "Change carrier", "date_deadline": date(2026, 9, 1)}
        )
        cls.env.cr.execute(
            "UPDATE iso10002_corrective_action SET create_date = %s WHERE id IN %s",
            (cls._local("2026-07-15 00:00"), tuple((cls.action | cls.late_action).ids)),
        )
        cls.env.invalidate_all()

    def _review(self, **values):
        return (
            self.env["iso10002.management.review"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": date(2026, 7, 1),
                    "date_to": date(2026, 9, 30),
                    "team_ids": [Command.set(self.complaint_team.ids)],
                    **values,
                }
            )
        )

    def _figures(self, review):
        return {line.key: line for line in review.line_ids}

    def test_previous_period(self):
        self.assertEqual(
            previous_period(date(2026, 7, 1), date(2026, 9, 30)),
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        self.assertEqual(
            previous_period(date(2026, 1, 1), date(2026, 12, 31)),
            (date(2025, 1, 1), date(2025, 12, 31)),
        )
        self.assertEqual(
            previous_period(date(2026, 7, 10), date(2026, 7, 19)),
            (date(2026, 6, 30), date(2026, 7, 9)),
        )
        review = self.env["iso10002.management.review"].with_user(self.manager).create({})
        # default: the last full quarter before today (2026-11-24)
        self.assertEqual((review.date_from, review.date_to), (date(2026, 7, 1), date(2026, 9, 30)))

    def test_elapsed_working_time(self):
        c1, c2, c3, _c4, _c5 = self.q3
        self.assertEqual(c1.hours_to_acknowledge, 2.0)
        self.assertEqual(c3.hours_to_acknowledge, 20.0)
        self.assertEqual(c1.days_to_decision, 1.0)
        self.assertEqual(c2.days_to_decision, 4.0)
        self.assertEqual(c1.days_to_close, 2.0)
        self.assertEqual(c3.deadline_acknowledge, self._local("2026-07-07 17:00"))

    def test_volumes_and_timeliness(self):
        review = self._review()
        review.action_compute()
        figures = self._figures(review)
        self.assertEqual(figures["received"].value, 5)
        self.assertEqual(figures["received"].previous_value, 3)
        self.assertEqual(figures[f"channel_{self.email.id}"].value, 3)
        self.assertEqual(figures[f"channel_{self.phone.id}"].value, 2)
        self.assertEqual(figures[f"channel_{self.phone.id}"].previous_value, 0)
        self.assertEqual(figures["severity_3"].value, 1)
        self.assertEqual(figures["severity_2"].name, "Medium")
        self.assertEqual(figures[f"customer_{self.partner.id}"].value, 5)
        self.assertEqual(figures[f"customer_{self.other_partner.id}"].previous_value, 2)
        # hours to acknowledge 1, 2, 3, 4, 20
        self.assertAlmostEqual(figures["acknowledge_mean"].value, 6.0)
        self.assertAlmostEqual(figures["acknowledge_median"].value, 3.0)
        self.assertAlmostEqual(figures["acknowledge_p90"].value, 13.6)
        self.assertAlmostEqual(figures["acknowledge_on_time"].value, 80.0)
        self.assertEqual(figures["acknowledge_on_time"].target, 95.0)
        self.assertFalse(figures["acknowledge_on_time"].target_met)
        self.assertEqual(figures["acknowledge_on_time"].value_display, "80.0 %")
        self.assertEqual(figures["acknowledge_on_time"].change_display, "-20.0 %")
        # previous period: 2 and 5 hours (lunch break), both on time
        self.assertAlmostEqual(figures["acknowledge_mean"].previous_value, 3.5)
        self.assertAlmostEqual(figures["acknowledge_on_time"].previous_value, 100.0)
        # days to decision 1 and 4
        self.assertEqual(figures["decision_count"].value, 2)
        self.assertAlmostEqual(figures["decision_median"].value, 2.5)
        self.assertAlmostEqual(figures["decision_p90"].value, 3.7)
        self.assertTrue(figures["decision_mean"].previous_missing)
        self.assertEqual(figures["decision_mean"].previous_display, "—")
        self.assertEqual(figures["close_count"].value, 1)
        self.assertAlmostEqual(figures["close_mean"].value, 2.0)

    def test_monthly_trend(self):
        # the last minutes of August and the first of September, local time:
        # both on 31 August in UTC when the company is in Vilnius
        self._create_ticket(self.complaint_team, date_received=self._local("2026-08-31 23:30"))
        september = self._create_ticket(
            self.complaint_team, date_received=self._local("2026-09-01 00:30")
        )
        september.date_closed = self._local("2026-09-01 09:00")
        review = self._review()
        review.action_compute()
        figures = self._figures(review)
        trend = review.line_ids.filtered(lambda line: line.section == "trend")
        self.assertEqual(
            [(line.key, line.value) for line in trend if not line.value_missing],
            [
                ("trend_2026_07_received", 5),
                ("trend_2026_07_closed", 1),
                ("trend_2026_07_on_time", figures["close_on_time"].value),
                ("trend_2026_08_received", 1),
                ("trend_2026_08_closed", 0),
                ("trend_2026_09_received", 1),
                ("trend_2026_09_closed", 1),
                ("trend_2026_09_on_time", 100.0),
            ],
        )
        self.assertTrue(figures["trend_2026_08_on_time"].value_missing, "nothing closed")
        # the months add up to the period
        months = trend.filtered(lambda line: line.key.endswith("_received"))
        self.assertEqual(sum(months.mapped("value")), figures["received"].value)
        closed = trend.filtered(lambda line: line.key.endswith("_closed"))
        self.assertEqual(sum(closed.mapped("value")), figures["close_count"].value)
        self.assertEqual(figures["trend_2026_07_received"].name, "Received in Jul 2026")
        self.assertTrue(all(line.previous_missing for line in trend))
        self.assertEqual(figures["trend_2026_09_on_time"].target, 0.0, "no objective set")

    def test_backlog_outcome_satisfaction_causes(self):
        review = self._review()
        review.action_compute()
        figures = self._figures(review)
        # at the end of Q3, four complaints received on 6 July are open (86.7 days),
        # and the two of April (177.7 days)
        self.assertEqual(figures["open"].value, 6)
        self.assertAlmostEqual(figures["open_age"].value, (4 * 86.67 + 2 * 177.67) / 6, places=2)
        self.assertEqual(figures["age_90"].value, 4)
        self.assertEqual(figures["age_more"].value, 2)
        self.assertEqual(figures["age_7"].value, 0)
        # at the end of Q2, the two April complaints were open (85.7 days)
        self.assertEqual(figures["open"].previous_value, 2)
        self.assertEqual(figures["escalations"].value, 2)
        self.assertEqual(figures["escalation_2"].value, 1)
        self.assertEqual(figures["decision_upheld"].value, 1)
        self.assertEqual(figures["decision_not_upheld"].value, 1)
        compensation = self.env.ref("odoo_iso10002.remedy_type_compensation")
        self.assertEqual(figures[f"remedy_{compensation.id}"].value, 1)
        currency = self.company.currency_id
        self.assertEqual(figures[f"compensation_{currency.name}"].value, 50.0)
        self.assertEqual(figures["surveys_sent"].value, 2)
        self.assertAlmostEqual(figures["response_rate"].value, 50.0)
        self.assertAlmostEqual(figures["satisfaction_score"].value, 80.0)
        self.assertTrue(figures["satisfaction_score"].target_met)
        delivery = self.env.ref("odoo_iso10002.root_cause_delivery")
        causes = review.line_ids.filtered(lambda line: line.section == "causes")
        self.assertEqual(causes.mapped("key")[0], f"cause_{delivery.id}")
        self.assertEqual(causes.mapped("value"), [3.0, 1.0])
        pareto = self.env["report.odoo_iso10002.report_management_review"]._get_report_values(
            review.ids
        )["paretos"][review.id]
        self.assertEqual([bar["cumulative"] for bar in pareto["bars"]], [75.0, 100.0])
        self.assertEqual(figures["repeat"].value, 5)
        self.assertEqual(figures["repeat_rate"].value, 100.0)
        self.assertEqual(figures["repeat_complainants"].value, 1)
        self.assertEqual(figures["actions_opened"].value, 2)
        self.assertEqual(figures["actions_done"].value, 1)
        self.assertEqual(figures["actions_effective"].value, 1)
        self.assertEqual(figures["actions_overdue"].value, 1)

    def test_periods_are_the_companys_local_days(self):
        # 00:30 on 1 July, the first day of Q3 for the company; in Vilnius,
        # 21:30 UTC on 30 June
        self._create_ticket(self.complaint_team, date_received=self._local("2026-07-01 00:30"))
        # received in Q2, closed and surveyed on the first minutes of Q3
        surveyed = self._create_ticket(
            self.complaint_team,
            partner_id=self.other_partner.id,
            date_received=self._local("2026-06-30 10:00"),
        )
        surveyed.write(
            {
                "date_closed": self._local("2026-07-01 00:15"),
                "survey_invited_date": self._local("2026-07-01 00:15"),
                "survey_answered_date": self._local("2026-07-01 00:30"),
                "satisfaction_score": 40.0,
            }
        )
        # whatever the zone of the user who computes the review
        for user_tz in ("UTC", "America/New_York"):
            with self.subTest(user_tz=user_tz):
                self.manager.tz = user_tz
                review = self._review()
                review.action_compute()
                figures = self._figures(review)
                self.assertEqual(figures["received"].value, 6)
                self.assertEqual(figures["received"].previous_value, 4)
                self.assertEqual(figures["close_count"].value, 2)
                self.assertEqual(figures["close_count"].previous_value, 1)
                self.assertEqual(figures["surveys_sent"].value, 3)
                self.assertEqual(figures["surveys_sent"].previous_value, 0)
                self.assertEqual(figures["surveys_answered"].value, 2)
                self.assertAlmostEqual(figures["satisfaction_score"].value, 60.0)

    def test_all_teams_when_none_chosen(self):
        review = self._review(team_ids=False)
        review.action_compute()
        self.assertEqual(self._figures(review)["received"].value, 6)
        self.assertEqual(self._figures(review)["received"].previous_value, 3)

    def test_done_review_is_frozen(self):
        review = self._review()
        review.action_compute()
        review.action_start_review()
        review.action_done()
        self.assertEqual(review.date_review, date(2026, 11, 24))
        snapshot = sorted((line.key, line.value) for line in review.line_ids)
        self._create_ticket(self.complaint_team, date_received=self._local("2026-08-03 09:00"))
        self.q3[1].date_closed = self._local("2026-08-01 08:00")
        with self.assertRaises(UserError):
            review.action_compute()
        with self.assertRaises(UserError):
            review.date_to = date(2026, 12, 31)
        with self.assertRaises(UserError):
            review.line_ids[0].value = 1000
        review.invalidate_recordset()
        self.assertEqual(sorted((line.key, line.value) for line in review.line_ids), snapshot)
        # an open review follows the data
        other = self._review()
        other.action_compute()
        self.assertEqual(self._figures(other)["received"].value, 6)

    def test_review_workflow_guards(self):
        review = self._review()
        with self.assertRaises(UserError):
            review.action_start_review()
        with self.assertRaises(UserError):
            review.action_done()

    def test_query_count_does_not_grow_with_complaints(self):
        review = self._review()
        review.action_compute()
        counts = self._count_queries(review)
        # more complaints, in the dimensions already reported
        for day in range(1, 21):
            self._create_ticket(
                self.complaint_team,
                date_received=self._local(f"2026-08-{day:02d} 09:00"),
                date_acknowledged=self._local(f"2026-08-{day:02d} 10:00"),
                channel_id=self.email.id,
                severity="2",
                root_cause_id=self.env.ref("odoo_iso10002.root_cause_delivery").id,
            )
        self.env.flush_all()
        self.assertEqual(self._count_queries(review), counts)

    def _count_queries(self, review):
        """Queries of one computation, the caches of access rules being warm."""
        counts = []
        for _run in range(3):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            review.action_compute()
            counts.append(self.env.cr.sql_log_count - before)
        return min(counts)

    def test_access(self):
        review = self._review()
        review.action_compute()
        auditor_review = review.with_user(self.auditor)
        self.assertEqual(auditor_review.line_ids.mapped("key"), review.line_ids.mapped("key"))
        with self.assertRaises(AccessError):
            auditor_review.action_compute()
        with self.assertRaises(AccessError):
            self.env["iso10002.management.review"].with_user(self.handler).create({})
        report = self.env["iso10002.complaint.report"].with_user(self.auditor)
        self.assertEqual(report.search_count([("team_id", "=", self.complaint_team.id)]), 8)
        with self.assertRaises(AccessError):
            self.env["iso10002.complaint.report"].with_user(self.handler).search([])


@tagged("post_install", "-at_install")
class TestManagementReviewPdf(Iso10002Case, HttpCase):
    """The review PDF as wkhtmltopdf prints it, its style sheets served by the
    test server as in production: an auditor must be able to search and copy
    its text, which is not the case when its glyphs are drawn as outlines."""

    def test_pdf_text(self):
        delivery = self.env.ref("odoo_iso10002.root_cause_delivery")
        product = self.env.ref("odoo_iso10002.root_cause_product_defect")
        for root_cause in (delivery, delivery, delivery, product):
            self._create_ticket(
                self.complaint_team,
                date_received=datetime(2025, 8, 4, 9, 0),
                root_cause_id=root_cause.id,
            )
        self._create_ticket(self.complaint_team, date_received=datetime(2025, 5, 5, 9, 0))
        review = (
            self.env["iso10002.management.review"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": date(2025, 7, 1),
                    "date_to": date(2025, 9, 30),
                    "team_ids": [Command.set(self.complaint_team.ids)],
                    "other_attendees": "Rūta Žilinskienė",
                    "conclusions": "<p>Deliveries cause most complaints.</p>",
                }
            )
        )
        review.action_compute()
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.auditor)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("odoo_iso10002.action_report_management_review", review.ids)
        )
        self.assertEqual(kind, "pdf")
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        # one line per table row: label, this period, previous period, change
        lines = {" ".join(line.split()) for line in text.splitlines()}
        self.assertIn("Management review of the complaints-handling process", lines)
        self.assertIn("Complaints received 4 1 +3", lines)
        self.assertIn("Delivery delay or damage 3 0 +3", lines)
        self.assertIn("Deliveries cause most complaints.", lines)
        # the Pareto chart: the cumulative share after the first cause
        self.assertIn("75 %", lines)
        # the monthly trend chart: its months and legend
        self.assertIn("Monthly trend", lines)
        self.assertIn("Received Closed Closed on time (%)", lines)
        self.assertRegex(text, r"Jul 25\s+Aug 25\s+Sept? 25")
        self.assertIn("Rūta Žilinskienė", text)


class TestManagementReviewVilnius(TestManagementReview):
    tz = "Europe/Vilnius"
