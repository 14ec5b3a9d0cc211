"""Read-only where it is read-only: the routes and RPC methods that only read
are served on a read-only cursor (the PostgreSQL replica when Odoo has one),
and nothing that writes is."""

import json
from datetime import date
from unittest.mock import patch
from urllib.parse import quote

from odoo import Command, fields, http
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .common import Iso10002Case
from .readonly import (
    PER_REQUEST,
    assert_declarations,
    assert_served_read_only,
    click,
    transaction_modes,
)

REVIEW_PDF = "/report/pdf/odoo_iso10002.report_management_review"

# url: (mode, why)
ROUTES = {
    "/complaints/new": (True, "the empty public form, or filled in with the user's name"),
    "/complaints/submit": (False, "records the complaint, its contact, files and the submission"),
    "/complaints/policy": (True, "the published policy"),
    "/my/complaint/<int:ticket_id>/accept": (False, "records the answer and moves the complaint"),
    "/my/complaint/<int:ticket_id>/reject": (False, "records the answer and moves the complaint"),
    "/my/tickets": (True, "the portal list; its history is kept in the session's file"),
    "/my/tickets/page/<int:page>": (True, "the same list, another page"),
    # read/write as in Odoo for the other reports, which may save their PDF
    "/report/download": (PER_REQUEST, "the management review's PDF stores no attachment"),
}

# (model, method): (read-only, why)
RPC_METHODS = {
    ("crm.lead", "action_register_complaint"): (True, "opens the wizard, unsaved"),
    ("crm.lead", "action_view_complaints"): (True, "opens the customer's complaints"),
    ("res.partner", "action_view_complaints"): (True, "opens the customer's complaints"),
    ("helpdesk.ticket", "action_view_opportunities"): (True, "opens the opportunities"),
    ("iso10002.escalation.digest", "action_open_complaints"): (True, "opens the complaints"),
    ("iso10002.escalation.rule", "action_view_escalations"): (True, "opens the escalations"),
    ("iso10002.management.review", "action_print"): (True, "the report action; no attachment"),
    ("helpdesk.ticket", "action_acknowledge"): (False, "moves the complaint, sends mail"),
    ("helpdesk.ticket", "action_approve_compensation"): (False, "records the approval"),
    ("helpdesk.ticket", "action_communicate_decision"): (False, "moves the complaint"),
    ("helpdesk.ticket", "action_record_acceptance"): (False, "records the answer"),
    ("helpdesk.ticket", "action_record_rejection"): (False, "records the answer"),
    ("helpdesk.ticket", "action_withdraw"): (False, "closes the complaint"),
    ("helpdesk.ticket", "action_anonymise"): (False, "erases personal data"),
    ("helpdesk.ticket", "action_create_recovery_opportunity"): (False, "creates a lead"),
    ("iso10002.remedy", "action_start"): (False, "changes the remedy's state"),
    ("iso10002.remedy", "action_deliver"): (False, "changes the remedy's state"),
    ("iso10002.remedy", "action_cancel"): (False, "changes the remedy's state"),
    ("iso10002.remedy", "action_plan"): (False, "changes the remedy's state"),
    ("iso10002.corrective.action", "action_start"): (False, "changes the action's state"),
    ("iso10002.corrective.action", "action_done"): (False, "changes the action's state"),
    ("iso10002.corrective.action", "action_cancel"): (False, "changes the action's state"),
    ("iso10002.corrective.action", "action_reopen"): (False, "changes the action's state"),
    ("iso10002.management.review", "action_compute"): (False, "stores the figures"),
    ("iso10002.management.review", "action_start_review"): (False, "changes the state"),
    ("iso10002.management.review", "action_done"): (False, "changes the state"),
    ("iso10002.management.review", "action_reset_draft"): (False, "changes the state"),
    ("iso10002.audit.export", "action_export"): (False, "stores the file on the wizard"),
    ("iso10002.complaint.register", "action_register"): (False, "creates the complaint"),
    # the chatter's Follow button
    ("helpdesk.ticket", "message_subscribe"): (False, "adds followers"),
}


@tagged("post_install", "-at_install")
class TestReadonlyDeclarations(TransactionCase):
    def test_declarations(self):
        assert_declarations(
            self, "odoo_iso10002", ROUTES, RPC_METHODS, [("helpdesk.ticket", "message_subscribe")]
        )

    def test_portal_ticket_page_read_write(self):
        """helpdesk_mgmt's complaint page gives each attachment an access
        token on its first view: a write, so it stays read/write."""
        routes = {rule.rule: rule for rule in self.env["ir.http"].routing_map().iter_rules()}
        self.assertFalse(routes["/my/ticket/<int:ticket_id>"].endpoint.routing["readonly"])


