from bisect import bisect_right
from collections import defaultdict
from datetime import timedelta

from pytz import timezone, utc

from odoo import api, fields, models

from ..const import DEADLINE_FIELDS, DEADLINE_STATES

# how far calendar.plan_hours looks: 100 times 14 days
PLAN_HORIZON = timedelta(days=1400)
ELAPSED_FIELDS = ("hours_to_acknowledge", "days_to_decision", "days_to_close")


def plan_working_hours(calendar, plans):
    """Where each (start, hours) of `plans` ends on the calendar's working
    time, leaves left out, as `calendar.plan_hours(hours, start,
    compute_leaves=True)` has it (False beyond its 1,400 days); datetimes in
    UTC without tzinfo. The calendar's attendances and leaves are read once
    a day for all the plans (resource_calendar.py), where plan_hours reads them
    again for every 14 days of every plan."""
    tz = timezone(calendar.tz or "UTC")
    starts = [utc.localize(start).astimezone(tz) for start, _hours in plans]
    # seven calendar days for five working days, and a week for holidays; more if short
    working_days = max(hours for _start, hours in plans) / (calendar.hours_per_day or 8.0)
    span = timedelta(days=7 + working_days * 7 / 5)
    while True:
        # whole local days, so that the complaints of a day share them (cached)
        intervals = calendar._iso10002_work_intervals(
            min(starts).date(), (max(starts) + span).date() + timedelta(days=1)
        )
        stops = [stop for _start, stop in intervals]
        ends = [
            _plan(intervals[bisect_right(stops, start) :], start, hours)
            for start, (_start, hours) in zip(starts, plans, strict=True)
        ]
        if all(ends) or span > PLAN_HORIZON:
            return [end and end.astimezone(utc).replace(tzinfo=None) for end in ends]
        span *= 2


def _plan(intervals, start, hours):
    """The moment `hours` of `intervals` (the working time after `start`) are spent."""
    for interval_start, interval_stop in intervals:
        interval_start = max(interval_start, start)
        interval_hours = (interval_stop - interval_start).total_seconds() / 3600
        if hours <= interval_hours:
            return interval_start + timedelta(hours=hours)
        hours -= interval_hours
    return False


def deadline_state(deadline, done, now, at_risk_hours):
    """State of one deadline: met or breached once done, else by the clock."""
    if not deadline:
        return False
    if done:
        return "met" if done <= deadline else "breached"
    if now > deadline:
        return "breached"
    if now >= deadline - timedelta(hours=at_risk_hours):
        return "at_risk"
    return "on_track"


