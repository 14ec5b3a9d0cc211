"""The demo history document: the second team, categories and customers, then
each complaint with its escalations and survey, then the calls that settle
what creating records cannot (pauses, answered surveys, done to-dos, the
escalations due at install)."""

import random
from datetime import timedelta

from .company import CATEGORIES, CHANNELS, ISO_STEPS, TEAMS
from .customers import NEW_COMPANIES
from .writer import Writer, refs


def write_setup(out, customers):
    quality = TEAMS["quality"]
    ack, decision, close, satisfaction = quality["targets"]
    out.add("<!-- A second complaints team, for product quality, on the same ISO stages. -->")
    out.record(
        quality["xmlid"],
        "helpdesk.ticket.team",
        [
            ("name", "char", quality["name"]),
            ("is_complaint_team", "eval", "True"),
            ("complaint_auto_acknowledge", "eval", "False"),
            ("sequence", "eval", "2"),
            ("color", "eval", "4"),
            ("user_id", "ref", quality["leader"]),
            ("user_ids", "eval", "[Command.set([ref('base.user_admin'), ref('base.user_demo')])]"),
            ("survey_id", "ref", "survey_complaint_satisfaction"),
            ("survey_reminder_days", "eval", "5"),
            ("target_acknowledge_on_time", "eval", str(ack)),
            ("target_decision_on_time", "eval", str(decision)),
            ("target_close_on_time", "eval", str(close)),
            ("target_satisfaction", "eval", str(satisfaction)),
        ],
    )
    for step in ISO_STEPS:
        out.record(
            f"helpdesk_ticket_stage_{step}",
            "helpdesk.ticket.stage",
            [("team_ids", "eval", f"[Command.link(ref('{quality['xmlid']}'))]")],
        )
    for severity, (ack_hours, decision_days, close_days) in quality["policies"].items():
        out.record(
            f"deadline_policy_product_quality_{severity or 'default'}_demo",
            "iso10002.deadline.policy",
            [("team_id", "ref", quality["xmlid"])]
            + ([("severity", "eval", repr(severity))] if severity else [])
            + [
                ("acknowledge_hours", "eval", str(ack_hours)),
                ("decision_days", "eval", str(decision_days)),
                ("close_days", "eval", str(close_days)),
                ("at_risk_hours", "eval", str(ack_hours)),
            ],
        )
    out.add()
    for key, (name, _team, _channels) in CATEGORIES.items():
        out.record(
            f"helpdesk_ticket_category_{key}_demo",
            "helpdesk.ticket.category",
            [("name", "char", name)],
        )
    out.add()
    out.add("<!-- Customers with an account; guests complain with a name and an address. -->")
    for key, name, email, city, street in NEW_COMPANIES:
        out.record(
            f"res_partner_{key}_demo",
            "res.partner",
            [
                ("name", "char", name),
                ("is_company", "eval", "True"),
                ("email", "char", email),
                ("street", "char", street),
                ("city", "char", city),
                ("country_id", "ref", "base.lt"),
            ],
        )
    for person in customers.people:
        out.record(
            person["ref"],
            "res.partner",
            [
                ("name", "char", person["name"]),
                ("email", "char", person["email"]),
                ("phone", "char", person["phone"]),
                ("city", "char", person["city"]),
                ("country_id", "ref", "base.lt"),
            ],
        )


def complainant_fields(c):
    customer = c.customer
    if customer.get("anonymous"):
        return [("is_anonymous", "eval", "True"), ("preferred_contact", "char", "post")]
    values = [("partner_id", "ref", customer["ref"])] if customer.get("ref") else []
    values.append(("partner_name", "char", customer["name"]))
    if customer.get("email"):
        values.append(("partner_email", "char", customer["email"]))
    if customer.get("phone"):
        values.append(("partner_phone", "char", customer["phone"]))
    if c.channel in ("phone", "shop") or not customer.get("email"):
        values.append(("preferred_contact", "char", "phone"))
    return values


