from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..const import AUDITOR_GROUP, MANAGER_GROUP


class HelpdeskTicket(models.Model):
    """Who may read and write complaints: confidentiality and objectivity
    (ISO 10002 4.10, 4.7), read-only auditors.

    Who may read a complaint is decided by a global record rule (security/):
    a confidential complaint is read by its handler, complaint managers and
    auditors (and, on the portal, by the complainant only); the person a
    complaint is about does not read it unless a manager allows it. Who
    changes a complaint's chatter: see iso10002.chatter.mixin."""

    # One file per concern of the complaint model; the chatter mixin first, so
    # that its _mail_post_access replaces helpdesk_mgmt's.
    _name = "helpdesk.ticket"
    _inherit = [  # pylint: disable=consider-merging-classes-inherited
        "iso10002.chatter.mixin",
        "helpdesk.ticket",
    ]

    is_confidential = fields.Boolean(
        string="Confidential",
        tracking=True,
        index=True,
        help="Only the handler, complaint managers and auditors read the complaint; "
        "it is left out of the customer's complaint counts and its followers are "
        "limited to them and the complainant.",
    )
    subject_user_id = fields.Many2one(
        "res.users",
        string="Complaint About",
        tracking=True,
        index="btree_not_null",
        domain="[('share', '=', False)]",
        help="The employee the complaint is about: they may neither handle nor "
        "investigate it, nor read it unless a manager allows it.",
    )
    subject_user_may_read = fields.Boolean(
        string="Person Concerned May Read It",
        tracking=True,
        help="Set by a complaint manager, e.g. to hear the employee's side.",
    )

    @api.constrains("subject_user_id", "user_id", "investigator_id")
    def _check_objectivity(self):
        for complaint in self.filtered("subject_user_id"):
            if complaint.subject_user_id in complaint.user_id | complaint.investigator_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot handle or investigate complaint %(ref)s: "
                        "the complaint is about them.",
                        user=complaint.subject_user_id.name,
                        ref=complaint.number,
                    )
                )

    def _iso_check_values(self, vals):
        """Anyone who handles a complaint may make it confidential; only a
        complaint manager lifts that or lets the person concerned read it."""
        super()._iso_check_values(vals)
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        lifting = "is_confidential" in vals and not vals["is_confidential"]
        if vals.get("subject_user_may_read") or (lifting and any(self.mapped("is_confidential"))):
            raise AccessError(
                self.env._(
                    "Only a complaint manager may lift the confidentiality of a "
                    "complaint or let the person it is about read it."
                )
            )

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        confidential = self.filtered("is_confidential")
        if partner_ids and confidential:
            allowed = confidential._iso_allowed_follower_partners()
            partner_ids = [pid for pid in partner_ids if pid in allowed.ids]
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _iso_allowed_follower_partners(self):
        """Partners who may follow these confidential complaints."""
        groups = self.env["res.groups"].sudo()
        for xmlid in (MANAGER_GROUP, AUDITOR_GROUP):
            groups |= self._iso_ref(xmlid) or groups
        staff = groups.users
        allowed = self.partner_id | self.user_id.partner_id | staff.partner_id
        concerned = self.filtered(lambda c: not c.subject_user_may_read).subject_user_id
        return allowed - concerned.partner_id

    def _iso_on_confidentiality_changed(self):
        """Followers who may not read the complaint any more are removed."""
        res = super()._iso_on_confidentiality_changed()
        for complaint in self:
            allowed = complaint._iso_allowed_follower_partners()
            intruders = complaint.sudo().message_partner_ids - allowed
            if intruders:
                complaint.sudo().message_unsubscribe(partner_ids=intruders.ids)
        return res
