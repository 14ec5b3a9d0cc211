from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import Iso10002Case

# Expected model access per role: r(ead) w(rite) c(reate) u(nlink).
ROLES = ("handler", "manager", "auditor", "portal", "public")
MATRIX = {
    "helpdesk.ticket": ("rwc", "rwcu", "r", "r", ""),
    "helpdesk.ticket.team": ("r", "rwcu", "r", "r", ""),
    "helpdesk.ticket.stage": ("r", "rwcu", "r", "r", "r"),
    "iso10002.root.cause": ("r", "rwcu", "r", "", ""),
    "iso10002.remedy.type": ("r", "rwcu", "r", "", ""),
    "iso10002.priority.matrix": ("r", "rwcu", "r", "", ""),
    "iso10002.deadline.policy": ("r", "rwcu", "r", "", ""),
    "iso10002.escalation.rule": ("r", "rwcu", "r", "", ""),
    "iso10002.escalation.log": ("r", "r", "r", "", ""),
    "iso10002.corrective.action": ("rwc", "rwcu", "r", "", ""),
    "iso10002.management.review": ("r", "rwcu", "r", "", ""),
    "iso10002.management.review.line": ("r", "rwcu", "r", "", ""),
    "iso10002.complaint.report": ("", "r", "r", "", ""),
    "iso10002.audit.export": ("", "rwc", "rwc", "", ""),
    "iso10002.complaint.register": ("rwc", "rwc", "", "", ""),
    "iso10002.form.submission": ("", "r", "", "", ""),
}