def complaint_fields(c):
    """The complaint as it stands at the install, with the date of each step."""
    s, d = c.scenario, c.dates
    values = [
        # numbered in the year it was received, as the sequence would have done
        (
            "number",
            "ir.sequence",
            (
                "obj(ref('ir_sequence_complaint')).with_context(ir_sequence_date="
                f"{c.when(c.received)}).next_by_id()"
            ),
        ),
        ("create_date", "eval", c.when(c.received)),
        ("date_received", "eval", c.when(c.received)),
        ("team_id", "ref", c.team["xmlid"]),
        ("stage_id", "ref", f"helpdesk_ticket_stage_{c.step}"),
        ("last_stage_update", "eval", c.when(c.stage_since)),
        ("name", "char", c.text(s.subject)),
        ("description", "html", c.text(c.description)),
        ("category_id", "ref", f"helpdesk_ticket_category_{s.category}_demo"),
        ("channel_id", "ref", CHANNELS[c.channel]),
        *complainant_fields(c),
    ]
    if s.category != "service" or "{order}" in c.description:
        values.append(("order_reference", "char", c.values["order"]))
    if s.remedy:
        values.append(("requested_remedy", "char", s.remedy))
    if "acknowledged" in d:
        values += [("user_id", "ref", c.user), ("assigned_date", "eval", c.when(d["acknowledged"]))]
    else:
        values.append(("user_id", "eval", "False"))
    values += [
        (f"date_{step}", "eval", c.when(d[step]))
        for step in ("acknowledged", "assessment", "investigation", "response")
        if step in d
    ]
    if c.assessed:
        values += [
            ("severity", "eval", repr(c.severity)),
            ("impact", "eval", repr(c.impact)),
            ("complexity", "eval", repr(c.complexity)),
        ]
    if c.health_safety:
        values += [
            ("health_safety", "eval", "True"),
            ("immediate_action_needed", "eval", "True"),
            ("immediate_action_possible", "eval", "True"),
            ("immediate_action_taken", "char", s.immediate_action),
        ]
    if "investigation" in d and c.investigator not in (None, c.user):
        values.append(("investigator_id", "ref", c.investigator))
    values += outcome_fields(c)
    if c.logs:
        values.append(("escalation_level", "eval", str(max(log[1] for log in c.logs))))
    if c.survey:
        values.append(("survey_invited_date", "eval", c.when(c.survey["invited"])))
        if "reminded" in c.survey:
            values.append(("survey_reminded_date", "eval", c.when(c.survey["reminded"])))
    return values


def outcome_fields(c):
    """Investigation findings, decision, the complainant's answer, closing (7.6-7.9)."""
    d = c.dates
    values = []
    if c.withdrawn:
        values.append(("decision", "char", "withdrawn"))
    elif "response" in d:
        values += [
            ("findings", "html", c.text(c.outcome.findings)),
            ("root_cause_id", "ref", f"root_cause_{c.scenario.cause}"),
            *decision_fields(c),
        ]
    if "decision_communicated" in d:
        values.append(("date_decision_communicated", "eval", c.when(d["decision_communicated"])))
    if c.step == "decision_communicated":
        values.append(("deadline_paused_since", "eval", c.when(c.stage_since)))
    # a new decision awaits a new answer; a rejection re-opens the investigation
    if c.answer and not c.withdrawn and c.step != "decision_communicated":
        values += [
            ("complainant_response", "char", c.answer[1]),
            ("date_complainant_response", "eval", c.when(c.answer[0])),
        ]
    if c.reopened:
        values += [("reopen_count", "eval", "1"), ("rejection_reason", "char", c.rejection_reason)]
    if c.closed:
        values += [
            ("date_closed", "eval", c.when(d["closed"])),
            ("closed_date", "eval", c.when(d["closed"])),
        ]
    return values


def decision_fields(c):
    o = c.outcome
    return [
        ("decision", "char", o.decision),
        ("decision_text", "html", c.text(o.text)),
    ]


