from freezegun import freeze_time

from .common import Iso10002Case


class TestSurvey(Iso10002Case):
    """Satisfaction with complaints handling (ISO 10002 8.3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("odoo_iso10002.survey_complaint_satisfaction")
        cls.complaint_team.write({"survey_id": cls.survey.id, "survey_reminder_days": 5})

    def _closed(self, **values):
        complaint = self._decided(**values)
        self.env.invalidate_all()  # read as the handler, who has no survey rights
        complaint.action_record_acceptance()
        return complaint

    def _answer(self, complaint, scores):
        """The complainant answers the six scored questions with these scores."""
        answer = complaint.sudo().survey_answer_ids
        for question in self.survey.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        ):
            choice = question.suggested_answer_ids.filtered_domain(
                [("answer_score", "=", scores.pop(0))]
            )
            answer._save_lines(question, choice.id)
        answer._mark_done()

    def test_invitation_on_closing(self):
        complaint = self._closed()
        answer = complaint.sudo().survey_answer_ids
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.partner_id, self.partner)
        self.assertEqual(answer.survey_id, self.survey)
        self.assertEqual(answer.state, "new")
        self.assertTrue(complaint.survey_invited_date)
        mail = complaint.message_ids.filtered(lambda m: "how did we handle" in (m.subject or ""))
        self.assertEqual(len(mail), 1)
        self.assertIn(self.partner, mail.partner_ids)
        self.assertIn(f"answer_token={answer.access_token}", mail.body)

    def test_one_survey_per_complaint(self):
        complaint = self._closed()
        complaint.stage_id = self._stage("investigation")
        complaint.stage_id = self._stage("closed")
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(len(complaint.sudo().survey_answer_ids), 1)

    def test_no_survey_for_excluded_complaints(self):
        anonymous = self._closed(is_anonymous=True)
        withdrawn = self._assessed()
        withdrawn.action_withdraw()
        self.partner.iso10002_survey_opt_out = True
        opted_out = self._closed()
        self.partner.iso10002_survey_opt_out = False
        no_address = self._decided()
        self.partner.email = False  # the address turned out to be wrong
        no_address.action_record_acceptance()
        for complaint in anonymous | withdrawn | opted_out | no_address:
            self.assertEqual(complaint.iso_step, "closed")
            self.assertFalse(complaint.sudo().survey_answer_ids)
            self.assertFalse(complaint.survey_invited_date)

    def test_team_without_survey(self):
        self.complaint_team.survey_id = False
        self.assertFalse(self._closed().sudo().survey_answer_ids)

    def test_survey_after_the_teams_delay(self):
        self.complaint_team.survey_delay_days = 3
        with freeze_time("2026-05-04 10:00:00"):
            complaint = self._closed()
        self.assertFalse(complaint.sudo().survey_answer_ids)
        cron = self.env["helpdesk.ticket"]._cron_survey
        with freeze_time("2026-05-06 10:00:00"):
            cron()
        self.assertFalse(complaint.sudo().survey_answer_ids)
        with freeze_time("2026-05-07 10:00:01"):
            cron()
            cron()
        self.assertEqual(len(complaint.sudo().survey_answer_ids), 1)
        self.assertFalse(complaint.survey_due_date)

    def test_backlog_of_surveys_and_reminders_in_batches(self):
        self.complaint_team.survey_delay_days = 3
        with freeze_time("2026-05-04 10:00:00"):
            complaints = self._closed() | self._closed() | self._closed()
        with freeze_time("2026-05-07 10:00:01"):
            calls = self._run_cron("odoo_iso10002.ir_cron_complaint_surveys", "_cron_survey", 2)
        self.assertEqual(calls, [(2, 1), (1, 0)])
        self.assertEqual(len(complaints.sudo().survey_answer_ids), 3)
        with freeze_time("2026-05-12 10:00:02"):
            calls = self._run_cron("odoo_iso10002.ir_cron_complaint_surveys", "_cron_survey", 2)
        self.assertEqual(calls, [(2, 1), (1, 0)])
        self.assertTrue(all(complaints.mapped("survey_reminded_date")))

    def test_reminder_once_and_not_after_the_answer(self):
        with freeze_time("2026-05-04 10:00:00"):
            silent, answered = self._closed(), self._closed()
        self._answer(answered, [4, 4, 4, 4, 4, 4])
        cron = self.env["helpdesk.ticket"]._cron_survey
        with freeze_time("2026-05-08 10:00:00"):
            cron()
        self.assertFalse(silent.survey_reminded_date)
        with freeze_time("2026-05-09 10:00:01"):
            cron()
            cron()
        self.assertTrue(silent.survey_reminded_date)
        self.assertFalse(answered.survey_reminded_date)
        mails = silent.message_ids.filtered(lambda m: "how did we handle" in (m.subject or ""))
        self.assertEqual(len(mails), 2, "the invitation and one reminder")

    def test_answer_sets_the_complaints_score(self):
        complaint = self._closed()
        self._answer(complaint, [4, 4, 3, 3, 2, 4])
        self.assertAlmostEqual(complaint.satisfaction_score, 83.33, places=2)  # 20 of 24
        self.assertTrue(complaint.survey_answered_date)
        self.assertIn("Satisfaction survey answered: 83", complaint.message_ids[0].body)

    def test_response_rate_and_score_per_team(self):
        with freeze_time("2026-05-04 10:00:00"):
            first, second, third = self._closed(), self._closed(), self._closed()
        self._answer(first, [4, 4, 4, 4, 4, 4])
        self._answer(second, [2, 2, 2, 2, 2, 2])
        with freeze_time("2026-07-01 10:00:00"):
            self._closed()  # another quarter
        stats = self.complaint_team._satisfaction_stats("2026-04-01", "2026-07-01")
        self.assertEqual(
            stats[self.complaint_team],
            {"invited": 3, "answered": 2, "response_rate": 200 / 3, "score": 75.0},
        )
        self.assertTrue(third.survey_invited_date)
