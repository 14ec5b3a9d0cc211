from lxml import etree

from odoo import fields
from odoo.tools import index_exists

from .common import Iso10002Case


class TestComplaintsKanban(Iso10002Case):
    """The complaints menu opens a kanban of its own, whose first page does not
    read every complaint's activities; plain tickets keep helpdesk_mgmt's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls._create_ticket(cls.complaint_team, user_id=cls.handler.id)
        cls.complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.today(),
            user_id=cls.handler.id,
        )

    def _kanban(self, action_xmlid):
        """The kanban arch the menu of `action_xmlid` opens, as the handler gets it."""
        action = self.env.ref(action_xmlid)
        view_ids = {mode: view_id for view_id, mode in action.views}
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        views = tickets.get_views([(view_ids.get("kanban", False), "kanban")])["views"]
        return etree.fromstring(views["kanban"]["arch"])

    def _first_page_statements(self, arch, domain):
        """The SQL of the columns' counts, as the web client asks for them
        before it reads the cards: the grouping and the progress bar."""
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        statements = []
        execute = self.env.cr.execute

        def logged(query, params=None, log_exceptions=True):
            statements.append(str(getattr(query, "code", query)))
            return execute(query, params, log_exceptions)

        self.env.invalidate_all()
        self.patch(self.env.cr, "execute", logged)
        groups = tickets.web_read_group(domain, [], ["stage_id"], lazy=True)["groups"]
        progress = arch.find("progressbar")
        if progress is not None:
            tickets.read_progress_bar(
                domain, "stage_id", {"field": progress.get("field"), "colors": {}}
            )
        return groups, statements

    def test_complaints_kanban_counts_without_reading_activities(self):
        arch = self._kanban("odoo_iso10002.helpdesk_ticket_action_complaints")
        groups, statements = self._first_page_statements(arch, [("is_complaint", "=", True)])
        counted = {group["stage_id"][0]: group["stage_id_count"] for group in groups}
        self.assertEqual(counted.get(self.complaint.stage_id.id), 1)
        self.assertFalse([code for code in statements if "mail_activity" in code])

    def test_complaints_card_shows_what_a_handler_needs(self):
        arch = self._kanban("odoo_iso10002.helpdesk_ticket_action_my_complaints")
        shown = {node.get("name") for node in arch.iter("field")}
        for name in (
            "number",
            "name",
            "partner_id",
            "severity",
            "priority",
            "deadline_decision_state",
            "user_id",
            "activity_ids",
        ):
            self.assertIn(name, shown)
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        card = tickets.web_search_read(
            [("id", "=", self.complaint.id)],
            {"activity_ids": {}, "activity_state": {}, "number": {}},
        )["records"][0]
        self.assertEqual(card["activity_state"], "today")

    def test_plain_tickets_keep_the_helpdesk_kanban(self):
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        view_id = tickets.get_views([(False, "kanban")])["views"]["kanban"]["id"]
        self.assertEqual(view_id, self.env.ref("helpdesk_mgmt.view_helpdesk_ticket_kanban").id)

    def test_complaints_by_stage_are_indexed(self):
        self.assertTrue(index_exists(self.env.cr, "helpdesk_ticket_complaint_stage_index"))
