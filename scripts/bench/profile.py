"""Where the queries and the SQL time of a measurement go: the statements run,
grouped by concern, the slowest ones and the large tables their plans read
whole."""

import re

import psycopg2

from odoo.tools import SQL

# where the queries go, to explain a cost: table prefixes grouped by concern
QUERY_FAMILIES = [
    ("mail, chatter and notifications", ("mail_", "bus_", "ir_attachment", "ir_act_report")),
    ("working calendar", ("resource_",)),
    ("stages", ("helpdesk_ticket_stage",)),
    ("deadline policies", ("iso10002_deadline",)),
    ("escalation rules and log", ("iso10002_escalation",)),
    ("contacts and users", ("res_partner", "res_users", "res_company")),
    ("the ticket itself", ("helpdesk_ticket",)),
]
TABLE = re.compile(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?(\w+)', re.IGNORECASE)


QUALIFIER = re.compile(r'"\w+"\.(?=")')
SELECT_LIST = re.compile(r"^SELECT\s.{40,}?\sFROM\s", re.DOTALL)


class Profile:
    """The statements run during measurements: count and SQL time per statement
    text (parameters apart), to say where the time and the queries go."""

    def __init__(self):
        self.statements = {}

    def add(self, query, params, seconds):
        if isinstance(query, SQL):
            query, params = query.code, query.params
        entry = self.statements.setdefault(str(query), [0, 0.0, None])
        entry[0] += 1
        entry[1] += seconds
        entry[2] = params  # the last ones, to explain the statement

    @property
    def sql(self):
        return sum(seconds for _count, seconds, _params in self.statements.values())

    def families(self, per=1):
        """{concern: number of queries}, divided by `per`."""
        counts = {}
        for code, (count, _seconds, _params) in self.statements.items():
            match = TABLE.search(code)
            table = match.group(1) if match else ""
            family = next(
                (name for name, prefixes in QUERY_FAMILIES if table.startswith(prefixes)), "other"
            )
            counts[family] = counts.get(family, 0) + count / per
        return counts

    def slowest(self, count=2, per=1):
        """The statements that took the most time: (seconds / per, text, params)."""
        ordered = sorted(self.statements.items(), key=lambda item: -item[1][1])[:count]
        return [(seconds / per, code, params) for code, (_count, seconds, params) in ordered]

    def slow_count(self, threshold, per=1):
        """How many statements (per `per` runs) took more than `threshold` seconds on average."""
        return sum(
            count / per
            for count, seconds, _params in self.statements.values()
            if seconds / count > threshold
        )


def shorten(code):
    """A statement on one line, without the ORM's column lists and table prefixes."""
    code = QUALIFIER.sub("", " ".join(code.split())).replace('"', "")
    return SELECT_LIST.sub("SELECT … FROM ", code)[:200].replace("|", "\\|")


def families_text(counts, sign=""):
    ordered = sorted(counts.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {sign}{count:.0f}" for name, count in ordered if round(count))


def slowest_text(profile, scans, per=1):
    """The slowest statements, each with the large tables it reads whole."""
    texts = []
    for seconds, code, _params in profile.slowest(per=per):
        text = f"{seconds * 1000:.0f} ms `{shorten(code)}`"
        if scans.get(code):
            text += f" (reads all of {', '.join(scans[code])})"
        texts.append(text)
    return "; ".join(texts)


def full_scans(cr, code, params):
    """The tables of more than 10,000 rows that PostgreSQL's plan for the
    statement reads sequentially: where the time grows with the data set."""
    if not code.lstrip().upper().startswith(("SELECT", "WITH")):
        return []
    try:
        with cr.savepoint(flush=False):
            # the statement as the ORM ran it, with its own parameters
            cr.execute("EXPLAIN " + code, params)
            plan = "\n".join(line for (line,) in cr.fetchall())
    except psycopg2.Error:  # e.g. a table created in the rolled-back transaction
        return []
    tables = sorted(set(re.findall(r"Seq Scan on (\w+)", plan)))
    if not tables:
        return []
    cr.execute(
        "SELECT relname FROM pg_class WHERE relname = ANY(%s) AND reltuples > 10000", [tables]
    )
    return [name for (name,) in cr.fetchall()]
