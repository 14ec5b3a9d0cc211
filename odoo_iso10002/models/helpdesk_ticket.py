import logging
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from ..const import (
    DECISIONS,
    ISO_STEPS,
    LEVELS,
    MANAGER_GROUP,
    RESPONSES,
    SEVERITIES,
    STEP_ORDER,
)

_logger = logging.getLogger(__name__)

# A change of these may change which complaints are repeats (_iso_receipt).
RECEIPT_FIELDS = {"partner_id", "commercial_partner_id", "date_received", "team_id", "user_id"}


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

    # The stored computed fields of a ticket are computed before its INSERT
    # (precompute): a new ticket is written in one statement, without an
    # UPDATE at the flush, and the searches made while it is created (repeat
    # complaints) have nothing of it to flush first. helpdesk_mgmt's fields
    # that ours depend on are precomputed for that too, their compute restated
    # (Odoo checks an override's precompute before merging it with the field).
    team_id = fields.Many2one(
        compute="_compute_team_id", store=True, readonly=False, precompute=True
    )
    user_id = fields.Many2one(
        compute="_compute_user_id", store=True, readonly=False, precompute=True
    )
    unattended = fields.Boolean(related="stage_id.unattended", store=True, precompute=True)
    is_complaint = fields.Boolean(
        string="Complaint",
        related="team_id.is_complaint_team",
        store=True,
        index=True,
        precompute=True,
    )
    iso_step = fields.Selection(
        related="stage_id.iso_step",
        store=True,
        index=True,
        precompute=True,
    )
    stage_id = fields.Many2one(
        compute="_compute_stage_id",
        store=True,
        readonly=False,
        precompute=True,
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
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index="btree_not_null",
        precompute=True,
    )
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
        precompute=True,
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
    remedy_ids = fields.One2many("iso10002.remedy", "ticket_id", string="Remedy Lines", copy=False)
    # the remedies decided, kept in the table of the former tags for searches and the analysis
    remedy_type_ids = fields.Many2many(
        "iso10002.remedy.type",
        relation="helpdesk_ticket_iso10002_remedy_type_rel",
        column1="helpdesk_ticket_id",
        column2="iso10002_remedy_type_id",
        string="Remedies",
        compute="_compute_remedy_type_ids",
        store=True,
    )
    has_compensation = fields.Boolean(
        string="Has a Monetary Remedy", compute="_compute_has_compensation"
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    remedy_cost = fields.Monetary(
        string="Cost of Remedies",
        currency_field="company_currency_id",
        compute="_compute_remedy_cost",
        store=True,
        precompute=True,
        help="The remedies carrying an amount, in company currency, not cancelled.",
    )
    decision_text = fields.Html(
        string="Decision and Explanation",
        copy=False,
        help="Sent to the complainant when the decision is communicated.",
    )
    approval_required = fields.Boolean(
        compute="_compute_approval_required",
        help="The cost of the remedies is above the company's approval limit.",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    approved_amount = fields.Monetary(
        currency_field="company_currency_id",
        readonly=True,
        copy=False,
        help="The cost of the remedies the complaint manager approved.",
    )

    # Complainant's answer and closing (7.9)
    complainant_response = fields.Selection(
        RESPONSES, string="Complainant's Answer", tracking=True, copy=False, index=True
    )
    date_complainant_response = fields.Datetime(string="Answered On", readonly=True, copy=False)
    rejection_reason = fields.Text(tracking=True, copy=False)
    reopen_count = fields.Integer(string="Reopened", readonly=True, copy=False)

    complainant_email_warning = fields.Char(
        compute="_compute_complainant_email_warning",
        help="Why the complaint is not acknowledged by e-mail.",
    )

    # CRM: same field as OCA helpdesk_mgmt_crm, so that both addons can live together.
    lead_ids = fields.One2many("crm.lead", "ticket_id", string="Opportunities")
    lead_count = fields.Integer(compute="_compute_lead_count")

    def _auto_init(self):
        res = super()._auto_init()
        # The complaints kanban counts complaints by stage (and the highest
        # escalation level) over the whole table: an index-only scan of the
        # complaints instead of a read of every ticket row.
        tools.create_index(
            self.env.cr,
            "helpdesk_ticket_complaint_stage_index",
            self._table,
            ["stage_id", "company_id", "escalation_level"],
            where="is_complaint AND active",
        )
        return res

    @api.depends("number", "name", "is_complaint")
    def _compute_display_name(self):
        # helpdesk_mgmt's "number - name" reads "/ - False" on a form not yet
        # saved: the number is given on creation.
        res = super()._compute_display_name()
        for ticket in self.filtered(lambda t: not t.number or t.number == "/"):
            new = self.env._("New complaint") if ticket.is_complaint else self.env._("New ticket")
            ticket.display_name = f"{new} - {ticket.name}" if ticket.name else new
        return res

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        for ticket in self:
            # a count, for handlers too, who may not read the salespeople's leads
            ticket.lead_count = len(ticket.sudo().lead_ids)

    @api.depends("partner_id.email", "partner_email", "date_acknowledged")
    def _compute_complainant_email_warning(self):
        for ticket in self:
            given = ticket.partner_id.email or ticket.partner_email
            ticket.complainant_email_warning = (
                given
                and ticket.is_complaint
                and not ticket.date_acknowledged
                and not ticket._complainant_email()
                and self.env._(
                    "“%(given)s” is not an e-mail address: the complaint was not "
                    "acknowledged by e-mail. Correct the address, or tell the "
                    "complainant by phone, post or in person, then press Acknowledge.",
                    given=given,
                )
            )

    @api.depends("severity", "impact", "health_safety", "immediate_action_needed")
    def _compute_priority(self):
        matrix_model = self.env["iso10002.priority.matrix"]
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

        earlier = self.search_fetch(
            [
                ("is_complaint", "=", True),
                ("commercial_partner_id", "in", complaints.commercial_partner_id.ids),
                ("date_received", ">=", min(c.date_received - window(c) for c in complaints)),
            ],
            ["commercial_partner_id", "date_received"],
        )
        for ticket in complaints:
            since = ticket.date_received - window(ticket)
            ticket.is_repeat = any(
                other.commercial_partner_id == ticket.commercial_partner_id
                and since <= other.date_received < ticket.date_received
                for other in earlier
                if other != ticket
            )

    def _iso_decided_remedies(self):
        """The remedy lines that stand: all but the cancelled ones."""
        return self.remedy_ids.filtered(lambda r: r.state != "cancelled")

    @api.depends("remedy_ids.state", "remedy_ids.remedy_type_id")
    def _compute_remedy_type_ids(self):
        for ticket in self:
            ticket.remedy_type_ids = ticket._iso_decided_remedies().remedy_type_id

    @api.depends("remedy_ids.state", "remedy_ids.remedy_type_id.is_compensation")
    def _compute_has_compensation(self):
        for ticket in self:
            ticket.has_compensation = any(ticket._iso_decided_remedies().mapped("has_amount"))

    @api.depends("remedy_ids.state", "remedy_ids.amount")
    def _compute_remedy_cost(self):
        for ticket in self:
            ticket.remedy_cost = sum(ticket._iso_decided_remedies().mapped("amount"))

    @api.depends("remedy_cost", "company_id.iso10002_compensation_limit")
    def _compute_approval_required(self):
        for ticket in self:
            company = ticket.company_id or self.env.company
            ticket.approval_required = (
                company.currency_id.compare_amounts(
                    ticket.remedy_cost, company.iso10002_compensation_limit
                )
                > 0
            )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        if self.env.context.get("iso10002_complaints"):
            return stages.search(["|", ("id", "in", stages.ids), ("iso_step", "!=", False)])
        return super()._read_group_stage_ids(stages, domain)

    # ------------------------------------------------------------------
    # One create and one write: they detect the complaint events and call
    # one hook per event. The concern files (deadlines, escalation, surveys,
    # access, ...) extend the hooks, never create or write.
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._iso_check_values(vals)
        teams = [self._iso_numbering_team(vals) for vals in vals_list]
        auto_numbered = [vals.get("number", "/") == "/" for vals in vals_list]
        self._iso_prepare_priority(vals_list, teams)
        tickets = super().create(vals_list)
        # A team computed at creation (from the assigned user) is known only now.
        tickets.browse(
            ticket.id
            for ticket, team, auto in zip(tickets, teams, auto_numbered, strict=True)
            if auto and ticket.is_complaint and not team.is_complaint_team
        )._iso_renumber()
        complaints = tickets.filtered("is_complaint")
        complaints._iso_on_created()
        complaints.filtered("health_safety")._iso_on_health_safety_raised()
        tickets.filtered("is_confidential")._iso_on_confidentiality_changed()
        return tickets

    def write(self, vals):
        self._iso_check_values(vals)
        keys = vals.keys()
        outside = (
            self.filtered(lambda t: not t.is_complaint) if {"team_id", "user_id"} & keys else None
        )
        stages = {ticket: ticket.stage_id for ticket in self} if "stage_id" in keys else None
        unflagged = (
            self.filtered(lambda t: not t.health_safety) if vals.get("health_safety") else None
        )
        responses = (
            {ticket: ticket.complainant_response for ticket in self}
            if vals.get("complainant_response")
            else None
        )
        # anonymising removes the customer, not the complaint from its history
        receipts = (
            {ticket: ticket._iso_receipt() for ticket in self}
            if RECEIPT_FIELDS & keys and "anonymised_date" not in keys
            else None
        )
        res = super().write(vals)
        complaints = self.filtered("is_complaint")
        if outside:
            (outside & complaints)._iso_on_moved_into_complaint_team()
        if stages:
            moved = complaints.filtered(lambda c: c.stage_id != stages[c])
            moved._iso_on_stage_changed(stages)
            entered = moved.filtered(lambda c: c.iso_step != stages[c].iso_step)
            entered._iso_on_step_entered({c: stages[c].iso_step for c in entered})
        if unflagged:
            (unflagged & complaints)._iso_on_health_safety_raised()
        if responses:
            complaints.filtered(
                lambda c: c.complainant_response != responses[c]
            )._iso_on_complainant_answered()
        if receipts:
            changed = self.filtered(lambda t: t._iso_receipt() != receipts[t])
            changed._iso_on_receipt_changed({t: receipts[t] for t in changed})
        if {"is_confidential", "user_id", "subject_user_id"} & keys:
            self.filtered("is_confidential")._iso_on_confidentiality_changed()
        return res

    def _iso_check_values(self, vals):
        """Refuse values the user may not write, or clean them, before
        anything is written (on creation, `self` is empty)."""

    def _iso_on_created(self):
        """Complaints were created: check and time-stamp their step."""
        self._iso_check_step()
        self._iso_stamp_steps()
        self._iso_refresh_later_repeats()

    def _iso_on_moved_into_complaint_team(self):
        """Tickets moved into a complaint team become complaints with a
        complaint reference; the chatter keeps the old number."""
        for ticket in self:
            old_number = ticket.number
            ticket._iso_renumber()
            ticket.message_post(
                body=self.env._(
                    "Registered as complaint %(reference)s (was ticket %(number)s).",
                    reference=ticket.number,
                    number=old_number,
                ),
            )

    def _iso_on_receipt_changed(self, previous_receipts):
        """The tickets' customer, date received or being a complaint changed;
        `previous_receipts` maps each to its former `_iso_receipt()`."""
        self._iso_refresh_later_repeats(previous_receipts)

    def _iso_on_stage_changed(self, previous_stages):
        """The complaints moved to another stage; `previous_stages` maps each
        complaint to the stage it left."""

    def _iso_on_step_entered(self, previous_steps):
        """The complaints entered another ISO step; `previous_steps` maps each
        complaint to the step it left. The step's checkpoints must hold; the
        complainant is told of the steps they care about."""
        self._iso_check_step()
        self._iso_stamp_steps()
        for complaint in self:
            previous_step = previous_steps[complaint]
            if complaint.iso_step == "acknowledged" and previous_step == "received":
                complaint._send_acknowledgement()
            elif complaint.iso_step == "decision_communicated":
                complaint._send_decision()
            elif complaint.iso_step == "closed":
                complaint.message_post(
                    body=self.env._("Complaint closed."),
                    subtype_xmlid="mail.mt_note",
                )

    def _iso_on_health_safety_raised(self):
        """A risk to health or safety is handled immediately: whoever is
        responsible for the complaint gets a to-do due today. Extensions that
        reassign the complaint (escalation rules) act before this runs."""
        for complaint in self:
            user = complaint.user_id or complaint.team_id.user_id or self.env.user
            complaint.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(complaint),
                summary=self.env._("Health & safety: handle immediately"),
                user_id=user.id,
            )

    def _iso_on_remedies_changed(self):
        """Remedy lines of these complaints were added, removed, or changed
        their type, amount, currency or state: an approval given for another
        cost lapses."""
        lapsed = self.filtered(
            lambda c: (
                c.approved_by_id
                and c.company_currency_id.compare_amounts(c.remedy_cost, c.approved_amount)
            )
        )
        # also when a bridge's user (an accountant) changes the amount
        lapsed.sudo().write(
            {"approved_by_id": False, "date_approved": False, "approved_amount": 0.0}
        )
        # whoever delivers the last remedy (an accountant posting a credit
        # note) closes the accepted complaint, complaint rights or not
        self.sudo()._iso_close_when_ready()

    def _iso_on_complainant_answered(self):
        """The complainant answered the decision (complainant_response is set)."""

    def _iso_on_confidentiality_changed(self):
        """Confidential tickets whose confidentiality, handler or person
        concerned was set or changed."""

    # ------------------------------------------------------------------
    # Numbering and priority at creation
    # ------------------------------------------------------------------

    def _prepare_ticket_number(self, values):
        """Complaints are numbered from their own sequence, apart from ticket
        numbers: at creation, on a copy and on a move into a complaint team."""
        team = self._iso_numbering_team(values)
        if not team.is_complaint_team:
            return super()._prepare_ticket_number(values)
        company = values.get("company_id") or team.company_id.id or self.company_id.id
        sequence = self.env["ir.sequence"].with_company(company or self.env.company.id)
        return sequence.next_by_code("iso10002.complaint") or "/"

    def _iso_numbering_team(self, values):
        """The team a ticket being numbered is in: the one in `values`, else
        the copied ticket's (`self`), else the context's default."""
        teams = self.env["helpdesk.ticket.team"]
        if "team_id" in values:
            return teams.browse(values["team_id"])
        if self:
            return self.team_id
        return teams.browse(self.env.context.get("default_team_id"))

    def _iso_receipt(self):
        """What makes a complaint a repeat of another, or another one a repeat of it."""
        self.ensure_one()
        return self.commercial_partner_id, self.date_received, self.is_complaint

    def _iso_refresh_later_repeats(self, previous_receipts=None):
        """The complaints of the same customers received after these (as they
        are now, or were before `previous_receipts`) may have become, or
        stopped being, repeat complaints: their flag is computed again."""
        receipts = [ticket._iso_receipt() for ticket in self]
        receipts += list((previous_receipts or {}).values())
        receipts = [(partner, date) for partner, date, _is in receipts if partner and date]
        if not receipts:
            return
        companies = self.company_id | self.env.company
        window = timedelta(days=max(companies.mapped("iso10002_repeat_window_days")))
        later = self.sudo().search(
            [
                ("is_complaint", "=", True),
                ("commercial_partner_id", "in", [partner.id for partner, _date in receipts]),
                ("date_received", ">", min(date for _partner, date in receipts)),
                ("date_received", "<=", max(date for _partner, date in receipts) + window),
            ]
        )
        self.env.add_to_compute(self._fields["is_repeat"], later - self)

    def _iso_renumber(self):
        for ticket in self:
            ticket.number = ticket._prepare_ticket_number(
                {"team_id": ticket.team_id.id, "company_id": ticket.company_id.id}
            )

    @api.model
    def _iso_prepare_priority(self, vals_list, teams):
        """Complaints get the priority of their assessment as they are created:
        helpdesk's default priority would otherwise pre-empt the compute."""
        if not any(team.is_complaint_team for team in teams):
            return
        matrix_model = self.env["iso10002.priority.matrix"]
        matrix = matrix_model._matrix()
        for vals, team in zip(vals_list, teams, strict=True):
            if not team.is_complaint_team or "priority" in vals:
                continue
            priority = matrix_model._priority_for(
                matrix,
                vals.get("severity"),
                vals.get("impact"),
                vals.get("health_safety"),
                vals.get("immediate_action_needed"),
            )
            if priority:
                vals["priority"] = priority

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

    def _iso_action_open(self):
        """The complaints menu's action on these complaints: the form of one,
        the list of several (the smart buttons of the documents they concern)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "odoo_iso10002.helpdesk_ticket_action_complaints"
        )
        if len(self) == 1:
            action.update(views=[(False, "form")], res_id=self.id)
        else:
            action["domain"] = [("id", "in", self.ids)]
        return action

    def action_approve_compensation(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise UserError(
                self.env._("Only a complaint manager can approve the cost of remedies.")
            )
        now = fields.Datetime.now()
        for complaint in self:
            complaint.write(
                {
                    "approved_by_id": self.env.user.id,
                    "date_approved": now,
                    "approved_amount": complaint.remedy_cost,
                }
            )
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

    def _iso_stage(self, step, raise_if_not_found=True):
        """The first stage of the complaint's team that stands for `step`."""
        self.ensure_one()
        stages = (
            self.env["helpdesk.ticket.stage"]
            .browse(self.team_id._iso_applicable_stage_ids())
            .filtered(lambda s: s.iso_step == step)
        )
        if not stages and raise_if_not_found:
            raise UserError(
                self.env._(
                    "Team %(team)s has no stage for the ISO step “%(step)s”.",
                    team=self.team_id.display_name,
                    step=dict(ISO_STEPS)[step],
                )
            )
        return stages[:1]

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
        # each step's checkpoints read only when the step is reached: a complaint
        # received computes no approval of the remedies' cost

        def undelivered():
            return len(self.remedy_ids.filtered(lambda r: r.state in ("planned", "in_progress")))

        checks = {
            "assessment": lambda: [(self.date_acknowledged, _("an acknowledgement"))],
            "investigation": lambda: [
                (self.severity, _("the severity")),
                (self.complexity, _("the complexity")),
                (self.impact, _("the impact")),
                (
                    self.immediate_action_taken or not self.immediate_action_needed,
                    _("the immediate action taken"),
                ),
            ],
            "response": lambda: [
                (not tools.is_html_empty(self.findings), _("the investigation findings")),
                (self.root_cause_id, _("the root cause")),
            ],
            "decision_communicated": lambda: [
                (self.decision, _("a decision")),
                (not tools.is_html_empty(self.decision_text), _("the decision text")),
                (
                    all(
                        remedy.amount_currency > 0
                        for remedy in self._iso_decided_remedies()
                        if remedy.has_amount
                    ),
                    _("the amount of each monetary remedy"),
                ),
                (
                    not self.approval_required or self.approved_by_id,
                    _("a complaint manager's approval of the cost of remedies"),
                ),
            ],
            "closed": lambda: [
                (
                    self.complainant_response in ("accepted", "no_answer"),
                    _("the complainant's acceptance of the decision, or no answer in time"),
                ),
                (
                    not self.team_id.iso_remedies_before_closing or not undelivered(),
                    _(
                        "the delivery of %(count)s remedies planned or in progress",
                        count=undelivered(),
                    ),
                ),
            ],
        }
        return [
            label
            for from_step, step_checks in checks.items()
            if rank >= STEP_ORDER.index(from_step)
            for ok, label in step_checks()
            if not ok
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

    def _complainant_email(self):
        """The complainant's e-mail address, normalised; False when neither the
        contact nor the complaint holds one that reads as an address (a mail
        whose From: has a name only, a typing error)."""
        self.ensure_one()
        return tools.email_normalize(self.partner_id.email or "") or tools.email_normalize(
            self.partner_email or ""
        )

    def _post_to_complainant(self, template, note, auto_submitted=None):
        """Mail the complainant from a template (record or xml id); without an
        address, log `note`: the handler informs them another way.
        `auto_submitted` (RFC 3834: "auto-replied", "auto-generated") marks a
        mail nobody wrote, so that the complainant's auto-responder stays quiet."""
        self.ensure_one()
        if isinstance(template, str):
            template = self._iso_ref(template)
        if not template:
            self.message_post(
                body=self.env._(
                    "No e-mail sent: its template was deleted. Tell the complainant "
                    "by phone, post or in person."
                ),
                subtype_xmlid="mail.mt_note",
            )
            return
        headers = {"Auto-Submitted": auto_submitted} if auto_submitted else {}
        if tools.email_normalize(self.partner_id.email or ""):
            self.with_context(iso10002_mail_headers=headers).message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
                partner_ids=self.partner_id.ids,
            )
        elif email := self._complainant_email():
            # No contact (e-mail intake, anonymous complainant): mail the address
            # directly, so that no contact is created for it.
            template.send_mail(
                self.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={"email_to": email, **({"headers": repr(headers)} if headers else {})},
            )
            # out within a minute, not at the queue's next hourly run
            self.env.ref("mail.ir_cron_mail_scheduler_action")._trigger()
            self.message_post(
                body=self.env._(
                    "“%(subject)s” sent to %(email)s.",
                    subject=template._render_field("subject", self.ids)[self.id],
                    email=email,
                ),
                subtype_xmlid="mail.mt_note",
            )
        else:
            self.message_post(body=note, subtype_xmlid="mail.mt_note")

    def _notify_by_email_get_headers(self, headers=None):
        headers = super()._notify_by_email_get_headers(headers=headers)
        headers.update(self.env.context.get("iso10002_mail_headers") or {})
        return headers

    def _send_acknowledgement(self):
        self._post_to_complainant(
            "odoo_iso10002.mail_template_complaint_acknowledgement",
            self.env._(
                "Acknowledged without e-mail (no address): the complainant is told "
                "by phone, post or in person."
            ),
            auto_submitted="auto-replied",
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
        answer closes (once the remedies are delivered, when the team asks
        for it); a rejection re-opens the investigation."""
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
                complaint._iso_close_when_ready()

    def _iso_close_when_ready(self):
        """Close the complaints whose decision was answered and which lack
        nothing else to be closed; the others wait for their remedies."""
        for complaint in self:
            if (
                complaint.iso_step == "decision_communicated"
                and complaint.complainant_response in ("accepted", "no_answer")
                and not complaint._iso_missing("closed")
            ):
                complaint._iso_move_to("closed")

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

    @api.readonly
    def action_view_opportunities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_opportunities")
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """Mail-gateway intake: name the sender even when not a known contact
        (mail.thread keeps the address in partner_email)."""
        values = dict(custom_values or {})
        if not msg_dict.get("author_id") and msg_dict.get("email_from"):
            name, email = tools.parse_contact_from_email(msg_dict["email_from"])
            # a From: with a name only comes back quoted, as the "address"
            values.setdefault("partner_name", (name or email).strip('" '))
        channel = self._iso_ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        if channel:
            values.setdefault("channel_id", channel.id)
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _iso_ref(self, xmlid):
        """The record of `xmlid`, or None when an admin deleted it: what uses
        it goes on without it (a complaint without channel, a note instead of
        a mail) rather than failing, and the server log says so."""
        record = self.env.ref(xmlid, raise_if_not_found=False)
        if not record:
            _logger.warning("%s was deleted: complaints are handled without it.", xmlid)
        return record

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    def _iso_each(self, func, logger, what):
        """Call `func` on each complaint in a savepoint of its own, so that one
        that fails leaves the others be. Returns (failed, busy): the complaints
        whose processing failed, logged once on `logger`, and those a
        concurrent transaction kept from being processed now, to be tried
        again in a new transaction."""
        failed = busy = self.browse()
        for complaint in self:
            try:
                with self.env.cr.savepoint():
                    func(complaint)
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                busy |= complaint
            except Exception:
                logger.exception("%s failed for complaint %s", what, complaint.number)
                failed |= complaint
        if busy:
            logger.info(
                "%s: %s complaint(s) being changed by another transaction, tried again "
                "in a new one: %s",
                what,
                len(busy),
                ", ".join(busy.mapped("number")),
            )
        return failed, busy

    def _iso_each_batch(self, func, logger, what):
        """Call `func` on all the complaints at once, in a savepoint; when that
        fails, on each apart as `_iso_each` does, so that the complaint at
        fault leaves the others be and one held by a concurrent transaction is
        told apart. `func` takes a recordset. Returns (failed, busy)."""
        if len(self) > 1:
            try:
                with self.env.cr.savepoint():
                    func(self)
            except Exception as error:  # noqa: BLE001 - each complaint alone says which
                logger.info("%s: the batch failed (%s), complaint by complaint", what, error)
            else:
                return self.browse(), self.browse()
        return self._iso_each(func, logger, what)

    @api.model
    def _iso_cron_batch(self, jobs, logger, batch_size, batched=False):
        """One batch of a cron, as Odoo's ir.cron runs them: up to `batch_size`
        complaints, taken from the jobs in order, each processed apart
        (`_iso_each`); the progress is reported, and ir.cron commits and calls
        again while complaints remain.

        `jobs` is a list of (domain, function, description). Processing a
        complaint must make it leave its job's domain. When `batched`, each
        function takes a job's share of the batch at once (`_iso_each_batch`).
        A complaint that fails is skipped for the rest of the run and tried
        again by the next one; one that a concurrent transaction held is tried
        again by the next call, in a new transaction. Returns how many
        complaints remain."""
        progress = self.env["ir.cron.progress"].browse(self.env.context.get("ir_cron_progress_id"))
        skipped = set(progress._iso10002_failures_of_run())

        def todo(domain):
            return expression.AND([domain, [("id", "not in", list(skipped))]])

        done = held = 0
        for domain, function, what in jobs:
            if done == batch_size:
                break
            batch = self.search(todo(domain), limit=batch_size - done, order="id")
            each = batch._iso_each_batch if batched else batch._iso_each
            failed, busy = each(function, logger, what)
            skipped.update(failed.ids)
            done += len(batch)
            held += len(busy)
        if done == batch_size:
            remaining = sum(self.search_count(todo(domain)) for domain, *_job in jobs)
        else:
            # every job took all it had: what remains is what others held
            remaining = held
        progress.iso10002_failures = sorted(skipped)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return remaining

    @api.model
    def _cron_close_unanswered(self, batch_size=200):
        """Close complaints whose decision went unanswered for the company's
        number of days (7.9)."""
        now = fields.Datetime.now()
        waited_long_enough = expression.OR(
            [
                [
                    ("company_id", "=", company.id),
                    ("last_stage_update", "<=", now - timedelta(days=company.iso10002_answer_days)),
                ]
                for company in self.env["res.company"].search([])
            ]
        )
        unanswered = [
            ("is_complaint", "=", True),
            ("iso_step", "=", "decision_communicated"),
            ("complainant_response", "=", False),
        ]
        self._iso_cron_batch(
            [
                (
                    expression.AND([unanswered, waited_long_enough]),
                    lambda complaint: complaint._record_complainant_response("no_answer"),
                    "Closing the unanswered decision",
                )
            ],
            _logger,
            batch_size,
        )
