import logging
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.osv import expression

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    """Escalation of complaints by the rules (ISO 10002 4.15, 7.3, 8.4):
    at once on an event (health & safety, rejected decision), hourly by the
    cron for the rest."""

    # One file per concern of the complaint model, as STYLE.md asks.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    escalation_level = fields.Integer(
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        aggregator="max",
        help="Highest level the escalation rules gave the complaint; 0 when never escalated.",
    )
    escalation_ids = fields.One2many(
        "iso10002.escalation.log",
        "ticket_id",
        string="Escalations",
        readonly=True,
        copy=False,
    )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets.filtered(lambda t: t.is_complaint and t.health_safety)._iso_escalate_on_event()
        return tickets

    def write(self, vals):
        # Event conditions act at once, on the complaints the event happened to.
        raised = self.browse()
        if vals.get("health_safety"):
            raised |= self.filtered(lambda t: not t.health_safety)
        if vals.get("complainant_response") == "rejected":
            raised |= self.filtered(lambda t: t.complainant_response != "rejected")
        res = super().write(vals)
        raised.filtered("is_complaint")._iso_escalate_on_event()
        return res

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------

    def _iso_escalate_on_event(self):
        """Fire the event rules (health & safety, rejection) whose conditions
        hold for these complaints, now. A failure does not undo the user's
        change: it is logged, and the cron tries again within the hour."""
        if not self:
            return
        rules = (
            self.env["iso10002.escalation.rule"]
            .sudo()
            .search(["|", ("health_safety", "=", True), ("on_rejection", "=", True)])
        )
        now = fields.Datetime.now()
        for rule in rules:
            self.sudo().filtered_domain(rule._pending_domain(now))._iso_escalate_each(rule, now)

    def _iso_escalate_each(self, rule, now):
        """Escalate each complaint apart; returns the ids of those that failed."""
        return self._iso_each(
            lambda complaint: complaint._iso_escalate(rule, now),
            _logger,
            f"Escalation by the rule “{rule.name}”",
        ).ids

    def _iso_escalate(self, rule, now):
        """Log the escalation, then act. The log's unique key makes a second
        escalation by the same rule at the same level fail."""
        self.ensure_one()
        complaint = self.sudo()
        reason = "; ".join(rule._match_reasons(complaint, now))
        self.env["iso10002.escalation.log"].sudo().create(
            {
                "ticket_id": complaint.id,
                "rule_id": rule.id,
                "level": rule.level,
                "date": now,
                "reason": reason,
            }
        )
        complaint._iso_escalation_actions(rule, reason, now)

    def _iso_escalation_actions(self, rule, reason, now):
        self.ensure_one()
        values = {}
        if rule.level > self.escalation_level:
            values["escalation_level"] = rule.level
        assignee = rule.assign_user_id or (rule.assign_team_leader and self.team_id.user_id)
        if assignee and assignee != self.user_id:
            values["user_id"] = assignee.id
        if rule.raise_priority and self.priority != "3":
            values["priority"] = "3"
        if values:
            self.write(values)
        if rule.follower_partner_ids:
            self.message_subscribe(partner_ids=rule.follower_partner_ids.ids)
        users = self._iso_escalation_recipients(rule)
        if users:
            self._iso_escalation_notify(rule, reason, users, now)
        if rule.mail_template_id:
            self._iso_escalation_mail(rule.mail_template_id)

    def _iso_escalation_recipients(self, rule):
        """Internal users the rule notifies who work in the complaint's company."""
        self.ensure_one()
        users = rule.notify_user_ids | rule.notify_group_id.users
        if rule.notify_team_leader:
            users |= self.team_id.user_id
        return users.filtered(
            lambda user: user.active and not user.share and self.company_id in user.company_ids
        )

    def _iso_escalation_notify(self, rule, reason, users, now):
        """A note mentioning the users, and a to-do for each, due in the
        rule's number of days (in the user's time zone)."""
        self.ensure_one()
        message = self.env._(
            "Escalated to level %(level)s by the rule “%(rule)s”: %(reason)s.",
            level=rule.level,
            rule=rule.name,
            reason=reason,
        )
        self.message_post(
            body=message,
            subtype_xmlid="mail.mt_note",
            author_id=self.env.ref("base.partner_root").id,
            partner_ids=users.partner_id.ids,
        )
        # The note already mails them: no second mail for the to-do's assignment.
        complaint = self.with_context(mail_activity_quick_update=True)
        for user in users:
            today = fields.Date.context_today(self.with_context(tz=user.tz or "UTC"), now)
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today + timedelta(days=rule.activity_days),
                summary=self.env._("Escalated complaint: level %(level)s", level=rule.level),
                note=tools.plaintext2html(message),
                user_id=user.id,
            )

    def _iso_escalation_mail(self, template):
        """Mail the complainant (no contact is created for a bare address)."""
        self.ensure_one()
        subject = template._render_field("subject", self.ids)[self.id]
        self._post_to_complainant(
            template,
            self.env._(
                "“%(subject)s” not sent: the complainant has no e-mail address. "
                "Tell them by phone, post or in person.",
                subject=subject,
            ),
        )

    def _cron_escalate(self, batch_size=500):
        """Escalate the complaints the active rules hold for, rule by rule in
        sequence order, in batches. Each rule escalates a complaint at most
        once per level, so running twice changes nothing; a failing complaint
        is logged and does not stop the others."""
        self._refresh_due_deadlines()
        now = fields.Datetime.now()
        done = 0
        for rule in self.env["iso10002.escalation.rule"].search([]):
            domain = rule._pending_domain(now)
            failed = []
            while True:
                todo = expression.AND([domain, [("id", "not in", failed)]]) if failed else domain
                batch = self.search(todo, limit=batch_size, order="id")
                if not batch:
                    break
                failed += batch._iso_escalate_each(rule, now)
                done += len(batch)
                remaining = 0
                if len(batch) == batch_size:
                    remaining = self.search_count(
                        expression.AND([domain, [("id", "not in", failed)]])
                    )
                self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)