class TestAccessMatrix(Iso10002Case):
    """Every role against every model of the addon, then record by record:
    confidential complaints, the person a complaint is about, two companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env, login="iso_colleague", groups="odoo_iso10002.group_complaint_user"
        )
        cls.complaint_team.user_ids = [Command.link(cls.colleague.id)]
        cls.customer = cls.env["res.partner"].create({"name": "Baldai UAB", "is_company": True})
        cls.partner.parent_id = cls.customer
        cls.portal_user = new_test_user(
            cls.env, login="iso_portal_jonas", groups="base.group_portal", partner_id=cls.partner.id
        )
        colleague_partner = cls.env["res.partner"].create(
            {"name": "Rūta Rutaitė", "parent_id": cls.customer.id, "email": "ruta@example.com"}
        )
        cls.portal_colleague = new_test_user(
            cls.env,
            login="iso_portal_ruta",
            groups="base.group_portal",
            partner_id=colleague_partner.id,
        )
        cls.public = cls.env.ref("base.public_user")
        cls.salesman = new_test_user(
            cls.env, login="iso_sales", groups="sales_team.group_sale_salesman"
        )
        cls.complaint = cls._create_ticket(cls.complaint_team, user_id=cls.handler.id)
        cls.confidential = cls._create_ticket(
            cls.complaint_team,
            name="Harassment by a delivery driver",
            user_id=cls.handler.id,
            is_confidential=True,
        )
        # a second company, with its own manager and complaint
        cls.company_b = cls.env["res.company"].create({"name": "Baldai Latvija SIA"})
        cls.manager_b = new_test_user(
            cls.env,
            login="iso_manager_b",
            groups="odoo_iso10002.group_complaint_manager",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        team_b = cls.env["helpdesk.ticket.team"].create(
            {"name": "Complaints LV", "is_complaint_team": True, "company_id": cls.company_b.id}
        )
        cls.complaint_b = cls.env["helpdesk.ticket"].create(
            {
                "name": "Late delivery in Riga",
                "description": "<p>Three weeks late.</p>",
                "team_id": team_b.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.action_a = cls.env["iso10002.corrective.action"].create(
            {"name": "Train drivers", "date_deadline": "2026-12-31"}
        )
        cls.review_a = cls.env["iso10002.management.review"].create({})

    def _user(self, role):
        return (
            self.public
            if role == "public"
            else getattr(self, role if role != "portal" else "portal_user")
        )

    def test_model_access_matrix(self):
        modes = {"r": "read", "w": "write", "c": "create", "u": "unlink"}
        failures = []
        for model, expected in MATRIX.items():
            for role, allowed in zip(ROLES, expected, strict=True):
                access = self.env(user=self._user(role))["ir.model.access"]
                for letter, mode in modes.items():
                    granted = access.check(model, mode, raise_exception=False)
                    if granted != (letter in allowed):
                        failures.append(f"{role} {mode} {model}: {granted}")
        self.assertFalse(failures, "\n".join(failures))

    def _readable(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_confidential_complaint(self):
        both = self.complaint | self.confidential
        self.assertEqual(self._readable(self.handler, both), both)
        self.assertEqual(self._readable(self.manager, both), both)
        self.assertEqual(self._readable(self.auditor, both), both)
        self.assertEqual(self._readable(self.colleague, both), self.complaint)
        self.assertEqual(self._readable(self.portal_user, both), both)
        self.assertEqual(self._readable(self.portal_colleague, both), self.complaint)
        with self.assertRaises(AccessError):
            self.confidential.with_user(self.colleague).read(["name"])
        names = self.env["helpdesk.ticket"].with_user(self.colleague).name_search("Harassment")
        self.assertFalse(names)
        # counts seen by sales leave it out
        customer = self.customer.with_user(self.salesman)
        self.assertEqual(customer.complaint_count, 1)
        # only a manager lifts confidentiality
        with self.assertRaises(AccessError):
            self.confidential.with_user(self.handler).is_confidential = False
        self.complaint.with_user(self.handler).is_confidential = True
        self.confidential.with_user(self.manager).is_confidential = False
        self.assertEqual(self._readable(self.colleague, both), self.confidential)

    def test_confidential_followers(self):
        self.confidential.message_subscribe(self.colleague.partner_id.ids)
        self.assertNotIn(self.colleague.partner_id, self.confidential.message_partner_ids)
        self.complaint.message_subscribe(self.colleague.partner_id.ids)
        self.assertIn(self.colleague.partner_id, self.complaint.message_partner_ids)
        self.complaint.with_user(self.handler).is_confidential = True
        self.assertNotIn(self.colleague.partner_id, self.complaint.message_partner_ids)

    def test_person_concerned(self):
        self.complaint.subject_user_id = self.colleague
        self.assertFalse(self._readable(self.colleague, self.complaint))
        with self.assertRaises(ValidationError):
            self.complaint.with_user(self.manager).user_id = self.colleague
        with self.assertRaises(ValidationError):
            self.complaint.with_user(self.manager).investigator_id = self.colleague
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.handler).subject_user_may_read = True
        self.complaint.with_user(self.manager).subject_user_may_read = True
        self.assertEqual(self._readable(self.colleague, self.complaint), self.complaint)

    def test_auditor_writes_nothing(self):
        auditor = self.auditor
        checks = [
            lambda: self.complaint.with_user(auditor).write({"severity": "4"}),
            lambda: self.complaint.with_user(auditor).message_post(body="note"),
            lambda: self.action_a.with_user(auditor).write({"name": "x"}),
            lambda: self.review_a.with_user(auditor).action_compute(),
            lambda: (
                self.env["iso10002.corrective.action"]
                .with_user(auditor)
                .create({"name": "x", "date_deadline": "2026-12-31"})
            ),
            lambda: (
                self.env["iso10002.complaint.register"]
                .with_user(auditor)
                .create({"name": "x", "description": "<p>x</p>", "partner_id": self.partner.id})
                .action_register()
            ),
        ]
        for index, check in enumerate(checks):
            with self.subTest(check=index), self.assertRaises(AccessError):
                check()
        self.assertEqual(self.complaint.severity, False)

    def test_two_companies(self):
        for model, record_a, record_b in [
            ("helpdesk.ticket", self.complaint, self.complaint_b),
            ("iso10002.corrective.action", self.action_a, None),
            ("iso10002.management.review", self.review_a, None),
            ("iso10002.complaint.report", self.complaint, self.complaint_b),
        ]:
            records = self.env[model].browse(record_a.ids + (record_b.ids if record_b else []))
            seen_b = records.with_user(self.manager_b).search([("id", "in", records.ids)])
            self.assertNotIn(record_a.id, seen_b.ids, model)
            if record_b:
                self.assertIn(record_b.id, seen_b.ids, model)
                seen_a = records.with_user(self.manager).search([("id", "in", records.ids)])
                self.assertNotIn(record_b.id, seen_a.ids, model)


@tagged("post_install", "-at_install")
class TestRoutesAccess(HttpCase):
    """Portal and public routes: a visitor submits and reads nothing; a
    customer reads their company's complaints but a confidential one only
    when they made it."""

    def test_public_routes(self):
        self.assertEqual(self.url_open("/complaints/new").status_code, 200)
        self.assertEqual(self.url_open("/complaints/policy").status_code, 200)
        response = self.url_open("/my/tickets", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_portal_confidential(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Route Complaints", "is_complaint_team": True}
        )
        company = self.env["res.partner"].create({"name": "Stalai UAB", "is_company": True})
        author, _colleague = (
            new_test_user(
                self.env,
                login=login,
                password=login,
                groups="base.group_portal",
                partner_id=self.env["res.partner"]
                .create({"name": login, "parent_id": company.id, "email": f"{login}@example.com"})
                .id,
            )
            for login in ("route_author", "route_colleague")
        )
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Confidential route complaint",
                "description": "<p>About a driver.</p>",
                "team_id": team.id,
                "partner_id": author.partner_id.id,
                "is_confidential": True,
            }
        )
        self.authenticate("route_colleague", "route_colleague")
        response = self.url_open(f"/my/ticket/{complaint.id}")
        self.assertNotIn("Confidential route complaint", response.text)
        self.assertNotIn("Confidential route complaint", self.url_open("/my/tickets").text)
        self.authenticate("route_author", "route_author")
        self.assertIn(
            "Confidential route complaint", self.url_open(f"/my/ticket/{complaint.id}").text
        )
