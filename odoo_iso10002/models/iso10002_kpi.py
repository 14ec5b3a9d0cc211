from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL, format_date
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Open backlog age buckets, in days: (key, label, lowest age, highest age)
AGE_BUCKETS = [
    ("age_7", _lt("Open up to 7 days"), 0, 7),
    ("age_30", _lt("Open 8 to 30 days"), 7, 30),
    ("age_90", _lt("Open 31 to 90 days"), 30, 90),
    ("age_more", _lt("Open more than 90 days"), 90, None),
]
TOP_CUSTOMERS = 10
# The teams' objectives (ISO 10002 6): the figure each one is set for.
TARGET_FIELDS = {
    "acknowledge_on_time": "target_acknowledge_on_time",
    "decision_on_time": "target_decision_on_time",
    "close_on_time": "target_close_on_time",
    "satisfaction_score": "target_satisfaction",
}


def previous_period(date_from, date_to):
    """The period just before [date_from, date_to]: the same number of whole
    months when the period is made of whole months, else the same number of days."""
    after = date_to + timedelta(days=1)
    if date_from.day == 1 and after.day == 1:
        months = relativedelta(after, date_from)
        return date_from - months, date_from - timedelta(days=1)
    return date_from - (after - date_from), date_from - timedelta(days=1)


def rate(part, whole):
    """Percentage, None when there is nothing to rate."""
    return 100.0 * part / whole if whole else None


