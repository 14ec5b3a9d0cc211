import json
from contextlib import closing, contextmanager
from datetime import timedelta

from markupsafe import Markup
from requests import HTTPError

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

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
    "iso10002.escalation.digest": ("r", "r", "r", "", ""),
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


TODO = "mail.mail_activity_data_todo"


class TestChatterAccess(Iso10002Case):
    """The chatter of complaints, corrective actions and management reviews:
    whoever may write the record changes its chatter; an auditor reads all of
    it (messages, activities, followers, files) and changes none of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls._create_ticket(cls.complaint_team, user_id=cls.handler.id)
        cls.action = cls.env["iso10002.corrective.action"].create(
            {"name": "Train drivers", "date_deadline": "2026-12-31", "user_id": cls.handler.id}
        )
        cls.review = cls.env["iso10002.management.review"].create({})
        cls.colleague = cls.env["res.partner"].create(
            {"name": "Ieva Ievaitė", "email": "ieva@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="iso_chatter_portal",
            groups="base.group_portal",
            partner_id=cls.partner.id,
        )
        # Who may write each record, and who only reads it (handlers read reviews).
        cls.writers = [
            (cls.complaint, cls.handler | cls.manager),
            (cls.action, cls.handler | cls.manager),
            (cls.review, cls.manager),
        ]
        cls.readers = [
            (cls.complaint, cls.auditor),
            (cls.action, cls.auditor),
            (cls.review, cls.auditor | cls.handler),
        ]

    def _owner(self, record):
        """The user who works the record and fills its chatter."""
        return self.manager if record == self.review else self.handler

    def _chatter_operations(self, record, user):
        """Every way of changing the chatter of `record`, as `user`: name ->
        (prepare, act). `prepare` sets the scene as the record's owner or the
        superuser and returns what `act`, run as `user`, needs."""
        owner = self._owner(record)
        mine = record.with_user(user)

        def nothing():
            return None

        def todo(assignee=owner):
            activity = record.with_user(owner).activity_schedule(
                TODO, summary="Call the customer", user_id=assignee.id
            )
            return activity.with_user(user)

        def note_by(author, **values):
            note = record.message_post(
                body="Photos of the parcel received.",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                author_id=author.partner_id.id,
                **values,
            )
            return note.with_user(user)

        def file():
            values = {"name": "photo.txt", "raw": b"crushed box"}
            return self._attach(record, values).with_user(user)

        def follower(partner):
            record.message_subscribe(partner_ids=partner.ids)
            return partner

        def post(subtype):
            def act(_prepared):
                mine.message_post(
                    body="Looked into it.", message_type="comment", subtype_xmlid=subtype
                )

            return act

        def schedule_message(_prepared):
            self.env["mail.scheduled.message"].with_user(user).create(
                {
                    "model": record._name,
                    "res_id": record.id,
                    "body": "<p>Any news?</p>",
                    "author_id": user.partner_id.id,
                    "scheduled_date": fields.Datetime.now() + timedelta(days=1),
                }
            )

        def compose(_prepared):
            composer = (
                self.env["mail.compose.message"]
                .with_user(user)
                .create(
                    {
                        "composition_mode": "comment",
                        "model": record._name,
                        "res_ids": str(record.ids),
                        "body": "<p>Looked into it.</p>",
                    }
                )
            )
            composer.action_send_mail()

        def edit(note):
            mine._message_update_content(note, body=Markup("<p>Nothing was received.</p>"))

        def mark_done(activity):
            activity.action_feedback(feedback="Checked")

        return {
            "post a message": (nothing, post("mail.mt_comment")),
            "log a note": (nothing, post("mail.mt_note")),
            "log a note as a follower": (lambda: follower(user.partner_id), post("mail.mt_note")),
            "send a message from the full composer": (nothing, compose),
            "schedule a message": (nothing, schedule_message),
            "edit a message sent to them": (
                lambda: note_by(owner, partner_ids=user.partner_id.ids),
                edit,
            ),
            "edit their own message": (lambda: note_by(user), edit),
            "schedule an activity": (
                nothing,
                lambda _prepared: mine.activity_schedule(TODO, summary="Check the file"),
            ),
            "edit an activity": (todo, lambda activity: activity.write({"summary": "Changed"})),
            "mark an activity done": (todo, mark_done),
            "mark done an activity assigned to them": (lambda: todo(assignee=user), mark_done),
            "cancel an activity": (todo, lambda activity: activity.unlink()),
            "add a follower": (
                nothing,
                lambda _prepared: mine.message_subscribe(partner_ids=self.colleague.ids),
            ),
            "remove a follower": (
                lambda: follower(self.colleague),
                lambda partner: mine.message_unsubscribe(partner_ids=partner.ids),
            ),
            "upload a file": (
                nothing,
                lambda _prepared: self._attach(
                    record.with_user(user), {"name": "report.txt", "raw": b"signed"}
                ),
            ),
            "delete a file": (file, lambda attachment: attachment.unlink()),
        }

    def _attach(self, record, values):
        """A file in the chatter of `record`, uploaded as `record`'s user."""
        return (
            self.env["ir.attachment"]
            .with_user(record.env.user)
            .create({**values, "res_model": record._name, "res_id": record.id})
        )

    def _chatter(self, record):
        """What anyone sees in the chatter of `record`."""
        self.env.invalidate_all()
        where = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        activities = self.env["mail.activity"].with_context(active_test=False).search(where)
        scheduled = self.env["mail.scheduled.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )
        return {
            "messages": [(message.id, message.body) for message in record.message_ids],
            "activities": [(act.id, act.summary, act.active) for act in activities],
            "followers": record.message_partner_ids.ids,
            "files": self.env["ir.attachment"].search(where).ids,
            "scheduled": scheduled.ids,
        }

    @contextmanager
    def _undone(self):
        """Roll back whatever happens inside: each operation starts from the
        same chatter, the auditor following nothing."""
        try:
            with closing(self.env.cr.savepoint()):
                yield
                self.env.flush_all()
        finally:
            self.env.invalidate_all(flush=False)

    def _for_each_operation(self, records_users, run):
        """`run(record, prepare, act)` for each chatter operation of each user
        on each record, in a subtest of its own."""
        for record, users in records_users:
            for user in users:
                for name, (prepare, act) in self._chatter_operations(record, user).items():
                    with (
                        self.subTest(record=record._name, user=user.login, operation=name),
                        self._undone(),
                    ):
                        run(record, prepare, act)

    def test_writers_change_the_chatter(self):
        self._for_each_operation(self.writers, lambda _record, prepare, act: act(prepare()))

    def test_readers_change_nothing(self):
        def refused(record, prepare, act):
            prepared = prepare()
            before = self._chatter(record)
            with self.assertRaises(AccessError):
                act(prepared)
            self.assertEqual(self._chatter(record), before)

        self._for_each_operation(self.readers, refused)

    def test_auditor_reads_the_whole_chatter(self):
        auditor = self.auditor
        for record in (self.complaint, self.action, self.review):
            with self.subTest(record=record._name):
                owner = self._owner(record)
                note = record.with_user(owner).message_post(
                    body="Photos of the parcel received.",
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )
                todo = record.with_user(owner).activity_schedule(TODO, summary="Call the customer")
                file = self._attach(record, {"name": "photo.txt", "raw": b"crushed box"})
                record.message_subscribe(partner_ids=self.colleague.ids)
                seen = record.with_user(auditor)
                self.assertIn(note, seen.message_ids)
                self.assertEqual(note.with_user(auditor).body, note.body)
                self.assertEqual(seen.activity_ids, todo)
                self.assertEqual(seen.activity_ids.summary, "Call the customer")
                self.assertIn(
                    todo,
                    self.env["mail.activity"]
                    .with_user(auditor)
                    .search([("res_model", "=", record._name), ("res_id", "=", record.id)]),
                )
                self.assertIn(self.colleague, seen.message_follower_ids.partner_id)
                files = (
                    self.env["ir.attachment"]
                    .with_user(auditor)
                    .search([("res_model", "=", record._name), ("res_id", "=", record.id)])
                )
                self.assertEqual(files, file)
                self.assertEqual(files.raw, b"crushed box")
                # Starring and following for themselves are the auditor's own business.
                note.with_user(auditor).toggle_message_starred()
                self.assertTrue(note.with_user(auditor).starred)
                seen.message_subscribe(partner_ids=auditor.partner_id.ids)
                self.assertIn(auditor.partner_id, record.message_partner_ids)
                seen.message_unsubscribe(partner_ids=auditor.partner_id.ids)
                self.assertNotIn(auditor.partner_id, record.message_partner_ids)

    def test_colleague_following_a_complaint_answers_in_its_chatter(self):
        colleague = new_test_user(self.env, login="iso_warehouse", groups="base.group_user")
        self.complaint.message_subscribe(partner_ids=colleague.partner_id.ids)
        message = self.complaint.with_user(colleague).message_post(
            body="The parcel left the warehouse intact.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(message.author_id, colleague.partner_id)

    def test_portal_complainant_posts_on_their_complaint(self):
        complaint = self.complaint.with_user(self.portal_user)
        message = complaint.message_post(
            body="The lamp is still broken.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(message.author_id, self.partner)
        self.assertIn(message, self.complaint.message_ids)
        with self.assertRaises(AccessError):
            complaint.message_post(
                body="Internal?", message_type="comment", subtype_xmlid="mail.mt_note"
            )


@tagged("post_install", "-at_install")
class TestChatterRoutes(HttpCase):
    """The routes the chatter of the web client calls: the composer, file
    upload, reactions, message edits. They check access to the record, then
    write as superuser, so they are tested as the auditor clicks them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler, cls.manager, cls.auditor = (
            new_test_user(cls.env, login=login, password=login, groups=f"odoo_iso10002.{group}")
            for login, group in (
                ("route_handler", "group_complaint_user"),
                ("route_manager", "group_complaint_manager"),
                ("route_auditor", "group_complaint_auditor"),
            )
        )
        partner = cls.env["res.partner"].create({"name": "Ona Onaitė", "email": "ona@example.com"})
        cls.portal_user = new_test_user(
            cls.env,
            login="route_portal",
            password="route_portal",
            groups="base.group_portal",
            partner_id=partner.id,
        )
        team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Route Complaints",
                "is_complaint_team": True,
                "user_ids": [Command.link(cls.handler.id)],
            }
        )
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Chair delivered broken",
                "description": "<p>One leg is broken.</p>",
                "team_id": team.id,
                "partner_id": partner.id,
                "user_id": cls.handler.id,
            }
        )
        cls.action = cls.env["iso10002.corrective.action"].create(
            {"name": "Pad the chairs", "date_deadline": "2026-12-31", "user_id": cls.handler.id}
        )
        cls.review = cls.env["iso10002.management.review"].create({})
        # (record, who writes it) for each model with a chatter
        cls.records = [
            (cls.complaint, cls.handler),
            (cls.action, cls.handler),
            (cls.review, cls.manager),
        ]

    def _post(self, record):
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": record._name,
                "thread_id": record.id,
                "post_data": {
                    "body": "Looked into it.",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_note",
                },
            },
        )

    def _upload(self, record):
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": Request.csrf_token(self),
                "thread_id": record.id,
                "thread_model": record._name,
            },
            files={"ufile": ("report.txt", b"signed", "text/plain")},
        )
        response.raise_for_status()
        return json.loads(response.content)

    def _react(self, message):
        return self.make_jsonrpc_request(
            "/mail/message/reaction",
            {"message_id": message.id, "content": "\N{THUMBS UP SIGN}", "action": "add"},
        )

    def _edit(self, message):
        return self.make_jsonrpc_request(
            "/mail/message/update_content",
            {"message_id": message.id, "body": "Nothing was received.", "attachment_ids": []},
        )

    def _thread_data(self, record):
        result = self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": record._name,
                "thread_id": record.id,
                "request_list": ["activities", "attachments", "followers"],
            },
        )
        return next(thread for thread in result["mail.thread"] if thread["id"] == record.id)

    def _note(self, record, author):
        return record.message_post(
            body="Photos of the parcel received.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            author_id=author.partner_id.id,
        )

    def test_writers_use_the_chatter(self):
        for record, writer in self.records:
            with self.subTest(record=record._name):
                self.authenticate(writer.login, writer.login)
                self._post(record)
                self.assertNotIn("error", self._upload(record))
                note = self._note(record, writer)
                self._react(note)
                self._edit(note)
                self.assertEqual(len(note.reaction_ids), 1)
                self.assertIn("Nothing was received.", note.body)
                thread = self._thread_data(record)
                self.assertTrue(thread["hasWriteAccess"])

    def test_auditor_changes_nothing_from_the_chatter(self):
        self.authenticate("route_auditor", "route_auditor")
        for record, writer in self.records:
            record.activity_schedule(TODO, summary="Call the customer", user_id=writer.id)
            note = self._note(record, writer)
            # a message the auditor wrote, e.g. before this was closed
            own = self._note(record, self.auditor)
            messages = record.message_ids
            refused = {
                "post a note": (JsonRpcException, lambda r=record: self._post(r)),
                "upload a file": (HTTPError, lambda r=record: self._upload(r)),
                "react to a message": (JsonRpcException, lambda m=note: self._react(m)),
                "edit their own message": (JsonRpcException, lambda m=own: self._edit(m)),
            }
            for name, (error, call) in refused.items():
                with (
                    self.subTest(record=record._name, route=name),
                    mute_logger("odoo.http"),
                    self.assertRaises(error),
                ):
                    call()
            with self.subTest(record=record._name, route="nothing changed"):
                self.env.invalidate_all()
                self.assertEqual(record.message_ids, messages)
                self.assertFalse(note.reaction_ids)
                self.assertNotIn("Nothing was received.", own.body)
                self.assertFalse(
                    self.env["ir.attachment"].search(
                        [("res_model", "=", record._name), ("res_id", "=", record.id)]
                    )
                )
            with self.subTest(record=record._name, route="shows all, offers no composer"):
                thread = self._thread_data(record)
                self.assertTrue(thread["hasReadAccess"])
                self.assertFalse(thread["hasWriteAccess"])
                self.assertFalse(thread["canPostOnReadonly"])
                self.assertEqual(len(thread["activities"]), 1)

    def test_portal_complainant_posts_on_their_complaint(self):
        self.authenticate("route_portal", "route_portal")
        messages = self.complaint.message_ids
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.complaint.id,
                "post_data": {
                    "body": "The chair is still broken.",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        posted = self.complaint.message_ids - messages
        self.assertEqual(posted.author_id, self.portal_user.partner_id)
