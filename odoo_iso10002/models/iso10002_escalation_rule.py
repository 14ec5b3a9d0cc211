from datetime import timedelta

from dateutil.relativedelta import relativedelta
from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_time

from ..const import DEADLINE_FIELDS, DEADLINE_KINDS, ISO_STEPS, SEVERITIES

# States of a deadline still ahead: "due within" looks only at those.
PENDING_STATES = ("on_track", "at_risk")
# A closed complaint is never escalated: its step is no condition.
OPEN_STEPS = [(step, label) for step, label in ISO_STEPS if step != "closed"]


class Iso10002EscalationRule(models.Model):
    """When an open complaint is escalated, and what then happens
    (ISO 10002 4.15 timeliness, 7.3 tracking, 8.4 monitoring).

    All set conditions must hold; they make one search domain, so the cron
    finds the complaints to escalate in SQL. A rule escalates a complaint once
    per level: the escalation log keeps the history and stops repeats.
    """

    _name = "iso10002.escalation.rule"
    _description = "Complaint Escalation Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Leave empty to apply the rule to the complaints of every company.",
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "iso10002_escalation_rule_team_rel",
        "rule_id",
        "team_id",
        string="Teams",
        domain="[('is_complaint_team', '=', True)]",
        check_company=True,
        help="Complaint teams the rule applies to; empty for every complaint team.",
    )
    level = fields.Integer(
        required=True,
        default=1,
        help="Escalation level the complaint reaches (1 is the first level). "
        "A complaint keeps the highest level any rule gave it.",
    )
    description = fields.Text(translate=True)

    # Conditions: every condition set must hold.
    deadline_condition = fields.Selection(
        [("breached", "Breached"), ("due_within", "Due within")],
        string="Deadline",
        help="Breached: the deadline passed and the step is still not done (a step "
        "done late is no longer escalated). Due within: the deadline is still ahead, "
        "but closer than the number of hours below.",
    )
    deadline_kind = fields.Selection(
        DEADLINE_KINDS + [("any", "Any")],
        string="Which Deadline",
        default="any",
    )
    due_within_hours = fields.Float(string="Due Within (hours)", default=24.0)
    step = fields.Selection(
        OPEN_STEPS,
        string="ISO Step",
        help="Escalate complaints that stay in this step longer than the hours below.",
    )
    step_hours = fields.Float(
        string="In Step For (hours)",
        help="Wall-clock hours since the complaint entered its current stage.",
    )
    min_severity = fields.Selection(
        SEVERITIES,
        string="Severity At Least",
        help="Escalate complaints assessed at this severity or above.",
    )
    health_safety = fields.Boolean(
        string="Health & Safety",
        help="Escalate complaints flagged as a risk to health or safety, as soon as they are.",
    )
    on_rejection = fields.Boolean(
        string="Decision Rejected",
        help="Escalate as soon as the complainant rejects the decision.",
    )
    min_reopen_count = fields.Integer(
        string="Reopened At Least",
        help="Escalate complaints re-opened at least this many times; 0 for no condition.",
    )
    domain = fields.Char(
        string="Other Conditions",
        help="Any further condition on the complaint, as a filter.",
    )

    # Actions: the level is always raised; the others as set.
    assign_user_id = fields.Many2one(
        "res.users",
        string="Assign To",
        domain="[('share', '=', False)]",
        check_company=True,
        help="Assign the complaint to this user.",
    )
    assign_team_leader = fields.Boolean(
        help="Assign the complaint to the leader of its team (unless a user is set above).",
    )
    follower_partner_ids = fields.Many2many(
        "res.partner",
        "iso10002_escalation_rule_follower_rel",
        "rule_id",
        "partner_id",
        string="Add Followers",
        help="Subscribe these contacts to the complaint.",
    )
    notify_user_ids = fields.Many2many(
        "res.users",
        "iso10002_escalation_rule_notify_rel",
        "rule_id",
        "user_id",
        string="Notify Users",
        domain="[('share', '=', False)]",
        help="Mention these users in a note on the complaint and give each a to-do.",
    )
    notify_group_id = fields.Many2one(
        "res.groups",
        help="Mention every user of this group and give each a to-do.",
    )
    notify_team_leader = fields.Boolean(
        help="Mention the leader of the complaint's team and give them a to-do.",
    )
    activity_days = fields.Integer(
        string="To-do Due In (days)",
        default=1,
        help="Days from the escalation to the deadline of the notified users' to-dos.",
    )
    raise_priority = fields.Boolean(
        help="Set the complaint's priority to Very High.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Mail to Complainant",
        domain="[('model', '=', 'helpdesk.ticket')]",
        help="Send this e-mail to the complainant, e.g. to tell them of a delay.",
    )
    escalation_count = fields.Integer(compute="_compute_escalation_count")

    def _compute_escalation_count(self):
        counts = dict(
            self.env["iso10002.escalation.log"]._read_group(
                [("rule_id", "in", self.ids)], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.escalation_count = counts.get(rule, 0)

    @api.constrains("level")
    def _check_level(self):
        for rule in self:
            if rule.level < 1:
                raise ValidationError(
                    self.env._(
                        "Escalation rule “%(rule)s”: the level must be 1 or more.",
                        rule=rule.name,
                    )
                )

    # "level" always has a value, so that the check also runs on creation.
    @api.constrains(
        "level",
        "deadline_condition",
        "step",
        "min_severity",
        "health_safety",
        "on_rejection",
        "min_reopen_count",
        "domain",
    )
    def _check_conditions(self):
        for rule in self:
            has_condition = (
                rule.deadline_condition
                or rule.step
                or rule.min_severity
                or rule.health_safety
                or rule.on_rejection
                or rule.min_reopen_count > 0
                or rule._filter_domain()
            )
            if not has_condition:
                raise ValidationError(
                    self.env._(
                        "Escalation rule “%(rule)s” needs at least one condition: a "
                        "deadline, time in a step, a severity, health & safety, a "
                        "rejected decision, a number of re-openings or a filter.",
                        rule=rule.name,
                    )
                )

    @api.constrains(
        "deadline_condition", "due_within_hours", "step_hours", "min_reopen_count", "activity_days"
    )
    def _check_amounts(self):
        for rule in self:
            if rule.deadline_condition == "due_within" and rule.due_within_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "Escalation rule “%(rule)s”: “due within” needs a number of hours "
                        "above zero.",
                        rule=rule.name,
                    )
                )
            if min(rule.step_hours, rule.min_reopen_count, rule.activity_days) < 0:
                raise ValidationError(
                    self.env._(
                        "Escalation rule “%(rule)s”: hours, re-openings and days cannot "
                        "be negative.",
                        rule=rule.name,
                    )
                )

    @api.constrains("domain")
    def _check_domain(self):
        tickets = self.env["helpdesk.ticket"]
        for rule in self.filtered("domain"):
            domain = rule._filter_domain()  # says itself when it cannot be read
            try:
                tickets._where_calc(domain)
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "Escalation rule “%(rule)s”: the filter is not valid (%(error)s).",
                        rule=rule.name,
                        error=error,
                    )
                ) from error

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = (
            self.env["iso10002.escalation.log"]
            .sudo()
            ._read_group([("rule_id", "in", self.ids)], ["rule_id"])
        )
        if used:
            raise UserError(
                self.env._(
                    "Escalation rule “%(rule)s” has escalated complaints: archive it "
                    "instead, to keep their history.",
                    rule=used[0][0].name,
                )
            )

    @api.readonly
    def action_view_escalations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "odoo_iso10002.iso10002_escalation_log_action"
        )
        action["domain"] = [("rule_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------

    def _deadline_kinds(self):
        self.ensure_one()
        if self.deadline_kind in (False, "any"):
            return [kind for kind, _label in DEADLINE_KINDS]
        return [self.deadline_kind]

    def _filter_domain(self):
        """The rule's own filter, evaluated; an empty list when there is none."""
        self.ensure_one()
        if not self.domain:
            return []
        context = {
            "datetime": safe_datetime,
            "relativedelta": relativedelta,
            "time": safe_time,
            "context_today": lambda: fields.Date.context_today(self),
        }
        try:
            return list(safe_eval(self.domain, context))
        except Exception as error:
            raise ValidationError(
                self.env._(
                    "Escalation rule “%(rule)s”: the filter is not valid (%(error)s).",
                    rule=self.name,
                    error=error,
                )
            ) from error

    def _conditions(self, now):
        """The rule's conditions that are set, each defined once as a list of
        alternatives (domain, reason): the domain selects the complaints the
        alternative holds for at `now`, in SQL; reason(complaint) says why it
        holds for one, with the values, for the escalation log. A condition
        holds when one of its alternatives does."""
        self.ensure_one()
        _ = self.env._
        conditions = []
        if self.deadline_condition:
            conditions.append(
                [self._deadline_alternative(kind, now) for kind in self._deadline_kinds()]
            )
        if self.step:
            since = now - timedelta(hours=self.step_hours)

            def in_step(complaint):
                return _(
                    "in step “%(step)s” for %(hours)s h (since %(since)s, limit %(limit)s h)",
                    step=self._selection_label("step", self.step),
                    hours=round((now - complaint.last_stage_update).total_seconds() / 3600),
                    since=self._format_datetime(complaint.last_stage_update, complaint),
                    limit=format(self.step_hours, "g"),
                )

            domain = [("iso_step", "=", self.step), ("last_stage_update", "<=", since)]
            conditions.append([(domain, in_step)])
        if self.min_severity:
            conditions.append(
                [
                    (
                        [("severity", ">=", self.min_severity)],
                        lambda complaint: _(
                            "severity %(severity)s (at least %(minimum)s)",
                            severity=self._selection_label("min_severity", complaint.severity),
                            minimum=self._selection_label("min_severity", self.min_severity),
                        ),
                    )
                ]
            )
        if self.health_safety:
            conditions.append([([("health_safety", "=", True)], lambda c: _("health & safety"))])
        if self.on_rejection:
            conditions.append(
                [
                    (
                        [("complainant_response", "=", "rejected")],
                        lambda c: _("the complainant rejected the decision"),
                    )
                ]
            )
        if self.min_reopen_count > 0:
            conditions.append(
                [
                    (
                        [("reopen_count", ">=", self.min_reopen_count)],
                        lambda complaint: _(
                            "re-opened %(count)s times (at least %(minimum)s)",
                            count=complaint.reopen_count,
                            minimum=self.min_reopen_count,
                        ),
                    )
                ]
            )
        if self.domain:
            conditions.append([(self._filter_domain(), lambda c: _("matches the rule's filter"))])
        return conditions

    def _deadline_alternative(self, kind, now):
        """(domain, reason) of the deadline condition for one kind of deadline."""
        deadline_field, done_field = DEADLINE_FIELDS[kind]
        state_field = f"{deadline_field}_state"

        label = self._selection_label("deadline_kind", kind).lower()

        def values(complaint):
            deadline = complaint[deadline_field]
            return {
                "deadline": label,
                "due": self._format_datetime(deadline, complaint) if deadline else "?",
                "hours": format(self.due_within_hours, "g"),
            }

        if self.deadline_condition == "breached":
            # Still overdue: a step done late leaves its deadline breached.
            domain = [(state_field, "=", "breached"), (done_field, "=", False)]
            return domain, lambda complaint: self.env._(
                "%(deadline)s deadline breached (due %(due)s)", **values(complaint)
            )
        limit = now + timedelta(hours=self.due_within_hours)
        domain = [(state_field, "in", PENDING_STATES), (deadline_field, "<=", limit)]
        return domain, lambda complaint: self.env._(
            "%(deadline)s deadline due within %(hours)s h (due %(due)s)", **values(complaint)
        )

    def _complaint_domain(self, now):
        """The open complaints the rule's conditions hold for at `now`.

        Stored fields only, most of them indexed: the cron runs it as one
        search, whatever the number of complaints.
        """
        self.ensure_one()
        domains = [[("is_complaint", "=", True), ("iso_step", "!=", "closed")]]
        if self.team_ids:
            domains.append([("team_id", "in", self.team_ids.ids)])
        if self.company_id:
            domains.append([("company_id", "=", self.company_id.id)])
        for alternatives in self._conditions(now):
            domains.append(expression.OR([domain for domain, _reason in alternatives]))
        return expression.AND(domains)

    def _pending_domain(self, now):
        """The complaints to escalate: matching, and not yet escalated by the
        rule at its current level."""
        self.ensure_one()
        return expression.AND(
            [
                self._complaint_domain(now),
                [
                    (
                        "escalation_ids",
                        "not any",
                        [("rule_id", "=", self.id), ("level", "=", self.level)],
                    )
                ],
            ]
        )

    def _selection_label(self, fname, value):
        """The label of `value` in the selection field `fname`, in the user's
        language: read when a reason is written, not when a domain is built."""
        return dict(self._fields[fname]._description_selection(self.env))[value]

    def _format_datetime(self, value, complaint):
        """`value` as the complaint's team reads it: in the time zone of the
        working calendar its deadlines are counted on."""
        tz = complaint._deadline_calendar().tz or self.env.user.tz or "UTC"
        # a numeric format, the same in every language: no locale to load per complaint
        return utc.localize(value).astimezone(timezone(tz)).strftime("%Y-%m-%d %H:%M")

    def _match_reasons(self, complaints, now):
        """Why the rule holds for each of `complaints`, condition by condition,
        with the values: the text of their escalation logs, {id: [reason]}.
        The conditions are built once, each alternative filters them all."""
        self.ensure_one()
        reasons = {complaint.id: [] for complaint in complaints}
        for alternatives in self._conditions(now):
            for domain, reason in alternatives:
                holding = (
                    complaints if len(alternatives) == 1 else complaints.filtered_domain(domain)
                )
                for complaint in holding:
                    reasons[complaint.id].append(reason(complaint))
        return reasons