def local_day_start(day, tz):
    """The UTC instant (naive, as Odoo stores datetimes) at which the local day
    ``day`` of time zone ``tz`` starts.

    Usually local midnight; where a DST change skips midnight the day starts at
    the first local time it has (01:00), and where it repeats midnight, at the
    first of the two."""
    zone = pytz.timezone(tz)
    midnight = datetime.combine(day, time.min)
    starts = [zone.localize(midnight, is_dst=is_dst) for is_dst in (True, False)]
    # a skipped midnight read with the DST offset falls on the evening before
    start = min(start for start in starts if zone.normalize(start).date() == day)
    return start.astimezone(pytz.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Scope:
    """The complaints of some teams of a company over the local days
    [date_from, date_to], which start and end bound in UTC."""

    company: models.BaseModel
    teams: models.BaseModel
    date_from: date
    date_to: date
    start: datetime
    end: datetime
    # the complaints of the teams, whatever their dates: as a domain, and as the
    # same condition in SQL on table helpdesk_ticket
    domain: list
    sql: SQL

    def received(self):
        """Domain of the complaints received in the period."""
        return self.domain + [("date_received", ">=", self.start), ("date_received", "<", self.end)]


class Iso10002Kpi(models.AbstractModel):
    """The figures of complaints handling over a period (ISO 10002 8.4, 8.6),
    for the management review and whatever else reports them.

    They count every complaint of the scope, archived ones included, whoever
    asks: who may see the figures is decided where they are shown. A period
    costs a fixed number of aggregate queries, whatever the number of
    complaints: `_read_group` for plain counts, SQL for percentiles, filtered
    aggregates and ages."""

    _name = "iso10002.kpi"
    _description = "Complaints-Handling Figures"

    @api.model
    def _teams(self, company, teams=None):
        """The teams in scope: those given, else every complaint team of the company."""
        if teams:
            return teams.sudo().with_context(active_test=False)
        return (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .with_context(active_test=False)
            .search([("is_complaint_team", "=", True), ("company_id", "=", company.id)])
        )

    @api.model
    def _targets(self, company, teams=None):
        """The strictest objective of the teams in scope, per figure."""
        teams = self._teams(company, teams)
        return {key: max(teams.mapped(field), default=0.0) for key, field in TARGET_FIELDS.items()}

    @api.model
    def _figures(self, company, teams, date_from, date_to, tz=None):
        """Figures of the complaints of ``teams`` (empty: all complaint teams)
        of ``company`` over the local days [date_from, date_to] of time zone
        ``tz``, by default the company's (`res.company._iso10002_tz`): a list
        of dicts with section, key, name, unit, value, and currency_id for
        amounts."""
        tz = tz or company._iso10002_tz()
        engine = self.sudo().with_context(active_test=False)
        scope = engine._scope(company, engine._teams(company, teams), date_from, date_to, tz)
        engine.env.flush_all()
        figures = []
        for method in (
            engine._volume,
            engine._timeliness,
            engine._backlog,
            engine._escalation,
            engine._outcome,
            engine._satisfaction,
            engine._causes,
            engine._repeat,
            engine._actions,
        ):
            figures += method(scope)
        return figures

    @api.model
    def _monthly_trend(self, company, teams, date_from, date_to, tz=None):
        """Complaints received, closed, and closed on time, for each local month
        of [date_from, date_to] (the first and last cut to the period): figures
        of section ``trend``, keyed ``trend_<yyyy>_<mm>_<measure>``. Two
        aggregate queries, whatever the length of the period."""
        _ = self.env._
        tz = tz or company._iso10002_tz()
        engine = self.sudo().with_context(active_test=False)
        scope = engine._scope(company, engine._teams(company, teams), date_from, date_to, tz)
        engine.env.flush_all()

        def by_month(done, aggregates):
            column = SQL.identifier("helpdesk_ticket", done)
            return {
                row[0]: row[1:]
                for row in engine._rows(
                    """SELECT to_char(timezone(%s, timezone('UTC', %s)), 'YYYY_MM'), %s
                         FROM helpdesk_ticket
                        WHERE %s AND %s >= %s AND %s < %s
                        GROUP BY 1""",
                    tz,
                    column,
                    aggregates,
                    scope.sql,
                    column,
                    scope.start,
                    column,
                    scope.end,
                )
            }

        received = by_month("date_received", SQL("count(*)"))
        closed = by_month(
            "date_closed",
            SQL(
                """count(*), count(*) FILTER (WHERE helpdesk_ticket.deadline_close IS NOT NULL),
                   count(*) FILTER (WHERE helpdesk_ticket.date_closed
                                          <= helpdesk_ticket.deadline_close)"""
            ),
        )
        figures = []
        month = date_from.replace(day=1)
        while month <= date_to:
            key = month.strftime("trend_%Y_%m")
            label = format_date(self.env, month, date_format="LLL y")
            count, with_deadline, on_time = closed.get(key[6:], (0, 0, 0))
            figures += [
                self._figure(
                    "trend",
                    f"{key}_received",
                    _("Received in %s", label),
                    received.get(key[6:], (0,))[0],
                ),
                self._figure("trend", f"{key}_closed", _("Closed in %s", label), count),
                self._figure(
                    "trend",
                    f"{key}_on_time",
                    _("Closed on time in %s", label),
                    rate(on_time, with_deadline),
                    "percent",
                ),
            ]
            month += relativedelta(months=1)
        return figures

    @api.model
    def _scope(self, company, teams, date_from, date_to, tz):
        domain = [
            ("is_complaint", "=", True),
            ("company_id", "=", company.id),
            ("team_id", "in", teams.ids),
        ]
        tickets = self.env["helpdesk.ticket"]
        return Scope(
            company=company,
            teams=teams,
            date_from=date_from,
            date_to=date_to,
            start=local_day_start(date_from, tz),
            end=local_day_start(date_to + timedelta(days=1), tz),
            domain=domain,
            sql=tickets._where_calc(domain, active_test=False).where_clause,
        )

    def _rows(self, query, *args, **kwargs):
        self.env.cr.execute(SQL(query, *args, **kwargs))
        return self.env.cr.fetchall()

    def _figure(self, section, key, name, value, unit="count"):
        return {"section": section, "key": key, "name": name, "unit": unit, "value": value}

    def _count_by(self, domain, field_name, limit=None):
        """Complaints counted by one field, the most frequent first; ties by the
        stored value (a record's id), empty last."""
        tickets = self.env["helpdesk.ticket"]
        # _read_group sorts a many2one on its comodel's _order; MIN() of the column, on the id
        tie = f"{field_name}:min" if tickets._fields[field_name].type == "many2one" else field_name
        return tickets._read_group(
            domain, [field_name], ["__count"], order=f"__count DESC, {tie}", limit=limit
        )

    def _breakdown(self, scope, section, key, field_name, limit=None):
        """Complaints received in the period, counted by one field of theirs,
        the most frequent first."""
        field = self.env["helpdesk.ticket"]._fields[field_name]
        groups = self._count_by(scope.received(), field_name, limit=limit)
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            rows = [(value, labels.get(value), count) for value, count in groups]
        else:
            rows = [(record.id, record.display_name, count) for record, count in groups]
        return [
            self._figure(section, f"{key}_{value or 'none'}", name or self.env._("Not set"), count)
            for value, name, count in rows
        ]

    def _volume(self, scope):
        # a complaint has one channel or none: the channels add up to the total
        channels = self._breakdown(scope, "volume", "channel", "channel_id")
        figures = [
            self._figure(
                "volume",
                "received",
                self.env._("Complaints received"),
                sum(channel["value"] for channel in channels),
            )
        ]
        figures += channels
        figures += self._breakdown(scope, "volume", "category", "category_id")
        figures += self._breakdown(scope, "volume", "severity", "severity")
        # anonymous complaints have no customer: one more row than shown
        customers = self._breakdown(
            scope, "volume", "customer", "commercial_partner_id", limit=TOP_CUSTOMERS + 1
        )
        return figures + [c for c in customers if c["key"] != "customer_none"][:TOP_CUSTOMERS]

    def _timeliness(self, scope):
        _ = self.env._
        steps = [
            (
                "acknowledge",
                ("hours_to_acknowledge", "date_acknowledged", "deadline_acknowledge", "hours"),
                [
                    _("Complaints acknowledged"),
                    _("Time to acknowledge: mean"),
                    _("Time to acknowledge: median"),
                    _("Time to acknowledge: 90th percentile"),
                    _("Acknowledged on time"),
                ],
            ),
            (
                "decision",
                ("days_to_decision", "date_decision_communicated", "deadline_decision", "days"),
                [
                    _("Decisions communicated"),
                    _("Time to decision: mean"),
                    _("Time to decision: median"),
                    _("Time to decision: 90th percentile"),
                    _("Decisions on time"),
                ],
            ),
            (
                "close",
                ("days_to_close", "date_closed", "deadline_close", "days"),
                [
                    _("Complaints closed"),
                    _("Time to close: mean"),
                    _("Time to close: median"),
                    _("Time to close: 90th percentile"),
                    _("Closed on time"),
                ],
            ),
        ]
        figures = []
        for key, (measure, done, deadline, unit), labels in steps:
            count, mean, median, p90, with_deadline, on_time = self._rows(
                """SELECT count(*), avg(%(x)s),
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY %(x)s),
                          percentile_cont(0.9) WITHIN GROUP (ORDER BY %(x)s),
                          count(*) FILTER (WHERE %(deadline)s IS NOT NULL),
                          count(*) FILTER (WHERE %(done)s <= %(deadline)s)
                     FROM helpdesk_ticket
                    WHERE %(scope)s AND %(done)s >= %(start)s AND %(done)s < %(end)s""",
                x=SQL.identifier("helpdesk_ticket", measure),
                done=SQL.identifier("helpdesk_ticket", done),
                deadline=SQL.identifier("helpdesk_ticket", deadline),
                scope=scope.sql,
                start=scope.start,
                end=scope.end,
            )[0]
            values = [
                (f"{key}_count", count, "count"),
                (f"{key}_mean", mean, unit),
                (f"{key}_median", median, unit),
                (f"{key}_p90", p90, unit),
                (f"{key}_on_time", rate(on_time, with_deadline), "percent"),
            ]
            figures += [
                self._figure("timeliness", figure_key, label, value, figure_unit)
                for (figure_key, value, figure_unit), label in zip(values, labels, strict=True)
            ]
        return figures

    def _backlog(self, scope):
        _ = self.env._
        # the backlog as it stood at the end of the period, or now for a running one
        at = min(scope.end, fields.Datetime.now())
        buckets = []
        for _key, _label, low, high in AGE_BUCKETS:
            conditions = [SQL("age > %s", low)] if low else []
            if high is not None:
                conditions.append(SQL("age <= %s", high))
            buckets.append(SQL("count(*) FILTER (WHERE %s)", SQL(" AND ").join(conditions)))
        row = self._rows(
            """SELECT count(*), avg(age), %s FROM (
                   SELECT EXTRACT(EPOCH FROM (%s - helpdesk_ticket.date_received)) / 86400 AS age
                     FROM helpdesk_ticket
                    WHERE %s AND helpdesk_ticket.date_received < %s
                      AND (helpdesk_ticket.date_closed IS NULL
                           OR helpdesk_ticket.date_closed >= %s)) backlog""",
            SQL(", ").join(buckets),
            at,
            scope.sql,
            at,
            at,
        )[0]
        figures = [
            self._figure("backlog", "open", _("Open complaints at the end of the period"), row[0]),
            self._figure("backlog", "open_age", _("Mean age of open complaints"), row[1], "days"),
        ]
        for (key, label, _low, _high), count in zip(AGE_BUCKETS, row[2:], strict=True):
            figures.append(self._figure("backlog", key, str(label), count))
        return figures

    def _escalation(self, scope):
        _ = self.env._
        levels = self.env["iso10002.escalation.log"]._read_group(
            [
                ("ticket_id", "any", scope.domain),
                ("date", ">=", scope.start),
                ("date", "<", scope.end),
            ],
            ["level"],
            ["__count"],
            order="level",
        )
        figures = [
            self._figure(
                "escalation", "escalations", _("Escalations"), sum(count for _l, count in levels)
            )
        ]
        figures += [
            self._figure(
                "escalation", f"escalation_{level}", _("Escalations to level %s", level), count
            )
            for level, count in levels
        ]
        return figures

    def _outcome(self, scope):
        _ = self.env._
        # decided in the period: decision communicated, or withdrawn and closed
        # (written so that the indexes on both dates serve)
        decided = scope.domain + [
            ("decision", "!=", False),
            "|",
            "&",
            ("date_decision_communicated", ">=", scope.start),
            ("date_decision_communicated", "<", scope.end),
            "&",
            ("date_decision_communicated", "=", False),
            "&",
            ("date_closed", ">=", scope.start),
            ("date_closed", "<", scope.end),
        ]
        labels = dict(
            self.env["helpdesk.ticket"]._fields["decision"]._description_selection(self.env)
        )
        figures = [
            self._figure("outcome", f"decision_{decision}", labels[decision], count)
            for decision, count in self._count_by(decided, "decision")
        ]
        # complaints without remedy make a group of their own, left out
        figures += [
            self._figure(
                "outcome", f"remedy_{remedy.id}", _("Remedy: %s", remedy.display_name), count
            )
            for remedy, count in self._count_by(decided, "remedy_type_ids")
            if remedy
        ]
        for company, amount in self.env["helpdesk.ticket"]._read_group(
            decided + [("remedy_cost", ">", 0)],
            ["company_id"],
            ["remedy_cost:sum"],
        ):
            currency = company.currency_id
            figure = self._figure(
                "outcome",
                f"compensation_{currency.name}",
                _("Compensation paid (%s)", currency.name),
                amount,
                "amount",
            )
            figures.append(dict(figure, currency_id=currency.id))
        return figures

    def _satisfaction(self, scope):
        _ = self.env._
        stats = scope.teams._satisfaction_stats(scope.start, scope.end).values()
        invited = sum(team["invited"] for team in stats)
        answered = sum(team["answered"] for team in stats)
        score_sum = sum(team["score"] * team["answered"] for team in stats if team["answered"])
        return [
            self._figure("satisfaction", "surveys_sent", _("Surveys sent"), invited),
            self._figure("satisfaction", "surveys_answered", _("Surveys answered"), answered),
            self._figure(
                "satisfaction",
                "response_rate",
                _("Survey response rate"),
                rate(answered, invited),
                "percent",
            ),
            self._figure(
                "satisfaction",
                "satisfaction_score",
                _("Satisfaction score"),
                score_sum / answered if answered else None,
                "score",
            ),
        ]

    def _causes(self, scope):
        # Pareto: causes by decreasing count; the report adds the cumulative share
        causes = self._breakdown(scope, "causes", "cause", "root_cause_id")
        return [figure for figure in causes if figure["key"] != "cause_none"]

    def _repeat(self, scope):
        _ = self.env._
        in_period = SQL(
            "%s AND helpdesk_ticket.date_received >= %s AND helpdesk_ticket.date_received < %s",
            scope.sql,
            scope.start,
            scope.end,
        )
        # in the subquery, helpdesk_ticket is the subquery's own table
        received, repeat, complainants = self._rows(
            """SELECT count(*), count(*) FILTER (WHERE helpdesk_ticket.is_repeat),
                      count(DISTINCT helpdesk_ticket.commercial_partner_id)
                          FILTER (WHERE helpdesk_ticket.commercial_partner_id IN (
                              SELECT commercial_partner_id FROM helpdesk_ticket
                               WHERE %s GROUP BY 1 HAVING count(*) > 1))
                 FROM helpdesk_ticket
                WHERE %s""",
            in_period,
            in_period,
        )[0]
        closed, reopened = self._rows(
            """SELECT count(*), count(*) FILTER (WHERE helpdesk_ticket.reopen_count > 0)
                 FROM helpdesk_ticket
                WHERE %s AND helpdesk_ticket.date_closed >= %s
                  AND helpdesk_ticket.date_closed < %s""",
            scope.sql,
            scope.start,
            scope.end,
        )[0]
        return [
            self._figure("repeat", "repeat", _("Repeat complaints"), repeat),
            self._figure(
                "repeat",
                "repeat_rate",
                _("Repeat complaints rate"),
                rate(repeat, received),
                "percent",
            ),
            self._figure(
                "repeat",
                "repeat_complainants",
                _("Customers with several complaints in the period"),
                complainants,
            ),
            self._figure(
                "repeat",
                "reopen_rate",
                _("Closed complaints re-opened before closing"),
                rate(reopened, closed),
                "percent",
            ),
        ]

    def _actions(self, scope):
        _ = self.env._
        # create_date is a UTC datetime, the other dates are local days
        day_end = scope.date_to + timedelta(days=1)
        opened, done, effective, not_effective, overdue = self._rows(
            """SELECT count(*) FILTER (WHERE a.create_date >= %(start)s
                                         AND a.create_date < %(end)s),
                      count(*) FILTER (WHERE a.date_done >= %(day_start)s
                                         AND a.date_done < %(day_end)s),
                      count(*) FILTER (WHERE a.effectiveness = 'effective'
                                         AND a.date_effectiveness >= %(day_start)s
                                         AND a.date_effectiveness < %(day_end)s),
                      count(*) FILTER (WHERE a.effectiveness = 'not_effective'
                                         AND a.date_effectiveness >= %(day_start)s
                                         AND a.date_effectiveness < %(day_end)s),
                      count(*) FILTER (WHERE a.create_date < %(end)s
                                         AND a.date_deadline < %(day_end)s
                                         AND a.state != 'cancelled'
                                         AND (a.date_done IS NULL OR a.date_done >= %(day_end)s))
                 FROM iso10002_corrective_action a
                WHERE a.company_id = %(company)s""",
            start=scope.start,
            end=scope.end,
            day_start=scope.date_from,
            day_end=day_end,
            company=scope.company.id,
        )[0]
        return [
            self._figure("actions", "actions_opened", _("Actions opened"), opened),
            self._figure("actions", "actions_done", _("Actions done"), done),
            self._figure("actions", "actions_effective", _("Found effective"), effective),
            self._figure(
                "actions", "actions_not_effective", _("Found not effective"), not_effective
            ),
            self._figure(
                "actions", "actions_overdue", _("Overdue at the end of the period"), overdue
            ),
        ]
