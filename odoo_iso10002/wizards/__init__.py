from . import iso10002_complaint_register
from . import iso10002_audit_export
