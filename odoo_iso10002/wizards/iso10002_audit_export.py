import base64
import csv
import io
import zipfile
from collections import defaultdict
from datetime import datetime, timedelta

import pytz
import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import date_utils, html2plaintext, is_html_empty

from ..models.iso10002_kpi import local_day_start

# Columns of the "Complaints" table, in order: fields of helpdesk.ticket.
COMPLAINT_FIELDS = [
    "number",
    "name",
    "company_id",
    "team_id",
    "category_id",
    "channel_id",
    "partner_id",
    "requested_remedy",
    "iso_step",
    "stage_id",
    "user_id",
    "date_received",
    "date_acknowledged",
    "date_assessment",
    "date_investigation",
    "date_response",
    "date_decision_communicated",
    "date_closed",
    "severity",
    "health_safety",
    "complexity",
    "impact",
    "priority",
    "immediate_action_needed",
    "immediate_action_possible",
    "immediate_action_taken",
    "investigator_id",
    "root_cause_id",
    "findings",
    "is_repeat",
    "decision",
    "remedy_type_ids",
    "remedy_cost",
    "decision_text",
    "approved_by_id",
    "date_approved",
    "approved_amount",
    "complainant_response",
    "date_complainant_response",
    "rejection_reason",
    "reopen_count",
    "escalation_level",
    "deadline_acknowledge",
    "deadline_acknowledge_state",
    "deadline_decision",
    "deadline_decision_state",
    "deadline_close",
    "deadline_close_state",
    "satisfaction_score",
    "anonymised_date",
]
# Excel refuses cells longer than 32,767 characters.
CELL_MAX = 32000
# xlsxwriter would otherwise turn text such as "=1+1" into a formula.
XLSX_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


