"""Coherence of the demo data, run by `make test` on a database where the demo
is installed (the addon's own tests never rely on it): the figures of the
completed management review are those the data gives again, and no demo
complaint is in a state the addon would refuse."""

from odoo.tests import TransactionCase


class TestDemoData(TransactionCase):
    # Odoo tags the test classes of addons only; this one runs once installed
    test_tags = {"standard", "at_install"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaints = (
            cls.env["helpdesk.ticket"]
            .with_context(active_test=False)
            .search([("is_complaint", "=", True)])
        )
        if not cls.env.ref("odoo_iso10002.iso10002_management_review_last_quarter_demo", False):
            raise AssertionError("the demo data is not installed in this database")

    def test_completed_review_is_what_the_data_gives(self):
        reviews = self.env["iso10002.management.review"].search([("state", "=", "done")])
        self.assertTrue(reviews)
        for review in reviews:
            # stored with two decimals, as the lines show them
            stored = {
                line.key: (
                    round(line.value, 2),
                    line.value_missing,
                    round(line.previous_value, 2),
                    line.previous_missing,
                )
                for line in review.line_ids
            }
            recomputed = review._kpi_recompute_lines()
            again = {
                values["key"]: (
                    round(values["value"], 2),
                    values["value_missing"],
                    round(values["previous_value"], 2),
                    values["previous_missing"],
                )
                for values in recomputed
            }
            differences = {
                key: (stored.get(key), again.get(key))
                for key in stored.keys() | again.keys()
                if stored.get(key) != again.get(key)
            }
            self.maxDiff = None
            self.assertEqual(differences, {}, review.name)

    def test_every_complaint_meets_the_checkpoints_of_its_step(self):
        self.assertGreater(len(self.complaints), 200)
        for complaint in self.complaints:
            with self.subTest(complaint=complaint.number):
                self.assertEqual(complaint._iso_missing(complaint.iso_step), [])

    def test_dates_follow_the_process(self):
        for complaint in self.complaints:
            with self.subTest(complaint=complaint.number):
                received = complaint.date_received
                for fname in (
                    "date_acknowledged",
                    "date_decision_communicated",
                    "date_closed",
                    "date_complainant_response",
                ):
                    if complaint[fname]:
                        self.assertGreaterEqual(complaint[fname], received, fname)
                if complaint.iso_step == "closed":
                    self.assertTrue(complaint.date_closed)
                if complaint.complainant_response in ("accepted", "no_answer"):
                    self.assertEqual(complaint.iso_step, "closed")
                for kind in ("acknowledge", "decision", "close"):
                    state = complaint[f"deadline_{kind}_state"]
                    deadline = complaint[f"deadline_{kind}"]
                    done = {
                        "acknowledge": complaint.date_acknowledged,
                        "decision": complaint.date_decision_communicated,
                        "close": complaint.date_closed,
                    }[kind] or complaint.date_closed  # closing ends every clock
                    if state == "met":
                        self.assertLessEqual(done, deadline, kind)
                if complaint.anonymised_date:
                    self.assertEqual(complaint.iso_step, "closed")

    def test_repeat_flags_are_what_the_data_gives(self):
        stored = {complaint: complaint.is_repeat for complaint in self.complaints}
        self.env.add_to_compute(self.complaints._fields["is_repeat"], self.complaints)
        self.complaints._recompute_recordset(["is_repeat"])
        wrong = [c.number for c in self.complaints if c.is_repeat != stored[c]]
        self.assertEqual(wrong, [])

    def test_languages_and_logins(self):
        # make demo and the CI demo database alike: Lithuanian loaded for every
        # module, the handler and the portal customer in Lithuanian, the
        # administrator in English (make demo's default)
        self.assertTrue(self.env["res.lang"]._lang_get("lt_LT"))
        menu = self.env.ref("base.menu_administration").with_context(lang="lt_LT")
        self.assertEqual(menu.name, "Nustatymai")
        self.assertEqual(self.env.ref("base.user_admin").lang, "en_US")
        handler = self.env.ref("base.user_demo")
        self.assertEqual(handler.lang, "lt_LT")
        self.assertTrue(handler.has_group("odoo_iso10002.group_complaint_user"))
        customer = self.env.ref("odoo_iso10002.res_users_laura_paulauskaite_demo")
        self.assertEqual((customer.login, customer.lang), ("laura", "lt_LT"))
        self.assertTrue(customer._is_portal())
        self.assertTrue(
            self.env["helpdesk.ticket"].with_user(customer).search([("is_complaint", "=", True)])
        )

    def test_company_has_its_own_name_and_logo(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "UAB Šiaurės baldai")
        self.assertTrue(company.logo)
        self.assertNotEqual(company.logo, company._get_logo())
