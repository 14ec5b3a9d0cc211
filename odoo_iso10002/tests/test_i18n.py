import re

from babel.messages.pofile import read_po

from odoo.exceptions import UserError
from odoo.tools.misc import file_open

from .common import Iso10002Case

# What must survive translation unchanged: Python and inline-template
# placeholders, and the markup of views and mail templates.
PLACEHOLDERS = re.compile(r"%\(\w+\)[.\d]*[sdf]|%[sdg]|\{\{.*?\}\}|<[^>]+>")


def _read_catalog(path):
    with file_open(path, "rb") as po_file:
        return read_po(po_file)


class TestI18n(Iso10002Case):
    """Lithuanian organisations run the addon in Lithuanian (LST ISO 10002:2018)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("lt_LT")
        cls.env["ir.module.module"]._load_module_terms(["odoo_iso10002"], ["lt_LT"], overwrite=True)
        cls.env_lt = cls.env(context=dict(cls.env.context, lang="lt_LT"))

    def test_backend_labels(self):
        fields = self.env_lt["helpdesk.ticket"].fields_get(["severity", "date_received"])
        self.assertEqual(fields["severity"]["string"], "Sunkumas")
        self.assertEqual(fields["date_received"]["string"], "Gavimo data")
        steps = dict(
            self.env_lt["helpdesk.ticket.stage"].fields_get(["iso_step"])["iso_step"]["selection"]
        )
        self.assertEqual(steps["assessment"], "Pirminis vertinimas")
        self.assertEqual(steps["closed"], "Užbaigtas")
        self.assertEqual(self.env_lt.ref("odoo_iso10002.iso10002_menu_root").name, "Skundai")

    def test_iso_stage_names(self):
        names = {
            step: self.env_lt.ref(f"odoo_iso10002.helpdesk_ticket_stage_{step}").name
            for step in ("received", "assessment", "investigation", "decision_communicated")
        }
        self.assertEqual(
            names,
            {
                "received": "Gautas",
                "assessment": "Pirminis vertinimas",
                "investigation": "Tyrimas",
                "decision_communicated": "Sprendimas praneštas",
            },
        )

    def test_acknowledgement_mail_in_complainant_language(self):
        template = self.env.ref("odoo_iso10002.mail_template_complaint_acknowledgement")
        self.assertEqual(
            template.with_env(self.env_lt).subject,
            "{{ object.company_id.name }}: Jūsų skundas {{ object.number }} gautas",
        )
        self.partner.lang = "lt_LT"
        complaint = self._create_ticket(self.complaint_team)
        subject = template._render_field("subject", complaint.ids, compute_lang=True)
        body = template._render_field("body_html", complaint.ids, compute_lang=True)
        self.assertEqual(
            subject[complaint.id], f"{self.company.name}: Jūsų skundas {complaint.number} gautas"
        )
        self.assertIn("Kas vyks toliau", body[complaint.id])
        self.assertIn(complaint.number, body[complaint.id])

    def test_unsaved_complaint_name(self):
        tickets = self.env_lt["helpdesk.ticket"].with_user(self.handler)
        spec = {"team_id": {}, "display_name": {}}
        values = tickets.with_context(default_team_id=self.complaint_team.id).onchange({}, [], spec)
        self.assertEqual(values["value"]["display_name"], "Naujas skundas")
        values = tickets.with_context(default_team_id=self.plain_team.id).onchange({}, [], spec)
        self.assertEqual(values["value"]["display_name"], "Nauja užklausa")

    def test_satisfaction_survey(self):
        survey = self.env_lt.ref("odoo_iso10002.survey_complaint_satisfaction")
        self.assertEqual(survey.title, "Pasitenkinimas Jūsų skundo nagrinėjimu")

    def test_python_message(self):
        complaint = self._create_ticket(self.complaint_team)
        with self.assertRaisesRegex(UserError, "patvirtinti gali tik skundų vadovas"):
            complaint.with_user(self.handler).with_context(
                lang="lt_LT"
            ).action_approve_compensation()

    def test_po_file_complete(self):
        template = _read_catalog("odoo_iso10002/i18n/odoo_iso10002.pot")
        catalog = _read_catalog("odoo_iso10002/i18n/lt.po")
        self.assertEqual(catalog.locale.language, "lt")
        self.assertEqual(catalog.num_plurals, 3)
        self.assertFalse({msg.id for msg in template if msg.id} - {msg.id for msg in catalog})
        for message in catalog:
            if not message.id:
                continue
            with self.subTest(msgid=message.id[:60]):
                self.assertTrue(message.string and message.string.strip())
                self.assertFalse(message.fuzzy)
                self.assertCountEqual(
                    PLACEHOLDERS.findall(message.string), PLACEHOLDERS.findall(message.id)
                )