@tagged("post_install", "-at_install")
class TestReadonlyRequests(Iso10002Case, HttpCase):
    """Each read-only request served on a read-only cursor, as the user who
    makes it, without writing: a write there would be retried read/write
    with a warning of odoo.http."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="iso_ro_portal", groups="base.group_portal", email="ro@example.com"
        )
        cls.manager.groups_id = [Command.link(cls.env.ref("sales_team.group_sale_salesman").id)]
        cls.complaint = cls._create_ticket(
            cls.complaint_team, partner_id=cls.portal_user.partner_id.id
        )
        cls.review = (
            cls.env["iso10002.management.review"]
            .with_user(cls.manager)
            .create({"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)})
        )
        cls.review.action_compute()

    def _get(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_public_pages(self):
        assert_served_read_only(
            self, [lambda: self._get("/complaints/new"), lambda: self._get("/complaints/policy")]
        )
        self.authenticate("iso_ro_portal", "iso_ro_portal")
        assert_served_read_only(self, [lambda: self._get("/complaints/new")])

    def test_portal_list_and_counters(self):
        self.authenticate("iso_ro_portal", "iso_ro_portal")
        assert_served_read_only(
            self,
            [
                lambda: self.assertIn(self.complaint.number, self._get("/my/tickets").text),
                lambda: self._get("/my/tickets/page/1"),
                lambda: self.assertEqual(
                    self.make_jsonrpc_request("/my/counters", {"counters": ["ticket_count"]}),
                    {"ticket_count": 1},
                ),
            ],
        )

    def test_review_pdf_download(self):
        self.authenticate("iso_auditor", "iso_auditor")
        data = {
            "data": json.dumps([f"{REVIEW_PDF}/{self.review.id}", "qweb-pdf"]),
            "csrf_token": http.Request.csrf_token(self),
        }

        def download():
            response = self.url_open("/report/download", data=data)
            self.assertEqual(response.status_code, 200)
            self.assertIn(quote(self.review.name), response.headers["Content-Disposition"])

        assert_served_read_only(self, [download])

    def test_review_pdf_saved_as_attachment(self):
        """Set to save its PDF, the review writes: Odoo runs the download
        again read/write and it still succeeds."""
        report = self.env.ref("odoo_iso10002.action_report_management_review")
        report.write({"attachment": "object.name + '.pdf'", "attachment_use": True})
        self.authenticate("iso_manager", "iso_manager")
        data = {
            "data": json.dumps([f"{REVIEW_PDF}/{self.review.id}", "qweb-pdf"]),
            "context": json.dumps({"force_report_rendering": True}),
            "csrf_token": http.Request.csrf_token(self),
        }
        with (
            self.assertLogs("odoo.http", "WARNING") as logs,
            transaction_modes() as modes,
            patch.object(type(report), "_run_wkhtmltopdf", return_value=b"%PDF-1.4 review"),
        ):
            response = self.url_open("/report/download", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(modes, [("/report/download", True)])
        self.assertIn("retrying with a read/write cursor", logs.output[0])
        self.assertTrue(
            self.env["ir.attachment"].search(
                [("res_model", "=", report.model), ("res_id", "=", self.review.id)]
            )
        )

    def test_other_reports_read_write(self):
        """Another report may save its PDF as an attachment: read/write."""
        self.authenticate("iso_manager", "iso_manager")
        url = f"/report/pdf/base.report_irmodulereference/{self.env.ref('base.module_base').id}"
        data = {"data": json.dumps([url, "qweb-pdf"]), "csrf_token": http.Request.csrf_token(self)}
        with transaction_modes() as modes:
            self.url_open("/report/download", data=data)
        self.assertEqual(modes, [("/report/download", False)])

    def test_audit_export_download(self):
        export = (
            self.env["iso10002.audit.export"]
            .with_user(self.auditor)
            .create({"date_from": date(2000, 1, 1), "date_to": fields.Date.today()})
        )
        export.action_export()
        self.authenticate("iso_auditor", "iso_auditor")
        url = f"/web/content/iso10002.audit.export/{export.id}/file_data?download=true"
        assert_served_read_only(self, [lambda: self._get(url)])

    def test_analysis(self):
        """The manager opening the complaints and remedies analyses: the
        action, the grouped figures and every field of the rows."""
        self.env["iso10002.remedy"].create(
            {
                "ticket_id": self.complaint.id,
                "remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_compensation").id,
                "amount_currency": 40.0,
            }
        )
        self.authenticate("iso_manager", "iso_manager")

        def call(model, method, **kwargs):
            def request():
                result = self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": model, "method": method, "args": [], "kwargs": kwargs},
                )
                self.assertTrue(result["groups" if "groupby" in kwargs else "records"])

            return request

        requests = []
        for action, model, groupby in (
            ("iso10002_complaint_report_action", "iso10002.complaint.report", "team_id"),
            ("iso10002_remedy_analysis_action", "iso10002.remedy", "remedy_type_id"),
        ):
            fields_ = self.env[model].with_user(self.manager).fields_get(attributes=["type"])
            requests += [
                lambda action=action: self.make_jsonrpc_request(
                    "/web/action/load", {"action_id": f"odoo_iso10002.{action}"}
                ),
                call(model, "web_read_group", domain=[], fields=[], groupby=[groupby]),
                call(
                    model,
                    "web_search_read",
                    domain=[],
                    specification={name: {} for name in fields_},
                ),
            ]
        assert_served_read_only(self, requests)

    def test_rpc_methods(self):
        """The read-only buttons, clicked in the web client."""
        lead = self.env["crm.lead"].create(
            {"name": "Lamp", "partner_id": self.partner.id, "user_id": self.manager.id}
        )
        rule = self.env.ref("odoo_iso10002.iso10002_escalation_rule_health_safety")
        digest = self.env["iso10002.escalation.digest"].create(
            {
                "rule_id": rule.id,
                "level": 1,
                "date": fields.Datetime.now(),
                "user_id": self.manager.id,
                "ticket_ids": [Command.set(self.complaint.ids)],
            }
        )
        records = {
            "crm.lead": lead,
            "res.partner": self.partner,
            "helpdesk.ticket": self.complaint,
            "iso10002.escalation.digest": digest,
            "iso10002.escalation.rule": rule,
            "iso10002.management.review": self.review,
        }
        self.authenticate("iso_manager", "iso_manager")
        read_only = [key for key, (mode, _why) in RPC_METHODS.items() if mode]
        assert_served_read_only(
            self, [click(self, records[model], method) for model, method in read_only]
        )
