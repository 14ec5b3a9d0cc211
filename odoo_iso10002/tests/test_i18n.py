import re

from babel.messages.pofile import read_po
from lxml import html

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import file_open

from .common import Iso10002Case
from .test_ui_lithuanian import _normalize, english_labels

# What must survive translation unchanged: Python and inline-template
# placeholders, and the markup of views and mail templates.
PLACEHOLDERS = re.compile(r"%\(\w+\)[.\d]*[sdf]|%[sdg]|\{\{.*?\}\}|<[^>]+>")
INLINE_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")
LITHUANIAN_LETTERS = re.compile(r"[ąčęėįšųūž]", re.IGNORECASE)


def _read_catalog(path):
    with file_open(path, "rb") as po_file:
        return read_po(po_file)


def _our_records(env, model):
    """The records of `model` the addon's data files create: a new one is
    covered without touching the tests."""
    data = env["ir.model.data"].search([("module", "=", "odoo_iso10002"), ("model", "=", model)])
    return env[model].browse(data.mapped("res_id"))


def _phrases(chunks):
    """The wording of template source chunks: spaces collapsed, punctuation
    at the ends dropped, only chunks with words in them."""
    phrases = {re.sub(r"\s+", " ", chunk).strip(" ,.:;()?!") for chunk in chunks}
    return {phrase for phrase in phrases if len(re.findall(r"[^\W\d_]", phrase)) >= 4}


def _html_text(markup):
    """The text a reader sees in rendered markup, spaces collapsed."""
    return re.sub(r"\s+", " ", html.fromstring(f"<div>{markup}</div>").text_content())


def _source_phrases(template, field):
    """The English sentences of a mail template field (its source, not its
    placeholders or markup)."""
    source = template.with_context(lang="en_US")[field]
    if field == "body_html":
        root = html.fromstring(f"<div>{source}</div>")
        return _phrases(text for node in root.iter() for text in (node.text, node.tail) if text)
    return _phrases(INLINE_PLACEHOLDER.split(source))


def _contains(text, phrase):
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)


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

    def test_mail_templates(self):
        """Each mail of ours reaches a Lithuanian complainant with no English
        sentence of its source left, over the branches a decided complaint
        with a remedy, a compensation and an ADR body takes."""
        self.partner.lang = "lt_LT"
        self.company.write(
            {
                "iso10002_adr_body": "Valstybinė vartotojų teisių apsaugos tarnyba",
                "iso10002_adr_url": "https://vvtat.lrv.lt",
            }
        )
        complaint = self._decided(
            remedy_ids=[
                Command.create(
                    {
                        "remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_refund").id,
                        "amount_currency": 25,
                    }
                )
            ],
        )
        templates = _our_records(self.env, "mail.template")
        self.assertTrue(templates)
        for template in templates:
            for field in ("subject", "body_html"):
                with self.subTest(template=template.name, field=field):
                    english, lithuanian = (
                        template._render_field(field, complaint.ids, **lang)[complaint.id]
                        for lang in ({"set_lang": "en_US"}, {"compute_lang": True})
                    )
                    if field == "body_html":
                        english, lithuanian = _html_text(english), _html_text(lithuanian)
                    rendered = {
                        p for p in _source_phrases(template, field) if _contains(english, p)
                    }
                    self.assertTrue(rendered, "the English render shows no source sentence")
                    self.assertRegex(lithuanian, LITHUANIAN_LETTERS)
                    self.assertFalse({p for p in rendered if _contains(lithuanian, p)})

    def test_survey_texts(self):
        """Every survey of ours: title, each question and each suggested answer."""
        survey = self.env_lt.ref("odoo_iso10002.survey_complaint_satisfaction")
        self.assertEqual(survey.title, "Pasitenkinimas Jūsų skundo nagrinėjimu")
        surveys = _our_records(self.env, "survey.survey")
        self.assertTrue(surveys)
        texts = [
            (record, field)
            for survey in surveys
            for record, field in [(survey, "title")]
            + [(question, "title") for question in survey.question_and_page_ids]
            + [(answer, "value") for answer in survey.question_ids.suggested_answer_ids]
        ]
        for record, field in texts:
            english = record.with_context(lang="en_US")[field]
            with self.subTest(record=str(record), english=english):
                lithuanian = record.with_env(self.env_lt)[field]
                self.assertTrue(lithuanian and lithuanian.strip())
                self.assertNotEqual(lithuanian, english)

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

    def test_helpdesk_mgmt_terms(self):
        """helpdesk_mgmt ships no Lithuanian: i18n_extra/lt.po gives its terms."""
        fields = self.env_lt["helpdesk.ticket"].fields_get(["user_id", "partner_name", "tag_ids"])
        self.assertEqual(fields["user_id"]["string"], "Atsakingas naudotojas")
        self.assertEqual(fields["partner_name"]["string"], "Partnerio vardas")
        self.assertEqual(fields["tag_ids"]["string"], "Žymos")
        self.assertEqual(
            self.env_lt.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").name, "Svetainė"
        )
        template = self.env_lt.ref("helpdesk_mgmt.closed_ticket_template")
        self.assertEqual(template.subject, "Užklausa {{object.number}} užbaigta.")
        arch = self.env_lt.ref("helpdesk_mgmt.ticket_view_form").arch
        self.assertIn("Kita informacija", arch)
        self.assertNotIn("Other Information", arch)


