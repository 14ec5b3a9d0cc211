from odoo.tests import TransactionCase


class CalendarCase(TransactionCase):
    """Compares the scripts' working time with Odoo's resource.calendar."""

    # Odoo tags the test classes of addons only; these are standard tests too
    # (outgoing HTTP requests blocked), run once the addon is installed.
    test_tags = {"standard", "at_install"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The scripts know no leaves: public holidays in the database would
        # count for Odoo alone.
        cls.env["resource.calendar.leaves"].search([]).unlink()
