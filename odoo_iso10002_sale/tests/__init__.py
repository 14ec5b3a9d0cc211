from . import test_sale_order
from . import test_portal
from . import test_i18n
from . import test_readonly
