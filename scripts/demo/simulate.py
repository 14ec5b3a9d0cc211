"""The simulation: each complaint's moves through the ISO steps (7.2-7.9) until
the install, its escalations and its satisfaction survey."""

import itertools
import random
from datetime import timedelta

from .clock import TODAY, at, cron_time, deadline_range, office_time
from .company import CATEGORIES, CITIES, SHOPS, TEAMS, USERS, VOLUME
from .customers import REJECTIONS, SURVEY_COMMENTS, SURVEY_QUESTIONS, Customers
from .scenarios import SCENARIOS
from .writer import when

# chosen so that the complaints stand in every ISO step (checked in main)
SEED = 164


class Complaint:
    """One complaint: who, what, and the moves through the ISO steps (7.2-7.9)
    until the install."""

    def __init__(self, scenario, month, rng, customers):
        self.scenario = scenario
        self.rng = rng
        _name, team, channels = CATEGORIES[scenario.category]
        self.team = TEAMS[team]
        self.channel = rng.choices(list(channels), list(channels.values()))[0]
        self.customer = customers.pick(rng, scenario, self.channel)
        self.user = rng.choice(USERS)
        self.investigator = rng.choice(("base.user_admin", "base.user_demo", None, None))
        self.severity = rng.choice(scenario.severities)
        self.impact = str(min(3, max(1, int(self.severity) - rng.randint(0, 1))))
        self.complexity = rng.choice("112" if self.severity < "3" else "23")
        self.health_safety = bool(scenario.immediate_action)
        self.outcome = rng.choices(scenario.outcomes, [o.weight for o in scenario.outcomes])[0]
        self.compensation = 0
        if "compensation" in self.outcome.remedies:
            self.compensation = rng.randrange(*scenario.compensation, 5)
        self.description = rng.choice(scenario.descriptions)
        self.values = {
            "product": rng.choice(scenario.products),
            "order": f"S{rng.randint(1200, 9800):05d}",
            "n": rng.randint(*scenario.number),
            "city": self.customer.get("city") or rng.choice(CITIES),
            "shop": rng.choice(SHOPS),
        }
        self.rejection_reason = rng.choice(REJECTIONS)
        self._simulate(month)
        self._cut_at_install()
        self.logs = self._escalations()
        self.survey = self._survey()

    def text(self, template):
        return template.format(**self.values)

    def when(self, moment):
        return when(moment, self.month_start)

    def _policy(self, severity):
        policies = self.team["policies"]
        return policies.get(severity) or policies[None]

    def _simulate(self, month):
        """Every move of the complaint, [(date, step, complainant's answer)],
        as if nothing stopped at the install."""
        rng = self.rng
        # the oldest month is written relative to its calendar month (see when())
        self.month_start = at(364, 0) if month == 0 else None
        if month == 0:
            day = 364 - rng.randint(0, 20)
        else:
            day = rng.randint(331 - 30 * month, 360 - 30 * month)
        if self.channel in ("phone", "shop"):
            # the phone line answers on working days, the showrooms on Saturdays too
            while at(day, 0).weekday() >= (5 if self.channel == "phone" else 6):
                day += 1
            received = at(day, rng.randint(7, 15), rng.randrange(0, 60, 5))
        else:
            received = at(day, rng.randint(5, 20), rng.randint(0, 59))
        self.received = received
        _ack_hours, decision_days, _close_days = self._policy(self.severity)
        # decisions slip when complaints pile up (the carrier months)
        late = rng.random() < (0.35 if 3 <= month <= 4 else 0.12)
        # a few wait for a supplier's report, photos or a manager: open for months
        stuck = 5 <= month <= 10 and rng.random() < 0.07 and not self.health_safety
        if self.health_safety or self.channel in ("phone", "shop"):
            acknowledged = received + timedelta(minutes=rng.randint(10, 40))
        elif self.team["auto_ack"] and self.customer.get("email"):
            acknowledged = received + timedelta(minutes=rng.randint(1, 4))
        else:  # by a handler, late now and then
            days = rng.randint(3, 5) if rng.random() < 0.12 else rng.choice((0, 1))
            acknowledged = office_time(rng, received, days)
        assessed = office_time(rng, acknowledged, rng.choice((0, 1, 1, 2)))
        investigated = office_time(rng, assessed, rng.choice((1, 1, 2, 3)))
        share = rng.uniform(1.3, 1.8) if late else rng.uniform(0.3, 0.7)
        decided = deadline_range(received, decision_days * 8 * share)[1]
        responded = office_time(rng, max(investigated, decided - timedelta(days=2)), 0)
        communicated = office_time(rng, responded, 1)
        moves = [
            (acknowledged, "acknowledged", None),
            (assessed, "assessment", None),
            (investigated, "investigation", None),
            (responded, "response", None),
            (communicated, "decision_communicated", None),
        ]
        if stuck:
            self.moves = moves[: rng.choice((2, 3, 3, 4))]
            return
        if self.scenario.withdrawable and rng.random() < 0.07:
            moves = moves[: rng.randint(1, 3)]
            moves.append((office_time(rng, moves[-1][0], rng.randint(1, 6)), "closed", "withdrawn"))
            self.moves = moves
            return
        roll = rng.random()
        if roll < 0.05:  # rejected once: re-investigated, decided again (7.9)
            rejected = office_time(rng, communicated, rng.randint(1, 5))
            responded = office_time(rng, rejected, rng.randint(3, 8))
            communicated = office_time(rng, responded, rng.choice((0, 1)))
            moves += [
                (rejected, "investigation", "rejected"),
                (responded, "response", None),
                (communicated, "decision_communicated", None),
            ]
        if roll < 0.78:
            moves.append(
                (communicated + timedelta(hours=rng.uniform(2, 120)), "closed", "accepted")
            )
        else:  # closed by the daily cron once the company's 14 days are over
            answered = communicated + timedelta(days=14, hours=rng.uniform(10, 30))
            moves.append((answered, "closed", "no_answer"))
        self.moves = moves

    def _cut_at_install(self):
        """Keep the moves made before the install; derive the step reached."""
        moves = [move for move in self.moves if move[0] < TODAY]
        self.moves = moves
        self.step = moves[-1][1] if moves else "received"
        self.stage_since = moves[-1][0] if moves else self.received
        self.dates = {}  # first entry into each step, as _iso_stamp_steps records it
        for date, step, _answer in moves:
            self.dates.setdefault(step, date)
        answers = [(date, answer) for date, _step, answer in moves if answer]
        self.answer = answers[-1] if answers else None
        self.withdrawn = bool(self.answer and self.answer[1] == "withdrawn")
        self.reopened = any(answer == "rejected" for _date, answer in answers)
        self.closed = self.step == "closed"
        # the deadlines of the severity assessed, or of the team's default policy
        self.assessed = "investigation" in self.dates or self.health_safety
        ack_hours, decision_days, _close_days = self._policy(self.assessed and self.severity)
        self.acknowledge_due = deadline_range(self.received, ack_hours)
        self.decision_due = deadline_range(self.received, decision_days * 8)
        self.late = self.dates.get("decision_communicated", TODAY) > self.decision_due[0]
        # the deadline clocks stop while the decision awaits the complainant's answer
        self.pauses = [
            (start, end)
            for (start, step, _a), (end, _s, _b) in itertools.pairwise(moves)
            if step == "decision_communicated"
        ]

    def _escalations(self):
        """What the escalation rules logged, [(rule, level, date, reason)], each
        at the first hourly run after its condition held."""
        logs = []
        if self.health_safety:
            logs.append(("health_safety", 2, self.received, "health & safety"))
        # after the deadline whatever the summer time; "due within 24 h" before it
        acknowledged = self.dates.get("acknowledged", TODAY)
        breached = cron_time(self.acknowledge_due[1])
        if breached < min(acknowledged, TODAY):
            reason = "acknowledgement deadline breached"
            logs.append(("acknowledge_breached", 1, breached, reason))
        communicated = self.dates.get("decision_communicated", TODAY)
        if self.withdrawn:
            communicated = min(communicated, self.dates["closed"])
        earliest, latest = self.decision_due
        warned = cron_time(latest - timedelta(hours=24))
        if warned < min(communicated, TODAY, earliest):
            logs.append(("decision_due", 1, warned, "decision deadline due within 24 h"))
        if cron_time(latest) < min(communicated, TODAY):
            logs.append(("decision_breached", 2, cron_time(latest), "decision deadline breached"))
        for date, _step, answer in self.moves:
            if answer == "rejected":
                logs.append(("rejected", 1, date, "the complainant rejected the decision"))
        return logs

    def _survey(self):
        """Sent on closing (8.3); about half answer, some after the reminder."""
        rng = self.rng
        if not (self.closed and self.customer.get("email")) or self.withdrawn:
            return None
        invited = self.dates["closed"] + timedelta(minutes=1)
        survey = {"invited": invited}
        reminder = invited + timedelta(days=5, minutes=rng.randint(10, 50))
        if rng.random() < 0.5:
            if rng.random() < 0.7:
                answered = invited + timedelta(hours=rng.uniform(1, 96))
            else:
                answered = reminder + timedelta(hours=rng.uniform(1, 48))
            if answered < TODAY:
                survey["answered"] = answered
                survey["scores"] = self._survey_scores()
        if reminder < survey.get("answered", TODAY):
            survey["reminded"] = reminder
        return survey

    def _survey_scores(self):
        rng = self.rng
        mood = {"upheld": 3.4, "partially_upheld": 2.6, "not_upheld": 1.6}[self.outcome.decision]
        if self.reopened:
            mood -= 0.6
        adjust = {"ease": 0.3, "timeliness": -1.4 if self.late else 0.2, "fairness": 0.3}
        answers = {
            question: min(4, max(0, round(mood + adjust.get(question, 0) + rng.uniform(-1, 1))))
            for question in SURVEY_QUESTIONS
        }
        mean = sum(answers.values()) / len(answers)
        recommend = min(10, max(0, round(mean * 2.5 + rng.uniform(-1.5, 1.5))))
        kind = "good" if mean >= 3 else "mixed" if mean >= 2 else "bad"
        comment = rng.choice(SURVEY_COMMENTS[kind]) if rng.random() < 0.35 else ""
        return {"answers": answers, "recommend": recommend, "comment": comment}


def simulate():
    """The complaints, oldest first."""
    rng = random.Random(SEED)
    customers = Customers(rng)
    complaints = []
    for category, counts in VOLUME.items():
        scenarios = [s for s in SCENARIOS if s.category == category]
        for month, count in enumerate(counts):
            fixed = [s for s in scenarios for _n in range(s.fixed.get(month, 0))]
            pool = [s for s in scenarios if not s.fixed and s.trend[month]]
            drawn = fixed + rng.choices(pool, [s.trend[month] for s in pool], k=count - len(fixed))
            complaints += [Complaint(scenario, month, rng, customers) for scenario in drawn]
    complaints.sort(key=lambda complaint: complaint.received)
    for index, complaint in enumerate(complaints, 1):
        complaint.xmlid = f"helpdesk_ticket_complaint_history_{index:03d}_demo"
        complaint.survey_xmlid = f"survey_user_input_complaint_history_{index:03d}_demo"
        complaint.log_xmlid = f"iso10002_escalation_log_history_{index:03d}_%s_demo"
    return customers, complaints
