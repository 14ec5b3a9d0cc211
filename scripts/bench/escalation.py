"""The hourly escalation cron, with nothing due and with a backlog of due
complaints, over the data set as generated and with every complaint open."""

from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tools import SQL

from .database import settle_escalations, vacuum
from .profile import Profile
from .row import Row
from .settings import DUE_COMPLAINTS, TARGET_CRON_S, say


def _make_due(bench, env, count):
    """`count` complaints whose acknowledgement deadline passed unmet and
    that the rule has not escalated: open ones first."""
    rule = env.ref("odoo_iso10002.iso10002_escalation_rule_acknowledge_breached")
    env.cr.execute(
        SQL(
            """WITH due AS (
                   SELECT t.id FROM helpdesk_ticket t
                    WHERE t.is_complaint AND NOT EXISTS (
                          SELECT 1 FROM iso10002_escalation_log l
                           WHERE l.ticket_id = t.id AND l.rule_id = %(rule)s
                             AND l.level = %(level)s)
                    ORDER BY t.iso_step = 'closed', t.date_received DESC
                    LIMIT %(count)s)
               UPDATE helpdesk_ticket t
                  SET stage_id = %(stage)s, iso_step = 'received', date_acknowledged = NULL,
                      date_closed = NULL, closed_date = NULL, deadline_paused_since = NULL,
                      deadline_acknowledge = %(past)s, deadline_acknowledge_state = 'breached'
                 FROM due WHERE due.id = t.id""",
            rule=rule.id,
            level=rule.level,
            count=count,
            stage=bench.data["stages"]["received"],
            past=fields.Datetime.now() - timedelta(hours=2),
        )
    )
    assert env.cr.rowcount == count, env.cr.rowcount
    env.invalidate_all()
    return rule


def _open_all(bench, env):
    """Every complaint open, in investigation, with its deadlines ahead."""
    later = fields.Datetime.now() + timedelta(days=30)
    env.cr.execute(
        SQL(
            """UPDATE helpdesk_ticket
                  SET stage_id = %(stage)s, iso_step = 'investigation', date_closed = NULL,
                      closed_date = NULL, date_response = NULL,
                      date_decision_communicated = NULL, deadline_paused_since = NULL,
                      complainant_response = NULL, deadline_decision = %(later)s,
                      deadline_close = %(later)s, deadline_decision_state = 'on_track',
                      deadline_close_state = 'on_track'
                WHERE is_complaint""",
            stage=bench.data["stages"]["investigation"],
            later=later,
        )
    )
    env.cr.execute("ANALYZE helpdesk_ticket")
    env.invalidate_all()


def _open_count(env):
    env.cr.execute(
        "SELECT count(*) FROM helpdesk_ticket WHERE is_complaint AND iso_step != 'closed'"
    )
    return env.cr.fetchone()[0]


def _run_cron(env):
    """The escalation cron as Odoo's scheduler runs it: call after call, one
    batch each, while work remains (the scheduler commits between calls; the
    bench's transaction is rolled back)."""
    cron = env.ref("odoo_iso10002.ir_cron_escalate_complaints")
    while True:
        cron, progress = cron._add_progress()
        env["helpdesk.ticket"].with_context(
            ir_cron_progress_id=progress.id, cron_id=cron.id
        )._cron_escalate()
        if not (progress.done and progress.remaining):
            return


def escalation(bench):
    with bench.registry.cursor() as cr:  # what fell due since: the last hourly run's work
        settle_escalations(api.Environment(cr, SUPERUSER_ID, {}))
    for all_open in (False, True):
        with bench.transaction() as env:  # warm-up
            if all_open:
                _open_all(bench, env)
            _make_due(bench, env, 50)
            _run_cron(env)
        for due in (0, DUE_COMPLAINTS):
            with bench.transaction() as env:
                if all_open:
                    _open_all(bench, env)
                if due:
                    rule = _make_due(bench, env, due)
                open_count = _open_count(env)
                env.cr.execute("SELECT count(*) FROM iso10002_escalation_log")
                logs_before = env.cr.fetchone()[0]
                profile = Profile()
                seconds, queries = bench.measure(env, lambda env=env: _run_cron(env), profile)
                env.cr.execute("SELECT count(*) FROM iso10002_escalation_log")
                escalated = env.cr.fetchone()[0] - logs_before
            scope = "every complaint open" if all_open else "the data set as generated"
            per_complaint = (
                f" ({queries / escalated:.1f} per escalated complaint)" if escalated else ""
            )
            say(
                f"escalation ({scope}): {open_count} open, {escalated} escalated "
                f"in {seconds:.2f} s, {queries} queries{per_complaint}"
            )
            if due and escalated < due:
                say(f"warning: {due} due but {escalated} escalated by {rule.name}")
            due_text = f"{escalated:,} due" if escalated else "nothing due"
            label = f"Escalation cron: {due_text} among {open_count:,} open complaints"
            bench.rows.append(
                Row(
                    f"escalation_{'all_open' if all_open else 'generated'}_"
                    + ("due" if due else "idle"),
                    label,
                    seconds,
                    queries,
                    (TARGET_CRON_S, "s"),
                    unit="s",
                    profile=profile,
                )
            )
            bench.facts.setdefault("escalation", []).append(
                {
                    "open": open_count,
                    "escalated": escalated,
                    "seconds": seconds,
                    "queries": queries,
                    "profile": profile,
                }
            )
        if all_open:  # the rolled-back update left dead rows and its statistics
            vacuum(bench.registry.db_name, ["helpdesk_ticket"])
    with bench.transaction() as env:
        env.cr.execute(
            """SELECT count(*) FROM iso10002_escalation_log
                WHERE date >= now() - interval '30 days'"""
        )
        bench.facts["escalations_30_days"] = env.cr.fetchone()[0]
