from . import test_remedy_stock
from . import test_readonly
