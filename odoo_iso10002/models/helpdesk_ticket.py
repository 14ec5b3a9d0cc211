import logging
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from .helpdesk_ticket_stage import ISO_STEPS
from .iso10002_priority_matrix import LEVELS, SEVERITIES

_logger = logging.getLogger(__name__)

STEP_ORDER = [step for step, _label in ISO_STEPS]
DECISIONS = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn"),
]
RESPONSES = [
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("no_answer", "No answer"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _default_complaint_team(self):
        teams = self.env["helpdesk.ticket.team"].search(
            [
                ("is_complaint_team", "=", True),
                ("company_id", "in", [False, self.env.company.id]),
            ]
        )
        return ((teams & self.env.user.helpdesk_team_ids) or teams)[:1]

    @api.model
    def default_get(self, fields):
        # The complaints menu opens new tickets in the user's complaint team.
        context = self.env.context
        if context.get("iso10002_complaints") and not context.get("default_team_id"):
            team = self._default_complaint_team()
            if team:
                ticket = self.with_context(default_team_id=team.id)
                return super(HelpdeskTicket, ticket).default_get(fields)
        return super().default_get(fields)

    is_complaint = fields.Boolean(
        string="Complaint",
        related="team_id.is_complaint_team",
        store=True,
        index=True,
    )
    iso_step = fields.Selection(
        related="stage_id.iso_step",
        store=True,
        index=True,
    )
    stage_id = fields.Many2one(
        domain="is_complaint and [('team_ids', '=', team_id), ('iso_step', '!=', False)]"
        " or ['|', ('team_ids', '=', team_id), ('team_ids', '=', False)]",
    )
    priority = fields.Selection(compute="_compute_priority", store=True, readonly=False)

    # Receipt (ISO 10002 7.2)
    date_received = fields.Datetime(
        string="Received On",
        default=fields.Datetime.now,
        copy=False,
        index=True,
        tracking=True,
        help="When the complaint reached the organisation, on whatever channel.",
    )
    # Indexed: a customer's complaints are looked up on every ticket created
    # (open-complaint flags, repeat complaints).
    commercial_partner_id = fields.Many2one(index="btree_not_null")
    partner_phone = fields.Char(string="Phone", tracking=True)
    is_anonymous = fields.Boolean(
        string="Anonymous",
        copy=False,
        tracking=True,
        help="The complainant did not give their identity.",
    )
    preferred_contact = fields.Selection(
        [("email", "E-mail"), ("phone", "Phone"), ("post", "Post")],
        default="email",
        tracking=True,
    )
    requested_remedy = fields.Text(
        tracking=True,
        help="What the complainant asks the organisation to do.",
    )
    order_reference = fields.Char(
        string="Order / Product Reference",
        tracking=True,
    )

    # Acknowledgement (7.4) and the first entry into each step
    # Indexed: reports and management reviews select complaints by these dates.
    date_acknowledged = fields.Datetime(
        string="Acknowledged On", copy=False, readonly=True, index="btree_not_null"
    )
    date_assessment = fields.Datetime(string="Assessment Started", copy=False, readonly=True)
    date_investigation = fields.Datetime(string="Investigation Started", copy=False, readonly=True)
    date_response = fields.Datetime(string="Response Started", copy=False, readonly=True)
    date_decision_communicated = fields.Datetime(
        string="Decision Communicated On", copy=False, readonly=True, index="btree_not_null"
    )
    date_closed = fields.Datetime(
        string="First Closed On", copy=False, readonly=True, index="btree_not_null"
    )

    # Initial assessment (7.5)
    severity = fields.Selection(SEVERITIES, tracking=True, index=True)
    health_safety = fields.Boolean(
        string="Health & Safety",
        tracking=True,
        index=True,
        help="The complaint involves a risk to health or safety: it is handled "
        "immediately, with the highest priority.",
    )
    complexity = fields.Selection(LEVELS, tracking=True)
    impact = fields.Selection(
        LEVELS,
        tracking=True,
        help="Impact on the complainant and on the organisation.",
    )
    immediate_action_needed = fields.Boolean(tracking=True)
    immediate_action_possible = fields.Boolean(tracking=True)
    immediate_action_taken = fields.Text(tracking=True)

    # Investigation (7.6)
    investigator_id = fields.Many2one(
        "res.users",
        domain="[('share', '=', False)]",
        tracking=True,
    )
    # Html fields cannot be tracked: their history is in the chatter's messages.
    findings = fields.Html()
    root_cause_id = fields.Many2one(
        "iso10002.root.cause",
        tracking=True,
        index="btree_not_null",
    )
    related_complaint_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Related Complaints",
        compute="_compute_related_complaint_ids",
        help="Complaints of the same customer or category received within the "
        "company's repeat window.",
    )
    is_repeat = fields.Boolean(
        string="Repeat Complaint",
        compute="_compute_is_repeat",
        store=True,
        help="The customer had already complained within the repeat window.",
    )
    corrective_action_ids = fields.Many2many(
        "iso10002.corrective.action",
        "iso10002_corrective_action_ticket_rel",
        "ticket_id",
        "action_id",
        string="Corrective Actions",
        copy=False,
    )

    # Response and decision (7.7)
    decision = fields.Selection(DECISIONS, tracking=True, index=True, copy=False)
    remedy_type_ids = fields.Many2many(
        "iso10002.remedy.type",
        string="Remedies",
        copy=False,
    )
    has_compensation = fields.Boolean(compute="_compute_has_compensation")
    compensation_amount = fields.Monetary(
        string="Compensation", currency_field="currency_id", tracking=True, copy=False
    )
    currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.company.currency_id,
        required=True,
    )
    decision_text = fields.Html(
        string="Decision and Explanation",
        copy=False,
        help="Sent to the complainant when the decision is communicated.",
    )
    approval_required = fields.Boolean(
        compute="_compute_approval_required",
        help="The compensation is above the company's approval limit.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)

    # Complainant's answer and closing (7.9)
    complainant_response = fields.Selection(
        RESPONSES, string="Complainant's Answer", tracking=True, copy=False, index=True
    )
    date_complainant_response = fields.Datetime(string="Answered On", readonly=True, copy=False)
    rejection_reason = fields.Text(tracking=True, copy=False)
    reopen_count = fields.Integer(string="Reopened", readonly=True, copy=False)

    # CRM: same field as OCA helpdesk_mgmt_crm, so that both addons can live together.
    lead_ids = fields.One2many("crm.lead", "ticket_id", string="Opportunities")
    lead_count = fields.Integer(compute="_compute_lead_count")

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        for ticket in self:
            # a count, for handlers too, who may not read the salespeople's leads
            ticket.lead_count = len(ticket.sudo().lead_ids)

    @api.depends("severity", "impact", "health_safety", "immediate_action_needed")
    def _compute_priority(self):
        matrix_model = self.env["iso10002.priority.matrix"].sudo()
        matrix = matrix_model._matrix()
        for ticket in self.filtered("is_complaint"):
            priority = matrix_model._priority_for(
                matrix,
                ticket.severity,
                ticket.impact,
                ticket.health_safety,
                ticket.immediate_action_needed,
            )
            if priority:
                ticket.priority = priority

    @api.depends("commercial_partner_id", "category_id", "date_received")
    def _compute_related_complaint_ids(self):
        for ticket in self:
            domain = ticket._related_complaints_domain()
            ticket.related_complaint_ids = self.search(domain, limit=20) if domain else False

    @api.depends("commercial_partner_id", "date_received", "is_complaint")
    def _compute_is_repeat(self):
        complaints = self.filtered(
            lambda t: t.is_complaint and t.commercial_partner_id and t.date_received
        )
        (self - complaints).is_repeat = False
        if not complaints:
            return

        def window(ticket):
            return timedelta(days=ticket.company_id.iso10002_repeat_window_days)

        earlier = self.search(
            [
                ("is_complaint", "=", True),
                ("commercial_partner_id", "in", complaints.commercial_partner_id.ids),
                ("date_received", ">=", min(c.date_received - window(c) for c in complaints)),
            ]
        )
        for ticket in complaints:
            since = ticket.date_received - window(ticket)
            ticket.is_repeat = any(
                other.commercial_partner_id == ticket.commercial_partner_id
                and since <= other.date_received < ticket.date_received
                for other in earlier
                if other != ticket
            )

    @api.depends("remedy_type_ids")
    def _compute_has_compensation(self):
        for ticket in self:
            ticket.has_compensation = any(ticket.remedy_type_ids.mapped("is_compensation"))

    @api.depends("compensation_amount", "currency_id", "company_id")
    def _compute_approval_required(self):
        for ticket in self:
            company = ticket.company_id or self.env.company
            amount = ticket.currency_id._convert(
                ticket.compensation_amount,
                company.currency_id,
                company,
                fields.Date.context_today(ticket),
            )
            ticket.approval_required = (
                company.currency_id.compare_amounts(amount, company.iso10002_compensation_limit) > 0
            )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        if self.env.context.get("iso10002_complaints"):
            return stages.search(["|", ("id", "in", stages.ids), ("iso_step", "!=", False)])
        return super()._read_group_stage_ids(stages, domain)

    @api.constrains("compensation_amount")
    def _check_compensation_amount(self):
        if any(ticket.compensation_amount < 0 for ticket in self):
            raise ValidationError(self.env._("A compensation cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        teams = self.env["helpdesk.ticket.team"]
        default_team = teams.browse(self.env.context.get("default_team_id"))
        matrix_model = self.env["iso10002.priority.matrix"].sudo()
        matrix = matrix_model._matrix()
        pending = []
        for vals in vals_list:
            team = teams.browse(vals["team_id"]) if vals.get("team_id") else default_team
            to_number = vals.get("number", "/") == "/"
            if team.is_complaint_team:
                if to_number:
                    vals["number"] = self._prepare_complaint_number(
                        vals.get("company_id") or team.company_id.id
                    )
                    to_number = False
                # helpdesk's default priority would otherwise pre-empt the compute
                priority = "priority" not in vals and matrix_model._priority_for(
                    matrix,
                    vals.get("severity"),
                    vals.get("impact"),
                    vals.get("health_safety"),
                    vals.get("immediate_action_needed"),
                )
                if priority:
                    vals["priority"] = priority
            pending.append(to_number)
        tickets = super().create(vals_list)
        # A team computed after creation (from the assigned user) is known only now.
        for ticket, to_number in zip(tickets, pending, strict=True):
            if to_number and ticket.is_complaint:
                ticket.number = self._prepare_complaint_number(ticket.company_id.id)
        complaints = tickets.filtered("is_complaint")
        complaints._iso_check_step()
        complaints._iso_stamp_steps()
        complaints.filtered(
            lambda c: (
                c.team_id.complaint_auto_acknowledge
                and c.iso_step == "received"
                and c._complainant_email()
            )
        )._iso_move_to("acknowledged")
        complaints.filtered("health_safety")._flag_health_safety()
        return tickets

    def write(self, vals):
        newcomers = (
            self.filtered(lambda t: not t.is_complaint) if "team_id" in vals else self.browse()
        )
        if {"compensation_amount", "currency_id"} & vals.keys():
            vals = {**vals, "approved_by_id": False, "date_approved": False}
        before = {ticket: ticket.iso_step for ticket in self} if "stage_id" in vals else {}
        raised_health_safety = (
            self.filtered(lambda t: not t.health_safety) if vals.get("health_safety") else None
        )
        res = super().write(vals)
        for ticket in newcomers.filtered("is_complaint"):
            old_number = ticket.number
            ticket.number = self._prepare_complaint_number(ticket.company_id.id)
            ticket.message_post(
                body=self.env._(
                    "Registered as complaint %(reference)s (was ticket %(number)s).",
                    reference=ticket.number,
                    number=old_number,
                ),
            )
        if before:
            moved = self.filtered(lambda t: t.is_complaint and t.iso_step != before[t])
            moved._iso_check_step()
            moved._iso_stamp_steps()
            for ticket in moved:
                ticket._iso_step_entered(before[ticket])
        if raised_health_safety:
            raised_health_safety.filtered("is_complaint")._flag_health_safety()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_acknowledge(self):
        """Acknowledge receipt: by mail when there is an address, else as
        done by phone or in person (ISO 10002 7.4)."""
        for complaint in self:
            if complaint.date_acknowledged:
                raise UserError(
                    self.env._("Complaint %(ref)s is already acknowledged.", ref=complaint.number)
                )
            complaint._iso_move_to("acknowledged")
        return True

    def action_approve_compensation(self):
        if not self.env.user.has_group("odoo_iso10002.group_complaint_manager"):
            raise UserError(self.env._("Only a complaint manager can approve a compensation."))
        self.write({"approved_by_id": self.env.user.id, "date_approved": fields.Datetime.now()})
        return True

    def action_communicate_decision(self):
        """Send the decision with the recourse open to the complainant (7.8)."""
        self._iso_move_to("decision_communicated")
        return True

    def action_record_acceptance(self):
        """The complainant accepted the decision (portal, or told a handler)."""
        self._record_complainant_response("accepted")
        return True

    def action_record_rejection(self):
        for complaint in self:
            if not complaint.rejection_reason:
                raise UserError(
                    self.env._("Write down why the complainant rejects the decision first.")
                )
        self._record_complainant_response("rejected")
        return True

    def action_withdraw(self):
        """The complainant withdrew the complaint: it may be closed at once."""
        self.write({"decision": "withdrawn"})
        self._iso_move_to("closed")
        return True

    # ------------------------------------------------------------------
    # ISO process
    # ------------------------------------------------------------------

    def _iso_stage(self, step):
        """The first stage of the complaint's team that stands for `step`."""
        self.ensure_one()
        stages = self.team_id._get_applicable_stages().filtered(lambda s: s.iso_step == step)
        if not stages:
            raise UserError(
                self.env._(
                    "Team %(team)s has no stage for the ISO step “%(step)s”.",
                    team=self.team_id.display_name,
                    step=dict(ISO_STEPS)[step],
                )
            )
        return stages[0]

    def _iso_move_to(self, step):
        for complaint in self:
            complaint.stage_id = complaint._iso_stage(step)

    def _iso_missing(self, step):
        """What the complaint lacks to enter `step`: the ISO 10002 checkpoints.

        Checkpoints are cumulative along the process; a withdrawn complaint may
        be closed from any step.
        """
        self.ensure_one()
        if step == "closed" and self.decision == "withdrawn":
            return []
        rank = STEP_ORDER.index(step)
        _ = self.env._
        checks = [
            ("assessment", self.date_acknowledged, _("an acknowledgement")),
            ("investigation", self.severity, _("the severity")),
            ("investigation", self.complexity, _("the complexity")),
            ("investigation", self.impact, _("the impact")),
            (
                "investigation",
                self.immediate_action_taken or not self.immediate_action_needed,
                _("the immediate action taken"),
            ),
            ("response", not tools.is_html_empty(self.findings), _("the investigation findings")),
            ("response", self.root_cause_id, _("the root cause")),
            ("decision_communicated", self.decision, _("a decision")),
            (
                "decision_communicated",
                not tools.is_html_empty(self.decision_text),
                _("the decision text"),
            ),
            (
                "decision_communicated",
                not self.has_compensation or self.compensation_amount,
                _("the compensation amount"),
            ),
            (
                "decision_communicated",
                not self.approval_required or self.approved_by_id,
                _("a complaint manager's approval of the compensation"),
            ),
            (
                "closed",
                self.complainant_response in ("accepted", "no_answer"),
                _("the complainant's acceptance of the decision, or no answer in time"),
            ),
        ]
        return [
            label
            for from_step, ok, label in checks
            if rank >= STEP_ORDER.index(from_step) and not ok
        ]

    def _iso_check_step(self):
        for complaint in self.filtered("iso_step"):
            missing = complaint._iso_missing(complaint.iso_step)
            if missing:
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s cannot enter the step “%(step)s”: "
                        "it still needs %(missing)s.",
                        ref=complaint.number,
                        step=complaint.stage_id.name,
                        missing=", ".join(missing),
                    )
                )

    def _iso_stamp_steps(self):
        """Time-stamp the first entry into each step; dates feed deadlines and KPIs."""
        now = fields.Datetime.now()
        for step in set(self.mapped("iso_step")) - {False}:
            fname = f"date_{step}"
            self.filtered_domain([("iso_step", "=", step), (fname, "=", False)]).write({fname: now})

    def _iso_step_entered(self, previous_step):
        """Side effects of a step change the complainant is told about."""
        self.ensure_one()
        if self.iso_step == "acknowledged" and previous_step == "received":
            self._send_acknowledgement()
        elif self.iso_step == "decision_communicated":
            self._send_decision()
        elif self.iso_step == "closed" and previous_step != "closed":
            self.message_post(
                body=self.env._("Complaint closed."),
                subtype_xmlid="mail.mt_note",
            )
            self._survey_schedule()

    def _complainant_email(self):
        self.ensure_one()
        return self.partner_id.email or self.partner_email

    def _post_to_complainant(self, template, note):
        """Mail the complainant from a template (record or xml id); without an
        address, log `note`: the handler informs them another way."""
        self.ensure_one()
        if isinstance(template, str):
            template = self.env.ref(template)
        if self.partner_id.email:
            self.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
                partner_ids=self.partner_id.ids,
            )
        elif self.partner_email:
            # No contact (e-mail intake, anonymous complainant): mail the address
            # directly, so that no contact is created for it.
            template.send_mail(
                self.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={"email_to": self.partner_email},
            )
            self.message_post(
                body=self.env._(
                    "“%(subject)s” sent to %(email)s.",
                    subject=template._render_field("subject", self.ids)[self.id],
                    email=self.partner_email,
                ),
                subtype_xmlid="mail.mt_note",
            )
        else:
            self.message_post(body=note, subtype_xmlid="mail.mt_note")

    def _send_acknowledgement(self):
        self._post_to_complainant(
            "odoo_iso10002.mail_template_complaint_acknowledgement",
            self.env._(
                "Acknowledged without e-mail (no address): the complainant is told "
                "by phone, post or in person."
            ),
        )

    def _send_decision(self):
        self.complainant_response = False
        self.date_complainant_response = False
        self._post_to_complainant(
            "odoo_iso10002.mail_template_complaint_decision",
            self.env._(
                "Decision communicated without e-mail (no address): the complainant "
                "is told by phone, post or in person."
            ),
        )

    def _record_complainant_response(self, response, reason=None):
        """The complainant's answer to the decision (7.9): acceptance or no
        answer closes; a rejection re-opens the investigation."""
        for complaint in self:
            if complaint.iso_step != "decision_communicated":
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s has no decision awaiting the complainant's answer.",
                        ref=complaint.number,
                    )
                )
            values = {
                "complainant_response": response,
                "date_complainant_response": fields.Datetime.now(),
            }
            if reason:
                values["rejection_reason"] = reason
            if response == "rejected":
                values["reopen_count"] = complaint.reopen_count + 1
                complaint.write(values)
                complaint._iso_move_to("investigation")
                complaint.message_post(
                    body=self.env._(
                        "The complainant rejected the decision: the complaint is re-opened."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            else:
                complaint.write(values)
                complaint._iso_move_to("closed")

    def _flag_health_safety(self):
        """A health-and-safety complaint is handled immediately: its owner (or
        the team leader) gets an activity due today."""
        for complaint in self:
            user = complaint.user_id or complaint.team_id.user_id or self.env.user
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(complaint),
                summary=self.env._("Health & safety: handle immediately"),
                user_id=user.id,
            )

    def _related_complaints_domain(self):
        self.ensure_one()
        if not (self.is_complaint and self.date_received):
            return []
        window = timedelta(days=(self.company_id or self.env.company).iso10002_repeat_window_days)
        same = []
        if self.commercial_partner_id:
            same.append([("commercial_partner_id", "=", self.commercial_partner_id.id)])
        if self.category_id:
            same.append([("category_id", "=", self.category_id.id)])
        if not same:
            return []
        return expression.AND(
            [
                [("is_complaint", "=", True), ("id", "!=", self._origin.id or 0)],
                [("date_received", ">=", self.date_received - window)],
                [("date_received", "<=", self.date_received + window)],
                expression.OR(same),
            ]
        )

    def action_create_recovery_opportunity(self):
        """An opportunity to win the customer back, for the customer's
        salesperson; the complaint's content stays on the complaint
        (confidentiality). Created as superuser: it belongs to the salesperson,
        whom the handler may not create leads for."""
        self.ensure_one()
        partner = self.partner_id
        salesperson = partner.commercial_partner_id.user_id or partner.user_id
        lead = (
            self.env["crm.lead"]
            .sudo()
            .create(
                {
                    "name": self.env._("Service recovery: %(ref)s", ref=self.number),
                    "type": "opportunity",
                    "partner_id": partner.id,
                    # the sales team follows from the salesperson (crm.lead's compute)
                    "user_id": salesperson.id,
                    "ticket_id": self.id,
                }
            )
        )
        lead.message_post(
            body=self.env._(
                "Created by %(user)s after complaint %(ref)s.",
                user=self.env.user.name,
                ref=self.number,
            ),
            subtype_xmlid="mail.mt_note",
        )
        lead = lead.with_env(self.env)
        if lead.has_access("read"):
            return lead.get_formview_action()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Opportunity created for %(salesperson)s.",
                    salesperson=salesperson.name or self.env._("the sales team"),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_view_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_opportunities")
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    @api.model
    def _prepare_complaint_number(self, company_id):
        """Next complaint reference: its own sequence, apart from ticket numbers."""
        sequence = self.env["ir.sequence"].with_company(company_id)
        return sequence.next_by_code("iso10002.complaint") or "/"

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Mail-gateway intake: name the sender even when not a known contact
        (mail.thread keeps the address in partner_email)."""
        values = dict(custom_values or {})
        if not msg_dict.get("author_id") and msg_dict.get("email_from"):
            name, email = tools.parse_contact_from_email(msg_dict["email_from"])
            values.setdefault("partner_name", name or email)
        values.setdefault(
            "channel_id",
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").id,
        )
        return super().message_new(msg_dict, custom_values=values)

    def _iso_each(self, func, logger, what):
        """Call `func` on each complaint in a savepoint of its own: one that
        fails is logged on `logger` and left for the next run, the others go
        on. Returns the complaints that failed."""
        failed = self.browse()
        for complaint in self:
            try:
                with self.env.cr.savepoint():
                    func(complaint)
            except Exception:
                logger.exception("%s failed for complaint %s", what, complaint.number)
                failed |= complaint
        return failed

    def _cron_close_unanswered(self, batch_size=200):
        """Close complaints whose decision went unanswered for the company's
        number of days (7.9). Idempotent; one failing complaint is logged and
        does not stop the others."""
        now = fields.Datetime.now()
        todo = self.browse()
        for company in self.env["res.company"].search([]):
            todo |= self.search(
                [
                    ("is_complaint", "=", True),
                    ("company_id", "=", company.id),
                    ("iso_step", "=", "decision_communicated"),
                    ("complainant_response", "=", False),
                    ("last_stage_update", "<=", now - timedelta(days=company.iso10002_answer_days)),
                ]
            )
        done = 0
        for batch in tools.split_every(batch_size, todo.ids, self.browse):
            batch._iso_each(
                lambda complaint: complaint._record_complainant_response("no_answer"),
                _logger,
                "Closing the unanswered decision",
            )
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(todo) - done)
