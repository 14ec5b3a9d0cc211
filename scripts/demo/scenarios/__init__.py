"""The scenarios, by category: what the complaints are about."""

from .assembly import ASSEMBLY
from .billing import BILLING
from .delivery import DELIVERY
from .product import PRODUCT
from .service import SERVICE

# the order within a category is the one the simulation draws from
SCENARIOS = DELIVERY + PRODUCT + ASSEMBLY + BILLING + SERVICE
