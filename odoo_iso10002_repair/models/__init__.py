from . import iso10002_remedy
from . import iso10002_remedy_type
from . import repair_order
