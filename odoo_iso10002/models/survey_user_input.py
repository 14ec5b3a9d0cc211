from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    complaint_id = fields.Many2one(
        "helpdesk.ticket",
        index="btree_not_null",
        ondelete="set null",
        help="The complaint whose handling this answer rates (ISO 10002 8.3).",
    )

    _sql_constraints = [
        (
            "complaint_unique",
            "unique(complaint_id)",
            "A complaint gets one satisfaction survey only.",
        ),
    ]

    def _mark_done(self):
        res = super()._mark_done()
        for answer in self.sudo().filtered("complaint_id"):
            complaint = answer.complaint_id
            complaint.write(
                {
                    "satisfaction_score": answer.scoring_percentage,
                    "survey_answered_date": answer.end_datetime or fields.Datetime.now(),
                }
            )
            complaint.message_post(
                body=self.env._(
                    "Satisfaction survey answered: %(score)s / 100.",
                    score=round(answer.scoring_percentage),
                ),
                subtype_xmlid="mail.mt_note",
                author_id=self.env.ref("base.partner_root").id,
            )
        return res
