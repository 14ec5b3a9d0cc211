from . import test_install
from . import test_complaint
from . import test_access
from . import test_lifecycle
from . import test_deadline
from . import test_mail_gateway
from . import test_ui
from . import test_portal