class HelpdeskTicket(models.Model):
    """Complaint deadlines on the team's working calendar (ISO 10002 4.15)."""

    # The complaint model, one concern per file.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    last_stage_update = fields.Datetime(index=True)
    deadline_policy_id = fields.Many2one(
        "iso10002.deadline.policy",
        compute="_compute_deadline_policy_id",
        store=True,
        precompute=True,
        index="btree_not_null",
    )
    deadline_paused_since = fields.Datetime(
        string="Clock Paused Since",
        copy=False,
        readonly=True,
        help="The complaint waits on the complainant: its deadlines do not run.",
    )
    deadline_paused_hours = fields.Float(
        string="Paused Working Hours",
        copy=False,
        readonly=True,
        help="Working hours spent waiting on the complainant, added to every deadline.",
    )
    deadline_acknowledge = fields.Datetime(
        string="Acknowledge By",
        compute="_compute_deadlines",
        store=True,
        index=True,
        precompute=True,
    )
    deadline_decision = fields.Datetime(
        string="Decision By",
        compute="_compute_deadlines",
        store=True,
        index=True,
        precompute=True,
    )
    deadline_close = fields.Datetime(
        string="Close By",
        compute="_compute_deadlines",
        store=True,
        index=True,
        precompute=True,
    )
    deadline_acknowledge_state = fields.Selection(
        DEADLINE_STATES,
        string="Acknowledgement Deadline",
        compute="_compute_deadline_states",
        store=True,
        precompute=True,
        index=True,
    )
    deadline_decision_state = fields.Selection(
        DEADLINE_STATES,
        string="Decision Deadline",
        compute="_compute_deadline_states",
        store=True,
        precompute=True,
        index=True,
    )
    deadline_close_state = fields.Selection(
        DEADLINE_STATES,
        string="Closing Deadline",
        compute="_compute_deadline_states",
        store=True,
        precompute=True,
        index=True,
    )

    # Elapsed working time, measured once each step is reached (ISO 10002 8.4).
    hours_to_acknowledge = fields.Float(
        string="Working Hours to Acknowledge",
        compute="_compute_elapsed_working_time",
        store=True,
        precompute=True,
        aggregator="avg",
    )
    days_to_decision = fields.Float(
        string="Working Days to Decision",
        compute="_compute_elapsed_working_time",
        store=True,
        precompute=True,
        aggregator="avg",
    )
    days_to_close = fields.Float(
        string="Working Days to Close",
        compute="_compute_elapsed_working_time",
        store=True,
        precompute=True,
        aggregator="avg",
        help="Time spent waiting on the complainant's answer is not counted.",
    )

    @api.depends("is_complaint", "team_id", "severity")
    def _compute_deadline_policy_id(self):
        complaints = self.filtered("is_complaint")
        (self - complaints).deadline_policy_id = False
        policy_model = self.env["iso10002.deadline.policy"]
        # with what the deadlines read of them, in one query
        policies = policy_model.search_fetch(
            [("team_id", "in", complaints.team_id.ids)],
            [
                "team_id",
                "severity",
                "acknowledge_hours",
                "decision_days",
                "close_days",
                "at_risk_hours",
            ],
        )
        for ticket in complaints:
            ticket.deadline_policy_id = policy_model._policy_for(
                policies, ticket.team_id, ticket.severity
            )

    @api.depends(
        "date_received",
        "deadline_policy_id.acknowledge_hours",
        "deadline_policy_id.decision_days",
        "deadline_policy_id.close_days",
        "deadline_paused_hours",
        "team_id.resource_calendar_id",
        "date_acknowledged",
        "date_decision_communicated",
        "date_closed",
    )
    def _compute_deadlines(self):
        plans = defaultdict(list)  # calendar: [(ticket, deadline field, start, hours)]
        for ticket in self:
            policy = ticket.deadline_policy_id
            calendar = ticket._deadline_calendar()
            if not (policy and ticket.date_received and calendar):
                ticket.update(dict.fromkeys(ticket._deadline_fields(), False))
                continue
            hours_per_day = calendar.hours_per_day or 8.0
            limits = {
                "acknowledge": policy.acknowledge_hours,
                "decision": policy.decision_days * hours_per_day,
                "close": policy.close_days * hours_per_day,
            }
            for kind, (deadline_field, done_field) in DEADLINE_FIELDS.items():
                # A deadline is fixed once met: later pauses do not move it.
                if ticket[done_field] and ticket[deadline_field]:
                    continue
                plans[calendar].append(
                    (
                        ticket,
                        deadline_field,
                        ticket.date_received,
                        limits[kind] + ticket.deadline_paused_hours,
                    )
                )
        for calendar, calendar_plans in plans.items():
            ends = plan_working_hours(
                calendar, [(start, hours) for _t, _f, start, hours in calendar_plans]
            )
            for (ticket, deadline_field, _start, _hours), end in zip(
                calendar_plans, ends, strict=True
            ):
                ticket[deadline_field] = end

    @api.depends("date_received", "date_acknowledged", "date_decision_communicated", "date_closed")
    def _compute_elapsed_working_time(self):
        for ticket in self:
            calendar = ticket._deadline_calendar()
            start = ticket.date_received
            if not (ticket.is_complaint and start and calendar):
                ticket.update(dict.fromkeys(ELAPSED_FIELDS, 0.0))
                continue
            hours_per_day = calendar.hours_per_day or 8.0

            def working_hours(end, start=start, calendar=calendar):
                if not end or end <= start:
                    return 0.0
                return calendar.get_work_hours_count(start, end, compute_leaves=True)

            # The pause only runs after the decision: it is left out of the closing time
            # (paused_hours is read, not depended upon: a closed time stays as measured).
            close_hours = working_hours(ticket.date_closed) - ticket.deadline_paused_hours
            ticket.update(
                {
                    "hours_to_acknowledge": working_hours(ticket.date_acknowledged),
                    "days_to_decision": working_hours(ticket.date_decision_communicated)
                    / hours_per_day,
                    "days_to_close": max(close_hours, 0.0) / hours_per_day,
                }
            )

    @api.depends(
        "deadline_acknowledge",
        "deadline_decision",
        "deadline_close",
        "date_acknowledged",
        "date_decision_communicated",
        "date_closed",
        "deadline_paused_since",
        "deadline_policy_id.at_risk_hours",
    )
    def _compute_deadline_states(self):
        now = fields.Datetime.now()
        for ticket in self:
            # While the clock is paused, the deadlines stand as they were then.
            at = ticket.deadline_paused_since or now
            at_risk = ticket.deadline_policy_id.at_risk_hours
            for deadline_field, done_field in DEADLINE_FIELDS.values():
                # Closing ends every clock, e.g. a complaint withdrawn before any decision.
                done = ticket[done_field] or ticket.date_closed
                ticket[f"{deadline_field}_state"] = deadline_state(
                    ticket[deadline_field], done, at, at_risk
                )

    def _iso_on_stage_changed(self, previous_stages):
        """A stage that waits on the complainant stops the clock; leaving it
        adds the working hours paused to every deadline."""
        now = fields.Datetime.now()
        pausing = self.filtered(lambda c: c.stage_id.pause_deadlines)
        pausing.filtered(lambda c: not c.deadline_paused_since).deadline_paused_since = now
        for complaint in (self - pausing).filtered("deadline_paused_since"):
            paused = complaint._deadline_calendar().get_work_hours_count(
                complaint.deadline_paused_since, now, compute_leaves=True
            )
            complaint.write(
                {
                    "deadline_paused_hours": complaint.deadline_paused_hours + paused,
                    "deadline_paused_since": False,
                }
            )
            # Now, before the step's date is stamped: a deadline met is fixed, and
            # a complaint closed straight out of the pause must not lose it.
            complaint._recompute_recordset(self._deadline_fields())
        return super()._iso_on_stage_changed(previous_stages)

    def _deadline_calendar(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        return self.team_id.resource_calendar_id or company.resource_calendar_id

    @api.model
    def _deadline_fields(self):
        return [deadline_field for deadline_field, _done in DEADLINE_FIELDS.values()]

    @api.model
    def _refresh_due_deadlines(self):
        """Bring the deadline states up to date with the clock, reading only
        the complaints whose next change of state is due: a running deadline
        that falls due, or enters its at-risk window, by now."""
        now = fields.Datetime.now()
        horizon = max(
            self.env["iso10002.deadline.policy"].search([]).mapped("at_risk_hours"), default=0
        )
        domain = ["|"] * (len(DEADLINE_FIELDS) - 1)
        for deadline_field, _done in DEADLINE_FIELDS.values():
            domain += [
                "&",
                (f"{deadline_field}_state", "in", ("on_track", "at_risk")),
                (deadline_field, "<=", now + timedelta(hours=horizon)),
            ]
        due = self.search([("deadline_paused_since", "=", False), *domain])
        for fname in (
            "deadline_acknowledge_state",
            "deadline_decision_state",
            "deadline_close_state",
        ):
            self.env.add_to_compute(self._fields[fname], due)
        due.flush_recordset()
        return due