class Iso10002AuditExport(models.TransientModel):
    """The complaint records of a period with their full history, for
    internal and certification audits (ISO 10002 8.5)."""

    _name = "iso10002.audit.export"
    _description = "Complaints Audit Export"

    @api.model
    def _default_period(self):
        """The previous full calendar quarter."""
        quarter_start = date_utils.start_of(fields.Date.context_today(self), "quarter")
        date_to = quarter_start - timedelta(days=1)
        return date_utils.start_of(date_to, "quarter"), date_to

    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self._default_period()[1]
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        string="Complaint Teams",
        domain=[("is_complaint_team", "=", True)],
        help="Leave empty to export the complaints of every team.",
    )
    include_history = fields.Boolean(
        default=True,
        help="Add every tracked change and every message of the complaints.",
    )
    file_format = fields.Selection(
        [("xlsx", "Excel (XLSX)"), ("csv", "CSV (ZIP of two files)")],
        required=True,
        default="xlsx",
    )
    state = fields.Selection([("choose", "Choose"), ("get", "Get")], default="choose")
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The period of the audit export ends before it starts.")
                )

    def action_export(self):
        self.ensure_one()
        complaints = self._search_complaints()
        if not complaints:
            raise UserError(
                self.env._(
                    "No complaint received between %(date_from)s and %(date_to)s.",
                    date_from=self.date_from,
                    date_to=self.date_to,
                )
            )
        tables = {
            "complaints": self._complaint_table(complaints),
            "remedies": self._remedy_table(complaints),
        }
        if self.include_history:
            tables["history"] = self._history_table(complaints)
        if self.file_format == "xlsx":
            content, extension = self._to_xlsx(tables), "xlsx"
        else:
            content, extension = self._to_csv_zip(tables), "zip"
        self.write(
            {
                "state": "get",
                "file_data": base64.b64encode(content),
                "file_name": f"complaints_audit_{self.date_from}_{self.date_to}.{extension}",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Rows, shared by both formats
    # ------------------------------------------------------------------

    def _search_complaints(self):
        """The complaints received in the period, as the user: record rules
        apply, so a complaint the user may not read is never exported. The
        period's days are the local days of each complaint's company, as in
        the management review, whatever the user's own time zone."""
        companies_by_tz = defaultdict(list)
        for company in self.env.companies:
            companies_by_tz[company._iso10002_tz()].append(company.id)
        day_after = self.date_to + timedelta(days=1)
        received = expression.OR(
            [
                [
                    ("company_id", "in", company_ids),
                    ("date_received", ">=", local_day_start(self.date_from, tz)),
                    ("date_received", "<", local_day_start(day_after, tz)),
                ]
                for tz, company_ids in companies_by_tz.items()
            ]
        )
        domain = [("is_complaint", "=", True)]
        if self.team_ids:
            domain.append(("team_id", "in", self.team_ids.ids))
        return self.env["helpdesk.ticket"].search(
            expression.AND([domain, received]), order="date_received, id"
        )

    def _formatters(self, complaints):
        """{complaint id: (time zone, cell)}, where cell gives a value as the
        auditor reads it: dates in the time zone of the complaint's company
        (the zone its period was cut in, written beside them), yes or no."""
        yes, no = self.env._("Yes"), self.env._("No")

        def formatter(tz_name):
            tz = pytz.timezone(tz_name)

            def cell(value):
                if isinstance(value, datetime):
                    return pytz.utc.localize(value).astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
                if isinstance(value, bool):
                    return yes if value else no
                return value

            return tz_name, cell

        by_company = {
            company: formatter(company._iso10002_tz()) for company in complaints.company_id
        }
        return {complaint.id: by_company[complaint.company_id] for complaint in complaints}

    def _plain(self, html):
        return "" if is_html_empty(html) else html2plaintext(html)[:CELL_MAX]

    def _complaint_table(self, complaints):
        """(headers, rows) of the complaints, one row each.

        Read as superuser: the user's search proved every complaint readable,
        and the names of its team, stage... are visible with it, as in the
        web client. The fields restricted to groups the user lacks are left out.
        """
        ticket_fields = complaints._fields
        fnames = [name for name in COMPLAINT_FIELDS if ticket_fields[name].is_accessible(self.env)]
        headers = [ticket_fields[name]._description_string(self.env) for name in fnames]
        # the zone of the row's dates, after its company
        tz_column = fnames.index("company_id") + 1
        headers.insert(tz_column, self.env._("Time Zone"))
        labels = {
            name: dict(ticket_fields[name]._description_selection(self.env))
            for name in fnames
            if ticket_fields[name].type == "selection"
        }
        anonymous = self.env._("Anonymous")
        formatters = self._formatters(complaints)
        rows = []
        for complaint in complaints.sudo():
            tz_name, cell = formatters[complaint.id]
            row = []
            for name in fnames:
                field, value = ticket_fields[name], complaint[name]
                if name == "partner_id":
                    value = (
                        anonymous
                        if complaint.is_anonymous
                        else value.name or complaint.partner_name or ""
                    )
                elif field.type == "many2one":
                    value = value.display_name or ""
                elif field.type == "many2many":
                    value = ", ".join(value.mapped("display_name"))
                elif field.type == "selection":
                    value = labels[name].get(value, "")
                elif field.type == "html":
                    value = self._plain(value)
                elif field.type in ("char", "text", "datetime"):
                    value = value or ""
                elif name == "satisfaction_score" and not complaint.survey_answered_date:
                    value = ""  # no answer is not a score of 0
                row.append(cell(value))
            row.insert(tz_column, tz_name)
            rows.append(row)
        return headers, rows

    def _remedy_table(self, complaints):
        """(headers, rows) of the complaints' remedy lines, one row each:
        what was decided, what it cost and when it was delivered (7.7, 8.6).
        Read as superuser, like the complaints they belong to."""
        remedies = complaints.sudo().remedy_ids
        remedy_fields = remedies._fields
        fnames = [
            "remedy_type_id",
            "name",
            "amount_currency",
            "currency_id",
            "amount",
            "user_id",
            "date_due",
            "state",
            "date_delivered",
        ]
        headers = [self.env._("Complaint")]
        headers += [remedy_fields[name]._description_string(self.env) for name in fnames]
        headers.append(self.env._("Time Zone"))
        states = dict(remedy_fields["state"]._description_selection(self.env))
        formatters = self._formatters(complaints)
        rows = []
        for remedy in remedies:
            tz_name, cell = formatters[remedy.ticket_id.id]
            row = [remedy.ticket_id.number]
            for name in fnames:
                value = remedy[name]
                if remedy_fields[name].type == "many2one":
                    value = value.display_name or ""
                elif name == "state":
                    value = states[value]
                elif name in ("amount_currency", "amount") and not remedy.has_amount:
                    value = ""
                elif name == "date_due":
                    value = value and value.isoformat() or ""
                else:
                    value = value or ""
                row.append(cell(value))
            rows.append([*row, tz_name])
        return headers, rows

    def _history_table(self, complaints):
        """(headers, rows) of the complaints' history: one row per tracked
        change and one per message with a body (notes, mails, and the
        notifications that carry the acknowledgement and decision mails).
        Read as superuser, but only for the complaints the user's search
        returned, in a constant number of queries whatever their number."""
        _ = self.env._
        headers = [
            _("Complaint"),
            _("Date"),
            _("Time Zone"),
            _("Author"),
            _("Subtype"),
            _("Field"),
            _("Old Value"),
            _("New Value"),
            _("Message"),
        ]
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "in", complaints.ids),
                    ("message_type", "!=", "user_notification"),
                ],
                order="date, id",
            )
        )
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids)], order="id")
            # the fields restricted to groups the user lacks stay hidden, as in the chatter
            ._filter_has_field_access(self.env)
        )
        trackings_of = {}
        for tracking in trackings:
            trackings_of.setdefault(tracking.mail_message_id.id, []).append(tracking)
        references = dict(zip(complaints.ids, complaints.mapped("number"), strict=True))
        position = {complaint_id: index for index, complaint_id in enumerate(complaints.ids)}
        formatters = self._formatters(complaints)
        rows = []
        for message in messages:
            tz_name, cell = formatters[message.res_id]
            start = [
                references[message.res_id],
                cell(message.date),
                tz_name,
                message.author_id.display_name or message.email_from or "",
                message.subtype_id.name or "",
            ]
            for tracking in trackings_of.get(message.id, []):
                changes = self._tracking_cells(tracking, complaints._fields, cell)
                rows.append((position[message.res_id], [*start, *changes, ""]))
            if not is_html_empty(message.body):
                rows.append(
                    (position[message.res_id], [*start, "", "", "", self._plain(message.body)])
                )
        # complaints in the order of the first table, each in time order (stable sort)
        rows.sort(key=lambda item: item[0])
        return headers, [row for _position, row in rows]

    def _tracking_cells(self, tracking, ticket_fields, cell):
        """[field label, old value, new value] of a tracked change."""
        field = ticket_fields.get(tracking.field_id.name)
        info = tracking.field_info or {}
        label = field._description_string(self.env) if field else info.get("desc", "")
        field_type = field.type if field else info.get("type", "char")
        column = {
            "boolean": "integer",
            "integer": "integer",
            "date": "datetime",
            "datetime": "datetime",
            "float": "float",
            "monetary": "float",
            "text": "text",
        }.get(field_type, "char")
        values = [label]
        for side in ("old", "new"):
            value = tracking[f"{side}_value_{column}"]
            if field_type == "boolean":
                value = bool(value)
            elif field_type == "date" and value:
                value = fields.Date.to_string(value)
            elif column in ("char", "text", "datetime"):
                value = value or ""
            values.append(cell(value))
        return values

    # ------------------------------------------------------------------
    # File formats
    # ------------------------------------------------------------------

    def _sheet_names(self):
        return {
            "complaints": self.env._("Complaints"),
            "remedies": self.env._("Remedies"),
            "history": self.env._("History"),
        }

    def _to_xlsx(self, tables):
        names = self._sheet_names()
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, XLSX_OPTIONS)
        bold = workbook.add_format({"bold": True})
        for key, (headers, rows) in tables.items():
            sheet = workbook.add_worksheet(names[key][:31])
            sheet.write_row(0, 0, headers, bold)
            widths = [len(header) for header in headers]
            for index, row in enumerate(rows, start=1):
                sheet.write_row(index, 0, row)
                widths = [
                    max(width, len(str(cell))) for width, cell in zip(widths, row, strict=True)
                ]
            for column, width in enumerate(widths):
                sheet.set_column(column, column, min(max(width, 8), 60) + 2)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, len(rows), len(headers) - 1)
        workbook.close()
        return buffer.getvalue()

    def _to_csv_zip(self, tables):
        """One CSV per table in a ZIP; UTF-8 with a BOM so that Excel reads
        accented letters right."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for key, (headers, rows) in tables.items():
                text = io.StringIO()
                writer = csv.writer(text)
                writer.writerow(headers)
                for row in rows:
                    # like Odoo's CSV export: no cell read as a formula by spreadsheets
                    writer.writerow(
                        "'" + cell
                        if isinstance(cell, str) and cell.startswith(("=", "+", "-", "@"))
                        else cell
                        for cell in row
                    )
                archive.writestr(f"{key}.csv", text.getvalue().encode("utf-8-sig"))
        return buffer.getvalue()
