from . import test_remedy_stock
