"""18.0.2.0.0: the remedies of a complaint become remedy lines.

Each remedy type the complaint had gets a line; its compensation amount (the
columns Odoo keeps of the removed fields) goes on the line of the type that
carries an amount. A complaint whose decision was communicated had its
remedies delivered then; the others are planned. Refunds carry an amount.
Complaints that have lines already are left alone: running it again changes
nothing.

The decision mail is data an administrator may edit (noupdate), which an
upgrade does not reload: its former body read the removed compensation field,
and sending a decision would fail. It is reloaded from the addon, its
translations dropped so that the upgrade loads the new ones right after."""

import logging

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools import file_open
from odoo.tools.convert import xml_import
from odoo.tools.sql import column_exists

_logger = logging.getLogger(__name__)


def _refund_carries_an_amount(cr):
    cr.execute(
        """UPDATE iso10002_remedy_type SET is_compensation = TRUE
            WHERE id = (SELECT res_id FROM ir_model_data
                         WHERE module = 'odoo_iso10002' AND name = 'remedy_type_refund')"""
    )


def _insert_lines(cr):
    """The lines, in SQL: the remedies' create and write hooks are for remedies
    decided by hand. Returns the ids of the lines inserted."""
    has_amount = column_exists(cr, "helpdesk_ticket", "compensation_amount")
    has_currency = column_exists(cr, "helpdesk_ticket", "currency_id")
    amount = "t.compensation_amount" if has_amount else "NULL::numeric"
    currency = "t.currency_id" if has_currency else "NULL::integer"
    cr.execute(
        "SELECT res_id FROM ir_model_data "
        "WHERE module = 'odoo_iso10002' AND name = 'remedy_type_compensation'"
    )
    row = cr.fetchone()
    compensation_type = row and row[0]
    # the amount goes on the first type carrying one (refund does not carry
    # one yet), else on a compensation line of its own
    cr.execute(
        f"""
        WITH todo AS (
            SELECT t.id, t.company_id, t.user_id, t.date_decision_communicated,
                   COALESCE({amount}, 0) AS amount,
                   COALESCE({currency}, c.currency_id) AS currency_id
              FROM helpdesk_ticket t
              JOIN res_company c ON c.id = t.company_id
             WHERE NOT EXISTS (SELECT 1 FROM iso10002_remedy r WHERE r.ticket_id = t.id)
        ), types AS (
            SELECT rel.helpdesk_ticket_id AS ticket_id, rel.iso10002_remedy_type_id AS type_id
              FROM helpdesk_ticket_iso10002_remedy_type_rel rel
            UNION
            SELECT todo.id, %(compensation)s
              FROM todo
             WHERE todo.amount > 0 AND %(compensation)s IS NOT NULL
               AND NOT EXISTS (
                   SELECT 1 FROM helpdesk_ticket_iso10002_remedy_type_rel rel
                     JOIN iso10002_remedy_type rt ON rt.id = rel.iso10002_remedy_type_id
                    WHERE rel.helpdesk_ticket_id = todo.id AND rt.is_compensation)
        ), lines AS (
            SELECT todo.*, rt.id AS type_id, rt.delivery,
                   row_number() OVER (PARTITION BY todo.id ORDER BY rt.sequence, rt.id)
                       AS sequence,
                   rt.is_compensation AND rt.id = min(rt.id) FILTER (WHERE rt.is_compensation)
                       OVER (PARTITION BY todo.id) AS takes_amount
              FROM todo
              JOIN types ON types.ticket_id = todo.id
              JOIN iso10002_remedy_type rt ON rt.id = types.type_id
        )
        INSERT INTO iso10002_remedy (
            ticket_id, company_id, sequence, remedy_type_id, delivery, currency_id,
            amount_currency, user_id, state, date_delivered,
            create_uid, create_date, write_uid, write_date)
        SELECT id, company_id, sequence, type_id, COALESCE(delivery, 'hand'), currency_id,
               CASE WHEN takes_amount THEN amount ELSE 0 END, user_id,
               CASE WHEN date_decision_communicated IS NOT NULL
                    THEN 'delivered' ELSE 'planned' END,
               date_decision_communicated,
               %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
          FROM lines
        RETURNING id
        """,
        {"compensation": compensation_type, "uid": SUPERUSER_ID},
    )
    return [line_id for (line_id,) in cr.fetchall()]


def _reload_decision_mail(env):
    with file_open("odoo_iso10002/data/mail_template_data.xml", "rb") as data:
        [record] = (
            etree.parse(data).getroot().xpath("//record[@id='mail_template_complaint_decision']")
        )
    document = etree.Element("odoo")
    document.append(record)
    # mode init: the record is written although its data is noupdate
    xml_import(env, "odoo_iso10002", {}, "init", noupdate=True).parse(document)
    template = env.ref("odoo_iso10002.mail_template_complaint_decision")
    env.cr.execute(
        """UPDATE mail_template SET body_html = jsonb_build_object('en_US', body_html->'en_US')
            WHERE id = %s""",
        [template.id],
    )
    template.invalidate_recordset(["body_html"])


def migrate(cr, version):
    if not version:
        return
    # first the lines, so that a refund keeps the amount it did not carry
    line_ids = _insert_lines(cr)
    _refund_carries_an_amount(cr)
    env = api.Environment(cr, SUPERUSER_ID, {})
    # the types were read while the data loaded, before refund carried an amount
    env.invalidate_all()
    lines = env["iso10002.remedy"].browse(line_ids)
    # the amounts in company currency, and whatever the complaints compute from
    # their lines (the cost, the remedy types), by the ORM
    env.add_to_compute(lines._fields["amount"], lines)
    lines.ticket_id.modified(["remedy_ids"])
    env.flush_all()
    tickets = env["helpdesk.ticket"]
    if "approved_amount" in tickets._fields and "remedy_cost" in tickets._fields:
        # what a manager approved was the compensation now costed
        cr.execute(
            """UPDATE helpdesk_ticket SET approved_amount = remedy_cost
                WHERE approved_by_id IS NOT NULL AND id = ANY(%s)""",
            [lines.ticket_id.ids],
        )
    _logger.info("%d remedy lines for %d complaints", len(lines), len(lines.ticket_id))
    _reload_decision_mail(env)
