import logging
from datetime import timedelta

from odoo import api, fields, models, tools

_logger = logging.getLogger(__name__)


class HelpdeskTicket(models.Model):
    """Escalation of complaints by the rules (ISO 10002 4.15, 7.3, 8.4):
    at once on an event (health & safety, rejected decision), hourly by the
    cron for the rest."""

    # The complaint model, one concern per file.
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

    # Event conditions act at once, on the complaints the event happened to.

    def _iso_on_health_safety_raised(self):
        # The rules act first, so that the to-do goes to whoever they made
        # responsible for the complaint.
        self._iso_escalate_on_event()
        return super()._iso_on_health_safety_raised()

    def _iso_on_complainant_answered(self):
        res = super()._iso_on_complainant_answered()
        self.filtered(lambda c: c.complainant_response == "rejected")._iso_escalate_on_event()
        return res

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------

    def _iso_escalate_on_event(self):
        """Fire the event rules (health & safety, rejection) whose conditions
        hold for these complaints, now. A failure does not undo the user's
        change: it is logged, and the cron tries again."""
        if not self:
            return
        rules = (
            self.env["iso10002.escalation.rule"]
            .sudo()
            .search(["|", ("health_safety", "=", True), ("on_rejection", "=", True)])
        )
        now = fields.Datetime.now()
        for rule in rules:
            _failed, busy = (
                self.sudo()
                .filtered_domain(rule._pending_domain(now))
                ._iso_each(
                    lambda complaint, rule=rule: complaint._iso_escalate(rule, now),
                    _logger,
                    f"Escalation by the rule “{rule.name}”",
                )
            )
            if busy and (cron := self._iso_ref("odoo_iso10002.ir_cron_escalate_complaints")):
                # held by another transaction: the cron escalates them at once
                # after this one, rather than at its next hourly run
                cron.sudo()._trigger()

    def _iso_escalate(self, rule, now):
        """Log the escalation, then act. Returns False, and does nothing, when
        the rule already escalated the complaint at its level (another run
        did, since the complaint was selected)."""
        self.ensure_one()
        complaint = self.sudo()
        reason = "; ".join(rule._match_reasons(complaint, now))
        log = self.env["iso10002.escalation.log"].sudo()._claim(complaint, rule, now, reason)
        if not log:
            return False
        complaint._iso_escalation_actions(rule, reason, now)
        return True

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
            auto_submitted="auto-generated",
        )

    @api.model
    def _cron_escalate(self, batch_size=500):
        """Escalate the complaints the active rules hold for, rule by rule in
        sequence order, one batch per call. Each rule escalates a complaint at
        most once per level, so running twice changes nothing."""
        self._refresh_due_deadlines()
        now = fields.Datetime.now()
        already = []

        def escalate(complaint, rule):
            if not complaint._iso_escalate(rule, now):
                already.append(complaint.number)

        self._iso_cron_batch(
            [
                (
                    rule._pending_domain(now),
                    lambda complaint, rule=rule: escalate(complaint, rule),
                    f"Escalation by the rule “{rule.name}”",
                )
                for rule in self.env["iso10002.escalation.rule"].search([])
            ],
            _logger,
            batch_size,
        )
        if already:
            _logger.info(
                "Escalation: %s complaint(s) already escalated by another run, skipped: %s",
                len(already),
                ", ".join(already),
            )
