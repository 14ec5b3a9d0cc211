from . import test_i18n
from . import test_refund
from . import test_ui
from . import test_readonly
