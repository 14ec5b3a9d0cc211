"""The complaints of the data set, drawn one by one: their life through the
ISO steps on the company's working calendar, then the stored values the
addon would have written along the way."""

from datetime import timedelta

from odoo import SUPERUSER_ID

from ..worktime import WorkingTime
from .settings import TWO_YEARS
from .tables import CATEGORIES, STEPS, SUBJECTS


def working_time(calendar):
    """The working time of a resource.calendar, counted as Odoo counts it
    (scripts/worktime.py); the generated deadlines are checked against Odoo's
    own on a sample once written."""
    if calendar.two_weeks_calendar or calendar.flexible_hours:
        raise SystemExit("bench: the company calendar must be a plain weekly calendar")
    schedule = [
        (int(attendance.dayofweek), attendance.hour_from, attendance.hour_to)
        for attendance in calendar.attendance_ids
        if attendance.day_period != "lunch"
        and not (attendance.display_type or attendance.resource_id)
    ]
    return WorkingTime(schedule, calendar.tz or "UTC")


class ComplaintFactory:
    """Draws complaints one by one: their life through the ISO steps, then the
    stored values the addon writes along the way (dates of the steps,
    deadlines and their states, assessment, decision, escalations, survey)."""

    def __init__(self, generator, data):
        env = generator.env
        self.env, self.rng, self.now = env, generator.rng, generator.now
        self.data = data
        self.company = generator.company
        calendar = self.company.resource_calendar_id
        self.calendar = working_time(calendar)
        self.hours_per_day = calendar.hours_per_day or 8.0
        self.policies = {
            (policy.team_id.id, policy.severity or None): policy
            for policy in env["iso10002.deadline.policy"].search([])
        }
        self.matrix_model = env["iso10002.priority.matrix"]
        self.matrix = self.matrix_model._matrix()
        self.rules = {
            key: env.ref(f"odoo_iso10002.iso10002_escalation_rule_{key}")
            for key in (
                "health_safety",
                "acknowledge_breached",
                "decision_due",
                "decision_breached",
                "rejected",
                "reopened",
            )
        }
        self.root_causes = env["iso10002.root.cause"].search([]).ids
        remedies = env["iso10002.remedy.type"].search([])
        self.compensation_remedy = remedies.filtered("is_compensation")[:1].id
        self.other_remedies = (remedies - remedies.filtered("is_compensation")).ids
        self.stages = {
            stage.iso_step: stage
            for stage in env["helpdesk.ticket.stage"].browse(data["stages"].values())
        }
        # the addon's own rule for the state of a deadline; importable once loaded
        from odoo.addons.odoo_iso10002.models.helpdesk_ticket_deadline import (
            deadline_state,
        )

        self.deadline_state = deadline_state
        self.todo_type = env.ref("mail.mail_activity_data_todo").id
        self.ticket_model_id = env["ir.model"]._get_id("helpdesk.ticket")
        # elapsed working time to each step, where the addon stores it
        self.elapsed = "hours_to_acknowledge" in env["helpdesk.ticket"]._fields
        self.remedies, self.remedy_lines, self.escalations, self.activities = [], [], [], []
        # the complaint's currency until the remedy lines carry theirs
        self.ticket_currency = "currency_id" in env["helpdesk.ticket"]._fields

    def received_dates(self, count):
        """Over the last 24 months; three in four on a working day, in office hours."""
        rng, now = self.rng, self.now
        dates = []
        for _index in range(count):
            moment = now - timedelta(seconds=int(rng.uniform(3600, TWO_YEARS)))
            if rng.random() < 0.75:
                weekend = max(moment.weekday() - 4, 0)
                day = moment - timedelta(days=weekend)
                moment = day.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59))
                moment = min(moment, now - timedelta(hours=1))
            dates.append(moment)
        return sorted(dates)

    def _plan(self, start, hours):
        """The deadline `hours` working hours after `start`, to the second as
        Odoo stores it."""
        return self.calendar.plan_hours(start, hours).replace(microsecond=0)

    def _after(self, start, mean_hours, factor=1):
        return self._plan(start, self.rng.expovariate(1 / mean_hours) * factor)

    def _life(self, received, auto_acknowledged):
        """When each step is entered, when the complainant rejected the
        decision, and the pauses while the complainant's answer is awaited."""
        rng = self.rng
        slow = 6 if rng.random() < 0.03 else 1  # some complaints drag on
        dates = {"received": received}
        if auto_acknowledged:
            dates["acknowledged"] = received + timedelta(seconds=rng.randint(5, 120))
        else:
            dates["acknowledged"] = self._after(received, 6, slow)
        for previous, step, mean in (
            ("acknowledged", "assessment", 6),
            ("assessment", "investigation", 10),
            ("investigation", "response", 36),
            ("response", "decision_communicated", 20),
        ):
            dates[step] = self._after(dates[previous], mean, slow)
        life = {"dates": dates, "rejections": [], "pauses": [], "response": None}
        if rng.random() < 0.04:
            withdrawn_in = rng.choice(STEPS[1:5])
            for later in STEPS[STEPS.index(withdrawn_in) + 1 : 6]:
                dates.pop(later)
            dates["closed"] = self._after(dates[withdrawn_in], 8)
            life["withdrawn"] = True
            return life
        life["withdrawn"] = False
        roll = rng.random()
        communicated = dates["decision_communicated"]
        for _rejection in range(2 if roll < 0.01 else 1 if roll < 0.07 else 0):
            rejected = communicated + timedelta(days=rng.uniform(1, 10))
            life["pauses"].append((communicated, rejected))
            life["rejections"].append(rejected)
            communicated = self._after(rejected, 30)
        answer_days = self.company.iso10002_answer_days
        waited = min(rng.expovariate(1 / 4), answer_days + 0.5)
        dates["closed"] = communicated + timedelta(days=waited)
        life["pauses"].append((communicated, dates["closed"]))
        life["response"] = "no_answer" if waited > answer_days else "accepted"
        return life

    def _today(self, life):
        """Where the complaint stands now: its step, the steps done (first
        entries), re-openings and the state of the clock."""
        now = self.now
        dates = life["dates"]
        done = {step: dates[step] for step in STEPS if step in dates and dates[step] <= now}
        step = list(done)[-1]
        reopened = sum(1 for rejected in life["rejections"] if rejected <= now)
        if reopened and life["pauses"][reopened][0] > now:
            # re-opened: back to investigation until the next decision
            step = self.rng.choice(["investigation", "response"])
            done.pop("closed", None)
        paused_since = next((s for s, end in life["pauses"] if s <= now < end), None)
        if paused_since:
            step = "decision_communicated"
        done.pop("received")
        paused_hours = sum(
            self.calendar.hours_between(start, end) for start, end in life["pauses"] if end <= now
        )
        return {
            "step": step,
            "done": done,
            "reopened": reopened,
            "paused_since": paused_since,
            "paused_hours": paused_hours,
        }

    def _deadlines(self, team, severity, health_safety, received, today):
        """Deadlines as the addon computes them: acknowledgement by the policy
        at receipt (fixed once met), decision and closing by the policy of the
        assessed severity, closing pushed back by the pauses."""
        default = self.policies[(team, None)]
        policy = self.policies.get((team, severity)) or default
        at_receipt = policy if health_safety else default
        plan, per_day = self._plan, self.hours_per_day
        deadlines = {
            "deadline_acknowledge": plan(received, at_receipt.acknowledge_hours),
            "deadline_decision": plan(received, policy.decision_days * per_day),
            "deadline_close": plan(received, policy.close_days * per_day + today["paused_hours"]),
        }
        done = today["done"]
        closed = done.get("closed")
        at = today["paused_since"] or self.now
        for field, done_step in (
            ("deadline_acknowledge", "acknowledged"),
            ("deadline_decision", "decision_communicated"),
            ("deadline_close", "closed"),
        ):
            deadlines[f"{field}_state"] = self.deadline_state(
                deadlines[field], done.get(done_step) or closed, at, policy.at_risk_hours
            )
        deadlines["deadline_policy_id"] = policy.id
        return deadlines

    def _escalate(self, ticket_id, rule_key, at):
        """A log line of the rule, if it fired by now; returns the level reached."""
        rule = self.rules[rule_key]
        if at > self.now:
            return 0
        self.escalations.append(
            {
                "ticket_id": ticket_id,
                "rule_id": rule.id,
                "level": rule.level,
                "date": at,
                "reason": "generated by the bench",
                "company_id": self.company.id,
                "create_uid": SUPERUSER_ID,
                "create_date": at,
                "write_uid": SUPERUSER_ID,
                "write_date": at,
            }
        )
        return rule.level

    def _escalations(self, ticket_id, health_safety, deadlines, today, life):
        """What the hourly cron escalated over the complaint's life."""
        done, now = today["done"], self.now
        closed = done.get("closed")
        minutes = timedelta(minutes=self.rng.randint(1, 59))
        hour = timedelta(hours=1)
        checks = [
            ("health_safety", health_safety, life["dates"]["received"]),
            (
                "acknowledge_breached",
                (done.get("acknowledged") or closed or now)
                > deadlines["deadline_acknowledge"] + hour,
                deadlines["deadline_acknowledge"] + minutes,
            ),
        ]
        decided = done.get("decision_communicated") or closed or now
        decision_deadline = deadlines["deadline_decision"]
        checks += [
            (
                "decision_due",
                decided > decision_deadline - 23 * hour,
                decision_deadline - 24 * hour + minutes,
            ),
            ("decision_breached", decided > decision_deadline + hour, decision_deadline + minutes),
        ]
        rejections = life["rejections"]
        checks += [
            ("rejected", today["reopened"] >= 1, rejections[:1] and rejections[0]),
            ("reopened", today["reopened"] >= 2, rejections[1:2] and rejections[1]),
        ]
        return max(
            [self._escalate(ticket_id, rule, at) for rule, due, at in checks if due], default=0
        )

    def _outcome(self, ticket_id, today, life):
        """Decision, remedies and compensation, once decided."""
        rng = self.rng
        done = today["done"]
        values = {"decision": None}
        if life["withdrawn"]:
            values["decision"] = "withdrawn" if "closed" in done else None
            return values
        if "decision_communicated" not in done:
            return values
        decision = rng.choices(["upheld", "partially_upheld", "not_upheld"], (50, 25, 25))[0]
        values.update(decision=decision, decision_text="<p>We replace the product.</p>")
        if decision == "not_upheld":
            return values
        chosen = [(remedy, 0.0) for remedy in rng.sample(self.other_remedies, rng.randint(1, 2))]
        if rng.random() < 0.15:
            amount = float(rng.choice([20, 50, 100, 150, 250, 400, 600, 1200]))
            chosen.append((self.compensation_remedy, amount))
            if amount > self.company.iso10002_compensation_limit:
                values["approved_by_id"] = self.data["manager_id"]
                values["date_approved"] = done.get("response")
        self.remedies += [
            {"helpdesk_ticket_id": ticket_id, "iso10002_remedy_type_id": remedy}
            for remedy, _amount in chosen
        ]
        # delivered two days after the decision, under way until then
        communicated = done["decision_communicated"]
        delivered = communicated + timedelta(days=2)
        delivered = delivered if delivered <= self.now else None
        self.remedy_lines += [
            {
                "ticket_id": ticket_id,
                "company_id": self.company.id,
                "sequence": sequence,
                "remedy_type_id": remedy,
                "delivery": "hand",
                "currency_id": self.company.currency_id.id,
                "amount_currency": amount,
                "amount": amount,
                "user_id": self.data["manager_id"],
                "date_due": (communicated + timedelta(days=14)).date(),
                "state": "delivered" if delivered else "in_progress",
                "date_delivered": delivered,
                "create_uid": self.data["manager_id"],
                "create_date": communicated,
                "write_uid": self.data["manager_id"],
                "write_date": delivered or communicated,
            }
            for sequence, (remedy, amount) in enumerate(chosen, 1)
        ]
        return values

    def _answer(self, today, life, decision):
        """The complainant's answer to the decision, and the satisfaction survey."""
        rng, now = self.rng, self.now
        closed = today["done"].get("closed")
        reopened = today["reopened"]
        values = {"reopen_count": reopened, "satisfaction_score": 0.0}
        if reopened:
            values["rejection_reason"] = "The remedy is not enough."
        if closed and decision != "withdrawn":
            values["complainant_response"] = life["response"]
            values["date_complainant_response"] = closed
        elif reopened and not today["paused_since"]:
            values["complainant_response"] = "rejected"
            values["date_complainant_response"] = life["rejections"][reopened - 1]
        if not closed or decision == "withdrawn" or not life["named"]:
            return values
        values["survey_invited_date"] = closed
        if rng.random() < 0.35:
            answered = closed + timedelta(hours=rng.expovariate(1 / 48))
            if answered <= now:
                values["survey_answered_date"] = answered
                values["satisfaction_score"] = round(min(max(rng.gauss(68, 22), 0), 100), 1)
        if "survey_answered_date" not in values and closed + timedelta(days=5) <= now:
            values["survey_reminded_date"] = closed + timedelta(days=5)
        return values

    def _elapsed(self, received, today):
        done, hours = today["done"], self.calendar.hours_between
        closing = hours(received, done.get("closed", received)) - today["paused_hours"]
        return {
            "hours_to_acknowledge": hours(received, done.get("acknowledged", received)),
            "days_to_decision": hours(received, done.get("decision_communicated", received))
            / self.hours_per_day,
            "days_to_close": max(closing, 0.0) / self.hours_per_day,
        }

    def row(self, ticket_id, index, received):
        rng, data = self.rng, self.data
        team = rng.choices(data["complaint_team_ids"], weights=(50, 30, 20))[0]
        handlers = data["team_handlers"][team]
        partner = None if rng.random() < 0.02 else rng.choice(data["customers"])
        channel = rng.choices(["email", "web", "phone", "form", "other"], (45, 20, 20, 10, 5))[0]
        health_safety = rng.random() < 0.015
        severity = "4" if health_safety else rng.choices("1234", (35, 40, 20, 5))[0]
        impact = rng.choices("123", (40, 45, 15))[0]
        immediate = health_safety or rng.random() < 0.04
        life = self._life(received, bool(partner) and channel in ("email", "web", "form"))
        life["named"] = bool(partner)
        today = self._today(life)
        step, done = today["step"], today["done"]
        assessed = STEPS.index(step) >= STEPS.index("investigation") or (
            step == "assessment" and rng.random() < 0.5
        )
        if not (assessed or health_safety):
            severity = None
        handler = handlers[0] if health_safety else rng.choice(handlers)  # the team leader
        deadlines = self._deadlines(team, severity, health_safety, received, today)
        outcome = self._outcome(ticket_id, today, life)
        stage = self.stages[step]
        number = f"CMP/{received.year}/{index + 1:05d}"
        subject = rng.choice(SUBJECTS)
        entered = done.get(step, received)
        if today["reopened"] and step in ("investigation", "response"):
            entered = life["rejections"][today["reopened"] - 1]
        entered = today["paused_since"] or entered
        row = {
            "id": ticket_id,
            "number": number,
            "name": subject,
            "description": f"<p>{subject}. Order SO{ticket_id:06d}.</p>",
            "company_id": self.company.id,
            "team_id": team,
            "user_id": handler if step != "received" or rng.random() < 0.7 else None,
            "stage_id": stage.id,
            "iso_step": step,
            "is_complaint": True,
            "active": True,
            "sequence": 10,
            "color": 0,
            "kanban_state": "normal",
            "unattended": stage.unattended,
            "priority": severity
            and self.matrix_model._priority_for(
                self.matrix, severity, impact, health_safety, immediate
            )
            or "1",
            "partner_id": partner and partner[0],
            "commercial_partner_id": partner and partner[1],
            "partner_name": partner[2] if partner else "Anonymous complainant",
            "partner_email": partner and partner[3],
            "partner_phone": partner and partner[4],
            "is_anonymous": not partner,
            "preferred_contact": "email" if partner else "phone",
            "channel_id": data["channels"][channel],
            "category_id": rng.choices(data["category_ids"], [w for _n, w in CATEGORIES])[0],
            "order_reference": f"SO{ticket_id:06d}",
            "requested_remedy": "Replace the product or refund me.",
            "date_received": received,
            "create_date": received,
            "create_uid": handler,
            "write_date": entered,
            "write_uid": handler,
            "last_stage_update": entered,
            "assigned_date": done.get("acknowledged", received),
            "closed_date": done.get("closed"),
            "severity": severity,
            "impact": severity and impact,
            "complexity": severity and rng.choices("123", (50, 35, 15))[0],
            "health_safety": health_safety,
            "immediate_action_needed": immediate,
            "immediate_action_possible": immediate,
            "immediate_action_taken": "Product recalled from the customer." if immediate else None,
            "investigator_id": handler if "investigation" in done else None,
            "findings": "<p>The carrier dropped the parcel.</p>" if "response" in done else None,
            "root_cause_id": rng.choice(self.root_causes) if "response" in done else None,
            "is_repeat": False,
            "deadline_paused_since": today["paused_since"],
            "deadline_paused_hours": today["paused_hours"],
            "escalation_level": self._escalations(ticket_id, health_safety, deadlines, today, life),
            **{f"date_{s}": done.get(s) for s in STEPS[1:]},
            **deadlines,
            **outcome,
            **self._answer(today, life, outcome["decision"]),
            **(self._elapsed(received, today) if self.elapsed else {}),
        }
        if step != "closed" and rng.random() < 0.6:
            self.activities.append(
                {
                    "res_model_id": self.ticket_model_id,
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket_id,
                    "res_name": f"{number} - {subject}",
                    "activity_type_id": self.todo_type,
                    "summary": "Call the complainant back",
                    "date_deadline": (self.now + timedelta(days=rng.randint(-5, 10))).date(),
                    "user_id": row["user_id"] or handler,
                    "automated": False,
                    "active": True,
                    "create_uid": handler,
                    "create_date": entered,
                    "write_uid": handler,
                    "write_date": entered,
                }
            )
        if self.ticket_currency:
            row["currency_id"] = self.company.currency_id.id
        return row
