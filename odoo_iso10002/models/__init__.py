from . import res_company
from . import res_config_settings
from . import iso10002_priority_matrix
from . import iso10002_remedy_type
from . import iso10002_root_cause
from . import helpdesk_ticket_stage
from . import helpdesk_ticket_team
from . import helpdesk_ticket
