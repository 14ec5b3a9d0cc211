from odoo import api, fields, models, tools

from ..const import LEVELS, PRIORITIES, SEVERITIES


class Iso10002PriorityMatrix(models.Model):
    """One cell of the severity × impact matrix that gives a complaint its
    helpdesk priority (ISO 10002 7.5). Admins edit the cells in the UI."""

    _name = "iso10002.priority.matrix"
    _inherit = ["iso10002.config.cache.mixin"]
    _description = "Complaint Priority Matrix"
    _order = "severity, impact"

    severity = fields.Selection(SEVERITIES, required=True)
    impact = fields.Selection(LEVELS, required=True)
    priority = fields.Selection(PRIORITIES, required=True, default="1")

    _sql_constraints = [
        (
            "severity_impact_unique",
            "unique(severity, impact)",
            "The matrix already has a cell for this severity and impact.",
        ),
    ]

    @api.model
    @tools.ormcache()
    def _matrix(self):
        """The whole matrix as {(severity, impact): priority}: read once, not
        for every complaint created; a change to a cell clears it
        (iso10002.config.cache.mixin). Callers must not change it."""
        cells = self.sudo().search_fetch([], ["severity", "impact", "priority"])
        return {(cell.severity, cell.impact): cell.priority for cell in cells}

    @api.model
    def _priority_for(self, matrix, severity, impact, health_safety, immediate_action_needed):
        """Helpdesk priority of an assessment; None until severity and impact are known.

        A health-and-safety complaint, or one that needs immediate action, is
        always handled first (Very High), whatever the matrix says.
        """
        if health_safety or immediate_action_needed:
            return "3"
        return matrix.get((severity, impact))
