import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id

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
                ._iso_each_batch(
                    lambda complaints, rule=rule: complaints._iso_escalate(rule, now),
                    _logger,
                    f"Escalation by the rule “{rule.name}”",
                )
            )
            escalated = (
                self.env["iso10002.escalation.log"]
                .sudo()
                .search([("ticket_id", "in", self.ids), ("digest_pending", "=", True)])
            )
            escalated._send_digests(now)
            if busy and (cron := self._iso_ref("odoo_iso10002.ir_cron_escalate_complaints")):
                # held by another transaction: the cron escalates them at once
                # after this one, rather than at its next hourly run
                cron.sudo()._trigger()

    def _iso_escalate(self, rule, now):
        """Log the escalation of these complaints by `rule`, then act on those
        logged. Returns the complaints left alone: the rule already escalated
        them at its level (another run did, since they were selected)."""
        complaints = self.sudo()
        reasons = {
            complaint_id: "; ".join(texts)
            for complaint_id, texts in rule._match_reasons(complaints, now).items()
        }
        claimed = self.env["iso10002.escalation.log"].sudo()._claim(complaints, rule, now, reasons)
        if claimed:
            claimed._iso_escalation_actions(rule, reasons, now)
        return complaints - claimed

    def _iso_escalation_actions(self, rule, reasons, now):
        """What the rule does to the complaints it escalated, in as few writes
        as the values allow; `reasons` maps each complaint's id to the reason
        logged."""
        self._iso_escalation_write(rule)
        if rule.follower_partner_ids:
            self.message_subscribe(partner_ids=rule.follower_partner_ids.ids)
        # Its own history keeps each escalation, without notifying anyone: the
        # recipients are told by the digest.
        self._iso_log_notes(
            {
                complaint.id: self.env._(
                    "Escalated to level %(level)s by the rule “%(rule)s”: %(reason)s.",
                    level=rule.level,
                    rule=rule.name,
                    reason=reasons[complaint.id],
                )
                for complaint in self
            }
        )
        if rule.mail_template_id:
            # a mail to each complainant, each their own
            for complaint in self:
                complaint._iso_escalation_mail(rule.mail_template_id)

    def _iso_log_notes(self, texts):
        """Log a note by OdooBot on each of these complaints, `texts` mapping
        their ids to plain text: the rows `_message_log_batch` creates, in one
        INSERT. A backlog escalates a thousand complaints at once, and the ORM
        spends a millisecond per message on defaults and on sanitising a body
        that is escaped text anyway."""
        author = self.env.ref("base.partner_root").sudo()
        email_from = author.email_formatted
        reply_to = self.env["mail.thread"]._notify_get_reply_to(default=email_from)[False]
        note = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        now, uid = self.env.cr.now(), self.env.uid
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_message (author_id, email_from, reply_to, model, res_id,
                       body, message_type, is_internal, subtype_id, email_add_signature,
                       message_id, date, create_uid, create_date, write_uid, write_date)
                   VALUES %s""",
                SQL(", ").join(
                    SQL(
                        "(%s, %s, %s, %s, %s, %s, 'notification', TRUE, %s, FALSE, %s, %s, %s, %s,"
                        " %s, %s)",
                        author.id,
                        email_from,
                        reply_to,
                        self._name,
                        res_id,
                        Markup("<p>%s</p>") % text,
                        note,
                        generate_tracking_message_id("message-notify"),
                        now,
                        uid,
                        now,
                        uid,
                        now,
                    )
                    for res_id, text in texts.items()
                ),
            )
        )
        self.invalidate_recordset(["message_ids"])

    def _iso_escalation_write(self, rule):
        """Raise the level, assign and prioritise: one write per group of
        complaints given the same values."""
        self.filtered(lambda c: c.escalation_level < rule.level).with_context(
            # the chatter note says it already
            mail_notrack=True
        ).write({"escalation_level": rule.level})
        groups = defaultdict(lambda: self.browse())
        for complaint in self:
            values = {}
            assignee = rule.assign_user_id or (
                rule.assign_team_leader and complaint.team_id.user_id
            )
            if assignee and assignee != complaint.user_id:
                values["user_id"] = assignee.id
            if rule.raise_priority and complaint.priority != "3":
                values["priority"] = "3"
            if values:
                groups[tuple(sorted(values.items()))] |= complaint
        for values, complaints in groups.items():
            complaints.write(dict(values))

    def _iso_escalation_recipients(self, rule):
        """The internal users the rule notifies, each with the complaints they
        are told of: those of the companies they work in."""
        users = (rule.notify_user_ids | rule.notify_group_id.users).filtered(
            lambda user: user.active and not user.share
        )
        complaints_of = defaultdict(lambda: self.browse())
        for complaint in self:
            concerned = users
            if rule.notify_team_leader:
                concerned |= complaint.team_id.user_id.filtered(
                    lambda user: user.active and not user.share
                )
            for user in concerned:
                if complaint.company_id in user.company_ids:
                    complaints_of[user] |= complaint
        return complaints_of

    def _iso_escalation_digest(self, rule, reasons, now):
        """Tell each recipient once of the complaints the rule escalated for
        them: of one, by a message and a to-do on the complaint; of several,
        by a digest of their own listing them, with the to-do on it and a
        message linking to it. Recipients told of the same complaint share
        its message."""
        recipients = defaultdict(lambda: self.env["res.users"])
        for user, complaints in self._iso_escalation_recipients(rule).items():
            recipients[complaints] |= user
        partner_root = self.env.ref("base.partner_root").id
        todos = []

        def tell(record, users, summary, body):
            record.message_notify(
                body=body,
                subject=summary,
                author_id=partner_root,
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_note",
                email_layout_xmlid="mail.mail_notification_light",
            )
            todos.extend((record, user, summary, body) for user in users)

        for complaints, users in recipients.items():
            complaints._iso_let_read(users)
            if len(complaints) == 1:
                summary = self.env._("Escalated complaint: level %(level)s", level=rule.level)
                body = Markup("<p>%s</p>") % self.env._(
                    "Escalated to level %(level)s by the rule “%(rule)s”: %(reason)s.",
                    level=rule.level,
                    rule=rule.name,
                    reason=reasons[complaints.id],
                )
                tell(complaints, users, summary, body)
                continue
            summary = self.env._(
                "%(count)s complaints escalated: level %(level)s",
                count=len(complaints),
                level=rule.level,
            )
            text = self.env._(
                "%(count)s complaints reached level %(level)s by the rule “%(rule)s”: %(numbers)s.",
                count=len(complaints),
                level=rule.level,
                rule=rule.name,
                numbers=complaints._iso_digest_numbers(),
            )
            digests = (
                self.env["iso10002.escalation.digest"]
                .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
                .create(
                    [
                        {
                            "rule_id": rule.id,
                            "level": rule.level,
                            "date": now,
                            "user_id": user.id,
                            "company_id": complaints.company_id.id
                            if len(complaints.company_id) == 1
                            else False,
                            "ticket_ids": [Command.set(complaints.ids)],
                            "complaint_count": len(complaints),
                        }
                        for user in users
                    ]
                )
            )
            for digest in digests:
                body = Markup('<p>%s</p><p><a href="%s">%s</a></p>') % (
                    text,
                    digest._url(),
                    self.env._("Open the list of these complaints"),
                )
                tell(digest, digest.user_id, summary, body)
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        activities = [
            {
                "activity_type_id": todo_type.id,
                "res_model_id": self.env["ir.model"]._get_id(record._name),
                "res_id": record.id,
                "date_deadline": fields.Date.context_today(
                    self.with_context(tz=user.tz or "UTC"), now
                )
                + timedelta(days=rule.activity_days),
                "summary": summary,
                "note": body,
                "user_id": user.id,
            }
            for record, user, summary, body in todos
        ]
        if activities:
            # The message already tells them: no second mail for the assignment.
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
                activities
            )

    def _iso_let_read(self, users):
        """Make `users` followers of those of these complaints they may not
        read otherwise, so that they open the complaints they are told of; a
        user who reads them already (a manager, a handler of the team) is not
        made to follow a whole backlog."""
        for user in users:
            # a search: the record rules in one query, not record by record
            readable = (
                self.with_user(user)
                .with_context(active_test=False)
                .search([("id", "in", self.ids)])
            )
            unreadable = self - readable
            unreadable.message_subscribe(partner_ids=user.partner_id.ids)

    def _iso_digest_numbers(self, shown=20):
        """The complaint numbers a digest lists: the first `shown` of them."""
        numbers = ", ".join(self[:shown].mapped("number"))
        if len(self) > shown:
            numbers = self.env._(
                "%(numbers)s and %(count)s more", numbers=numbers, count=len(self) - shown
            )
        return numbers

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
        sequence order, one batch per call, each rule's share of it at once;
        the last call of the run sends the digests. Each rule escalates a
        complaint at most once per level, so running twice changes nothing."""
        self._refresh_due_deadlines()
        now = fields.Datetime.now()
        already = self.browse()

        def escalate(complaints, rule):
            nonlocal already
            already |= complaints._iso_escalate(rule, now)

        remaining = self._iso_cron_batch(
            [
                (
                    rule._pending_domain(now),
                    lambda complaints, rule=rule: escalate(complaints, rule),
                    f"Escalation by the rule “{rule.name}”",
                )
                for rule in self.env["iso10002.escalation.rule"].search([])
            ],
            _logger,
            batch_size,
            batched=True,
        )
        if not remaining:
            # the run ends: one digest per recipient and rule for all its calls
            self.env["iso10002.escalation.log"].search(
                [("digest_pending", "=", True)]
            )._send_digests(now)
        if already:
            _logger.info(
                "Escalation: %s complaint(s) already escalated by another run, skipped: %s",
                len(already),
                ", ".join(already.mapped("number")),
            )
