from odoo import api, models


class Iso10002ConfigCacheMixin(models.AbstractModel):
    """A change to what every new complaint is checked and planned with
    (calendars, attendances, leaves, the priority matrix, teams, stages)
    clears what is cached of it: `resource.calendar._iso10002_work_intervals`,
    `iso10002.priority.matrix._matrix`,
    `helpdesk.ticket.team._iso_applicable_stage_ids`."""

    _name = "iso10002.config.cache.mixin"
    _description = "Complaint Configuration Changes Clear Its Cache"

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
