from datetime import datetime

import pytz

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from ..const import ISO_STEPS


class Iso10002Case(TransactionCase):
    """A complaint team with its ISO stages, a plain team, and one user per role.

    Built from scratch so that the tests neither rely on demo data nor on the
    default team, which admins may change.

    The company, its working calendars and the test users live in the time
    zone ``tz``. Period and deadline tests run a second time in a subclass
    set to Europe/Vilnius (UTC+2 in winter, UTC+3 in summer), where a local
    day is not a UTC day: they give their times as local wall-clock times
    (`_local`), so that the same expectations hold in both zones.
    """

    tz = "UTC"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.tz = cls.tz
        cls.company.resource_calendar_id.tz = cls.tz
        cls.env.user.tz = cls.tz
        cls.complaint_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Test Complaints", "is_complaint_team": True}
        )
        cls.other_complaint_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Test Product Complaints", "is_complaint_team": True}
        )
        cls.plain_team = cls.env["helpdesk.ticket.team"].create({"name": "Test Support"})
        cls.env["iso10002.deadline.policy"].create(
            [
                {"team_id": team.id, "acknowledge_hours": 16, "decision_days": 20, "close_days": 30}
                for team in cls.complaint_team | cls.other_complaint_team
            ]
        )
        cls.iso_stages = cls.env["helpdesk.ticket.stage"].create(
            [
                {
                    "name": f"Test {label}",
                    "sequence": 100 + index,
                    "iso_step": step,
                    "closed": step == "closed",
                    "team_ids": [Command.set((cls.complaint_team | cls.other_complaint_team).ids)],
                }
                for index, (step, label) in enumerate(ISO_STEPS)
            ]
        )
        cls.handler, cls.other_handler, cls.manager, cls.auditor = (
            new_test_user(cls.env, login=login, groups=f"odoo_iso10002.{group}")
            for login, group in (
                ("iso_handler", "group_complaint_user"),
                ("iso_other_handler", "group_complaint_user"),
                ("iso_manager", "group_complaint_manager"),
                ("iso_auditor", "group_complaint_auditor"),
            )
        )
        (cls.handler | cls.other_handler | cls.manager | cls.auditor).tz = cls.tz
        cls.complaint_team.user_ids = [Command.link(cls.handler.id)]
        cls.other_complaint_team.user_ids = [Command.link(cls.other_handler.id)]
        cls.partner = cls.env["res.partner"].create(
            {"name": "Jonas Jonaitis", "email": "jonas@example.com"}
        )

    @classmethod
    def _local(cls, wall_clock):
        """The instant of a wall-clock time of the class's zone, in UTC without
        tzinfo as Odoo stores datetimes: ``"2026-07-01 00:30"`` is 2026-07-01
        00:30 in UTC, and 2026-06-30 21:30 in Vilnius."""
        if isinstance(wall_clock, str):
            wall_clock = datetime.fromisoformat(wall_clock)
        moment = pytz.timezone(cls.tz).localize(wall_clock, is_dst=None)
        return moment.astimezone(pytz.utc).replace(tzinfo=None)

    @classmethod
    def _office_calendar(cls):
        """Monday to Friday, 8-12 and 13-17 in the class's zone: 8 working
        hours a day."""
        return cls.env["resource.calendar"].create(
            {
                "name": f"Office hours ({cls.tz})",
                "tz": cls.tz,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for period, hour_from, hour_to in (("morning", 8, 12), ("afternoon", 13, 17))
                ],
            }
        )

    @classmethod
    def _create_ticket(cls, team, acknowledge=True, **values):
        """A ticket created; with `acknowledge`, as it stands once its
        transaction committed and the acknowledgement cron ran."""
        ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "The parcel arrived damaged",
                "description": "<p>The box was crushed and the lamp inside broken.</p>",
                "team_id": team.id,
                "partner_id": cls.partner.id,
                **values,
            }
        )
        if acknowledge:
            cls._send_acknowledgements()
        return ticket

    @classmethod
    def _send_acknowledgements(cls):
        """What the acknowledgement cron, triggered by the complaints
        received, does right after their transaction commits; and its own
        commit, which writes the tracking of the stage changed."""
        cls.env["helpdesk.ticket"]._cron_send_acknowledgements()
        cls.env.flush_all()
        cls.env.cr.flush()

    def _stage(self, step):
        return self.iso_stages.filtered(lambda s: s.iso_step == step)

    def _as_handler(self, complaint):
        return complaint.with_user(self.handler)

    def _assessed(self, **values):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        complaint.write({"severity": "2", "impact": "2", "complexity": "1", **values})
        return complaint

    def _investigated(self, **values):
        complaint = self._assessed()
        complaint.stage_id = self._stage("investigation")
        complaint.write(
            {
                "findings": "<p>The carrier dropped the parcel.</p>",
                "root_cause_id": self.env.ref("odoo_iso10002.root_cause_delivery").id,
                **values,
            }
        )
        complaint.stage_id = self._stage("response")
        return complaint

    def _decided(self, **values):
        complaint = self._investigated()
        complaint.write(
            {
                "decision": "upheld",
                "decision_text": "<p>We replace the lamp.</p>",
                **values,
            }
        )
        complaint.action_communicate_decision()
        return complaint

    def _run_cron(self, xmlid, method, batch_size, max_calls=20):
        """Run a complaint cron as ir.cron's worker does (`_run_job`): call
        after call, one progress record each, while the last call did some
        work and left some. Returns each call's (done, remaining)."""
        cron = self.env.ref(xmlid)
        calls = []
        for _i in range(max_calls):
            cron, progress = cron._add_progress()
            tickets = self.env["helpdesk.ticket"].with_context(
                ir_cron_progress_id=progress.id, cron_id=cron.id
            )
            getattr(tickets, method)(batch_size=batch_size)
            calls.append((progress.done, progress.remaining))
            if not (progress.done and progress.remaining):
                return calls
        self.fail(f"{method} still had work after {max_calls} calls: {calls}")