@tagged("post_install", "-at_install")
class TestI18nWebPages(HttpCase):
    """The portal and the public form, fetched in Lithuanian: the Lithuanian
    labels are there and none of the English labels of the same page in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the English pages to compare with: a database created in Lithuanian has no English
        for lang in ("en_US", "lt_LT"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"].search([("state", "=", "installed")])._update_translations(
            "lt_LT"
        )
        cls.labels = set(english_labels(cls.env)["exact"])
        cls.customer = new_test_user(
            cls.env, login="iso_i18n_customer", groups="base.group_portal", name="Ona Petraitienė"
        )
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Sulūžusi lempa",
                "description": "<p>Lempa atvyko sudaužyta.</p>",
                "team_id": cls.env.ref("odoo_iso10002.helpdesk_ticket_team_complaints").id,
                "partner_id": cls.customer.partner_id.id,
            }
        )

    def _texts(self, url, lang, login=None):
        """The texts a visitor reads on the page in `lang`: text, placeholders
        and tooltips, outside scripts and styles."""
        # the language of the last page would win over the user's
        self.opener.cookies.pop("frontend_lang", None)
        if login:
            self.customer.lang = lang
            self.authenticate(login, login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        root = html.fromstring(response.content)
        for node in root.xpath("//script|//style"):
            node.drop_tree()
        texts = {_normalize(text) for text in root.itertext()}
        texts |= {_normalize(value) for value in root.xpath("//@placeholder|//@title")}
        return texts - {""}

    def _assert_lithuanian(self, url, english_url, known, login=None):
        english = self._texts(english_url, "en_US", login) & self.labels
        # names such as the chatter's "OdooBot" are data, not labels
        partners = self.env["res.partner"].with_context(active_test=False)
        english -= set(partners.search([("name", "in", list(english))]).mapped("name"))
        self.assertTrue(english, "the English page shows no English label")
        lithuanian = self._texts(url, "lt_LT", login)
        self.assertFalse(english & lithuanian, "English labels on the Lithuanian page")
        self.assertLessEqual(set(known), lithuanian)

    def test_portal_pages(self):
        login = self.customer.login
        for url, known in (
            ("/my/tickets", {"Numeris", "Etapas"}),
            (self.complaint.get_portal_url(), {"Kaip nagrinėjamas Jūsų skundas", "Aprašymas"}),
        ):
            with self.subTest(url=url):
                self._assert_lithuanian(url, url, known, login)

    def test_public_complaint_form(self):
        self._assert_lithuanian("/lt/complaints/new", "/en/complaints/new", {"Pateikti skundą"})

    def test_portal_login_in_user_language(self):
        """A complainant who reads Lithuanian logs in through the login page,
        which set the default language's cookie, and reads Lithuanian."""
        self.customer.lang = "lt_LT"
        self.url_open("/en/complaints/new")
        self.assertEqual(self.opener.cookies.get("frontend_lang"), "en_US")
        page = self.url_open("/web/login")
        csrf = html.fromstring(page.content).xpath("//input[@name='csrf_token']/@value")[0]
        response = self.url_open(
            "/web/login",
            data={
                "login": self.customer.login,
                "password": self.customer.login,
                "csrf_token": csrf,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("/lt/my", response.url)
        self.assertEqual(self.opener.cookies.get("frontend_lang"), "lt_LT")
        tickets = self.url_open("/my/tickets")
        self.assertIn("/lt/my/tickets", tickets.url)
        self.assertIn("Sulūžusi lempa", tickets.text)
