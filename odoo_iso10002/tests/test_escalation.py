import logging
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import IntegrityError
from psycopg2.errors import SerializationFailure

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import Iso10002Case

MONDAY = "2026-03-02 09:00:00"


class TestEscalation(Iso10002Case):
    """Escalation rules: conditions, actions, events and the hourly cron
    (ISO 10002 4.15 timeliness, 7.3 tracking, 8.4 monitoring)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["iso10002.escalation.rule"]
        cls.Ticket = cls.env["helpdesk.ticket"]
        # The shipped rules would escalate the test complaints too.
        cls.Rule.search([]).active = False
        calendar = cls._office_calendar()
        # 8 working hours a day: from Monday 09:00, acknowledge by Monday
        # 12:00 and decide by Wednesday 09:00.
        cls.complaint_team.resource_calendar_id = calendar
        cls.complaint_team.deadline_policy_ids.write(
            {"acknowledge_hours": 3, "decision_days": 2, "close_days": 5, "at_risk_hours": 2}
        )
        cls.team_leader = new_test_user(
            cls.env, login="iso_team_leader", groups="odoo_iso10002.group_complaint_user"
        )
        cls.complaint_team.write(
            {"user_id": cls.team_leader.id, "user_ids": [Command.link(cls.team_leader.id)]}
        )
        cls.board_member = new_test_user(
            cls.env, login="iso_board_member", groups="odoo_iso10002.group_complaint_user"
        )
        cls.portal_user = new_test_user(
            cls.env, login="iso_portal_user", groups="base.group_portal"
        )
        cls.board = cls.env["res.groups"].create(
            {
                "name": "Complaints Board",
                "users": [Command.set((cls.board_member | cls.manager | cls.portal_user).ids)],
            }
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _rule(self, **values):
        """A rule as a complaint manager configures it, for the test teams."""
        teams = self.complaint_team | self.other_complaint_team
        return self.Rule.with_user(self.manager).create(
            {"name": "Test rule", "level": 1, "team_ids": [Command.set(teams.ids)], **values}
        )

    def _complaint(self, team=None, **values):
        return self._create_ticket(team or self.complaint_team, **values)

    def _matching(self, rule, now, complaints):
        """The complaints among `complaints` the rule's domain finds in SQL."""
        return self.Ticket.search(
            expression.AND([rule._complaint_domain(now), [("id", "in", complaints.ids)]])
        )

    def _escalate(self):
        self.Ticket._cron_escalate()

    def _actions_failing(self, complaint, error, times=None):
        """Make the escalation actions raise `error` for any batch holding
        `complaint` (the first `times` times only, when given)."""
        Ticket = type(self.Ticket)
        original = Ticket._iso_escalation_actions
        raised = []

        def actions(escalated, rule, reasons, now):
            if complaint in escalated and (times is None or len(raised) < times):
                raised.append(error)
                raise error
            return original(escalated, rule, reasons, now)

        return patch.object(Ticket, "_iso_escalation_actions", actions)

    # ------------------------------------------------------------------
    # Conditions: each alone finds what it should, and nothing else
    # ------------------------------------------------------------------

    def test_deadline_breached(self):
        self.complaint_team.complaint_auto_acknowledge = False
        with freeze_time(self._local(MONDAY)):
            late, acknowledged = self._complaint(), self._complaint()
            acknowledged_late = self._complaint()
            plain = self._create_ticket(self.plain_team)
        with freeze_time(self._local("2026-03-02 10:00")):
            acknowledged.action_acknowledge()
        with freeze_time(self._local("2026-03-02 13:00")):
            acknowledged_late.action_acknowledge()
        complaints = late | acknowledged | acknowledged_late | plain
        acknowledge = self._rule(deadline_condition="breached", deadline_kind="acknowledge")
        decision = self._rule(deadline_condition="breached", deadline_kind="decision")
        any_deadline = self._rule(deadline_condition="breached", deadline_kind="any")
        with freeze_time(self._local("2026-03-02 14:00")):
            self.Ticket._refresh_due_deadlines()
            now = self._local("2026-03-02 14:00")
            self.assertEqual(late.deadline_acknowledge_state, "breached")
            self.assertEqual(acknowledged.deadline_acknowledge_state, "met")
            self.assertEqual(
                acknowledged_late.deadline_acknowledge_state,
                "breached",
                "acknowledged late: breached, but no longer overdue",
            )
            self.assertEqual(self._matching(acknowledge, now, complaints), late)
            self.assertFalse(self._matching(decision, now, complaints))
            self.assertEqual(self._matching(any_deadline, now, complaints), late)
            reason = acknowledge._match_reasons(late, now)[late.id]
            self.assertEqual(reason, ["acknowledgement deadline breached (due 2026-03-02 12:00)"])
        with freeze_time(self._local("2026-03-04 10:00")):
            self.Ticket._refresh_due_deadlines()
            now = self._local("2026-03-04 10:00")
            self.assertEqual(
                self._matching(decision, now, complaints), late | acknowledged | acknowledged_late
            )

    def test_deadline_due_within(self):
        with freeze_time(self._local(MONDAY)):
            monday = self._complaint()
        with freeze_time(self._local("2026-03-03 09:00")):
            tuesday = self._complaint()
        complaints = monday | tuesday
        self.assertEqual(monday.deadline_decision, self._local("2026-03-04 09:00"))
        self.assertEqual(tuesday.deadline_decision, self._local("2026-03-05 09:00"))
        day = self._rule(deadline_condition="due_within", deadline_kind="decision")
        half_day = self._rule(
            deadline_condition="due_within", deadline_kind="decision", due_within_hours=12
        )
        now = self._local("2026-03-03 10:00")
        with freeze_time(now):
            self.assertEqual(self._matching(day, now, complaints), monday)
            self.assertFalse(self._matching(half_day, now, complaints))
            self.assertEqual(
                day._match_reasons(monday, now)[monday.id],
                ["decision deadline due within 24 h (due 2026-03-04 09:00)"],
            )
        now = self._local("2026-03-04 10:00")
        with freeze_time(now):
            self.Ticket._refresh_due_deadlines()
            self.assertEqual(monday.deadline_decision_state, "breached")
            self.assertEqual(
                self._matching(day, now, complaints), tuesday, "a breached deadline is not due"
            )

    def test_time_in_step(self):
        with freeze_time(self._local(MONDAY)):
            stuck, recent, elsewhere = self._complaint(), self._complaint(), self._complaint()
            (stuck | elsewhere).stage_id = self._stage("assessment")
        with freeze_time(self._local("2026-03-03 09:00")):
            recent.stage_id = self._stage("assessment")
        rule = self._rule(step="assessment", step_hours=48)
        complaints = stuck | recent | elsewhere
        elsewhere.write({"severity": "1", "impact": "1", "complexity": "1"})
        with freeze_time(self._local("2026-03-04 08:00")):
            elsewhere.stage_id = self._stage("investigation")
        now = self._local("2026-03-04 10:00")
        self.assertEqual(self._matching(rule, now, complaints), stuck)
        self.assertEqual(
            rule._match_reasons(stuck, now)[stuck.id],
            ["in step “Initial assessment” for 49 h (since 2026-03-02 09:00, limit 48 h)"],
        )

    def test_minimum_severity(self):
        complaints = self.Ticket.concat(
            *(self._complaint(severity=severity) for severity in ("1", "2", "3", "4", False))
        )
        rule = self._rule(min_severity="3")
        found = self._matching(rule, datetime.now(), complaints)
        self.assertEqual(sorted(found.mapped("severity")), ["3", "4"])
        self.assertEqual(
            rule._match_reasons(found, datetime.now())[
                found.filtered(lambda c: c.severity == "4").id
            ],
            ["severity Critical (at least High)"],
        )

    def test_health_safety_rejection_and_reopenings(self):
        flagged = self._complaint(health_safety=True)
        rejected = self._decided()
        rejected.rejection_reason = "A refund, not a replacement."
        rejected.action_record_rejection()
        reopened = self._complaint()
        reopened.reopen_count = 2
        once = self._complaint()
        once.reopen_count = 1
        complaints = flagged | rejected | reopened | once
        now = datetime.now()
        self.assertEqual(self._matching(self._rule(health_safety=True), now, complaints), flagged)
        self.assertEqual(self._matching(self._rule(on_rejection=True), now, complaints), rejected)
        self.assertEqual(self._matching(self._rule(min_reopen_count=2), now, complaints), reopened)

    def test_filter_and_combined_conditions(self):
        serious = self._complaint(severity="4", health_safety=True)
        flagged_only = self._complaint(severity="1", health_safety=True)
        serious_only = self._complaint(severity="4")
        complaints = serious | flagged_only | serious_only
        now = datetime.now()
        both = self._rule(health_safety=True, min_severity="3")
        self.assertEqual(self._matching(both, now, complaints), serious)
        self.assertEqual(
            both._match_reasons(serious, now)[serious.id],
            ["severity Critical (at least High)", "health & safety"],
        )
        other = self._rule(domain="[('severity', '=', '1')]")
        self.assertEqual(self._matching(other, now, complaints), flagged_only)
        self.assertEqual(
            other._match_reasons(flagged_only, now)[flagged_only.id], ["matches the rule's filter"]
        )
        with freeze_time(self._local("2026-01-05 09:00")):
            old = self._complaint()
        with freeze_time(self._local("2026-03-02 09:00")):
            month_old = self._rule(
                domain="[('date_received', '<', context_today() - relativedelta(days=30))]"
            )
            self.assertEqual(self._matching(month_old, datetime.now(), complaints | old), old)

    def test_only_open_complaints_of_the_rule_teams_and_company(self):
        mine = self._complaint(health_safety=True)
        other_team = self._complaint(self.other_complaint_team, health_safety=True)
        closed = self._complaint(health_safety=True)
        closed.with_user(self.handler).action_withdraw()
        plain = self._create_ticket(self.plain_team, health_safety=True)
        complaints = mine | other_team | closed | plain
        now = datetime.now()
        everywhere = self._rule(health_safety=True, team_ids=[Command.clear()])
        self.assertEqual(self._matching(everywhere, now, complaints), mine | other_team)
        one_team = self._rule(health_safety=True, team_ids=[Command.set(self.complaint_team.ids)])
        self.assertEqual(self._matching(one_team, now, complaints), mine)
        other_company = self.env["res.company"].create({"name": "Other Company"})
        elsewhere = self.Rule.create(
            {"name": "Elsewhere", "health_safety": True, "company_id": other_company.id}
        )
        self.assertFalse(self._matching(elsewhere, now, complaints))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def test_level_is_the_highest_reached(self):
        complaint = self._complaint(severity="4")
        self._rule(name="Critical", min_severity="4", level=2, sequence=1)
        self._rule(name="Serious", min_severity="3", level=1, sequence=2)
        self._escalate()
        self.assertEqual(complaint.escalation_level, 2)
        self.assertEqual(
            sorted(complaint.escalation_ids.mapped(lambda log: (log.rule_id.name, log.level))),
            [("Critical", 2), ("Serious", 1)],
        )
        log = complaint.escalation_ids.filtered(lambda log: log.level == 2)
        self.assertEqual(log.reason, "severity Critical (at least Critical)")
        self.assertEqual(log.company_id, complaint.company_id)

    def test_assign_to_a_user_or_the_team_leader(self):
        to_manager = self._complaint(severity="4")
        to_leader = self._complaint(severity="3")
        self._rule(min_severity="4", assign_user_id=self.manager.id, assign_team_leader=True)
        self._rule(domain="[('severity', '=', '3')]", assign_team_leader=True, raise_priority=True)
        self._escalate()
        self.assertEqual(to_manager.user_id, self.manager, "the user set wins")
        self.assertEqual(to_leader.user_id, self.team_leader)
        self.assertEqual(to_leader.priority, "3")
        self.assertNotEqual(to_manager.priority, "3")

    def test_followers(self):
        auditor_partner = self.auditor.partner_id
        complaint = self._complaint(severity="4")
        self._rule(min_severity="4", follower_partner_ids=[Command.set(auditor_partner.ids)])
        self._escalate()
        self.assertIn(auditor_partner, complaint.message_partner_ids)

    def test_notify_users_and_group(self):
        with freeze_time(self._local("2026-03-02 12:00")):
            complaint = self._complaint(severity="4")
            rule = self._rule(
                name="Critical complaint",
                level=2,
                min_severity="4",
                notify_user_ids=[Command.set(self.other_handler.ids)],
                notify_group_id=self.board.id,
                activity_days=2,
            )
            self._escalate()
        notified = self.other_handler | self.board_member | self.manager
        note = complaint.message_ids.filtered(lambda m: "Critical complaint" in m.body)
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertFalse(note.partner_ids, "a log: the digest tells the recipients")
        self.assertIn("level 2", note.body)
        self.assertIn("severity Critical (at least Critical)", note.body)
        todos = complaint.activity_ids.filtered(lambda a: "Escalated" in a.summary)
        self.assertEqual(todos.user_id, notified)
        self.assertEqual(set(todos.mapped("date_deadline")), {date(2026, 3, 4)})
        self.assertEqual(todos.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        # one message for them all, the digest of one complaint; the to-dos
        # are not announced a second time
        digest = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", complaint.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(len(digest), 1)
        self.assertEqual(digest.partner_ids, notified.partner_id, "no portal user")
        self.assertIn("severity Critical (at least Critical)", digest.body)
        self.assertEqual(rule.escalation_count, 1)
        # Each notified user now follows the complaint and may open it.
        self.assertEqual(complaint.with_user(self.board_member).number, complaint.number)

    def test_notify_team_leader(self):
        with freeze_time(self._local("2026-03-02 12:00")):
            complaint = self._complaint(severity="4")
            self._rule(min_severity="4", notify_team_leader=True, activity_days=0)
            self._escalate()
        todo = complaint.activity_ids.filtered(lambda a: "Escalated" in a.summary)
        self.assertEqual(todo.user_id, self.team_leader)
        self.assertEqual(todo.date_deadline, date(2026, 3, 2))

    def _mail_template(self):
        return self.env["mail.template"].create(
            {
                "name": "Complaint: escalated",
                "model_id": self.env["ir.model"]._get_id("helpdesk.ticket"),
                "subject": "Your complaint {{ object.number }} is escalated",
                "body_html": "<p>A manager now handles your complaint.</p>",
            }
        )

    def test_mail_to_the_complainant(self):
        template = self._mail_template()
        contact = self._complaint(severity="4")
        email_only = self._complaint(severity="4", partner_id=False, partner_email="ruta@ex.com")
        unreachable = self._complaint(severity="4", partner_id=False, partner_name="Ona")
        self._rule(min_severity="4", mail_template_id=template.id)
        self._escalate()
        mail = contact.message_ids.filtered(lambda m: "is escalated" in (m.subject or ""))
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.partner_ids, self.partner)
        self.assertEqual(mail.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertIn("A manager now handles", mail.body)
        sent = self.env["mail.mail"].search(
            [("email_to", "=", "ruta@ex.com"), ("subject", "like", "is escalated")]
        )
        self.assertEqual(len(sent), 1)
        self.assertIn(email_only.number, sent.subject)
        odoobot = self.env.ref("base.partner_root")
        note = email_only.message_ids.filtered(lambda m: "is escalated” sent to" in m.body)
        self.assertIn("sent to ruta@ex.com", note.body)
        self.assertEqual(note.author_id, odoobot)
        note = unreachable.message_ids.filtered(lambda m: "no e-mail address" in m.body)
        self.assertEqual(note.author_id, odoobot)

    # ------------------------------------------------------------------
    # Events act at once
    # ------------------------------------------------------------------

    def test_health_safety_set_by_a_handler_escalates_at_once(self):
        rule = self._rule(
            health_safety=True,
            level=2,
            assign_team_leader=True,
            raise_priority=True,
            notify_group_id=self.board.id,
        )
        complaint = self._complaint(severity="1", impact="1").with_user(self.handler)
        self.assertFalse(complaint.escalation_level)
        complaint.health_safety = True
        self.assertEqual(complaint.escalation_level, 2)
        self.assertEqual(complaint.user_id, self.team_leader)
        self.assertEqual(complaint.priority, "3")
        self.assertEqual(complaint.escalation_ids.rule_id, rule)
        self.assertEqual(complaint.escalation_ids.reason, "health & safety")
        self.assertIn(
            self.board_member,
            complaint.activity_ids.filtered(lambda a: "Escalated" in a.summary).user_id,
        )
        # Lowering and raising the flag again escalates no more.
        complaint.health_safety = False
        complaint.health_safety = True
        self.assertEqual(len(complaint.escalation_ids), 1)

    def _receive_health_safety_complaint(self):
        return self.Ticket.with_user(self.handler).create(
            {
                "name": "The heater caught fire",
                "description": "<p>Smoke came out of it.</p>",
                "team_id": self.complaint_team.id,
                "health_safety": True,
            }
        )

    def test_complaint_received_with_health_safety(self):
        self._rule(health_safety=True, level=2)
        complaint = self._receive_health_safety_complaint()
        self.assertEqual(complaint.escalation_level, 2)

    def test_event_rule_waits_for_its_other_conditions(self):
        self._rule(health_safety=True, min_severity="3", level=2)
        complaint = self._complaint(severity="1").with_user(self.handler)
        complaint.health_safety = True
        self.assertFalse(complaint.escalation_ids)
        complaint.severity = "4"
        self.assertFalse(complaint.escalation_ids, "a severity change is no event")
        self._escalate()
        self.assertEqual(complaint.escalation_level, 2)

    def test_rejected_decision_escalates_at_once(self):
        rule = self._rule(on_rejection=True, notify_team_leader=True)
        complaint = self._decided()
        complaint.rejection_reason = "A refund, not a replacement."
        complaint.action_record_rejection()
        self.assertEqual(complaint.iso_step, "investigation")
        self.assertEqual(complaint.escalation_ids.rule_id, rule)
        self.assertEqual(complaint.escalation_ids.reason, "the complainant rejected the decision")
        self.assertEqual(
            complaint.activity_ids.filtered(lambda a: "Escalated" in a.summary).user_id,
            self.team_leader,
        )

    # ------------------------------------------------------------------
    # The cron
    # ------------------------------------------------------------------

    def test_escalation_levels_over_time(self):
        self._rule(
            name="Decision due",
            deadline_condition="due_within",
            deadline_kind="decision",
            notify_team_leader=True,
        )
        self._rule(
            name="Decision late",
            level=2,
            deadline_condition="breached",
            deadline_kind="decision",
            notify_group_id=self.board.id,
        )
        with freeze_time(self._local(MONDAY)):
            complaint = self._complaint()
        with freeze_time(self._local("2026-03-02 17:00")):
            self._escalate()
        self.assertFalse(complaint.escalation_level, "40 hours before the deadline")
        with freeze_time(self._local("2026-03-03 10:00")):
            self._escalate()
        self.assertEqual(complaint.escalation_level, 1)
        self.assertEqual(complaint.escalation_ids.rule_id.name, "Decision due")
        with freeze_time(self._local("2026-03-04 09:30")):
            self._escalate()
        self.assertEqual(complaint.escalation_level, 2)
        late = complaint.escalation_ids.filtered(lambda log: log.level == 2)
        self.assertEqual(late.reason, "decision deadline breached (due 2026-03-04 09:00)")
        self.assertEqual(late.date, self._local("2026-03-04 09:30"))
        with freeze_time(self._local("2026-03-05 09:30")):
            self._escalate()
        self.assertEqual(len(complaint.escalation_ids), 2)

    def test_running_twice_changes_nothing(self):
        complaints = self._complaint(severity="4") | self._complaint(severity="3")
        self._rule(min_severity="3", notify_team_leader=True, assign_team_leader=True)
        self._escalate()
        logs = complaints.escalation_ids
        activities = complaints.activity_ids
        messages = complaints.message_ids
        self.assertEqual(len(logs), 2)
        self._escalate()
        complaints.invalidate_recordset()
        self.assertEqual(complaints.escalation_ids, logs)
        self.assertEqual(complaints.activity_ids, activities)
        self.assertEqual(complaints.message_ids, messages)

    def test_one_log_per_rule_complaint_and_level(self):
        complaint = self._complaint(severity="4")
        rule = self._rule(min_severity="4")
        self._escalate()
        logs = self.env["iso10002.escalation.log"]
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            logs.create({"ticket_id": complaint.id, "rule_id": rule.id, "level": 1})
        logs.create({"ticket_id": complaint.id, "rule_id": rule.id, "level": 2})

    def test_rule_changed_between_runs(self):
        complaint = self._complaint(severity="4")
        rule = self._rule(min_severity="4")
        self._escalate()
        self.assertEqual(complaint.escalation_level, 1)
        rule.level = 3
        self._escalate()
        self.assertEqual(complaint.escalation_level, 3)
        self.assertEqual(sorted(complaint.escalation_ids.mapped("level")), [1, 3])
        rule.active = False
        newcomer = self._complaint(severity="4")
        self._escalate()
        self.assertFalse(newcomer.escalation_ids, "an archived rule escalates nothing")

    def test_complaint_closed_between_runs(self):
        with freeze_time(self._local(MONDAY)):
            closed, open_ = self._complaint(), self._complaint()
            self._rule(step="acknowledged", step_hours=24)
            self._escalate()
        closed.with_user(self.handler).action_withdraw()
        with freeze_time(self._local("2026-03-04 09:00")):
            self._escalate()
        self.assertFalse(closed.escalation_ids)
        self.assertEqual(open_.escalation_level, 1)

    def test_failing_complaint_is_logged_and_the_others_go_on(self):
        failing, healthy = self._complaint(severity="4"), self._complaint(severity="4")
        self._rule(min_severity="4", raise_priority=True)
        with (
            self._actions_failing(failing, ValueError("simulated failure")),
            self.assertLogs(
                "odoo.addons.odoo_iso10002.models.helpdesk_ticket_escalation", "ERROR"
            ) as logged,
        ):
            self._escalate()
        self.assertIn(failing.number, logged.output[0])
        self.assertFalse(failing.escalation_ids, "its log is rolled back with it")
        self.assertFalse(failing.escalation_level)
        self.assertEqual(healthy.escalation_level, 1)
        self._escalate()
        self.assertEqual(failing.escalation_level, 1, "the next run tries again")

    def _run_escalation_cron(self, batch_size):
        return self._run_cron(
            "odoo_iso10002.ir_cron_escalate_complaints", "_cron_escalate", batch_size
        )

    def test_batches_and_progress(self):
        complaints = self.Ticket.concat(*(self._complaint(severity="4") for _i in range(5)))
        self._rule(min_severity="4")
        self._rule(min_severity="4", level=2)
        # one batch per call, across the rules; ir.cron calls again while some remain
        self.assertEqual(self._run_escalation_cron(4), [(4, 6), (4, 2), (2, 0)])
        self.assertEqual(complaints.mapped("escalation_level"), [2] * 5)
        self.assertEqual(len(complaints.escalation_ids), 10, "each complaint once per rule")

    def test_backlog_larger_than_a_batch_one_digest_per_recipient(self):
        complaints = self.Ticket.concat(*(self._complaint(severity="4") for _i in range(6)))
        rule = self._rule(
            name="Critical complaint",
            level=2,
            min_severity="4",
            notify_user_ids=[Command.set(self.board_member.ids)],
            notify_team_leader=True,
        )
        self.assertEqual(self._run_escalation_cron(4), [(4, 2), (2, 0)])
        # every complaint logged once, in its history and on its Escalations tab
        self.assertEqual(len(complaints.escalation_ids), 6)
        self.assertEqual(complaints.escalation_ids.ticket_id, complaints)
        for complaint in complaints:
            notes = complaint.message_ids.filtered(lambda m: "Critical complaint" in m.body)
            self.assertEqual(len(notes), 1)
            self.assertIn("level 2", notes.body)
            # an internal note by OdooBot, as a handler reads it in the chatter
            shown = notes.with_user(self.handler).read(
                ["author_id", "subtype_id", "message_type", "is_internal", "model", "res_id"]
            )[0]
            self.assertEqual(shown["author_id"][0], self.env.ref("base.partner_root").id)
            self.assertEqual(shown["subtype_id"][0], self.env.ref("mail.mt_note").id)
            self.assertEqual(shown["message_type"], "notification")
            self.assertTrue(shown["is_internal"])
            self.assertEqual((shown["model"], shown["res_id"]), (complaint._name, complaint.id))
        self.assertFalse(complaints.activity_ids.filtered(lambda a: "scalated" in a.summary))
        # one digest per recipient for the run, with all the complaints, the
        # to-do on it and one message linking to it
        notified = self.board_member | self.team_leader
        # the board member follows the complaints to open them; the team
        # leader reads the team's complaints already and is not made to follow
        for complaint in complaints:
            self.assertEqual(
                complaint.message_partner_ids & notified.partner_id, self.board_member.partner_id
            )
        Digest = self.env["iso10002.escalation.digest"]
        digests = Digest.search([("rule_id", "=", rule.id)])
        self.assertEqual(digests.user_id, notified)
        self.assertEqual(len(digests), 2)
        for digest in digests:
            self.assertEqual(digest.ticket_ids, complaints)
            self.assertEqual((digest.level, digest.complaint_count), (2, 6))
            self.assertEqual(digest.activity_ids.user_id, digest.user_id)
            self.assertIn("6 complaints escalated", digest.activity_ids.summary)
            message = self.env["mail.message"].search(
                [
                    ("message_type", "=", "user_notification"),
                    ("partner_ids", "in", digest.user_id.partner_id.ids),
                ]
            )
            self.assertEqual((message.model, message.res_id), (Digest._name, digest.id))
            self.assertEqual(message.partner_ids, digest.user_id.partner_id)
            self.assertIn("6 complaints reached level 2", message.body)
            self.assertIn(f"/odoo/iso10002.escalation.digest/{digest.id}", message.body)
            self.assertIn(f"/odoo/iso10002.escalation.digest/{digest.id}", digest.activity_ids.note)
        # the recipient, a handler, opens their digest and its list of complaints
        mine = digests.filtered(lambda d: d.user_id == self.board_member)
        self.assertEqual(Digest.with_user(self.board_member).search([]), mine)
        action = mine.with_user(self.board_member).action_open_complaints()
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        listed = self.Ticket.with_user(self.board_member).search(action["domain"])
        self.assertEqual(listed, complaints)
        # and marks the to-do done
        mine.activity_ids.with_user(self.board_member).action_feedback("Seen")
        self.assertFalse(mine.activity_ids)
        # nobody else's digest is theirs to read, nor any digest theirs to change
        theirs = digests - mine
        with self.assertRaises(AccessError):
            theirs.with_user(self.board_member).check_access("read")
        self.assertFalse(Digest.with_user(self.other_handler).search([]))
        with self.assertRaises(AccessError):
            mine.with_user(self.board_member).write({"level": 3})
        for reader in self.manager | self.auditor:
            self.assertEqual(Digest.with_user(reader).search([("rule_id", "=", rule.id)]), digests)
        self.assertEqual(self._run_escalation_cron(4), [(0, 0)], "nothing twice")
        self.assertEqual(Digest.search([("rule_id", "=", rule.id)]), digests)

    def test_failing_complaint_is_skipped_for_the_rest_of_the_run(self):
        failing, *others = (self._complaint(severity="4") for _i in range(3))
        self._rule(min_severity="4")
        with (
            self._actions_failing(failing, ValueError("simulated failure")),
            self.assertLogs(
                "odoo.addons.odoo_iso10002.models.helpdesk_ticket_escalation", "ERROR"
            ) as logged,
        ):
            calls = self._run_escalation_cron(1)
        self.assertEqual(len(logged.output), 1, "logged once, not retried in a loop")
        self.assertEqual(calls, [(1, 2), (1, 1), (1, 0)])
        self.assertEqual([c.escalation_level for c in others], [1, 1])
        self.assertFalse(failing.escalation_ids)
        self.assertEqual(self._run_escalation_cron(1), [(1, 0)], "the next run tries again")
        self.assertEqual(failing.escalation_level, 1)

    def test_complaint_held_by_another_transaction_is_tried_again_at_once(self):
        held, free = self._complaint(severity="4"), self._complaint(severity="4")
        self._rule(min_severity="4")
        conflict = SerializationFailure("could not serialize access due to concurrent update")
        # the batch meets the conflict, then the complaint alone, in the same
        # transaction; the next call, in a new one, gets through
        with self._actions_failing(held, conflict, times=2):
            calls = self._run_escalation_cron(10)
        self.assertEqual(calls, [(2, 1), (1, 0)], "the next call, not the next hourly run")
        self.assertEqual((held | free).mapped("escalation_level"), [1, 1])

    def test_complaint_escalated_meanwhile_by_another_run(self):
        first, second = self._complaint(severity="4"), self._complaint(severity="4")
        rule = self._rule(min_severity="4", notify_user_ids=[Command.set(self.board_member.ids)])
        Ticket = type(self.Ticket)
        original = Ticket._iso_escalate

        def escalate(complaints, rule, now):
            if first in complaints:
                # another run escalates the second complaint after this run selected it
                original(second.with_env(complaints.env), rule, now)
            return original(complaints, rule, now)

        with (
            patch.object(Ticket, "_iso_escalate", escalate),
            self.assertLogs("odoo", logging.INFO) as logged,
        ):
            self._escalate()
        self.assertFalse([line for line in logged.output if line.startswith("ERROR")])
        skipped = [line for line in logged.output if "already escalated" in line]
        self.assertEqual(len(skipped), 1)
        self.assertIn(second.number, skipped[0])
        self.assertEqual(len(second.escalation_ids), 1)
        # told once, of both: one digest, one to-do
        digest = self.env["iso10002.escalation.digest"].search([("rule_id", "=", rule.id)])
        self.assertEqual(digest.ticket_ids, first | second, "acted on once")
        self.assertIn("2 complaints escalated", digest.activity_ids.summary)
        self.assertEqual((first | second).escalation_ids.rule_id, rule)

    def test_health_safety_todo_goes_to_whom_the_rules_made_responsible(self):
        self._rule(health_safety=True, level=2, assign_team_leader=True)
        complaint = self._complaint(severity="1", impact="1", user_id=self.handler.id)
        self.assertNotEqual(self.handler, self.team_leader)
        complaint.with_user(self.handler).health_safety = True
        self.assertEqual(complaint.user_id, self.team_leader)
        todos = complaint.activity_ids.filtered(lambda a: "Health" in (a.summary or ""))
        self.assertEqual(todos.user_id, self.team_leader)
        # received with the flag: the same
        received = self._receive_health_safety_complaint()
        todos = received.activity_ids.filtered(lambda a: "Health" in (a.summary or ""))
        self.assertEqual(received.user_id, self.team_leader)
        self.assertEqual(todos.user_id, self.team_leader)

    @freeze_time(MONDAY)
    def test_cost_grows_with_the_matching_complaints_only(self):
        self._rule(min_severity="4")
        self._escalate()

        def queries():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._escalate()
            return self.cr.sql_log_count - before

        idle = queries()
        for _i in range(10):
            self._complaint(severity="1")
        self.assertEqual(queries(), idle, "complaints that do not match are not read")

    # ------------------------------------------------------------------
    # Rule configuration and access
    # ------------------------------------------------------------------

    def test_level_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "level must be 1 or more"):
            self._rule(min_severity="4", level=0)

    def test_rule_needs_a_condition(self):
        with self.assertRaisesRegex(ValidationError, "needs at least one condition"):
            self._rule(raise_priority=True)
        with self.assertRaisesRegex(ValidationError, "needs at least one condition"):
            self._rule(domain="[]")
        with self.assertRaisesRegex(ValidationError, "filter is not valid"):
            self._rule(domain="[('no_such_field', '=', 1)]")
        with self.assertRaisesRegex(ValidationError, "number of hours above zero"):
            self._rule(deadline_condition="due_within", due_within_hours=0)

    def test_used_rule_is_archived_not_deleted(self):
        self._complaint(severity="4")
        rule = self._rule(min_severity="4")
        self._escalate()
        with self.assertRaisesRegex(UserError, "archive it instead"):
            rule.unlink()
        unused = self._rule(min_severity="4", level=5)
        unused.active = False
        unused.unlink()

    def test_handlers_read_rules_and_history_only(self):
        complaint = self._complaint(severity="4")
        rule = self._rule(min_severity="4")
        self._escalate()
        self.assertEqual(rule.with_user(self.handler).name, "Test rule")
        with self.assertRaises(AccessError):
            rule.with_user(self.handler).level = 2
        log = complaint.with_user(self.handler).escalation_ids
        self.assertEqual(log.level, 1)
        with self.assertRaises(AccessError):
            log.reason = "Rewritten"
        with self.assertRaises(AccessError):
            self.env["iso10002.escalation.log"].with_user(self.manager).create(
                {"ticket_id": complaint.id, "rule_id": rule.id, "level": 2}
            )

    def test_rules_of_another_company_are_hidden(self):
        other_company = self.env["res.company"].create({"name": "Other Company"})
        theirs = self.Rule.create(
            {"name": "Theirs", "min_severity": "4", "company_id": other_company.id}
        )
        shared = self.Rule.create({"name": "Shared", "min_severity": "4", "company_id": False})
        visible = self.Rule.with_user(self.manager).search([("id", "in", (theirs | shared).ids)])
        self.assertEqual(visible, shared)

    def test_shipped_rules(self):
        shipped = self.Rule.with_context(active_test=False).search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(f"odoo_iso10002.{xmlid}").id
                        for xmlid in (
                            "iso10002_escalation_rule_health_safety",
                            "iso10002_escalation_rule_acknowledge_breached",
                            "iso10002_escalation_rule_decision_due",
                            "iso10002_escalation_rule_decision_breached",
                            "iso10002_escalation_rule_rejected",
                            "iso10002_escalation_rule_reopened",
                        )
                    ],
                )
            ]
        )
        self.assertEqual(len(shipped), 6)
        shipped.active = True
        self.assertTrue(self.env.ref("odoo_iso10002.ir_cron_escalate_complaints").active)
        complaint = self._receive_health_safety_complaint()
        self.assertEqual(complaint.escalation_level, 2)
        self.assertEqual(complaint.user_id, self.team_leader)
        self.assertEqual(complaint.priority, "3")
        managers = self.env.ref("odoo_iso10002.group_complaint_manager").users
        todos = complaint.activity_ids.filtered(lambda a: "Escalated" in a.summary)
        self.assertEqual(todos.user_id, managers.filtered(lambda u: not u.share))


class TestEscalationVilnius(TestEscalation):
    tz = "Europe/Vilnius"
