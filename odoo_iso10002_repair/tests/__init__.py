from . import test_remedy_repair
from . import test_readonly
