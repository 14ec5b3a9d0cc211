from . import account_move
from . import helpdesk_ticket
from . import iso10002_remedy
from . import iso10002_remedy_type
