from . import helpdesk_ticket
from . import iso10002_remedy
from . import iso10002_remedy_type
from . import stock_move
from . import stock_picking
from . import stock_rule