def remedy_lines(c, cancelled=False):
    """The remedies of a decided complaint, as they stand at the install:
    planned until the decision is communicated; then apologies and
    explanations delivered with it, the others within days (by the closing),
    or still under way at the install, late past their due date. Refunds are
    paid in euros. `cancelled`: a repair offered first, then replaced."""
    d = c.dates
    # drawn apart from the simulation's, which they must not shift
    rng = random.Random(c.xmlid)
    communicated = d.get("decision_communicated")
    lines = []
    keys = c.outcome.remedies.split()
    if cancelled:
        keys.insert(keys.index("replacement"), "repair")
    for sequence, key in enumerate(keys, 1):
        values = [
            ("ticket_id", "ref", c.xmlid),
            ("sequence", "eval", str(sequence)),
            ("remedy_type_id", "ref", f"remedy_type_{key}"),
            ("user_id", "ref", c.user),
        ]
        if key == "compensation":
            values.append(("amount_currency", "eval", f"{c.compensation:.1f}"))
        elif key == "refund":
            values += [
                ("currency_id", "ref", "base.EUR"),
                ("amount_currency", "eval", f"{rng.randrange(20, 200, 5):.1f}"),
            ]
        if communicated:
            due = f"({c.when(communicated)} + timedelta(days=14)).date()"
            values.append(("date_due", "eval", due))
            if cancelled and key == "repair":
                values += [
                    ("name", "char", "Repair offered first; the customer chose a replacement."),
                    ("state", "char", "cancelled"),
                ]
            elif key in ("apology", "explanation") or c.closed:
                delivered = communicated
                if key not in ("apology", "explanation"):
                    delivered = min(communicated + timedelta(days=rng.randint(1, 10)), d["closed"])
                values += [
                    ("state", "char", "delivered"),
                    ("date_delivered", "eval", c.when(delivered)),
                ]
            else:
                values.append(("state", "char", "in_progress"))
        lines.append((f"{c.xmlid}_remedy_{sequence}", values))
    return lines


def survey_lines(scores):
    """Eval text of the answer lines: six scored choices, the 0-10 scale, a comment."""
    choices = ", ".join(f"('{question}', {score})" for question, score in scores["answers"].items())
    text = (
        "[Command.create({'question_id': ref('survey_question_' + question), "
        "'answer_type': 'suggestion', "
        "'suggested_answer_id': ref('survey_answer_%s_%s' % (question, score))}) "
        f"for question, score in [{choices}]]"
        " + [Command.create({'question_id': ref('survey_question_recommend'), "
        f"'answer_type': 'scale', 'value_scale': {scores['recommend']}}})]"
    )
    if scores["comment"]:
        text += (
            " + [Command.create({'question_id': ref('survey_question_comment'), "
            f"'answer_type': 'text_box', 'value_text_box': {scores['comment']!r}}})]"
        )
    return text


def paused_hours(c):
    """Eval text: the working hours the decisions waited on the complainant,
    counted at install on the complaint's calendar, once the dates, and which
    of them are in summer time, are known."""
    calendar = f"obj(ref('{c.xmlid}'))._deadline_calendar()"
    counts = [
        f"{calendar}.get_work_hours_count({c.when(start)}, {c.when(end)})"
        for start, end in c.pauses
    ]
    return f"round({' + '.join(counts)}, 1)"


def write_complaint(out, c, cancelled=False):
    out.record(c.xmlid, "helpdesk.ticket", complaint_fields(c))
    if "response" in c.dates and not c.withdrawn:
        for xmlid, values in remedy_lines(c, cancelled):
            out.record(xmlid, "iso10002.remedy", values)
        # above the company's approval limit: a manager approved the remedies' cost
        if c.compensation > 500:
            approval = {
                "approved_by_id": "ref('base.user_admin')",
                "date_approved": c.when(c.dates["response"] + timedelta(minutes=10)),
                "approved_amount": f"obj(ref('{c.xmlid}')).remedy_cost",
            }
            text = ", ".join(f"'{name}': {value}" for name, value in approval.items())
            out.function("helpdesk.ticket", "write", f"[[ref('{c.xmlid}')], {{{text}}}]")
    for rule, level, date, reason in c.logs:
        if rule == "health_safety" and not c.closed:
            continue  # the rule logs it on creation, dated below
        out.record(
            c.log_xmlid % rule,
            "iso10002.escalation.log",
            [
                ("ticket_id", "ref", c.xmlid),
                ("rule_id", "ref", f"iso10002_escalation_rule_{rule}"),
                ("level", "eval", str(level)),
                ("date", "eval", c.when(date)),
                ("reason", "char", reason),
            ],
        )
    if c.health_safety and not c.closed:
        rule = "ref('iso10002_escalation_rule_health_safety')"
        logs = f"obj().search([('ticket_id', '=', ref('{c.xmlid}')), ('rule_id', '=', {rule})]).ids"
        out.function(
            "iso10002.escalation.log", "write", f"[{logs}, {{'date': {c.when(c.received)}}}]"
        )
    if c.survey:
        values = [
            ("survey_id", "ref", "survey_complaint_satisfaction"),
            ("complaint_id", "ref", c.xmlid),
            ("create_date", "eval", c.when(c.survey["invited"])),
            ("email", "char", c.customer["email"]),
        ]
        if c.customer.get("ref"):
            values.append(("partner_id", "ref", c.customer["ref"]))
        if "answered" in c.survey:
            values += [
                ("start_datetime", "eval", c.when(c.survey["answered"] - timedelta(minutes=3))),
                ("user_input_line_ids", "eval", survey_lines(c.survey["scores"])),
            ]
        out.record(c.survey_xmlid, "survey.user_input", values)


