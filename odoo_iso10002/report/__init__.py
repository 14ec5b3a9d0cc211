from . import iso10002_complaint_report
from . import iso10002_management_review_report
