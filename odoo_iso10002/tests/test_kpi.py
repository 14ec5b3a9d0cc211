from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command

from ..models.iso10002_kpi import local_day_start
from .common import Iso10002Case

Q2 = (date(2026, 4, 1), date(2026, 6, 30))
Q3 = (date(2026, 7, 1), date(2026, 9, 30))
Q4 = (date(2026, 10, 1), date(2026, 12, 31))


class TestKpi(Iso10002Case):
    """The KPI engine on its own: the figures of a scope of complaints over a
    period of local days, whoever asks."""

    @classmethod
    def setUpClass(cls):
        # today, from here to the end of the class; a class decorator would run
        # the setUpClass of the subclass in another zone on this class
        cls.startClassPatcher(freeze_time("2026-11-24 10:00:00"))
        super().setUpClass()
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.apology = cls.env.ref("odoo_iso10002.remedy_type_apology")
        cls.compensation = cls.env.ref("odoo_iso10002.remedy_type_compensation")

    def _figures(self, teams, period, tz=None, user=None):
        """The figures by key, in the days of ``tz``, else the company's."""
        kpi = self.env["iso10002.kpi"].with_user(user or self.manager)
        zone = {"tz": tz} if tz else {}
        return {
            figure["key"]: figure["value"]
            for figure in kpi._figures(self.company, teams, *period, **zone)
        }

    def _received(self, team, when, **values):
        return self._create_ticket(team, date_received=when, **values)

    def test_local_day_start(self):
        # Vilnius is UTC+3 in summer, UTC+2 in winter
        self.assertEqual(
            local_day_start(date(2026, 7, 1), "Europe/Vilnius"), datetime(2026, 6, 30, 21, 0)
        )
        self.assertEqual(
            local_day_start(date(2026, 1, 1), "Europe/Vilnius"), datetime(2025, 12, 31, 22, 0)
        )
        self.assertEqual(local_day_start(date(2026, 7, 1), "UTC"), datetime(2026, 7, 1))
        # Santiago skipped midnight on 11 September 2022: the day began at 01:00 (UTC-3)
        self.assertEqual(
            local_day_start(date(2022, 9, 11), "America/Santiago"), datetime(2022, 9, 11, 4, 0)
        )
        # Havana lived midnight twice on 2 November 2025: the day began at the
        # first, still in summer time (UTC-4)
        self.assertEqual(
            local_day_start(date(2025, 11, 2), "America/Havana"), datetime(2025, 11, 2, 4, 0)
        )

    def test_company_time_zone(self):
        company = self.company
        company.resource_calendar_id.tz = "Europe/Vilnius"
        company.partner_id.tz = "Europe/Riga"
        self.assertEqual(company._iso10002_tz(), "Europe/Vilnius", "the working calendar's")
        calendar = company.resource_calendar_id
        company.resource_calendar_id = False
        self.assertEqual(company._iso10002_tz(), "Europe/Riga", "else the company's contact's")
        company.partner_id.tz = False
        self.assertEqual(company._iso10002_tz(), "UTC")
        # the users' zones never count
        company.resource_calendar_id = calendar
        self.manager.tz = "America/New_York"
        self.assertEqual(company.with_user(self.manager)._iso10002_tz(), "Europe/Vilnius")

    def test_period_of_local_days(self):
        # 1 July 00:30 in Vilnius, 30 June in UTC
        self._received(self.complaint_team, datetime(2026, 6, 30, 21, 30))
        # 1 October 01:30 in Vilnius, 30 September in UTC
        self._received(self.complaint_team, datetime(2026, 9, 30, 22, 30))
        # an action done on 30 June, a local day
        action = self.env["iso10002.corrective.action"].create(
            {"name": "Check the parcels", "date_deadline": date(2026, 7, 31)}
        )
        action.write({"state": "done", "date_done": date(2026, 6, 30)})
        vilnius_q3 = self._figures(self.complaint_team, Q3, "Europe/Vilnius")
        vilnius_q2 = self._figures(self.complaint_team, Q2, "Europe/Vilnius")
        self.assertEqual(vilnius_q3["received"], 1)
        self.assertEqual(vilnius_q2["received"], 0)
        self.assertEqual(vilnius_q3["actions_done"], 0)
        self.assertEqual(vilnius_q2["actions_done"], 1)
        # the same complaints in UTC days
        self.assertEqual(self._figures(self.complaint_team, Q3, "UTC")["received"], 1)
        self.assertEqual(self._figures(self.complaint_team, Q2, "UTC")["received"], 1)

    def test_company_local_days_by_default(self):
        # 00:30 on 1 July for the company: 21:30 UTC on 30 June in Vilnius
        self._received(self.complaint_team, self._local("2026-07-01 00:30"))
        # 23:30 on 30 September, and 00:30 on 1 October: 20:30 and 21:30 UTC
        # on 30 September in Vilnius
        self._received(self.complaint_team, self._local("2026-09-30 23:30"))
        self._received(self.complaint_team, self._local("2026-10-01 00:30"))
        self.assertEqual(self._figures(self.complaint_team, Q2)["received"], 0)
        self.assertEqual(self._figures(self.complaint_team, Q3)["received"], 2)
        self.assertEqual(self._figures(self.complaint_team, Q4)["received"], 1)

    def test_counts_by_dimension(self):
        monday = self._local("2026-07-06 08:00")
        upheld, not_upheld, escalated, withdrawn = (
            self._received(self.complaint_team, monday, **values)
            for values in (
                {"channel_id": self.email.id, "severity": "2"},
                {"channel_id": self.phone.id, "severity": "3"},
                {"channel_id": self.email.id, "severity": "2"},
                {"severity": "1"},
            )
        )
        upheld.write(
            {
                "decision": "upheld",
                "date_decision_communicated": self._local("2026-07-08 08:00"),
                "remedy_ids": [
                    Command.create({"remedy_type_id": self.apology.id}),
                    Command.create(
                        {"remedy_type_id": self.compensation.id, "amount_currency": 30.0}
                    ),
                ],
            }
        )
        not_upheld.write(
            {
                "decision": "not_upheld",
                "date_decision_communicated": self._local("2026-07-09 08:00"),
                "remedy_ids": [Command.create({"remedy_type_id": self.apology.id})],
            }
        )
        # decided in the period without a decision communicated: withdrawn and closed
        withdrawn.write({"decision": "withdrawn", "date_closed": self._local("2026-07-10 08:00")})
        rule = self.env["iso10002.escalation.rule"].create(
            {"name": "Test escalation", "level": 1, "health_safety": True}
        )
        self.env["iso10002.escalation.log"].create(
            [
                {"ticket_id": escalated.id, "rule_id": rule.id, "level": level, "date": when}
                for level, when in (
                    (1, self._local("2026-07-07 00:00")),
                    (2, self._local("2026-07-08 00:00")),
                )
            ]
        )
        kpi = self.env["iso10002.kpi"].with_user(self.manager)
        figures = kpi._figures(self.company, self.complaint_team, *Q3)
        values = {figure["key"]: figure["value"] for figure in figures}
        # ties in the order of the records, complaints without channel last
        self.assertEqual(
            [(f["key"], f["value"]) for f in figures if f["key"].startswith("channel_")],
            [(f"channel_{self.email.id}", 2), (f"channel_{self.phone.id}", 1), ("channel_none", 1)],
        )
        self.assertEqual(values["received"], 4)
        self.assertEqual(
            [
                (f["key"], f["name"], f["value"])
                for f in figures
                if f["key"].startswith("severity_")
            ],
            [("severity_2", "Medium", 2), ("severity_1", "Low", 1), ("severity_3", "High", 1)],
        )
        self.assertEqual(values["decision_upheld"], 1)
        self.assertEqual(values["decision_not_upheld"], 1)
        self.assertEqual(values["decision_withdrawn"], 1)
        self.assertEqual(values[f"remedy_{self.apology.id}"], 2)
        self.assertEqual(values[f"remedy_{self.compensation.id}"], 1)
        currency = self.company.currency_id
        [compensation] = [f for f in figures if f["key"] == f"compensation_{currency.name}"]
        self.assertEqual((compensation["value"], compensation["currency_id"]), (30.0, currency.id))
        self.assertEqual(values["escalations"], 2)
        self.assertEqual(values["escalation_1"], 1)
        self.assertEqual(values["escalation_2"], 1)
        # nothing of that was decided or escalated in Q2
        before = kpi._figures(self.company, self.complaint_team, *Q2)
        self.assertFalse([f["key"] for f in before if f["section"] == "outcome"])
        self.assertEqual(
            [f["key"] for f in before if f["section"] == "escalation"], ["escalations"]
        )

    def test_all_complaints_of_the_scope_whoever_asks(self):
        monday = self._local("2026-07-06 08:00")
        self._received(self.complaint_team, monday)
        self._received(self.complaint_team, monday, is_confidential=True, user_id=self.manager.id)
        self._received(self.complaint_team, monday).active = False
        self._received(self.other_complaint_team, monday)
        self._received(self.plain_team, monday)
        # the handler reads one of the team's three complaints: neither the
        # confidential one handled by someone else nor the archived one
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        self.assertEqual(tickets.search_count([("team_id", "=", self.complaint_team.id)]), 1)
        self.assertEqual(self._figures(self.complaint_team, Q3, user=self.handler)["received"], 3)
        # no team chosen: the company's complaint teams, the archived ones too
        self.other_complaint_team.active = False
        for user in (self.handler, self.manager, self.auditor):
            self.assertEqual(self._figures(False, Q3, user=user)["received"], 4)

    def test_teams_and_targets(self):
        other_company = self.env["res.company"].create({"name": "Other Company"})
        elsewhere = self.env["helpdesk.ticket.team"].create(
            {"name": "Elsewhere", "is_complaint_team": True, "company_id": other_company.id}
        )
        self.complaint_team.write({"target_acknowledge_on_time": 90.0, "target_satisfaction": 70.0})
        self.other_complaint_team.write({"target_acknowledge_on_time": 95.0, "active": False})
        kpi = self.env["iso10002.kpi"].with_user(self.manager)
        # no team chosen: the company's complaint teams, the archived ones too
        teams = kpi._teams(self.company)
        self.assertTrue(teams >= self.complaint_team | self.other_complaint_team)
        self.assertFalse(teams & (self.plain_team | elsewhere))
        self.assertEqual(kpi._teams(self.company, self.complaint_team), self.complaint_team)
        # the strictest objective of the teams, 0 where none is set
        self.assertEqual(
            kpi._targets(self.company, self.complaint_team | self.other_complaint_team),
            {
                "acknowledge_on_time": 95.0,
                "decision_on_time": 0.0,
                "close_on_time": 0.0,
                "satisfaction_score": 70.0,
            },
        )
        self.assertEqual(kpi._targets(self.company, self.complaint_team)["acknowledge_on_time"], 90)


class TestKpiVilnius(TestKpi):
    tz = "Europe/Vilnius"
