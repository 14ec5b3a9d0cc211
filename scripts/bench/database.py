"""Work straight on the database, shared by the generator and the measures."""

import psycopg2

from odoo import fields
from odoo.sql_db import connection_info_for
from odoo.tools import SQL


def vacuum(dbname, tables):
    """VACUUM ANALYZE, which needs a connection outside of any transaction:
    fresh statistics for the planner and no dead rows left by the bulk writes."""
    _name, info = connection_info_for(dbname)
    connection = psycopg2.connect(**info)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(SQL("VACUUM ANALYZE %s", SQL.identifier(table)).code)
    finally:
        connection.close()


def settle_escalations(env):
    """Escalate, straight in SQL, what the active rules hold for now: the
    state the hourly cron leaves, so that its next run has nothing to do."""
    tickets = env["helpdesk.ticket"].sudo()
    tickets._refresh_due_deadlines()
    now = fields.Datetime.now()
    settled = 0
    for rule in env["iso10002.escalation.rule"].sudo().search([]):
        ids = tickets.search(rule._pending_domain(now)).ids
        if not ids:
            continue
        env.cr.execute(
            SQL(
                """INSERT INTO iso10002_escalation_log (ticket_id, rule_id, level, date, reason,
                                                        company_id, create_uid, create_date,
                                                        write_uid, write_date)
                   SELECT t.id, %(rule)s, %(level)s, %(now)s, 'settled by the bench',
                          t.company_id, 1, %(now)s, 1, %(now)s
                     FROM helpdesk_ticket t WHERE t.id = ANY(%(ids)s)
                   ON CONFLICT DO NOTHING""",
                rule=rule.id,
                level=rule.level,
                now=now,
                ids=ids,
            )
        )
        env.cr.execute(
            SQL(
                """UPDATE helpdesk_ticket SET escalation_level = %s
                    WHERE id = ANY(%s) AND escalation_level < %s""",
                rule.level,
                ids,
                rule.level,
            )
        )
        settled += len(ids)
    env.invalidate_all()
    return settled


# ----------------------------------------------------------------------
# Measurements
