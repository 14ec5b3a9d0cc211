from odoo.tests import TransactionCase

from ..const import ISO_STEPS


class TestInstall(TransactionCase):
    """What an empty database holds once the addon is installed."""

    def test_default_complaint_team_with_iso_stages(self):
        team = self.env.ref("odoo_iso10002.helpdesk_ticket_team_complaints")
        self.assertTrue(team.is_complaint_team)
        self.assertEqual(team.alias_name, "complaints")
        stages = team._get_applicable_stages()
        self.assertEqual(stages.mapped("iso_step"), [step for step, _label in ISO_STEPS])
        self.assertEqual(stages.filtered("closed").iso_step, "closed")
        for stage in stages:
            self.assertEqual(stage.team_ids, team, "ISO stages belong to complaint teams only")

    def test_plain_teams_keep_generic_stages(self):
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "IT Support"})
        stages = plain_team._get_applicable_stages()
        self.assertIn(self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new"), stages)
        self.assertFalse(stages.filtered("iso_step"))

    def test_complaint_sequence_is_separate(self):
        sequence = self.env.ref("odoo_iso10002.ir_sequence_complaint")
        helpdesk_sequence = self.env.ref("helpdesk_mgmt.helpdesk_ticket_sequence")
        self.assertNotEqual(sequence.code, helpdesk_sequence.code)
        self.assertNotEqual(sequence.prefix, helpdesk_sequence.prefix)

    def test_groups_in_their_own_category(self):
        category = self.env.ref("odoo_iso10002.module_category_iso10002")
        self.assertEqual(category.name, "Complaints (ISO 10002)")
        handler = self.env.ref("odoo_iso10002.group_complaint_user")
        manager = self.env.ref("odoo_iso10002.group_complaint_manager")
        auditor = self.env.ref("odoo_iso10002.group_complaint_auditor")
        self.assertEqual((handler | manager | auditor).category_id, category)
        self.assertIn(
            self.env.ref("helpdesk_mgmt.group_helpdesk_user_team"), handler.trans_implied_ids
        )
        self.assertIn(handler, manager.trans_implied_ids)
        self.assertIn(
            self.env.ref("helpdesk_mgmt.group_helpdesk_manager"), manager.trans_implied_ids
        )
        helpdesk_groups = self.env.ref("helpdesk_mgmt.group_helpdesk_user_own")
        self.assertNotIn(helpdesk_groups, auditor.trans_implied_ids)

    def test_complaints_menu(self):
        menu = self.env.ref("odoo_iso10002.iso10002_menu_root")
        self.assertEqual(menu.name, "Complaints")
        self.assertEqual(
            menu.child_id.child_id.filtered(lambda m: m.name == "All Complaints").action,
            self.env.ref("odoo_iso10002.helpdesk_ticket_action_complaints"),
        )