def write(customers, complaints, output):
    """The document, written to `output`."""
    out = Writer()
    out.add("<!-- Generated by scripts/demo/ (make demo-history): edit it, not this file. -->", 0)
    # Handlers are not mailed about each of the year's assignments.
    out.add("<odoo context=\"{'mail_auto_subscribe_no_notify': True}\">", 0)
    write_setup(out, customers)
    out.add()
    out.add("<!-- A year of complaints, oldest first, with their escalations and surveys. -->")
    # one complaint closed with a replacement had a repair offered first, cancelled
    replaced = next(
        c
        for c in complaints
        if c.closed and not c.withdrawn and "replacement" in c.outcome.remedies.split()
    )
    for complaint in complaints:
        write_complaint(out, complaint, cancelled=complaint is replaced)
    out.add()
    out.add("<!-- The deadlines are computed from the dates of the steps; then the time each")
    out.add("     decision waited on the complainant, counted on the complaint's calendar,")
    out.add("     moves the closing deadline only: the others were met before, and a deadline")
    out.add("     met is fixed. -->")
    out.function("helpdesk.ticket", "flush_model", "[[]]")
    for c in complaints:
        if not c.pauses:
            continue
        ticket = f"[ref('{c.xmlid}')]"
        paused = f"'deadline_paused_hours': {paused_hours(c)}"
        if c.closed:  # the closing time is measured again, without the pause
            closed = f"'date_closed': {c.when(c.dates['closed'])}"
            out.function("helpdesk.ticket", "write", f"[{ticket}, {{'deadline_close': False}}]")
            out.function("helpdesk.ticket", "write", f"[{ticket}, {{{paused}, {closed}}}]")
        else:
            out.function("helpdesk.ticket", "write", f"[{ticket}, {{{paused}}}]")
    out.add()
    out.add("<!-- The answered surveys are completed, then dated when they were answered. -->")
    answered = [c for c in complaints if c.survey and "answered" in c.survey]
    out.add('<function model="survey.user_input" name="_mark_done">')
    out.add('<value model="survey.user_input" eval="[', 2)
    out.lines += [f"            ref('{c.survey_xmlid}')," for c in answered]
    out.add(']" />', 2)
    out.add("</function>")
    for c in answered:
        date = c.when(c.survey["answered"])
        answer = f"[[ref('{c.survey_xmlid}')], {{'end_datetime': {date}}}]"
        complaint = f"[[ref('{c.xmlid}')], {{'survey_answered_date': {date}}}]"
        out.function("survey.user_input", "write", answer)
        out.function("helpdesk.ticket", "write", complaint)
    out.add()
    out.add("<!-- The health & safety to-dos of the closed complaints were done back then. -->")
    handled = refs(c.xmlid for c in complaints if c.health_safety and c.closed)
    activities = f"[('res_model', '=', 'helpdesk.ticket'), ('res_id', 'in', {handled})]"
    out.function("mail.activity", "action_done", f"[obj().search({activities}).ids]")
    out.add("<!-- Escalate what is overdue at install time rather than at the next hourly run. -->")
    out.add('<function model="helpdesk.ticket" name="_cron_escalate" eval="[]" />')
    out.add("</odoo>", 0)
    output.write_text("\n".join(out.lines) + "\n", encoding="utf-8")
