from odoo import api, models


class Iso10002WorkTimeMixin(models.AbstractModel):
    """A change to working time (calendars, attendances, leaves) clears the
    working time cached for planning deadlines
    (`resource.calendar._iso10002_work_intervals`)."""

    _name = "iso10002.work.time.mixin"
    _description = "Working Time Changes Clear the Planning Cache"

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
